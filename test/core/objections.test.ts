/** The rules of Proses sanggah (core/objections.ts) and the accepted objection in validation, on plain grids. */
import type { CalendarDate } from '../../src/core/dates';
import {
  type ObjectionInput,
  acceptedObjections,
  objectionKey,
  processObjections,
  sameName,
} from '../../src/core/objections';
import { objectionWindow } from '../../src/core/objectionWindow';
import { OBJECTIONS_TAB } from '../../src/core/schema';
import { parseSettings } from '../../src/core/settings';
import type { CellValue, Grid } from '../../src/core/types';
import { validateCandidates } from '../../src/core/validation/validate';
import { CANDIDATES_TAB } from '../../src/core/schema';

const HEADER = OBJECTIONS_TAB.columns.map((c) => c.header);
const NOW = new Date(Date.UTC(2019, 11, 10, 2));
const today: CalendarDate = { year: 2019, month: 12, day: 10 };
/** Announced 27 November 2019, three days: the window is 28–30 November. */
const WINDOW = { first: { year: 2019, month: 11, day: 28 }, last: { year: 2019, month: 11, day: 30 } };

const CANDIDATES = new Map([
  ['K-0001', { name: 'Siti Rahmawati', sheetRow: 2 }],
  ['K-0002', { name: 'Budi Santoso', sheetRow: 3 }],
  ['K-0003', { name: 'Ahmad Fauzi', sheetRow: 4 }],
]);
const ANNOUNCED = new Map([
  ['K-0001', 'TMS'],
  ['K-0002', 'Perlu Cek'],
  ['K-0003', 'MS'],
]);

function input(rows: CellValue[][], over: Partial<ObjectionInput> = {}): ObjectionInput {
  return {
    values: [HEADER, ...rows.map((r) => [...r, ...new Array<CellValue>(HEADER.length - r.length).fill('')])],
    candidates: CANDIDATES,
    announced: ANNOUNCED,
    window: WINDOW,
    perCandidate: 1,
    today,
    offsetMinutes: 480,
    user: 'panitia@example.go.id',
    now: NOW,
    ...over,
  };
}

function statuses(rows: CellValue[][], over: Partial<ObjectionInput> = {}) {
  const result = processObjections(input(rows, over));
  if (!result.ok) throw new Error('missing columns');
  return result.rows.map((r) => r.status);
}

describe('processObjections', () => {
  it('accepts an objection with a decision and a reason, naming who and when', () => {
    const result = processObjections(
      input([['29/11/2019', 'K-0001', 'Siti Rahmawati', 'x', 'Diterima', 'Ijazah sah']]),
    );
    expect(result.ok && result.rows[0]).toMatchObject({
      status: 'Diterima',
      decidedBy: 'panitia@example.go.id',
      decidedAt: NOW,
      changed: true,
      reason: 'Ijazah sah',
      problems: [],
    });
  });

  it('judges the window by calendar day: first and last day inside, the day after late, the announcement day too early', () => {
    const row = (date: string) => [date, 'K-0001', 'Siti Rahmawati', 'x', 'Ditolak', 'alasan'];
    expect(statuses([row('28/11/2019')])).toEqual(['Ditolak']);
    expect(statuses([row('30 November 2019')])).toEqual(['Ditolak']);
    expect(statuses([row('1/12/2019')])).toEqual(['Terlambat']);
    expect(statuses([row('27/11/2019')])).toEqual(['Tidak sah']);
    // A date cell (midnight WITA) reads as its calendar day.
    expect(statuses([[new Date(Date.UTC(2019, 10, 29, 16)), 'K-0001', 'Siti Rahmawati', 'x', 'Ditolak', 'a']])).toEqual(
      ['Ditolak'],
    );
  });

  it('never accepts a late objection, even with Diterima typed, and says the decision is ignored', () => {
    const result = processObjections(input([['2/12/2019', 'K-0001', 'Siti Rahmawati', 'x', 'Diterima', 'ok']]));
    if (!result.ok) throw new Error();
    expect(result.rows[0].status).toBe('Terlambat');
    expect(result.rows[0].reason).toBe('');
    expect(result.rows[0].problems.map((p) => p.id)).toEqual([
      'sanggahan masuk 2 Desember 2019, setelah masa sanggah berakhir (30 November 2019); sanggahan terlambat tidak dapat diterima.',
      'Keputusan "Diterima" diabaikan karena sanggahan ini Terlambat.',
    ]);
  });

  it('matches names forgivingly and IDs by case and spaces, and refuses unknown IDs and other names', () => {
    expect(sameName("  NUR'AINI ", 'Nur Aini')).toBe(true);
    expect(sameName('Siti Rahmawati', 'Siti Rahmawati S.Pd')).toBe(false);
    expect(sameName('', '')).toBe(false);
    expect(objectionKey(' k- 0001 ')).toBe('K-0001');
    expect(
      statuses([
        ['29/11/2019', 'k-0001 ', 'siti-rahmawati.', 'x', '', ''],
        ['29/11/2019', 'K-0099', 'Siti Rahmawati', 'x', '', ''],
        ['29/11/2019', 'K-0002', 'Bambang', 'x', '', ''],
      ]),
    ).toEqual(['Menunggu', 'Tidak sah', 'Tidak sah']);
  });

  it('admits only candidates announced TMS or Perlu Cek', () => {
    const result = processObjections(input([['29/11/2019', 'K-0003', 'Ahmad Fauzi', 'x', 'Diterima', 'ok']]));
    if (!result.ok) throw new Error();
    expect(result.rows[0].status).toBe('Tidak sah');
    expect(result.rows[0].problems[0].en).toBe(
      'candidate K-0003 was announced "MS"; only TMS or Perlu Cek candidates may object.',
    );
    const none = processObjections(
      input([['29/11/2019', 'K-0003', 'Ahmad Fauzi', 'x', '', '']], { announced: new Map() }),
    );
    expect(none.ok && none.rows[0].problems[0].en).toBe(
      'candidate K-0003 is not on the administrative announcement, so there is no result to object to.',
    );
    expect(statuses([['29/11/2019', 'K-0002', 'Budi Santoso', 'x', 'ditolak', 'belum SLTA']])).toEqual(['Ditolak']);
  });

  it('allows Sanggah per kandidat objections, earliest first, and names the row of the first', () => {
    const rows = [
      ['30/11/2019', 'K-0001', 'Siti Rahmawati', 'second by date', '', ''],
      ['28/11/2019', 'K-0001', 'Siti Rahmawati', 'first by date', 'Ditolak', 'a'],
      ['29/11/2019', 'K-0001', 'Siti Rahmawati', 'second by date', 'Diterima', 'b'],
      ['2/12/2019', 'K-0001', 'Siti Rahmawati', 'late: not counted', '', ''],
    ];
    const result = processObjections(input(rows));
    if (!result.ok) throw new Error();
    expect(result.rows.map((r) => r.status)).toEqual(['Tidak sah', 'Ditolak', 'Tidak sah', 'Terlambat']);
    expect(result.rows[0].problems[0].id).toBe(
      'kandidat K-0001 sudah menyanggah di baris 3; satu kandidat hanya boleh 1 sanggahan (pengaturan Sanggah per kandidat).',
    );
    expect(statuses(rows, { perCandidate: 2 })).toEqual(['Tidak sah', 'Ditolak', 'Diterima', 'Terlambat']);
  });

  it('keeps a decision without a reason, an unknown decision, an unreadable or future date, and a blank cell waiting', () => {
    const result = processObjections(
      input([
        ['29/11/2019', 'K-0001', 'Siti Rahmawati', 'x', 'Diterima', ''],
        ['29/11/2019', 'K-0002', 'Budi Santoso', 'x', 'mungkin', 'a'],
        ['tiga hari lalu', 'K-0001', 'Siti Rahmawati', 'x', 'Diterima', 'a'],
        ['29/12/2019', 'K-0001', 'Siti Rahmawati', 'x', '', ''],
        ['29/11/2019', 'K-0001', 'Siti Rahmawati', '', '', ''],
        ['', '', '', '', '', ''],
      ]),
    );
    if (!result.ok) throw new Error();
    expect(result.rows.map((r) => [r.status, r.decidedBy, r.problems.length])).toEqual([
      ['Menunggu', '', 1],
      ['Menunggu', '', 1],
      ['Menunggu', '', 1],
      ['Menunggu', '', 1],
      ['Menunggu', '', 1],
      ['', '', 0],
    ]);
    expect(result.rows.map((r) => r.problems[0]?.id)).toEqual([
      'Keputusan Diterima tanpa alasan belum berlaku. Isi kolom Alasan Keputusan.',
      'Keputusan "mungkin" tidak dikenali. Tulis Diterima atau Ditolak.',
      'Tanggal Masuk "tiga hari lalu" tidak terbaca sebagai tanggal. Tulis tanggalnya, mis. 29/11/2019.',
      'Tanggal Masuk 29 Desember 2019 belum tiba (hari ini 10 Desember 2019). Perbaiki tanggalnya.',
      'kolom Isi Sanggahan kosong. Lengkapi baris ini.',
      undefined,
    ]);
  });

  it('keeps who and when of an unchanged decision, records a changed one anew, and clears a withdrawn one', () => {
    const before = new Date(Date.UTC(2019, 10, 30, 3));
    const result = processObjections(
      input([
        ['29/11/2019', 'K-0001', 'Siti Rahmawati', 'x', 'Diterima', 'a', 'Diterima', 'lama@example.go.id', before],
        ['29/11/2019', 'K-0002', 'Budi Santoso', 'x', 'Diterima', 'b', 'Ditolak', 'lama@example.go.id', before],
        ['28/11/2019', 'K-0003', 'Ahmad Fauzi', 'x', '', '', 'Tidak sah', 'lama@example.go.id', before],
        ['30/11/2019', 'K-0002', 'Budi Santoso', 'y', '', '', 'Tidak sah', 'lama@example.go.id', before],
      ]),
    );
    if (!result.ok) throw new Error();
    expect(result.rows.map((r) => [r.status, r.decidedBy, r.decidedAt, r.changed, r.previous])).toEqual([
      ['Diterima', 'lama@example.go.id', before, false, 'Diterima'],
      ['Diterima', 'panitia@example.go.id', NOW, true, 'Ditolak'],
      ['Tidak sah', 'lama@example.go.id', before, false, 'Tidak sah'],
      ['Tidak sah', 'lama@example.go.id', before, false, 'Tidak sah'],
    ]);
    const withdrawn = processObjections(
      input([['29/11/2019', 'K-0001', 'Siti Rahmawati', 'x', '', '', 'Diterima', 'lama@example.go.id', before]]),
    );
    expect(withdrawn.ok && withdrawn.rows[0]).toMatchObject({
      status: 'Menunggu',
      decidedBy: '',
      decidedAt: '',
      changed: true,
    });
  });

  it('reports a formula in a user cell, and refuses a tab without its required columns', () => {
    const values = input([['29/11/2019', 'K-0001', 'Siti Rahmawati', '2', '', '']]).values;
    const formulas = values.map((r) => r.map(() => ''));
    formulas[1][3] = '=1+1';
    const result = processObjections({ ...input([]), values, formulas });
    expect(result.ok && result.rows[0].problems.map((p) => p.en)).toEqual([
      'the Isi Sanggahan column holds a formula ("=1+1"), not text; the add-on reads its result. Type the content as text (start it with \' if it begins with =).',
    ]);
    const broken = processObjections({ ...input([]), values: [['Tanggal Masuk', 'Nama']] });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.map.missing.map((m) => m.header)).toEqual(['ID Kandidat', 'Isi Sanggahan']);
  });
});

describe('acceptedObjections', () => {
  it('lists only rows processed as Diterima that still say Diterima with a reason', () => {
    const grid: Grid = [
      HEADER,
      ['29/11/2019', 'k-0001', 'Siti', 'x', 'Diterima', 'Ijazah sah', 'Diterima', 'a@b', ''],
      ['29/11/2019', 'K-0002', 'Budi', 'x', 'Ditolak', 'Diubah sesudah diproses', 'Diterima', 'a@b', ''],
      ['29/11/2019', 'K-0003', 'Ahmad', 'x', 'Diterima', '', 'Diterima', 'a@b', ''],
      ['29/11/2019', 'K-0004', 'Rina', 'x', 'Diterima', 'Belum diproses', '', '', ''],
      ['2/12/2019', 'K-0005', 'Dewi', 'x', 'Diterima', 'Terlambat', 'Terlambat', 'a@b', ''],
    ];
    expect([...acceptedObjections(grid)]).toEqual([['K-0001', 'Ijazah sah']]);
    expect(acceptedObjections(undefined).size).toBe(0);
  });
});

describe('validation with accepted objections', () => {
  const settings = parseSettings(undefined, 480);
  if (!settings.ok) throw new Error('default settings');
  const header = CANDIDATES_TAB.columns.map((c) => c.header);
  const row = (id: string, over: Record<string, CellValue> = {}) =>
    header.map((h) => {
      const base: Record<string, CellValue> = {
        ID: id,
        'Nama Lengkap': 'Siti Rahmawati',
        NIK: '6301034708900001',
        'Jenis Kelamin': 'P',
        'Tempat Lahir': 'Pelaihari',
        'Tanggal Lahir': '07/08/1990',
        'Pendidikan Terakhir': 'SMP',
        Alamat: 'Jl. A. Yani',
        'Desa/Kelurahan': 'Angsau',
        Kecamatan: 'Pelaihari',
        'Kabupaten/Kota': 'Tanah Laut',
        Provinsi: 'Kalimantan Selatan',
        'No. HP': '081234567890',
      };
      return { ...base, ...over }[h] ?? '';
    });
  const ctx = (objections?: Map<string, string>) => ({
    settings: settings.settings,
    reference: { year: 2019, month: 11, day: 25 },
    offsetMinutes: 480,
    villages: undefined,
    objections,
  });
  const run = (rows: CellValue[][], objections?: Map<string, string>) => {
    const result = validateCandidates([header, ...rows], undefined, ctx(objections));
    if (!result.ok) throw new Error();
    return result.rows;
  };

  it('makes an accepted candidate MS with the reason, leaves the others as they were', () => {
    const accepted = new Map([['K-0001', 'Ijazah SMA asli diperiksa']]);
    const rows = run([row('K-0001'), row('K-0002', { NIK: '6301034708900002', 'No. HP': '081234567891' })], accepted);
    expect(rows.map((r) => r.status)).toEqual(['MS', 'TMS']);
    expect(rows[0].findings.find((f) => f.rule === 'objection.accepted')).toMatchObject({
      severity: 'info',
      message: {
        id: 'Status MS karena sanggah diterima: Ijazah SMA asli diperiksa',
        en: 'Status MS because the objection was accepted: Ijazah SMA asli diperiksa',
      },
    });
    // The findings that made it TMS stay listed.
    expect(rows[0].findings.some((f) => f.rule === 'education.below-minimum')).toBe(true);
    expect(run([row('K-0001')]).map((r) => r.status)).toEqual(['TMS']);
  });

  it('wins over the verifier’s TMS and says so', () => {
    const rows = run(
      [row('k-0001', { 'Keputusan Verifikator': 'TMS', 'Alasan Verifikator': 'Ijazah diragukan' })],
      new Map([['K-0001', 'Ijazah asli']]),
    );
    expect(rows[0].status).toBe('MS');
    expect(rows[0].findings.find((f) => f.rule === 'objection.accepted')?.message.en).toBe(
      "Status MS because the objection was accepted: Ijazah asli (in place of the verifier's decision TMS)",
    );
  });

  it('follows the window from the announcement date setting', () => {
    const rows: Grid = [
      ['Tanggal pengumuman administrasi', '27/11/2019'],
      ['Masa sanggah (hari)', 3],
    ];
    const parsed = parseSettings([['Pengaturan', 'Nilai'], ...rows], 480);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(objectionWindow(parsed.settings)).toEqual(WINDOW);
  });
});
