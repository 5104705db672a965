/** Attendance sheets and adding selected candidates, end to end on the emulator. */
import { Emulator, Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';
import type { CellValue } from '../../src/core/types';

beforeAll(ensureBuilt);

type Outcome = {
  built: Array<{ code: string; tab: string; participants: number; ticksKept: number; removed: string[] }>;
  problems: string[];
  message: string;
};

function eventWorkbook(participants: CellValue[][]): { wb: Workbook; emu: Emulator } {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  wb.sheet('Sesi')!.setValues(2, 1, [
    [
      'TLT-FGD1',
      'FGD Hari 1',
      '27/11/2019',
      '19.00',
      'selesai',
      'WITA',
      'Balai Diklat Loka Bina Praja, Pelaihari',
      '',
      'Pelaihari',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
      'Dr. Sri Wahyuni',
    ],
    [
      'TLT-FGD2',
      'FGD Hari 2',
      '28/11/2019',
      '08:00',
      '12:00',
      'WITA',
      'Aula Kecamatan Takisung',
      '',
      'Takisung',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
      '',
    ],
    [
      'TLT-FGD3',
      'FGD Hari 3',
      '29/11/2019',
      'pagi',
      '',
      'WITA',
      'Aula',
      '',
      '',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
      '',
    ],
  ]);
  if (participants.length) wb.sheet('Peserta')!.setValues(2, 1, participants);
  return { wb, emu };
}

const P = (code: string, name: string, sex: string, unsur: string, institution: string, phone = ''): CellValue[] => [
  code,
  name,
  sex,
  unsur,
  '',
  institution,
  phone,
  '',
];

describe('Buat daftar hadir', () => {
  it('opens a dialog listing the sessions', () => {
    const { emu } = eventWorkbook([P('TLT-FGD1', 'Rahmat', 'L', 'Aparat Desa', 'Desa Angsau')]);
    const run = emu.run('buildAttendanceSheets');
    expect(run.ui.dialogs).toHaveLength(1);
    expect(run.ui.dialogs[0].title).toBe('Buat daftar hadir');
    const choices = emu.runRpc('attendanceChoices', []) as {
      sessions: Array<{ code: string; participants: number; exists: boolean }>;
      problems: string[];
    };
    expect(choices.sessions.map((s) => [s.code, s.participants, s.exists])).toEqual([
      ['TLT-FGD1', 1, false],
      ['TLT-FGD2', 0, false],
    ]);
    expect(choices.problems).toEqual([
      'Tab Sesi baris 4: Jam Mulai "pagi" sesi TLT-FGD3 tidak terbaca. Tulis seperti 08.00 atau 19:30.',
    ]);
  });

  it('builds one printable tab per session, reports bad rows, and still builds the others', () => {
    const { wb, emu } = eventWorkbook([
      P('TLT-FGD1', 'Rahmat', 'L', 'Aparat Desa', 'Desa Angsau', '081234567890'),
      P('TLT-FGD1', 'Dr. Sri Wahyuni', 'P', 'Peneliti', 'Puslitbangkesos'),
      P('TLT-FGD9', 'Siti', 'P', 'Peneliti', 'BBPPKS'),
      P('TLT-FGD1', 'Rahmat', 'L', 'Aparat Desa', 'Desa Angsau'),
    ]);
    const outcome = emu.runRpc('generateAttendance', [{ codes: null }]) as Outcome;
    expect(outcome.built.map((b) => [b.tab, b.participants])).toEqual([
      ['DH TLT-FGD1', 2],
      ['DH TLT-FGD2', 0],
    ]);
    expect(outcome.problems).toEqual([
      'Tab Sesi baris 4: Jam Mulai "pagi" sesi TLT-FGD3 tidak terbaca. Tulis seperti 08.00 atau 19:30.',
      'Tab Peserta baris 4: Kode Sesi "TLT-FGD9" tidak ada di tab Sesi. Perbaiki kodenya; Siti belum masuk daftar hadir.',
      'Tab Peserta baris 5: Rahmat sudah terdaftar di sesi TLT-FGD1 pada baris 2; baris ganda ini dilewati.',
      'Sesi TLT-FGD2 belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.',
    ]);
    const tab = wb.sheet('DH TLT-FGD1')!;
    const values = tab.values();
    expect(values[5][2]).toBe(': Rabu, 27 November 2019');
    expect(values[6][2]).toBe(': pukul 19.00 WITA – selesai');
    expect(values[9]).toEqual(['Fasilitator', '', ': Dr. Sri Wahyuni', '', '', '', '', '', '', '']);
    const header = values.findIndex((r) => r[0] === 'No') + 1;
    expect(header).toBe(12);
    expect(values.slice(header, header + 2).map((r) => r.slice(0, 10))).toEqual([
      [1, 'Dr. Sri Wahyuni', 'P', 'Peneliti', '', 'Puslitbangkesos', '', '1.', '', false],
      [2, 'Rahmat', 'L', 'Aparat Desa', '', 'Desa Angsau', '0812-****-*890', '', '2.', false],
    ]);
    expect(tab.cell(13, 10).dataValidation?.criteria).toBe('CHECKBOX');
    expect(tab.merges).toContainEqual({ row: 2, col: 1, numRows: 1, numCols: 10 });
    expect(tab.cell(12, 1).border).not.toBeNull();
    expect(tab.rowHeight(13)).toBe(40);
    expect(tab.columnWidth(2)).toBe(108);
    expect(tab.cell(1, 1).note).toContain('Dibuat oleh add-on Seleksi & FGD');
    expect(wb.sheetNames().filter((n) => n.startsWith('DH '))).toEqual(['DH TLT-FGD1', 'DH TLT-FGD2']);
  });

  it('keeps every tick when regenerated after participants change, and logs who was removed', () => {
    const { wb, emu } = eventWorkbook([
      P('TLT-FGD1', 'Rahmat', 'L', 'Aparat Desa', 'Desa Angsau'),
      P('TLT-FGD1', 'Siti', 'P', 'Peneliti', 'BBPPKS'),
      P('TLT-FGD1', 'Yusuf', 'L', 'Tokoh Masyarakat', 'Masjid Al-Ikhlas'),
    ]);
    emu.runRpc('generateAttendance', [{ codes: ['TLT-FGD1'] }]);
    const tab = () => wb.sheet('DH TLT-FGD1')!;
    // Ticked after the event: Siti (first data row, 13) and Yusuf (third, 15).
    tab().setValues(13, 10, [[true]]);
    tab().setValues(15, 10, [[true]]);
    // A late participant is added (sorts first), and Yusuf is removed.
    wb.sheet('Peserta')!.setValues(4, 1, [P('TLT-FGD1', 'Ahmad', 'L', 'Peneliti', 'BRIN')]);
    const outcome = emu.runRpc('generateAttendance', [{ codes: ['TLT-FGD1'] }]) as Outcome;
    expect(outcome.built[0]).toMatchObject({ participants: 3, ticksKept: 1, removed: ['Yusuf (✓)'] });
    expect(
      tab()
        .values()
        .slice(12, 15)
        .map((r) => [r[1], r[9]]),
    ).toEqual([
      ['Ahmad', false],
      ['Siti', true],
      ['Rahmat', false],
    ]);
    expect(String(wb.sheet('Log')!.values().at(-1)![3])).toContain('DH TLT-FGD1: dihapus Yusuf (✓)');
  });

  it('leaves a tab with the same name that the add-on did not make', () => {
    const { wb, emu } = eventWorkbook([P('TLT-FGD1', 'Rahmat', 'L', 'Aparat Desa', 'Desa Angsau')]);
    wb.addSheet('DH TLT-FGD1', [['catatan panitia']]);
    const outcome = emu.runRpc('generateAttendance', [{ codes: ['TLT-FGD1'] }]) as Outcome;
    expect(outcome.built).toEqual([]);
    expect(outcome.problems).toContain(
      'Tab "DH TLT-FGD1" sudah ada dan bukan buatan add-on; tab itu tidak diubah. Ganti namanya agar daftar hadir sesi TLT-FGD1 dapat dibuat.',
    );
    expect(wb.sheet('DH TLT-FGD1')!.values()).toEqual([['catatan panitia']]);
  });

  it('makes the same number of service calls per tab whatever the number of participants', () => {
    const calls = (n: number) => {
      const { emu } = eventWorkbook(
        Array.from({ length: n }, (_, i) =>
          P('TLT-FGD1', `Peserta ${i}`, i % 2 ? 'L' : 'P', 'Lainnya', `Desa ${i}`, `0812${10000000 + i}`),
        ),
      );
      emu.runRpc('generateAttendance', [{ codes: ['TLT-FGD1'] }]);
      return emu.lastRun!.totalCalls;
    };
    const few = calls(3);
    expect(calls(400)).toBe(few);
    // ~75 for the tab itself; the rest reads settings, Sesi, Peserta and the document properties
    // (is Rekap Kehadiran to be marked out of date?) and writes the Log.
    expect(few).toBeLessThanOrEqual(115);
  });

  it('rejects a forged request', () => {
    const { emu } = eventWorkbook([]);
    expect(() => emu.runRpc('generateAttendance', [{ codes: 'semua' }])).toThrow(
      'Permintaan dari dialog tidak sah. Tutup dan buka lagi dialognya.',
    );
  });
});

describe('Tambahkan peserta dari hasil seleksi', () => {
  function withResults(): { wb: Workbook; emu: Emulator } {
    const { wb, emu } = eventWorkbook([]);
    const header = wb.sheet('Kandidat')!.values()[0];
    const row = (id: string, name: string, sex: string, village: string, regency: string, result: string) => {
      const r: CellValue[] = new Array(header.length).fill('');
      const put = (h: string, v: CellValue) => (r[header.indexOf(h)] = v);
      put('ID', id);
      put('Nama Lengkap', name);
      put('Jenis Kelamin', sex);
      put('Desa/Kelurahan', village);
      put('Kecamatan', 'Pelaihari');
      put('Kabupaten/Kota', regency);
      put('Hasil Seleksi', result);
      return r;
    };
    wb.sheet('Kandidat')!.setValues(2, 1, [
      row('K-0001', 'Siti Aminah', 'Perempuan', 'Angsau', 'Kab. Tanah Laut', 'Lulus'),
      row('K-0002', 'Rahmat', 'L', 'Angsau', 'Kabupaten Tanah Laut', 'Cadangan'),
      row('K-0003', 'Budi', 'L', 'Angsau', 'Kabupaten Tanah Laut', 'Tidak Lulus'),
      row('K-0004', 'Asep', 'L', 'Pataruman', 'Kabupaten Garut', 'Lulus'),
    ]);
    return { wb, emu };
  }

  it('adds passed candidates (and reserves when asked) to every session of their regency, once', () => {
    const { wb, emu } = withResults();
    emu.alertResponder = () => 'YES';
    const run = emu.run('addParticipantsFromResults');
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts[0].prompt).toContain('Sertakan juga kandidat Cadangan?');
    const rows = wb.sheet('Peserta')!.values().slice(1);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5], r[7]])).toEqual([
      ['TLT-FGD1', 'Siti Aminah', 'P', 'Calon Penyuluh Sosial', 'Desa Angsau, Kec. Pelaihari', 'K-0001'],
      ['TLT-FGD1', 'Rahmat', 'L', 'Calon Penyuluh Sosial', 'Desa Angsau, Kec. Pelaihari', 'K-0002'],
      ['TLT-FGD2', 'Siti Aminah', 'P', 'Calon Penyuluh Sosial', 'Desa Angsau, Kec. Pelaihari', 'K-0001'],
      ['TLT-FGD2', 'Rahmat', 'L', 'Calon Penyuluh Sosial', 'Desa Angsau, Kec. Pelaihari', 'K-0002'],
    ]);
    expect(rows.every((r) => r[6] === '')).toBe(true); // phone numbers stay on Kandidat
    expect(run.ui.toasts.at(-1)!.message).toBe('4 peserta ditambahkan ke tab Peserta (0 sudah ada).');
    const again = emu.run('addParticipantsFromResults');
    expect(again.ui.toasts.at(-1)!.message).toBe('0 peserta ditambahkan ke tab Peserta (4 sudah ada).');
    expect(wb.sheet('Peserta')!.values()).toHaveLength(5);
  });

  it('adds only Lulus when reserves are declined, and nothing when cancelled', () => {
    const { wb, emu } = withResults();
    emu.alertResponder = () => 'CANCEL';
    emu.run('addParticipantsFromResults');
    expect(wb.sheet('Peserta')!.values()).toHaveLength(1);
    emu.alertResponder = () => 'NO';
    emu.run('addParticipantsFromResults');
    expect(
      wb
        .sheet('Peserta')!
        .values()
        .slice(1)
        .map((r) => r[7]),
    ).toEqual(['K-0001', 'K-0001']);
  });
});

describe('times typed into time cells', () => {
  it('reads 19:00 as 19.00 WITA, not the 18:58 that the 1899 Makassar offset would give', () => {
    const wb = new Workbook(); // Asia/Makassar, id_ID
    // A Sesi tab staff made themselves before setup: Jam Mulai is a plain cell, so "19:00" becomes a time value.
    wb.addSheet('Sesi', [
      [
        'Kode Sesi',
        'Nama Kegiatan',
        'Tanggal',
        'Jam Mulai',
        'Jam Selesai',
        'Zona Waktu',
        'Tempat',
        'Kabupaten/Kota',
        'Provinsi',
      ],
      [
        'TLT-FGD1',
        'FGD Hari 1',
        '27/11/2019',
        '19:00',
        '21:30',
        'WITA',
        'Balai Diklat Loka Bina Praja',
        'Kabupaten Tanah Laut',
        'Kalimantan Selatan',
      ],
    ]);
    expect(wb.sheet('Sesi')!.cell(2, 4).value).toBeInstanceOf(Date);
    const emu = new Emulator({ workbook: wb });
    emu.run('setupWorkbook');
    wb.sheet('Peserta')!.setValues(2, 1, [P('TLT-FGD1', 'Rahmat', 'L', 'Aparat Desa', 'Desa Angsau')]);
    emu.runRpc('generateAttendance', [{ codes: null }]);
    expect(wb.sheet('DH TLT-FGD1')!.values()[6][2]).toBe(': pukul 19.00 WITA – 21.30 WITA');
  });
});
