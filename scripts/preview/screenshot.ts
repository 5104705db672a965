/**
 * `npx tsx scripts/preview/screenshot.ts [out.png]`: refreshes the preview images in docs/ by walking
 * the add-on's workflow once in Chromium (1600 × 900) on the demo workbook, as the coordinator and a
 * Tanah Laut panelist would:
 * - preview.png (or out.png): after set-up and validation, the Kandidat tab with its highlights and
 *   notes, with the scoring form open for a Tanah Laut panelist;
 * - preview-scoring-check.png: that sidebar after typing 7 on a 1–5 criterion and "0a" on the next:
 *   the message next to each field and the weighted-total line below them (clipped to the sidebar);
 * - preview-attendance-dialog.png: after ranking and adding participants (Cadangan too), "Buat daftar
 *   hadir" at its 440 × 540 px with the sessions listed and its button;
 * - preview-dh.png: a DH tab (DH TLT-FGD1) once built: its header block and the table;
 * - preview-rekap.png: Rekap Seleksi after "Perbarui rekap": title, stamp line and the first chart;
 * - preview-stale.png: Hasil Seleksi after a Status Administrasi cell on Kandidat is typed over by
 *   hand: its stamp line replaced by the red "⚠ PERLU DIPERBARUI" notice.
 * The other images go next to out.png. Needs the build (dist/) and Chromium at /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser';
import { demoSubmissions } from '../demo-data/scoring';
import { loadDemoWorkbook } from '../demo-data/workbook';
import type { ScoringContext, SubmitResponse } from '../../src/core/scoringApi';
import { ROOT, startPreview, type Preview } from './preview';

const COORDINATOR = 'koordinator@example.go.id';
const DH_TAB = 'DH TLT-FGD1';

interface Shots {
  page: Page;
  preview: Preview;
  /** Where the images go. */
  dir: string;
}

type Clip = { x: number; y: number; width: number; height: number };

async function menu(page: Page, fn: string): Promise<void> {
  await page.click('#ext-button');
  await page.hover('#ext-menu button');
  await page.click(`#addon-menu [data-fn="${fn}"]`);
  await idle(page);
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy !== '1');
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.click(`#tabs .tab[data-tab="${name}"]`);
  await page.waitForFunction((n) => document.body.dataset.sheet === n, name);
}

/** Toasts fade on their own; the images leave them out. */
async function clearToasts(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
}

async function shot(page: Page, path: string, clip?: Clip): Promise<void> {
  await clearToasts(page);
  await page.screenshot({ path, ...(clip ? { clip } : {}) });
  console.log(`wrote ${path}`);
}

function tanahLautPanel(preview: Preview): string[] {
  return preview.session.workbook
    .sheet('Panel')!
    .values()
    .slice(1)
    .filter((r) => /Tanah Laut/.test(String(r[2])) && r[3] === 'Ya')
    .map((r) => String(r[0]));
}

/** Set up, validate, and the Tanah Laut panelist's scoring form over the Kandidat tab's TMS rows. */
async function overview({ page }: Shots, panelist: string, out: string): Promise<Frame> {
  await menu(page, 'setupWorkbook');
  await menu(page, 'validateCandidates');
  await page.selectOption('#user', panelist);
  await openTab(page, 'Kandidat');
  await menu(page, 'openScoringForm');
  const frame = (await (await page.waitForSelector('#sidebar iframe')).contentFrame())!;
  await frame.waitForSelector('#form:not([hidden])');
  // Show the validation columns (Status Administrasi, Catatan Validasi) and select a TMS status.
  await page.locator('#grid td', { hasText: /^TMS$/ }).first().click();
  await page.locator('#grid-scroll').evaluate((el) => {
    const column = el.querySelectorAll('#grid thead th')[10] as HTMLElement; // J
    el.scrollLeft = column.offsetLeft - 46;
  });
  await shot(page, out);
  return frame;
}

/**
 * The panelist types K1–K3 and then 7 on K4 (scale 1–5) and "0a" on K5, with the keyboard as the
 * form expects; the sidebar is scrolled to show both messages and the weighted-total line under them.
 */
async function scoringCheck({ page, dir }: Shots, frame: Frame): Promise<void> {
  await frame.focus('#score-K1');
  for (const key of ['4', 'Tab', '3', 'Tab', '5', 'Tab', '7', 'Tab']) await page.keyboard.press(key);
  await page.keyboard.type('0a');
  await frame.waitForSelector('#error-K4:not(:empty)');
  await frame.waitForSelector('#error-K5:not(:empty)');
  await frame.evaluate(() => {
    document.querySelector('.criterion[data-code="K4"]')!.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -12);
  });
  const box = (await page.locator('#sidebar').boundingBox())!;
  await shot(page, join(dir, 'preview-scoring-check.png'), box);
}

/** The rest of the Tanah Laut panel scores through the sidebar's own server function, as npm run demo does. */
function scorePanel(preview: Preview): void {
  const panelists = tanahLautPanel(preview);
  const emu = preview.session.emu;
  const context = emu.runRpc('scoringContext', [{}], { user: panelists[0] }) as ScoringContext;
  const codes = context.rubric.map((c) => c.code);
  for (const { user, request } of demoSubmissions(context.candidates, panelists, codes)) {
    const response = emu.runRpc('submitScore', [request], { user }) as SubmitResponse;
    if (!response.ok) throw new Error(`${user} ${request.candidateId}: ${response.message}`);
  }
}

/** As the coordinator: rank, add participants (Cadangan too), and open "Buat daftar hadir". */
async function attendanceDialog({ page, dir }: Shots): Promise<Frame> {
  await page.selectOption('#user', COORDINATOR);
  await page.waitForFunction(() => !document.querySelector('#sidebar:not([hidden])'));
  await menu(page, 'computeRanking');
  await page.click('#ext-button');
  await page.hover('#ext-menu button');
  await page.click('#addon-menu [data-fn="addParticipantsFromResults"]');
  await page.locator('.modal.alert button[data-button="YES"]').click();
  await idle(page);
  await page.click('#ext-button');
  await page.hover('#ext-menu button');
  await page.click('#addon-menu [data-fn="buildAttendanceSheets"]');
  const handle = await page.waitForSelector('#dialog iframe');
  const size = (await handle.boundingBox())!;
  if (Math.round(size.width) !== 440 || Math.round(size.height) !== 540)
    throw new Error(`the dialog is ${size.width} × ${size.height} px, not the 440 × 540 it asks for`);
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('#list input[type=checkbox]');
  await shot(page, join(dir, 'preview-attendance-dialog.png'));
  return frame;
}

/** Builds every session's sheet from the dialog, then shows the first Tanah Laut one. */
async function attendanceSheet({ page, dir }: Shots, frame: Frame): Promise<void> {
  await frame.click('#build');
  await frame.waitForFunction(() => /daftar hadir dibuat/.test(document.querySelector('#status')?.textContent ?? ''));
  await page.click('#dialog .close');
  await openTab(page, DH_TAB);
  await shot(page, join(dir, 'preview-dh.png'));
}

async function summaries({ page, dir }: Shots): Promise<void> {
  await menu(page, 'refreshSummaries');
  await openTab(page, 'Rekap Seleksi');
  await page.waitForSelector('svg.chart');
  await shot(page, join(dir, 'preview-rekap.png'));
}

/** A status typed over by hand on Kandidat: the ranking's stamp line turns into the red notice. */
async function staleReport({ page, dir }: Shots): Promise<void> {
  await openTab(page, 'Kandidat');
  const column = await page
    .locator('#grid td[data-r="1"]', { hasText: /^Status Administrasi$/ })
    .getAttribute('data-c');
  const cell = page.locator(`#grid td[data-r="5"][data-c="${column}"]`);
  const next = (await cell.textContent()) === 'TMS' ? 'MS' : 'TMS';
  await cell.dblclick();
  await page.fill('#cell-editor', next);
  await page.keyboard.press('Enter');
  await idle(page);
  await openTab(page, 'Hasil Seleksi');
  await page.locator('#grid td', { hasText: /^⚠ PERLU DIPERBARUI/ }).waitFor();
  // The tab's top: title, the notice in place of the stamp, and the first table's header.
  const below = (await page.locator('#grid td[data-r="19"][data-c="1"]').boundingBox())!;
  await shot(page, join(dir, 'preview-stale.png'), { x: 0, y: 0, width: 1600, height: Math.round(below.y) });
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'preview.png'));
  const stateDir = mkdtempSync(join(tmpdir(), 'preview-shot-'));
  const preview = await startPreview({ port: 0, workbook: loadDemoWorkbook().workbook, fresh: true, stateDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(preview.url);
    await page.waitForSelector('body[data-ready="1"]');
    const shots: Shots = { page, preview, dir: dirname(out) };
    const [panelist] = tanahLautPanel(preview);
    const form = await overview(shots, panelist, out);
    await scoringCheck(shots, form);
    scorePanel(preview);
    await attendanceSheet(shots, await attendanceDialog(shots));
    await summaries(shots);
    await staleReport(shots);
  } finally {
    await browser.close();
    await preview.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
