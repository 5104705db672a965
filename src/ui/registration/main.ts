/**
 * The "Hubungkan formulir pendaftaran" dialog: each question of the form's response tab beside the
 * `Kandidat` column it fills, matched for the user and changeable with the keyboard or the mouse;
 * the required columns no question fills are named as the choices change. Connect saves the
 * mapping, installs the trigger and imports what waits, in one server call.
 */
import type { RegistrationApi, RegistrationChoices } from '../../core/registrationApi';
import { REGISTRATION_ENDPOINTS } from '../../core/endpoints';
import { serverClient } from '../shared/server';

declare const google: { script: { host: { close(): void } } };
const server = serverClient<RegistrationApi>(REGISTRATION_ENDPOINTS);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TEXT = {
  id: {
    heading: 'Hubungkan formulir pendaftaran',
    intro:
      'Setiap pertanyaan formulir di kiri mengisi kolom Kandidat di kanan. Ubah pilihan bila perlu, lalu tekan Hubungkan: jawaban yang sudah ada diimpor sekarang dan jawaban baru masuk otomatis.',
    tab: 'Tab jawaban:',
    caption: (n: number) => `${n} pertanyaan`,
    question: 'Pertanyaan formulir',
    column: 'Kolom Kandidat',
    none: '— tidak diimpor —',
    own: (q: string) => `Kolom baru: ${q}`,
    required: '(wajib)',
    missing: (cols: string) =>
      `Kolom wajib yang belum diisi pertanyaan mana pun: ${cols}. Baris dari formulir akan TMS sampai kolom itu diisi.`,
    twice: (c: string) =>
      `Kolom ${c} dipilih untuk lebih dari satu pertanyaan. Satu kolom hanya untuk satu pertanyaan.`,
    connect: 'Hubungkan & impor',
    close: 'Tutup',
    loading: 'Memuat pertanyaan…',
    working: 'Menghubungkan dan mengimpor…',
    connected: 'Sudah terhubung. Menekan Hubungkan lagi menyimpan pemetaan dan mengimpor jawaban yang tertinggal.',
    earlier:
      'Sejak impor terakhir, impor otomatis tidak dapat menangani jawaban berikut (akan ikut diimpor saat Anda menekan Hubungkan):',
    failed: (m: string) => `Gagal: ${m}`,
    noTab: 'Tidak ada tab jawaban formulir.',
  },
  en: {
    heading: 'Connect the registration form',
    intro:
      'Each form question on the left fills the Kandidat column on the right. Change any choice, then press Connect: the responses already there are imported now and new ones arrive on their own.',
    tab: 'Response tab:',
    caption: (n: number) => `${n} questions`,
    question: 'Form question',
    column: 'Kandidat column',
    none: '— not imported —',
    own: (q: string) => `New column: ${q}`,
    required: '(required)',
    missing: (cols: string) =>
      `Required columns no question fills: ${cols}. Rows from the form stay TMS until those are filled in.`,
    twice: (c: string) => `The ${c} column is chosen for more than one question. A column takes one question only.`,
    connect: 'Connect & import',
    close: 'Close',
    loading: 'Loading the questions…',
    working: 'Connecting and importing…',
    connected: 'Already connected. Pressing Connect again saves the mapping and imports any response left behind.',
    earlier:
      'Since the last import, the automatic import could not handle these responses (they are imported when you press Connect):',
    failed: (m: string) => `Failed: ${m}`,
    noTab: 'There is no form response tab.',
  },
};
let words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;
let current: RegistrationChoices | undefined;

function labels(): void {
  $('heading').textContent = words.heading;
  $('intro').textContent = words.intro;
  $('tab-label').textContent = words.tab;
  $('th-question').textContent = words.question;
  $('th-column').textContent = words.column;
  $('connect').textContent = words.connect;
  $('close').textContent = words.close;
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

/** One row: the question, and a select of every column it may fill (its own new column last). */
function row(choices: RegistrationChoices, line: { question: string; column: string }, i: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const question = document.createElement('td');
  const label = document.createElement('label');
  label.htmlFor = `col-${i}`;
  label.textContent = line.question;
  question.append(label);
  const cell = document.createElement('td');
  const select = document.createElement('select');
  select.id = `col-${i}`;
  select.dataset.question = line.question;
  select.append(option('', words.none, line.column === ''));
  for (const c of choices.columns)
    select.append(option(c.header, c.required ? `${c.header} ${words.required}` : c.header, c.header === line.column));
  const custom = [line.question, line.column].filter(
    (v, k, all) => v !== '' && all.indexOf(v) === k && !choices.columns.some((c) => c.header === v),
  );
  for (const v of custom) select.append(option(v, words.own(v), v === line.column));
  select.addEventListener('change', checkMapping);
  cell.append(select);
  tr.append(question, cell);
  return tr;
}

function chosen(): Array<{ question: string; column: string }> {
  return [...document.querySelectorAll<HTMLSelectElement>('#rows select')].map((s) => ({
    question: s.dataset.question ?? '',
    column: s.value,
  }));
}

/**
 * The required columns left empty and any column chosen twice, said as the user changes the
 * choices (a hint: the server checks the mapping again, with the same words, before saving it).
 */
function checkMapping(): void {
  const picked = chosen()
    .map((m) => m.column)
    .filter((c) => c !== '');
  const twice = picked.filter((c, i) => picked.indexOf(c) !== i);
  const missing = (current?.columns ?? []).filter((c) => c.required && !picked.includes(c.header)).map((c) => c.header);
  $('missing').textContent = [
    ...[...new Set(twice)].map(words.twice),
    ...(missing.length ? [words.missing(missing.join(', '))] : []),
  ].join('\n');
  $<HTMLButtonElement>('connect').disabled = twice.length > 0 || !current || current.tab === '';
}

function show(choices: RegistrationChoices): void {
  current = choices;
  words = choices.lang === 'en' ? TEXT.en : TEXT.id;
  document.documentElement.lang = choices.lang;
  labels();
  const select = $<HTMLSelectElement>('tab');
  select.replaceChildren(...choices.tabs.map((t) => option(t, t, t === choices.tab)));
  $('tab-line').hidden = choices.tabs.length < 2;
  $('caption').textContent = words.caption(choices.mapping.length);
  $('rows').replaceChildren(...choices.mapping.map((line, i) => row(choices, line, i)));
  $('earlier').hidden = choices.problems.length === 0;
  $('earlier-title').textContent = words.earlier;
  $('earlier-list').replaceChildren(
    ...choices.problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      return li;
    }),
  );
  $('status').textContent = choices.tab === '' ? words.noTab : choices.connected ? words.connected : '';
  checkMapping();
  document.querySelector<HTMLSelectElement>('#rows select')?.focus();
}

/** While a save runs the choices are locked; afterwards Connect follows the choices again. */
function setSaving(saving: boolean): void {
  document.querySelectorAll<HTMLSelectElement>('#rows select, #tab').forEach((s) => (s.disabled = saving));
  if (saving) $<HTMLButtonElement>('connect').disabled = true;
  else if (current) checkMapping();
}

function failed(error: Error): void {
  $('status').textContent = words.failed(error.message);
  setSaving(false);
}

function load(tab?: string): void {
  $('status').textContent = words.loading;
  server.registrationChoices(tab === undefined ? undefined : { tab }).then(show, failed);
}

function connect(): void {
  if (!current || current.tab === '') return;
  setSaving(true);
  $('status').textContent = words.working;
  server.connectRegistration({ tab: current.tab, mapping: chosen() }).then((outcome) => {
    $('status').textContent = outcome.message;
    $('earlier').hidden = true;
    setSaving(false);
    $('close').focus();
  }, failed);
}

document.documentElement.lang = words === TEXT.en ? 'en' : 'id';
labels();
// Nothing to connect until the questions are there.
$<HTMLButtonElement>('connect').disabled = true;
$('tab').addEventListener('change', () => load($<HTMLSelectElement>('tab').value));
$('connect').addEventListener('click', connect);
$('close').addEventListener('click', () => google.script.host.close());
load();
