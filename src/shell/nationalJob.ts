/**
 * "Perbarui rekap nasional": one step when few regency workbooks are listed; otherwise a batched
 * job (core/jobs.ts, checkpoint through shell/jobs.ts) that the National dialog runs one batch of
 * workbooks per call ("Membaca workbook 41–80 dari 514"), then builds the national tabs.
 */
import { advance, finished, type Job, newJob, nextItems } from '../core/jobs';
import { menuLabel } from '../core/menu';
import type { JobProgress } from '../core/jobApi';
import { type Bilingual, pick } from '../core/types';
import { type ActionContext, alert } from './action';
import { UserError } from './errors';
import {
  clearJob,
  jobProgress,
  jobStep,
  loadJob,
  newJobId,
  saveJob,
  showJobDialog,
  tuning,
  underDocumentLock,
} from './jobs';
import { buildNational, logNational, planSources, readBatch, readSources, recordOutcomes } from './national';
import { loadSettings, sheetClock } from './settings';
import { madeStamp } from './workbook';

const JOB = 'national';
const BUILD = '#build';
/** Workbooks read per step: ~0.5 s each modelled (two API calls), so a step stays near 20 s. */
export const SOURCES_PER_STEP = 40;
const BATCH_OVERRIDE = 'national:batchSize';

const batchSize = () => tuning(BATCH_OVERRIDE, SOURCES_PER_STEP, 1000);

const BUSY: Bilingual = {
  id: 'Add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Lanjutkan. Tidak ada yang diubah.',
  en: 'The add-on is busy with another action on this spreadsheet. Wait a moment, then press Continue. Nothing was changed.',
};

const GONE: Bilingual = {
  id: `Pembaruan ini sudah selesai atau diganti yang lain. Tutup dialognya, lalu jalankan lagi menu ${menuLabel('updateNationalSummary', 'id')}.`,
  en: `This update has finished or was replaced. Close the dialog, then run "${menuLabel('updateNationalSummary', 'en')}" again.`,
};

const TITLE: Bilingual = { id: 'Rekap nasional', en: 'National summary' };

/** When this run reads, as `Terakhir Dibaca` shows it. */
const readTime = (ctx: ActionContext) => madeStamp(ctx.ss, ctx.lang);

/** Menu: few workbooks in one step, with an alert at the end; many, the dialog. */
export function updateFromMenu(ctx: ActionContext): void {
  const settings = loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
  const tab = readSources(ctx.ss);
  const { toRead, refused } = planSources(tab, ctx.lang);
  if (toRead.length > batchSize()) return showJobDialog(ctx, 'National', 'updateNationalSummary');
  clearJob(JOB);
  recordOutcomes(tab, refused);
  readBatch(ctx, tab, toRead, settings.nationalByVillage, readTime(ctx));
  const built = buildNational(ctx);
  alert(ctx.lang, TITLE, logNational(ctx, built.statuses, built));
}

function progress(ctx: ActionContext, job: Job, resumed: boolean): JobProgress {
  const sources = job.items.length - 1;
  return jobProgress(ctx.lang, job, resumed, sources, (item) => {
    if (item === BUILD) return ctx.lang === 'en' ? 'Building Rekap Nasional' : 'Membuat Rekap Nasional';
    const from = job.done + 1;
    const to = Math.min(job.done + batchSize(), sources);
    return ctx.lang === 'en'
      ? `Reading workbooks ${from}–${to} of ${sources}`
      : `Membaca workbook ${from}–${to} dari ${sources}`;
  });
}

/** The dialog's first call: the unfinished update, or a new one over the workbooks listed now. No step runs. */
export function start(): JobProgress {
  return underDocumentLock(BUSY, (ctx) => {
    loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
    const found = loadJob(JOB);
    if (found && !finished(found)) return progress(ctx, found, found.done > 0);
    const tab = readSources(ctx.ss);
    const { toRead, refused } = planSources(tab, ctx.lang);
    recordOutcomes(tab, refused);
    const job = newJob(newJobId(), [...toRead.map((s) => s.id as string), BUILD]);
    saveJob(JOB, job, true);
    return progress(ctx, job, false);
  });
}

export function resume(request: unknown): JobProgress {
  return jobStep(request, 'updateNationalSummary', BUSY, runStep);
}

function runStep(ctx: ActionContext, id: string): JobProgress {
  const job = loadJob(JOB);
  if (!job || job.id !== id || finished(job)) throw new UserError(GONE);
  const items = nextItems(job, batchSize());
  if (items[0] === BUILD) {
    const built = buildNational(ctx);
    const line = logNational(ctx, built.statuses, built);
    clearJob(JOB);
    return { ...progress(ctx, advance(job, 1, 1, []), false), job: '', message: pick(line, ctx.lang) };
  }
  const ids = items.filter((i) => i !== BUILD);
  const settings = loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
  const tab = readSources(ctx.ss);
  // A workbook removed from Sumber Rekap since the plan is skipped; the others are read by id, wherever their row is now.
  const sources = ids.map((i) => tab.sources.find((s) => s.id === i)).filter((s) => s !== undefined);
  readBatch(ctx, tab, sources, settings.nationalByVillage, readTime(ctx));
  const after = advance(job, ids.length, sources.length, []);
  saveJob(JOB, after, false);
  return progress(ctx, after, false);
}
