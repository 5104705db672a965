/** The attendance decisions, without a workbook: which sheets, what a refresh keeps, who is added. */
import { attendanceTabName } from '../../src/core/attendance';
import { participantAdditions, planSheets, refreshChanges, selectedCandidates } from '../../src/core/attendancePlan';
import { placeNames } from '../../src/core/placeNames';
import { villageIndex } from '../../src/core/validation/villages';
import { PARTICIPANTS_TAB, type ParticipantHeader } from '../../src/core/schema';
import type { Participant, Session } from '../../src/core/sessions';
import type { CellValue } from '../../src/core/types';

const session = (code: string, regency = 'Kab. Bogor'): Session => ({
  sheetRow: 2,
  code,
  name: 'FGD',
  date: { year: 2026, month: 12, day: 10 },
  start: '09.00',
  end: '',
  zone: 'WIB',
  venue: 'Balai Desa',
  village: 'Cibodas',
  district: 'Cisarua',
  regency,
  province: 'Jawa Barat',
  facilitator: '',
  signingCity: '',
});
const person = (code: string, name: string, candidateId = ''): Participant => ({
  sheetRow: 2,
  code: code.toUpperCase(),
  name,
  sex: 'P',
  unsur: 'Calon Penyuluh Sosial',
  position: '',
  institution: 'Desa Cibodas',
  phone: '',
  phoneShown: '',
  candidateId,
});

describe('planSheets', () => {
  it('plans every session, or only the chosen ones, and names unknown codes', () => {
    const sessions = [session('BGR-FGD1'), session('BGR-FGD2')];
    expect(planSheets(sessions, [], null).plans.map((p) => p.tab)).toEqual([
      attendanceTabName('BGR-FGD1'),
      attendanceTabName('BGR-FGD2'),
    ]);
    const chosen = planSheets(sessions, [person('BGR-FGD2', 'Siti')], ['bgr-fgd2', 'NOPE']);
    expect(chosen.plans.map((p) => [p.session.code, p.people.map((x) => x.name)])).toEqual([['BGR-FGD2', ['Siti']]]);
    expect(chosen.problems.map((p) => p.en)).toEqual([
      'Session NOPE is not on the Sesi tab (or its row has a problem).',
    ]);
  });

  it('says when a session has nobody yet', () => {
    expect(planSheets([session('BGR-FGD1')], [], null).problems.map((p) => p.id)).toEqual([
      'Sesi BGR-FGD1 belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.',
    ]);
  });

  it('gives two codes that clip to the same tab name different tabs', () => {
    const long = 'X'.repeat(120);
    const tabs = planSheets([session(`${long}A`), session(`${long}B`)], [], null).plans.map((p) => p.tab);
    expect(new Set(tabs.map((t) => t.toUpperCase())).size).toBe(2);
    expect(tabs.every((t) => t.length <= 100)).toBe(true);
  });
});

describe('refreshChanges', () => {
  it('names who left the list (ticked ones marked) and counts the ticks kept', () => {
    const old = [
      { name: 'Siti', sex: 'P', institution: 'Desa Cibodas', unsur: 'Calon Penyuluh Sosial', ticked: true },
      { name: 'Budi', sex: 'L', institution: 'Desa Cibodas', unsur: 'Calon Penyuluh Sosial', ticked: true },
      { name: 'Ani', sex: 'P', institution: 'Desa Cibodas', unsur: 'Calon Penyuluh Sosial', ticked: false },
    ];
    expect(refreshChanges(old, [person('S1', 'Siti'), person('S1', 'Dewi')])).toEqual({
      removed: ['Budi (✓)', 'Ani'],
      ticksKept: 1,
    });
  });
});

const kandidat = (rows: CellValue[][]) => [
  ['ID', 'Nama Lengkap', 'Jenis Kelamin', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Hasil Seleksi'],
  ...rows,
];

describe('selectedCandidates', () => {
  it('keeps sheet order, leaves out rows without an ID and other results', () => {
    const values = kandidat([
      ['K-1', 'Siti', 'P', 'Kab. Bogor', 'Cisarua', 'Cibodas', 'Cadangan'],
      ['K-2', 'Budi', 'L', 'Kab. Bogor', 'Cisarua', 'Cibodas', 'Lulus'],
      ['', 'Ani', 'P', 'Kab. Bogor', 'Cisarua', 'Cibodas', 'Lulus'],
      ['K-4', 'Dewi', 'P', 'Kab. Bogor', 'Cisarua', 'Cibodas', 'Tidak Lulus'],
    ]);
    const selection = selectedCandidates(values);
    expect(selection.passed.map((r) => r.text('ID'))).toEqual(['K-2']);
    expect(selection.withReserves.map((r) => r.text('ID'))).toEqual(['K-1', 'K-2']);
  });
});

describe('participantAdditions', () => {
  const selected = selectedCandidates(
    kandidat([
      ['K-1', 'Siti', 'perempuan', 'Kab. Bogor', 'Cisarua', 'Cibodas', 'Lulus'],
      ['K-2', 'Budi', 'L', 'Kota Depok', 'Beji', 'Kukusan', 'Lulus'],
    ]),
  ).passed;
  const header = PARTICIPANTS_TAB.columns.map((c) => c.header);

  it('adds each candidate to every session of their regency, once', () => {
    const out = participantAdditions({
      pesertaHeader: header,
      sessions: [session('BGR-1'), session('BGR-2'), session('DPK-1', 'Kota Depok')],
      participants: [person('BGR-2', 'Siti', 'k-1')],
      places: placeNames(undefined),
      selected,
      lang: 'id',
    });
    // Text cells carry Sheets' leading apostrophe, so a code like 0812… or 1/2 stays text.
    const at = (h: ParticipantHeader) => header.indexOf(h);
    expect(
      out.rows.map((r) => [r[at('Kode Sesi')], r[at('ID Kandidat')], r[at('Jenis Kelamin')], r[at('Instansi/Asal')]]),
    ).toEqual([
      ["'BGR-1", "'K-1", 'P', "'Desa Cibodas, Kec. Cisarua"],
      ["'DPK-1", "'K-2", 'L', "'Desa Kukusan, Kec. Beji"],
    ]);
    expect(out.skipped).toBe(1);
    expect(out.newHeaders).toEqual([]);
  });

  it('appends the contract columns the Peserta tab lacks, after its own', () => {
    const out = participantAdditions({
      pesertaHeader: ['Kode Sesi', 'Nama', 'Catatan'],
      sessions: [session('BGR-1')],
      participants: [],
      places: placeNames(undefined),
      selected,
      lang: 'en',
    });
    expect(out.newHeaders).toEqual(header.filter((h) => h !== 'Kode Sesi' && h !== 'Nama'));
    const row = out.rows[0];
    expect(row.length).toBe(3 + out.newHeaders.length);
    expect([row[0], row[1], row[2], row[3 + out.newHeaders.indexOf('Jabatan')]]).toEqual([
      "'BGR-1",
      "'Siti",
      '',
      'Candidate extension worker',
    ]);
  });

  it('writes the candidate’s village and district as Desa Sasaran spells them', () => {
    const places = placeNames(
      villageIndex([
        ['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan'],
        ['Jawa Barat', 'Kab. Bogor', 'Cisarua', 'Cibodas'],
      ]),
    );
    const typed = selectedCandidates(
      kandidat([['K-9', 'Rina', 'P', 'KABUPATEN BOGOR', 'kec. CISARUA', 'desa cibodas', 'Lulus']]),
    ).passed;
    const out = participantAdditions({
      pesertaHeader: header,
      sessions: [session('BGR-1')],
      participants: [],
      selected: typed,
      places,
      lang: 'id',
    });
    expect(out.rows[0][header.indexOf('Instansi/Asal')]).toBe("'Desa Cibodas, Kec. Cisarua");
  });
});
