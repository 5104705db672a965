/**
 * The spreadsheet page: top bar (file name, menus, user switcher, download/upload), the grid of the
 * active tab, the tab bar, toasts, alerts/prompts, sidebars and dialogs. All sheet text goes in with
 * textContent. Talks to the server in api.ts.
 */
import type { MenuEntry, MenuRecord } from '../../../emulator';
import type { Answer, FormOutcome, Outcome, Question } from '../session';
import type { BookView, SheetView } from '../view';
import { renderChart, type Placed } from './charts';
import { renderGrid, type GridHandle } from './grid';

interface State {
  book: BookView;
  menu: MenuRecord | null;
  user: string;
  users: Array<{ email: string; label: string }>;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ADDON_NAME = 'Seleksi & FGD';
const PAGE_ROWS = 500;

let state: State;
let view: SheetView | null = null;
let rowLimit = PAGE_ROWS;
let grid: GridHandle | null = null;
let busy = 0;

/** Where a tab was left: its scroll, selected cell and rows loaded. */
interface Place {
  top: number;
  left: number;
  rows: number;
  selection?: { row: number; col: number };
}
/**
 * Each tab's place by sheet id, as Sheets keeps one per tab: coming back to a tab shows it as it
 * was left, and a tab shown for the first time (a new one, or one an action rebuilt) starts at A1.
 */
const places = new Map<number, Place>();
const TOP_LEFT: Place = { top: 0, left: 0, rows: PAGE_ROWS };
/** Counts calls to show(): only the latest one draws. */
let shows = 0;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}

function setBusy(delta: number, label = ''): void {
  busy += delta;
  document.body.classList.toggle('busy', busy > 0);
  document.body.dataset.busy = busy > 0 ? '1' : '0';
  $('status').textContent = busy > 0 ? label : '';
}

// ------------------------------------------------------------------ state, tabs, users

/**
 * Shows `next` (the server's state after anything ran, or the tab the user clicked): fetches its
 * active tab, then draws the top bar, the tab bar and the grid in one go, so the tab bar never
 * highlights a tab (or lists a new one) that the grid is not showing yet. When calls overlap, only
 * the one made last draws.
 */
async function show(next: State): Promise<void> {
  const ticket = ++shows;
  const name = next.book.active;
  const rows = rowsToLoad(next.book.tabs.find((t) => t.name === name)?.id);
  const sheet = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}&rows=${rows}`);
  if (ticket !== shows) return;
  applyState(next);
  drawSheet(sheet);
}

/** As many rows as the tab has loaded now, or had when it was left. */
function rowsToLoad(id: number | undefined): number {
  if (id === view?.id) return rowLimit;
  return (id !== undefined ? places.get(id)?.rows : undefined) ?? PAGE_ROWS;
}

/** Forgets every tab's place (a new workbook was uploaded). */
function forgetPlaces(): void {
  places.clear();
  view = null;
}

function applyState(next: State): void {
  state = next;
  $('file-name').textContent = state.book.name;
  document.title = `${state.book.name} — Google Sheets (pratinjau)`;
  const select = $<HTMLSelectElement>('user');
  select.replaceChildren(
    ...state.users.map((u) => {
      const option = document.createElement('option');
      option.value = u.email;
      option.textContent = u.label;
      return option;
    }),
  );
  select.value = state.user;
  // The candidate's form, when a Google Form writes to one of the tabs.
  $('form-link').hidden = !state.book.tabs.some((t) => t.form);
  renderTabs();
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...state.book.tabs
      .filter((t) => !t.hidden)
      .map((t) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `tab${t.name === state.book.active ? ' active' : ''}`;
        button.textContent = t.name;
        button.dataset.tab = t.name;
        if (t.color) button.style.borderBottomColor = t.color;
        button.addEventListener('click', () => void openTab(t.name));
        return button;
      }),
  );
  tabs.querySelector('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

async function openTab(name: string): Promise<void> {
  void api('/api/active', { sheet: name });
  await show({ ...state, book: { ...state.book, active: name } });
}

/** Where the user is in the tab on screen now. */
function placeNow(): Place {
  const scroller = $('grid-scroll');
  return { top: scroller.scrollTop, left: scroller.scrollLeft, rows: rowLimit, selection: grid?.selection() };
}

/**
 * Draws a tab in the grid. Redrawing the tab on screen keeps the user's place in it; drawing
 * another tab remembers the place in the one left and goes back to the new one's own place.
 */
function drawSheet(next: SheetView): void {
  const scroller = $('grid-scroll');
  const same = view?.id === next.id;
  if (view && !same) places.set(view.id, placeNow());
  const place = same ? placeNow() : (places.get(next.id) ?? TOP_LEFT);
  view = next;
  rowLimit = place.rows;
  grid = renderGrid(scroller, $('grid') as HTMLTableElement, next, { onEdit: editCell, onSelect: showCell });
  const placed: Placed[] = [];
  for (const chart of next.charts) renderChart(scroller, grid, chart, placed);
  $('more').hidden = next.shownRows >= next.totalRows;
  $('more-text').textContent = `Menampilkan ${next.shownRows} dari ${next.totalRows} baris.`;
  // As in Sheets, a cell is always selected: A1 in a tab shown for the first time.
  const selection = place.selection ?? { row: 1, col: 1 };
  grid.select(selection.row, selection.col);
  scroller.scrollTop = place.top;
  scroller.scrollLeft = place.left;
  document.body.dataset.sheet = next.name;
}

function showCell(row: number, col: number, text: string): void {
  $('cell-ref').textContent = `${view?.columns[col - 1] ?? ''}${row}`;
  $('cell-content').textContent = text;
}

async function editCell(a1: string, value: string | boolean): Promise<void> {
  if (!view) return;
  setBusy(1, 'Menyimpan…');
  try {
    const result = await api<State & { outcome: Outcome }>('/api/edit', { sheet: view.name, a1, value });
    await show(result);
    showOutcome(result.outcome);
  } catch (error) {
    await showAlert({
      kind: 'alert',
      title: 'Tidak tersimpan',
      prompt: String(error instanceof Error ? error.message : error),
      buttons: 'OK',
    });
  } finally {
    setBusy(-1);
  }
}

// ------------------------------------------------------------------ menus

function closeMenus(): void {
  for (const id of ['file-menu', 'ext-menu']) $(id).hidden = true;
  document.querySelectorAll('.menu-button.open').forEach((b) => b.classList.remove('open'));
  document.querySelectorAll('.menu .submenu').forEach((s) => s.remove());
}

function menuButton(label: string, onClick: () => void, arrow = false): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  const text = document.createElement('span');
  text.textContent = label;
  button.append(text);
  if (arrow) {
    const mark = document.createElement('span');
    mark.textContent = '▸';
    button.append(mark);
  }
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return button;
}

function fillMenu(menu: HTMLElement, entries: MenuEntry[]): void {
  menu.replaceChildren(
    ...entries.map((entry) => {
      if (entry.type === 'separator') return document.createElement('hr');
      if (entry.type === 'submenu') {
        const button = menuButton(entry.title, () => openSubmenu(button, entry.items), true);
        button.addEventListener('mouseenter', () => openSubmenu(button, entry.items));
        return button;
      }
      const button = menuButton(entry.label, () => {
        closeMenus();
        void runMenu(entry.functionName, entry.label);
      });
      button.dataset.fn = entry.functionName;
      return button;
    }),
  );
}

function openSubmenu(anchor: HTMLElement, entries: MenuEntry[]): void {
  const parent = anchor.parentElement!;
  parent.querySelectorAll(':scope > .submenu').forEach((s) => s.remove());
  parent.querySelectorAll(':scope > button.open').forEach((b) => b.classList.remove('open'));
  anchor.classList.add('open');
  const sub = document.createElement('div');
  sub.className = 'menu submenu';
  sub.id = 'addon-menu';
  fillMenu(sub, entries);
  const rect = anchor.getBoundingClientRect();
  sub.style.left = `${rect.right}px`;
  sub.style.top = `${rect.top - 6}px`;
  parent.append(sub);
}

function openMenu(button: HTMLElement, menu: HTMLElement, entries: MenuEntry[]): void {
  const wasOpen = !menu.hidden;
  closeMenus();
  if (wasOpen) return;
  fillMenu(menu, entries);
  const rect = button.getBoundingClientRect();
  menu.style.left = `${rect.left}px`;
  menu.style.top = `${rect.bottom + 2}px`;
  menu.hidden = false;
  button.classList.add('open');
}

function extensionsEntries(): MenuEntry[] {
  const addon = state.menu;
  if (!addon) return [{ type: 'item', label: '(add-on tidak membuat menu)', functionName: '' }];
  return [{ type: 'submenu', title: addon.title || ADDON_NAME, items: addon.items }];
}

// ------------------------------------------------------------------ running menu items

async function runMenu(functionName: string, label: string, answers: Answer[] = []): Promise<void> {
  if (!functionName) return;
  setBusy(1, `Menjalankan: ${label}…`);
  let result: State & { outcome: Outcome };
  try {
    result = await api<State & { outcome: Outcome }>('/api/run', { fn: functionName, answers });
    // Busy until the page shows the result, so that "not busy" means "up to date".
    if (!result.outcome.pending) await show(result);
  } catch (error) {
    setBusy(-1);
    await showAlert({
      kind: 'alert',
      title: 'Gagal menjalankan',
      prompt: String(error instanceof Error ? error.message : error),
      buttons: 'OK',
    });
    return;
  }
  setBusy(-1);
  const { outcome } = result;
  if (outcome.pending) {
    const answer = await showAlert(outcome.pending);
    return runMenu(functionName, label, [...answers, answer]);
  }
  await showOutcome(outcome);
}

async function showOutcome(outcome: Outcome): Promise<void> {
  for (const toast of outcome.toasts) showToast(toast.title, toast.message, toast.timeout);
  for (const frame of outcome.frames) {
    if (frame.kind === 'sidebar') openSidebar(frame);
    else openDialog(frame);
  }
  if (outcome.error) await showAlert({ kind: 'alert', title: 'Kesalahan skrip', prompt: outcome.error, buttons: 'OK' });
  for (const alert of outcome.alerts)
    await showAlert({ kind: 'alert', title: alert.title, prompt: alert.prompt, buttons: 'OK' });
}

// ------------------------------------------------------------------ toasts, alerts, prompts

function showToast(title: string, message: string, timeout: number): void {
  const toast = document.createElement('div');
  toast.className = 'toast';
  if (title) {
    const strong = document.createElement('strong');
    strong.textContent = title;
    toast.append(strong);
  }
  const text = document.createElement('span');
  text.textContent = message;
  toast.append(text);
  // Like Sheets, a new toast replaces the one on screen.
  $('toasts').replaceChildren(toast);
  const seconds = timeout > 0 ? Math.min(timeout, 10) : 6;
  setTimeout(() => toast.classList.add('fading'), seconds * 1000);
  setTimeout(() => toast.remove(), seconds * 1000 + 700);
}

const BUTTONS: Record<string, Array<Answer['button']>> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};
const BUTTON_LABEL: Record<string, string> = { OK: 'OK', CANCEL: 'Batal', YES: 'Ya', NO: 'Tidak', CLOSE: 'Tutup' };

let modalQueue: Promise<unknown> = Promise.resolve();

/** Shows an alert or prompt (one at a time) and resolves with the button (and text) chosen. */
function showAlert(q: Question): Promise<Answer> {
  const shown = modalQueue.then(
    () =>
      new Promise<Answer>((resolve) => {
        const layer = $('modal-layer');
        const box = document.createElement('div');
        box.className = 'modal alert';
        box.setAttribute('role', 'alertdialog');
        const head = document.createElement('h2');
        head.textContent = q.title;
        const body = document.createElement('p');
        body.textContent = q.prompt;
        box.append(head, body);
        let input: HTMLInputElement | null = null;
        if (q.kind === 'prompt') {
          input = document.createElement('input');
          input.type = 'text';
          box.append(input);
        }
        const row = document.createElement('div');
        row.className = 'buttons';
        const finish = (button: Answer['button']) => {
          layer.hidden = true;
          layer.replaceChildren();
          resolve({ button, text: input?.value ?? '' });
        };
        const names = BUTTONS[q.buttons] ?? ['OK'];
        for (const name of names) {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = BUTTON_LABEL[name] ?? name;
          button.dataset.button = name;
          if (name === names[names.length - 1]) button.className = 'primary';
          button.addEventListener('click', () => finish(name));
          row.append(button);
        }
        box.append(row);
        layer.replaceChildren(box);
        layer.hidden = false;
        (input ?? (row.lastElementChild as HTMLElement)).focus();
        box.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') finish(names.includes('CANCEL') ? 'CANCEL' : q.buttons === 'OK' ? 'OK' : 'CLOSE');
          if (e.key === 'Enter' && input) finish(names[names.length - 1]);
        });
      }),
  );
  modalQueue = shown.catch(() => undefined);
  return shown;
}

// ------------------------------------------------------------------ sidebars and dialogs

type FrameInfo = Outcome['frames'][number];
let sidebarFrame: string | null = null;
let dialogFrame: string | null = null;

function openSidebar(frame: FrameInfo): void {
  sidebarFrame = frame.id;
  $('sidebar-title').textContent = frame.title;
  $<HTMLIFrameElement>('sidebar-frame').src = `/frame/${frame.id}`;
  $('sidebar').hidden = false;
  $('sidebar').dataset.frame = frame.id;
}

function closeSidebar(): void {
  if (sidebarFrame) void api('/api/close', { frame: sidebarFrame });
  sidebarFrame = null;
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

function openDialog(frame: FrameInfo): void {
  dialogFrame = frame.id;
  const layer = $('modal-layer');
  const box = document.createElement('div');
  box.className = 'modal dialog';
  box.setAttribute('role', 'dialog');
  box.id = 'dialog';
  box.style.width = `${frame.width}px`;
  const head = document.createElement('div');
  head.className = 'frame-title';
  const title = document.createElement('span');
  title.textContent = frame.title;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Tutup');
  close.addEventListener('click', () => closeDialog());
  head.append(title, close);
  const iframe = document.createElement('iframe');
  iframe.id = 'dialog-frame';
  iframe.title = frame.title;
  iframe.style.height = `${frame.height}px`;
  iframe.style.width = `${frame.width}px`;
  iframe.src = `/frame/${frame.id}`;
  box.append(head, iframe);
  layer.replaceChildren(box);
  layer.hidden = false;
}

function closeDialog(): void {
  if (dialogFrame) void api('/api/close', { frame: dialogFrame });
  dialogFrame = null;
  const layer = $('modal-layer');
  layer.hidden = true;
  layer.replaceChildren();
}

let refreshTimer: number | undefined;
window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin) return;
  const data = event.data as { source?: string; type?: string; frame?: string };
  if (data?.source !== 'gas-frame') return;
  if (data.type === 'close') {
    if (data.frame === sidebarFrame) closeSidebar();
    else if (data.frame === dialogFrame) closeDialog();
  } else if (data.type === 'changed') {
    // A server function changed the workbook: redraw (once for a burst of calls).
    clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => {
      void api<State>('/api/state').then(show);
    }, 100);
  }
});

/**
 * A candidate sent the form on /form (another browser tab): redraw, and say where the response
 * went. The channel is same-origin only.
 */
function listenForResponses(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel('seleksi-fgd-preview');
  channel.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; outcome?: FormOutcome };
    if (data?.type !== 'form-response' || !data.outcome) return;
    const o = data.outcome;
    void api<State>('/api/state').then(show);
    showToast(
      'Jawaban formulir baru',
      o.kandidatRow
        ? `${o.tab} baris ${o.row} → diimpor ke Kandidat baris ${o.kandidatRow}.`
        : `${o.tab} baris ${o.row}. Belum diimpor: jalankan Hubungkan formulir pendaftaran atau Impor jawaban formulir.`,
      8,
    );
  });
}

// ------------------------------------------------------------------ top bar

function setUp(): void {
  $('ext-button').addEventListener('click', (e) => {
    e.stopPropagation();
    openMenu($('ext-button'), $('ext-menu'), extensionsEntries());
  });
  $('file-button').addEventListener('click', (e) => {
    e.stopPropagation();
    openMenu($('file-button'), $('file-menu'), [
      { type: 'item', label: 'Unduh sebagai .xlsx', functionName: '@download' },
      { type: 'item', label: 'Unggah .xlsx (ganti isi)', functionName: '@upload' },
    ]);
    $('file-menu').querySelector<HTMLButtonElement>('[data-fn="@download"]')!.onclick = () => {
      closeMenus();
      $('download').click();
    };
    $('file-menu').querySelector<HTMLButtonElement>('[data-fn="@upload"]')!.onclick = () => {
      closeMenus();
      $('upload').click();
    };
  });
  document.addEventListener('click', () => closeMenus());
  $('user').addEventListener('change', async () => {
    closeSidebar();
    closeDialog();
    await show(await api<State>('/api/user', { user: $<HTMLSelectElement>('user').value }));
    showToast('', `Sekarang memakai spreadsheet sebagai ${state.user || '(tanpa email)'}.`, 4);
  });
  $('upload').addEventListener('change', async () => {
    const input = $<HTMLInputElement>('upload');
    const file = input.files?.[0];
    if (!file) return;
    setBusy(1, 'Mengunggah…');
    try {
      const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const data = (await response.json()) as State & { error?: string };
      if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`);
      closeSidebar();
      forgetPlaces();
      await show(data);
      showToast('', `${file.name} dimuat.`, 4);
    } catch (error) {
      await showAlert({
        kind: 'alert',
        title: 'Gagal mengunggah',
        prompt: String(error instanceof Error ? error.message : error),
        buttons: 'OK',
      });
    } finally {
      input.value = '';
      setBusy(-1);
    }
  });
  $('sidebar-close').addEventListener('click', () => closeSidebar());
  $('more-button').addEventListener('click', () => {
    rowLimit += PAGE_ROWS;
    void show(state);
  });
}

async function start(): Promise<void> {
  setUp();
  listenForResponses();
  await show(await api<State>('/api/state'));
  document.body.dataset.ready = '1';
}

void start();
