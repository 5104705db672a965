/**
 * "Impor jawaban formulir" when more responses wait than one step imports: a batched job
 * (core/jobs.ts, checkpoint through shell/jobs.ts) that the FormImport dialog runs one step per
 * call. A step imports the oldest responses still waiting, so the responses themselves (their keys
 * on `Kandidat`) are the real checkpoint: a closed dialog, a dropped connection or a failed step
 * loses nothing, and running the menu item again goes on with what still waits.
 */
import { advance, batchesOf, finished, type Job, newJob } from '../core/jobs';
import { menuLabel } from '../core/menu';
import type { FormImportProgress } from '../core/registrationApi';
import { formatNumber } from '../core/text';
import { type Bilingual, type Lang, pick } from '../core/types';
import type { ActionContext } from './action';
import { UserError } from './errors';
import {
  JOB_BUSY,
  clearJob,
  currentJob,
  jobProgress,
  jobStep,
  loadJob,
  newJobId,
  saveJob,
  underDocumentLock,
} from './jobs';
import {
  NOT_CONNECTED,
  connectedTab,
  earlierProblems,
  importBatchSize,
  importWaiting,
  recordedProblems,
  waitingResponses,
} from './registration';

const JOB = 'formImport';

const GONE: Bilingual = {
  id: `Impor ini sudah selesai atau diganti impor lain. Tutup dialognya, lalu jalankan lagi menu ${menuLabel('importFormResponses', 'id')}.`,
  en: `This import has finished or was replaced by another. Close the dialog, then run "${menuLabel('importFormResponses', 'en')}" again.`,
};

function tabOf(ctx: ActionContext) {
  const tab = connectedTab(ctx.ss);
  if (!tab) throw new UserError(NOT_CONNECTED);
  return tab;
}

/** Steps still to run for `waiting` responses, after the `done` already run. */
function items(done: number, waiting: number): string[] {
  return Array.from({ length: done + batchesOf(waiting, importBatchSize()) }, (_, i) => String(i + 1));
}

function progress(ctx: ActionContext, job: Job, resumed: boolean, waiting: number): FormImportProgress {
  const next = (lang: Lang) =>
    lang === 'en'
      ? `Importing responses — part ${job.done + 1} of ${job.items.length}`
      : `Mengimpor jawaban — bagian ${job.done + 1} dari ${job.items.length}`;
  return jobProgress(ctx.lang, job, resumed, waiting, () => next(ctx.lang));
}

/** The dialog's first call: the unfinished import, extended to what waits now, or a new one. No step runs. */
export function start(): FormImportProgress {
  return underDocumentLock(JOB_BUSY, (ctx) => {
    const waiting = waitingResponses(ctx, tabOf(ctx)).plan.pending.length;
    const found = loadJob(JOB);
    const resumed = found !== undefined && !finished(found) && found.done > 0;
    const job = resumed ? { ...found, items: items(found.done, waiting) } : newJob(newJobId(), items(0, waiting));
    saveJob(JOB, job, true);
    return progress(ctx, job, resumed, waiting);
  });
}

/** The dialog's next calls: one batch each. */
export function resume(request: unknown): FormImportProgress {
  return jobStep(request, 'importFormResponses', JOB_BUSY, runStep);
}

function runStep(ctx: ActionContext, id: string): FormImportProgress {
  const job = currentJob(JOB, id, GONE);
  const tab = tabOf(ctx);
  const problems = recordedProblems(ctx.lang, tab.getName());
  const outcome = importWaiting(ctx, waitingResponses(ctx, tab), importBatchSize());
  const after = advance(job, 1, outcome.imported, []);
  if (outcome.remaining > 0) {
    // Responses that arrived meanwhile (the trigger imports most) can add a step.
    const next = { ...after, items: items(after.done, outcome.remaining) };
    saveJob(JOB, next, next.items.length !== job.items.length);
    return progress(ctx, next, false, outcome.remaining);
  }
  clearJob(JOB);
  const message = `${pick(totalLine(after.built, after.done), ctx.lang)}${earlierProblems(problems, ctx.lang)}`;
  return { ...progress(ctx, { ...after, items: after.items.slice(0, after.done) }, false, 0), message };
}

function totalLine(imported: number, steps: number): Bilingual {
  return {
    id: `Impor selesai dalam ${steps} langkah: ${formatNumber(imported, 'id')} jawaban baru ada di Kandidat dan sudah divalidasi.`,
    en: `Import finished in ${steps} steps: ${formatNumber(imported, 'en')} new responses are on Kandidat, validated.`,
  };
}
