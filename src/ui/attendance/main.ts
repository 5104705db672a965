/**
 * The "Buat daftar hadir" dialog: choose sessions (all by default), build, and see what happened.
 * Building runs as a job on the server, one batch of tabs per call: the first call starts it, each
 * answer says how far it got and the dialog asks for the next batch, with a progress bar when
 * there is more than one. Cancel stops between batches; whatever stopped the job (Cancel, a
 * failure, a closed dialog), the server keeps its checkpoint and the next Build offers to go on.
 */
import type {
  AttendanceApi,
  AttendanceChoices,
  AttendanceOutcome,
  AttendanceProgress,
  SessionChoice,
} from '../../core/attendanceApi';
import { ATTENDANCE_ENDPOINTS } from '../../core/endpoints';
import { serverClient } from '../shared/server';

declare const google: { script: { host: { close(): void } } };
const server = serverClient<AttendanceApi>(ATTENDANCE_ENDPOINTS);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TEXT = {
  id: {
    heading: 'Buat daftar hadir',
    intro: 'Pilih sesi yang daftar hadirnya akan dibuat atau diperbarui. Centang Hadir yang sudah ada tetap disimpan.',
    legend: 'Sesi',
    all: 'Pilih semua',
    none: 'Kosongkan',
    build: 'Buat daftar hadir',
    close: 'Tutup',
    cancel: 'Batalkan',
    continue: 'Lanjutkan',
    restart: 'Mulai dari awal',
    working: 'Sedang membuat…',
    people: (n: number) => `${n} peserta`,
    exists: 'diperbarui',
    nothing: 'Pilih setidaknya satu sesi.',
    loading: 'Memuat sesi…',
    failed: (m: string) => `Gagal: ${m}`,
    building: (tabs: string, done: number, total: number) => `Membuat ${tabs} — ${done} / ${total}`,
    built: (done: number, total: number) => `${done} / ${total} dibuat`,
    unfinished: (done: number, total: number) =>
      `Melanjutkan pembuatan yang terhenti: ${done} dari ${total} sudah dibuat.`,
    offer: 'Tekan Lanjutkan untuk membuat sisanya, atau Mulai dari awal untuk memilih sesi lagi.',
    cancelling: 'Berhenti setelah bagian ini selesai…',
    stopped: (done: number, total: number) =>
      `Dihentikan: ${done} dari ${total} sudah dibuat dan tetap ada. Tekan Lanjutkan untuk membuat sisanya.`,
    retry: (done: number, total: number) =>
      `${done} dari ${total} sudah dibuat. Tekan Lanjutkan untuk meneruskan dari situ.`,
  },
  en: {
    heading: 'Create attendance sheets',
    intro: 'Choose the sessions whose attendance sheets to build or refresh. Existing Hadir ticks are kept.',
    legend: 'Sessions',
    all: 'Select all',
    none: 'Clear',
    build: 'Build attendance sheets',
    close: 'Close',
    cancel: 'Cancel',
    continue: 'Continue',
    restart: 'Start over',
    working: 'Building…',
    people: (n: number) => `${n} participants`,
    exists: 'refresh',
    nothing: 'Choose at least one session.',
    loading: 'Loading sessions…',
    failed: (m: string) => `Failed: ${m}`,
    building: (tabs: string, done: number, total: number) => `Building ${tabs} — ${done} / ${total}`,
    built: (done: number, total: number) => `${done} / ${total} built`,
    unfinished: (done: number, total: number) => `Resuming the build that stopped: ${done} of ${total} already built.`,
    offer: 'Press Continue to build the rest, or Start over to choose the sessions again.',
    cancelling: 'Stopping once this part is done…',
    stopped: (done: number, total: number) =>
      `Stopped: ${done} of ${total} built, and they stay. Press Continue to build the rest.`,
    retry: (done: number, total: number) => `${done} of ${total} are built. Press Continue to go on from there.`,
  },
};
let words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;
document.documentElement.lang = words === TEXT.en ? 'en' : 'id';

/** What the dialog knows: the sessions, the batch size, and the job in hand (if any). */
const state = {
  sessions: [] as SessionChoice[],
  batchSize: 1,
  job: '',
  done: 0,
  total: 0,
  running: false,
  cancelled: false,
};

function labels(): void {
  $('heading').textContent = words.heading;
  $('intro').textContent = words.intro;
  $('legend').textContent = words.legend;
  $('all').textContent = words.all;
  $('none').textContent = words.none;
  $('build').textContent = words.build;
  $('close').textContent = words.close;
  $('cancel').textContent = words.cancel;
  $('continue').textContent = words.continue;
  $('resume-go').textContent = words.continue;
  $('resume-restart').textContent = words.restart;
}

function boxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('#list input[type=checkbox]')];
}

function onChoices(result: AttendanceChoices): void {
  words = result.lang === 'en' ? TEXT.en : TEXT.id;
  document.documentElement.lang = result.lang;
  labels();
  $('status').textContent = '';
  state.sessions = result.sessions;
  state.batchSize = result.batchSize;
  const list = $('list');
  for (const s of result.sessions) {
    const label = document.createElement('label');
    label.className = 'session';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = s.code;
    const text = document.createElement('span');
    text.textContent = `${s.code} — ${s.name} (${s.date})`;
    const small = document.createElement('small');
    small.textContent = `${words.people(s.participants)}${s.exists ? ` · ${words.exists}` : ''}`;
    label.append(box, text, small);
    list.append(label);
  }
  showProblems(result.problems);
  if (result.unfinished) offerResume(result.unfinished.job, result.unfinished.done, result.unfinished.total);
  else boxes()[0]?.focus();
}

/** A job that stopped earlier: continue it, or choose again (a new Build replaces it). */
function offerResume(job: string, done: number, total: number): void {
  Object.assign(state, { job, done, total });
  $('resume-text').textContent = `${words.unfinished(done, total)} ${words.offer}`;
  $('resume').hidden = false;
  $('resume-go').focus();
}

function showProblems(problems: string[]): void {
  $('problems').replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      return li;
    }),
  );
}

/** While a job runs, the choices are locked and Cancel is offered; afterwards, the reverse. */
function setRunning(running: boolean): void {
  state.running = running;
  $<HTMLButtonElement>('build').disabled = running;
  for (const id of ['all', 'none']) $<HTMLButtonElement>(id).disabled = running;
  boxes().forEach((b) => (b.disabled = running));
  $('cancel').hidden = !running;
  $<HTMLButtonElement>('cancel').disabled = false;
  $('continue').hidden = true;
  $('resume').hidden = true;
}

/** The bar and its line: which tabs are being built and how many of the job are done. */
function showProgress(tabs: string, done: number, total: number): void {
  $('progress').hidden = false;
  const bar = $<HTMLProgressElement>('bar');
  bar.max = Math.max(1, total);
  bar.value = done;
  $('progress-text').textContent = words.building(tabs, done, total);
}

function tabsText(first: string, last: string): string {
  return first === last ? first : `${first} … ${last}`;
}

function build(codes: string[], all: boolean): void {
  setRunning(true);
  Object.assign(state, { cancelled: false, job: '', done: 0, total: codes.length });
  $('progress').hidden = true;
  showProblems([]);
  // One batch finishes in one call: no bar, just "building…". More: the bar from the first call.
  if (codes.length > state.batchSize) {
    const tab = (code: string) => state.sessions.find((s) => s.code === code)?.tab ?? code;
    const first = codes.slice(0, state.batchSize);
    showProgress(tabsText(tab(first[0]), tab(first[first.length - 1])), 0, codes.length);
    $('status').textContent = '';
  } else $('status').textContent = words.working;
  server.startAttendanceJob({ codes: all ? null : codes }).then(onProgress, onFailure);
}

function resume(): void {
  setRunning(true);
  state.cancelled = false;
  showProblems([]);
  $('progress').hidden = false;
  const bar = $<HTMLProgressElement>('bar');
  bar.max = Math.max(1, state.total);
  bar.value = state.done;
  $('progress-text').textContent = words.unfinished(state.done, state.total);
  $('status').textContent = '';
  server.continueAttendanceJob({ job: state.job }).then(onProgress, onFailure);
}

function onProgress(p: AttendanceProgress): void {
  Object.assign(state, { job: p.job, done: p.done, total: p.total });
  showProblems(p.problems);
  if (p.finished) return onFinished(p);
  const next = p.next ?? { first: '', last: '' };
  showProgress(tabsText(next.first, next.last), p.done, p.total);
  if (state.cancelled) return onStopped(words.stopped(p.done, p.total));
  server.continueAttendanceJob({ job: p.job }).then(onProgress, onFailure);
}

function onFinished(p: AttendanceProgress | AttendanceOutcome): void {
  setRunning(false);
  state.job = '';
  $('progress').hidden = true;
  $('status').textContent = p.message;
  showProblems(p.problems);
}

/** Stopped with work left: say how far it got and offer to go on. */
function onStopped(message: string): void {
  setRunning(false);
  $('progress-text').textContent = words.built(state.done, state.total);
  $('status').textContent = message;
  $('continue').hidden = false;
  $('continue').focus();
}

function onFailure(error: Error): void {
  const failed = words.failed(error?.message ?? '');
  if (state.running && state.job) return onStopped(`${failed}\n${words.retry(state.done, state.total)}`);
  const wasRunning = state.running;
  setRunning(false);
  $('status').textContent = failed;
  // A first call that failed may still have left a checkpoint (its id never reached the dialog): ask.
  if (wasRunning)
    server.attendanceChoices().then(
      (c) => c.unfinished && offerResume(c.unfinished.job, c.unfinished.done, c.unfinished.total),
      () => undefined,
    );
}

$('close').addEventListener('click', () => google.script.host.close());
$('all').addEventListener('click', () => boxes().forEach((b) => (b.checked = true)));
$('none').addEventListener('click', () => boxes().forEach((b) => (b.checked = false)));
$('build').addEventListener('click', () => {
  const chosen = boxes()
    .filter((b) => b.checked)
    .map((b) => b.value);
  if (chosen.length === 0) {
    $('status').textContent = words.nothing;
    return;
  }
  build(chosen, chosen.length === state.sessions.length);
});
$('cancel').addEventListener('click', () => {
  state.cancelled = true;
  $<HTMLButtonElement>('cancel').disabled = true;
  $('status').textContent = words.cancelling;
});
$('continue').addEventListener('click', resume);
$('resume-go').addEventListener('click', resume);
$('resume-restart').addEventListener('click', () => {
  $('resume').hidden = true;
  boxes()[0]?.focus();
});

labels();
$('status').textContent = words.loading;
server.attendanceChoices().then(onChoices, onFailure);
