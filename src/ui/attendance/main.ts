/** The "Buat daftar hadir" dialog: choose sessions (all by default), build, and see what happened. */
import type { AttendanceApi, AttendanceOutcome, SessionChoice } from '../../core/attendanceApi';
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
    working: 'Sedang membuat…',
    people: (n: number) => `${n} peserta`,
    exists: 'diperbarui',
    nothing: 'Pilih setidaknya satu sesi.',
    loading: 'Memuat sesi…',
    failed: (m: string) => `Gagal: ${m}`,
  },
  en: {
    heading: 'Create attendance sheets',
    intro: 'Choose the sessions whose attendance sheets to build or refresh. Existing Hadir ticks are kept.',
    legend: 'Sessions',
    all: 'Select all',
    none: 'Clear',
    build: 'Build attendance sheets',
    close: 'Close',
    working: 'Building…',
    people: (n: number) => `${n} participants`,
    exists: 'refresh',
    nothing: 'Choose at least one session.',
    loading: 'Loading sessions…',
    failed: (m: string) => `Failed: ${m}`,
  },
};
let words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;
let total = 0;

function labels(): void {
  $('heading').textContent = words.heading;
  $('intro').textContent = words.intro;
  $('legend').textContent = words.legend;
  $('all').textContent = words.all;
  $('none').textContent = words.none;
  $('build').textContent = words.build;
  $('close').textContent = words.close;
}

function boxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('#list input[type=checkbox]')];
}

function onChoices(result: { lang: 'id' | 'en'; sessions: SessionChoice[]; problems: string[] }): void {
  words = result.lang === 'en' ? TEXT.en : TEXT.id;
  labels();
  $('status').textContent = '';
  total = result.sessions.length;
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
  boxes()[0]?.focus();
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

function onFailure(error: Error): void {
  $<HTMLButtonElement>('build').disabled = false;
  $('status').textContent = words.failed(error?.message ?? '');
}

function onBuilt(outcome: AttendanceOutcome): void {
  $<HTMLButtonElement>('build').disabled = false;
  $('status').textContent = outcome.message;
  showProblems(outcome.problems);
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
  $<HTMLButtonElement>('build').disabled = true;
  $('status').textContent = words.working;
  const request = { codes: chosen.length === total ? null : chosen };
  server.generateAttendance(request).then(onBuilt, onFailure);
});

labels();
$('status').textContent = words.loading;
server.attendanceChoices().then(onChoices, onFailure);
