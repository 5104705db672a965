/**
 * "Perbarui rekap nasional": one step when few regency workbooks are listed; otherwise a batched
 * job (core/jobs.ts, checkpoint through shell/jobs.ts) that the National dialog runs one batch of
 * workbooks per call ("Membaca workbook 41–80 dari 514"), then builds the national tabs.
 */
import { advance, finished, type Job, newJob, nextItems } from '../core/jobs';
import { menuLabel } from '../core/menu';
import { SOURCE_STATUS, count } from '../core/rollup/national';
import type { JobProgress } from '../core/jobApi';
import { type Bilingual, pick } from '../core/types';
import { type ActionContext, alert } from './action';
import {
  JOB_BUSY,
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
import {
  type PassListProgress,
  buildNational,
  buildPassList,
  buildPassListBand,
  logNational,
  planSources,
  readBatch,
  readSources,
  recordOutcomes,
} from './national';
import { deleteDocProperty, docProperty, setDocProperty } from './properties';
import { loadSettings, sheetClock } from './settings';
import { madeStamp } from './workbook';

const JOB = 'national';
const BUILD = '#build';
const PASS_LIST = '#lulus';
/**
 * Workbooks read per step: at most two Sheets API reads each, so at most 50 reads a step — under
 * Google's 60 read requests per minute per user, since a step that read many is stretched to a
 * minute (READS_PER_MINUTE) before the dialog asks for the next.
 */
export const SOURCES_PER_STEP = 25;
const READS_PER_MINUTE = 55;
const BATCH_OVERRIDE = 'national:batchSize';
/**
 * Rows of `Daftar Lulus Nasional` drawn per step: 9 values and 12 format cells each (≈ 17 s
 * modelled for 8,000), so a step stays far inside its budget whatever the number of regencies; at
 * 514 regencies (≈ 30,000 rows) the list takes four steps.
 */
export const PASS_ROWS_PER_STEP = 8000;
const PASS_ROWS_OVERRIDE = 'national:passListRows';
/** Where the pass list's building stands between steps (see PassListProgress), with the job it belongs to. */
const PASS_PROGRESS = 'national:passList';

const batchSize = () => tuning(BATCH_OVERRIDE, SOURCES_PER_STEP, 1000);
const passRows = () => tuning(PASS_ROWS_OVERRIDE, PASS_ROWS_PER_STEP, 1_000_000);

/** The pass list's progress saved by an earlier step of this job; anything else (another job's, unreadable) is none. */
function passProgress(job: string): PassListProgress | undefined {
  const raw = docProperty(PASS_PROGRESS);
  if (raw === undefined) return undefined;
  try {
    const p = JSON.parse(raw) as Partial<PassListProgress> & { job?: unknown };
    if (p.job !== job || typeof p.stamp !== 'string' || typeof p.fingerprint !== 'string') return undefined;
    return Number.isInteger(p.next) && (p.next as number) >= 1 && Number.isInteger(p.sheetId)
      ? { stamp: p.stamp, fingerprint: p.fingerprint, sheetId: p.sheetId as number, next: p.next as number }
      : undefined;
  } catch {
    return undefined;
  }
}

function clearPassProgress(): void {
  if (docProperty(PASS_PROGRESS) !== undefined) deleteDocProperty(PASS_PROGRESS);
}

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
  clearPassProgress();
  recordOutcomes(tab, refused);
  readBatch(ctx, tab, toRead, settings.nationalByVillage, readTime(ctx));
  const built = buildNational(ctx);
  buildPassList(ctx);
  alert(ctx.lang, TITLE, logNational(ctx, built.statuses, built));
}

/** `band`: the pass list's rows drawn so far and in all, once its building has begun. */
function progress(
  ctx: ActionContext,
  job: Job,
  resumed: boolean,
  band?: { drawn: number; total: number },
): JobProgress {
  const sources = job.items.filter((i) => !i.startsWith('#')).length;
  return jobProgress(ctx.lang, job, resumed, sources, (item) => {
    if (item === BUILD) return ctx.lang === 'en' ? 'Building Rekap Nasional' : 'Membuat Rekap Nasional';
    if (item === PASS_LIST && band) {
      const [drawn, total] = [count(band.drawn, ctx.lang), count(band.total, ctx.lang)];
      return ctx.lang === 'en'
        ? `Building Daftar Lulus Nasional — ${drawn} of ${total} rows`
        : `Membuat Daftar Lulus Nasional — ${drawn} dari ${total} baris`;
    }
    if (item === PASS_LIST)
      return ctx.lang === 'en' ? 'Building Daftar Lulus Nasional' : 'Membuat Daftar Lulus Nasional';
    const from = job.done + 1;
    const to = Math.min(job.done + batchSize(), sources);
    return ctx.lang === 'en'
      ? `Reading workbooks ${from}–${to} of ${sources}`
      : `Membaca workbook ${from}–${to} dari ${sources}`;
  });
}

/** The dialog's first call: the unfinished update, or a new one over the workbooks listed now. No step runs. */
export function start(): JobProgress {
  return underDocumentLock(JOB_BUSY, (ctx) => {
    loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
    const found = loadJob(JOB);
    if (found && !finished(found)) return progress(ctx, found, found.done > 0);
    const tab = readSources(ctx.ss);
    const { toRead, refused } = planSources(tab, ctx.lang);
    recordOutcomes(tab, refused);
    const job = newJob(newJobId(), [...toRead.map((s) => s.id as string), BUILD, PASS_LIST]);
    saveJob(JOB, job, true);
    clearPassProgress();
    return progress(ctx, job, false);
  });
}

export function resume(request: unknown): JobProgress {
  return jobStep(request, 'updateNationalSummary', JOB_BUSY, runStep);
}

function runStep(ctx: ActionContext, id: string): JobProgress {
  const job = currentJob(JOB, id, GONE);
  const items = nextItems(job, batchSize());
  if (items[0] === BUILD) {
    buildNational(ctx);
    return saved(ctx, advance(job, 1, 1, []));
  }
  if (items[0] === PASS_LIST) {
    // Drawn in bands of rows, one a step; the job moves past it only once the tab is complete.
    const band = buildPassListBand(ctx, passProgress(job.id), passRows());
    if (band.progress) {
      setDocProperty(PASS_PROGRESS, JSON.stringify({ job: job.id, ...band.progress }));
      return progress(ctx, job, false, band);
    }
    clearPassProgress();
    const built = closingCounts(ctx);
    const line = logNational(ctx, built.statuses, built);
    clearJob(JOB);
    return { ...progress(ctx, advance(job, 1, 1, []), false), job: '', message: pick(line, ctx.lang) };
  }
  const ids = items.filter((i) => !i.startsWith('#'));
  const settings = loadSettings(ctx.settingsRows, sheetClock(ctx.ss));
  const tab = readSources(ctx.ss);
  // A workbook removed from Sumber Rekap since the plan is skipped; the others are read by id, wherever their row is now.
  const sources = ids.map((i) => tab.sources.find((s) => s.id === i)).filter((s) => s !== undefined);
  const began = Date.now();
  const outcomes = readBatch(ctx, tab, sources, settings.nationalByVillage, readTime(ctx));
  // One read of each workbook's stamp, and a second of the package only where it changed.
  keepUnderReadQuota(began, sources.length + outcomes.filter((o) => o.status === SOURCE_STATUS.read).length);
  return saved(ctx, advance(job, ids.length, sources.length, []));
}

function saved(ctx: ActionContext, job: Job): JobProgress {
  saveJob(JOB, job, false);
  return progress(ctx, job, false);
}

/**
 * Google allows 60 Sheets API reads a minute per user: a step that may have made `reads` of them
 * lasts at least reads / READS_PER_MINUTE of a minute, so the dialog's next step cannot push past it.
 */
function keepUnderReadQuota(began: number, reads: number): void {
  const wait = Math.ceil((reads / READS_PER_MINUTE) * 60_000) - (Date.now() - began);
  // Asked every time, even for 0 ms: a step then makes the same calls however fast it ran.
  Utilities.sleep(Math.min(Math.max(wait, 0), 60_000));
}

/** The closing line's counts, from Sumber Rekap as the update left it. */
function closingCounts(ctx: ActionContext): { regencies: number; sources: number; statuses: string[] } {
  const tab = readSources(ctx.ss);
  const regencies = new Set(tab.sources.filter((s) => s.version).map((s) => `${s.province}|${s.regency}`)).size;
  return { regencies, sources: tab.sources.length, statuses: tab.sources.map((s) => s.status) };
}
