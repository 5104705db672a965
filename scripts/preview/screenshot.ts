/**
 * `npx tsx scripts/preview/screenshot.ts [out.png]`: refreshes docs/preview.png — the preview after
 * set-up and validation, on the Kandidat tab with its highlights and notes, with the scoring form
 * open for a Tanah Laut panelist. Needs the build (dist/) and Chromium at /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../test/support/browser';
import { loadDemoWorkbook } from '../demo-data/workbook';
import { ROOT, startPreview } from './preview';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'preview.png'));
  const stateDir = mkdtempSync(join(tmpdir(), 'preview-shot-'));
  const preview = await startPreview({ port: 0, workbook: loadDemoWorkbook().workbook, fresh: true, stateDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(preview.url);
    await page.waitForSelector('body[data-ready="1"]');
    const menu = async (fn: string) => {
      await page.click('#ext-button');
      await page.hover('#ext-menu button');
      await page.click(`#addon-menu [data-fn="${fn}"]`);
      await page.waitForFunction(() => document.body.dataset.busy !== '1');
    };
    await menu('setupWorkbook');
    await menu('validateCandidates');
    const panelist = preview.session.workbook
      .sheet('Panel')!
      .values()
      .find((r) => /Tanah Laut/.test(String(r[2])))![0];
    await page.selectOption('#user', String(panelist));
    await page.click('#tabs .tab[data-tab="Kandidat"]');
    await page.waitForFunction(() => document.body.dataset.sheet === 'Kandidat');
    await menu('openScoringForm');
    const frame = (await (await page.waitForSelector('#sidebar iframe')).contentFrame())!;
    await frame.waitForSelector('#form:not([hidden])');
    await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
    // Show the validation columns (Status Administrasi, Catatan Validasi) and select a TMS status.
    const tms = page.locator('#grid td', { hasText: /^TMS$/ }).first();
    await tms.click();
    await page.locator('#grid-scroll').evaluate((el) => {
      const column = el.querySelectorAll('#grid thead th')[10] as HTMLElement; // J
      el.scrollLeft = column.offsetLeft - 46;
    });
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
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
