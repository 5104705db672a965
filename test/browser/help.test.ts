/** The help sidebar in real Chromium, as Sheets shows it: 300 px wide, served by the real showHelp. */
import type { Browser, Page } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function openHelp(
  language: 'Indonesia' | 'English',
): Promise<{ page: Page; requests: string[]; width: number; title: string }> {
  const wb = new Workbook();
  wb.addSheet('Pengaturan', [
    ['Pengaturan', 'Nilai', 'Keterangan'],
    ['Bahasa', language, ''],
  ]);
  const run = new Emulator({ workbook: wb }).run('showHelp');
  expect(run.error).toBeUndefined();
  const sidebar = run.ui.sidebars[0];
  const page = await browser.newPage({ viewport: { width: sidebar.width, height: 700 } });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent(sidebar.content);
  expect(errors).toEqual([]);
  return { page, requests, width: sidebar.width, title: sidebar.title };
}

describe('Panduan sidebar', () => {
  it('shows the Indonesian guide in a 300 px sidebar without fetching anything', async () => {
    const { page, requests, width, title } = await openHelp('Indonesia');
    expect(width).toBe(300);
    expect(title).toBe('Seleksi & FGD — Panduan');
    expect(await page.textContent('h1')).toBe('Panduan Seleksi & FGD');
    expect(await page.locator('ol li').count()).toBe(13);
    // Every step of the workflow, with the menu item to click, named as the menu names it.
    const text = (await page.textContent('main')) ?? '';
    for (const label of [
      'Validasi data kandidat',
      'Hubungkan formulir pendaftaran',
      'Impor jawaban formulir',
      'Buka meja verifikasi',
      'Proses sanggah',
      'Buka formulir penilaian',
      'Hitung skor & peringkat',
      'Tambahkan peserta dari hasil seleksi',
      'Buat daftar hadir',
      'Perbarui rekap',
    ])
      expect(text).toContain(`Ekstensi › Seleksi & FGD › ${label}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('opens in English when Bahasa is English, and switches language from the keyboard', async () => {
    const { page } = await openHelp('English');
    expect(await page.textContent('h1')).toBe('Seleksi & FGD guide');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Indonesia');
    await page.keyboard.press('Enter');
    expect(await page.textContent('h1')).toBe('Panduan Seleksi & FGD');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.close();
  });
});
