/**
 * The preview (npm start) end to end in Chromium: the whole add-on used through the page, as the
 * coordinator and a Tanah Laut panelist would: set up, validate, score in the sidebar, rank, add
 * participants (answering the Cadangan question), build attendance sheets in the dialog, tick a
 * Hadir box, rebuild the summaries. Each step asserts on what the page shows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { demoSubmissions } from '../../scripts/demo-data/scoring';
import type { Preview } from '../../scripts/preview/preview';
import type { ScoringContext, SubmitResponse } from '../../src/core/scoringApi';
import { clickMenu, openPreviewPage, type PreviewPage, waitIdle } from '../support/previewPage';
import { ensureBuilt, ROOT } from '../support/dist';
import { MENU } from '../../src/core/menu';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const COORDINATOR = 'koordinator@example.go.id';

let opened: PreviewPage;
let preview: Preview;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const { workbook } = loadDemoWorkbook({ candidates: 300 });
  opened = await openPreviewPage(workbook, 'preview-test');
  ({ preview, page, errors } = opened);
});

afterAll(async () => {
  await opened?.close();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `preview-${name}.png`) });

const menu = (functionName: string) => clickMenu(page, functionName);
const idle = () => waitIdle(page);

async function toast(text: string | RegExp): Promise<string> {
  const locator = page.locator('.toast', { hasText: text }).last();
  await locator.waitFor();
  return locator.innerText();
}

async function openTab(name: string): Promise<void> {
  await page.click(`#tabs .tab[data-tab="${name}"]`);
  await page.waitForFunction((n) => document.body.dataset.sheet === n, name);
}

async function switchUser(email: string): Promise<void> {
  await page.selectOption('#user', email);
  await page.waitForFunction(
    (e) =>
      (document.querySelector('#user') as HTMLSelectElement).value === e &&
      !document.querySelector('#sidebar:not([hidden])'),
    email,
  );
}

function tanahLautPanel(): string[] {
  const rows = preview.session.workbook.sheet('Panel')!.values().slice(1);
  return rows.filter((r) => /Tanah Laut/i.test(String(r[2])) && r[3] === 'Ya').map((r) => String(r[0]));
}

async function sidebarFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar:not([hidden]) iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}

describe('npm start preview', () => {
  it('shows the demo workbook as a spreadsheet with the add-on menu', async () => {
    expect(await page.textContent('#file-name')).toBe('Seleksi & FGD — demo');
    expect(await page.locator('#tabs .tab.active').textContent()).toBe('Kandidat');
    expect(await page.locator('#grid thead th').nth(1).textContent()).toBe('A');
    expect(await page.locator('#grid td[data-r="1"][data-c="1"]').textContent()).toBe('ID');
    await page.click('#ext-button');
    await page.hover('#ext-menu button');
    const items = await page.locator('#addon-menu button').allTextContents();
    // Every item of the add-on's menu, in its order (the labels come from the one menu definition).
    expect(items).toEqual(MENU.flat().map((entry) => entry.label.id));
    await shot('1-menu');
    await page.keyboard.press('Escape');
    await page.click('#file-name');
  });

  it('sets up and validates: a TMS row is highlighted with its note', async () => {
    await menu('setupWorkbook');
    expect(await toast('Lembar kerja siap')).toContain('Selesai');
    await idle();
    await menu('validateCandidates');
    expect(await toast('Validasi selesai')).toMatch(/300 baris: \d+ MS, \d+ TMS/);
    await idle();
    await openTab('Kandidat');
    const tmsRow = page.locator('#grid tbody tr', { has: page.locator('td', { hasText: /^TMS$/ }) }).first();
    const marked = tmsRow.locator('td.note').first();
    await marked.waitFor();
    expect(await marked.getAttribute('title')).toBeTruthy();
    const background = await marked.evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    // Frozen header row stays on top.
    expect(await page.locator('#grid tbody tr').first().getAttribute('class')).toContain('frozen');
    await shot('2-validated');
  });

  it('edits a cell: Escape cancels, Enter commits with Sheets typing rules and onEdit', async () => {
    const cell = page.locator('#grid td[data-r="2"][data-c="2"]');
    const before = (await cell.textContent()) ?? '';
    await cell.dblclick();
    await page.keyboard.type('Tidak jadi');
    await page.keyboard.press('Escape');
    expect(await cell.textContent()).toBe(before);
    await cell.dblclick();
    await page.fill('#cell-editor', 'Siti Aminah');
    await page.keyboard.press('Enter');
    await idle();
    await page.waitForFunction(
      () => document.querySelector('#grid td[data-r="2"][data-c="2"]')?.textContent === 'Siti Aminah',
    );
    expect(preview.session.workbook.sheet('Kandidat')!.values()[1][1]).toBe('Siti Aminah');
    expect(await page.textContent('#cell-ref')).toBe('B3');
  });

  it('scores three candidates with the keyboard in the sidebar as a Tanah Laut panelist', async () => {
    const [me, ...others] = tanahLautPanel();
    expect(others.length).toBeGreaterThanOrEqual(1);
    // The rest of the Tanah Laut panel has scored, through the sidebar's own server function (as npm run demo does).
    const context = preview.session.emu.runRpc('scoringContext', [{}], { user: others[0] }) as ScoringContext;
    for (const { user, request } of demoSubmissions(
      context.candidates,
      others,
      context.rubric.map((c) => c.code),
    )) {
      expect((preview.session.emu.runRpc('submitScore', [request], { user }) as SubmitResponse).ok).toBe(true);
    }
    await switchUser(me);
    await menu('openScoringForm');
    const frame = await sidebarFrame();
    await frame.waitForSelector('#form:not([hidden])');
    expect(await page.textContent('#sidebar-title')).toBeTruthy();
    expect(await frame.textContent('#who')).toContain('Tanah Laut');
    const total = Number(/\/ (\d+)/.exec((await frame.textContent('#progress')) ?? '')?.[1]);
    await frame.focus('#score-K1');
    const digits = ['43542', '55555', '12345'];
    for (let i = 0; i < digits.length; i++) {
      for (const digit of digits[i]) {
        await page.keyboard.press(digit);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await frame.waitForFunction(
        (want) => document.querySelector('#progress')?.textContent === want,
        `${i + 1} / ${total} dinilai`,
      );
    }
    const mine = preview.session.workbook
      .sheet('Penilaian')!
      .values()
      .filter((r) => r[2] === me);
    expect(mine).toHaveLength(3);
    await shot('3-scoring');
  });

  it('computes the ranking as the coordinator', async () => {
    await switchUser(COORDINATOR);
    await menu('computeRanking');
    expect(await toast('Peringkat selesai')).toMatch(/[1-9]\d* Lulus/);
    await idle();
    await openTab('Hasil Seleksi');
    await page
      .locator('#grid td', { hasText: /^Lulus$/ })
      .first()
      .waitFor();
    await shot('4-ranking');
  });

  it('adds participants after answering the Cadangan question in the alert', async () => {
    const before = preview.session.workbook.sheet('Peserta')!.values().length;
    await menu('addParticipantsFromResults');
    const question = page.locator('.modal.alert');
    await question.waitFor();
    expect(await question.textContent()).toContain('Sertakan juga kandidat Cadangan?');
    expect(await question.locator('button').allTextContents()).toEqual(['Batal', 'Tidak', 'Ya']);
    // Nothing has happened yet: the run waits for the answer.
    expect(preview.session.workbook.sheet('Peserta')!.values().length).toBe(before);
    await shot('5-question');
    await question.locator('button[data-button="YES"]').click();
    expect(await toast('peserta ditambahkan')).toMatch(/\d+ peserta ditambahkan/);
    await idle();
    expect(preview.session.workbook.sheet('Peserta')!.values().length).toBeGreaterThan(before);
    const log = preview.session.workbook
      .sheet('Log')!
      .values()
      .map((r) => r.join(' '));
    expect(log.some((line) => line.includes('Lulus + Cadangan'))).toBe(true);
  });

  it('builds the attendance sheets through the dialog and ticks a Hadir box', async () => {
    await menu('buildAttendanceSheets');
    const handle = await page.waitForSelector('#dialog iframe');
    // The dialog gets the 440 × 540 px the add-on asks for, as in Sheets (it was once crushed to 150 px).
    const size = await handle.boundingBox();
    expect([Math.round(size!.width), Math.round(size!.height)]).toEqual([440, 540]);
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('#list input[type=checkbox]');
    await frame.click('#build');
    await frame.waitForFunction(() => /daftar hadir dibuat/.test(document.querySelector('#status')?.textContent ?? ''));
    await page.waitForSelector('#tabs .tab[data-tab^="DH TLT-"]');
    await shot('6-attendance-dialog');
    await page.click('#dialog .close');
    const tab = (await page.locator('#tabs .tab[data-tab^="DH TLT-"]').first().getAttribute('data-tab'))!;
    await openTab(tab);
    const box = page.locator('#grid td.checkbox input').first();
    expect(await box.isChecked()).toBe(false);
    const { r, c } = await box.evaluate((el) => ({
      r: Number(el.parentElement!.dataset.r),
      c: Number(el.parentElement!.dataset.c),
    }));
    await box.click();
    await idle();
    await page.waitForFunction(() => (document.querySelector('#grid td.checkbox input') as HTMLInputElement).checked);
    expect(preview.session.workbook.sheet(tab)!.getCell(r, c)?.value).toBe(true);
    await shot('7-ticked');
  });

  it('rebuilds the summaries and draws their charts', async () => {
    await menu('refreshSummaries');
    expect(await toast('Rekap diperbarui')).toBeTruthy();
    await idle();
    await openTab('Rekap Seleksi');
    await page.waitForSelector('svg.chart');
    const titles = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
    expect(titles).toContain('Kandidat menurut jenis kelamin');
    expect(await page.locator('svg.chart[data-type="PIE"] path').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.chart[data-type="COLUMN"] rect').count()).toBeGreaterThan(5);
    await shot('8-summaries');
    await openTab('Rekap Kehadiran');
    await page.waitForSelector('svg.chart[data-type="BAR"]');
    await shot('9-attendance-summary');
    expect(errors).toEqual([]);
  });
});
