/**
 * The attendance dialog building in batches, in Chromium: the progress bar and its line while a
 * job runs, Cancel between batches, Continue after a stop or a failure, the offer to continue when
 * the dialog opens on an unfinished job, and no bar at all when one batch does it. Batches are two
 * tabs here (the test's setting) so that seven sessions take four calls.
 */
import type { Browser, Page } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { type Bridge, type BridgeOptions, openSidebar } from '../support/gasBridge';
import { axeViolations, bar, callsTo, gate, text, until } from '../support/jobDialog';

const SESSIONS = 7;

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function workbook(batchSize?: number, lang: 'id' | 'en' = 'id'): { wb: Workbook; emu: Emulator } {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  const codes = Array.from({ length: SESSIONS }, (_, i) => `S-0${i + 1}`);
  wb.sheet('Sesi')!.setValues(
    2,
    1,
    codes.map((code, i) => [
      code,
      `FGD Hari ${i + 1}`,
      '27/11/2019',
      '08.00',
      '12.00',
      'WITA',
      'Aula',
      '',
      '',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
      '',
    ]),
  );
  wb.sheet('Peserta')!.setValues(
    2,
    1,
    codes.flatMap((code) =>
      Array.from({ length: 5 }, (_, j) => [code, `Peserta ${code} ${j}`, 'L', 'Lainnya', '', 'Desa', '', '']),
    ),
  );
  if (lang === 'en') {
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa') + 1;
    settings.setValues(row, 2, [['English']]);
  }
  if (batchSize) emu.documentProperties.set('attendance:batchSize', String(batchSize));
  return { wb, emu };
}

async function openDialog(emu: Emulator, options: BridgeOptions = {}): Promise<{ page: Page; bridge: Bridge }> {
  const dialog = emu.run('buildAttendanceSheets').ui.dialogs[0];
  const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
  const bridge = await openSidebar(page, emu, dialog.content, options);
  await page.waitForSelector('#list label');
  return { page, bridge };
}

const dhTabs = (wb: Workbook) => wb.sheetNames().filter((n) => n.startsWith('DH '));
const continues = (bridge: Bridge) => callsTo(bridge, 'continueAttendanceJob');

describe('Buat daftar hadir in batches', () => {
  it('shows a progress bar batch by batch, stops on Cancel between batches, and continues', async () => {
    const { wb, emu } = workbook(2);
    const g = gate('continueAttendanceJob');
    const { page, bridge } = await openDialog(emu, { hold: g.hold });
    await page.click('#build');
    // The first batch is done; the second is on its way.
    await until(page, () => g.waiting() === 1);
    expect(await bar(page)).toEqual({ value: 2, max: 7, line: 'Membuat DH S-03 … DH S-04 — 2 / 7', shown: true });
    expect(await page.isVisible('#cancel')).toBe(true);
    expect(await page.isDisabled('#build')).toBe(true);
    expect(await page.locator('#list input:disabled').count()).toBe(SESSIONS);
    // While a batch is on its way, the page passes axe.
    expect(await axeViolations(page)).toEqual([]);
    g.pass();
    await until(page, () => g.waiting() === 1 && continues(bridge) === 2);
    expect(await bar(page)).toMatchObject({ value: 4, line: 'Membuat DH S-05 … DH S-06 — 4 / 7' });
    // Cancel: the batch on its way finishes, and no other is asked for.
    await page.click('#cancel');
    expect(await text(page, '#status')).toBe('Berhenti setelah bagian ini selesai…');
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Dihentikan: 6 dari 7 sudah dibuat dan tetap ada. Tekan Lanjutkan untuk membuat sisanya.',
    );
    expect(await bar(page)).toMatchObject({ value: 6, line: '6 / 7 dibuat' });
    expect(continues(bridge)).toBe(2);
    expect(dhTabs(wb)).toHaveLength(6);
    expect(await page.isDisabled('#build')).toBe(false);
    // Continue picks up where it stopped.
    await page.click('#continue');
    await until(page, () => g.waiting() === 1);
    g.pass();
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('dibuat/'));
    expect(await text(page, '#status')).toBe('7 daftar hadir dibuat/diperbarui.');
    expect((await bar(page)).shown).toBe(false);
    expect(await page.isVisible('#cancel')).toBe(false);
    expect(dhTabs(wb)).toEqual(['DH S-01', 'DH S-02', 'DH S-03', 'DH S-04', 'DH S-05', 'DH S-06', 'DH S-07']);
    await page.close();
  });

  it('offers to continue a job that stopped when the dialog was closed', async () => {
    const { wb, emu } = workbook(2);
    const started = emu.runRpc('startAttendanceJob', [{ codes: null }]) as { job: string };
    emu.runRpc('continueAttendanceJob', [{ job: started.job }]);
    const { page } = await openDialog(emu);
    await page.waitForSelector('#resume:not([hidden])');
    expect(await text(page, '#resume-text')).toBe(
      'Melanjutkan pembuatan yang terhenti: 4 dari 7 sudah dibuat. Tekan Lanjutkan untuk membuat sisanya, atau Mulai dari awal untuk memilih sesi lagi.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resume-go');
    await page.click('#resume-go');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('dibuat/'));
    expect(await text(page, '#status')).toBe('7 daftar hadir dibuat/diperbarui.');
    expect(await page.isHidden('#resume')).toBe(true);
    expect(dhTabs(wb)).toHaveLength(7);
    await page.close();
  });

  it('says what failed and continues from there when a batch fails', async () => {
    const { wb, emu } = workbook(2);
    let failures = 0;
    const { page } = await openDialog(emu, {
      fault: (name) =>
        name === 'continueAttendanceJob' && failures++ === 1
          ? 'Koneksi terputus. / The connection dropped.'
          : undefined,
    });
    await page.click('#build');
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe(
      'Gagal: Koneksi terputus. / The connection dropped.\n4 dari 7 sudah dibuat. Tekan Lanjutkan untuk meneruskan dari situ.',
    );
    expect(dhTabs(wb)).toHaveLength(4);
    await page.click('#continue');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('dibuat/'));
    expect(dhTabs(wb)).toHaveLength(7);
    await page.close();
  });

  it('speaks English when the workbook does', async () => {
    const { emu } = workbook(2, 'en');
    const g = gate('continueAttendanceJob');
    const { page } = await openDialog(emu, { hold: g.hold });
    await page.click('#build');
    await until(page, () => g.waiting() === 1);
    expect((await bar(page)).line).toBe('Building DH S-03 … DH S-04 — 2 / 7');
    await page.click('#cancel');
    expect(await text(page, '#status')).toBe('Stopping once this part is done…');
    g.pass();
    await page.waitForSelector('#continue:not([hidden])');
    expect(await text(page, '#status')).toBe('Stopped: 4 of 7 built, and they stay. Press Continue to build the rest.');
    await page.close();
  });

  it('shows no bar when one batch does it all', async () => {
    const { emu } = workbook();
    let seen: Awaited<ReturnType<typeof bar>> | undefined;
    // The page, once open: the bar is looked at while the one call is on its way.
    const at: { page?: Page } = {};
    const opened = await openDialog(emu, {
      hold: (name) =>
        name === 'startAttendanceJob' && at.page ? bar(at.page).then((b) => void (seen = b)) : undefined,
    });
    const page = (at.page = opened.page);
    await page.click('#build');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('dibuat/'));
    expect(seen?.shown).toBe(false);
    expect((await bar(page)).shown).toBe(false);
    expect(opened.bridge.calls.map((c) => c.name)).toEqual(['attendanceChoices', 'startAttendanceJob']);
    expect(await text(page, '#status')).toBe('7 daftar hadir dibuat/diperbarui.');
    await page.close();
  });
});
