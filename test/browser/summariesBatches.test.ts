/**
 * The "Perbarui rekap" dialog on a large workbook, in Chromium: it opens from the menu and runs the
 * job at once, the progress bar and its line advance step by step ("Membuat Rekap Seleksi — 2 / 3"),
 * Cancel stops between steps, the menu run again resumes where it stopped, a busy lock is said
 * plainly and continued, and English. The workbook is the small demo after the whole workflow;
 * the menu's one-step limit is 1 cell here, so it takes the dialog's way.
 */
import type { Browser, Page } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import type { WorkbookSnapshot } from '../../emulator/workbook';
import { comparable, fullWorkflow, smallDemo } from '../hardening/workflow';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { type Bridge, type BridgeOptions, openSidebar } from '../support/gasBridge';
import { axeViolations, bar, callsTo, gate, text, until } from '../support/jobDialog';

const USER = 'koordinator@example.go.id';

let browser: Browser;
let base: WorkbookSnapshot;
let props: Array<[string, string]>;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
  const { wb, emu } = smallDemo();
  fullWorkflow(emu);
  base = wb.snapshot();
  // The score seals' secret is a document property: without it no score would count.
  props = [...emu.documentProperties.entries()];
});
afterAll(() => browser?.close());

function workbook(lang: 'id' | 'en' = 'id', batched = true): { wb: Workbook; emu: Emulator } {
  const wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(base)) as WorkbookSnapshot);
  const emu = new Emulator({ workbook: wb, user: USER });
  for (const [k, v] of props) emu.documentProperties.set(k, v);
  if (lang === 'en') {
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa') + 1;
    settings.setValues(row, 2, [['English']]);
  }
  if (batched) emu.documentProperties.set('summaries:oneStepCells', '1');
  return { wb, emu };
}

/** The menu action, as a user clicks it: on a large workbook it opens the dialog, which starts at once. */
async function fromMenu(emu: Emulator, options: BridgeOptions = {}): Promise<{ page: Page; bridge: Bridge }> {
  const run = emu.run('refreshSummaries');
  expect(run.error).toBeUndefined();
  const dialog = run.ui.dialogs[0];
  const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
  const bridge = await openSidebar(page, emu, dialog.content, options);
  return { page, bridge };
}

const continues = (bridge: Bridge) => callsTo(bridge, 'continueSummariesJob');

const finishedText = (page: Page) =>
  page.waitForFunction(() => /selesai:|finished:/.test(document.querySelector('#status')?.textContent ?? ''));

/** The same workbook refreshed in one step from the menu. */
function oneStep(lang: 'id' | 'en' = 'id'): string {
  const one = workbook(lang, false);
  expect(one.emu.run('refreshSummaries').ui.dialogs).toEqual([]);
  return comparable(one.wb);
}

describe('Perbarui rekap in steps, in the dialog', () => {
  it('advances the bar step by step, stops on Cancel between steps, and the menu run again resumes', async () => {
    const { wb, emu } = workbook();
    const rows = wb.sheet('Kandidat')!.lastRow() - 1;
    const g = gate('continueSummariesJob');
    const { page, bridge } = await fromMenu(emu, { hold: g.hold });
    await until(page, () => g.waiting() === 1);
    expect(await bar(page)).toEqual({ value: 0, max: 3, line: 'Menghitung kesepakatan panel — 1 / 3', shown: true });
    expect(await text(page, '#heading')).toBe('Perbarui rekap');
    expect(await text(page, '#intro')).toBe(
      `Tab Kandidat berisi ${rows} baris, jadi rekap dibuat per bagian (3 langkah). Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Perbarui rekap: pembuatan rekap dilanjutkan dari langkah terakhir yang selesai.`,
    );
    expect(await page.isVisible('#cancel')).toBe(true);
    // While a step is on its way, the page passes axe.
    expect(await axeViolations(page)).toEqual([]);
    g.pass();
    await until(page, () => g.waiting() === 1 && continues(bridge) === 2);
    expect(await bar(page)).toMatchObject({ value: 1, line: 'Membuat Rekap Seleksi — 2 / 3' });
    // Cancel: the step on its way finishes, and no other is asked for.
    await page.click('#cancel');
    expect(await text(page, '#status')).toBe('Berhenti setelah langkah ini selesai…');
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Dihentikan: 2 dari 3 langkah selesai dan tersimpan. Tekan Lanjutkan, atau jalankan lagi menu Perbarui rekap nanti.',
    );
    expect(await bar(page)).toMatchObject({ value: 2, line: '2 / 3 langkah selesai' });
    expect(continues(bridge)).toBe(2);
    // The dialog is closed; the menu, run again, goes on from step 3.
    await page.close();
    // Its last step is held until the notice has been read (it goes once the job is done).
    const held = gate('continueSummariesJob');
    const again = await fromMenu(emu, { hold: held.hold });
    await until(again.page, () => held.waiting() === 1);
    await again.page.waitForSelector('#resumed:not([hidden])');
    expect(await text(again.page, '#resumed')).toBe(
      'Melanjutkan pembuatan rekap yang terhenti: 2 dari 3 langkah sudah selesai.',
    );
    held.pass();
    await finishedText(again.page);
    expect(await text(again.page, '#status')).toMatch(/^Rekap selesai: Rekap diperbarui/);
    expect((await bar(again.page)).shown).toBe(false);
    expect(again.bridge.calls.map((c) => c.name)).toEqual(['startSummariesJob', 'continueSummariesJob']);
    expect(comparable(wb)).toBe(oneStep());
    await again.page.close();
  });

  it('says plainly that another action holds the lock, and continues once it is free', async () => {
    const { wb, emu } = workbook();
    const g = gate('continueSummariesJob');
    const { page, bridge } = await fromMenu(emu, { hold: g.hold });
    await until(page, () => g.waiting() === 1);
    g.pass();
    await until(page, () => g.waiting() === 1 && continues(bridge) === 2);
    emu.holdDocumentLock();
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Gagal: Pembuatan rekap berhenti sejenak karena add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Lanjutkan. Langkah yang sudah selesai tetap tersimpan.\n1 dari 3 langkah selesai dan tersimpan. Tekan Lanjutkan untuk meneruskan dari situ.',
    );
    emu.releaseDocumentLock();
    await page.click('#continue');
    for (let i = 0; i < 2; i++) {
      await until(page, () => g.waiting() === 1);
      g.pass();
    }
    await finishedText(page);
    expect(comparable(wb)).toBe(oneStep());
    await page.close();
  });

  it('speaks English when the workbook does', async () => {
    const { emu } = workbook('en');
    const g = gate('continueSummariesJob');
    const { page } = await fromMenu(emu, { hold: g.hold });
    await until(page, () => g.waiting() === 1);
    expect((await bar(page)).line).toBe('Computing the panel agreement — 1 / 3');
    expect(await text(page, '#heading')).toBe('Update summaries');
    await page.click('#cancel');
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Stopped: 1 of 3 steps done and saved. Press Continue, or run "Update summaries" again later.',
    );
    await page.click('#continue');
    await until(page, () => g.waiting() === 1);
    expect((await bar(page)).line).toBe('Building Rekap Seleksi — 2 / 3');
    for (let i = 0; i < 2; i++) {
      await until(page, () => g.waiting() === 1);
      g.pass();
    }
    await finishedText(page);
    expect(await text(page, '#status')).toMatch(/^Summaries finished: Summaries updated/);
    await page.close();
  });
});
