/**
 * The "Pilih workbook kabupaten" dialog in Chromium, opened from the menu on the emulator. Google's
 * https://apis.google.com/js/api.js is served by a small stand-in (no network here) that offers
 * `gapi.load('picker')` and a `google.picker` namespace whose PickerBuilder records every call; made
 * visible, it first reports LOADED, then PICKED or CANCEL with the documents the test queued (the
 * test then grants them like the real Picker does: emu.pickFiles). Checked: the builder gets this
 * user's token, the script properties' key and project number, the spreadsheets view in list mode,
 * multiselect and the dialog's origin; picked files reach Sumber Rekap as URLs, once each; Cancel
 * and a failed load leave a button to open the Picker again (keyboard too); without the key or the
 * project number Google's script is never requested and the dialog says what to set; English;
 * axe-core in every state.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { Drive, Emulator, Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { type Bridge, type BridgeOptions, openSidebar } from '../support/gasBridge';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const USER = 'koordinator@kemensos.example.id';
const API_JS = 'https://apis.google.com/js/api.js';
const ORIGIN = 'https://docs.google.com';
const API_KEY = 'AIzaSyEmulatorPickerKey_0123456789abcde';
const APP_ID = '123456789012';

/** What the stand-in Picker's builder was given when it was made visible (the callback left out). */
interface Build {
  calls: Array<[string, ...unknown[]]>;
  token?: string;
  key?: string;
  appId?: string;
  origin?: string;
  locale?: string;
  views: Array<{ viewId: string; mode?: string }>;
  features: string[];
  hasCallback: boolean;
}
type PickerAnswer = { action: 'picked'; docs: Array<{ id: string; name: string }> } | { action: 'cancel' };

/**
 * The stand-in for Google's api.js: the Picker API's names and values as Google documents them
 * (google.picker.ViewId.SPREADSHEETS = 'spreadsheets', Action.PICKED = 'picked', …).
 */
const FAKE_API_JS = `
(function () {
  var state = (window.__fakePicker = { loads: [], disposed: 0 });
  window.gapi = {
    load: function (name, cb) {
      state.loads.push(name);
      setTimeout(function () {
        var google = window.google || (window.google = {});
        google.picker = makePicker();
        (typeof cb === 'function' ? cb : cb.callback)();
      }, 0);
    },
  };
  function makePicker() {
    function DocsView(viewId) { this.viewId = viewId; }
    DocsView.prototype.setMode = function (mode) { this.mode = mode; return this; };
    function PickerBuilder() {
      this.r = { calls: [], views: [], features: [], hasCallback: false };
    }
    var simple = {
      setOAuthToken: 'token', setDeveloperKey: 'key', setAppId: 'appId', setOrigin: 'origin', setLocale: 'locale',
      setTitle: 'title', hideTitleBar: null, setSize: null, disableFeature: null,
    };
    Object.keys(simple).forEach(function (m) {
      PickerBuilder.prototype[m] = function (v) {
        this.r.calls.push([m].concat([].slice.call(arguments)));
        if (simple[m]) this.r[simple[m]] = v;
        return this;
      };
    });
    PickerBuilder.prototype.addView = function (view) {
      this.r.calls.push(['addView']);
      this.r.views.push(typeof view === 'string' ? { viewId: view } : { viewId: view.viewId, mode: view.mode });
      return this;
    };
    PickerBuilder.prototype.enableFeature = function (f) {
      this.r.calls.push(['enableFeature', f]);
      this.r.features.push(f);
      return this;
    };
    PickerBuilder.prototype.setCallback = function (cb) {
      this.r.calls.push(['setCallback']);
      this.r.hasCallback = typeof cb === 'function';
      this.cb = cb;
      return this;
    };
    PickerBuilder.prototype.build = function () {
      var r = this.r, cb = this.cb;
      r.calls.push(['build']);
      return {
        setVisible: function (visible) {
          if (!visible) return;
          cb({ action: 'loaded' });
          window.__pickerShown(r).then(function (answer) { cb(answer); });
        },
        dispose: function () { state.disposed++; },
      };
    };
    return {
      PickerBuilder: PickerBuilder,
      DocsView: DocsView,
      ViewId: { DOCS: 'all', SPREADSHEETS: 'spreadsheets', FOLDERS: 'folders' },
      DocsViewMode: { GRID: 'grid', LIST: 'list' },
      Feature: { MULTISELECT_ENABLED: 'multiselectEnabled', NAV_HIDDEN: 'navHidden' },
      Action: { CANCEL: 'cancel', PICKED: 'picked', ERROR: 'error', LOADED: 'loaded' },
      Response: { ACTION: 'action', DOCUMENTS: 'docs' },
      Document: { ID: 'id', NAME: 'name' },
    };
  }
})();
`;

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface Coordinator {
  wb: Workbook;
  emu: Emulator;
  /** Two regency workbooks the coordinator may open (viewer), and one of someone else's. */
  kab: { tanahLaut: string; banjar: string };
}

function coordinator(
  opts: { lang?: 'id' | 'en'; apiKey?: string; appId?: string } = { apiKey: API_KEY, appId: APP_ID },
): Coordinator {
  const drive = new Drive();
  const tanahLaut = drive.add(new Workbook(), { owner: 'tanahlaut@kemensos.example.id', viewers: [USER] });
  const banjar = drive.add(new Workbook(), { owner: 'banjar@kemensos.example.id', editors: [USER] });
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, drive, user: USER });
  expect(emu.run('setupCoordinatorWorkbook').error).toBeUndefined();
  if (opts.lang === 'en') {
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa') + 1;
    settings.setValues(row, 2, [['English']]);
  }
  if (opts.apiKey) emu.scriptProperties.set('PICKER_API_KEY', opts.apiKey);
  if (opts.appId) emu.scriptProperties.set('PICKER_APP_ID', opts.appId);
  return { wb, emu, kab: { tanahLaut, banjar } };
}

interface Opened {
  page: Page;
  bridge: Bridge;
  /** Every Picker made visible, in order. */
  builds: Build[];
  /** Requests for Google's api.js. */
  apiRequests: () => number;
  closed: () => boolean;
}

/**
 * The menu item, then its dialog served with google.script.run bridged, `google.script.host`
 * (origin, close) as Apps Script gives it, and api.js answered by the stand-in. `answers` are the
 * Picker's replies, one per time it is shown; `apiJs` may refuse a request (a failed load).
 */
async function fromMenu(
  emu: Emulator,
  answers: PickerAnswer[],
  options: BridgeOptions & { apiJs?: (n: number) => 'serve' | 'fail' } = {},
): Promise<Opened> {
  const run = emu.run('chooseRegencyWorkbooks');
  expect(run.error).toBeUndefined();
  expect(run.ui.dialogs).toHaveLength(1);
  const dialog = run.ui.dialogs[0];
  expect([dialog.width, dialog.height]).toEqual([720, 520]);
  const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
  const builds: Build[] = [];
  let requests = 0;
  let closed = false;
  await page.exposeFunction('__closed', () => (closed = true));
  await page.exposeFunction('__pickerShown', (build: Build): PickerAnswer => {
    builds.push(build);
    const answer = answers.shift();
    if (!answer) throw new Error('The Picker was shown more often than the test expected');
    // What the real Picker does for a drive.file app: the picked files become readable by it.
    if (answer.action === 'picked')
      emu.pickFiles(
        USER,
        answer.docs.map((d) => d.id),
      );
    return answer;
  });
  await page.addInitScript(
    ([origin]) => {
      const g = window as unknown as { google?: { script: { host?: unknown } } };
      document.addEventListener('DOMContentLoaded', () => {
        if (g.google?.script)
          g.google.script.host = {
            origin,
            close: () => (window as unknown as { __closed: () => void }).__closed(),
          };
      });
    },
    [ORIGIN],
  );
  // pickerConfig waits until api.js is routed here (routes added later win over the bridge's catch-all).
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const bridge = await openSidebar(page, emu, dialog.content, {
    ...options,
    hold: (name) => (name === 'pickerConfig' ? gate.then(() => options.hold?.(name)) : options.hold?.(name)),
  });
  await page.route(API_JS, (route: Route) => {
    requests++;
    if (options.apiJs?.(requests) === 'fail') return route.abort('internetdisconnected');
    return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: FAKE_API_JS });
  });
  release();
  return { page, bridge, builds, apiRequests: () => requests, closed: () => closed };
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();
const statusIs = (page: Page, pattern: RegExp) =>
  page.waitForFunction((p) => new RegExp(p).test(document.querySelector('#status')?.textContent ?? ''), pattern.source);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Sumber Rekap's data rows as { URL Workbook, Catatan }. */
function sources(wb: Workbook): Array<{ url: string; note: string }> {
  const [header, ...rows] = wb.sheet('Sumber Rekap')!.values();
  const url = header.indexOf('URL Workbook');
  const note = header.indexOf('Catatan');
  return rows.filter((r) => r[url] !== '').map((r) => ({ url: String(r[url]), note: String(r[note]) }));
}
const urlOf = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

describe('Pilih workbook kabupaten dialog', () => {
  it('opens the Google Picker with this user’s token, the key and the project number, and adds the picked workbooks to Sumber Rekap', async () => {
    const { wb, emu, kab } = coordinator();
    expect(emu.run('chooseRegencyWorkbooks').ui.dialogs[0].title).toBe('Pilih workbook kabupaten');
    const docs = [
      { id: kab.tanahLaut, name: 'Seleksi Kab. Tanah Laut' },
      { id: kab.banjar, name: 'Seleksi Kab. Banjar' },
    ];
    const { page, bridge, builds, apiRequests, closed } = await fromMenu(emu, [{ action: 'picked', docs }]);
    await statusIs(page, /ditambahkan/);
    expect(await text(page, '#heading')).toBe('Pilih workbook kabupaten');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await text(page, '#intro')).toMatch(/^Pilih satu atau beberapa workbook kabupaten\/kota di Google Drive\./);

    // Google's flow: api.js once, gapi.load('picker'), then one builder with everything it needs.
    expect(apiRequests()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { __fakePicker: { loads: string[] } }).__fakePicker.loads),
    ).toEqual(['picker']);
    expect(builds).toHaveLength(1);
    const [build] = builds;
    expect(build).toMatchObject({
      token: 'emulator-oauth-token',
      key: API_KEY,
      appId: APP_ID,
      origin: ORIGIN,
      locale: 'id',
      views: [{ viewId: 'spreadsheets', mode: 'list' }],
      features: ['multiselectEnabled'],
      hasCallback: true,
    });
    expect(build.calls.at(-1)).toEqual(['build']);
    // The server got exactly the picked ids and names; the LOADED callback sent nothing.
    expect(bridge.calls).toEqual([
      { name: 'pickerConfig', args: [] },
      { name: 'addRegencyWorkbooks', args: [{ files: docs }] },
    ]);
    expect(bridge.blocked).toEqual([]);
    expect(await text(page, '#status')).toBe(
      '2 workbook ditambahkan ke Sumber Rekap. Jalankan Perbarui rekap nasional untuk membacanya.',
    );
    expect(await page.getAttribute('#status', 'role')).toBe('status');
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
    expect(sources(wb)).toEqual([
      { url: urlOf(kab.tanahLaut), note: 'Seleksi Kab. Tanah Laut — belum dibaca' },
      { url: urlOf(kab.banjar), note: 'Seleksi Kab. Banjar — belum dibaca' },
    ]);
    expect(emu.pickedFiles(USER)).toEqual([kab.tanahLaut, kab.banjar]);
    // Done: Close has focus; the Picker can be opened again.
    expect(await focused(page)).toBe('close');
    expect(await text(page, '#close')).toBe('Tutup');
    expect(await text(page, '#open')).toBe('Pilih workbook…');
    expect(await page.isEnabled('#open')).toBe(true);
    expect(await page.isHidden('#setup')).toBe(true);
    await page.click('#close');
    expect(closed()).toBe(true);
    await page.close();
  });

  it('adds a workbook picked a second time only once, with a fresh token and no second api.js', async () => {
    const { wb, emu, kab } = coordinator();
    const tanahLaut = { id: kab.tanahLaut, name: 'Seleksi Kab. Tanah Laut' };
    const banjar = { id: kab.banjar, name: 'Seleksi Kab. Banjar' };
    const { page, bridge, builds, apiRequests } = await fromMenu(emu, [
      { action: 'picked', docs: [tanahLaut] },
      { action: 'picked', docs: [tanahLaut] },
      { action: 'picked', docs: [banjar, tanahLaut] },
    ]);
    await statusIs(page, /1 workbook ditambahkan/);
    expect(sources(wb).map((s) => s.url)).toEqual([urlOf(kab.tanahLaut)]);

    await page.click('#open');
    await statusIs(page, /sudah ada/);
    expect(await text(page, '#status')).toBe('0 workbook ditambahkan ke Sumber Rekap; 1 sudah ada.');
    expect(sources(wb).map((s) => s.url)).toEqual([urlOf(kab.tanahLaut)]);

    // Keyboard: Shift+Tab from Close to the open button, Enter.
    expect(await focused(page)).toBe('close');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('open');
    await page.keyboard.press('Enter');
    await statusIs(page, /^1 workbook ditambahkan.*1 sudah ada/);
    expect(sources(wb).map((s) => s.url)).toEqual([urlOf(kab.tanahLaut), urlOf(kab.banjar)]);

    // Each opening asked the server again (a fresh token) but loaded Google's script once.
    expect(bridge.calls.map((c) => c.name)).toEqual([
      'pickerConfig',
      'addRegencyWorkbooks',
      'pickerConfig',
      'addRegencyWorkbooks',
      'pickerConfig',
      'addRegencyWorkbooks',
    ]);
    expect(apiRequests()).toBe(1);
    expect(builds).toHaveLength(3);
    for (const b of builds) expect(b).toMatchObject({ token: 'emulator-oauth-token', key: API_KEY, appId: APP_ID });
    // The Picker built before is disposed when a new one is built.
    expect(
      await page.evaluate(() => (window as unknown as { __fakePicker: { disposed: number } }).__fakePicker.disposed),
    ).toBe(2);
    // The Log names what each pick added (nothing for the pick that added nothing).
    expect(
      wb
        .sheet('Log')!
        .values()
        .filter((r) => r[2] === 'Pilih workbook kabupaten')
        .map((r) => r[3]),
    ).toEqual(['Seleksi Kab. Tanah Laut', 'Seleksi Kab. Banjar']);
    await page.close();
  });

  it('on Cancel says nothing was chosen and keeps a button (focused) that opens the Picker again', async () => {
    const { wb, emu, kab } = coordinator();
    const { page, bridge, builds } = await fromMenu(emu, [
      { action: 'cancel' },
      { action: 'picked', docs: [{ id: kab.banjar, name: 'Seleksi Kab. Banjar' }] },
    ]);
    await statusIs(page, /Tidak ada workbook/);
    expect(await text(page, '#status')).toBe(
      'Tidak ada workbook yang dipilih. Tekan “Pilih workbook…” untuk membuka Google Picker lagi.',
    );
    expect(bridge.calls.map((c) => c.name)).toEqual(['pickerConfig']);
    expect(sources(wb)).toEqual([]);
    expect(await page.isVisible('#open')).toBe(true);
    expect(await page.isEnabled('#open')).toBe(true);
    expect(await focused(page)).toBe('open');
    // Space on the focused button opens it again.
    await page.keyboard.press('Space');
    await statusIs(page, /ditambahkan/);
    expect(builds).toHaveLength(2);
    expect(sources(wb).map((s) => s.url)).toEqual([urlOf(kab.banjar)]);
    await page.close();
  });

  it('when Google’s script cannot be loaded, says so and loads it again on the button', async () => {
    const { wb, emu, kab } = coordinator();
    const { page, builds, apiRequests } = await fromMenu(
      emu,
      [{ action: 'picked', docs: [{ id: kab.tanahLaut, name: 'Seleksi Kab. Tanah Laut' }] }],
      { apiJs: (n) => (n === 1 ? 'fail' : 'serve') },
    );
    await statusIs(page, /tidak dapat dimuat/);
    expect(await text(page, '#status')).toBe(
      'Google Picker tidak dapat dimuat. Periksa koneksi internet, lalu coba lagi.',
    );
    expect(builds).toEqual([]);
    expect(await focused(page)).toBe('open');
    await page.click('#open');
    await statusIs(page, /ditambahkan/);
    expect(apiRequests()).toBe(2);
    // One api.js script element in the page, the one that loaded.
    expect(await page.locator(`script[src="${API_JS}"]`).count()).toBe(1);
    expect(sources(wb).map((s) => s.url)).toEqual([urlOf(kab.tanahLaut)]);
    await page.close();
  });

  it('without PICKER_API_KEY and PICKER_APP_ID loads nothing from Google and says what the deployer must set', async () => {
    const { wb, emu } = coordinator({});
    const { page, bridge, builds, apiRequests } = await fromMenu(emu, []);
    await page.waitForSelector('#setup:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Google Picker belum disiapkan untuk add-on ini, jadi workbook kabupaten belum dapat dipilih.',
    );
    expect(await text(page, '#setup-title')).toBe('Yang perlu dilakukan pengelola add-on');
    expect(await page.locator('#setup-list li').allTextContents()).toEqual([
      'PICKER_API_KEY — kunci API Google Cloud (dari proyek Cloud add-on, dengan Google Picker API diaktifkan) (belum diisi)',
      'PICKER_APP_ID — nomor proyek Cloud (angka, bukan ID proyek) (belum diisi)',
    ]);
    expect(await text(page, '#setup-meanwhile')).toBe(
      'Sampai itu selesai, URL workbook yang ditempel di tab Sumber Rekap tanpa dipilih di sini akan berstatus “Tidak dapat dibuka”: add-on hanya diizinkan membaca workbook yang dipilih di dialog ini.',
    );
    // No request for Google's script at all, nothing else either, and no Picker.
    expect(apiRequests()).toBe(0);
    expect(bridge.blocked).toEqual([]);
    expect(await page.locator('script[src]').count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as unknown as { gapi?: unknown }).gapi)).toBe('undefined');
    expect(builds).toEqual([]);
    expect(bridge.calls.map((c) => c.name)).toEqual(['pickerConfig']);
    // Nothing to open; Close has focus.
    expect(await page.isHidden('#open')).toBe(true);
    expect(await focused(page)).toBe('close');
    expect(sources(wb)).toEqual([]);
    await page.close();
  });

  it('with only the key set, names the project number as the one missing', async () => {
    const { emu } = coordinator({ apiKey: API_KEY });
    const { page, apiRequests } = await fromMenu(emu, []);
    await page.waitForSelector('#setup:not([hidden])');
    const items = await page.locator('#setup-list li').allTextContents();
    expect(items[0]).not.toContain('belum diisi');
    expect(items[1]).toBe('PICKER_APP_ID — nomor proyek Cloud (angka, bukan ID proyek) (belum diisi)');
    expect(apiRequests()).toBe(0);
    await page.close();
  });

  it('says a server failure and lets the user choose again', async () => {
    const { wb, emu, kab } = coordinator();
    let fail = true;
    const { page } = await fromMenu(
      emu,
      [
        { action: 'picked', docs: [{ id: kab.tanahLaut, name: 'A' }] },
        { action: 'picked', docs: [{ id: kab.tanahLaut, name: 'A' }] },
      ],
      { fault: (name) => (name === 'addRegencyWorkbooks' && fail ? 'Koneksi terputus.' : undefined) },
    );
    await statusIs(page, /Gagal/);
    expect(await text(page, '#status')).toBe('Gagal: Koneksi terputus.');
    expect(await focused(page)).toBe('open');
    expect(sources(wb)).toEqual([]);
    fail = false;
    await page.click('#open');
    await statusIs(page, /ditambahkan/);
    expect(sources(wb).map((s) => s.url)).toEqual([urlOf(kab.tanahLaut)]);
    await page.close();
  });
});

describe('Choose regency workbooks dialog in English', () => {
  it('speaks English, asks the Picker for English, and says the setup in English', async () => {
    const { wb, emu, kab } = coordinator({ lang: 'en', apiKey: API_KEY, appId: APP_ID });
    expect(emu.run('chooseRegencyWorkbooks').ui.dialogs[0].title).toBe('Choose regency workbooks');
    const { page, builds } = await fromMenu(emu, [
      { action: 'cancel' },
      {
        action: 'picked',
        docs: [
          { id: kab.tanahLaut, name: 'Seleksi Kab. Tanah Laut' },
          { id: kab.banjar, name: 'Seleksi Kab. Banjar' },
        ],
      },
    ]);
    expect(await page.getAttribute('body', 'data-lang')).toBe('en');
    await statusIs(page, /No workbook/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, '#heading')).toBe('Choose regency workbooks');
    expect(await text(page, '#intro')).toMatch(/^Choose one or more regency\/city workbooks in Google Drive\./);
    expect(await text(page, '#status')).toBe(
      'No workbook was chosen. Press “Choose workbooks…” to open the Google Picker again.',
    );
    expect(await text(page, '#open')).toBe('Choose workbooks…');
    expect(await text(page, '#close')).toBe('Close');
    expect(builds[0].locale).toBe('en');
    await page.click('#open');
    await statusIs(page, /added/);
    expect(await text(page, '#status')).toBe(
      '2 workbooks added to Sumber Rekap. Run "Update the national summary" to read them.',
    );
    expect(sources(wb).map((s) => s.note)).toEqual([
      'Seleksi Kab. Tanah Laut — not read yet',
      'Seleksi Kab. Banjar — not read yet',
    ]);
    await page.close();

    const bare = coordinator({ lang: 'en' });
    const missing = await fromMenu(bare.emu, []);
    await missing.page.waitForSelector('#setup:not([hidden])');
    expect(await missing.page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(missing.page, '#status')).toBe(
      'The Google Picker is not set up for this add-on, so regency workbooks cannot be chosen yet.',
    );
    expect(await text(missing.page, '#setup-title')).toBe('What the add-on’s deployer must do');
    expect(await missing.page.locator('#setup-list li').allTextContents()).toEqual([
      'PICKER_API_KEY — a Google Cloud API key (from the add-on’s Cloud project, with the Google Picker API enabled) (not set)',
      'PICKER_APP_ID — the Cloud project number (digits, not the project ID) (not set)',
    ]);
    expect(await text(missing.page, '#setup-meanwhile')).toBe(
      'Until then, a workbook URL pasted on the Sumber Rekap tab without choosing it here will show “Tidak dapat dibuka”: the add-on may read only the workbooks chosen in this dialog.',
    );
    expect(missing.apiRequests()).toBe(0);
    expect(missing.bridge.blocked).toEqual([]);
    await missing.page.close();
  });
});

describe('Pilih workbook kabupaten dialog: accessibility (axe-core, 0 violations)', () => {
  it('while loading, after picking, after Cancel, after a failure, and without the setup, in both languages', async () => {
    for (const lang of ['id', 'en'] as const) {
      const { emu, kab } = coordinator({ lang, apiKey: API_KEY, appId: APP_ID });
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let fail = false;
      const { page } = await fromMenu(
        emu,
        [
          { action: 'cancel' },
          { action: 'picked', docs: [{ id: kab.tanahLaut, name: 'Seleksi Kab. Tanah Laut' }] },
          { action: 'picked', docs: [{ id: kab.banjar, name: 'Seleksi Kab. Banjar' }] },
        ],
        {
          hold: (name) => (name === 'pickerConfig' ? gate : undefined),
          fault: (name) => (name === 'addRegencyWorkbooks' && fail ? 'Koneksi terputus.' : undefined),
        },
      );
      await page.waitForSelector('#heading');
      expect(await violations(page)).toEqual([]);
      release();
      await statusIs(page, /Tidak ada workbook|No workbook/);
      expect(await violations(page)).toEqual([]);
      await page.click('#open');
      await statusIs(page, /ditambahkan|added/);
      expect(await violations(page)).toEqual([]);
      fail = true;
      await page.click('#open');
      await statusIs(page, /Gagal|Failed/);
      expect(await violations(page)).toEqual([]);
      await page.close();

      const bare = coordinator({ lang });
      const missing = await fromMenu(bare.emu, []);
      await missing.page.waitForSelector('#setup:not([hidden])');
      expect(await violations(missing.page)).toEqual([]);
      await missing.page.close();
    }
  });
});
