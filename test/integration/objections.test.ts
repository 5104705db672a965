/**
 * Objections (sanggah) end to end on the emulator, through the built bundle: Proses sanggah judges
 * each row, writes only its three columns, logs every decision and reports bad rows by row; an
 * accepted objection makes the candidate MS on the next validation and on the live check.
 * The emulator's clock is the real one, so every date here is counted from today.
 */
import { Emulator, Workbook } from '../../emulator';
import type { CellValue } from '../../src/core/types';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const USER = 'panitia@example.go.id';
const WITA_MIDNIGHT = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);

/** Today in the spreadsheet's zone (Asia/Makassar, UTC+8), shifted by `days`, as "dd/mm/yyyy". */
function day(days: number): string {
  const wall = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  const dd = String(wall.getUTCDate()).padStart(2, '0');
  const mm = String(wall.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${wall.getUTCFullYear()}`;
}

/** Kandidat columns in contract order, 17 input columns. */
function candidate(over: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    ID: '',
    'Nama Lengkap': 'Siti Rahmawati',
    NIK: '6301034708900001',
    'Jenis Kelamin': 'P',
    'Tempat Lahir': 'Pelaihari',
    'Tanggal Lahir': WITA_MIDNIGHT(1990, 8, 7),
    'Pendidikan Terakhir': 'SMA',
    Alamat: 'Jl. A. Yani RT 03',
    'Desa/Kelurahan': 'Angsau',
    Kecamatan: 'Pelaihari',
    'Kabupaten/Kota': 'Kabupaten Tanah Laut',
    Provinsi: 'Kalimantan Selatan',
    'No. HP': '081234567890',
    Email: '',
    'Tanggal Daftar': '',
    'Keputusan Verifikator': '',
    'Alasan Verifikator': '',
  };
  return Object.values({ ...base, ...over }).map((v) => v ?? '');
}

const CANDIDATES = [
  candidate({ ID: 'K-0001', 'Pendidikan Terakhir': 'SMP' }),
  candidate({
    ID: 'K-0002',
    'Nama Lengkap': 'Budi Santoso',
    NIK: '6301031708900002',
    'Jenis Kelamin': 'L',
    'Tanggal Lahir': '17/08/1990',
    'Pendidikan Terakhir': 'SD',
    'No. HP': '081234567891',
  }),
  candidate({
    ID: 'K-0003',
    'Nama Lengkap': 'Ahmad Fauzi',
    NIK: '6301031708900003',
    'Jenis Kelamin': 'L',
    'Tanggal Lahir': '17/08/1990',
    'No. HP': '081234567892',
  }),
  candidate({
    ID: 'K-0004',
    'Nama Lengkap': 'Rina Wati',
    NIK: '6301034708900004',
    'Pendidikan Terakhir': 'SMP',
    'No. HP': '081234567893',
  }),
  candidate({
    ID: 'K-0005',
    'Nama Lengkap': "Nur'aini",
    NIK: '6301034708900005',
    'Pendidikan Terakhir': 'SMP',
    'No. HP': '081234567894',
  }),
];

function settingRow(wb: Workbook, label: string): number {
  return (
    wb
      .sheet('Pengaturan')!
      .values()
      .findIndex((r) => r[0] === label) + 1
  );
}

/** A workbook set up, validated, announced (`announcedDaysAgo` days ago, a 3-day period) and with `objections` typed. */
function setUp(objections: CellValue[][], opts: { announce?: boolean; announcedDaysAgo?: number; lang?: string } = {}) {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: USER });
  emu.run('setupWorkbook');
  wb.sheet('Pengaturan')!.setValues(4, 2, [['25/11/2019']]); // Tanggal acuan usia
  if (opts.lang) wb.sheet('Pengaturan')!.setValues(settingRow(wb, 'Bahasa'), 2, [[opts.lang]]);
  wb.sheet('Desa Sasaran')!.setValues(2, 1, [['Kalimantan Selatan', 'Kab. Tanah Laut', 'Pelaihari', 'Angsau', '']]);
  wb.sheet('Kandidat')!.setValues(2, 1, CANDIDATES);
  emu.run('validateCandidates');
  if (opts.announce !== false) {
    const kandidat = wb.sheet('Kandidat')!.values();
    const status = kandidat[0].indexOf('Status Administrasi');
    // What the announcement engineer's tab holds: a heading, then a table with ID Kandidat and Hasil.
    wb.addSheet('Pengumuman Administrasi', [
      ['PENGUMUMAN HASIL SELEKSI ADMINISTRASI', '', '', ''],
      ['No.', 'ID Kandidat', 'Nama', 'Hasil'],
      ...kandidat.slice(1).map((r, i) => [i + 1, r[0], r[1], r[status]]),
    ]);
    wb.sheet('Pengaturan')!.setValues(settingRow(wb, 'Tanggal pengumuman administrasi'), 2, [
      [day(-(opts.announcedDaysAgo ?? 2))],
    ]);
  }
  if (objections.length) wb.sheet('Sanggah')!.setValues(2, 1, objections);
  return { wb, emu };
}

const sanggah = (wb: Workbook) => wb.sheet('Sanggah')!.values();
const column = (wb: Workbook, header: string) => {
  const values = sanggah(wb);
  const at = values[0].indexOf(header);
  return values.slice(1).map((r) => r[at]);
};
const kandidatCell = (wb: Workbook, id: string, header: string) => {
  const values = wb.sheet('Kandidat')!.values();
  return values.find((r) => r[0] === id)![values[0].indexOf(header)];
};

describe('Proses sanggah: every rule, by row', () => {
  // Announced 10 days ago: the period ran from 9 to 7 days ago.
  const rows: CellValue[][] = [
    [
      day(-8),
      'K-0001',
      ' SITI  rahmawati. ',
      'Ijazah SMA saya sudah dilegalisir.',
      'Diterima',
      'Ijazah SMA asli diperiksa',
    ],
    [day(-8), 'K-0099', 'Siti Rahmawati', 'Mohon ditinjau.', '', ''],
    [day(-8), 'K-0002', 'Bambang', 'Mohon ditinjau.', '', ''],
    [day(-8), 'K-0003', 'Ahmad Fauzi', 'Saya MS tapi ingin menyanggah.', '', ''],
    [day(-3), 'K-0004', 'Rina Wati', 'Terlambat tapi diterima?', 'Diterima', 'Alasan apa pun'],
    [day(-9), 'k-0002 ', 'Budi Santoso', 'Ijazah SD saya setara paket B.', 'Ditolak', 'Paket B belum SLTA'],
    [day(-8), 'K-0002', 'Budi Santoso', 'Sanggahan kedua.', '', ''],
    [day(-8), 'K-0005', 'NUR AINI', 'Mohon ditinjau.', 'Diterima', ''],
    ['kemarin sore', 'K-0005', "Nur'aini", 'Tanggal dalam kata.', '', ''],
    [day(-8), 'K-0004', '\'=HYPERLINK("http://x.example","klik")', '\'=IMPORTXML("http://x.example","//a")', '', ''],
    ['', '', '', '', '', ''],
    [day(-10), 'K-0004', 'Rina Wati', 'Sebelum masa sanggah.', 'Ditolak', 'x'],
  ];
  const { wb, emu } = setUp(rows, { announcedDaysAgo: 10 });
  const userCellsBefore = sanggah(wb).map((r) => r.slice(0, 6).map(String));
  const run = emu.run('processObjections');

  it('writes Status Sanggah for each row', () => {
    expect(run.error).toBeUndefined();
    expect(column(wb, 'Status Sanggah')).toEqual([
      'Diterima',
      'Tidak sah',
      'Tidak sah',
      'Tidak sah',
      'Terlambat',
      'Ditolak',
      'Tidak sah',
      'Menunggu',
      'Menunggu',
      'Tidak sah',
      '',
      'Tidak sah',
    ]);
  });

  it('names who decided and when for every decided row, and nobody for the waiting and blank ones', () => {
    const by = column(wb, 'Diputuskan Oleh');
    const at = column(wb, 'Waktu Keputusan');
    [0, 1, 2, 3, 4, 5, 6, 9, 11].forEach((i) => {
      expect(by[i]).toBe(USER);
      expect(at[i]).toBeInstanceOf(Date);
    });
    [7, 8, 10].forEach((i) => expect([by[i], at[i]]).toEqual(['', '']));
  });

  it('never changes a cell the user typed; formula-looking text stays text', () => {
    expect(sanggah(wb).map((r) => r.slice(0, 6).map(String))).toEqual(userCellsBefore);
    const sheet = wb.sheet('Sanggah')!;
    expect(sheet.cell(11, 3).value).toBe('=HYPERLINK("http://x.example","klik")');
    expect(sheet.cell(11, 3).formula ?? '').toBe('');
    expect(sheet.cell(11, 4).formula ?? '').toBe('');
  });

  it('reports every bad row by row in one alert, saying how to fix it', () => {
    expect(run.ui.alerts).toHaveLength(1);
    const text = run.ui.alerts[0].prompt;
    expect(text).toContain('11 sanggahan: 1 Diterima, 1 Ditolak, 1 Terlambat, 6 Tidak sah, 2 Menunggu');
    expect(text).toContain('Baris 3 (K-0099, Tidak sah): ID Kandidat "K-0099" tidak ada di tab Kandidat.');
    expect(text).toContain('Baris 4 (K-0002, Tidak sah): nama "Bambang" tidak sama dengan nama kandidat K-0002');
    expect(text).toContain('Baris 5 (K-0003, Tidak sah): kandidat K-0003 diumumkan "MS"');
    expect(text).toMatch(
      /Baris 6 \(K-0004, Terlambat\): sanggahan masuk .*, setelah masa sanggah berakhir .*; sanggahan terlambat tidak dapat diterima\. Keputusan "Diterima" diabaikan karena sanggahan ini Terlambat\./,
    );
    expect(text).toContain('Baris 8 (K-0002, Tidak sah): kandidat K-0002 sudah menyanggah di baris 7;');
    expect(text).toContain(
      'Baris 9 (K-0005, Menunggu): Keputusan Diterima tanpa alasan belum berlaku. Isi kolom Alasan Keputusan.',
    );
    expect(text).toContain('Baris 10 (K-0005, Menunggu): Tanggal Masuk "kemarin sore" tidak terbaca sebagai tanggal.');
    expect(text).toContain('Baris 11 (K-0004, Tidak sah): nama "=HYPERLINK(');
    expect(text).toMatch(/Baris 13 \(K-0004, Tidak sah\): sanggahan masuk .*, sebelum masa sanggah dimulai/);
    expect(text).not.toContain('Baris 2 ');
    expect(text).not.toContain('Baris 7 ');
    expect(text).not.toContain('Baris 12 ');
  });

  it('logs every decision with who, when, which row and ID, and what', () => {
    const log = wb
      .sheet('Log')!
      .values()
      .filter((r) => r[2] === 'Proses sanggah');
    // Nine decisions and the summary line, all at the same moment, by the user who ran it.
    expect(log).toHaveLength(10);
    for (const line of log) {
      expect(line[0]).toBeInstanceOf(Date);
      expect(line[1]).toBe(USER);
    }
    expect(log[0][3]).toBe('Sanggah baris 2, K-0001 (SITI rahmawati.): Diterima — Ijazah SMA asli diperiksa');
    expect(log[5][3]).toBe('Sanggah baris 7, k-0002 (Budi Santoso): Ditolak — Paket B belum SLTA');
    expect(String(log[9][3])).toContain('baris perlu perhatian: 3, 4, 5, 6, 8, 9, 10, 11, 13');
    // The hostile name reached the Log as text, not as a formula.
    const hostile = wb
      .sheet('Log')!
      .values()
      .findIndex((r) => String(r[3]).includes('HYPERLINK'));
    expect(wb.sheet('Log')!.cell(hostile + 1, 4).formula ?? '').toBe('');
  });

  it('on a second run keeps who and when of unchanged decisions and logs only what changed', () => {
    const before = column(wb, 'Waktu Keputusan');
    const sheet = wb.sheet('Sanggah')!;
    sheet.setValues(7, 5, [['Diterima', 'Paket B diakui setara']]);
    const again = emu.run('processObjections', [], { user: 'ketua@example.go.id' });
    expect(again.error).toBeUndefined();
    const after = column(wb, 'Waktu Keputusan');
    expect(after[0]).toEqual(before[0]);
    expect(column(wb, 'Status Sanggah')[5]).toBe('Diterima');
    expect(column(wb, 'Diputuskan Oleh')[5]).toBe('ketua@example.go.id');
    expect(column(wb, 'Diputuskan Oleh')[0]).toBe(USER);
    const log = wb
      .sheet('Log')!
      .values()
      .filter((r) => r[2] === 'Proses sanggah');
    expect(log.slice(10).map((r) => r[3])).toEqual([
      'Sanggah baris 7, k-0002 (Budi Santoso): Diterima (sebelumnya Ditolak) — Paket B diakui setara',
      expect.stringContaining('11 sanggahan: 2 Diterima, 0 Ditolak'),
    ]);
    expect(log.slice(10).every((r) => r[1] === 'ketua@example.go.id')).toBe(true);
  });
});

describe('Rekap Seleksi after Proses sanggah', () => {
  const { wb, emu } = setUp(
    [
      [day(0), 'K-0001', 'Siti Rahmawati', 'x', 'Diterima', 'Ijazah sah'],
      [day(0), 'K-0002', 'Budi Santoso', 'x', 'Ditolak', 'Belum SLTA'],
      [day(0), 'K-0099', 'Siapa', 'x', '', ''],
      [day(0), 'K-0004', 'Rina Wati', 'x', '', ''],
    ],
    { announcedDaysAgo: 1 },
  );
  it('counts the objections per regency from Status Sanggah, and reconciles with the Sanggah tab', () => {
    expect(emu.run('processObjections').error).toBeUndefined();
    // Typed after the last Proses sanggah: counted as waiting.
    wb.sheet('Sanggah')!.setValues(6, 1, [[day(0), 'K-0005', "Nur'aini", 'x', '', '']]);
    const run = emu.run('refreshSummaries');
    expect(run.error).toBeUndefined();
    const rows = wb
      .sheet('Rekap Seleksi')!
      .displayValues()
      .map((r) => r.filter((x) => x !== ''));
    const at = rows.findIndex((r) => r[0] === 'Sanggah per kabupaten/kota');
    expect(rows.slice(at + 1, at + 5)).toEqual([
      ['Kabupaten/Kota', 'Masuk', 'Diterima', 'Ditolak', 'Terlambat', 'Tidak sah', 'Menunggu'],
      ['(ID tidak ada di Kandidat)', '1', '0', '0', '0', '1', '0'],
      ['Kab. Tanah Laut', '4', '1', '1', '0', '0', '2'],
      ['Jumlah', '5', '1', '1', '0', '1', '2'],
    ]);
    expect(Number(rows[at + 4][1])).toBe(sanggah(wb).length - 1);
  });

  it('is marked out of date by Proses sanggah and by a hand edit of Sanggah, and current again when rebuilt', () => {
    const stamp = () =>
      wb
        .sheet('Rekap Seleksi')!
        .values()
        .slice(0, 4)
        .map((r) => String(r[0]))
        .find((c) => c.startsWith('Dibuat') || c.startsWith('⚠')) ?? '';
    expect(stamp()).toMatch(/^Dibuat .* dari tab Kandidat, Penilaian, Desa Sasaran dan Sanggah\./);
    emu.run('processObjections');
    expect(stamp()).toMatch(/^⚠ PERLU DIPERBARUI.*Sanggah/);
    emu.run('refreshSummaries');
    expect(stamp()).toMatch(/^Dibuat/);
    emu.edit('Sanggah', 'E6', 'Ditolak');
    expect(stamp()).toMatch(/^⚠ PERLU DIPERBARUI.*Sanggah/);
  });
});

describe('an accepted objection on the next validation', () => {
  const { wb, emu } = setUp([
    [day(-1), 'K-0001', 'Siti Rahmawati', 'Ijazah SMA saya sah.', 'Diterima', 'Ijazah SMA asli diperiksa'],
    [day(-1), 'K-0004', 'Rina Wati', 'Mohon ditinjau.', 'Ditolak', 'Ijazah SMP tidak memenuhi syarat'],
  ]);
  // The live check of a row before any objection was processed.
  emu.edit('Kandidat', 'H3', 'Jl. Lama 1');
  const baseline = emu.edit('Kandidat', 'H3', 'Jl. Lama 2');

  it('is MS in the live check of an edited row, without the add-on writing the verifier’s cells', () => {
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('TMS');
    expect(emu.run('processObjections').error).toBeUndefined();
    // Not yet applied: Kandidat changes on the next validation only.
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('TMS');
    const edit = emu.edit('Kandidat', 'H2', 'Jl. A. Yani RT 04');
    expect(edit.error).toBeUndefined();
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('MS');
    expect(String(kandidatCell(wb, 'K-0001', 'Catatan Validasi'))).toContain(
      'ℹ Status MS karena sanggah diterima: Ijazah SMA asli diperiksa',
    );
    expect(kandidatCell(wb, 'K-0001', 'Keputusan Verifikator')).toBe('');
    expect(kandidatCell(wb, 'K-0001', 'Alasan Verifikator')).toBe('');
  });

  it('is MS on the full validation; a rejected one leaves the status as it was', () => {
    expect(emu.run('validateCandidates').error).toBeUndefined();
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('MS');
    expect(kandidatCell(wb, 'K-0004', 'Status Administrasi')).toBe('TMS');
    expect(String(kandidatCell(wb, 'K-0004', 'Catatan Validasi'))).not.toContain('anggah');
    expect(kandidatCell(wb, 'K-0001', 'Keputusan Verifikator')).toBe('');
  });

  it('wins over a verifier’s TMS, and says so', () => {
    wb.sheet('Kandidat')!.setValues(2, 16, [['TMS', 'Ijazah diragukan']]);
    emu.run('validateCandidates');
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('MS');
    expect(String(kandidatCell(wb, 'K-0001', 'Catatan Validasi'))).toContain(
      'Status MS karena sanggah diterima: Ijazah SMA asli diperiksa (menggantikan keputusan verifikator TMS)',
    );
    expect(kandidatCell(wb, 'K-0001', 'Keputusan Verifikator')).toBe('TMS');
  });

  it('stops counting once its decision is changed on Sanggah, until Proses sanggah runs again', () => {
    wb.sheet('Kandidat')!.setValues(2, 16, [['', '']]);
    wb.sheet('Sanggah')!.setValues(2, 5, [['Ditolak', 'Ijazah tidak asli']]);
    emu.run('validateCandidates');
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('TMS');
  });

  it('costs the live check nothing while no objection is accepted, and one read of Sanggah (3 calls) once one is', () => {
    // No accepted objection: Proses sanggah leaves validation nothing to read.
    wb.sheet('Sanggah')!.setValues(2, 5, [['Ditolak', 'Ijazah tidak asli']]);
    emu.run('processObjections');
    emu.edit('Kandidat', 'H3', 'Jl. Baru 1');
    const none = emu.edit('Kandidat', 'H3', 'Jl. Baru 2');
    expect(none.totalCalls).toBe(baseline.totalCalls);
    expect(none.cellsRead).toBe(baseline.cellsRead);
    // Accepted: one lookup and one read of the small tab.
    wb.sheet('Sanggah')!.setValues(2, 5, [['Diterima', 'Ijazah SMA asli diperiksa']]);
    emu.run('processObjections');
    emu.edit('Kandidat', 'H3', 'Jl. Baru 3');
    const accepted = emu.edit('Kandidat', 'H3', 'Jl. Baru 4');
    expect(accepted.totalCalls - none.totalCalls).toBeLessThanOrEqual(3);
    expect(accepted.cellsRead - none.cellsRead).toBeLessThanOrEqual(sanggah(wb).length * sanggah(wb)[0].length);
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('TMS'); // row 2 was not edited
    emu.edit('Kandidat', 'H2', 'Jl. A. Yani RT 05');
    expect(kandidatCell(wb, 'K-0001', 'Status Administrasi')).toBe('MS');
  });
});

describe('refusals and languages', () => {
  it('refuses before the administrative announcement, changing nothing', () => {
    const { wb, emu } = setUp([[day(-1), 'K-0001', 'Siti Rahmawati', 'Mohon ditinjau.', '', '']], {
      announce: false,
    });
    const run = emu.run('processObjections');
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts).toHaveLength(1);
    expect(run.ui.alerts[0].prompt).toContain('Hasil administrasi belum diumumkan');
    expect(run.ui.alerts[0].prompt).toContain('Jalankan menu Umumkan hasil administrasi dulu. Tidak ada yang diubah.');
    expect(column(wb, 'Status Sanggah')).toEqual(['']);
    expect(
      wb
        .sheet('Log')!
        .values()
        .filter((r) => r[2] === 'Proses sanggah'),
    ).toEqual([]);
  });

  it('says so when Sanggah holds no objection, and clears the status of a row emptied by hand', () => {
    const { wb, emu } = setUp([]);
    const empty = emu.run('processObjections');
    expect(empty.error).toBeUndefined();
    expect(empty.ui.alerts[0].prompt).toMatch(/^Tab Sanggah belum berisi sanggahan\. .* Masa sanggah: .* s\.d\. .*\.$/);
    wb.sheet('Sanggah')!.setValues(2, 1, [[day(-1), 'K-0001', 'Siti Rahmawati', 'x', 'Ditolak', 'Tidak cukup']]);
    emu.run('processObjections');
    expect(column(wb, 'Status Sanggah')).toEqual(['Ditolak']);
    wb.sheet('Sanggah')!.setValues(2, 1, [['', '', '', '', '', '']]);
    emu.run('processObjections');
    // Row 2 is wholly empty again: its status, who and when were cleared too.
    expect([7, 8, 9].map((c) => wb.sheet('Sanggah')!.cell(2, c).value)).toEqual(['', '', '']);
    expect(sanggah(wb)).toHaveLength(1);
    expect(
      wb
        .sheet('Log')!
        .values()
        .filter((r) => r[2] === 'Proses sanggah'),
    ).toHaveLength(2);
  });

  it('speaks English when Bahasa is English', () => {
    const { emu } = setUp(
      [
        [day(-1), 'K-0099', 'Siti Rahmawati', 'Please review.', '', ''],
        [day(-1), 'K-0001', 'Siti Rahmawati', 'Please review.', 'Diterima', ''],
      ],
      { lang: 'English' },
    );
    const run = emu.run('processObjections');
    const text = run.ui.alerts[0].prompt;
    expect(run.ui.alerts[0].title).toBe('Process objections');
    expect(text).toContain('2 objections: 0 accepted, 0 rejected, 0 late, 1 invalid, 1 waiting');
    expect(text).toContain('Row 2 (K-0099, Tidak sah): Candidate ID "K-0099" is not on the Kandidat tab.');
    expect(text).toContain('Row 3 (K-0001, Menunggu): The decision Diterima has no reason, so it does not apply yet.');
    const refused = setUp([[day(-1), 'K-0001', 'Siti Rahmawati', 'x', '', '']], { announce: false, lang: 'English' });
    const alert = refused.emu.run('processObjections').ui.alerts[0].prompt;
    expect(alert).toContain('The administrative results have not been announced');
  });
});

describe('calls', () => {
  it('do not grow with the rows of Kandidat beyond reading its ID and name columns', () => {
    const small = setUp([[day(-1), 'K-0001', 'Siti Rahmawati', 'Mohon ditinjau.', 'Diterima', 'Sah']]);
    const smallRun = small.emu.run('processObjections');
    const big = setUp([[day(-1), 'K-0001', 'Siti Rahmawati', 'Mohon ditinjau.', 'Diterima', 'Sah']]);
    const extra = Array.from({ length: 3000 }, (_, i) =>
      candidate({ ID: `K-${String(i + 100).padStart(4, '0')}`, 'Nama Lengkap': `Calon ${i}` }),
    );
    big.wb.sheet('Kandidat')!.setValues(7, 1, extra);
    const bigRun = big.emu.run('processObjections');
    expect(bigRun.error).toBeUndefined();
    expect(bigRun.totalCalls).toBe(smallRun.totalCalls);
    expect(bigRun.cellsRead - smallRun.cellsRead).toBeLessThanOrEqual(2 * extra.length);
  });
});
