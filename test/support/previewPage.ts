/** The preview (npm start) on a workbook, in Chromium, as the preview tests open it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Workbook } from '../../emulator';
import { startPreview, type Preview } from '../../scripts/preview/preview';
import { launchBrowser } from './browser';

export interface PreviewPage {
  preview: Preview;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page, for a test to require none. */
  errors: string[];
  close(): Promise<void>;
}

/** Starts the preview on `workbook` with a fresh state folder and opens it at 1440 × 900, ready. */
export async function openPreviewPage(workbook: Workbook, name: string): Promise<PreviewPage> {
  const stateDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const preview = await startPreview({ port: 0, workbook, fresh: true, stateDir });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(preview.url);
  await page.waitForSelector('body[data-ready="1"]');
  return {
    preview,
    browser,
    page,
    errors,
    async close() {
      await browser.close();
      await preview.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Chooses an item of the add-on menu (Ekstensi › Seleksi & FGD › …) by the function it runs. */
export async function clickMenu(page: Page, functionName: string): Promise<void> {
  await page.click('#ext-button');
  await page.hover('#ext-menu button');
  await page.click(`#addon-menu [data-fn="${functionName}"]`);
}

/** Waits until the page has drawn the result of what it was doing. */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy !== '1');
}
