/**
 * Online registration: a Google Form's response tab turned into `Kandidat` rows. Pure rules only —
 * which questions fill which columns, how a response is keyed so it is imported exactly once, and
 * the row a response becomes. The shell (shell/registration.ts) reads and writes the tabs.
 */
import { type ColumnDef, CANDIDATES_TAB, type CandidateHeader, FORM_TAB } from './schema';
import { cellText, matchKey } from './text';
import type { Bilingual, CellValue, Grid, Lang } from './types';
import { pick } from './types';
import { FROM_FORM } from './vocab';

/** What Google writes as the first header of a response tab, in the form owner's language. */
export const TIMESTAMP_HEADERS = ['Timestamp', 'Stempel waktu', 'Cap waktu', 'Marca temporal', 'Horodateur'];

/**
 * Responses one import brings in at most: a step of 4,000 models at about 48 s (npm run bench,
 * BENCH_ONLY=registration), inside the 60 s a step may take (5,000 modelled at 60.3 s). More wait
 * for the next step of the dialog.
 */
export const IMPORT_BATCH = 4_000;

/** The add-on's name for "this question is not imported". */
export const NOT_IMPORTED = '';

/** `Kandidat` columns a response never fills: the add-on writes them, or a verifier does. */
const NOT_FROM_FORM: ReadonlySet<string> = new Set<CandidateHeader>([
  'ID',
  'Tanggal Daftar',
  'Sumber',
  'Kunci Formulir',
  'Keputusan Verifikator',
  'Alasan Verifikator',
  'Kelengkapan Berkas',
  'Diverifikasi Oleh',
  'Waktu Verifikasi',
]);

/** The contract columns a question can fill, in `Kandidat` order. */
export const MAPPABLE: readonly ColumnDef<CandidateHeader>[] = CANDIDATES_TAB.columns.filter(
  (c) => !c.output && !NOT_FROM_FORM.has(c.header),
);

export function isTimestampHeader(header: CellValue): boolean {
  return TIMESTAMP_HEADERS.some((h) => matchKey(h) === matchKey(cellText(header)));
}

/** One line of `Formulir`: a question, and the `Kandidat` column it fills ('' = not imported). */
export interface MappingRow {
  question: string;
  column: string;
}

/**
 * The ways a question might name a column, most literal first: "NIK (16 digit, sesuai KTP)" is
 * tried whole, then as "NIK"; "No. HP / WhatsApp" also as "No. HP" and "WhatsApp".
 */
function questionKeys(question: string): string[] {
  const bare = question.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  const pieces = bare.split(/[/:,;–—]|\s-\s/);
  return [question, bare, ...pieces].map(matchKey).filter((k, i, all) => k !== '' && all.indexOf(k) === i);
}

/**
 * The mapping for the response tab's questions: the saved line for a question already on
 * `Formulir` (even a cleared one), else the contract column whose header, then alias, the
 * question names (each column used once), else a column of its own named like the question, so
 * no answer is dropped unless someone clears it.
 */
export function proposeMapping(
  questions: readonly string[],
  saved: ReadonlyMap<string, string> = new Map(),
): MappingRow[] {
  const taken = new Set([...saved.values()].filter((c) => c !== NOT_IMPORTED).map(matchKey));
  const chosen = new Map<string, string>();
  const claim = (question: string, names: (c: ColumnDef) => string[]) => {
    const keys = questionKeys(question);
    const column = MAPPABLE.find(
      (c) => !taken.has(matchKey(c.header)) && names(c).some((n) => keys.includes(matchKey(n))),
    );
    if (!column) return;
    taken.add(matchKey(column.header));
    chosen.set(question, column.header);
  };
  const fresh = questions.filter((q) => !saved.has(q));
  for (const q of fresh) claim(q, (c) => [c.header]);
  for (const q of fresh) if (!chosen.has(q)) claim(q, (c) => [c.header, ...(c.aliases ?? [])]);
  return questions.map((question) => ({
    question,
    column: saved.get(question) ?? chosen.get(question) ?? ownColumn(question, taken),
  }));
}

/**
 * A question no free contract column matches keeps its answers in a column named like it — with
 * "(formulir)" added when that name is a contract column's, so it never lands in, or collides
 * with, a column the add-on, a verifier or another question fills.
 */
function ownColumn(question: string, taken: Set<string>): string {
  const name = contractHeader(question) || taken.has(matchKey(question)) ? `${question} (formulir)` : question;
  taken.add(matchKey(name));
  return name;
}

/** Required `Kandidat` columns no question fills: those rows will be TMS until someone types them. */
export function unfilledRequired(rows: readonly MappingRow[]): string[] {
  const filled = new Set(rows.map((r) => matchKey(contractHeader(r.column) ?? r.column)));
  return CANDIDATES_TAB.columns.filter((c) => c.required && !filled.has(matchKey(c.header))).map((c) => c.header);
}

/** The contract header a typed column name means (by header or alias), if any. */
export function contractHeader(column: string): CandidateHeader | undefined {
  const key = matchKey(column);
  if (key === '') return undefined;
  return CANDIDATES_TAB.columns.find((c) => [c.header, ...(c.aliases ?? [])].some((n) => matchKey(n) === key))?.header;
}

/** Problems that stop an import: a column filled twice, or one only the add-on or a verifier writes. */
export function mappingProblems(rows: readonly MappingRow[]): Bilingual[] {
  const problems: Bilingual[] = [];
  const seen = new Map<string, string>();
  for (const { question, column } of rows) {
    if (column === NOT_IMPORTED) continue;
    const header = contractHeader(column);
    const key = matchKey(header ?? column);
    if (header && !MAPPABLE.some((c) => c.header === header)) {
      problems.push({
        id: `Pertanyaan "${question}" diarahkan ke kolom ${header}, yang diisi add-on atau verifikator, bukan oleh kandidat. Pilih kolom lain atau kosongkan.`,
        en: `The question "${question}" points at the ${header} column, which the add-on or a verifier fills, not the candidate. Choose another column or clear it.`,
      });
    }
    const other = seen.get(key);
    if (other !== undefined) {
      problems.push({
        id: `Pertanyaan "${other}" dan "${question}" sama-sama diarahkan ke kolom ${header ?? column}. Satu kolom hanya untuk satu pertanyaan.`,
        en: `The questions "${other}" and "${question}" both point at the ${header ?? column} column. A column takes one question only.`,
      });
    } else seen.set(key, question);
  }
  return problems;
}

/** The saved mapping: question → column, from `Formulir`'s rows (header row first). */
export function readMapping(grid: Grid | undefined): Map<string, string> {
  const saved = new Map<string, string>();
  if (!grid || grid.length === 0) return saved;
  const header = grid[0].map((h) => matchKey(cellText(h)));
  const col = (def: ColumnDef) => [def.header, ...(def.aliases ?? [])].map(matchKey);
  const [q, c] = FORM_TAB.columns.map((def) => header.findIndex((h) => col(def).includes(h)));
  if (q < 0) return saved;
  for (const row of grid.slice(1)) {
    const question = cellText(row[q]);
    if (question !== '' && !saved.has(question)) saved.set(question, c < 0 ? NOT_IMPORTED : cellText(row[c]));
  }
  return saved;
}

/** `Formulir` as written by the connect dialog: one line per question, with what happens to its answers. */
export function mappingTab(rows: readonly MappingRow[], lang: Lang): Grid {
  return [
    FORM_TAB.columns.map((c) => c.header),
    ...rows.map(({ question, column }) => [question, column, pick(mappingNote(column), lang)]),
  ];
}

function mappingNote(column: string): Bilingual {
  if (column === NOT_IMPORTED)
    return {
      id: 'Tidak diimpor (jawaban tetap ada di tab jawaban).',
      en: 'Not imported (the answers stay on the response tab).',
    };
  const header = contractHeader(column);
  if (!header) return { id: 'Kolom tambahan di Kandidat.', en: 'An extra column on Kandidat.' };
  const required = CANDIDATES_TAB.columns.find((c) => c.header === header)?.required;
  return required ? { id: 'Kolom wajib.', en: 'Required column.' } : { id: 'Kolom pilihan.', en: 'Optional column.' };
}

// ---- Keys: each response imported exactly once -----------------------------------------------

/**
 * A response's key is the instant Google stamped on it, to the millisecond. The stamp is in the
 * response's own row, so sorting, filtering or adding columns to the response tab, a new question,
 * or staff correcting an answer never change it. Responses stamped in the same millisecond are
 * told apart by their NIK answer (the second gets "#2", the third "#3").
 */
export function responseKey(stamp: Date, twin = 1): string {
  const iso = stamp.toISOString();
  return twin > 1 ? `${iso}#${twin}` : iso;
}

function stampOf(value: CellValue): Date | undefined {
  if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]') return undefined;
  const date = value as Date;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** One row of the response tab. */
export interface ResponseRow {
  sheetRow: number;
  values: readonly CellValue[];
}

export interface PendingResponse {
  key: string;
  response: ResponseRow;
}

export interface ImportPlan {
  pending: PendingResponse[];
  /** Responses already on `Kandidat`. */
  imported: number;
  /** Rows that have answers but no timestamp: reported, never imported under a made-up key. */
  unstamped: number[];
}

/**
 * The responses not yet on `Kandidat` (`keys` holds `Kunci Formulir` of every row there), oldest
 * first, so rows land in the order candidates registered whatever order the tab is in.
 */
export function planImport(responses: readonly ResponseRow[], keys: ReadonlySet<string>): ImportPlan {
  const stamped: Array<{ stamp: Date; response: ResponseRow }> = [];
  const unstamped: number[] = [];
  for (const response of responses) {
    if (response.values.every((v) => cellText(v) === '')) continue;
    const stamp = stampOf(response.values[0]);
    if (stamp) stamped.push({ stamp, response });
    else unstamped.push(response.sheetRow);
  }
  stamped.sort((a, b) => a.stamp.getTime() - b.stamp.getTime() || a.response.sheetRow - b.response.sheetRow);
  const twins = new Map<number, number>();
  const pending: PendingResponse[] = [];
  let imported = 0;
  for (const { stamp, response } of stamped) {
    const twin = (twins.get(stamp.getTime()) ?? 0) + 1;
    twins.set(stamp.getTime(), twin);
    const key = responseKey(stamp, twin);
    if (keys.has(key)) imported++;
    else pending.push({ key, response });
  }
  return { pending, imported, unstamped };
}

/** The response's timestamp, when it has one (the trigger's single-row import). */
export function responseStamp(response: ResponseRow): Date | undefined {
  return stampOf(response.values[0]);
}

/** The answer a response gives for the question mapped to `header`, as text ('' when unmapped). `questions` is the response tab's header row. */
export function answerFor(
  header: CandidateHeader,
  questions: readonly string[],
  mapping: readonly MappingRow[],
  response: ResponseRow,
): string {
  const line = mapping.find((m) => contractHeader(m.column) === header);
  const at = line ? questions.indexOf(line.question) : -1;
  return at < 0 ? '' : cellText(response.values[at]).replace(/\s+/g, '');
}

// ---- The Kandidat row ------------------------------------------------------------------------

/** The `Kandidat` columns an import writes besides the mapped ones. */
export const IMPORT_COLUMNS: readonly CandidateHeader[] = ['Tanggal Daftar', 'Sumber', 'Kunci Formulir'];

/** The column on `Kandidat` each mapping line writes: its contract header, or the extra column's name. */
export function targetColumns(mapping: readonly MappingRow[]): string[] {
  return mapping.filter((m) => m.column !== NOT_IMPORTED).map((m) => contractHeader(m.column) ?? m.column);
}

/**
 * A response as a `Kandidat` row: every answer as the response tab holds it (nothing a candidate
 * typed is cleaned or dropped: validation reports what it cannot read), the timestamp as
 * `Tanggal Daftar`, `Sumber` = Formulir and the key. `questions` is the response tab's header row
 * and `columnOf` gives each target's 0-based column on `Kandidat`.
 */
export function candidateRow(
  pending: PendingResponse,
  questions: readonly string[],
  mapping: readonly MappingRow[],
  columnOf: (header: string) => number,
  width: number,
): CellValue[] {
  const row = new Array<CellValue>(width).fill('');
  const { values } = pending.response;
  for (const line of mapping) {
    if (line.column === NOT_IMPORTED) continue;
    const at = questions.indexOf(line.question);
    if (at >= 0) row[columnOf(contractHeader(line.column) ?? line.column)] = values[at] ?? '';
  }
  row[columnOf('Tanggal Daftar')] = values[0] ?? '';
  row[columnOf('Sumber')] = FROM_FORM;
  row[columnOf('Kunci Formulir')] = pending.key;
  return row;
}
