/**
 * The dialog of a batched job (validation of a long Kandidat tab, the summaries of a large
 * workbook). It asks the server for the job (an unfinished one, or a new one), then runs it one
 * step per call with a progress bar saying what it is doing. Cancel stops between steps; whatever
 * stops the job (Cancel, a failure, a closed dialog), the server keeps its checkpoint, and
 * Continue here or the menu action run again goes on from the last finished step.
 *
 * A page gives its words (both languages) and its two endpoints; the markup (ids below) is the
 * same on every such page.
 */
import type { JobProgress } from '../../core/jobApi';

declare const google: { script: { host: { close(): void } } };

export interface JobDialogWords {
  heading: string;
  intro: (rows: number, steps: number) => string;
  resumed: (done: number, total: number) => string;
  loading: string;
  stopped: (done: number, total: number) => string;
  finished: string;
}

/** The server side of a job: find or start it, and run its next step. */
export interface JobServer {
  start(): Promise<JobProgress>;
  next(job: string): Promise<JobProgress>;
}

/** Whole numbers as the workbook's language writes them (1.500 / 1,500), like core/text formatNumber. */
export const count = (n: number, lang: 'id' | 'en') =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '.');

/** What every job dialog says the same way. */
const COMMON = {
  id: {
    close: 'Tutup',
    cancel: 'Batalkan',
    continue: 'Lanjutkan',
    cancelling: 'Berhenti setelah langkah ini selesai…',
    steps: (done: number, total: number) => `${done} / ${total} langkah selesai`,
    failed: (m: string) => `Gagal: ${m}`,
    retry: (done: number, total: number) =>
      `${done} dari ${total} langkah selesai dan tersimpan. Tekan Lanjutkan untuk meneruskan dari situ.`,
  },
  en: {
    close: 'Close',
    cancel: 'Cancel',
    continue: 'Continue',
    cancelling: 'Stopping once this step is done…',
    steps: (done: number, total: number) => `${done} / ${total} steps done`,
    failed: (m: string) => `Failed: ${m}`,
    retry: (done: number, total: number) =>
      `${done} of ${total} steps are done and saved. Press Continue to go on from there.`,
  },
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function runJobDialog(text: { id: JobDialogWords; en: JobDialogWords }, server: JobServer): void {
  const wordsOf = (lang: string) => {
    // Screen readers pronounce the page in the language it says it is in.
    document.documentElement.lang = lang === 'en' ? 'en' : 'id';
    return lang === 'en' ? { ...COMMON.en, ...text.en } : { ...COMMON.id, ...text.id };
  };
  let words = wordsOf(document.body.dataset.lang ?? 'id');

  /** The job in hand and where it stands. */
  const state = { job: '', done: 0, total: 0, next: '', running: false, cancelled: false };

  function labels(): void {
    $('heading').textContent = words.heading;
    document.title = words.heading;
    $('close').textContent = words.close;
    $('cancel').textContent = words.cancel;
    $('continue').textContent = words.continue;
  }

  /** While a step runs, Cancel is offered; once stopped, Continue. */
  function setRunning(running: boolean): void {
    state.running = running;
    $('cancel').hidden = !running;
    $<HTMLButtonElement>('cancel').disabled = false;
    $('continue').hidden = true;
  }

  /** The bar (steps done) and its line: what the step on its way does, and which step it is. */
  function showProgress(): void {
    $('progress').hidden = false;
    const bar = $<HTMLProgressElement>('bar');
    bar.max = Math.max(1, state.total);
    bar.value = state.done;
    $('progress-text').textContent = `${state.next} — ${state.done + 1} / ${state.total}`;
  }

  function remember(p: JobProgress): void {
    Object.assign(state, { job: p.job, done: p.done, total: p.total, next: p.next });
  }

  function begin(): void {
    setRunning(true);
    state.cancelled = false;
    $('status').textContent = words.loading;
    server.start().then(onStarted, onFailure);
  }

  function onStarted(p: JobProgress): void {
    words = wordsOf(p.lang);
    labels();
    remember(p);
    $('intro').textContent = words.intro(p.rows, p.total);
    $('resumed').hidden = !p.resumed;
    $('resumed').textContent = p.resumed ? words.resumed(p.done, p.total) : '';
    $('status').textContent = '';
    step();
  }

  function step(): void {
    setRunning(true);
    showProgress();
    server.next(state.job).then(onProgress, onFailure);
  }

  function onProgress(p: JobProgress): void {
    remember(p);
    if (p.finished) return onFinished(p);
    if (state.cancelled) return onStopped(words.stopped(p.done, p.total));
    step();
  }

  function onFinished(p: JobProgress): void {
    setRunning(false);
    state.job = '';
    $('progress').hidden = true;
    $('resumed').hidden = true;
    $('status').textContent = `${words.finished}: ${p.message}`;
    $('close').focus();
  }

  /** Stopped with work left: say how far it got and offer to go on. */
  function onStopped(message: string): void {
    setRunning(false);
    const bar = $<HTMLProgressElement>('bar');
    bar.max = Math.max(1, state.total);
    bar.value = state.done;
    $('progress-text').textContent = words.steps(state.done, state.total);
    $('status').textContent = message;
    $('continue').hidden = false;
    $('continue').focus();
  }

  function onFailure(error: Error): void {
    const failed = words.failed(error?.message ?? '');
    if (state.job) return onStopped(`${failed}\n${words.retry(state.done, state.total)}`);
    // No job yet (the first call failed): Continue asks for it again.
    setRunning(false);
    $('status').textContent = failed;
    $('continue').hidden = false;
  }

  $('close').addEventListener('click', () => google.script.host.close());
  $('cancel').addEventListener('click', () => {
    state.cancelled = true;
    $<HTMLButtonElement>('cancel').disabled = true;
    $('status').textContent = words.cancelling;
  });
  $('continue').addEventListener('click', () => {
    state.cancelled = false;
    $('status').textContent = '';
    if (state.job) step();
    else begin();
  });

  labels();
  begin();
}
