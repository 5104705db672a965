import {
  attendanceLayout,
  attendanceTabName,
  orderParticipants,
  readAttendanceRows,
  tickKey,
} from '../../src/core/attendance';
import { parseClock, parseParticipants, parseSessions, type Participant, type Session } from '../../src/core/sessions';
import { parseSettings } from '../../src/core/settings';
import { heightOf } from '../support/layout';

const settingsResult = parseSettings(
  [
    ['Pengaturan', 'Nilai', 'Keterangan'],
    ['Baris cadangan daftar hadir', 2, ''],
    ['Penanggung jawab', 'Drs. H. Ahmad Syarifuddin', ''],
    ['NIP penanggung jawab', '196805121994031002', ''],
  ],
  480,
);
if (!settingsResult.ok) throw new Error('settings');
const settings = settingsResult.settings;

const session: Session = {
  sheetRow: 2,
  code: 'TLT-FGD1',
  name: 'FGD Hari 1',
  date: { year: 2019, month: 11, day: 27 },
  start: '19.00',
  end: '',
  zone: 'WITA',
  venue: 'Balai Diklat Loka Bina Praja, Pelaihari',
  village: '',
  district: 'Pelaihari',
  regency: 'Kabupaten Tanah Laut',
  province: 'Kalimantan Selatan',
  facilitator: '',
  signingCity: '',
};
const person = (
  name: string,
  sex: 'L' | 'P',
  unsur: Participant['unsur'],
  position: string,
  institution: string,
  phone = '',
): Participant => ({
  sheetRow: 0,
  code: 'TLT-FGD1',
  name,
  sex,
  unsur,
  position,
  institution,
  phone,
  phoneShown: phone,
  candidateId: '',
});
const people = [
  person('Rahmat', 'L', 'Aparat Desa', 'Kepala Desa', 'Desa Angsau', '081234567890'),
  person('=cmd|calc', 'P', 'Lainnya', '', 'Warga'),
  person('Dr. Sri Wahyuni', 'P', 'Peneliti', 'Peneliti Ahli Madya', 'Puslitbangkesos'),
];

const cellOf = (c: unknown) => (typeof c === 'string' ? c.replace(/^'/, '') : c);

describe('attendanceLayout', () => {
  const layout = attendanceLayout({
    session,
    participants: people,
    settings,
    lang: 'id',
    ticks: new Map([[tickKey('Rahmat', 'Desa Angsau', 'Aparat Desa'), true]]),
  });
  const v = layout.values;

  it('prints the header block in Indonesian with day, date, time zone and venue', () => {
    expect(v.slice(0, 9).map((r) => r.filter((c) => c !== ''))).toEqual([
      ["'KEMENTERIAN SOSIAL REPUBLIK INDONESIA"],
      ["'DAFTAR HADIR"],
      ["'FGD Hari 1"],
      ["'Rekrutmen Calon Penyuluh Sosial — Desa Berketahanan Sosial"],
      [],
      ['Hari/Tanggal', "': Rabu, 27 November 2019"],
      ['Waktu', "': pukul 19.00 WITA – selesai"],
      ['Tempat', "': Balai Diklat Loka Bina Praja, Pelaihari"],
      ['Wilayah', "': Kec. Pelaihari, Kabupaten Tanah Laut, Kalimantan Selatan"],
    ]);
  });

  it('lists participants by unsur order then name, with zig-zag signatures, masked phones and blank walk-in rows', () => {
    expect(v.slice(10, 16)).toEqual([
      ['No', 'Nama', 'L/P', 'Unsur', 'Jabatan', 'Instansi/Asal', 'No. HP', 'Tanda Tangan', '', 'Hadir'],
      [1, "'Dr. Sri Wahyuni", 'P', 'Peneliti', "'Peneliti Ahli Madya", "'Puslitbangkesos", '', "'1.", '', false],
      [2, "'Rahmat", 'L', 'Aparat Desa', "'Kepala Desa", "'Desa Angsau", "'0812-****-*890", '', "'2.", true],
      [3, "'=cmd|calc", 'P', 'Lainnya', '', "'Warga", '', "'3.", '', false],
      [4, '', '', '', '', '', '', '', "'4.", ''],
      [5, '', '', '', '', '', '', "'5.", '', ''],
    ]);
    expect(layout.checkboxes).toEqual([{ row: 12, column: 10, rows: 3 }]);
  });

  it('signs in the session’s own city when Sesi gives one, else in the Signing city setting', () => {
    const signingLine = (signingCity: string) =>
      attendanceLayout({
        session: { ...session, signingCity },
        participants: people,
        settings,
        lang: 'id',
        ticks: new Map(),
      })
        .values.flat()
        .find((c) => typeof c === 'string' && c.endsWith('27 November 2019') && !c.includes(':'));
    expect(signingLine('Kota Jantho')).toBe("'Kota Jantho, 27 November 2019");
    expect(signingLine('')).toBe(`'${settings.signingCity}, 27 November 2019`);
  });

  it('ends with the summary line and the signature block', () => {
    expect(v.slice(16).map((r) => r.filter((c) => c !== ''))).toEqual([
      [],
      ["'Jumlah peserta terdaftar: 3 orang (L 1, P 2). Peneliti 1 · Aparat Desa 1 · Lainnya 1."],
      [],
      ["'Pelaihari, 27 November 2019"],
      ["'Penanggung jawab,"],
      [],
      ["'Drs. H. Ahmad Syarifuddin"],
      ["'NIP. 196805121994031002"],
      ["'TLT-FGD1 · Halaman 1 dari 1"],
    ]);
  });

  it('is print-ready: borders on the table, merged header lines, room to sign, A4-portrait widths', () => {
    expect(layout.formats).toContainEqual(
      expect.objectContaining({ row: 11, column: 1, rows: 6, columns: 10, borders: true }),
    );
    expect(layout.formats).toContainEqual(
      expect.objectContaining({ row: 2, column: 1, rows: 1, columns: 10, merge: true, bold: true, fontSize: 14 }),
    );
    // "Tanda Tangan" spans both signature columns without a merge: one outline, no line between.
    expect(layout.formats).toContainEqual(
      expect.objectContaining({ row: 11, column: 8, rows: 1, columns: 2, borders: 'outline' }),
    );
    expect(layout.defaultRowHeight).toBe(40);
    expect(heightOf(layout, 12)).toBe(40);
    expect(heightOf(layout, v.findIndex((r) => cellOf(r[6]) === 'Penanggung jawab,') + 2)).toBe(64);
    // 96 px per inch: A4 is 8.27 in wide, less Sheets' Normal margins of 0.7 in on each side.
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Math.floor((8.27 - 1.4) * 96));
  });

  it('speaks English when asked, keeping the Hadir column name', () => {
    const en = attendanceLayout({ session, participants: people, settings, lang: 'en', ticks: new Map() }).values;
    expect(en[5][2]).toBe("': Wednesday, 27 November 2019");
    expect(en[6][2]).toBe("': at 19.00 WITA – until finished");
    expect(en[10]).toEqual([
      'No',
      'Name',
      'Sex',
      'Group',
      'Position',
      'Institution',
      'Phone',
      'Signature',
      '',
      'Hadir',
    ]);
  });

  it('reads back ticks from a rendered tab, skipping walk-in rows', () => {
    const rendered = v.map((r) => r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)));
    expect(readAttendanceRows(rendered)).toEqual([
      { name: 'Dr. Sri Wahyuni', sex: 'P', institution: 'Puslitbangkesos', unsur: 'Peneliti', ticked: false },
      { name: 'Rahmat', sex: 'L', institution: 'Desa Angsau', unsur: 'Aparat Desa', ticked: true },
      { name: '=cmd|calc', sex: 'P', institution: 'Warga', unsur: 'Lainnya', ticked: false },
    ]);
  });
});

describe('sessions and participants', () => {
  it('reads times as typed or shown, and open ends', () => {
    expect(['19.00', '19:00', '8:05', '19.00.00', '07:30:00'].map(parseClock)).toEqual([
      '19.00',
      '19.00',
      '08.05',
      '19.00',
      '07.30',
    ]);
    expect(['25.00', 'jam 7', ''].map(parseClock)).toEqual([undefined, undefined, undefined]);
  });

  it('reports bad session rows by row and keeps the good ones', () => {
    const values = [
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
      ['A', 'FGD 1', '27/11/2019', '08.00', 'selesai', 'WITA', 'Aula', 'Tanah Laut', 'Kalsel'],
      ['A', 'FGD 1 lagi', '27/11/2019', '08.00', '', 'WITA', 'Aula', 'Tanah Laut', 'Kalsel'],
      ['B', 'FGD 2', '31/11/2019', '08.00', '', 'WITA', 'Aula', 'Tanah Laut', 'Kalsel'],
      ['C', 'FGD 3', '28/11/2019', 'pagi', '', 'WITA', 'Aula', 'Tanah Laut', 'Kalsel'],
      ['D', 'FGD 4', '29/11/2019', '08.00', '12.00', 'GMT', 'Aula', 'Tanah Laut', 'Kalsel'],
    ];
    const parsed = parseSessions(values, undefined, 480);
    expect(parsed.sessions.map((s) => [s.code, s.start, s.end])).toEqual([['A', '08.00', '']]);
    expect(parsed.problems.map((p) => p.message.id)).toEqual([
      'Tab Sesi baris 3: Kode Sesi A sudah dipakai di baris 2. Setiap sesi perlu kode sendiri; sesi ini dilewati.',
      'Tab Sesi baris 4: tanggal "31/11/2019" sesi B tidak terbaca. Tulis seperti 27/11/2019 atau 27 November 2019.',
      'Tab Sesi baris 5: Jam Mulai "pagi" sesi C tidak terbaca. Tulis seperti 08.00 atau 19:30.',
      'Tab Sesi baris 6: Zona Waktu "GMT" sesi D harus WIB, WITA atau WIT.',
    ]);
  });

  it('reports unknown sessions and duplicate participants by row', () => {
    const values = [
      ['Kode Sesi', 'Nama', 'Jenis Kelamin', 'Unsur', 'Jabatan', 'Instansi/Asal'],
      ['a', 'Rahmat', 'L', 'Aparat Desa', 'Kades', 'Desa Angsau'],
      ['A', 'rahmat', 'L', 'Aparat Desa', 'Kades', 'desa angsau'],
      ['Z', 'Siti', 'P', 'Peneliti', '', 'BBPPKS'],
      ['A', 'Budi', 'L', 'Wartawan', '', 'Koran'],
    ];
    const parsed = parseParticipants(values, undefined, new Set(['A']));
    expect(parsed.participants.map((p) => [p.code, p.name, p.unsur])).toEqual([
      ['A', 'Rahmat', 'Aparat Desa'],
      ['A', 'Budi', 'Lainnya'],
    ]);
    expect(parsed.problems.map((p) => p.message.id)).toEqual([
      'Tab Peserta baris 3: rahmat sudah terdaftar di sesi A pada baris 2; baris ganda ini dilewati.',
      'Tab Peserta baris 4: Kode Sesi "Z" tidak ada di tab Sesi. Perbaiki kodenya; Siti belum masuk daftar hadir.',
      'Tab Peserta baris 5: Unsur "Wartawan" tidak dikenal; Budi dicatat sebagai Lainnya. Pilihan: Peneliti, Penyuluh Sosial, Perwakilan Instansi Terkait, Aparat Desa, Calon Penyuluh Sosial, Tokoh Masyarakat, Lainnya.',
    ]);
  });

  it('orders groups as the contract lists them and names tabs within 100 characters', () => {
    expect(orderParticipants(people).map((p) => p.unsur)).toEqual(['Peneliti', 'Aparat Desa', 'Lainnya']);
    expect(attendanceTabName('TLT-FGD1')).toBe('DH TLT-FGD1');
    expect(attendanceTabName('X'.repeat(200))).toHaveLength(100);
  });
});
