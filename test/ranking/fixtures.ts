/**
 * Hand-written fixtures for the selection scoring and ranking core: a `Kandidat` grid with the
 * contract headers, a three-criterion rubric, `Penilaian` rows sealed with a real HMAC, settings
 * and target villages read through the public parsers.
 *
 * Expected numbers in the tests are derived by hand from the workbook contract, never from the
 * code under test. The rubric below makes a panelist total
 *
 *     total = 100 × (0.5·(K1−1)/4 + 0.3·(K2−1)/4 + 0.2·(K3−1)/4)
 *           = 12.5·(K1−1) + 7.5·(K2−1) + 5·(K3−1)          (0–100, multiples of 2.5)
 */
import { hmacSealer } from '../../src/core/hmac';
import type { Ranking, RankedCandidate, RankingInput } from '../../src/core/ranking';
import { rankCandidates } from '../../src/core/ranking';
import { type Rubric, parseRubric } from '../../src/core/rubric';
import { type ScoreRow, isSealed, sealRow } from '../../src/core/scores';
import { type Settings, parseSettings } from '../../src/core/settings';
import type { CellValue, Grid } from '../../src/core/types';
import { type VillageIndex, villageIndex } from '../../src/core/validation/villages';
import { KANDIDAT_INPUT_HEADERS } from '../support/contract';

/** Asia/Makassar (WITA), UTC+8. */
export const WITA = 480;

export const CODES = ['K1', 'K2', 'K3'] as const;

export const RUBRIC_GRID: Grid = [
  ['Kode', 'Kriteria', 'Bobot', 'Skor Min', 'Skor Maks', 'Panduan', 'Urutan Penentu'],
  ['K1', 'A', 50, 1, 5, '', 1],
  ['K2', 'B', 30, 1, 5, '', 2],
  ['K3', 'C', 20, 1, 5, '', ''],
];

export function rubric(grid: Grid = RUBRIC_GRID): Rubric {
  const parsed = parseRubric(grid);
  if (!parsed.ok) throw new Error(`fixture rubric rejected: ${parsed.problems.map((p) => p.en).join('; ')}`);
  return parsed.rubric;
}

export type Triple = readonly [number, number, number];

/** Our own arithmetic for a panelist total (see the header comment). */
export function handTotal([k1, k2, k3]: Triple): number {
  return 12.5 * (k1 - 1) + 7.5 * (k2 - 1) + 5 * (k3 - 1);
}

/**
 * One criterion triple per total used in the tests. Every one of these is also exact in binary
 * floating point when computed as weight × fraction (checked in ranking.test.ts), so the code's
 * totals equal the hand totals to the last bit.
 */
export const T = {
  0: [1, 1, 1], //    0
  20: [1, 1, 5], //   0 + 0 + 20
  40: [1, 5, 3], //   0 + 30 + 10
  50: [1, 5, 5], //   0 + 30 + 20
  60: [4, 4, 1], //   37.5 + 22.5 + 0
  62.5: [2, 5, 5], // 12.5 + 30 + 20
  65: [3, 5, 3], //   25 + 30 + 10
  70: [4, 4, 3], //   37.5 + 22.5 + 10
  72.5: [5, 2, 4], // 50 + 7.5 + 15
  75: [4, 4, 4], //   37.5 + 22.5 + 15
  80: [5, 5, 1], //   50 + 30 + 0
  82.5: [4, 5, 4], // 37.5 + 30 + 15
  90: [5, 5, 3], //   50 + 30 + 10
  95: [5, 5, 4], //   50 + 30 + 15
  100: [5, 5, 5], //  50 + 30 + 20
} as const satisfies Record<number, Triple>;

// ── Kandidat ───────────────────────────────────────────────────────────────────────────────

export const KANDIDAT_HEADERS = [
  ...KANDIDAT_INPUT_HEADERS,
  'Status Administrasi',
  'Catatan Validasi',
  'Skor Akhir',
  'Peringkat',
  'Hasil Seleksi',
] as const;

export type Header = (typeof KANDIDAT_HEADERS)[number];

export interface Cand {
  id: string;
  name?: string;
  nik?: CellValue;
  sex?: string;
  village?: string;
  district?: string;
  regency?: string;
  /** `Status Administrasi`; MS unless given. */
  status?: string;
  /** `Tanggal Daftar`; blank unless given. */
  registered?: CellValue;
  extra?: Partial<Record<Header, CellValue>>;
}

/** A date-time cell as Sheets hands it over for a WITA spreadsheet. */
export function witaDateTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - WITA * 60_000);
}

let nikSerial = 0;

export function candidateRow(c: Cand): CellValue[] {
  nikSerial = (nikSerial % 9000) + 1;
  const cells: Partial<Record<Header, CellValue>> = {
    ID: c.id,
    'Nama Lengkap': c.name ?? `Kandidat ${c.id}`,
    NIK: c.nik ?? `6301031708900${String(nikSerial).padStart(3, '0')}`,
    'Jenis Kelamin': c.sex ?? 'L',
    'Tempat Lahir': 'Pelaihari',
    'Tanggal Lahir': '17/08/1990',
    'Pendidikan Terakhir': 'SMA',
    Alamat: 'Jl. A. Yani Km 3',
    'Desa/Kelurahan': c.village ?? 'Angsau',
    Kecamatan: c.district ?? 'Pelaihari',
    'Kabupaten/Kota': c.regency ?? 'Tanah Laut',
    Provinsi: 'Kalimantan Selatan',
    'No. HP': '081251000001',
    Email: '',
    'Tanggal Daftar': c.registered ?? '',
    'Status Administrasi': c.status ?? 'MS',
    ...c.extra,
  };
  return KANDIDAT_HEADERS.map((h) => cells[h] ?? '');
}

export function candidateGrid(cands: readonly Cand[]): Grid {
  return [[...KANDIDAT_HEADERS], ...cands.map(candidateRow)];
}

// ── Penilaian ──────────────────────────────────────────────────────────────────────────────

export const SECRET = 'rahasia-dokumen-uji';
export const hmac = hmacSealer(SECRET);

let sheetRow = 1;

export interface ScoreOptions {
  recused?: boolean;
  note?: string;
  time?: Date;
}

/** A row as the scoring form writes it: sealed over its content. */
export function score(candidateId: string, email: string, triple: Triple, options: ScoreOptions = {}): ScoreRow {
  sheetRow++;
  const content = {
    time: options.time ?? new Date(Date.UTC(2019, 10, 20, 2, 0, 0)),
    candidateId,
    email: email.toLowerCase(),
    name: email.split('@')[0],
    scores: { K1: triple[0], K2: triple[1], K3: triple[2] },
    total: handTotal(triple),
    recused: options.recused ?? false,
    note: options.note ?? '',
    identity: 'Google',
  };
  return { ...content, sheetRow, seal: sealRow(content, CODES, hmac) };
}

/** A row whose scores were edited by hand afterwards: the old seal no longer matches. */
export function tampered(row: ScoreRow, triple: Triple): ScoreRow {
  return { ...row, scores: { K1: triple[0], K2: triple[1], K3: triple[2] }, total: handTotal(triple) };
}

/** Whether each row's seal verifies, in the same order (what the action passes to the core). */
export function sealedFlags(rows: readonly ScoreRow[]): boolean[] {
  return rows.map((r) => isSealed(r, hmac, CODES));
}

/** Several panelists' rows for one candidate, one triple each (panelists p1@, p2@, …). */
export function panel(candidateId: string, ...triples: Triple[]): ScoreRow[] {
  return triples.map((t, i) => score(candidateId, `p${i + 1}@panel.id`, t));
}

// ── Pengaturan, Desa Sasaran ───────────────────────────────────────────────────────────────

/** Settings from a `Pengaturan` tab holding the given rows (label → value); others default. */
export function settings(values: Record<string, CellValue> = {}): Settings {
  const rows: Grid = [['Pengaturan', 'Nilai', 'Keterangan'], ...Object.entries(values).map(([k, v]) => [k, v, ''])];
  const parsed = parseSettings(rows, WITA);
  if (!parsed.ok) throw new Error(`fixture settings rejected: ${parsed.problems.map((p) => p.message.en).join('; ')}`);
  return parsed.settings;
}

export function villages(rows: Grid): VillageIndex | undefined {
  return villageIndex([['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Kuota'], ...rows]);
}

// ── Running ────────────────────────────────────────────────────────────────────────────────

export interface RunOptions {
  candidates: readonly Cand[];
  scores: readonly ScoreRow[];
  settings?: Record<string, CellValue>;
  villages?: Grid;
  /** Defaults to verifying every row's seal. */
  sealed?: readonly boolean[];
  rubric?: Grid;
}

export function input(o: RunOptions): RankingInput {
  return {
    candidates: candidateGrid(o.candidates),
    scores: o.scores,
    sealed: o.sealed ?? sealedFlags(o.scores),
    rubric: rubric(o.rubric),
    settings: settings(o.settings),
    villages: o.villages ? villages(o.villages) : undefined,
    offsetMinutes: WITA,
  };
}

export function run(o: RunOptions): Ranking {
  const out = rankCandidates(input(o));
  if ('missing' in out) throw new Error(`missing headers: ${out.missing.join(', ')}`);
  return out;
}

export function byId(ranking: Ranking, id: string): RankedCandidate {
  const found = ranking.candidates.filter((c) => c.id === id);
  if (found.length !== 1) throw new Error(`expected one candidate ${id}, found ${found.length}`);
  return found[0];
}

/** `{ id: [final, rank, result] }` for a compact exact comparison. */
export function summary(ranking: Ranking): Record<string, [number | undefined, number | undefined, string]> {
  const out: Record<string, [number | undefined, number | undefined, string]> = {};
  for (const c of ranking.candidates) out[c.id] = [c.final, c.rank, c.result];
  return out;
}

/** Flags in Indonesian (the default language). */
export function flagsId(c: RankedCandidate): string[] {
  return c.flags.map((f) => f.id);
}
