/** "Hitung skor & peringkat" end to end: sealed scores in, results out, hand edits caught. */
import { Emulator, Workbook } from '../../emulator';
import { PANEL, scoringWorkbook } from '../support/scoringWorkbook';
import { ensureBuilt } from '../support/dist';
import type { CellValue } from '../../src/core/types';

beforeAll(ensureBuilt);

const scores = (k1: number, k2: number, k3: number, k4: number, k5: number) => ({
  K1: k1,
  K2: k2,
  K3: k3,
  K4: k4,
  K5: k5,
});

function submit(emu: Emulator, user: string, candidateId: string, s: Record<string, number>, recused = false): void {
  const response = emu.runRpc('submitScore', [{ candidateId, scores: s, recused, note: '' }], { user }) as {
    ok: boolean;
  };
  if (!response.ok) throw new Error(JSON.stringify(response));
}

function column(wb: Workbook, header: string): CellValue[] {
  const values = wb.sheet('Kandidat')!.values();
  const at = values[0].indexOf(header);
  return values.slice(1).map((r) => r[at]);
}

describe('ranking the scored candidates', () => {
  const { wb, emu } = scoringWorkbook();
  // Angsau (quota 1): K-0001 and K-0002. Takisung (quota 2 on Desa Sasaran): K-0003, K-0004.
  submit(emu, PANEL.ani, 'K-0001', scores(5, 4, 4, 4, 4)); // 100 × (0.25 + 0.75 × 0.75) = 81.25
  submit(emu, PANEL.budi, 'K-0001', scores(4, 4, 4, 4, 4)); // 75
  submit(emu, PANEL.ani, 'K-0002', scores(4, 4, 4, 4, 4)); // 75
  submit(emu, PANEL.budi, 'K-0002', scores(4, 4, 4, 4, 4)); // 75
  submit(emu, PANEL.ani, 'K-0003', scores(3, 3, 3, 3, 3), true); // recusal: does not count
  submit(emu, PANEL.budi, 'K-0003', scores(5, 5, 5, 5, 5)); // 100, but only one score
  submit(emu, PANEL.ani, 'K-0004', scores(2, 2, 2, 2, 2)); // 25
  submit(emu, PANEL.citra, 'K-0004', scores(3, 3, 3, 3, 3)); // 50
  const run = emu.run('computeRanking');

  it('writes final score, rank and result into the Kandidat output columns', () => {
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts).toEqual([]);
    expect(column(wb, 'Skor Akhir')).toEqual([78.1, 75, '', 37.5, '', '']); // (81.25 + 75) / 2 = 78.125
    expect(column(wb, 'Peringkat')).toEqual([1, 2, '', 1, '', '']);
    expect(column(wb, 'Hasil Seleksi')).toEqual([
      'Lulus',
      'Cadangan',
      'Belum Lengkap',
      'Tidak Lulus',
      'TMS',
      'Belum Lengkap',
    ]);
    expect(run.ui.toasts.at(-1)!.message).toBe('1 Lulus, 1 Cadangan, 1 Tidak Lulus, 2 Belum Lengkap, 1 TMS');
  });

  it('publishes Hasil Seleksi with masked NIKs, per-criterion means and the method', () => {
    const values = wb.sheet('Hasil Seleksi')!.values();
    const header = values.find((r) => r[0] === 'Unit')!;
    expect(header).toEqual([
      'Unit',
      'Peringkat',
      'ID',
      'Nama',
      'NIK',
      'L/P',
      'Desa/Kelurahan',
      'Kecamatan',
      'Kabupaten/Kota',
      'Jumlah Penilai',
      'K1 (rata-rata)',
      'K2 (rata-rata)',
      'K3 (rata-rata)',
      'K4 (rata-rata)',
      'K5 (rata-rata)',
      'Skor Akhir',
      'Selisih',
      'Tanda',
      'Hasil',
      'Penentu Seri',
    ]);
    const row = values.find((r) => r[2] === 'K-0001')!;
    expect(row.slice(0, 17)).toEqual([
      'Angsau, Kec. Pelaihari, Kabupaten Tanah Laut (kuota 1)',
      1,
      'K-0001',
      'Siti Aminah',
      '630103******0001',
      'P',
      'Angsau',
      'Pelaihari',
      'Kabupaten Tanah Laut',
      2,
      4.5,
      4,
      4,
      4,
      4,
      78.1,
      6.3,
    ]);
    expect(JSON.stringify(values)).not.toContain('6301034708900001');
    expect(values[3][0]).toContain('Metode: Rata-rata; ambang lulus 60; minimal 2 penilai');
    const name = values.find((r) => r[2] === 'K-0003')![3];
    expect(name).toBe('<img src=x onerror=alert(1)>');
  });

  it('flags a score row edited by hand and stops counting it until re-submitted', () => {
    const sheet = wb.sheet('Penilaian')!;
    const rows = sheet.values();
    const at = rows.findIndex((r) => r[1] === 'K-0002' && r[2] === PANEL.budi) + 1;
    sheet.setValues(at, 5, [[5]]); // K1 4 → 5, by hand
    emu.run('computeRanking');
    expect(column(wb, 'Hasil Seleksi')[1]).toBe('Belum Lengkap');
    const result = wb.sheet('Hasil Seleksi')!.values();
    expect(result.find((r) => r[2] === 'K-0002')![17]).toBe(
      '1 nilai diubah manual (segel tidak cocok), tidak dihitung sampai dikirim ulang',
    );
    expect(result.some((r) => String(r[0]).startsWith('1 baris Penilaian tidak cocok dengan segelnya'))).toBe(true);
    submit(emu, PANEL.budi, 'K-0002', scores(4, 4, 4, 4, 4));
    emu.run('computeRanking');
    expect(column(wb, 'Hasil Seleksi')[1]).toBe('Cadangan');
  });
});

describe('the columns the ranking reads', () => {
  it('still lists a validated row whose content is all in columns it does not read', () => {
    const { wb, emu } = scoringWorkbook();
    const sheet = wb.sheet('Kandidat')!;
    const header = sheet.values()[0].map(String);
    // Row 6 (K-0005) keeps only what the ranking does not read: birth place and date, education, address, …
    for (const h of [
      'Nama Lengkap',
      'NIK',
      'Jenis Kelamin',
      'Desa/Kelurahan',
      'Kecamatan',
      'Kabupaten/Kota',
      'Tanggal Daftar',
    ])
      if (header.includes(h)) sheet.setValues(6, header.indexOf(h) + 1, [['']]);
    expect(emu.run('validateCandidates').error).toBeUndefined();
    expect(column(wb, 'Status Administrasi')[4]).toBe('TMS');
    const run = emu.run('computeRanking');
    expect(run.error).toBeUndefined();
    expect(column(wb, 'Hasil Seleksi')[4]).toBe('TMS');
    expect(run.ui.toasts.at(-1)!.message).toContain('1 TMS');
    expect(
      wb
        .sheet('Hasil Seleksi')!
        .values()
        .some((r) => r.includes('K-0005')),
    ).toBe(true);
  });
});

describe('bad input and budgets', () => {
  it('stops with a clear alert when candidates were never validated', () => {
    const wb = new Workbook();
    const emu = new Emulator({ workbook: wb });
    emu.run('setupWorkbook');
    wb.sheet('Kandidat')!.setValues(2, 2, [['Siti', '6301034708900001']]);
    const run = emu.run('computeRanking');
    expect(run.ui.alerts[0].prompt).toBe(
      'Kandidat belum divalidasi. Jalankan Validasi data kandidat dulu, lalu hitung lagi.',
    );
  });

  it('stops on a broken rubric, naming the row, before writing anything', () => {
    const { wb, emu } = scoringWorkbook();
    wb.sheet('Kriteria')!.setValues(3, 4, [[5]]); // K2: min 5, max 5
    const before = JSON.stringify(wb.sheet('Kandidat')!.values());
    const run = emu.run('computeRanking');
    expect(run.ui.alerts[0].prompt).toBe(
      'Rubrik di tab Kriteria perlu diperbaiki dulu; tidak ada yang diubah:\n• Tab Kriteria baris 3: Skor Min dan Skor Maks harus bilangan bulat antara -1000 dan 1000, dengan Skor Maks lebih besar (misalnya 1 dan 5).',
    );
    expect(JSON.stringify(wb.sheet('Kandidat')!.values())).toBe(before);
  });

  it('makes the same number of service calls for 10 candidates and for 10,000 candidates × 3 panelists', () => {
    const calls = (n: number) => {
      const wb = new Workbook();
      const emu = new Emulator({ workbook: wb });
      emu.run('setupWorkbook');
      wb.sheet('Kandidat')!.setNumberFormat(2, 3, n, 1, '@');
      const nik = (i: number) =>
        `6301${String(1 + (i % 11)).padStart(2, '0')}470890${String(1 + Math.floor(i / 11)).padStart(4, '0')}`;
      wb.sheet('Kandidat')!.setValues(
        2,
        1,
        Array.from({ length: n }, (_, i) => [
          `K-${String(i + 1).padStart(5, '0')}`,
          `Kandidat ${i}`,
          nik(i),
          'P',
          'X',
          '07/08/1990',
          'SMA',
          'Jl',
          `Desa ${i % 210}`,
          'Pelaihari',
          'Kabupaten Tanah Laut',
          'Kalsel',
          `0812${10000000 + i}`,
          '',
          '',
          '',
          '',
          'MS',
        ]),
      );
      const scoreRows = Array.from({ length: n * 3 }, (_, i) => [
        new Date(0),
        `K-${String(Math.floor(i / 3) + 1).padStart(5, '0')}`,
        `p${i % 3}@x.id`,
        `P${i % 3}`,
        3,
        4,
        3,
        4,
        3,
        62.5,
        'Tidak',
        '',
        'unsealed',
        'Google',
      ]);
      wb.sheet('Penilaian')!.setValues(2, 1, scoreRows);
      const run = emu.run('computeRanking');
      if (run.error || run.ui.alerts.length) throw new Error(run.error?.message ?? run.ui.alerts[0].prompt);
      return run.calls;
    };
    const small = calls(10);
    const large = calls(10_000);
    // Identical, except for the one call that sizes the results tab: a new sheet has 1,000 rows, so
    // the small tab deletes the rows it does not need and the large one inserts the rows it does.
    const resize = (calls: Record<string, number>) =>
      (calls['Sheet.insertRowsAfter'] ?? 0) + (calls['Sheet.deleteRows'] ?? 0);
    expect([resize(small), resize(large)]).toEqual([1, 1]);
    const rest = (calls: Record<string, number>) => ({ ...calls, 'Sheet.insertRowsAfter': 0, 'Sheet.deleteRows': 0 });
    expect(rest(large)).toEqual(rest(small));
  });
});
