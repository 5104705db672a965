import { parseSettings, readLanguage, requiredDocuments, SETTING_DEFS } from '../../src/core/settings';
import type { Grid } from '../../src/core/types';

const WITA = 480;
const header = ['Pengaturan', 'Nilai', 'Keterangan'];

function settingsWith(rows: Grid): Grid {
  return [header, ...rows];
}

describe('parseSettings', () => {
  it('gives the documented defaults when the tab is missing', () => {
    const result = parseSettings(undefined, WITA);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual({
      activityName: 'Rekrutmen Calon Penyuluh Sosial — Desa Berketahanan Sosial',
      organiser: 'Kementerian Sosial Republik Indonesia',
      ageReferenceDate: null,
      minAge: 18,
      maxAge: 55,
      minEducation: 'SLTA',
      requireDomicile: true,
      minPanelists: 2,
      nationalByVillage: false,
      nationalPassList: true,
      aggregation: 'Rata-rata',
      passMark: 60,
      quotaUnit: 'Desa',
      quotaPerUnit: 1,
      reserves: 1,
      spreadLimit: 20,
      maskPersonalData: true,
      walkInRows: 5,
      signingCity: 'Pelaihari',
      responsibleName: '',
      responsibleNip: '',
      requiredDocuments: 'KTP, Ijazah terakhir, Surat keterangan sehat, SKCK, Pas foto',
      adminAnnouncementNumber: '',
      adminAnnouncementDate: null,
      objectionDays: 3,
      objectionsPerCandidate: 1,
      showScoreInAnnouncement: true,
      language: 'Indonesia',
    });
  });

  it('reads values forgivingly: labels by match key, numbers as text, decimal commas, yes/no words, dates, choices', () => {
    const result = parseSettings(
      settingsWith([
        ['ambang LULUS', '62,5', ''],
        ['Usia maksimum', '45', ''],
        ['Samarkan data pribadi', 'tidak', ''],
        ['Wajib domisili desa sasaran', false, ''],
        ['Metode agregasi', 'rata rata terpangkas', ''],
        ['Tanggal acuan usia', '25 Nopember 2019', ''],
        ['Pendidikan minimum', 'SMA', ''],
        ['Bahasa', 'english', ''],
        ['', '', 'a note row without a name is ignored'],
      ]),
      WITA,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.passMark).toBe(62.5);
    expect(result.settings.maxAge).toBe(45);
    expect(result.settings.maskPersonalData).toBe(false);
    expect(result.settings.requireDomicile).toBe(false);
    expect(result.settings.aggregation).toBe('Rata-rata terpangkas');
    expect(result.settings.ageReferenceDate).toEqual({ year: 2019, month: 11, day: 25 });
    expect(result.settings.minEducation).toBe('SLTA');
    expect(result.settings.language).toBe('English');
    expect(result.rows.get('passMark')).toBe(2);
  });

  it('reports a bad value with the row, the setting and what it accepts, in both languages', () => {
    const result = parseSettings(
      settingsWith([
        ['Ambang lulus', 'enam puluh', ''],
        ['Metode agregasi', 'Median', ''],
      ]),
      WITA,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(result.problems[0].message.id).toBe(
      'Pengaturan "Ambang lulus" (tab Pengaturan, baris 2, kolom Nilai) berisi "enam puluh", padahal harus angka 0–100. Perbaiki nilainya lalu jalankan lagi.',
    );
    expect(result.problems[1].message.en).toBe(
      'Setting "Metode agregasi" (Pengaturan tab, row 3, Nilai column) holds "Median" but must be one of: Rata-rata, Rata-rata terpangkas, Skor-z. Fix the value and run again.',
    );
  });

  it('checks ranges and cross-field rules through the schema', () => {
    const result = parseSettings(
      settingsWith([
        ['Usia minimum', 30, ''],
        ['Usia maksimum', 25, ''],
        ['Ambang lulus', 150, ''],
        ['Jumlah penilai minimum', 2.5, ''],
      ]),
      WITA,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message.en)).toEqual([
      'Pengaturan tab (row 3): Usia maksimum (25) is lower than Usia minimum (30). Fix one of them.',
      'Setting "Ambang lulus" (Pengaturan tab, row 4, Nilai column) holds "150" but must be a number 0–100. Fix the value and run again.',
      'Setting "Jumlah penilai minimum" (Pengaturan tab, row 5, Nilai column) holds "2.5" but must be a whole number 1–20. Fix the value and run again.',
    ]);
  });

  it('reports unknown and duplicated settings, suggesting the closest name', () => {
    const result = parseSettings(
      settingsWith([
        ['Ambang lulusan', 60, ''],
        ['Bahasa', 'Indonesia', ''],
        ['bahasa', 'English', ''],
      ]),
      WITA,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message.id)).toEqual([
      'Tab Pengaturan baris 2: pengaturan "Ambang lulusan" tidak dikenal. Mungkin maksud Anda "Ambang lulus"? Perbaiki namanya atau hapus baris itu.',
      'Tab Pengaturan baris 4: "Bahasa" sudah ada di baris 3. Hapus salah satunya.',
    ]);
  });

  it('treats a blank value as the default', () => {
    const result = parseSettings(
      settingsWith([
        ['Ambang lulus', '', ''],
        ['Tanggal acuan usia', '', ''],
      ]),
      WITA,
    );
    expect(result.ok && result.settings.passMark).toBe(60);
    expect(result.ok && result.settings.ageReferenceDate).toBeNull();
  });

  it('accepts the English labels too', () => {
    const result = parseSettings(
      settingsWith([
        ['Pass mark', 70, ''],
        ['Language', 'English', ''],
      ]),
      WITA,
    );
    expect(result.ok && result.settings.passMark).toBe(70);
    expect(result.ok && result.settings.language).toBe('English');
  });

  it('has an explanation in both languages for every setting', () => {
    for (const def of SETTING_DEFS) {
      expect(def.explain.id.length).toBeGreaterThan(10);
      expect(def.explain.en.length).toBeGreaterThan(10);
    }
  });
});

describe('readLanguage', () => {
  it('reads only the language, even when other settings are broken', () => {
    expect(
      readLanguage(
        settingsWith([
          ['Ambang lulus', 'x', ''],
          ['Bahasa', 'English', ''],
        ]),
      ),
    ).toBe('en');
    expect(readLanguage(settingsWith([['Bahasa', 'Inggris', '']]))).toBe('id');
    expect(readLanguage(undefined)).toBe('id');
  });
});

describe('requiredDocuments', () => {
  it('splits Berkas wajib at commas, semicolons and line breaks, trims, and keeps each document once', () => {
    const result = parseSettings(settingsWith([['Berkas wajib', ' KTP ; ijazah terakhir,\nSKCK, ktp,, ', '']]), WITA);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(requiredDocuments(result.settings)).toEqual(['KTP', 'ijazah terakhir', 'SKCK']);
  });

  it('lists the five documents of the default', () => {
    const result = parseSettings(undefined, WITA);
    if (!result.ok) throw new Error('defaults must parse');
    expect(requiredDocuments(result.settings)).toEqual([
      'KTP',
      'Ijazah terakhir',
      'Surat keterangan sehat',
      'SKCK',
      'Pas foto',
    ]);
  });
});
