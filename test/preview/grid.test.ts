/**
 * The preview's grid in Chromium, drawn as Google Sheets draws it: text that is not wrapped overflows
 * into empty neighbours (and stops at the first non-empty cell, a merge or the frozen columns), each
 * tab keeps its own scroll position, and the tab bar and the grid always show the same tab, also
 * while an action opens a new one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Workbook } from '../../emulator';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import type { Preview } from '../../scripts/preview/preview';
import { clickMenu, openPreviewPage, type PreviewPage, waitIdle } from '../support/previewPage';
import { ensureBuilt, ROOT } from '../support/dist';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const TEST_TAB = 'Uji Luapan';
const LONG = 'Rekap Seleksi Calon Penyuluh Sosial Kabupaten Tanah Laut 2026';

let opened: PreviewPage;
let preview: Preview;
let page: Page;
let errors: string[];

/**
 * A tab with one case per row (frozen: row 1 and column A):
 * 1 long text in a frozen row · 2 long text in the frozen column A, and in B with C… empty ·
 * 3 the same text with D3 filled · 4 right-aligned in E · 5 centred in D · 6 wrapped · 7 a number too
 * wide for its cell · 8 C8:D8 merged next to the text · 9 the text in the merge B9:C9.
 */
function addOverflowTab(workbook: Workbook): void {
  const sheet = workbook.addSheet(TEST_TAB);
  sheet.frozenRows = 1;
  sheet.frozenColumns = 1;
  const put = (a1: [number, number], value: string | number) => sheet.setValues(a1[0], a1[1], [[value]]);
  put([1, 2], LONG);
  put([2, 1], LONG);
  put([2, 2], LONG);
  put([3, 2], LONG);
  put([3, 4], 'x');
  put([4, 5], LONG);
  sheet.cellData(4, 5).horizontalAlignment = 'right';
  put([5, 4], LONG);
  sheet.cellData(5, 4).horizontalAlignment = 'center';
  put([6, 2], LONG);
  sheet.cellData(6, 2).wrapStrategy = 'WRAP';
  put([7, 2], 1234567890.12345);
  sheet.cellData(7, 2).fontSize = 18;
  put([8, 2], LONG);
  sheet.merges.push({ row: 8, col: 3, numRows: 1, numCols: 2 });
  put([9, 2], LONG);
  sheet.merges.push({ row: 9, col: 2, numRows: 1, numCols: 2 });
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const { workbook } = loadDemoWorkbook({ candidates: 100 });
  addOverflowTab(workbook);
  opened = await openPreviewPage(workbook, 'preview-grid');
  ({ preview, page, errors } = opened);
});

afterAll(async () => {
  await opened?.close();
});

const menu = (functionName: string) => clickMenu(page, functionName);
const idle = () => waitIdle(page);

async function openTab(name: string): Promise<void> {
  await page.click(`#tabs .tab[data-tab="${name}"]`);
  await page.waitForFunction((n) => document.body.dataset.sheet === n, name);
}

const cell = (row: number, col: number): Locator => page.locator(`#grid td[data-r="${row}"][data-c="${col}"]`);

interface Extent {
  /** The cell's box. */
  cell: { left: number; right: number };
  /** The whole text, as laid out (clipped or not). */
  text: { left: number; right: number };
  /** The part of the text no ancestor clips away. */
  visible: { left: number; right: number };
}

/** Where a cell's text is laid out and how much of it its clipping ancestors let through. */
function textExtent(locator: Locator): Promise<Extent> {
  return locator.evaluate((td) => {
    const node = document.createTreeWalker(td, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.selectNodeContents(node);
    const text = range.getBoundingClientRect();
    const visible = { left: text.left, right: text.right };
    for (let el = node.parentElement; el && el.id !== 'grid'; el = el.parentElement) {
      if (getComputedStyle(el).overflowX === 'visible') continue;
      const box = el.getBoundingClientRect();
      visible.left = Math.max(visible.left, box.left);
      visible.right = Math.min(visible.right, box.right);
    }
    const box = td.getBoundingClientRect();
    return {
      cell: { left: box.left, right: box.right },
      text: { left: text.left, right: text.right },
      visible,
    };
  });
}

/**
 * How many dark (text) pixels are drawn inside a cell, from a screenshot decoded by Chromium itself:
 * text that overflows into an empty cell must also be painted above that cell's background.
 */
async function inkIn(locator: Locator): Promise<number> {
  const box = (await locator.boundingBox())!;
  const png = await page.screenshot({
    clip: { x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4 },
  });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
    return dark;
  }, png.toString('base64'));
}

const scrollOf = () => page.locator('#grid-scroll').evaluate((el) => ({ top: el.scrollTop, left: el.scrollLeft }));

async function scrollTo(top: number, left: number): Promise<{ top: number; left: number }> {
  await page.locator('#grid-scroll').evaluate(
    (el, to) => {
      el.scrollTop = to.top;
      el.scrollLeft = to.left;
    },
    { top, left },
  );
  return scrollOf();
}

describe('preview grid', () => {
  it('lets unwrapped text overflow into empty neighbours, up to a filled cell, a merge or the frozen columns', async () => {
    await openTab(TEST_TAB);
    const leftOf = async (row: number, col: number) => (await cell(row, col).boundingBox())!.x;

    // Row 2, B: the whole title shows across the empty C, D, E…, drawn over them.
    const b2 = await textExtent(cell(2, 2));
    expect(b2.text.right - b2.text.left).toBeGreaterThan(2 * (b2.cell.right - b2.cell.left));
    expect(b2.visible.right).toBeGreaterThanOrEqual(b2.text.right - 1);
    expect(b2.visible.left).toBeLessThanOrEqual(b2.text.left + 1);
    expect(await inkIn(cell(2, 3))).toBeGreaterThan(20);
    expect(await inkIn(cell(2, 4))).toBeGreaterThan(20);
    // Sheets draws no gridline under the text; past its end the gridlines are back.
    const rightBorder = (row: number, col: number) =>
      cell(row, col).evaluate((td) => getComputedStyle(td).borderRightColor);
    expect(await rightBorder(2, 3)).toBe('rgba(0, 0, 0, 0)');
    expect(await rightBorder(2, 8)).not.toBe('rgba(0, 0, 0, 0)');

    // Row 1 is frozen: the same there.
    const b1 = await textExtent(cell(1, 2));
    expect(b1.visible.right).toBeGreaterThanOrEqual(b1.text.right - 1);
    expect(await inkIn(cell(1, 3))).toBeGreaterThan(20);

    // Row 3: the same text stops where D3 ('x') begins, having used the empty C3.
    const b3 = await textExtent(cell(3, 2));
    const d3 = await leftOf(3, 4);
    expect(b3.visible.right).toBeGreaterThan(b3.cell.right + 50);
    expect(b3.visible.right).toBeLessThanOrEqual(d3);
    expect(b3.visible.right).toBeLessThan(b3.text.right);

    // Column A is frozen: its text does not cross into B.
    const a2 = await textExtent(cell(2, 1));
    expect(a2.visible.right).toBeLessThanOrEqual(a2.cell.right);

    // Right-aligned text overflows to the left, as far as B (A is frozen).
    const e4 = await textExtent(cell(4, 5));
    expect(e4.visible.right).toBeLessThanOrEqual(e4.cell.right);
    expect(e4.visible.left).toBeLessThan(e4.cell.left - 150);
    expect(e4.visible.left).toBeGreaterThanOrEqual(await leftOf(4, 2));
    expect(await inkIn(cell(4, 4))).toBeGreaterThan(20);

    // Centred text overflows both ways, centred on its own cell.
    const d5 = await textExtent(cell(5, 4));
    expect(d5.visible.left).toBeLessThan(d5.cell.left - 50);
    expect(d5.visible.right).toBeGreaterThan(d5.cell.right + 50);
    const centre = (d5.cell.left + d5.cell.right) / 2;
    expect(Math.abs((d5.text.left + d5.text.right) / 2 - centre)).toBeLessThan(2);
    expect(await inkIn(cell(5, 3))).toBeGreaterThan(20);
    expect(await inkIn(cell(5, 5))).toBeGreaterThan(20);

    // Wrapped text and numbers never overflow.
    const b6 = await textExtent(cell(6, 2));
    expect(b6.visible.right).toBeLessThanOrEqual(b6.cell.right);
    expect(await inkIn(cell(6, 3))).toBe(0);
    const b7 = await textExtent(cell(7, 2));
    expect(b7.text.right).toBeGreaterThan(b7.cell.right);
    expect(b7.visible.right).toBeLessThanOrEqual(b7.cell.right);
    expect(await inkIn(cell(7, 3))).toBe(0);

    // A merge next to the text stops it; text in a merge stays in the merge.
    const b8 = await textExtent(cell(8, 2));
    expect(b8.visible.right).toBeLessThanOrEqual(b8.cell.right);
    const b9 = await textExtent(cell(9, 2));
    expect(b9.visible.right).toBeLessThanOrEqual(b9.cell.right);
    expect(await inkIn(cell(9, 4))).toBe(0);

    // Clicking overflowed text selects the empty cell under it, as in Sheets.
    await cell(2, 3).click();
    expect(await page.textContent('#cell-ref')).toBe('C2');
    expect(errors).toEqual([]);
  });

  it('keeps a scroll position per tab; a tab opened for the first time starts at A1', async () => {
    await openTab('Kandidat');
    const kandidat = await scrollTo(800, 300);
    expect(kandidat.top).toBeGreaterThan(700);
    expect(kandidat.left).toBeGreaterThan(200);

    await openTab('Panel');
    expect(await scrollOf()).toEqual({ top: 0, left: 0 });
    const panel = await scrollTo(120, 150);
    expect(panel.top).toBeGreaterThan(100);

    await openTab('Kandidat');
    expect(await scrollOf()).toEqual(kandidat);
    await openTab('Panel');
    expect(await scrollOf()).toEqual(panel);
  });

  it('updates the tab bar and the grid together when an action opens a new tab', async () => {
    await openTab('Kandidat');
    const kandidat = await scrollTo(600, 200);
    // Record what the bar and the grid show after every change to the page and on every frame.
    await page.evaluate(() => {
      const samples: Array<{ tab: string; grid: string; a1: string }> = [];
      const sample = () =>
        samples.push({
          tab: document.querySelector<HTMLElement>('#tabs .tab.active')?.dataset.tab ?? '',
          grid: document.querySelector<HTMLElement>('#grid')?.dataset.sheet ?? '',
          a1: document.querySelector('#grid td[data-r="1"][data-c="1"]')?.textContent ?? '',
        });
      const observer = new MutationObserver(sample);
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class', 'data-sheet'],
      });
      let frames = true;
      const onFrame = () => {
        sample();
        if (frames) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      Object.assign(window, {
        stopSampling: () => {
          observer.disconnect();
          frames = false;
          return samples;
        },
      });
    });

    await menu('setupWorkbook');
    await idle();
    await menu('validateCandidates');
    await idle();
    await page.waitForFunction(() => document.body.dataset.sheet === 'Laporan Validasi');
    const samples = await page.evaluate(() =>
      (window as unknown as { stopSampling: () => Array<{ tab: string; grid: string; a1: string }> }).stopSampling(),
    );

    const a1 = (tab: string) => preview.session.workbook.sheet(tab)?.displayValue(1, 1);
    expect(samples.map((s) => s.tab)).toContain('Laporan Validasi');
    // Consecutive identical samples once each, to keep a failure readable.
    const states = samples.filter((s, i) => i === 0 || JSON.stringify(s) !== JSON.stringify(samples[i - 1]));
    const disagreeing = states.filter((s) => s.grid !== s.tab || s.a1 !== a1(s.tab));
    expect(disagreeing).toEqual([]);

    // The new tab starts at A1 with its title (a line merged across the page) shown in full;
    // Kandidat is where it was left.
    expect(await scrollOf()).toEqual({ top: 0, left: 0 });
    const title = await textExtent(cell(1, 1));
    expect(title.text.right - title.text.left).toBeGreaterThan(200);
    expect(title.visible.right).toBeGreaterThanOrEqual(title.text.right - 1);
    await openTab('Kandidat');
    expect(await scrollOf()).toEqual(kandidat);
  });

  it('shows the long titles of a summary tab in full (screenshot)', async () => {
    await menu('refreshSummaries');
    await idle();
    await openTab('Rekap Seleksi');
    for (const row of [1, 2]) {
      const title = await textExtent(cell(row, 1));
      expect(title.visible.right).toBeGreaterThanOrEqual(title.text.right - 1);
    }
    await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
    await page.screenshot({ path: join(ARTIFACTS, 'preview-overflow.png') });
    expect(errors).toEqual([]);
  });
});
