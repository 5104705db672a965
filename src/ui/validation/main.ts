/**
 * The "Validasi data kandidat" dialog for a long Kandidat tab. It asks the server for the job (an
 * unfinished one, or a new one), then runs it one step per call — a block of rows, and last the
 * report — with a progress bar saying what it is doing. Cancel stops between steps; whatever stops
 * the job (Cancel, a failure, a closed dialog), the server keeps its checkpoint, and Continue here
 * or the menu action run again goes on from the last finished step.
 */
import type { ValidationApi, ValidationProgress } from '../../core/validationApi';
import { VALIDATION_ENDPOINTS } from '../../core/endpoints';
import { serverClient } from '../shared/server';

declare const google: { script: { host: { close(): void } } };
const server = serverClient<ValidationApi>(VALIDATION_ENDPOINTS);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Whole numbers as the workbook's language writes them (1.500 / 1,500), like core/text formatNumber. */
const count = (n: number, lang: 'id' | 'en') =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '.');

const TEXT = {
  id: {
    heading: 'Validasi data kandidat',
    intro: (rows: number, steps: number) =>
      `Tab Kandidat berisi ${count(rows, 'id')} baris, jadi validasi berjalan per bagian (${steps} langkah). Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Validasi data kandidat: validasi dilanjutkan dari langkah terakhir yang selesai.`,
    resumed: (done: number, total: number) =>
      `Melanjutkan validasi yang terhenti: ${done} dari ${total} langkah sudah selesai.`,
    close: 'Tutup',
    cancel: 'Batalkan',
    continue: 'Lanjutkan',
    loading: 'Menyiapkan validasi…',
    cancelling: 'Berhenti setelah langkah ini selesai…',
    steps: (done: number, total: number) => `${done} / ${total} langkah selesai`,
    stopped: (done: number, total: number) =>
      `Dihentikan: ${done} dari ${total} langkah selesai dan tersimpan. Tekan Lanjutkan, atau jalankan lagi menu Validasi data kandidat nanti.`,
    failed: (m: string) => `Gagal: ${m}`,
    retry: (done: number, total: number) =>
      `${done} dari ${total} langkah selesai dan tersimpan. Tekan Lanjutkan untuk meneruskan dari situ.`,
    finished: 'Validasi selesai',
  },
  en: {
    heading: 'Validate candidate data',
    intro: (rows: number, steps: number) =>
      `The Kandidat tab has ${count(rows, 'en')} rows, so validation runs in parts (${steps} steps). Keep this dialog open until it finishes. If it closes or stops, run "Validate candidate data" again: validation goes on from the last finished step.`,
    resumed: (done: number, total: number) => `Resuming the validation that stopped: ${done} of ${total} steps done.`,
    close: 'Close',
    cancel: 'Cancel',
    continue: 'Continue',
    loading: 'Preparing the validation…',
    cancelling: 'Stopping once this step is done…',
    steps: (done: number, total: number) => `${done} / ${total} steps done`,
    stopped: (done: number, total: number) =>
      `Stopped: ${done} of ${total} steps done and saved. Press Continue, or run "Validate candidate data" again later.`,
    failed: (m: string) => `Failed: ${m}`,
    retry: (done: number, total: number) =>
      `${done} of ${total} steps are done and saved. Press Continue to go on from there.`,
    finished: 'Validation finished',
  },
};
let words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;

/** The job in hand and where it stands. */
const state = { job: '', done: 0, total: 0, next: '', running: false, cancelled: false };

function labels(): void {
  $('heading').textContent = words.heading;
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

function remember(p: ValidationProgress): void {
  Object.assign(state, { job: p.job, done: p.done, total: p.total, next: p.next });
}

function begin(): void {
  setRunning(true);
  state.cancelled = false;
  $('status').textContent = words.loading;
  server.startValidationJob().then(onStarted, onFailure);
}

function onStarted(p: ValidationProgress): void {
  words = p.lang === 'en' ? TEXT.en : TEXT.id;
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
  server.continueValidationJob({ job: state.job }).then(onProgress, onFailure);
}

function onProgress(p: ValidationProgress): void {
  remember(p);
  if (p.finished) return onFinished(p);
  if (state.cancelled) return onStopped(words.stopped(p.done, p.total));
  step();
}

function onFinished(p: ValidationProgress): void {
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
