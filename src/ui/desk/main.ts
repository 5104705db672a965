/**
 * The verification desk. Keyboard-first like the scoring form: Tab moves between the documents
 * and the decision, a letter sets the focused one (A/T/B, N/M/T), Enter saves and opens the next
 * candidate not yet checked. The queue (ID, status, regency, village, checked) is loaded once and
 * kept here; each candidate is fetched on its own. What the verifier enters is kept as a draft in
 * the browser until the server confirms it, so a dropped connection or a closed sidebar never
 * loses it. Everything from the sheet is inserted as text; only https Google Drive/Docs addresses
 * become links.
 */
import {
  COMMON_REASONS,
  type QueueItem,
  type QueueScope,
  deskQueue,
  isDriveUrl,
  nextToCheck,
  reasonText,
} from '../../core/desk';
import type { DeskApi, DeskCandidate, DeskQueue, DocumentState, SaveRequest, SaveResponse } from '../../core/deskApi';
import { DESK_ENDPOINTS } from '../../core/endpoints';
import { serverClient } from '../shared/server';
import { TEXT, type Words } from './text';
import { load, store } from '../shared/storage';

const server = serverClient<DeskApi>(DESK_ENDPOINTS);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const STATES: DocumentState[] = ['Ada', 'Tidak ada', 'Belum dicek'];
const STATE_KEYS: Record<string, DocumentState> = { a: 'Ada', t: 'Tidak ada', b: 'Belum dicek' };
const DECISIONS = ['', 'MS', 'TMS'] as const;
const DECISION_KEYS: Record<string, (typeof DECISIONS)[number]> = { n: '', m: 'MS', t: 'TMS' };

let words: Words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;
let queue: DeskQueue | null = null;
let current: DeskCandidate | null = null;
let currentId = '';
/** The stamp of the row as loaded: sent with the save, so a save in between is never overwritten silently. */
let loadedStamp = '';
let busy = false;
/** Statuses the saves of this session produced, shown in the list (the walk keeps the opening order). */
const statusNow = new Map<string, string>();

interface Draft {
  documents: Record<string, DocumentState>;
  decision: string;
  choice: string;
  free: string;
  stamp: string;
}
/** Per verifier and candidate, so two people sharing a browser never restore each other's entries. */
const draftKey = (id: string) => `seleksi-fgd:desk-draft:${queue?.verifier?.label ?? ''}:${id}`;

function readDraft(id: string): Draft | null {
  const text = load(draftKey(id));
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as Draft;
    return draft && typeof draft.documents === 'object' ? draft : null;
  } catch {
    return null;
  }
}

function saveDraft(): void {
  if (current) store(draftKey(current.id), JSON.stringify({ ...formValues(), stamp: loadedStamp }));
}

// ---- words ----
function setLang(lang: 'id' | 'en'): void {
  words = lang === 'en' ? TEXT.en : TEXT.id;
  document.documentElement.lang = lang;
  document.title = words.title;
  const set = (id: string, text: string) => ($(id).textContent = text);
  set('heading', words.heading);
  set('name-label', words.nameLabel);
  set('name-save', words.nameSave);
  set('scope-label', words.scope);
  set('regency-label', words.regency);
  set('village-label', words.village);
  set('candidate-label', words.candidate);
  set('nik-label', words.nik);
  set('reveal', words.reveal);
  set('findings-heading', words.findings);
  set('documents-heading', words.documents);
  set('links-heading', words.links);
  set('decision-legend', words.decision);
  set('reason-choice-label', words.reasonChoice);
  set('reason-label', words.reasonFree);
  set('conflict-heading', words.conflict);
  set('submit', words.submit);
  set('hint', words.hint);
  const scope = $<HTMLSelectElement>('scope');
  const chosen = scope.value || 'review';
  scope.replaceChildren(option('review', words.scopeReview), option('all', words.scopeAll));
  scope.value = chosen;
  $<HTMLSelectElement>('reason-choice').replaceChildren(
    option('', words.reasonPick),
    ...COMMON_REASONS.map((r) => option(r[lang], r[lang])),
  );
  renderDecisionChoices();
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function showMessage(text: string): void {
  $('message').textContent = text;
}

// ---- the queue ----
function loadQueue(): void {
  showMessage(words.loading);
  server
    .deskQueue(queue ? { lang: queue.lang } : {})
    .then(onQueue, (e: Error) => showMessage(words.loadFailed(e?.message || words.network)));
}

function onQueue(next: DeskQueue): void {
  queue = next;
  setLang(next.lang);
  showMessage(next.message);
  $('naming').hidden = next.status !== 'name';
  $('filters').hidden = next.status !== 'ok';
  $('form').hidden = true;
  renderWho();
  if (next.status === 'name') $('name').focus();
  if (next.status !== 'ok') return;
  renderFilters();
  openCandidate(firstToCheck());
}

function renderWho(): void {
  const who = $('who');
  who.textContent = queue?.verifier?.label ?? '';
}

function scope(): QueueScope {
  return $<HTMLSelectElement>('scope').value === 'all' ? 'all' : 'review';
}

/** The queue under the scope and regency only (the choices of the village filter). */
function inRegency(): QueueItem[] {
  return deskQueue(queue?.items ?? [], { scope: scope(), regency: $<HTMLSelectElement>('regency').value });
}

function visible(): QueueItem[] {
  return deskQueue(queue?.items ?? [], {
    scope: scope(),
    regency: $<HTMLSelectElement>('regency').value,
    village: $<HTMLSelectElement>('village').value,
  });
}

function fillSelect(id: string, all: string, values: string[]): void {
  const select = $<HTMLSelectElement>(id);
  const chosen = select.value;
  const distinct = [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
  select.replaceChildren(option('', all), ...distinct.map((v) => option(v, v)));
  select.value = distinct.includes(chosen) ? chosen : '';
}

function renderFilters(): void {
  fillSelect(
    'regency',
    words.allRegencies,
    deskQueue(queue?.items ?? [], { scope: scope() }).map((q) => q.regency),
  );
  fillSelect(
    'village',
    words.allVillages,
    inRegency().map((q) => q.village),
  );
  renderCandidates();
}

function renderCandidates(): void {
  const select = $<HTMLSelectElement>('candidate');
  select.replaceChildren(
    ...visible().map((q) =>
      option(q.id, `${q.checked ? '✓' : '•'} ${q.id} · ${statusNow.get(q.id) ?? (q.status || '—')} · ${q.village}`),
    ),
  );
  select.value = currentId;
  renderProgress();
}

function renderProgress(): void {
  const list = visible();
  $('progress').textContent =
    queue?.status === 'ok' ? words.progress(list.filter((q) => q.checked).length, list.length) : '';
}

function firstToCheck(): string {
  const list = visible();
  return nextToCheck(list, '') || '';
}

for (const id of ['scope', 'regency', 'village'])
  $(id).addEventListener('change', () => {
    renderFilters();
    const list = visible();
    if (list.length === 0) {
      closeForm(words.empty);
      return;
    }
    const next = firstToCheck();
    if (next) openCandidate(next);
    else closeForm(words.done);
  });
$('candidate').addEventListener('change', () => openCandidate($<HTMLSelectElement>('candidate').value));

function closeForm(message: string): void {
  current = null;
  currentId = '';
  $('form').hidden = true;
  renderCandidates();
  showMessage(message);
}

// ---- identity (Google gave no email) ----
$('name-save').addEventListener('click', submitName);
$('name').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    submitName();
  }
});

function submitName(): void {
  const name = $<HTMLInputElement>('name').value.trim();
  $('name-error').textContent = '';
  if (!name) {
    $('name-error').textContent = words.nameLabel;
    return;
  }
  server
    .deskSetName({ name, ...(queue ? { lang: queue.lang } : {}) })
    .then(onQueue, (e: Error) => ($('name-error').textContent = e?.message || words.network));
}

// ---- one candidate ----
function openCandidate(id: string): void {
  if (!id) {
    closeForm(visible().length ? words.done : words.empty);
    return;
  }
  currentId = id;
  renderCandidates();
  showMessage(words.loadingCandidate);
  server.deskCandidate({ id, ...(queue ? { lang: queue.lang } : {}) }).then(
    (c) => {
      if (currentId === id) onCandidate(c);
    },
    (e: Error) => {
      if (currentId === id) showMessage(words.loadFailed(e?.message || words.network));
    },
  );
}

function onCandidate(c: DeskCandidate): void {
  current = c;
  showMessage('');
  $('form').hidden = false;
  $('conflict').hidden = true;
  $('form-error').textContent = '';
  $('reason-error').textContent = '';
  $('title').textContent = `${c.id} — ${c.name}`;
  $('place').textContent = words.place(c.village, c.district, c.regency);
  $('nik').textContent = c.maskedNik;
  $('reveal').hidden = false;
  $('reveal').title = words.revealNote;
  $('status').textContent = words.status(c.status);
  $('checked').textContent =
    c.verifiedBy || c.verifiedAt ? words.lastChecked(c.verifiedBy || '?', c.verifiedAt || '?') : '';
  renderFindings(c);
  renderLinks(c);
  const draft = readDraft(c.id);
  loadedStamp = draft ? draft.stamp : c.stamp;
  if (draft) fillForm(c, draft);
  else fillForm(c, fromCandidate(c));
  $('draft-note').textContent = draft ? words.draftRestored : '';
  const first = document.querySelector<HTMLInputElement>('#documents input:checked, #decision input:checked');
  first?.focus();
}

function renderFindings(c: DeskCandidate): void {
  const list = $('findings');
  list.replaceChildren();
  if (c.findings.length === 0) {
    const li = document.createElement('li');
    li.textContent = words.noFindings;
    list.append(li);
    return;
  }
  for (const f of c.findings) {
    const li = document.createElement('li');
    li.className = f.severity;
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = `${words.severity[f.severity]}: `;
    li.append(sev, document.createTextNode(f.text));
    list.append(li);
  }
}

function renderLinks(c: DeskCandidate): void {
  const list = $('links');
  list.replaceChildren();
  for (const cell of c.links) {
    const li = document.createElement('li');
    li.append(document.createTextNode(`${cell.column}: `));
    for (const part of cell.parts) {
      // Checked here too: the page never trusts a link it did not check itself.
      if (part.url && isDriveUrl(part.url)) {
        const a = document.createElement('a');
        a.href = part.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = part.text;
        li.append(a);
      } else li.append(document.createTextNode(part.text));
    }
    list.append(li);
  }
  $('links-box').hidden = c.links.length === 0;
}

/** What the row says, as form values: the reason split into a common one and the rest. */
function fromCandidate(c: DeskCandidate): Omit<Draft, 'stamp'> {
  const lang = queue?.lang ?? 'id';
  const common = COMMON_REASONS.map((r) => r[lang]).find((r) => c.reason === r || c.reason.startsWith(`${r}: `));
  return {
    documents: Object.fromEntries(c.checklist.map((d) => [d.name, d.state])),
    decision: c.decision === 'MS' || c.decision === 'TMS' ? c.decision : '',
    choice: common ?? '',
    free: common ? c.reason.slice(common.length).replace(/^:\s*/, '') : c.reason,
  };
}

function fillForm(c: DeskCandidate, values: Omit<Draft, 'stamp'>): void {
  const box = $('documents');
  box.replaceChildren();
  if (c.checklist.length === 0) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = words.noDocuments;
    box.append(p);
  }
  c.checklist.forEach((doc, i) => {
    const set = document.createElement('fieldset');
    set.className = 'doc';
    set.dataset.name = doc.name;
    const legend = document.createElement('legend');
    legend.textContent = doc.name;
    const choices = document.createElement('div');
    choices.className = 'choices';
    const state = values.documents[doc.name] ?? doc.state;
    for (const s of STATES) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = `doc-${i}`;
      input.value = s;
      input.checked = s === state;
      input.addEventListener('change', changed);
      input.addEventListener('keydown', (event) => letterSets(event, `doc-${i}`, STATE_KEYS));
      label.append(input, document.createTextNode(` ${words.states[s]}`));
      choices.append(label);
    }
    set.append(legend, choices);
    box.append(set);
  });
  setDecision(values.decision);
  const choice = $<HTMLSelectElement>('reason-choice');
  choice.value = values.choice;
  if (choice.value !== values.choice) choice.value = '';
  $<HTMLTextAreaElement>('reason').value =
    choice.value === values.choice ? values.free : reasonText(values.choice, values.free);
  markMissing();
}

function renderDecisionChoices(): void {
  const box = $('decision-choices');
  const chosen = document.querySelector<HTMLInputElement>('input[name=decision]:checked')?.value ?? '';
  box.replaceChildren();
  for (const d of DECISIONS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'decision';
    input.value = d;
    input.checked = d === chosen;
    input.addEventListener('change', changed);
    input.addEventListener('keydown', (event) => letterSets(event, 'decision', DECISION_KEYS));
    label.append(input, document.createTextNode(` ${d || words.noDecision}`));
    box.append(label);
  }
}

function setDecision(value: string): void {
  document.querySelectorAll<HTMLInputElement>('input[name=decision]').forEach((i) => (i.checked = i.value === value));
}

/** A letter key on a focused radio group picks that choice (the keyboard shortcut of the hint). */
function letterSets(event: KeyboardEvent, name: string, keys: Record<string, string>): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const value = keys[event.key.toLowerCase()];
  if (value === undefined) return;
  event.preventDefault();
  const target = document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (!target) return;
  target.checked = true;
  target.focus();
  changed();
}

function formValues(): Omit<Draft, 'stamp'> {
  const documents: Record<string, DocumentState> = {};
  document.querySelectorAll<HTMLFieldSetElement>('#documents fieldset.doc').forEach((set) => {
    const checked = set.querySelector<HTMLInputElement>('input:checked');
    documents[set.dataset.name ?? ''] = (checked?.value as DocumentState) ?? 'Belum dicek';
  });
  return {
    documents,
    decision: document.querySelector<HTMLInputElement>('input[name=decision]:checked')?.value ?? '',
    choice: $<HTMLSelectElement>('reason-choice').value,
    free: $<HTMLTextAreaElement>('reason').value,
  };
}

function missingOf(values: Omit<Draft, 'stamp'>): string[] {
  return Object.entries(values.documents)
    .filter(([, s]) => s === 'Tidak ada')
    .map(([name]) => name);
}

function markMissing(): void {
  document.querySelectorAll<HTMLFieldSetElement>('#documents fieldset.doc').forEach((set) => {
    set.classList.toggle('missing', set.querySelector<HTMLInputElement>('input:checked')?.value === 'Tidak ada');
  });
}

function changed(): void {
  markMissing();
  $('reason-error').textContent = '';
  saveDraft();
}

$('reason-choice').addEventListener('change', changed);
$('reason').addEventListener('input', changed);
$('reason').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    submit();
  }
});

// Enter saves from anywhere in the form but the remarks (a new line there) and the buttons (their own action).
$('form').addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  event.preventDefault();
  submit();
});
$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});

$('reveal').addEventListener('click', () => {
  if (!current) return;
  const id = current.id;
  server.deskRevealNik({ id, ...(queue ? { lang: queue.lang } : {}) }).then(
    (nik) => {
      if (current?.id !== id) return;
      $('nik').textContent = nik;
      $('reveal').hidden = true;
    },
    (e: Error) => ($('form-error').textContent = words.loadFailed(e?.message || words.network)),
  );
});

// ---- saving ----
function setBusy(on: boolean): void {
  busy = on;
  const button = $<HTMLButtonElement>('submit');
  button.disabled = on;
  button.textContent = on ? words.saving : words.submit;
}

function submit(): void {
  if (busy || !current) return;
  $('form-error').textContent = '';
  $('reason-error').textContent = '';
  const values = formValues();
  const reason = reasonText(values.choice, values.free);
  if (values.decision && !reason) {
    $('reason-error').textContent = words.reasonRequired;
    $('reason-choice').focus();
    return;
  }
  const missing = missingOf(values);
  if (values.decision === 'MS' && missing.length) {
    $('form-error').textContent = words.msWithMissing(missing.join(', '));
    return;
  }
  setBusy(true);
  const request: SaveRequest = {
    id: current.id,
    documents: values.documents,
    decision: values.decision as SaveRequest['decision'],
    reason,
    stamp: loadedStamp,
    ...(queue ? { lang: queue.lang } : {}),
  };
  server.deskSave(request).then(onSaved, onSaveFailed);
}

function onSaved(response: SaveResponse): void {
  setBusy(false);
  if (!response.ok) {
    if (response.field === 'reason') $('reason-error').textContent = response.message;
    else $('form-error').textContent = response.message;
    if (response.conflict) showConflict(response.conflict);
    return;
  }
  const saved = response.candidate;
  store(draftKey(saved.id), null);
  // The queue keeps each candidate where it was when the desk opened (its order and the progress stay
  // put); the list shows the status the save produced.
  const item = queue?.items.find((q) => q.id === saved.id);
  if (item) item.checked = true;
  statusNow.set(saved.id, saved.status);
  const next = nextToCheck(visible(), saved.id);
  openCandidate(next);
  $('saved').textContent = response.message;
}

/** Another verifier saved first: show what the row holds now; the form keeps this verifier's entries. */
function showConflict(c: DeskCandidate): void {
  loadedStamp = c.stamp;
  saveDraft();
  const list = $('conflict-list');
  list.replaceChildren();
  const rows: Array<[string, string]> = [
    [words.currentBy, `${c.verifiedBy || '?'} · ${c.verifiedAt || '?'}`],
    [words.currentDocuments, c.checklist.map((d) => `${d.name}: ${words.states[d.state]}`).join('; ')],
    [words.currentDecision, c.decision ? `${c.decision} — ${c.reason}` : '—'],
    ['Status Administrasi', c.status || '—'],
  ];
  for (const [term, detail] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = detail;
    list.append(dt, dd);
  }
  $('conflict').hidden = false;
}

function onSaveFailed(error: Error): void {
  setBusy(false);
  $('form-error').textContent = words.failed(error?.message || words.network);
}

setLang(document.body.dataset.lang === 'en' ? 'en' : 'id');
loadQueue();
