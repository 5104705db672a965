/** "Validasi data kandidat" and the live onEdit check, end to end on the emulator. */
import { Emulator, Workbook } from '../../emulator';
import { ERROR_BACKGROUND, NOTE_MARKER, WARNING_BACKGROUND } from '../../src/core/validation/marks';
import type { CellValue } from '../../src/core/types';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const WITA_MIDNIGHT = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);

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

function setUp(rows: CellValue[][], opts: { villages?: boolean } = {}): { wb: Workbook; emu: Emulator } {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: 'staf@example.go.id' });
  emu.run('setupWorkbook');
  wb.sheet('Pengaturan')!.setValues(4, 2, [['25/11/2019']]); // Tanggal acuan usia
  if (opts.villages !== false) {
    wb.sheet('Desa Sasaran')!.setValues(2, 1, [
      ['Kalimantan Selatan', 'Kab. Tanah Laut', 'Pelaihari', 'Angsau', ''],
      ['Kalimantan Selatan', 'Kab. Tanah Laut', 'Takisung', 'Takisung', ''],
    ]);
  }
  // Staff paste into text-formatted NIK/phone columns (setup formats the first 1,000 rows; extend it like Sheets would).
  if (rows.length > 999) for (const c of [1, 3, 13]) wb.sheet('Kandidat')!.setNumberFormat(2, c, rows.length, 1, '@');
  if (rows.length) wb.sheet('Kandidat')!.setValues(2, 1, rows);
  return { wb, emu };
}

const col = (wb: Workbook, header: string) => wb.sheet('Kandidat')!.values()[0].indexOf(header) + 1;
const cellOf = (wb: Workbook, row: number, header: string) => wb.sheet('Kandidat')!.cell(row, col(wb, header));

describe('a full validation run', () => {
  const { wb, emu } = setUp([
    candidate(),
    candidate({
      'Nama Lengkap': 'Budi',
      NIK: '6301031708900002',
      'Jenis Kelamin': 'L',
      'Tanggal Lahir': '17/08/1990',
      'No. HP': '0512-21234',
    }),
    candidate({
      ID: 'K-0007',
      'Nama Lengkap': 'Ahmad Fauzi',
      NIK: '6301031708900000',
      'Jenis Kelamin': 'L',
      'Tanggal Lahir': '17 Agustus 1990',
      'Pendidikan Terakhir': 'SMP',
      'No. HP': '0812345',
    }),
    new Array(17).fill(''),
    candidate({
      'Nama Lengkap': 'Rina',
      NIK: '6301035512000003',
      'Tanggal Lahir': '2000-12-15',
      'Desa/Kelurahan': 'Sungai Bakar',
      'No. HP': '+62 813-5000-1111',
    }),
  ]);
  // The user's own colour and note on a cell that will be flagged, and on one that will not.
  wb.sheet('Kandidat')!.setBackground(4, 7, '#00ff00');
  wb.sheet('Kandidat')!.setNote(4, 2, 'ditelepon 20/11');
  const run = emu.run('validateCandidates');

  it('writes a status and every finding for each non-blank row, and nothing for the blank one', () => {
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts).toEqual([]);
    const status = (row: number) => cellOf(wb, row, 'Status Administrasi').value;
    expect([2, 3, 4, 5, 6].map(status)).toEqual(['MS', 'Perlu Cek', 'TMS', '', 'TMS']);
    expect(cellOf(wb, 3, 'Catatan Validasi').value).toBe(
      '⚠ "0512-21234" tampak seperti nomor telepon rumah/kantor, bukan HP. Minta nomor HP/WhatsApp yang aktif bila ada.',
    );
    expect(String(cellOf(wb, 4, 'Catatan Validasi').value).split('\n')).toEqual([
      '✖ Empat digit terakhir NIK adalah 0000 — biasanya tanda NIK terpotong karena diketik sebagai angka. Ketik ulang NIK dari KTP sebagai teks.',
      '✖ Pendidikan SMP (SLTP) di bawah syarat minimum SLTA.',
      '✖ "0812345" bukan nomor HP Indonesia. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.',
    ]);
    expect(cellOf(wb, 6, 'Catatan Validasi').value).toBe(
      '✖ Desa Sungai Bakar (Kec. Pelaihari, Kabupaten Tanah Laut) tidak ada di tab Desa Sasaran. Periksa ejaan desa, kecamatan dan kabupaten; bila desa memang sasaran, tambahkan ke Desa Sasaran.',
    );
  });

  it('assigns IDs after the highest existing K- number, never changing an existing one', () => {
    expect([2, 3, 4, 5, 6].map((r) => cellOf(wb, r, 'ID').value)).toEqual(['K-0008', 'K-0009', 'K-0007', '', 'K-0010']);
  });

  it('highlights offending cells in two colours with a note, leaving user colours and notes alone', () => {
    expect(cellOf(wb, 3, 'No. HP').background).toBe(WARNING_BACKGROUND);
    expect(cellOf(wb, 4, 'NIK').background).toBe(ERROR_BACKGROUND);
    expect(cellOf(wb, 4, 'NIK').note.startsWith(`${NOTE_MARKER}\nEmpat digit terakhir NIK adalah 0000`)).toBe(true);
    expect(cellOf(wb, 4, 'Pendidikan Terakhir').background).toBe('#00ff00'); // the user's colour wins
    expect(cellOf(wb, 4, 'Pendidikan Terakhir').note).toContain('di bawah syarat minimum SLTA');
    expect(cellOf(wb, 4, 'Nama Lengkap').note).toBe('ditelepon 20/11');
    expect(cellOf(wb, 2, 'NIK').background).toBe('#ffffff');
    expect(cellOf(wb, 4, 'Status Administrasi').background).toBe(ERROR_BACKGROUND);
  });

  it('writes Laporan Validasi with counts, rules and masked problem lines', () => {
    const report = wb.sheet('Laporan Validasi')!.values();
    const find = (label: string) => report.find((r) => r[0] === label);
    expect(report[0][0]).toBe('Laporan Validasi Data Kandidat');
    expect(find('Baris diperiksa')?.[1]).toBe(4);
    expect(find('TMS')?.[1]).toBe(2);
    // Typed "Kabupaten Tanah Laut", counted under Desa Sasaran's spelling (one name per place).
    expect(find('Kab. Tanah Laut')?.slice(0, 5)).toEqual(['Kab. Tanah Laut', 4, 1, 2, 1]);
    // Code, rows, the rule's title (spanning four columns), severity.
    expect(find('nik.serial')).toEqual([
      'nik.serial',
      1,
      'Nomor urut NIK 0000 (NIK terpotong)',
      '',
      '',
      '',
      'Kesalahan (TMS)',
    ]);
    const nikLine = report.find((r) => r[0] === 4 && r[2] === 'NIK');
    expect(nikLine?.slice(0, 4)).toEqual([4, 'K-0007', 'NIK', '630103******0000']);
    const phoneLine = report.find((r) => r[0] === 3 && r[2] === 'No. HP');
    expect(phoneLine?.[3]).toBe('0512**234');
    expect(wb.sheet('Laporan Validasi')!.cell(1, 1).note).toContain('Dibuat oleh add-on Seleksi & FGD');
  });

  it('sums the run up in a toast and in the Log', () => {
    expect(run.ui.toasts.at(-1)!.message).toBe('4 baris: 1 MS, 2 TMS, 1 Perlu Cek');
    const log = wb.sheet('Log')!.values();
    expect(log.at(-1)!.slice(1)).toEqual([
      'staf@example.go.id',
      'Validasi data kandidat',
      '4 baris: 1 MS, 2 TMS, 1 Perlu Cek; ID baru: 3',
    ]);
  });

  it('removes its own marks once a row is fixed, keeping the user note', () => {
    wb.sheet('Kandidat')!.setValues(4, col(wb, 'NIK'), [['6301031708900005']]);
    wb.sheet('Kandidat')!.setValues(4, col(wb, 'Pendidikan Terakhir'), [['SMK']]);
    wb.sheet('Kandidat')!.setValues(4, col(wb, 'No. HP'), [['0812-3456-0007']]);
    emu.run('validateCandidates');
    expect(cellOf(wb, 4, 'Status Administrasi').value).toBe('MS');
    expect(cellOf(wb, 4, 'NIK').background).toBe('#ffffff');
    expect(cellOf(wb, 4, 'NIK').note).toBe('');
    expect(cellOf(wb, 4, 'Pendidikan Terakhir').background).toBe('#00ff00');
    expect(cellOf(wb, 4, 'Nama Lengkap').note).toBe('ditelepon 20/11');
  });
});

describe('bad input', () => {
  it('stops with one alert naming missing columns, their aliases and the closest header, writing nothing', () => {
    const wb = new Workbook();
    wb.addSheet('Kandidat', [
      ['Nama', 'NIKK', 'L/P', 'Alamat'],
      ['Siti', '6301034708900001', 'P', 'Jl. A'],
    ]);
    const before = JSON.stringify(wb.snapshot());
    const run = new Emulator({ workbook: wb }).run('validateCandidates');
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts).toHaveLength(1);
    const text = run.ui.alerts[0].prompt;
    expect(text).toContain('Kolom wajib tidak ditemukan di baris 1 tab "Kandidat"');
    expect(text).toContain(
      '• NIK (juga diterima: No. KTP, No KTP, Nomor KTP, Nomor Induk Kependudukan) — mungkin maksud Anda "NIKK"?',
    );
    expect(text).toContain('• No. HP (juga diterima:');
    expect(text).not.toMatch(/\bat \S+:\d+/);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it('stops on a broken settings tab before writing anything', () => {
    const { wb, emu } = setUp([candidate()]);
    wb.sheet('Pengaturan')!.setValues(6, 2, [['lima puluh']]);
    const before = JSON.stringify(wb.sheet('Kandidat')!.values());
    const run = emu.run('validateCandidates');
    expect(run.ui.alerts[0].prompt).toContain(
      'Pengaturan "Usia maksimum" (tab Pengaturan, baris 6, kolom Nilai) berisi "lima puluh"',
    );
    expect(JSON.stringify(wb.sheet('Kandidat')!.values())).toBe(before);
  });

  it('says when Desa Sasaran is empty and skips the domicile check', () => {
    const { wb, emu } = setUp([candidate({ 'Desa/Kelurahan': 'Entah' })], { villages: false });
    emu.run('validateCandidates');
    expect(cellOf(wb, 2, 'Status Administrasi').value).toBe('MS');
    expect(wb.sheet('Laporan Validasi')!.values()[2][0]).toBe(
      'Tab Desa Sasaran kosong, jadi pemeriksaan domisili dilewati. Isi Desa Sasaran lalu validasi lagi.',
    );
  });

  it('maps results to the right rows after the sheet was sorted between runs', () => {
    const { wb, emu } = setUp([
      candidate({
        'Nama Lengkap': 'Zaenal',
        NIK: '6301031708900000',
        'Jenis Kelamin': 'L',
        'Tanggal Lahir': '17/08/1990',
        'No. HP': '0813-1111-2222',
      }),
      candidate({ 'Nama Lengkap': 'Ani' }),
    ]);
    emu.run('validateCandidates');
    const sheet = wb.sheet('Kandidat')!;
    const rows = sheet
      .values()
      .slice(1)
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    sheet.setValues(2, 1, rows);
    emu.run('validateCandidates');
    expect(
      [2, 3].map((r) => [cellOf(wb, r, 'Nama Lengkap').value, cellOf(wb, r, 'Status Administrasi').value]),
    ).toEqual([
      ['Ani', 'MS'],
      ['Zaenal', 'TMS'],
    ]);
  });
});

describe('call budgets', () => {
  // 2,000 rows: the most the menu validates in one step (longer tabs go through the batch dialog, test/validation/).
  it('makes the same number of service calls for 10 and for 2,000 rows', () => {
    // Distinct valid NIKs: district 01–11 of Tanah Laut, serial 0001–0910.
    const nik = (i: number) =>
      `6301${String(1 + (i % 11)).padStart(2, '0')}470890${String(1 + Math.floor(i / 11)).padStart(4, '0')}`;
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => candidate({ NIK: nik(i), 'No. HP': `0812${String(10000000 + i)}` }));
    const small = setUp(rows(10));
    const large = setUp(rows(2_000));
    const a = small.emu.run('validateCandidates');
    const b = large.emu.run('validateCandidates');
    expect(b.error).toBeUndefined();
    expect(b.totalCalls).toBe(a.totalCalls);
    // The report's measured rows (title, stamp, headers) get their heights: a few calls, whatever the rows.
    expect(a.totalCalls).toBeLessThanOrEqual(110);
    expect(b.ui.dialogs).toEqual([]);
    expect(b.ui.toasts.at(-1)!.message).toBe('2.000 baris: 2.000 MS, 0 TMS, 0 Perlu Cek');
  });
});

describe('the live check on edit', () => {
  it('re-validates only the touched row, at once, in a few calls', () => {
    const { wb, emu } = setUp([
      candidate(),
      candidate({
        'Nama Lengkap': 'Budi',
        NIK: '6301031708900002',
        'Jenis Kelamin': 'L',
        'Tanggal Lahir': '17/08/1990',
      }),
    ]);
    emu.run('validateCandidates');
    const otherRow = JSON.stringify(wb.sheet('Kandidat')!.values()[2]);
    const run = emu.edit('Kandidat', `C2`, '6301034708900000');
    expect(run.error).toBeUndefined();
    expect(cellOf(wb, 2, 'Status Administrasi').value).toBe('TMS');
    expect(cellOf(wb, 2, 'NIK').background).toBe(ERROR_BACKGROUND);
    expect(JSON.stringify(wb.sheet('Kandidat')!.values()[2])).toBe(otherRow);
    // The first edit after a validation also marks Laporan Validasi out of date (a notice on that tab).
    expect(run.totalCalls).toBeLessThanOrEqual(46);
  });

  it('validates pasted rows and gives them IDs', () => {
    const { wb, emu } = setUp([candidate({ ID: 'K-0001' })]);
    emu.run('validateCandidates');
    const run = emu.edit('Kandidat', 'A3:Q4', [
      candidate(),
      candidate({ 'Nama Lengkap': 'Dewi', 'No. HP': '0812-9999-0000', 'Pendidikan Terakhir': 'SD' }),
    ]);
    expect(run.error).toBeUndefined();
    expect([3, 4].map((r) => [cellOf(wb, r, 'ID').value, cellOf(wb, r, 'Status Administrasi').value])).toEqual([
      ['K-0002', 'TMS'],
      ['K-0003', 'TMS'],
    ]);
    // Row 3 repeats row 2's NIK and phone: the live check says the twin is marked by the full run.
    expect(String(cellOf(wb, 3, 'Catatan Validasi').value)).toContain(
      'ℹ Baris kembarannya ikut ditandai saat menu Validasi data kandidat dijalankan.',
    );
  });

  it('returns at once for edits on other tabs', () => {
    const { emu } = setUp([candidate()]);
    // Panel feeds Hasil Seleksi: one read of the document properties says it is not built yet.
    const run = emu.edit('Panel', 'A2', 'panelis@example.go.id');
    expect(run.error).toBeUndefined();
    expect(run.totalCalls).toBeLessThanOrEqual(5);
    // Log feeds no report: nothing is read.
    expect(emu.edit('Log', 'A2', 'catatan').totalCalls).toBeLessThanOrEqual(3);
  });
});

describe('the live check with broken settings', () => {
  it('says in Catatan Validasi why the edited row was not checked', () => {
    const { wb, emu } = setUp([candidate()]);
    emu.run('validateCandidates');
    wb.sheet('Pengaturan')!.setValues(6, 2, [['lima puluh']]);
    const run = emu.edit('Kandidat', 'B2', 'Siti Aminah');
    expect(run.error).toBeUndefined();
    expect(cellOf(wb, 2, 'Catatan Validasi').value).toBe(
      '⚠ Baris ini belum diperiksa: tab Pengaturan bermasalah. Jalankan menu Validasi data kandidat untuk melihat rinciannya.',
    );
  });
});
