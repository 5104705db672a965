import { planSetup, type ExistingTab } from '../../src/core/setupPlan';
import { SETTING_DEFS } from '../../src/core/settings';

const tab = (headerRow: ExistingTab['headerRow'], extra: Partial<ExistingTab> = {}): ExistingTab => ({
  headerRow,
  lastRow: 1,
  maxRows: 1000,
  frozenRows: 1,
  ...extra,
});

describe('planSetup on an empty workbook', () => {
  const plan = planSetup(new Map(), 'id');

  it('creates every contract tab in order, Penilaian from the default rubric, and Log', () => {
    expect(plan.tabs.map((t) => [t.name, t.create])).toEqual([
      ['Pengaturan', true],
      ['Kandidat', true],
      ['Desa Sasaran', true],
      ['Kriteria', true],
      ['Panel', true],
      ['Sesi', true],
      ['Peserta', true],
      ['Sanggah', true],
      ['Penilaian', true],
      ['Log', true],
    ]);
    const scores = plan.tabs.find((t) => t.name === 'Penilaian')!;
    expect(scores.columns.map((c) => c.def.header)).toEqual([
      'Waktu',
      'ID Kandidat',
      'Email Penilai',
      'Nama Penilai',
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'Total',
      'Konflik Kepentingan',
      'Catatan',
      'Segel',
      'Identitas',
    ]);
  });

  it('writes every setting with its default and explanation, and the five default criteria', () => {
    const settings = plan.tabs[0];
    expect(settings.appendRows!.startRow).toBe(2);
    expect(settings.appendRows!.rows.map((r) => r[0])).toEqual(SETTING_DEFS.map((d) => d.label));
    expect(settings.appendRows!.rows[9]).toEqual(['Ambang lulus', 60, 'Skor akhir minimum (0–100) untuk lulus.']);
    const rubric = plan.tabs.find((t) => t.name === 'Kriteria')!;
    expect(rubric.appendRows!.rows.map((r) => r.slice(0, 5))).toEqual([
      ['K1', 'Pemahaman masalah sosial desa', 25, 1, 5],
      ['K2', 'Kemampuan komunikasi', 20, 1, 5],
      ['K3', 'Pengalaman kegiatan sosial/kemasyarakatan', 20, 1, 5],
      ['K4', 'Motivasi dan komitmen', 20, 1, 5],
      ['K5', 'Penerimaan oleh tokoh masyarakat', 15, 1, 5],
    ]);
  });

  it('puts per-row dropdowns on the settings that have choices', () => {
    const rows = plan.tabs[0].valueDropdowns!.map((d) => [d.row, d.values.join('|')]);
    expect(rows).toEqual([
      [7, 'Tidak/Belum Sekolah|SD|SLTP|SLTA|D1/D2|D3|D4/S1|S2|S3'],
      [8, 'Ya|Tidak'],
      [10, 'Rata-rata|Rata-rata terpangkas|Skor-z'],
      [12, 'Desa|Kecamatan|Kabupaten/Kota'],
      [16, 'Ya|Tidak'],
      [26, 'Ya|Tidak'],
      [27, 'Ya|Tidak'],
      [28, 'Ya|Tidak'],
      [29, 'Indonesia|English'],
    ]);
  });
});

describe('planSetup on a workbook with data', () => {
  it('adds missing columns at the right end and keeps existing ones where they are', () => {
    const existing = new Map([['Kandidat', tab(['Nama', 'NIK', 'Catatan Saya', 'No HP', '', ''], { lastRow: 40 })]]);
    const plan = planSetup(existing, 'en');
    const candidates = plan.tabs.find((t) => t.name === 'Kandidat')!;
    expect(candidates.create).toBe(false);
    const placed = Object.fromEntries(candidates.columns.map((c) => [c.def.header, [c.column, c.isNew]]));
    expect(placed['Nama Lengkap']).toEqual([1, false]);
    expect(placed['NIK']).toEqual([2, false]);
    expect(placed['No. HP']).toEqual([4, false]);
    expect(placed['ID']).toEqual([5, true]);
    expect(placed['Hasil Seleksi']).toEqual([23, true]);
    expect(plan.changes).toContain(
      'Kandidat: columns added ID, Jenis Kelamin, Tempat Lahir, Tanggal Lahir, Pendidikan Terakhir, Alamat, Desa/Kelurahan, Kecamatan, Kabupaten/Kota, Provinsi, Email, Tanggal Daftar, Keputusan Verifikator, Alasan Verifikator, Status Administrasi, Catatan Validasi, Skor Akhir, Peringkat, Hasil Seleksi, Sumber, Kunci Formulir, Kelengkapan Berkas, Diverifikasi Oleh, Waktu Verifikasi',
    );
  });

  it('appends only the missing settings after the last row, leaving typed ones alone', () => {
    const values = [
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Ambang lulus', 70, 'ours'],
      ['Bahasa', 'English', ''],
    ];
    const plan = planSetup(new Map([['Pengaturan', tab(values[0], { lastRow: 3, values })]]), 'en');
    const settings = plan.tabs[0];
    expect(settings.appendRows!.startRow).toBe(4);
    expect(settings.appendRows!.rows.map((r) => r[0])).not.toContain('Ambang lulus');
    expect(settings.appendRows!.rows).toHaveLength(SETTING_DEFS.length - 2);
    expect(settings.valueDropdowns!.find((d) => d.values.includes('English'))!.row).toBe(3);
  });

  it('leaves a written rubric alone and builds Penilaian from its codes', () => {
    const values = [
      ['Kode', 'Kriteria', 'Bobot', 'Skor Min', 'Skor Maks'],
      ['A', 'Wawancara', 60, 0, 10],
      ['B', 'Tes tertulis', 40, 0, 100],
    ];
    const plan = planSetup(new Map([['Kriteria', tab(values[0], { lastRow: 3, values })]]), 'id');
    expect(plan.tabs.find((t) => t.name === 'Kriteria')!.appendRows).toBeUndefined();
    expect(
      plan.tabs
        .find((t) => t.name === 'Penilaian')!
        .columns.map((c) => c.def.header)
        .slice(4, 6),
    ).toEqual(['A', 'B']);
  });

  it('plans nothing new for a complete workbook (setup twice = setup once)', () => {
    const first = planSetup(new Map(), 'id');
    const existing = new Map(
      first.tabs.map((t) => {
        const header = t.columns.map((c) => c.def.header);
        const rows = t.appendRows ? [header, ...t.appendRows.rows] : [header];
        return [t.name, tab(header, { lastRow: rows.length, values: rows })] as const;
      }),
    );
    const second = planSetup(existing, 'id');
    expect(second.changes).toEqual([]);
    expect(
      second.tabs.every((t) => !t.create && !t.appendRows && t.columns.every((c) => !c.isNew) && !t.freezeHeader),
    ).toBe(true);
  });
});
