/**
 * `npm start -- --coordinator`: the preview on the national coordinator's workbook, with the seven
 * demo regency workbooks in its Drive, picked and listed on Sumber Rekap. Through the preview's API:
 * "Perbarui rekap nasional" from the menu opens its progress dialog (two workbooks a step) and builds
 * Rekap Nasional; the Drive, the picks and the document's properties survive a restart; the Picker
 * dialog gets the stand-in for Google's api.js, which lists the Drive's spreadsheets (/api/drive)
 * and grants the chosen ones (/api/pick). Then in Chromium: the stand-in Picker picks a workbook
 * that is back on Sumber Rekap, and the update's dialog runs to the end.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { MenuRecord } from '../../emulator';
import { NATIONAL_COORDINATOR } from '../../scripts/demo-data/national';
import { GOOGLE_API_JS, STAND_IN_API_JS } from '../../scripts/preview/api';
import { startPreview, type Preview } from '../../scripts/preview/preview';
import type { DriveListing, Outcome } from '../../scripts/preview/session';
import type { JobProgress } from '../../src/core/jobApi';
import { launchBrowser } from '../support/browser';
import { ensureBuilt, ROOT } from '../support/dist';
import { clickMenu, waitIdle } from '../support/previewPage';

const REGENCIES = [
  'Kabupaten Aceh Besar',
  'Kabupaten Garut',
  'Kabupaten Sikka',
  'Kabupaten Tanah Laut',
  'Kabupaten Bone',
  'Kabupaten Maluku Tengah',
  'Kabupaten Jayapura',
];

const ARTIFACTS = join(ROOT, 'test-artifacts');
let dir: string;
let preview: Preview;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'preview-coordinator-'));
  preview = await startPreview({ port: 0, coordinator: true, stateDir: dir, candidates: 140 });
}, 180_000);

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; type: string }> {
  const { port } = preview;
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
  if (method !== 'GET')
    Object.assign(headers, { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          type: String(res.headers['content-type'] ?? ''),
        }),
      );
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await call(method, path, body);
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as T;
}

interface State {
  user: string;
  users: Array<{ email: string; label: string }>;
  menu: MenuRecord | null;
  book: { name: string; tabs: Array<{ name: string; hidden: boolean }>; active: string };
}

const menuItems = (items: MenuRecord['items']): string[] =>
  items.flatMap((i) => (i.type === 'item' ? [i.functionName] : i.type === 'submenu' ? menuItems(i.items) : []));

async function rpc<T>(frame: string, name: string, args: unknown[] = []): Promise<T> {
  const reply = await json<{ ok: boolean; value: T; message?: string }>('POST', '/api/rpc', { frame, name, args });
  if (!reply.ok) throw new Error(`${name}: ${reply.message}`);
  return reply.value;
}

/** The menu item as the page runs it; returns the dialog it opened. */
async function menuDialog(fn: string): Promise<string> {
  const { outcome } = await json<{ outcome: Outcome }>('POST', '/api/run', { fn, answers: [] });
  expect(outcome.error).toBeUndefined();
  expect(outcome.frames).toHaveLength(1);
  expect(outcome.frames[0].kind).toBe('dialog');
  return outcome.frames[0].id;
}

/** The batched update, step by step as its dialog runs it; the `next` line of each step, and the end. */
async function runNationalDialog(frame: string): Promise<{ steps: string[]; last: JobProgress }> {
  const steps: string[] = [];
  let p = await rpc<JobProgress>(frame, 'startNationalJob');
  while (!p.finished) {
    steps.push(p.next);
    p = await rpc<JobProgress>(frame, 'continueNationalJob', [{ job: p.job }]);
  }
  return { steps, last: p };
}

function sources(): Array<Record<string, unknown>> {
  const [head, ...rows] = preview.session.workbook.sheet('Sumber Rekap')!.values();
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

async function restart(): Promise<void> {
  await preview.close();
  preview = await startPreview({ port: 0, coordinator: true, stateDir: dir });
}

describe('npm start -- --coordinator', () => {
  it('starts on the coordinator workbook, the seven regency workbooks picked and listed on Sumber Rekap', async () => {
    const state = await json<State>('GET', '/api/state');
    expect(state.user).toBe(NATIONAL_COORDINATOR);
    expect(state.users[0]).toEqual({
      email: NATIONAL_COORDINATOR,
      label: `${NATIONAL_COORDINATOR} (koordinator nasional)`,
    });
    expect(state.book.name).toBe('Rekap Nasional — demo');
    expect(state.book.active).toBe('Sumber Rekap');
    expect(menuItems(state.menu!.items)).toEqual(
      expect.arrayContaining(['setupCoordinatorWorkbook', 'chooseRegencyWorkbooks', 'updateNationalSummary']),
    );
    const { session } = preview;
    expect(session.driveSize).toBe(7);
    expect(session.emu.pickedFiles(NATIONAL_COORDINATOR)).toHaveLength(7);
    expect(session.emu.documentProperties.get('national:batchSize')).toBe('2');
    expect(sources().map((s) => s['URL Workbook'])).toEqual(
      session.emu.pickedFiles(NATIONAL_COORDINATOR).map((id) => session.emu.drive.url(id)),
    );
    expect(sources().map((s) => s.Status)).not.toContain('Terbaca');
  });

  it('runs "Perbarui rekap nasional" from the menu in its progress dialog, two workbooks a step', async () => {
    const frame = await menuDialog('updateNationalSummary');
    expect(preview.session.frames.get(frame)?.title).toBe('Perbarui rekap nasional');
    const page = await call('GET', `/frame/${frame}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('google.script');

    const { steps, last } = await runNationalDialog(frame);
    expect(steps).toEqual(
      expect.arrayContaining([
        'Membaca workbook 1–2 dari 7',
        'Membaca workbook 3–4 dari 7',
        'Membaca workbook 5–6 dari 7',
        'Membaca workbook 7–7 dari 7',
      ]),
    );
    expect(last.message).toMatch(/^Rekap nasional diperbarui: 7 kabupaten\/kota dari 7 workbook \(7 dibaca/);
    expect(sources().map((s) => s.Status)).toEqual(new Array(7).fill('Terbaca'));

    const state = await json<State>('GET', '/api/state');
    expect(state.book.tabs.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Rekap Nasional', 'Daftar Lulus Nasional']),
    );
    const view = await json<{ cells: Array<Array<[string] | null>> }>(
      'GET',
      `/api/sheet?name=${encodeURIComponent('Rekap Nasional')}`,
    );
    const text = view.cells
      .flat()
      .map((c) => (c ? c[0] : ''))
      .join('\n');
    for (const regency of REGENCIES) expect(text).toContain(regency);
  });

  it('keeps the Drive, the picks and the properties across a restart', async () => {
    const before = preview.session.workbook.sheet('Rekap Nasional')!.values().length;
    await restart();
    const { session } = preview;
    expect(session.owner).toBe(NATIONAL_COORDINATOR);
    expect(session.driveSize).toBe(7);
    expect(session.emu.pickedFiles(NATIONAL_COORDINATOR)).toHaveLength(7);
    expect(session.emu.documentProperties.get('national:batchSize')).toBe('2');
    expect(session.workbook.sheet('Rekap Nasional')!.values()).toHaveLength(before);
    const { last } = await runNationalDialog(await menuDialog('updateNationalSummary'));
    expect(last.message).toMatch(/7 kabupaten\/kota dari 7 workbook \(0 dibaca, 7 tidak berubah, 0 bermasalah/);
  });

  it('serves the Picker dialog a stand-in for Google’s api.js that lists the Drive and picks files', async () => {
    // Forget the picks (as if none had been made yet) and start again from the saved files.
    await preview.close();
    const propsFile = join(dir, 'properties.json');
    const props = JSON.parse(readFileSync(propsFile, 'utf8')) as { picked?: unknown };
    expect(Object.values(props.picked as Record<string, string[]>)[0]).toHaveLength(7);
    writeFileSync(propsFile, JSON.stringify({ ...props, picked: {} }));
    preview = await startPreview({ port: 0, coordinator: true, stateDir: dir });
    expect(preview.session.emu.pickedFiles(NATIONAL_COORDINATOR)).toEqual([]);

    const frame = await menuDialog('chooseRegencyWorkbooks');
    const html = await call('GET', `/frame/${frame}`);
    expect(html.text).toContain(STAND_IN_API_JS);
    expect(html.text).not.toContain(GOOGLE_API_JS);
    const script = await call('GET', STAND_IN_API_JS);
    expect(script.status).toBe(200);
    expect(script.type).toMatch(/^text\/javascript/);
    const config = await rpc<{ apiKey: string; appId: string; token: string }>(frame, 'pickerConfig');
    expect(config.apiKey).not.toBe('');
    expect(config.appId).not.toBe('');

    const { files } = await json<{ files: DriveListing[] }>('GET', `/api/drive?frame=${frame}`);
    expect(files.filter((f) => !f.active).map((f) => f.name)).toEqual(REGENCIES.map((r) => `Seleksi & FGD — ${r}`));
    expect(files.find((f) => f.active)?.name).toBe('Rekap Nasional — demo');
    expect(files.every((f) => !f.picked)).toBe(true);
    expect(files.filter((f) => !f.active).every((f) => f.role === 'viewer')).toBe(true);

    const chosen = files.filter((f) => !f.active).slice(0, 3);
    const { docs } = await json<{ docs: Array<{ id: string; name: string; url: string }> }>('POST', '/api/pick', {
      frame,
      ids: chosen.map((f) => f.id),
    });
    expect(docs.map((d) => d.name)).toEqual(chosen.map((f) => f.name));
    expect(preview.session.emu.pickedFiles(NATIONAL_COORDINATOR)).toEqual(chosen.map((f) => f.id));
    const added = await rpc<{ added: number; already: number }>(frame, 'addRegencyWorkbooks', [{ files: docs }]);
    expect(added).toMatchObject({ added: 0, already: 3 });

    expect((await call('POST', '/api/pick', { frame, ids: ['1NoSuchFile000000000000'] })).status).toBe(400);
    expect((await call('POST', '/api/pick', { frame: 'f999', ids: [chosen[0].id] })).status).toBe(400);
    expect((await call('GET', '/api/drive?frame=f999')).status).toBe(400);

    // The three picked are reachable; the other four cannot be opened (the national tabs keep their last reading).
    const { last } = await runNationalDialog(await menuDialog('updateNationalSummary'));
    expect(last.message).toMatch(/7 kabupaten\/kota dari 7 workbook \(0 dibaca, 3 tidak berubah, 4 bermasalah/);
    expect(sources().filter((s) => s.Status === 'Tidak dapat dibuka')).toHaveLength(4);

    await restart();
    expect(preview.session.emu.pickedFiles(NATIONAL_COORDINATOR)).toEqual(chosen.map((f) => f.id));
  });
});

describe('npm start -- --coordinator in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(() => browser?.close());

  async function dialogFrame(): Promise<Frame> {
    const handle = await page.waitForSelector('#dialog iframe');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no dialog frame');
    return frame;
  }

  async function closeDialog(frame: Frame): Promise<void> {
    await frame.click('#close');
    await page.waitForSelector('#dialog', { state: 'detached' });
  }

  it('picks the other regency workbooks with the stand-in Picker, then reaches all seven in the dialog', async () => {
    await page.goto(preview.url);
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.textContent('#file-name')).toBe('Rekap Nasional — demo');

    // The coordinator deleted Jayapura's row from Sumber Rekap, and chooses it again with the others not picked.
    const sheet = preview.session.workbook.sheet('Sumber Rekap')!;
    sheet.deleteRows(sheet.lastRow(), 1);
    await clickMenu(page, 'chooseRegencyWorkbooks');
    const picker = await dialogFrame();
    await picker.waitForSelector('#preview-picker [role="dialog"] input');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-coordinator-picker.png') });
    const boxes = picker.locator('#preview-picker input[type="checkbox"]');
    expect(await boxes.count()).toBe(8);
    const picked = preview.session.emu.pickedFiles(NATIONAL_COORDINATOR);
    const listing = preview.session.driveListing([...preview.session.frames.keys()].at(-1)!);
    const rest = listing.filter((f) => !f.active && !picked.includes(f.id));
    expect(rest).toHaveLength(4);
    for (const f of rest) await picker.check(`#preview-picker input[value="${f.id}"]`);
    await picker.click('#preview-picker-pick');
    await picker.waitForFunction(() => /sudah ada/.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await picker.textContent('#status')).toMatch(/^1 workbook ditambahkan ke Sumber Rekap; 3 sudah ada/);
    expect(sources().map((s) => s['Kabupaten/Kota'])).toHaveLength(7);
    expect(await picker.locator('#preview-picker').count()).toBe(0);
    expect(preview.session.emu.pickedFiles(NATIONAL_COORDINATOR)).toHaveLength(7);
    await closeDialog(picker);
    await waitIdle(page);

    await clickMenu(page, 'updateNationalSummary');
    const progress = await dialogFrame();
    await progress.waitForFunction(
      () => /Rekap nasional diperbarui/.test(document.querySelector('#status')?.textContent ?? ''),
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(await progress.textContent('#status')).toMatch(
      /7 kabupaten\/kota dari 7 workbook \(\d dibaca, \d tidak berubah, 0 bermasalah/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'preview-coordinator-update.png') });
    await closeDialog(progress);
    await waitIdle(page);
    await page.click('#tabs .tab[data-tab="Rekap Nasional"]');
    await page.waitForFunction(() => document.body.dataset.sheet === 'Rekap Nasional');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-coordinator-rekap.png') });
    const grid = (await page.textContent('#grid')) ?? '';
    for (const regency of REGENCIES) expect(grid).toContain(regency);
    expect(errors).toEqual([]);
  }, 180_000);
});
