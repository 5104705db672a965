/**
 * "Validasi data kandidat" on a long `Kandidat` tab: a batched job (core/jobs.ts, checkpoint in
 * document properties through shell/jobs.ts) that a small dialog runs one step per call.
 *
 * - A block of rows: the ID, NIK and phone columns of every row (what new IDs and the duplicate
 *   rules need, read like the live check's `sparseRows`) and the block in full; the core validates
 *   the block's rows only, and their outcomes are written at once. New IDs are written before the
 *   next block reads the ID column, so they continue the sequence exactly as one run would; a
 *   duplicate pair is marked on both rows, each when its own block runs (no "pending" note).
 * - The report: the whole tab is read and validated once more. Any row whose status or Catatan
 *   Validasi differs from that run (a row edited while the job was stopped, a twin the blocks
 *   could not see) is written again — in place when few, by running its blocks again when many —
 *   and then `Laporan Validasi` and the Log row are made exactly as the one-step menu action makes them.
 *
 * The menu action stays the same: a tab of at most ONE_STEP_ROWS rows is validated in one step
 * with no dialog; a longer one opens the dialog, which continues an unfinished job or starts one.
 */
import { describeMissing, matchHeaders } from '../core/headers';
import { advance, finished, type Job, newJob, nextItems } from '../core/jobs';
import { CANDIDATES_TAB } from '../core/schema';
import { cellText } from '../core/text';
import { type Bilingual, type Grid, pick } from '../core/types';
import {
  ONE_STEP_ROWS,
  VALIDATION_BATCH,
  VALIDATION_BUSY,
  VALIDATION_GONE,
  extendSteps,
  parseStep,
  plannedRows,
  reworkSteps,
  stepText,
  validationSteps,
} from '../core/validation/batches';
import { type RowOutcome, notesText, validateCandidates } from '../core/validation/validate';
import type { ValidationProgress } from '../core/validationApi';
import { fitCell } from '../core/cells';
import type { ActionContext } from './action';
import { UserError } from './errors';
import { markReportsStale } from './freshness';
import {
  clearJob,
  currentJob,
  jobProgress,
  jobStep,
  loadJob,
  newJobId,
  saveJob,
  showJobDialog,
  tuning,
  underDocumentLock,
} from './jobs';
import { ensureOutputColumns } from './outputColumns';
import { loadSettings, sheetClock } from './settings';
import { readHeader } from './sheetLookup';
import {
  OUTPUTS,
  WRITES,
  candidatesSheet,
  finishValidation,
  readShown,
  sparseRows,
  validateAll,
  validateWholeTab,
  validationContext,
  writeOutcomes,
} from './validate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const JOB = 'validation';
/** Set only by tests and to tune a very slow spreadsheet: rows per batch instead of VALIDATION_BATCH. */
const BATCH_OVERRIDE = 'validation:batchSize';
/** Set only by tests and scripts: the most rows the menu validates in one step instead of ONE_STEP_ROWS. */
const ONE_STEP_OVERRIDE = 'validation:oneStepRows';

/**
 * Rows the report step writes again in place at most (and never more than a batch), in at most
 * RECONCILE_SPANS blocks: with nothing edited while the job ran, only twins no block could see
 * (rows with an ID but neither NIK nor phone), usually none. More differing rows than this mean the
 * tab changed under a stopped job: their blocks are validated again as batches.
 */
const RECONCILE_ROWS = 500;
const RECONCILE_SPANS = 10;
/** Differing rows this close together are written as one block (the rows between are rewritten unchanged). */
const RECONCILE_GAP = 25;

export function validationBatchSize(): number {
  return tuning(BATCH_OVERRIDE, VALIDATION_BATCH, 100_000);
}

export function oneStepRows(): number {
  return tuning(ONE_STEP_OVERRIDE, ONE_STEP_ROWS, 10_000_000);
}

/** Menu: Validasi data kandidat — one step as always for a short tab, the batch dialog for a long one. */
export function validateFromMenu(ctx: ActionContext): void {
  const rows = candidatesSheet(ctx.ss).getLastRow() - 1;
  if (rows > oneStepRows()) return showJobDialog(ctx, 'Validation', 'validateCandidates');
  // A whole run supersedes any job left unfinished (no call when there is none).
  clearJob(JOB);
  validateAll(ctx);
}

// ---- Endpoints (each under the document lock, checkpoint included) -------------------------------

/** The dialog's first call: the unfinished job (extended to rows added since), or a new one. No step runs. */
export function start(): ValidationProgress {
  return underDocumentLock(VALIDATION_BUSY, (ctx) => {
    const sheet = candidatesSheet(ctx.ss);
    // Fail before any step on a problem the user must fix (a missing column, a broken setting).
    const missing = matchHeaders(CANDIDATES_TAB, readHeader(sheet)).missing;
    if (missing.length) throw new UserError(describeMissing(CANDIDATES_TAB.name, missing));
    loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
    const last = Math.max(1, sheet.getLastRow());
    const size = validationBatchSize();
    const found = loadJob(JOB);
    if (found && !finished(found)) {
      const items = extendSteps(found.items, last, size);
      const job = { ...found, items };
      if (items.length !== found.items.length) saveJob(JOB, job, true);
      return progress(ctx, job, true);
    }
    const job = newJob(newJobId(), validationSteps(last, size));
    saveJob(JOB, job, true);
    return progress(ctx, job, false);
  });
}

/** The dialog's next calls: one step of job `{ job }` each. */
export function resume(request: unknown): ValidationProgress {
  return jobStep(request, 'validateCandidates', VALIDATION_BUSY, runStep);
}

function runStep(ctx: ActionContext, id: string): ValidationProgress {
  const job = currentJob(JOB, id, VALIDATION_GONE);
  const step = parseStep(nextItems(job, 1)[0] ?? '');
  if (!step) return saved(ctx, advance(job, 1, 0, []));
  if (step.kind === 'rows') return saved(ctx, advance(job, 1, validateBlock(ctx, step.first, step.last), []));
  const outcome = reportStep(ctx, job, step.again);
  if (outcome.kind === 'rework') {
    // Done items stay as they are; the blocks to run again come next, then the report once more.
    const reworked: Job = { ...job, items: reworkSteps(job.items, job.done, outcome.rows, validationBatchSize()) };
    saveJob(JOB, reworked, true);
    return progress(ctx, reworked, false);
  }
  const after = advance(job, outcome.kind === 'done' ? 1 : 0, outcome.assigned, []);
  if (outcome.kind === 'more') return saved(ctx, after);
  clearJob(JOB);
  return { ...progress(ctx, after, false), job: '', message: outcome.message };
}

function saved(ctx: ActionContext, job: Job): ValidationProgress {
  saveJob(JOB, job, false);
  return progress(ctx, job, false);
}

function progress(ctx: ActionContext, job: Job, resumed: boolean): ValidationProgress {
  return jobProgress(ctx.lang, job, resumed, plannedRows(job.items), (next) =>
    stepText(parseStep(next ?? ''), ctx.lang),
  );
}

// ---- The steps -----------------------------------------------------------------------------------

/** Validate sheet rows first…last (as far as the tab goes) and write their outcomes; returns how many new IDs. */
function validateBlock(ctx: ActionContext, first: number, last: number): number {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const sheet = candidatesSheet(ss);
  const { header, index } = outputHeader(sheet);
  const lastRow = sheet.getLastRow();
  const to = Math.min(last, lastRow);
  if (first > to) return 0;
  // As wide as the one-step run reads (the data range), so a row is blank or not exactly as there.
  const width = Math.max(header.length, sheet.getLastColumn());
  const range = sheet.getRange(first, 1, to - first + 1, width);
  const block = range.getValues() as Grid;
  const shown = readShown(sheet, index, first, to);
  const values = sparseRows(sheet, index, header, lastRow);
  const display: string[][] = [];
  block.forEach((row, i) => {
    values[first - 1 + i] = row;
    display[first - 1 + i] = shown[i];
  });
  const result = validateCandidates(values, display, validationContext(ss, settings, clock), { first, last: to });
  if (!result.ok) throw new UserError(describeMissing(CANDIDATES_TAB.name, result.map.missing));
  const rows = result.rows.slice(first - 2, to - 1);
  const marks = { range, backgrounds: range.getBackgrounds(), notes: range.getNotes() };
  writeOutcomes(sheet, index, { rows, firstRow: first, original: block }, lang, marks);
  // Statuses changed: every report built from Kandidat says so (Laporan Validasi too, until the last step redraws it).
  markReportsStale(ss, CANDIDATES_TAB.name);
  return rows.filter((r) => r.assignedId).length;
}

/** The header with the output columns the validation writes (added at the right end once, when missing). */
function outputHeader(sheet: Sheet): { header: string[]; index: Map<string, number> } {
  const header = readHeader(sheet);
  const map = matchHeaders(CANDIDATES_TAB, header);
  if (map.missing.length) throw new UserError(describeMissing(CANDIDATES_TAB.name, map.missing));
  const index = ensureOutputColumns(sheet, map.index, header.length, [...WRITES, ...OUTPUTS]);
  if (index.size === map.index.size) return { header, index };
  const widened = readHeader(sheet);
  return { header: widened, index: new Map(matchHeaders(CANDIDATES_TAB, widened).index) };
}

type ReportOutcome =
  | { kind: 'done'; assigned: number; message: string }
  | { kind: 'more'; assigned: number }
  | { kind: 'rework'; rows: number[] };

/**
 * The last step: the whole tab validated in one go, compared with what the blocks wrote, mended,
 * and reported. `again` (the report after blocks were run again) never asks for more blocks, so
 * the job always ends.
 */
function reportStep(ctx: ActionContext, job: Job, again: boolean): ReportOutcome {
  const { lang } = ctx;
  const { clock, settings, sheet, values, vctx, result } = validateWholeTab(ctx);
  const index = ensureOutputColumns(sheet, result.map.index, values[0].length, [...WRITES, ...OUTPUTS]);
  const differing = result.rows.filter((r) => differs(r, values[r.sheetRow - 1], index, ctx.lang));
  // Never more in place than a batch would write (so a test's small batches exercise the rework too).
  const cap = Math.min(RECONCILE_ROWS, validationBatchSize());
  if (differing.length > cap && !again) return { kind: 'rework', rows: differing.map((r) => r.sheetRow) };
  const spans = spansOf(differing.map((r) => r.sheetRow));
  const now = spans.slice(0, RECONCILE_SPANS).reduce<Array<[number, number]>>((taken, span) => {
    const rows = taken.reduce((n, [a, b]) => n + b - a + 1, 0);
    return rows + span[1] - span[0] + 1 <= cap || taken.length === 0 ? [...taken, span] : taken;
  }, []);
  let assigned = 0;
  for (const [a, b] of now) {
    const rows = result.rows.slice(a - 2, b - 1);
    writeOutcomes(sheet, index, { rows, firstRow: a, original: values.slice(a - 1, b) }, lang);
    assigned += rows.filter((r) => r.assignedId).length;
  }
  if (now.length < spans.length) return { kind: 'more', assigned };
  const all = job.built + assigned;
  const done = finishValidation(ctx, { rows: result.rows, settings, clock, vctx, assigned: all });
  const ids: Bilingual = { id: `; ID baru: ${all}`, en: `; new IDs: ${all}` };
  return { kind: 'done', assigned, message: `${pick(done, lang)}${all ? pick(ids, lang) : ''}.` };
}

/** Whether the tab shows something else for this row than a whole run decides (status, notes, or a missing ID). */
function differs(
  row: RowOutcome,
  cells: Grid[number] | undefined,
  index: ReadonlyMap<string, number>,
  lang: 'id' | 'en',
) {
  if (row.assignedId) return true;
  const at = (h: string) => cellText(cells?.[index.get(h) as number] ?? '');
  return at('Status Administrasi') !== row.status || at('Catatan Validasi') !== fitCell(notesText(row.findings, lang));
}

/** Sorted rows grouped into [first, last] blocks, rows at most RECONCILE_GAP apart sharing one. */
function spansOf(rows: readonly number[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const row of rows) {
    const last = spans[spans.length - 1];
    if (last && row - last[1] <= RECONCILE_GAP) last[1] = row;
    else spans.push([row, row]);
  }
  return spans;
}
