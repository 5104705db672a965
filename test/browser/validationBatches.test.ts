/**
 * The "Validasi data kandidat" dialog on a long tab, in Chromium: it opens from the menu and runs
 * the job at once, the progress bar and its line advance step by step, Cancel stops between
 * steps, the menu run again resumes where it stopped, a failed step is continued, and English.
 * Steps are 50 rows here (the test's setting) and the menu's one-step limit 100 rows, so the
 * 301-row demo tab takes seven blocks and the report.
 */
import type { Browser, Page } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import type { WorkbookSnapshot } from '../../emulator/workbook';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { type Bridge, type BridgeOptions, openSidebar } from '../support/gasBridge';
import { axeViolations, bar, callsTo, gate, text, until } from '../support/jobDialog';

const USER = 'koordinator@example.go.id';

let browser: Browser;
let base: WorkbookSnapshot;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
  const { workbook } = loadDemoWorkbook({ candidates: 300 });
  new Emulator({ workbook, user: USER }).run('setupWorkbook');
  base = workbook.snapshot();
});
afterAll(() => browser?.close());

function workbook(lang: 'id' | 'en' = 'id', batched = true): { wb: Workbook; emu: Emulator } {
  const wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(base)) as WorkbookSnapshot);
  const emu = new Emulator({ workbook: wb, user: USER });
  if (lang === 'en') {
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa') + 1;
    settings.setValues(row, 2, [['English']]);
  }
  if (batched) {
    emu.documentProperties.set('validation:batchSize', '50');
    emu.documentProperties.set('validation:oneStepRows', '100');
  }
  return { wb, emu };
}

/** The menu action, as a user clicks it: on a long tab it opens the dialog, which starts at once. */
async function fromMenu(emu: Emulator, options: BridgeOptions = {}): Promise<{ page: Page; bridge: Bridge }> {
  const run = emu.run('validateCandidates');
  expect(run.error).toBeUndefined();
  const dialog = run.ui.dialogs[0];
  const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
  const bridge = await openSidebar(page, emu, dialog.content, options);
  return { page, bridge };
}

const continues = (bridge: Bridge) => callsTo(bridge, 'continueValidationJob');
const statuses = (wb: Workbook) =>
  wb
    .sheet('Kandidat')!
    .values()
    .map((r) => `${String(r[0])}|${String(r[17])}|${String(r[18])}`);

const finishedText = (page: Page) =>
  page.waitForFunction(() => /selesai:|finished:/.test(document.querySelector('#status')?.textContent ?? ''));

describe('Validasi data kandidat in batches, in the dialog', () => {
  it('advances the bar step by step, stops on Cancel between steps, and the menu run again resumes', async () => {
    const { wb, emu } = workbook();
    const g = gate('continueValidationJob');
    const first = await fromMenu(emu, { hold: g.hold });
    const { page, bridge } = first;
    // The first block is on its way.
    await until(page, () => g.waiting() === 1);
    expect(await bar(page)).toEqual({ value: 0, max: 8, line: 'Memvalidasi baris 2–51 — 1 / 8', shown: true });
    expect(await text(page, '#intro')).toBe(
      'Tab Kandidat berisi 301 baris, jadi validasi berjalan per bagian (8 langkah). Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Validasi data kandidat: validasi dilanjutkan dari langkah terakhir yang selesai.',
    );
    expect(await page.isVisible('#cancel')).toBe(true);
    expect(await page.isHidden('#resumed')).toBe(true);
    // While a step is on its way, the page passes axe.
    expect(await axeViolations(page)).toEqual([]);
    g.pass();
    await until(page, () => g.waiting() === 1 && continues(bridge) === 2);
    expect(await bar(page)).toMatchObject({ value: 1, line: 'Memvalidasi baris 52–101 — 2 / 8' });
    // Cancel: the step on its way finishes, and no other is asked for.
    await page.click('#cancel');
    expect(await text(page, '#status')).toBe('Berhenti setelah langkah ini selesai…');
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Dihentikan: 2 dari 8 langkah selesai dan tersimpan. Tekan Lanjutkan, atau jalankan lagi menu Validasi data kandidat nanti.',
    );
    expect(await bar(page)).toMatchObject({ value: 2, line: '2 / 8 langkah selesai' });
    expect(continues(bridge)).toBe(2);
    expect(await page.isHidden('#cancel')).toBe(true);
    // Rows 2–101 are validated; row 102 on are not yet.
    expect(statuses(wb)[100]).toMatch(/\|(MS|TMS|Perlu Cek)\|/);
    expect(statuses(wb)[101]).toBe('||');
    // The dialog is closed; the menu, run again, goes on from step 3.
    await page.close();
    // Its next step is held until the notice has been read (it goes once the job is done).
    const held = gate('continueValidationJob');
    const again = await fromMenu(emu, { hold: held.hold });
    await until(again.page, () => held.waiting() === 1);
    await again.page.waitForSelector('#resumed:not([hidden])');
    expect(await text(again.page, '#resumed')).toBe(
      'Melanjutkan validasi yang terhenti: 2 dari 8 langkah sudah selesai.',
    );
    // Let every later step through as it comes.
    const release = setInterval(() => held.pass(), 5);
    await finishedText(again.page).finally(() => clearInterval(release));
    expect(await text(again.page, '#status')).toMatch(
      /^Validasi selesai: 300 baris: 271 MS, 20 TMS, 9 Perlu Cek; ID baru: 199\.$/,
    );
    expect((await bar(again.page)).shown).toBe(false);
    expect(await again.page.isHidden('#cancel')).toBe(true);
    expect(again.bridge.calls.map((c) => c.name)).toEqual([
      'startValidationJob',
      ...Array.from({ length: 6 }, () => 'continueValidationJob'),
    ]);
    // The same as one step.
    const one = workbook('id', false);
    one.emu.run('validateCandidates');
    expect(statuses(wb)).toEqual(statuses(one.wb));
    await again.page.close();
  });

  it('says what failed and continues from there when a step fails', async () => {
    const { wb, emu } = workbook();
    let calls = 0;
    const { page } = await fromMenu(emu, {
      fault: (name) =>
        name === 'continueValidationJob' && calls++ === 3 ? 'Koneksi terputus. / The connection dropped.' : undefined,
    });
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Gagal: Koneksi terputus. / The connection dropped.\n3 dari 8 langkah selesai dan tersimpan. Tekan Lanjutkan untuk meneruskan dari situ.',
    );
    expect(await bar(page)).toMatchObject({ value: 3, line: '3 / 8 langkah selesai' });
    await page.click('#continue');
    await finishedText(page);
    const one = workbook('id', false);
    one.emu.run('validateCandidates');
    expect(statuses(wb)).toEqual(statuses(one.wb));
    await page.close();
  });

  it('says plainly that another action holds the lock, and continues once it is free', async () => {
    const { emu } = workbook();
    const g = gate('continueValidationJob');
    const { page, bridge } = await fromMenu(emu, { hold: g.hold });
    await until(page, () => g.waiting() === 1);
    g.pass();
    await until(page, () => g.waiting() === 1 && continues(bridge) === 2);
    // Another action (a menu action, a submission) holds the document lock when step 2 reaches the server.
    emu.holdDocumentLock();
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Gagal: Validasi berhenti sejenak karena add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Lanjutkan. Baris yang sudah diperiksa tetap tersimpan.\n1 dari 8 langkah selesai dan tersimpan. Tekan Lanjutkan untuk meneruskan dari situ.',
    );
    emu.releaseDocumentLock();
    await page.click('#continue');
    for (let i = 0; i < 7; i++) {
      await until(page, () => g.waiting() === 1);
      g.pass();
    }
    await finishedText(page);
    await page.close();
  });

  it('speaks English when the workbook does', async () => {
    const { emu } = workbook('en');
    const g = gate('continueValidationJob');
    const { page } = await fromMenu(emu, { hold: g.hold });
    await until(page, () => g.waiting() === 1);
    expect((await bar(page)).line).toBe('Validating rows 2–51 — 1 / 8');
    expect(await text(page, '#heading')).toBe('Validate candidate data');
    await page.click('#cancel');
    expect(await text(page, '#status')).toBe('Stopping once this step is done…');
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Stopped: 1 of 8 steps done and saved. Press Continue, or run "Validate candidate data" again later.',
    );
    await page.click('#continue');
    for (let i = 0; i < 7; i++) {
      await until(page, () => g.waiting() === 1);
      g.pass();
    }
    await finishedText(page);
    expect(await text(page, '#status')).toMatch(
      /^Validation finished: 300 rows: 271 MS, 20 TMS, 9 Perlu Cek; new IDs: 199\.$/,
    );
    await page.close();
  });
});
