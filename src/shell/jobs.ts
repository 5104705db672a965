/**
 * The checkpoint of a batched job (core/jobs.ts) in document properties. Callers hold the document
 * lock from before `loadJob` until after `saveJob`, so two batches never read the same checkpoint
 * and both advance it; `loadJob` reads the store afresh, since another execution may have written
 * it a moment ago.
 */
import { menuLabel } from '../core/menu';
import { decodeJob, encodeJob, encodeProgress, finished, type Job, jobKeys, nextItems } from '../core/jobs';
import { type Bilingual, type Lang, pick } from '../core/types';
import { JobContinueRequest, type JobProgress } from '../core/jobApi';
import { type ActionContext, actionContext, releaseQuietly } from './action';
import { PlainMessage, UserError } from './errors';
import { settlingPendingEdits } from './pendingEdits';
import { deleteDocProperty, docProperty, docPropertyKeys, setDocProperty } from './properties';
import { activeSpreadsheet } from './workbook';

const keyOf = (kind: string) => `job:${kind}`;

function stored(kind: string, fresh: boolean): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of docPropertyKeys(keyOf(kind), fresh)) out[k] = docProperty(k);
  return out;
}

/** The unfinished job of this kind, read afresh. */
export function loadJob(kind: string): Job | undefined {
  return decodeJob(keyOf(kind), stored(kind, true));
}

/** A new job replaces any earlier one of its kind (all its properties); later batches write only the header. */
export function saveJob(kind: string, job: Job, whole: boolean): void {
  const key = keyOf(kind);
  const next = whole ? encodeJob(key, job) : encodeProgress(key, job);
  if (whole) for (const k of jobKeys(key, stored(kind, false))) if (!(k in next)) deleteDocProperty(k);
  for (const [k, v] of Object.entries(next)) if (docProperty(k) !== v) setDocProperty(k, v);
}

/**
 * The job a dialog's step names, as stored now; `gone` (which says to run the menu item again) when it
 * has finished, was replaced by a newer one, or was never started.
 */
export function currentJob(kind: string, id: string, gone: Bilingual): Job {
  const job = loadJob(kind);
  if (!job || job.id !== id || finished(job)) throw new UserError(gone);
  return job;
}

/** What every batched dialog answers when another action holds the lock: nothing changed, press Continue. */
export const JOB_BUSY: Bilingual = {
  id: 'Add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Lanjutkan. Tidak ada yang diubah.',
  en: 'The add-on is busy with another action on this spreadsheet. Wait a moment, then press Continue. Nothing was changed.',
};

export function clearJob(kind: string): void {
  for (const k of jobKeys(keyOf(kind), stored(kind, false))) deleteDocProperty(k);
}

/** An id that tells one job from the next; no service call is needed for it. */
export function newJobId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Run one call of a job's dialog under the document lock, checkpoint included; a lock held by
 * another action is said plainly (`busy`, in the workbook's language) and nothing is changed.
 */
export function underDocumentLock<T>(busy: Bilingual, body: (ctx: ActionContext) => T): T {
  const ctx = actionContext(activeSpreadsheet());
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(busy, ctx.lang));
  try {
    return body(ctx);
  } finally {
    releaseQuietly(lock);
  }
}

/**
 * A job's tuning number from document properties (set only by tests, scripts, or to tune a very
 * slow spreadsheet): a whole number from 1 to `max`, else `fallback`.
 */
export function tuning(key: string, fallback: number, max: number): number {
  const value = Number(docProperty(key));
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

/** Open a batched job's dialog (a 420 × 300 px page that starts the job itself), titled like its menu item. */
export function showJobDialog(ctx: ActionContext, page: string, menuFunction: string): void {
  const template = HtmlService.createTemplateFromFile(page);
  template.lang = ctx.lang;
  const html = template.evaluate().setWidth(420).setHeight(300);
  SpreadsheetApp.getUi().showModalDialog(html, menuLabel(menuFunction, ctx.lang));
}

/**
 * One "next step" call of a job's dialog: the request checked (a bad one is refused in words
 * that name the menu item to run again), then `step` under the document lock, with edits queued
 * by other executions settled before and after it like every menu action does.
 */
export function jobStep<T>(
  request: unknown,
  menuFunction: string,
  busy: Bilingual,
  step: (ctx: ActionContext, job: string) => T,
): T {
  const parsed = JobContinueRequest.safeParse(request);
  if (!parsed.success) {
    const menu = (lang: Lang) => menuLabel(menuFunction, lang);
    throw new UserError({
      id: `Permintaan dari dialog tidak sah. Tutup dialognya, lalu jalankan lagi menu ${menu('id')}.`,
      en: `The dialog sent an invalid request. Close it, then run "${menu('en')}" again.`,
    });
  }
  return underDocumentLock(busy, (ctx) => {
    let out: T | undefined;
    settlingPendingEdits((c) => {
      out = step(c, parsed.data.job);
    })(ctx);
    return out as T;
  });
}

/**
 * Where `job` stands, as its dialog shows it: `rows` are Kandidat's data rows when it was planned,
 * `next` says what its next step does (asked only while one is left).
 */
export function jobProgress(
  lang: Lang,
  job: Job,
  resumed: boolean,
  rows: number,
  next: (item: string | undefined) => string,
): JobProgress {
  const done = finished(job);
  return {
    lang,
    job: done ? '' : job.id,
    total: job.items.length,
    done: job.done,
    finished: done,
    resumed,
    rows,
    next: done ? '' : next(nextItems(job, 1)[0]),
    message: '',
  };
}
