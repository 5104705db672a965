/**
 * The scoring sidebar. Keyboard-first: a digit sets the focused criterion, Tab moves, Enter saves
 * and opens the next unscored candidate. What a panelist types is kept as a draft in the browser
 * until the server confirms it, so a failed call or a closed sidebar never loses it. Everything
 * from the sheet is inserted as text.
 */
import { SCORING_ENDPOINTS } from '../../core/endpoints';
import type {
  CandidateView,
  OwnScore,
  ScoringApi,
  ScoringContext,
  SubmitRequest,
  SubmitResponse,
} from '../../core/scoringApi';
import { outOfScale, roundTotal, weightedTotalOf } from '../../core/scale';
import { serverClient } from '../shared/server';
import { TEXT, type Words } from './text';
import { load, store } from '../shared/storage';

const server = serverClient<ScoringApi>(SCORING_ENDPOINTS);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const DECLARED_KEY = 'seleksi-fgd:declared';

let words: Words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;
let ctx: ScoringContext | null = null;
let currentId = '';
let busy = false;

const draftKey = (id: string) => `seleksi-fgd:draft:${ctx?.identity?.email ?? ''}:${id}`;

// ---- server calls ----
function loadContext(): void {
  $('message').textContent = words.loading;
  const declared = load(DECLARED_KEY) ?? undefined;
  // The language the form shows (the workbook's when the sidebar opened): the server need not read the setting.
  const lang = ctx?.lang ?? (document.body.dataset.lang === 'en' ? 'en' : 'id');
  server.scoringContext({ ...(declared ? { declaredEmail: declared } : {}), lang }).then(onContext, onContextFailed);
}

function onContextFailed(error: Error): void {
  showMessage(words.failed(error?.message || words.network));
}

function onContext(next: ScoringContext): void {
  ctx = next;
  words = next.lang === 'en' ? TEXT.en : TEXT.id;
  document.documentElement.lang = next.lang;
  staticLabels();
  showMessage(next.message);
  $('chooser').hidden = next.status !== 'choose';
  $('picker').hidden = next.status !== 'ok' || next.candidates.length === 0;
  $('form').hidden = next.status !== 'ok' || next.candidates.length === 0;
  renderIdentity();
  if (next.status === 'choose') renderChooser();
  if (next.status === 'ok') {
    renderVillages();
    openCandidate(currentId && find(currentId) ? currentId : nextUnscored(''));
  }
}

function showMessage(text: string): void {
  $('message').textContent = text;
}

function staticLabels(): void {
  const set = (id: string, text: string) => ($(id).textContent = text);
  set('heading', words.heading);
  set('choice-label', words.chooseLabel);
  set('choose', words.chooseButton);
  set('village-label', words.village);
  set('candidate-label', words.candidate);
  set('recused-label', words.recused);
  set('note-label', words.note);
  set('submit', words.submit);
  set('hint', words.hint);
}

// ---- identity ----
function renderIdentity(): void {
  const who = $('who');
  who.replaceChildren();
  if (!ctx?.identity) return;
  who.append(document.createTextNode(`${ctx.identity.name} · ${ctx.identity.region}`));
  if (ctx.identity.selfDeclared) {
    const tag = document.createElement('span');
    tag.className = 'muted';
    tag.textContent = ` ${words.selfDeclared} `;
    const reset = document.createElement('button');
    reset.type = 'button';
    reset.className = 'lang-switch';
    reset.textContent = words.notMe;
    reset.addEventListener('click', () => {
      store(DECLARED_KEY, null);
      loadContext();
    });
    who.append(tag, reset);
  }
  renderProgress();
}

function renderChooser(): void {
  const select = $<HTMLSelectElement>('choice');
  select.replaceChildren(...(ctx?.choices ?? []).map((p) => option(p.email, `${p.name} — ${p.region}`)));
  select.focus();
}

$('choose').addEventListener('click', () => {
  store(DECLARED_KEY, $<HTMLSelectElement>('choice').value);
  loadContext();
});

// ---- candidate list ----
function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

const find = (id: string): CandidateView | undefined => ctx?.candidates.find((c) => c.id === id);

function visible(): CandidateView[] {
  const village = $<HTMLSelectElement>('village').value;
  return (ctx?.candidates ?? []).filter((c) => !village || c.village === village);
}

function renderVillages(): void {
  const select = $<HTMLSelectElement>('village');
  const current = select.value;
  const villages = [...new Set((ctx?.candidates ?? []).map((c) => c.village))].sort((a, b) => a.localeCompare(b));
  select.replaceChildren(option('', words.allVillages), ...villages.map((v) => option(v, v)));
  select.value = villages.includes(current) ? current : '';
}

function renderCandidates(): void {
  const select = $<HTMLSelectElement>('candidate');
  select.replaceChildren(
    ...visible().map((c) => option(c.id, `${c.scored ? '✓' : '•'} ${c.id} · ${c.name} · ${c.village}`)),
  );
  select.value = currentId;
}

function renderProgress(): void {
  const all = ctx?.candidates ?? [];
  $('progress').textContent =
    ctx?.status === 'ok' ? words.progress(all.filter((c) => c.scored).length, all.length) : '';
}

/** The first unscored candidate after `afterId` in the visible list (wrapping), else the first one. */
function nextUnscored(afterId: string): string {
  const list = visible();
  const start = list.findIndex((c) => c.id === afterId);
  for (let i = 1; i <= list.length; i++) {
    const c = list[(start + i + list.length) % list.length];
    if (c && !c.scored && c.id !== afterId) return c.id;
  }
  return list[0]?.id ?? '';
}

$('village').addEventListener('change', () => openCandidate(nextUnscored('')));
$('candidate').addEventListener('change', () => openCandidate($<HTMLSelectElement>('candidate').value));

// ---- the form ----
function openCandidate(id: string): void {
  currentId = id;
  renderCandidates();
  renderProgress();
  const candidate = find(id);
  $('form').hidden = !candidate;
  if (!candidate) {
    showMessage(words.done);
    return;
  }
  $('candidate-title').textContent = `${candidate.id} — ${candidate.name}`;
  clearErrors();
  $('saved').textContent = '';
  const draft = readDraft(id);
  renderCriteria(draft ?? candidate.mine);
  $('draft-note').textContent = draft ? words.draftRestored : candidate.scored ? words.editing : '';
  focusFirst();
  if (!draft && candidate.scored && !candidate.mine) loadOwnScore(candidate);
}

/** The candidate whose earlier score is being fetched. */
let loadingFor = '';

/** A scored candidate reopened: fetch the panelist's own earlier score and fill the form with it. */
function loadOwnScore(candidate: CandidateView): void {
  loadingFor = candidate.id;
  $('draft-note').textContent = words.loadingMine;
  const declared = ctx?.identity?.selfDeclared ? ctx.identity.email : undefined;
  server
    .myScore({ candidateId: candidate.id, ...(declared ? { declaredEmail: declared } : {}) })
    .then(onOwnScore, onContextFailed);
}

function onOwnScore(mine: OwnScore | null): void {
  const candidate = find(loadingFor);
  if (!candidate) return;
  candidate.mine = mine;
  // Only if the panelist is still on this candidate and has not started typing.
  if (currentId !== candidate.id || readDraft(candidate.id)) return;
  renderCriteria(mine);
  $('draft-note').textContent = words.editing;
  focusFirst();
}

function renderCriteria(values: OwnScore | null): void {
  const box = $('criteria');
  box.replaceChildren();
  for (const c of ctx?.rubric ?? []) {
    const wrap = document.createElement('div');
    wrap.className = 'criterion';
    wrap.dataset.code = c.code;
    const head = document.createElement('div');
    head.className = 'criterion-head';
    const label = document.createElement('label');
    label.htmlFor = `score-${c.code}`;
    label.className = 'criterion-name';
    label.textContent = `${c.code} · ${c.name}`;
    const input = document.createElement('input');
    input.type = 'text';
    input.inputMode = 'numeric';
    input.id = `score-${c.code}`;
    input.autocomplete = 'off';
    input.setAttribute('aria-describedby', `guide-${c.code} error-${c.code}`);
    const value = values?.scores[c.code];
    input.value = value === null || value === undefined ? '' : String(value);
    input.addEventListener('keydown', (event) => digitSetsValue(event, input, c.max));
    input.addEventListener('input', () => changed(c.code));
    head.append(label, input);
    const scale = document.createElement('div');
    scale.className = 'scale';
    scale.textContent = words.scale(c.min, c.max);
    const guide = document.createElement('p');
    guide.className = 'guidance';
    guide.id = `guide-${c.code}`;
    guide.textContent = c.guidance;
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = `error-${c.code}`;
    error.setAttribute('role', 'alert');
    wrap.append(head, scale, guide, error);
    box.append(wrap);
  }
  $<HTMLInputElement>('recused').checked = values?.recused ?? false;
  $<HTMLTextAreaElement>('note').value = values?.note ?? '';
  applyRecusal();
  renderTotal();
}

/** On a one-digit scale a digit key replaces the value, so scoring is one key per criterion. */
function digitSetsValue(event: KeyboardEvent, input: HTMLInputElement, max: number): void {
  if (event.ctrlKey || event.metaKey || event.altKey || !/^[0-9]$/.test(event.key) || max >= 10) return;
  event.preventDefault();
  input.value = event.key;
  changed(input.id.slice('score-'.length));
}

/** As the panelist types: an impossible value is named next to its field at once, and the total follows. */
function changed(code?: string): void {
  const c = (ctx?.rubric ?? []).find((r) => r.code === code);
  if (c) {
    const text = $<HTMLInputElement>(`score-${c.code}`).value.trim();
    const problem = text === '' ? undefined : outOfScale(c, Number(text));
    setFieldError(c.code, problem ? problem[ctx?.lang ?? 'id'] : '');
  }
  renderTotal();
  saveDraft();
}

function renderTotal(): void {
  const values = currentValues();
  const rubric = ctx?.rubric ?? [];
  const complete = rubric.length > 0 && rubric.every((c) => !outOfScale(c, values.scores[c.code]));
  const total = complete ? roundTotal(weightedTotalOf(rubric, (code) => values.scores[code] as number)) : undefined;
  $('total').textContent = values.recused ? '' : words.total(total);
}

function focusFirst(): void {
  const first = document.querySelector<HTMLInputElement>('#criteria input');
  if (first && !$<HTMLInputElement>('recused').checked) first.focus();
  else $<HTMLInputElement>('recused').focus();
}

function applyRecusal(): void {
  const recused = $<HTMLInputElement>('recused').checked;
  document.querySelectorAll<HTMLInputElement>('#criteria input').forEach((input) => (input.disabled = recused));
}

$('recused').addEventListener('change', () => {
  applyRecusal();
  renderTotal();
  saveDraft();
});
$('note').addEventListener('input', () => {
  $('note-error').textContent = '';
  saveDraft();
});
$('note').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    submit();
  }
});

function currentValues(): OwnScore {
  const scores: Record<string, number | null> = {};
  for (const c of ctx?.rubric ?? []) {
    const text = $<HTMLInputElement>(`score-${c.code}`).value.trim();
    scores[c.code] = text === '' ? null : Number(text);
  }
  return { scores, recused: $<HTMLInputElement>('recused').checked, note: $<HTMLTextAreaElement>('note').value };
}

function saveDraft(): void {
  if (currentId) store(draftKey(currentId), JSON.stringify(currentValues()));
}

function readDraft(id: string): OwnScore | null {
  const text = load(draftKey(id));
  if (!text) return null;
  try {
    return JSON.parse(text) as OwnScore;
  } catch {
    return null;
  }
}

function setFieldError(code: string, message: string): void {
  const error = document.getElementById(`error-${code}`);
  if (!error) return;
  error.textContent = message;
  const input = document.getElementById(`score-${code}`);
  if (message) input?.setAttribute('aria-invalid', 'true');
  else input?.removeAttribute('aria-invalid');
  error.parentElement?.classList.toggle('invalid', message !== '');
}

function clearErrors(): void {
  for (const c of ctx?.rubric ?? []) setFieldError(c.code, '');
  $('note-error').textContent = '';
  $('form-error').textContent = '';
}

/** Local check first: the same rule the server applies, so most mistakes never leave the form. */
function localProblems(values: OwnScore): Array<{ code: string; message: string }> {
  if (values.recused) return [];
  const lang = ctx?.lang ?? 'id';
  return (ctx?.rubric ?? []).flatMap((c) => {
    const problem = outOfScale(c, values.scores[c.code]);
    return problem ? [{ code: c.code, message: problem[lang] }] : [];
  });
}

function setBusy(on: boolean): void {
  busy = on;
  const button = $<HTMLButtonElement>('submit');
  button.disabled = on;
  button.textContent = on ? words.saving : words.submit;
}

function submit(): void {
  if (busy || !currentId) return;
  clearErrors();
  const values = currentValues();
  const problems = localProblems(values);
  if (problems.length) {
    problems.forEach((p) => setFieldError(p.code, p.message));
    $<HTMLInputElement>(`score-${problems[0].code}`).focus();
    return;
  }
  setBusy(true);
  const declared = ctx?.identity?.selfDeclared ? ctx.identity.email : undefined;
  const request: SubmitRequest = {
    candidateId: currentId,
    scores: values.scores,
    recused: values.recused,
    note: values.note,
    ...(declared ? { declaredEmail: declared } : {}),
    ...(ctx ? { lang: ctx.lang } : {}),
  };
  server.submitScore(request).then(onSubmitted, onSubmitFailed);
}

function onSubmitted(response: SubmitResponse): void {
  setBusy(false);
  if (!response.ok) {
    if (response.field === 'note') $('note-error').textContent = response.message;
    else if (response.field) setFieldError(response.field, response.message);
    else $('form-error').textContent = response.message;
    return;
  }
  const candidate = find(response.candidateId);
  if (candidate) {
    candidate.mine = response.mine;
    candidate.scored = true;
  }
  store(draftKey(response.candidateId), null);
  const next = nextUnscored(response.candidateId);
  const message = words.saved(clockTime(response.savedAt), response.replaced);
  openCandidate(next);
  $('saved').textContent = `${response.candidateId}: ${message}`;
}

/**
 * "07.08" (Indonesian) or "07:08" (English): the save time as the sheet records it, in the
 * spreadsheet's time zone; the computer's own zone if the browser does not know that one.
 */
function clockTime(ms: number): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: ctx?.timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', options);
  }
  const part = (type: string) => format.formatToParts(new Date(ms)).find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}${ctx?.lang === 'en' ? ':' : '.'}${part('minute')}`;
}

function onSubmitFailed(error: Error): void {
  setBusy(false);
  $('form-error').textContent = words.failed(error?.message || words.network);
}

$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});

staticLabels();
loadContext();
