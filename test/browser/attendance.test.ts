/** The attendance dialog in Chromium: choose sessions with the keyboard and mouse, build, read the outcome. */
import type { Browser } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { openSidebar } from '../support/gasBridge';

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function workbook(): { wb: Workbook; emu: Emulator } {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  wb.sheet('Sesi')!.setValues(2, 1, [
    [
      'TLT-FGD1',
      'FGD Hari 1',
      '27/11/2019',
      '19.00',
      'selesai',
      'WITA',
      'Balai Diklat Loka Bina Praja',
      '',
      '',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
      '',
    ],
    [
      'TLT-FGD2',
      'FGD Hari 2',
      '28/11/2019',
      '08.00',
      '12.00',
      'WITA',
      'Aula Takisung',
      '',
      '',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
      '',
    ],
  ]);
  wb.sheet('Peserta')!.setValues(2, 1, [
    ['TLT-FGD1', '<b>Rahmat</b>', 'L', 'Aparat Desa', 'Kepala Desa', 'Desa Angsau', '', ''],
  ]);
  return { wb, emu };
}

describe('Buat daftar hadir dialog', () => {
  it('lists the sessions, builds only the chosen one, reports what happened and closes', async () => {
    const { wb, emu } = workbook();
    const dialog = emu.run('buildAttendanceSheets').ui.dialogs[0];
    const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
    let closed = false;
    await page.exposeFunction('__closed', () => (closed = true));
    await page.addInitScript(() => {
      const g = window as unknown as { google?: { script: { host?: unknown } } };
      const patch = () => {
        if (g.google?.script)
          g.google.script.host = { close: () => (window as unknown as { __closed: () => void }).__closed() };
      };
      document.addEventListener('DOMContentLoaded', patch);
    });
    await openSidebar(page, emu, dialog.content);
    await page.waitForSelector('#list label');
    expect(await page.locator('#list label').allTextContents()).toEqual([
      'TLT-FGD1 — FGD Hari 1 (27/11/2019)1 peserta',
      'TLT-FGD2 — FGD Hari 2 (28/11/2019)0 peserta',
    ]);
    // Keyboard: the first checkbox has focus; Space unticks it. Mouse: build.
    await page.keyboard.press('Space');
    await page.click('#build');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('daftar hadir'));
    expect(await page.textContent('#status')).toBe('1 daftar hadir dibuat/diperbarui; 1 hal perlu diperiksa.');
    expect(await page.locator('#problems li').allTextContents()).toEqual([
      'Sesi TLT-FGD2 belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.',
    ]);
    expect(wb.sheetNames().filter((n) => n.startsWith('DH '))).toEqual(['DH TLT-FGD2']);
    await page.click('#close');
    expect(closed).toBe(true);
    await page.close();
  });

  it('says the add-on is busy, in its own words, when another action holds the lock', async () => {
    const { wb, emu } = workbook();
    const dialog = emu.run('buildAttendanceSheets').ui.dialogs[0];
    const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
    await openSidebar(page, emu, dialog.content);
    await page.waitForSelector('#list label');
    emu.holdDocumentLock();
    await page.click('#build');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('sedang'));
    const status = await page.textContent('#status');
    expect(status).toContain('Daftar hadir belum dibuat karena add-on sedang menjalankan tindakan lain');
    expect(status).not.toContain('penilai');
    emu.releaseDocumentLock();
    expect(wb.sheetNames().filter((n) => n.startsWith('DH '))).toEqual([]);
    await page.close();
  });
});
