/**
 * The candidate's form page (/form) in Chromium: filled and sent with the keyboard alone, it says
 * where the response went, and the spreadsheet page open in another tab shows the new Kandidat row.
 * axe-core finds nothing on it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { startPreview, type Preview } from '../../scripts/preview/preview';
import type { RegistrationChoices } from '../../src/core/registrationApi';
import { launchBrowser } from '../support/browser';
import { ensureBuilt, ROOT } from '../support/dist';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let stateDir: string;
let preview: Preview;
let browser: Browser;
let sheetPage: Page;
let formPage: Page;
const errors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  stateDir = mkdtempSync(join(tmpdir(), 'preview-form-page-'));
  preview = await startPreview({
    port: 0,
    workbook: loadDemoWorkbook({ candidates: 100 }).workbook,
    fresh: true,
    stateDir,
  });
  browser = await launchBrowser();
  // One browser profile, two tabs: the spreadsheet and the candidate's form.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  sheetPage = await context.newPage();
  formPage = await context.newPage();
  for (const page of [sheetPage, formPage]) page.on('pageerror', (e) => errors.push(e.message));
  await sheetPage.goto(preview.url);
  await sheetPage.waitForSelector('body[data-ready="1"]');
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

/** axe-core's violations as "rule: element" (injected through the debugger: the page's CSP allows no inline script). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
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

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe("the candidate's form page", () => {
  it('is linked from the spreadsheet page and says the form is not connected yet', async () => {
    const link = sheetPage.locator('#form-link');
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('/form');
    await formPage.goto(`${preview.url}form`);
    await formPage.waitForSelector('body[data-ready="1"]');
    expect(await formPage.isVisible('#not-connected')).toBe(true);
    expect(await formPage.isVisible('#connected')).toBe(false);
    expect(await violations(formPage)).toEqual([]);
  });

  it('is filled and sent with the keyboard alone; the spreadsheet page shows the new Kandidat row', async () => {
    // The coordinator connects the form (the dialog's own calls, as the page's dialog makes them).
    const { session } = preview;
    const frame = session.runMenu('connectRegistrationForm', []).frames[0];
    const choices = session.rpc(frame.id, 'registrationChoices', [{}]) as RegistrationChoices;
    session.rpc(frame.id, 'connectRegistration', [{ tab: choices.tab, mapping: choices.mapping }]);
    session.closeFrame(frame.id);
    // The coordinator looks at Kandidat (connecting opened the new Formulir and Log tabs).
    await sheetPage.reload();
    await sheetPage.waitForSelector('body[data-ready="1"]');
    await sheetPage.click('#tabs .tab[data-tab="Kandidat"]');
    await sheetPage.waitForFunction(() => document.body.dataset.sheet === 'Kandidat');
    await formPage.reload();
    await formPage.waitForSelector('body[data-ready="1"]');
    expect(await formPage.isVisible('#connected')).toBe(true);

    const type = async (text: string) => {
      await formPage.keyboard.press('Tab');
      if (text) await formPage.keyboard.type(text);
    };
    await type('Nurul Pratiwi Keyboard');
    expect(await focused(formPage)).toBe('q1');
    await type('6301054708900077');
    // The sex question: Tab reaches the first choice, an arrow key picks the second.
    await formPage.keyboard.press('Tab');
    await formPage.keyboard.press('ArrowDown');
    expect(await formPage.isChecked('input[value="Perempuan"]')).toBe(true);
    await type('Pelaihari');
    await type('7 Agustus 1990');
    await type('SMA');
    await type('Jl. A. Yani Km 5 RT 03');
    await type('Angsau');
    await type('Pelaihari');
    await type('Kabupaten Tanah Laut');
    await type('Kalimantan Selatan');
    await type('+62 812-5550-7788');
    await type('nurul.pratiwi@gmail.com');
    expect(await focused(formPage)).toBe('q13');
    // Enter in a field sends the form, as anywhere on the web.
    await formPage.keyboard.press('Enter');
    await formPage.waitForSelector('#result[data-state="ok"]');
    expect(await focused(formPage)).toBe('result');
    const said = (await formPage.textContent('#result')) ?? '';
    const row = Number(/Kandidat baris (\d+)/.exec(said)?.[1]);
    expect(row).toBeGreaterThan(100);
    expect(said).toContain('Form Responses 1, baris 22');
    // The form is empty again for the next candidate.
    expect(await formPage.inputValue('#q1')).toBe('');
    expect(await violations(formPage)).toEqual([]);
    await formPage.screenshot({ path: join(ARTIFACTS, 'preview-form-sent.png'), fullPage: true });

    const kandidat = preview.session.workbook.sheet('Kandidat')!.values();
    const name = kandidat[0].indexOf('Nama Lengkap');
    expect(kandidat[row - 1][name]).toBe('Nurul Pratiwi Keyboard');

    // The spreadsheet page heard about it: a toast, and the grid redrawn with the row.
    await sheetPage.locator('.toast', { hasText: 'Jawaban formulir baru' }).waitFor();
    // A trigger has no screen: the tab the coordinator is looking at stays the same.
    expect(await sheetPage.evaluate(() => document.body.dataset.sheet)).toBe('Kandidat');
    await sheetPage.waitForFunction(
      (r) => document.querySelector(`#grid td[data-r="${r}"][data-c="2"]`)?.textContent === 'Nurul Pratiwi Keyboard',
      row,
    );
    await sheetPage.screenshot({ path: join(ARTIFACTS, 'preview-form-kandidat.png') });
  });

  it('fills in an example and sends it with the buttons', async () => {
    await formPage.click('#sample');
    await formPage.waitForFunction(() => (document.querySelector('#q1') as HTMLInputElement).value !== '');
    expect(await formPage.textContent('.sample-file')).toContain('scan-ktp.jpg');
    await formPage.click('#send');
    await formPage.waitForSelector('#result[data-state="ok"]:has-text("baris 23")');
    expect(await formPage.locator('.sample-file').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
