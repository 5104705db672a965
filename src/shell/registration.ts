/**
 * Online registration, the Apps Script side: the response tab a Google Form fills, the mapping on
 * `Formulir`, the add-on's form-submit trigger, and the import that turns responses into validated
 * `Kandidat` rows. The trigger, "Impor jawaban formulir" and the connect dialog all import through
 * `importResponses`, under the document lock, so a response is keyed, checked and written one way.
 */
import { asText } from '../core/cells';
import { matchHeaders } from '../core/headers';
import { menuLabel } from '../core/menu';
import {
  IMPORT_BATCH,
  IMPORT_COLUMNS,
  type ImportPlan,
  type MappingRow,
  type PendingResponse,
  type ResponseRow,
  answerFor,
  candidateRow,
  contractHeader,
  isTimestampHeader,
  mappingProblems,
  mappingTab,
  planImport,
  proposeMapping,
  readMapping,
  responseKey,
  responseStamp,
  targetColumns,
} from '../core/registration';
import { CANDIDATES_TAB, FORM_TAB, USER_TABS } from '../core/schema';
import { cellText, formatNumber, matchKey } from '../core/text';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import type { ActionContext } from './action';
import { UserError } from './errors';
import { markReportsStale } from './freshness';
import { appendLog } from './log';
import { tuning } from './jobs';
import { ensureOutputColumns } from './outputColumns';
import { checkedRows, drainPendingEdits, rowsToCheck } from './pendingEdits';
import { deleteDocProperty, docProperty, docPropertyKeys, setDocProperty } from './properties';
import { readColumn, readHeader, rowsWith } from './sheetLookup';
import { tabChanged } from './tabVersions';
import { candidatesSheet, validateEditedRows } from './validate';
import { readTab, writeBlock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The function the form-submit trigger calls (a top-level function of the bundle, see src/main.ts). */
export const TRIGGER_HANDLER = 'onRegistrationSubmit';
/** The response tab the mapping belongs to. */
const TAB_PROPERTY = 'SELEKSI_FGD_FORM_TAB';
/** One key per thing the trigger could not do (two failures at once never overwrite each other). */
const PROBLEM_PREFIX = 'SELEKSI_FGD_FORM_PROBLEM:';
/** How long the trigger waits for another action to finish before leaving the response for later. */
const TRIGGER_LOCK_WAIT_MS = 30_000;
/** Set only by tests and to tune a very slow spreadsheet: responses per import step instead of IMPORT_BATCH. */
const BATCH_OVERRIDE = 'registration:batchSize';

const ACTION: Bilingual = { id: 'Formulir pendaftaran', en: 'Registration form' };

// ---- The response tab and the mapping --------------------------------------------------------

/** Tabs no form writes to: the add-on's own and the contract's, which are never offered. */
function isOwnTab(name: string): boolean {
  return (
    USER_TABS.some((t) => t.name === name) ||
    [
      FORM_TAB.name,
      'Penilaian',
      'Log',
      'Laporan Validasi',
      'Hasil Seleksi',
      'Rekap Seleksi',
      'Rekap Kehadiran',
    ].includes(name) ||
    name.startsWith('DH ')
  );
}

/**
 * The tabs that hold form responses: those Sheets says a form is linked to, else (a copied
 * workbook loses the link) those whose first header is a form timestamp.
 */
export function responseTabs(ss: Spreadsheet): Sheet[] {
  const candidates = ss.getSheets().filter((s) => !isOwnTab(s.getName()));
  const linked = candidates.filter((s) => s.getFormUrl());
  if (linked.length) return linked;
  return candidates.filter((s) => isTimestampHeader(s.getRange(1, 1).getValue() as CellValue));
}

/** The response tab the add-on imports from, once connected. */
export function connectedTab(ss: Spreadsheet): Sheet | undefined {
  const name = docProperty(TAB_PROPERTY);
  return name ? (ss.getSheetByName(name) ?? undefined) : undefined;
}

/** The questions of a response tab: its header row after the timestamp. */
export function questionsOf(header: readonly string[]): string[] {
  return header.slice(1).filter((q) => q !== '');
}

/** The saved mapping lines, or those proposed for questions `Formulir` does not list yet. */
export function currentMapping(ss: Spreadsheet, header: readonly string[]): { rows: MappingRow[]; added: boolean } {
  const saved = readMapping(readTab(ss, FORM_TAB.name)?.values);
  const questions = questionsOf(header);
  return { rows: proposeMapping(questions, saved), added: questions.some((q) => !saved.has(q)) };
}

/** Writes `Formulir` whole (it is the add-on's record of the mapping; the tab is created when missing). */
export function saveMapping(ss: Spreadsheet, rows: readonly MappingRow[], lang: Lang): void {
  const grid = mappingTab(rows, lang);
  let sheet = ss.getSheetByName(FORM_TAB.name);
  if (!sheet) {
    sheet = ss.insertSheet(FORM_TAB.name);
    sheet.setFrozenRows(1);
    FORM_TAB.columns.forEach((c, i) => sheet?.setColumnWidth(i + 1, c.width));
  } else sheet.clearContents();
  writeBlock(sheet, 1, 1, grid);
  sheet.getRange(1, 1, 1, FORM_TAB.columns.length).setFontWeight('bold');
}

/**
 * Answers Forms would otherwise store as numbers (a NIK loses its last digit, a phone its leading
 * 0) are kept as typed from then on: the response tab's columns for NIK and phone become plain text.
 */
export function keepAnswersAsText(tab: Sheet, header: readonly string[], rows: readonly MappingRow[]): void {
  for (const { question, column } of rows) {
    const def = CANDIDATES_TAB.columns.find((c) => c.header === contractHeader(column));
    const at = header.indexOf(question);
    if (def?.format === 'text' && at > 0)
      tab.getRange(2, at + 1, Math.max(1, tab.getMaxRows() - 1), 1).setNumberFormat('@');
  }
}

// ---- The trigger -----------------------------------------------------------------------------

/** Whether this user has the add-on's trigger here; false too when they have not granted trigger permission. */
export function hasTrigger(ss: Spreadsheet): boolean {
  try {
    return ownTriggers(ss).length > 0;
  } catch (error) {
    if (!String(error).includes('script.scriptapp')) throw error;
    return false;
  }
}

/** The add-on's form-submit triggers of this user on this spreadsheet. */
export function ownTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter(
    (t) => t.getHandlerFunction() === TRIGGER_HANDLER && t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
  );
}

/**
 * Installs the trigger unless this user already has it here (an add-on may hold one of each kind
 * per document). 'refused' when the user has not granted the permission to manage triggers
 * (granular consent lets them refuse one scope): the import still works from the menu.
 */
export function installTrigger(ss: Spreadsheet): 'installed' | 'already' | 'refused' {
  try {
    if (ownTriggers(ss).length > 0) return 'already';
    ScriptApp.newTrigger(TRIGGER_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
    return 'installed';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!reason.includes('script.scriptapp')) throw error;
    console.error(reason);
    return 'refused';
  }
}

/** Removes the add-on's own form triggers (never anyone else's, nor another kind); returns how many. */
export function removeTriggers(ss: Spreadsheet): number {
  const own = ownTriggers(ss);
  for (const t of own) ScriptApp.deleteTrigger(t);
  return own.length;
}

// ---- Problems the trigger could not say to anyone --------------------------------------------

interface Problem {
  at: number;
  row: number;
  reason: Bilingual;
}

/** The trigger has no one to tell: the Log gets the line, and the next import or connect dialog shows it. */
export function recordProblem(ss: Spreadsheet, tab: string, row: number, reason: Bilingual): void {
  const problem: Problem = { at: Date.now(), row, reason };
  setDocProperty(`${PROBLEM_PREFIX}${problem.at}-${row}`, JSON.stringify(problem));
  appendLog(ss, pick(ACTION, 'id'), `${tab} baris ${row}: ${reason.id} / row ${row}: ${reason.en}`);
}

/** What the trigger recorded since the last import, oldest first, in `lang`. */
export function recordedProblems(lang: Lang, tab: string): string[] {
  const problems: Problem[] = [];
  for (const key of docPropertyKeys(PROBLEM_PREFIX, true)) {
    try {
      problems.push(JSON.parse(docProperty(key) ?? '') as Problem);
    } catch {
      // A damaged entry says nothing more than the Log line written with it.
    }
  }
  return problems
    .sort((a, b) => a.at - b.at)
    .map((p) => `${tab}, ${lang === 'en' ? 'row' : 'baris'} ${p.row}: ${pick(p.reason, lang)}`);
}

/** What the trigger could not do since the last import, said after the import that took those responses in. */
export function earlierProblems(problems: readonly string[], lang: Lang): string {
  if (problems.length === 0) return '';
  const [head, tail] =
    lang === 'en'
      ? [
          'Since the last import, the automatic import could not handle:',
          'Those responses are included in this import.',
        ]
      : ['Sejak impor terakhir, impor otomatis tidak dapat menangani:', 'Jawaban-jawaban itu ikut diimpor sekarang.'];
  return `\n\n${head}\n${problems.slice(-20).join('\n')}\n${tail}`;
}

function clearProblems(): void {
  for (const key of docPropertyKeys(PROBLEM_PREFIX)) deleteDocProperty(key);
}

// ---- The import ------------------------------------------------------------------------------

export interface ImportOutcome {
  imported: number;
  alreadyImported: number;
  unstamped: number[];
  /** Sheet rows of `Kandidat` the new rows landed on. */
  firstRow: number;
  lastRow: number;
  /** Responses still waiting after this import (more than one batch waited). */
  remaining: number;
}

/** Where the imported rows go: `Kandidat`, its header, the 0-based column of every target, its key column. */
interface Destination {
  sheet: Sheet;
  header: string[];
  lastRow: number;
  columnOf: Map<string, number>;
}

function destination(ss: Spreadsheet): Destination {
  const sheet = candidatesSheet(ss);
  const header = readHeader(sheet);
  const columnOf = new Map<string, number>(matchHeaders(CANDIDATES_TAB, header).index);
  header.forEach((h, i) => {
    if (h !== '' && !contractHeader(h) && !columnOf.has(h)) columnOf.set(h, i);
  });
  return { sheet, header, lastRow: Math.max(1, sheet.getLastRow()), columnOf };
}

/** The column a target header is on, matching an extra column by its name whatever the case or spacing. */
function findColumn(dest: Destination, target: string): number | undefined {
  const direct = dest.columnOf.get(target);
  if (direct !== undefined) return direct;
  const i = dest.header.findIndex((h) => matchKey(h) === matchKey(target));
  return i < 0 ? undefined : i;
}

/**
 * Writes the pending responses as new `Kandidat` rows at the bottom, then checks them with the
 * live check's own code (IDs, statuses, notes, highlights), exactly as if staff had typed them.
 */
function writeResponses(
  ctx: ActionContext,
  dest: Destination,
  pending: readonly PendingResponse[],
  header: readonly string[],
  mapping: readonly MappingRow[],
): { firstRow: number; lastRow: number } {
  const targets = [...targetColumns(mapping), ...IMPORT_COLUMNS];
  const known = new Map<string, number>();
  for (const t of targets) {
    const at = findColumn(dest, t);
    if (at !== undefined) known.set(t, at);
  }
  const columns = ensureOutputColumns(dest.sheet, known, dest.header.length, targets);
  const width = Math.max(dest.header.length, ...columns.values()) + (columns.size ? 1 : 0);
  const keyColumn = columns.get('Kunci Formulir') as number;
  // Every answer written as text stays the text the candidate typed, even on rows below those setup
  // formatted as text (Sheets would read "6301…" as a number and drop its last digit); the key too.
  const rows: Grid = pending.map((p) => {
    const row = candidateRow(p, header, mapping, (h) => columns.get(h) as number, width).map(asText);
    row[keyColumn] = asText(p.key);
    return row;
  });
  const firstRow = dest.lastRow + 1;
  const lastRow = firstRow + rows.length - 1;
  // Queued first: if this execution dies after the write, the next action checks these rows.
  const queued = rowsToCheck(firstRow, lastRow);
  writeBlock(dest.sheet, firstRow, 1, rows);
  tabChanged(CANDIDATES_TAB.name);
  // The header as read (unless columns were just added) and the last row, now the rows just written.
  validateEditedRows(
    ctx,
    dest.sheet,
    firstRow,
    lastRow,
    columns.size === known.size ? { header: dest.header, last: lastRow } : undefined,
  );
  checkedRows(queued);
  return { firstRow, lastRow };
}

/** The mapping to import with: problems stop the import before anything is written. */
function usableMapping(ctx: ActionContext, header: readonly string[]): MappingRow[] {
  const { rows, added } = currentMapping(ctx.ss, header);
  const problems = mappingProblems(rows);
  if (problems.length) throw new UserError(withFix(problems[0]));
  // A question added to the form since: its line goes on Formulir, so the mapping stays visible.
  if (added) saveMapping(ctx.ss, rows, ctx.lang);
  return rows;
}

function withFix(problem: Bilingual): Bilingual {
  return {
    id: `${problem.id} Perbaiki di tab ${FORM_TAB.name} (atau buka menu ${menuLabel('connectRegistrationForm', 'id')}), lalu impor lagi. Tidak ada yang diimpor.`,
    en: `${problem.en} Fix it on the ${FORM_TAB.name} tab (or open "${menuLabel('connectRegistrationForm', 'en')}"), then import again. Nothing was imported.`,
  };
}

/**
 * The cells of a range of responses as the candidates typed them: an answer Sheets took for a
 * formula ("=…", "+62 …") reads as '' or an error, so its formula text is the answer.
 */
function answersIn(range: GoogleAppsScript.Spreadsheet.Range): Grid {
  const values = range.getValues() as Grid;
  const formulas = range.getFormulas();
  return values.map((row, r) => row.map((v, c) => (formulas[r]?.[c] ? formulas[r][c] : v)));
}

/** What waits on the response tab: read once, then imported in one step or the first batch of several. */
export interface WaitingResponses {
  tab: Sheet;
  header: string[];
  mapping: MappingRow[];
  dest: Destination;
  plan: ImportPlan;
}

/**
 * Every response on `tab` not yet on `Kandidat`, oldest first: the tab and the key column are read
 * whole (a fixed number of calls however many responses wait). The caller holds the document lock.
 */
export function waitingResponses(ctx: ActionContext, tab: Sheet): WaitingResponses {
  const values = answersIn(tab.getDataRange());
  const header = (values[0] ?? []).map((c) => cellText(c));
  const mapping = usableMapping(ctx, header);
  const dest = destination(ctx.ss);
  const keyAt = findColumn(dest, 'Kunci Formulir');
  const keys = new Set(
    keyAt === undefined ? [] : readColumn(dest.sheet, keyAt + 1, 2, dest.lastRow).map((k) => cellText(k)),
  );
  const responses: ResponseRow[] = values.slice(1).map((v, i) => ({ sheetRow: i + 2, values: v }));
  return { tab, header, mapping, dest, plan: planImport(responses, keys) };
}

/**
 * Imports the oldest `limit` waiting responses (all of them by default). Each import takes the
 * oldest that wait, so importing in batches — stopped and resumed anywhere — ends exactly as one
 * uninterrupted run of the same batches.
 */
export function importWaiting(ctx: ActionContext, waiting: WaitingResponses, limit = Infinity): ImportOutcome {
  const { plan } = waiting;
  const batch = plan.pending.slice(0, limit);
  const outcome = {
    imported: batch.length,
    alreadyImported: plan.imported,
    unstamped: plan.unstamped,
    remaining: plan.pending.length - batch.length,
  };
  clearProblems();
  if (batch.length === 0) return { ...outcome, firstRow: 0, lastRow: 0 };
  const span = writeResponses(ctx, waiting.dest, batch, waiting.header, waiting.mapping);
  finishImport(ctx, waiting.tab, batch.length, span);
  return { ...outcome, ...span };
}

/** Responses one import step brings in at most (a test or a slow spreadsheet may set it lower). */
export function importBatchSize(): number {
  return tuning(BATCH_OVERRIDE, IMPORT_BATCH, 100_000);
}

/**
 * One response, as the trigger sees it: its row, the header, the mapping and the `Kandidat` rows
 * holding its key are read, then the live check reads what it always reads (the new row, and the
 * ID, NIK and phone columns that new IDs and the duplicate checks need). A second event for the
 * same response (Forms sends one at times) finds its key already there and does nothing.
 */
export function importOneResponse(
  ctx: ActionContext,
  tab: Sheet,
  sheetRow: number,
): 'imported' | 'already' | 'unstamped' {
  const header = readHeader(tab);
  const response: ResponseRow = {
    sheetRow,
    values: answersIn(tab.getRange(sheetRow, 1, 1, Math.max(1, header.length)))[0] ?? [],
  };
  const stamp = responseStamp(response);
  if (!stamp) return 'unstamped';
  const mapping = usableMapping(ctx, header);
  const dest = destination(ctx.ss);
  const keyAt = findColumn(dest, 'Kunci Formulir');
  const nik = answerFor('NIK', header, mapping, response);
  const nikAt = dest.columnOf.get('NIK');
  let key = responseKey(stamp);
  for (let twin = 2; keyAt !== undefined; twin++) {
    const found = rowsWith(dest.sheet, keyAt + 1, key, Math.max(keyAt, nikAt ?? 0) + 1);
    if (found.length === 0) break;
    // The same stamp and the same NIK is the same response; another NIK is a twin sent in the same millisecond.
    const same = found.some((f) => nikAt === undefined || cellText(f.values[nikAt]).replace(/\s+/g, '') === nik);
    if (same) return 'already';
    key = responseKey(stamp, twin);
  }
  const span = writeResponses(ctx, dest, [{ key, response }], header, mapping);
  finishImport(ctx, tab, 1, span);
  return 'imported';
}

function finishImport(
  ctx: ActionContext,
  tab: Sheet,
  count: number,
  span: { firstRow: number; lastRow: number },
): void {
  markReportsStale(ctx.ss, CANDIDATES_TAB.name);
  drainPendingEdits(ctx.ss, ctx);
  appendLog(
    ctx.ss,
    menuLabel('importFormResponses', ctx.lang),
    pick(importedLine(count, tab.getName(), span), ctx.lang),
  );
}

function importedLine(count: number, tab: string, span: { firstRow: number; lastRow: number }): Bilingual {
  const rows = span.firstRow === span.lastRow ? `${span.firstRow}` : `${span.firstRow}–${span.lastRow}`;
  return {
    id: `${formatNumber(count, 'id')} jawaban dari tab ${tab} diimpor ke Kandidat baris ${rows}`,
    en: `${formatNumber(count, 'en')} responses from the ${tab} tab imported to Kandidat rows ${rows}`,
  };
}

/** The summary line of an import, for the menu's alert and the connect dialog. */
export function importSummary(outcome: ImportOutcome, tab: string, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  const text: Bilingual =
    outcome.imported === 0
      ? {
          id: `Tidak ada jawaban baru di tab ${tab}: ${n(outcome.alreadyImported)} jawaban sudah ada di Kandidat.`,
          en: `No new responses on the ${tab} tab: ${n(outcome.alreadyImported)} are already on Kandidat.`,
        }
      : {
          id: `${n(outcome.imported)} jawaban baru diimpor ke Kandidat (baris ${outcome.firstRow}–${outcome.lastRow}) dan sudah divalidasi; ${n(outcome.alreadyImported)} jawaban sudah ada sebelumnya.`,
          en: `${n(outcome.imported)} new responses imported to Kandidat (rows ${outcome.firstRow}–${outcome.lastRow}) and validated; ${n(outcome.alreadyImported)} were already there.`,
        };
  const unstamped = outcome.unstamped.length
    ? pick(
        {
          id: ` Baris ${outcome.unstamped.slice(0, 20).join(', ')} di tab ${tab} tidak punya cap waktu di kolom A, jadi tidak diimpor: isi cap waktunya atau ketik kandidat itu langsung di Kandidat.`,
          en: ` Rows ${outcome.unstamped.slice(0, 20).join(', ')} of the ${tab} tab have no timestamp in column A, so they were not imported: fill in the timestamp or type those candidates on Kandidat.`,
        },
        lang,
      )
    : '';
  const remaining = outcome.remaining
    ? pick(
        {
          id: ` ${n(outcome.remaining)} jawaban lagi menunggu: jalankan ${menuLabel('importFormResponses', 'id')} untuk mengimpornya per bagian.`,
          en: ` ${n(outcome.remaining)} more responses wait: run "${menuLabel('importFormResponses', 'en')}" to import them in parts.`,
        },
        lang,
      )
    : '';
  return pick(text, lang) + unstamped + remaining;
}

// ---- What the menu and the trigger do --------------------------------------------------------

export const NOT_CONNECTED: Bilingual = {
  id: `Formulir pendaftaran belum dihubungkan. Jalankan menu ${menuLabel('connectRegistrationForm', 'id')} dulu.`,
  en: `The registration form is not connected yet. Run "${menuLabel('connectRegistrationForm', 'en')}" first.`,
};

/** Remembers which tab the mapping belongs to. */
export function rememberTab(name: string): void {
  setDocProperty(TAB_PROPERTY, name);
}

export function forgetTab(): void {
  deleteDocProperty(TAB_PROPERTY);
}

export function connectedTabName(): string | undefined {
  return docProperty(TAB_PROPERTY);
}

export { ACTION as REGISTRATION_ACTION, TRIGGER_LOCK_WAIT_MS };
