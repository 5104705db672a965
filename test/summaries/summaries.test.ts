/** Summary tabs: exact output on a small fixture, reconciliation on the demo, charts, rebuilds. */
import { TABLE_HEADER_BG } from '../../src/core/layout';
import { attendanceSummary, countMetrics, selectionSummary, type SummaryCandidate } from '../../src/core/summaries';
import { Emulator, Workbook } from '../../emulator';
import { runDemo } from '../../scripts/demo-data/run';
import { ensureBuilt } from '../support/dist';
import type { CellValue } from '../../src/core/types';

beforeAll(ensureBuilt);

const c = (
  regency: string,
  village: string,
  sex: 'L' | 'P' | '',
  status: string,
  result: string,
  final?: number,
): SummaryCandidate => ({ province: 'Kalimantan Selatan', regency, village, sex, status, result, final });

describe('selectionSummary on a small fixture', () => {
  const candidates = [
    c('Kabupaten Tanah Laut', 'Angsau', 'P', 'MS', 'Lulus', 82.5),
    c('Kabupaten Tanah Laut', 'Angsau', 'L', 'MS', 'Cadangan', 71),
    c('Kabupaten Tanah Laut', 'Angsau', 'L', 'TMS', 'TMS'),
    c('Kabupaten Tanah Laut', 'Takisung', 'P', 'Perlu Cek', 'Belum Lengkap'),
    c('Kabupaten Banjar', 'Martapura', '', 'MS', 'Tidak Lulus', 40),
  ];
  const layout = selectionSummary({
    candidates,
    keys: ['a', 'a', 'a', 't', 'm'],
    villages: [
      { province: 'Kalimantan Selatan', regency: 'Kabupaten Tanah Laut', village: 'Angsau', quota: 1, key: 'a' },
      { province: 'Kalimantan Selatan', regency: 'Kabupaten Tanah Laut', village: 'Takisung', quota: 1, key: 't' },
      { province: 'Kalimantan Selatan', regency: 'Kabupaten Tanah Laut', village: 'Kurau', quota: 1, key: 'k' },
    ],
    tmsReasons: [['NIK bukan 16 digit', 1]],
    agreement: [{ regency: 'Kabupaten Tanah Laut', alpha: 0.8123, units: 2, values: 4 }],
    notices: [],
    lang: 'id',
    stamp: 'pada 27/11/2019 09:00 oleh k@x',
  });
  const rows = layout.values.map((r) => r.filter((x) => x !== ''));

  it('wraps every table header, so narrow columns show labels such as "Tidak Lulus" whole', () => {
    const headers = layout.formats.filter((f) => f.background === TABLE_HEADER_BG);
    expect(headers.length).toBeGreaterThan(3);
    expect(headers.filter((f) => !f.wrap)).toEqual([]);
    const labels = headers.flatMap((f) => layout.values[f.row - 1].slice(f.column - 1, f.column - 1 + f.columns));
    expect(labels).toContain('Tidak Lulus');
  });

  /** The first `n` non-blank rows after a section title (blank rows above a table hold its chart). */
  const after = (title: string, n: number, from = 0) => {
    const at = rows.findIndex((r, i) => i >= from && r[0] === title);
    return rows
      .slice(at + 1)
      .filter((r) => r.length > 0)
      .slice(0, n);
  };

  it('counts results per regency so every candidate is in exactly one segment', () => {
    expect(after('Hasil per kabupaten/kota', 3)).toEqual([
      ['Kabupaten/Kota', 'Lulus', 'Cadangan', 'Tidak Lulus', 'Belum Lengkap', 'TMS', 'Belum dihitung'],
      ["'Kabupaten Banjar", 0, 0, 1, 0, 0, 0],
      ["'Kabupaten Tanah Laut", 1, 1, 0, 1, 1, 0],
    ]);
  });

  it('lists villages with subtotals and a grand total that add up, for everyone and per sex', () => {
    const table = (title: string) => after(`Per provinsi, kabupaten/kota dan desa — ${title}`, 7);
    expect(table('semua kandidat')[0]).toEqual([
      'Provinsi',
      'Kabupaten/Kota',
      'Desa/Kelurahan',
      'Terdaftar',
      'MS',
      'TMS',
      'Perlu Cek',
      'Dinilai lengkap',
      'Lulus',
      'Cadangan',
      'Tidak Lulus',
      'Belum Lengkap',
    ]);
    const numbers = (r: CellValue[]) => r.filter((x) => typeof x === 'number');
    const firstTwo = (title: string) =>
      table(title)
        .slice(1)
        .map((r) => [r[0], r[1], ...numbers(r).slice(0, 2)]);
    // Terdaftar and MS on each row: villages, regency subtotals, the province, the grand total.
    expect(firstTwo('semua kandidat')).toEqual([
      ["'Kalimantan Selatan", "'Kabupaten Banjar", 1, 1],
      ["'Kalimantan Selatan", "'Jumlah Kabupaten Banjar", 1, 1],
      ["'Kalimantan Selatan", "'Kabupaten Tanah Laut", 3, 2],
      ["'Kalimantan Selatan", "'Kabupaten Tanah Laut", 1, 0],
      ["'Kalimantan Selatan", "'Jumlah Kabupaten Tanah Laut", 4, 2],
      ["'Jumlah Kalimantan Selatan", 5, 5, 3], // blanks are filtered: the total stands in column B
    ]);
    expect(firstTwo('laki-laki (L)').map((r) => r.slice(-2))).toEqual([
      [0, 0],
      [0, 0],
      [2, 1],
      [0, 0],
      [2, 1],
      [2, 1],
    ]);
    expect(firstTwo('perempuan (P)').map((r) => r.slice(-2))).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 0],
      [2, 1],
      [2, 1],
    ]);
    expect(countMetrics(candidates)).toEqual([5, 3, 1, 1, 3, 1, 1, 1, 1]);
    expect(countMetrics(candidates, 'L')).toEqual([2, 1, 1, 0, 1, 0, 1, 0, 0]);
    expect(countMetrics(candidates, 'P')).toEqual([2, 1, 0, 1, 1, 1, 0, 0, 1]);
  });

  it('names villages to act on, TMS reasons, score spread and agreement', () => {
    expect(after('Perlu tindakan: desa sasaran tanpa kandidat atau dengan kelulusan di bawah kuota', 3)).toEqual([
      ['Provinsi', 'Kabupaten/Kota', 'Desa/Kelurahan', 'Kuota', 'Terdaftar', 'Lulus', 'Keterangan'],
      ["'Kalimantan Selatan", "'Kabupaten Tanah Laut", "'Takisung", 1, 1, 0, 'kelulusan di bawah kuota'],
      ["'Kalimantan Selatan", "'Kabupaten Tanah Laut", "'Kurau", 1, 0, 0, 'belum ada kandidat'],
    ]);
    expect(after('Alasan TMS terbanyak', 2)[1]).toEqual(["'NIK bukan 16 digit", 1]);
    expect(after('Skor akhir per kabupaten/kota', 3).slice(1)).toEqual([
      ["'Kabupaten Banjar", 1, 40, 40, 40, 40],
      ["'Kabupaten Tanah Laut", 2, 76.8, 76.8, 71, 82.5],
    ]);
    expect(after('Kesepakatan panel (alfa Krippendorff, interval)', 2)[1]).toEqual([
      "'Kabupaten Tanah Laut",
      0.812,
      2,
      4,
      'kesepakatan panel baik',
    ]);
  });

  it('draws three charts from its own tables', () => {
    expect(layout.charts!.map((ch) => [ch.type, ch.title, ch.stacked ?? false])).toEqual([
      ['BAR', 'Kandidat dan hasil per kabupaten/kota', true],
      ['PIE', 'Kandidat menurut jenis kelamin', false],
      ['COLUMN', 'Sebaran skor akhir', false],
    ]);
  });
});

describe('selectionSummary: objections per regency', () => {
  const base = {
    candidates: [c('Kabupaten Tanah Laut', 'Angsau', 'P', 'TMS', 'TMS')],
    keys: ['a'],
    villages: [],
    tmsReasons: [],
    agreement: undefined,
    notices: [],
    stamp: 'pada 10/12/2019 09:00 oleh k@x',
  };
  const table = (lang: 'id' | 'en', objections?: Array<{ regency: string; status: string }>) => {
    const rows = selectionSummary({ ...base, lang, objections }).values.map((r) => r.filter((x) => x !== ''));
    const at = rows.findIndex((r) => r[0] === (lang === 'en' ? 'Objections by regency' : 'Sanggah per kabupaten/kota'));
    const end = rows.findIndex((r, i) => i > at + 1 && r.length === 0);
    return rows.slice(at + 1, end);
  };

  it('counts received, accepted, rejected, late, invalid and waiting per regency, with a total that reconciles', () => {
    const objections = [
      { regency: 'Kabupaten Tanah Laut', status: 'Diterima' },
      { regency: 'Kabupaten Tanah Laut', status: 'Ditolak' },
      { regency: 'Kabupaten Tanah Laut', status: 'Menunggu' },
      { regency: 'Kabupaten Tanah Laut', status: '' },
      { regency: 'Kabupaten Banjar', status: 'Terlambat' },
      { regency: 'Kabupaten Banjar', status: 'Tidak sah' },
      { regency: '(ID tidak ada di Kandidat)', status: 'Tidak sah' },
    ];
    const rows = table('id', objections);
    expect(rows).toEqual([
      ['Kabupaten/Kota', 'Masuk', 'Diterima', 'Ditolak', 'Terlambat', 'Tidak sah', 'Menunggu'],
      // Names typed by users are written as text (a leading apostrophe Sheets does not show).
      ["'(ID tidak ada di Kandidat)", 1, 0, 0, 0, 1, 0],
      ["'Kabupaten Banjar", 2, 0, 0, 1, 1, 0],
      ["'Kabupaten Tanah Laut", 4, 1, 1, 0, 0, 2],
      ['Jumlah', 7, 1, 1, 1, 2, 2],
    ]);
    // Each row's parts add up to what it received, and the total row to the sum of the regencies.
    for (const row of rows.slice(1)) expect((row.slice(2) as number[]).reduce((a, n) => a + n, 0)).toBe(row[1]);
    const regencies = rows.slice(1, -1);
    for (let col = 1; col < 7; col++)
      expect(regencies.reduce((a, r) => a + (r[col] as number), 0)).toBe(rows[rows.length - 1][col]);
    expect(rows[rows.length - 1][1]).toBe(objections.length);
  });

  it('says so when there are none, in either language', () => {
    expect(table('id', [])).toEqual([
      ['Kabupaten/Kota', 'Masuk', 'Diterima', 'Ditolak', 'Terlambat', 'Tidak sah', 'Menunggu'],
      ['Belum ada sanggahan.'],
    ]);
    expect(table('en')).toEqual([
      ['Kabupaten/Kota', 'Received', 'Accepted', 'Rejected', 'Late', 'Invalid', 'Waiting'],
      ['No objections yet.'],
    ]);
  });
});

describe('attendanceSummary', () => {
  it('marks sessions without ticks as not filled in rather than 0 %, and without a sheet as such', () => {
    const rows = (ticks: boolean[]) =>
      ticks.map((ticked, i) => ({ sex: i % 2 ? 'L' : 'P', unsur: 'Aparat Desa', ticked }));
    const layout = attendanceSummary({
      sessions: [
        {
          code: 'A',
          name: 'FGD 1',
          date: { year: 2019, month: 11, day: 27 },
          regency: 'Tanah Laut',
          rows: rows([true, true, false, true]),
        },
        {
          code: 'B',
          name: 'FGD 2',
          date: { year: 2019, month: 11, day: 28 },
          regency: 'Tanah Laut',
          rows: rows([false, false]),
        },
        { code: 'C', name: 'FGD 3', date: { year: 2019, month: 11, day: 29 }, regency: 'Tanah Laut', rows: undefined },
      ],
      lang: 'id',
      stamp: 'x',
      notices: [],
    });
    const v = layout.values;
    const at = v.findIndex((r) => r[0] === 'Kode Sesi');
    expect(v.slice(at + 1, at + 4).map((r) => [r[0], r[2], r[4], r[5], r[6], r[7], r[8], r[v[at].length - 1]])).toEqual(
      [
        ["'A", "'27/11/2019", 4, 3, 0.75, 2, 1, 'terisi'],
        ["'B", "'28/11/2019", 2, '', '', '', '', 'belum diisi'],
        ["'C", "'29/11/2019", 0, '', '', '', '', 'daftar hadir belum dibuat'],
      ],
    );
    const reg = v.findIndex((r) => r[0] === 'Kabupaten/Kota' && r[1] === 'Sesi');
    // Invited: everyone on a sheet (4 + 2); the rate counts only the session whose ticks are in (3 of 4).
    expect(v[reg + 1].slice(0, 8)).toEqual(["'Tanah Laut", 3, 1, 6, 3, 0.75, 2, 1]);
    expect(layout.charts!.map((ch) => ch.type)).toEqual(['BAR', 'BAR']);
  });
});

describe('attendanceSummary before anyone ticks', () => {
  it('counts the invited of a regency whose sheets have no ticks yet', () => {
    const layout = attendanceSummary({
      sessions: [
        {
          code: 'A',
          name: 'FGD 1',
          date: { year: 2019, month: 11, day: 27 },
          regency: 'Aceh Besar',
          rows: [1, 2, 3].map(() => ({ sex: 'P', unsur: 'Aparat Desa', ticked: false })),
        },
      ],
      lang: 'en',
      stamp: 'x',
      notices: [],
    });
    const v = layout.values;
    const reg = v.findIndex((r) => r[0] === 'Kabupaten/Kota' && r[1] === 'Sessions');
    expect(v[reg + 1].slice(0, 6)).toEqual(["'Aceh Besar", 1, 0, 3, '', '']);
  });
});

describe('Perbarui rekap on the demo workbook', () => {
  const { workbook, emu } = runDemo();
  const kandidat = workbook.sheet('Kandidat')!.values();
  const col = (h: string) => kandidat[0].indexOf(h);
  const filled = kandidat.slice(1).filter((r) => r[col('Status Administrasi')] !== '');
  const rekap = workbook.sheet('Rekap Seleksi')!.values();
  const grand = rekap.find((r) => r[0] === 'JUMLAH SELURUHNYA')!;

  it('reconciles the grand total with the counts on Kandidat and Hasil Seleksi', () => {
    const count = (h: string, v: string) => filled.filter((r) => r[col(h)] === v).length;
    const n = (i: number) => grand[3 + i];
    expect([n(0), n(1), n(2), n(3), n(5), n(6), n(7), n(8)]).toEqual([
      filled.length,
      count('Status Administrasi', 'MS'),
      count('Status Administrasi', 'TMS'),
      count('Status Administrasi', 'Perlu Cek'),
      count('Hasil Seleksi', 'Lulus'),
      count('Hasil Seleksi', 'Cadangan'),
      count('Hasil Seleksi', 'Tidak Lulus'),
      count('Hasil Seleksi', 'Belum Lengkap'),
    ]);
    const hasil = workbook.sheet('Hasil Seleksi')!.values();
    const resultCol = hasil.find((r) => r[0] === 'Unit')!.indexOf('Hasil');
    expect(n(5)).toBe(hasil.filter((r) => r[resultCol] === 'Lulus').length);
  });

  it('has totals that are the sums of their parts', () => {
    const table = rekap.slice(
      rekap.findIndex((r) => r[0] === 'Provinsi' && r[2] === 'Desa/Kelurahan') + 1,
      rekap.indexOf(grand),
    );
    const villages = table.filter((r) => !String(r[1]).startsWith('Jumlah') && !String(r[0]).startsWith('Jumlah'));
    const sum = (rows: CellValue[][], i: number) => rows.reduce((a, r) => a + Number(r[i]), 0);
    for (let i = 3; i < grand.length; i++) expect([i, sum(villages, i)]).toEqual([i, grand[i]]);
    // All = L + P + unrecognised sex: the "Jenis kelamin" table holds the unrecognised ones.
    const unknown = Number(rekap.find((r) => r[0] === 'Tidak dikenali')?.[1] ?? 0);
    const [all, men, women] = rekap.filter((r) => r[0] === 'JUMLAH SELURUHNYA');
    expect(Number(men[3]) + Number(women[3]) + unknown).toBe(all[3]);
    for (let i = 3; i < all.length; i++) expect(Number(men[i]) + Number(women[i])).toBeLessThanOrEqual(Number(all[i]));
  });

  it('reconciles attendance with the ticks on the DH tabs', () => {
    const hadir = workbook.sheet('Rekap Kehadiran')!.values();
    const row = hadir.find((r) => r[0] === 'TLT-FGD1')!;
    const dh = workbook.sheet('DH TLT-FGD1')!.values();
    const ticks = dh.filter((r) => r[9] === true).length;
    const listed = dh.filter((r) => typeof r[9] === 'boolean').length;
    expect([row[4], row[5]]).toEqual([listed, ticks]);
    expect(hadir.find((r) => r[0] === 'ABS-FGD1')!.at(-1)).toBe('belum diisi');
  });

  it('replaces its charts on a rebuild instead of adding more, and leaves other tabs alone', () => {
    const before = JSON.stringify(workbook.sheet('Hasil Seleksi')!.values());
    emu.run('refreshSummaries');
    expect(workbook.sheet('Rekap Seleksi')!.charts.map((ch) => ch.type)).toEqual(['BAR', 'PIE', 'COLUMN']);
    expect(workbook.sheet('Rekap Kehadiran')!.charts.map((ch) => [ch.type, ch.ranges.length])).toEqual([
      ['BAR', 2],
      ['BAR', 1],
    ]);
    expect(JSON.stringify(workbook.sheet('Hasil Seleksi')!.values())).toBe(before);
  });
});

describe('Perbarui rekap on a workbook where nothing has run yet', () => {
  it('builds both tabs and says what is missing instead of failing', () => {
    const wb = new Workbook();
    const emu = new Emulator({ workbook: wb });
    emu.run('setupWorkbook');
    const run = emu.run('refreshSummaries');
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts).toEqual([]);
    expect(wb.sheet('Rekap Seleksi')!.values()[2][0]).toBe('Tab Kandidat belum berisi data.');
    expect(wb.sheet('Rekap Kehadiran')!.values()[2][0]).toBe('Tab Sesi masih kosong.');
  });
});
