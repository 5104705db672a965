/** The scoring sidebar in real Chromium, driven by keyboard as a panelist in a hurry would. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, ROOT } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { openSidebar } from '../support/gasBridge';
import { PANEL, scoreRows, scoringWorkbook } from '../support/scoringWorkbook';
import { roundTotal, weightedTotalOf } from '../../src/core/scale';
import type { ScoringContext } from '../../src/core/scoringApi';

const ARTIFACTS = join(ROOT, 'test-artifacts');
let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function scoringPage(user: string, options: Parameters<typeof openSidebar>[3] = {}) {
  const { wb, emu } = scoringWorkbook({ user });
  const run = emu.run('openScoringForm');
  expect(run.error).toBeUndefined();
  const sidebar = run.ui.sidebars[0];
  expect(sidebar.width).toBe(300);
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const bridge = await openSidebar(page, emu, sidebar.content, options);
  await page.waitForSelector('#form:not([hidden])');
  return { wb, emu, page, context, bridge, dialogs, errors, html: sidebar.content };
}

async function typeScores(page: Page, digits: string): Promise<void> {
  for (const digit of digits) {
    await page.keyboard.press(digit);
    await page.keyboard.press('Tab');
  }
}

describe('scoring sidebar', () => {
  it('scores three candidates with the keyboard only, and shows a hostile name as text', async () => {
    const { wb, page, context, bridge, dialogs, errors } = await scoringPage(PANEL.ani);
    expect(await page.textContent('#who')).toBe('Ani Rahmawati · Kabupaten Tanah Laut');
    expect(await page.textContent('#progress')).toBe('0 / 4 dinilai');
    expect(await page.textContent('#candidate-title')).toBe('K-0001 — Siti Aminah');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('score-K1');
    expect(await page.textContent('.criterion .guidance')).toContain('1 = tidak dapat menyebut masalah sosial desa');

    await typeScores(page, '43542');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#candidate-title')?.textContent === 'K-0002 — Rahmat Hidayat',
    );
    expect(await page.textContent('#saved')).toMatch(/^K-0001: Tersimpan pukul \d\d\.\d\d\.$/);
    expect(await page.textContent('#progress')).toBe('1 / 4 dinilai');

    await typeScores(page, '55555');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#candidate-title')?.textContent?.startsWith('K-0003'));
    // The name <img src=x onerror=alert(1)> is text, not markup: no image element, no alert.
    expect(await page.textContent('#candidate-title')).toBe('K-0003 — <img src=x onerror=alert(1)>');
    expect(await page.locator('img').count()).toBe(0);

    await typeScores(page, '12345');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#progress')?.textContent === '3 / 4 dinilai');
    await page.screenshot({ path: join(ARTIFACTS, 'scoring-sidebar.png') });

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(bridge.blocked).toEqual([]);
    const rows = scoreRows(wb)
      .slice(1)
      .map((r) => [r[1], r[2], r[4], r[5], r[6], r[7], r[8]]);
    expect(rows).toEqual([
      ['K-0001', PANEL.ani, 4, 3, 5, 4, 2],
      ['K-0002', PANEL.ani, 5, 5, 5, 5, 5],
      ['K-0003', PANEL.ani, 1, 2, 3, 4, 5],
    ]);
    await context.close();
  });

  it('shows a field error next to the criterion and saves nothing when a score is missing', async () => {
    const { wb, page, context } = await scoringPage(PANEL.ani);
    await typeScores(page, '44');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#error-K3')).toBe('K3: isi bilangan bulat 1–5.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('score-K3');
    expect(scoreRows(wb)).toHaveLength(1);
    await context.close();
  });

  it('says at once, next to the field, when a typed score is off the scale, and shows the weighted total as it is typed', async () => {
    const { emu, page, context } = await scoringPage(PANEL.ani);
    expect(await page.textContent('#total')).toBe('Skor tertimbang muncul setelah semua nilai terisi dengan benar.');
    await page.keyboard.press('7');
    expect(await page.textContent('#error-K1')).toBe('K1: isi bilangan bulat 1–5.');
    expect(await page.getAttribute('#score-K1', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#score-K1', 'aria-describedby')).toContain('error-K1');
    await page.fill('#score-K1', '0a');
    expect(await page.textContent('#error-K1')).toBe('K1: isi bilangan bulat 1–5.');
    await page.fill('#score-K1', '');
    await page.focus('#score-K1');
    await typeScores(page, '43542');
    expect(await page.textContent('#error-K1')).toBe('');
    expect(await page.getAttribute('#score-K1', 'aria-invalid')).toBeNull();
    // The same formula as the saved Total, written the Indonesian way.
    const ctx = emu.runRpc('scoringContext', [{}], { user: PANEL.ani }) as ScoringContext;
    const typed: Record<string, number> = { K1: 4, K2: 3, K3: 5, K4: 4, K5: 2 };
    const expected = roundTotal(weightedTotalOf(ctx.rubric, (code) => typed[code]));
    expect(await page.textContent('#total')).toBe(
      `Skor tertimbang: ${expected.toLocaleString('id-ID', { maximumFractionDigits: 2 })} dari 100`,
    );
    await context.close();
  });

  it('keeps what was typed when the call fails, and saves it on retry', async () => {
    let failNext = true;
    const { wb, page, context } = await scoringPage(PANEL.ani, {
      fault: (name) => {
        if (name !== 'submitScore' || !failNext) return undefined;
        failNext = false;
        return 'NetworkError: connection lost';
      },
    });
    await typeScores(page, '33333');
    await page.fill('#note', 'catatan penting');
    await page.click('#submit');
    await page.waitForFunction(() => (document.querySelector('#form-error')?.textContent ?? '') !== '');
    expect(await page.textContent('#form-error')).toBe(
      'Belum tersimpan: NetworkError: connection lost Nilai Anda masih di formulir; coba lagi.',
    );
    expect(await page.inputValue('#score-K1')).toBe('3');
    expect(await page.inputValue('#note')).toBe('catatan penting');
    expect(scoreRows(wb)).toHaveLength(1);
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#progress')?.textContent === '1 / 4 dinilai');
    expect(scoreRows(wb)[1][11]).toBe('catatan penting');
    await context.close();
  });

  it('keeps the form when the lock is held, with a retry message', async () => {
    const { emu, page, context } = await scoringPage(PANEL.ani);
    emu.holdDocumentLock();
    await typeScores(page, '22222');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('#form-error')?.textContent ?? '') !== '');
    expect(await page.textContent('#form-error')).toContain(
      'Penyimpanan tertunda karena penilai lain sedang menyimpan.',
    );
    expect(await page.inputValue('#score-K5')).toBe('2');
    emu.releaseDocumentLock();
    await context.close();
  });

  it('restores a draft after the sidebar is closed and reopened', async () => {
    const { emu, page, context, html } = await scoringPage(PANEL.ani);
    await typeScores(page, '21');
    await page.close();
    const again = await context.newPage();
    await openSidebar(again, emu, html);
    await again.waitForSelector('#form:not([hidden])');
    expect(await again.inputValue('#score-K1')).toBe('2');
    expect(await again.inputValue('#score-K2')).toBe('1');
    expect(await again.textContent('#draft-note')).toBe('Draf yang belum tersimpan dipulihkan.');
    await context.close();
  });

  it('re-opening a scored candidate shows the panelist’s own scores, never another panelist’s', async () => {
    const { emu, page, context } = await scoringPage(PANEL.ani);
    emu.runRpc(
      'submitScore',
      [{ candidateId: 'K-0002', scores: { K1: 1, K2: 1, K3: 1, K4: 1, K5: 1 }, recused: false, note: 'rahasia budi' }],
      { user: PANEL.budi },
    );
    await typeScores(page, '45454');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#candidate-title')?.textContent?.startsWith('K-0002'));
    expect(await page.inputValue('#score-K1')).toBe('');
    expect(await page.content()).not.toContain('rahasia budi');
    await page.selectOption('#candidate', 'K-0001');
    expect(await page.inputValue('#score-K2')).toBe('5');
    expect(await page.textContent('#draft-note')).toBe(
      'Anda sudah menilai kandidat ini; ubah lalu simpan lagi bila perlu.',
    );
    await context.close();
  });

  it('fetches the panelist’s own earlier score when a candidate scored in an earlier session is reopened', async () => {
    const { emu, page, context } = await scoringPage(PANEL.ani, {});
    emu.runRpc(
      'submitScore',
      [
        {
          candidateId: 'K-0004',
          scores: { K1: 2, K2: 3, K3: 4, K4: 5, K5: 1 },
          recused: false,
          note: 'dari tadi pagi',
        },
      ],
      { user: PANEL.ani },
    );
    await page.reload();
    await page.waitForSelector('#form:not([hidden])');
    expect(await page.textContent('#progress')).toBe('1 / 4 dinilai');
    await page.selectOption('#candidate', 'K-0004');
    await page.waitForFunction(() => (document.querySelector('#score-K1') as HTMLInputElement | null)?.value === '2');
    expect(await page.inputValue('#score-K5')).toBe('1');
    expect(await page.inputValue('#note')).toBe('dari tadi pagi');
    expect(await page.textContent('#draft-note')).toBe(
      'Anda sudah menilai kandidat ini; ubah lalu simpan lagi bila perlu.',
    );
    await context.close();
  });

  it('lets a panelist without a Google email choose their name', async () => {
    const { wb, emu } = scoringWorkbook({ user: '' });
    const html = emu.run('openScoringForm').ui.sidebars[0].content;
    const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
    const page = await context.newPage();
    await openSidebar(page, emu, html, { user: () => '' });
    await page.waitForSelector('#chooser:not([hidden])');
    await page.selectOption('#choice', PANEL.budi);
    await page.click('#choose');
    await page.waitForSelector('#form:not([hidden])');
    expect(await page.textContent('#who')).toContain('Budi Santoso · Tanah Laut (dipilih sendiri)');
    await typeScores(page, '33333');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#progress')?.textContent === '1 / 4 dinilai');
    expect(scoreRows(wb)[1][13]).toBe('Dipilih sendiri');
    await context.close();
  });

  it('never offers a self-declared caller a panelist who has signed in with Google', async () => {
    const { emu } = scoringWorkbook({ user: '' });
    emu.runRpc('scoringContext', [{}], { user: PANEL.budi });
    const html = emu.run('openScoringForm').ui.sidebars[0].content;
    const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
    const page = await context.newPage();
    await openSidebar(page, emu, html, { user: () => '' });
    await page.waitForSelector('#chooser:not([hidden])');
    const offered = await page.$$eval('#choice option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value),
    );
    expect(offered).not.toContain(PANEL.budi);
    expect(offered).toContain(PANEL.ani);
    await context.close();
  });

  it('after a criterion is added, reopening a scored candidate shows the old scores and asks only for the new one', async () => {
    const { wb, emu, page, context } = await scoringPage(PANEL.ani);
    await typeScores(page, '45454');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#progress')?.textContent === '1 / 4 dinilai');
    wb.sheet('Kriteria')!.setValues(7, 1, [
      ['K6', 'Kerja sama tim', 10, 1, 5, '1 = sendiri; 5 = menggerakkan tim', ''],
    ]);
    await page.reload();
    await page.waitForSelector('#form:not([hidden])');
    await page.selectOption('#candidate', 'K-0001');
    await page.waitForFunction(() => (document.querySelector('#score-K1') as HTMLInputElement | null)?.value === '4');
    expect(await page.inputValue('#score-K6')).toBe('');
    await page.focus('#score-K6');
    await page.keyboard.press('3');
    await page.click('#submit');
    await page.waitForFunction(() => (document.querySelector('#saved')?.textContent ?? '').startsWith('K-0001'));
    const [header, row] = scoreRows(wb);
    expect(row[header.indexOf('K6')]).toBe(3);
    expect(String(row[header.indexOf('Segel')])).toMatch(/^2\|K1,K2,K3,K4,K5,K6\|/);
    expect(emu.run('computeRanking').ui.alerts).toEqual([]);
    expect(JSON.stringify(wb.sheet('Hasil Seleksi')!.values())).not.toContain('diubah manual');
    await context.close();
  });
});
