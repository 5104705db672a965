/**
 * "Perbarui rekap" on a large workbook: a batched job (core/jobs.ts, checkpoint in document
 * properties through shell/jobs.ts) that a small dialog runs one step per call — the panel
 * agreement, `Rekap Seleksi`, then `Rekap Kehadiran` and the Log row (core/summariesJob.ts says
 * why these steps and what each costs).
 *
 * What a step hands to the next is small and kept beside the checkpoint, under the same lock: the
 * agreement (a few figures per regency) after the first step, and the count and notes of
 * `Rekap Seleksi` (for the Log row) after the second. It is stored as a one-item job of kind
 * DATA, so core/jobs splits it into property-sized parts; it carries the job's id, and a step
 * that finds it missing or from another job runs the step that makes it again. The tabs, the Log
 * row and the closing line equal those of one uninterrupted run (only the time in the stamps differs).
 *
 * The menu action stays the same: a workbook of at most ONE_STEP_CELLS cells of Kandidat and
 * Penilaian is refreshed in one step with no dialog; a larger one opens the dialog, which
 * continues an unfinished job or starts one.
 */
import * as z from '../core/shape';
import { describeMissing, matchHeaders } from '../core/headers';
import type { JobProgress } from '../core/jobApi';
import { advance, finished, type Job, newJob, nextItems } from '../core/jobs';
import { CANDIDATES_TAB, SCORES_TAB } from '../core/schema';
import {
  ONE_STEP_CELLS,
  SUMMARIES_BUSY,
  SUMMARIES_GONE,
  SUMMARY_STEPS,
  isSummaryStep,
  summaryStepText,
} from '../core/summariesJob';
import { pick } from '../core/types';
import type { ActionContext } from './action';
import { UserError } from './errors';
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
import { loadSettings, sheetClock } from './settings';
import { readHeader } from './sheetLookup';
import { madeStamp } from './workbook';
import {
  type Agreement,
  buildAttendanceSummary,
  buildSelectionSummary,
  logSummaries,
  panelAgreement,
  refreshSummaries,
  selectionData,
} from './summaries';
import { publishPackage } from './rollupPackage';

const JOB = 'summaries';
/** What one step hands to the next (not `summaries:…`, which a new job's checkpoint would sweep away). */
const DATA = 'summariesData';
/** Set only by tests and scripts: the most cells refreshed in one step instead of ONE_STEP_CELLS. */
const ONE_STEP_OVERRIDE = 'summaries:oneStepCells';

export function oneStepCells(): number {
  return tuning(ONE_STEP_OVERRIDE, ONE_STEP_CELLS, Number.MAX_SAFE_INTEGER);
}

/** Cells of Kandidat and Penilaian as their last row and column say (what one run reads whole). */
function workbookCells(ctx: ActionContext): number {
  return [CANDIDATES_TAB.name, SCORES_TAB].reduce((n, name) => {
    const sheet = ctx.ss.getSheetByName(name);
    return n + (sheet ? sheet.getLastRow() * sheet.getLastColumn() : 0);
  }, 0);
}

/** Menu: Perbarui rekap — one step as always for a small workbook, the dialog for a large one. */
export function refreshFromMenu(ctx: ActionContext): void {
  if (workbookCells(ctx) > oneStepCells()) return showJobDialog(ctx, 'Summaries', 'refreshSummaries');
  // A whole run supersedes any job left unfinished.
  clearJob(JOB);
  clearJob(DATA);
  refreshSummaries(ctx);
}

// ---- What a step hands to the next ------------------------------------------------------------

const Notice = z.object({ id: z.string(), en: z.string() });
const Handover = z.object({
  /** Kandidat data rows when the job was planned (the dialog's introduction). */
  rows: z.number(),
  /** The agreement once computed (null: none to show). */
  agreement: z.optional(
    z.nullable(
      z.array(z.object({ regency: z.string(), alpha: z.nullable(z.number()), units: z.number(), values: z.number() })),
    ),
  ),
  /** `Rekap Seleksi` once built: what the Log row says of it. */
  selection: z.optional(z.object({ count: z.number(), notices: z.array(Notice) })),
});
type Handover = z.infer<typeof Handover>;

function loadHandover(job: Job): Handover | undefined {
  const stored = loadJob(DATA);
  if (!stored || stored.id !== job.id) return undefined;
  try {
    return Handover.parse(JSON.parse(stored.items[0] ?? ''));
  } catch {
    return undefined;
  }
}

function saveHandover(job: Job, data: Handover): void {
  saveJob(DATA, newJob(job.id, [JSON.stringify(data)]), true);
}

const storedAgreement = (a: Agreement): Handover['agreement'] =>
  a ? a.map((r) => ({ regency: r.regency, alpha: r.alpha ?? null, units: r.units, values: r.values })) : null;

const restoredAgreement = (a: NonNullable<Handover['agreement']> | null): Agreement =>
  a ? a.map((r) => ({ regency: r.regency, alpha: r.alpha ?? undefined, units: r.units, values: r.values })) : undefined;

// ---- Endpoints (each under the document lock, checkpoint included) -------------------------------

/** The dialog's first call: the unfinished job, or a new one. No step runs. */
export function start(): JobProgress {
  return underDocumentLock(SUMMARIES_BUSY, (ctx) => {
    // Fail before any step on a problem the user must fix (a missing column, a broken setting).
    const sheet = ctx.ss.getSheetByName(CANDIDATES_TAB.name);
    const last = sheet ? sheet.getLastRow() : 0;
    if (sheet && last >= 2) {
      const missing = matchHeaders(CANDIDATES_TAB, readHeader(sheet)).missing;
      if (missing.length) throw new UserError(describeMissing(CANDIDATES_TAB.name, missing));
    }
    loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
    const found = loadJob(JOB);
    if (found && !finished(found)) return progress(ctx, found, true, loadHandover(found)?.rows ?? 0);
    const job = newJob(newJobId(), SUMMARY_STEPS);
    saveJob(JOB, job, true);
    const rows = Math.max(0, last - 1);
    saveHandover(job, { rows });
    return progress(ctx, job, false, rows);
  });
}

/** The dialog's next calls: one step of job `{ job }` each. */
export function resume(request: unknown): JobProgress {
  return jobStep(request, 'refreshSummaries', SUMMARIES_BUSY, runStep);
}

function runStep(ctx: ActionContext, id: string): JobProgress {
  const job = currentJob(JOB, id, SUMMARIES_GONE);
  const step = nextItems(job, 1)[0];
  if (!isSummaryStep(step)) {
    // Not a checkpoint this code wrote: start afresh from the menu.
    clearJob(JOB);
    throw new UserError(SUMMARIES_GONE);
  }
  const data = loadHandover(job);
  if (!data) return rewind(ctx, job, 0, data);
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  if (step === 'agreement') {
    saveHandover(job, { ...data, agreement: storedAgreement(panelAgreement(ss, settings, clock)) });
    return saved(ctx, advance(job, 1, 0, []), data.rows);
  }
  if (step === 'selection') {
    if (data.agreement === undefined) return rewind(ctx, job, 0, data);
    const built = buildSelectionSummary(ctx, clock, madeStamp(ss, lang), {
      agreement: restoredAgreement(data.agreement),
    });
    saveHandover(job, { ...data, selection: { count: built.count, notices: built.notices } });
    return saved(ctx, advance(job, 1, 1, []), data.rows);
  }
  if (!data.selection) return rewind(ctx, job, 1, data);
  const attendance = buildAttendanceSummary(ctx, clock, madeStamp(ss, lang));
  // The package repeats Rekap Seleksi's figures: read again here, with the agreement of the first step.
  const agreed = { agreement: restoredAgreement(data.agreement ?? null) };
  publishPackage(ctx, selectionData(ss, settings, clock, lang, agreed), attendance.sessions);
  const message = logSummaries(ctx, data.selection, attendance);
  clearJob(JOB);
  clearJob(DATA);
  return { ...progress(ctx, advance(job, 1, 1, []), false, data.rows), job: '', message: pick(message, lang) };
}

/** What a step needs from an earlier one is missing (a damaged or swept property): run from `to` again. */
function rewind(ctx: ActionContext, job: Job, to: number, data: Handover | undefined): JobProgress {
  const back: Job = { ...job, done: Math.min(job.done, to) };
  if (!data) saveHandover(back, { rows: 0 });
  return saved(ctx, back, data?.rows ?? 0);
}

function saved(ctx: ActionContext, job: Job, rows: number): JobProgress {
  saveJob(JOB, job, false);
  return progress(ctx, job, false, rows);
}

function progress(ctx: ActionContext, job: Job, resumed: boolean, rows: number): JobProgress {
  return jobProgress(ctx.lang, job, resumed, rows, (next) =>
    isSummaryStep(next) ? summaryStepText(next, ctx.lang) : '',
  );
}
