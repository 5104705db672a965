/**
 * The candidate's form (/form): the response tab's questions as a plain HTML form, standing in for
 * the Google Form candidates fill in. Sending it writes a response the way Google does, so the
 * add-on's form-submit trigger runs (when the form is connected) and the registration shows up on
 * `Kandidat`. The page is rendered here (every text escaped), has no external resources, and its
 * script (client/form.ts) only posts the answers and shows what happened.
 */
import { randomBytes } from 'node:crypto';
import { MAX_CELL_CHARS } from '../../emulator';
import { FORM_QUESTIONS, sampleAnswers, type FormQuestion } from '../demo-data/form';
import { createRng } from '../demo-data/rng';
import { buildWorld } from '../demo-data/world';
import type { PreviewSession } from './session';

/** A question of the page: the demo form's own definition, or a short answer guessed from its title. */
export interface PageQuestion extends FormQuestion {
  /** The field's id on the page. */
  id: string;
}

export interface FormInfo {
  /** Linked response tabs, in tab order. */
  tabs: string[];
  /** The one shown ('' when the spreadsheet has none). */
  tab: string;
  questions: PageQuestion[];
  connected: boolean;
  /** Responses on the tab now. */
  responses: number;
}

/** How a question the demo form does not have is shown, from its title. */
function guess(title: string): FormQuestion {
  if (/\b(unggah|upload|scan|pindai|lampir|berkas|foto)\b/i.test(title)) return { title, kind: 'file' };
  if (/\balamat\b|\baddress\b/i.test(title)) return { title, kind: 'paragraph' };
  if (/jenis kelamin|\bsex\b|\bgender\b/i.test(title))
    return { title, kind: 'choice', options: ['Laki-laki', 'Perempuan'] };
  if (/\bnik\b/i.test(title)) return { title, kind: 'short', inputMode: 'numeric' };
  if (/\b(hp|telepon|telp|whatsapp|wa|phone)\b/i.test(title)) return { title, kind: 'short', inputMode: 'tel' };
  if (/e-?mail/i.test(title)) return { title, kind: 'short', inputMode: 'email' };
  return { title, kind: 'short' };
}

export function formInfo(session: PreviewSession, wanted?: string | null): FormInfo {
  const tabs = session.formTabs();
  const tab = tabs.find((t) => t === wanted) ?? tabs[0] ?? '';
  const sheet = tab ? session.workbook.sheet(tab) : undefined;
  const header = (sheet?.values()[0] ?? []).map((h) => String(h));
  const questions = header
    .map((title, i) => ({ title, col: i + 1 }))
    .filter((q) => q.col > 1 && q.title.trim() !== '')
    .map(({ title }, i) => ({ ...(FORM_QUESTIONS.find((q) => q.title === title) ?? guess(title)), id: `q${i + 1}` }));
  return {
    tabs,
    tab,
    questions,
    connected: session.formConnected(),
    responses: sheet ? Math.max(0, sheet.lastRow() - 1) : 0,
  };
}

/**
 * The answers of a request, by question title, checked: only the tab's questions, text only, no
 * longer than a cell holds. A file question's answer is the chosen file's name: as Google does, the
 * response holds a Drive link instead (here a made-up one; nothing is uploaded anywhere).
 */
export function answersFrom(info: FormInfo, body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('Expected the answers as an object');
  const out: Record<string, string> = {};
  for (const [title, value] of Object.entries(body as Record<string, unknown>)) {
    const question = info.questions.find((q) => q.title === title);
    if (!question) throw new Error(`No question "${title}" on the ${info.tab} tab`);
    if (typeof value !== 'string') throw new Error(`The answer to "${title}" must be text`);
    if (value.length > MAX_CELL_CHARS) throw new Error(`The answer to "${title}" is longer than a cell holds`);
    if (value.trim() === '') continue;
    out[title] = question.kind === 'file' ? driveLink() : value;
  }
  return out;
}

function driveLink(): string {
  return `https://drive.google.com/open?id=1${randomBytes(24).toString('base64url').slice(0, 32)}`;
}

let samples = 0;

/** A realistic new respondent's answers for the tab's questions (the page's "Isi contoh"). */
export function sample(info: FormInfo): Record<string, string> {
  const answers = sampleAnswers(createRng(Date.now() % 2_147_483_647, `preview-sample:${samples++}`), buildWorld());
  const out: Record<string, string> = {};
  for (const q of info.questions) if (answers[q.title] !== undefined) out[q.title] = answers[q.title];
  return out;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function field(q: PageQuestion): string {
  const help = q.help ? `<p class="help" id="${q.id}-help">${esc(q.help)}</p>` : '';
  const described = q.help ? ` aria-describedby="${q.id}-help"` : '';
  const data = `data-question="${esc(q.title)}" data-kind="${q.kind}"`;
  if (q.kind === 'choice') {
    const options = (q.options ?? [])
      .map(
        (o, i) =>
          `<label class="choice"><input type="radio" name="${q.id}" id="${q.id}-${i}" value="${esc(o)}"> ${esc(o)}</label>`,
      )
      .join('');
    return `<fieldset class="q" ${data} id="${q.id}"${described}><legend>${esc(q.title)}</legend>${help}${options}</fieldset>`;
  }
  const label = `<label for="${q.id}">${esc(q.title)}</label>`;
  if (q.kind === 'paragraph')
    return `<div class="q" ${data}>${label}${help}<textarea id="${q.id}" rows="3"${described}></textarea></div>`;
  if (q.kind === 'file')
    return `<div class="q" ${data}>${label}${help}<input type="file" id="${q.id}" accept="image/*,application/pdf" aria-describedby="${q.help ? `${q.id}-help ` : ''}${q.id}-file"><p class="help" id="${q.id}-file">Pratinjau: berkas tidak diunggah ke mana pun; jawaban berisi tautan Google Drive contoh, seperti yang ditulis Google Formulir. <span lang="en">Preview: the file is not uploaded anywhere; the response holds a sample Google Drive link, as Google Forms writes one.</span></p></div>`;
  const list = q.suggestions?.length ? ` list="${q.id}-list"` : '';
  const datalist = q.suggestions?.length
    ? `<datalist id="${q.id}-list">${q.suggestions.map((s) => `<option value="${esc(s)}">`).join('')}</datalist>`
    : '';
  const mode = q.inputMode && q.inputMode !== 'text' ? ` inputmode="${q.inputMode}"` : '';
  const auto = ` autocomplete="${esc(q.autocomplete ?? 'off')}"`;
  // type="text" even for e-mail: as in a short-answer question without validation, anything typed is sent.
  return `<div class="q" ${data}>${label}${help}<input type="text" id="${q.id}"${mode}${auto}${list}${described}>${datalist}</div>`;
}

const STYLE = `
:root { color-scheme: light; --accent: #0b57d0; --ink: #1f1f1f; --muted: #5f6368; }
* { box-sizing: border-box; }
body { margin: 0; background: #f0ebf8; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); }
main { max-width: 720px; margin: 0 auto; padding: 16px; }
.card { background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 20px 24px; margin: 12px 0; }
.title { border-top: 10px solid #673ab7; }
h1 { font-size: 28px; font-weight: 400; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 0 0 8px; }
[lang="en"] { color: var(--muted); }
button [lang="en"] { color: inherit; }
p { margin: 6px 0; }
.status { padding: 10px 12px; border-radius: 6px; background: #fef7e0; border: 1px solid #f9ab00; }
.status.connected { background: #e6f4ea; border-color: #34a853; }
.q { border: 0; margin: 0 0 20px; padding: 0; min-inline-size: 0; }
.q label:not(.choice), .q legend { display: block; font-weight: 600; margin-bottom: 4px; padding: 0; }
.help { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
input[type="text"], textarea { width: 100%; font: inherit; padding: 8px 10px; border: 1px solid #80868b; border-radius: 4px; background: #fff; }
textarea { resize: vertical; }
.choice { display: block; padding: 4px 0; }
input[type="radio"] { width: 18px; height: 18px; vertical-align: -3px; margin-right: 6px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.buttons { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
button { font: inherit; padding: 8px 18px; border-radius: 4px; border: 1px solid #80868b; background: #fff; color: var(--accent); cursor: pointer; }
button.primary { background: #673ab7; border-color: #673ab7; color: #fff; font-weight: 600; }
button:disabled { opacity: .6; cursor: progress; }
#result:empty { padding: 0; margin: 0; border: 0; }
#result.ok { border-left: 6px solid #34a853; }
#result.waiting { border-left: 6px solid #f9ab00; }
#result.error { border-left: 6px solid #d93025; }
nav a, footer a { color: var(--accent); }
.tabs { display: flex; gap: 12px; flex-wrap: wrap; }
.tabs [aria-current] { font-weight: 700; }
`;

/** The whole page for `info` (its script reads the tab and the questions from the markup). */
export function formPageHtml(info: FormInfo, bookName: string): string {
  const head = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Formulir pendaftaran — ${esc(bookName)} (pratinjau)</title>
<style>${STYLE}</style>
</head>
<body>
<main>`;
  const back = `<footer class="card"><a href="/">← Kembali ke spreadsheet <span lang="en">(back to the spreadsheet)</span></a></footer>`;
  if (!info.tab)
    return `${head}
<div class="card title"><h1>Formulir pendaftaran</h1><p lang="en">Registration form</p>
<p>Spreadsheet <strong>${esc(bookName)}</strong> belum punya tab jawaban Google Formulir yang tertaut.</p>
<p lang="en">This spreadsheet has no linked Google Form response tab.</p></div>
${back}
</main>
</body>
</html>`;
  const tabs =
    info.tabs.length > 1
      ? `<nav class="card" aria-label="Formulir"><p>Formulir yang tertaut ke spreadsheet ini <span lang="en">(forms linked to this spreadsheet)</span>:</p><div class="tabs">${info.tabs
          .map((t) =>
            t === info.tab
              ? `<span aria-current="page">${esc(t)}</span>`
              : `<a href="/form?tab=${encodeURIComponent(t)}">${esc(t)}</a>`,
          )
          .join('')}</div></nav>`
      : '';
  // Both, one hidden: the page switches when a response finds the form connected or not.
  const status = `<p class="status connected" id="connected"${info.connected ? '' : ' hidden'}>Formulir terhubung ke add-on: setiap jawaban langsung diimpor ke tab Kandidat dan divalidasi. <span lang="en">The form is connected to the add-on: each response goes straight to the Kandidat tab and is validated.</span></p>
<p class="status" id="not-connected"${info.connected ? ' hidden' : ''}>Formulir belum dihubungkan ke add-on. Jawaban tetap tersimpan di tab <strong>${esc(info.tab)}</strong>, seperti di Google, dan diimpor ke Kandidat saat koordinator menjalankan <em>Hubungkan formulir pendaftaran</em> atau <em>Impor jawaban formulir</em>. <span lang="en">The form is not connected to the add-on yet. Responses still land on the ${esc(info.tab)} tab, as with Google, and are imported to Kandidat when the coordinator connects the form or imports its responses.</span></p>`;
  return `${head}
${tabs}
<div class="card title">
<h1>Formulir pendaftaran calon penyuluh sosial</h1>
<p lang="en">Registration form (the candidate's view)</p>
<p>Pratinjau formulir Google yang diisi kandidat. Jawaban masuk ke tab <strong>${esc(info.tab)}</strong> di spreadsheet <strong>${esc(bookName)}</strong> (${info.responses} jawaban sejauh ini). Isian tidak diperiksa di sini: add-on yang memeriksanya setelah impor.</p>
<p lang="en">A stand-in for the Google Form candidates fill in. Responses go to the ${esc(info.tab)} tab (${info.responses} so far). Nothing is checked here: the add-on checks the answers once imported.</p>
${status}
</div>
<form class="card" id="form" data-tab="${esc(info.tab)}" novalidate>
${info.questions.map(field).join('\n')}
<div class="buttons">
<button type="submit" class="primary" id="send">Kirim <span lang="en">/ Submit</span></button>
<button type="button" id="sample">Isi contoh <span lang="en">/ Fill in an example</span></button>
<button type="reset" id="clear">Kosongkan <span lang="en">/ Clear</span></button>
</div>
</form>
<section class="card" id="result" role="status" aria-live="polite" tabindex="-1"></section>
${back}
</main>
<noscript><p>Halaman ini memerlukan JavaScript. <span lang="en">This page needs JavaScript.</span></p></noscript>
<script src="/form.js"></script>
</body>
</html>`;
}
