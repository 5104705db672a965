/** The verification desk in real Chromium, worked with the keyboard only, as a verifier in a hurry would. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, ROOT } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { type BridgeOptions, openSidebar } from '../support/gasBridge';
import { CANDIDATES, DRIVE_LINK, deskWorkbook, rowById } from '../support/deskWorkbook';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function deskPage(options: BridgeOptions & { language?: 'English'; account?: string } = {}) {
  const { wb, emu } = deskWorkbook({ language: options.language, user: options.account });
  const run = emu.run('openVerificationDesk');
  expect(run.error).toBeUndefined();
  const sidebar = run.ui.sidebars[0];
  expect(sidebar.width).toBe(300);
  const context = await browser.newContext({ viewport: { width: 300, height: 1100 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const bridge = await openSidebar(page, emu, sidebar.content, options);
  return { wb, emu, page, context, bridge, dialogs, errors, html: sidebar.content };
}

const titleIs = (page: Page, text: string) =>
  page.waitForFunction(
    (t) =>
      document.querySelector('#title')?.textContent === t && !document.querySelector('#form')?.hasAttribute('hidden'),
    text,
  );

/** The document radios' states, in order. */
const checklist = (page: Page) =>
  page.$$eval('#documents fieldset.doc', (sets) =>
    sets.map(
      (s) =>
        `${s.querySelector('legend')?.textContent}: ${(s.querySelector('input:checked') as HTMLInputElement | null)?.value}`,
    ),
  );

/** On each document in turn: its key, then Tab to the next group. */
async function checkDocuments(page: Page, keys: string): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.keyboard.press('Tab');
  }
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
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

describe('verification desk sidebar', () => {
  it('checks documents, decides and moves on with the keyboard only; a hostile name stays text', async () => {
    const { wb, page, context, bridge, dialogs, errors } = await deskPage();
    await titleIs(page, `K-0002 — ${CANDIDATES.rahmat}`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.textContent('#who')).toBe('verifikator@example.go.id');
    expect(await page.textContent('#progress')).toBe('0 / 4 diperiksa');
    expect(await page.textContent('#nik')).toBe('630103******0002');
    expect(await page.textContent('#findings')).toContain('Peringatan: ');
    // Focus starts on the first document.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('doc-0');

    // KTP, Ijazah, Surat sehat present; SKCK missing; Pas foto present; no decision; Enter saves.
    await checkDocuments(page, 'aaata');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('decision');
    await page.keyboard.press('Enter');
    await titleIs(page, `K-0003 — ${CANDIDATES.hostile}`);
    expect(await page.textContent('#saved')).toMatch(/^K-0002 tersimpan pukul \d\d:\d\d: status TMS\.$/);
    expect(await page.textContent('#progress')).toBe('1 / 4 diperiksa');
    expect(rowById(wb, 'K-0002')['Kelengkapan Berkas']).toBe(
      'KTP ✓; Ijazah terakhir ✓; Surat keterangan sehat ✓; SKCK ✗; Pas foto ✓',
    );
    expect(rowById(wb, 'K-0002')['Status Administrasi']).toBe('TMS');
    // The name <img src=x onerror=alert(1)> is text, not markup.
    expect(await page.locator('img').count()).toBe(0);
    // Only the https Drive link is a link; javascript: and plain http stay text.
    const links = await page.$$eval('#links a', (as) =>
      as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
    );
    expect(links).toEqual([[DRIVE_LINK, '_blank', 'noopener noreferrer']]);
    expect(await page.textContent('#links')).toContain('javascript:alert(1)');

    // All present, decision MS (M), a reason typed in the remarks, Ctrl+Enter saves.
    await checkDocuments(page, 'aaaaa');
    await page.keyboard.press('m');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#reason-error')).toBe(
      'Keputusan MS atau TMS perlu alasan: pilih dari daftar atau tulis sendiri.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason-choice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Email dikonfirmasi lewat telepon');
    await page.keyboard.press('Control+Enter');
    await titleIs(page, `K-0005 — ${CANDIDATES.asep}`);
    expect(await page.textContent('#progress')).toBe('2 / 4 diperiksa');
    const k3 = rowById(wb, 'K-0003');
    expect([k3['Keputusan Verifikator'], k3['Alasan Verifikator'], k3['Status Administrasi']]).toEqual([
      'MS',
      'Email dikonfirmasi lewat telepon',
      'MS',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'desk-sidebar.png'), fullPage: true });

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(bridge.blocked).toEqual([]);
    await context.close();
  });

  it('keeps the form when the call fails and says so; the draft survives a closed sidebar; a retry saves it', async () => {
    let fail = true;
    const { wb, emu, page, context, html } = await deskPage({
      fault: (name) => (name === 'deskSave' && fail ? 'NetworkError: connection lost' : undefined),
    });
    await titleIs(page, `K-0002 — ${CANDIDATES.rahmat}`);
    await checkDocuments(page, 'tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('#form-error')?.textContent ?? '') !== '');
    expect(await page.textContent('#form-error')).toBe(
      'Belum tersimpan: NetworkError: connection lost Isian Anda masih di formulir; coba lagi.',
    );
    const typed = await checklist(page);
    expect(typed.slice(0, 3)).toEqual([
      'KTP: Tidak ada',
      'Ijazah terakhir: Ada',
      'Surat keterangan sehat: Belum dicek',
    ]);
    expect(rowById(wb, 'K-0002')['Kelengkapan Berkas']).toBe('');

    await page.close();
    fail = false;
    const again = await context.newPage();
    await openSidebar(again, emu, html);
    await titleIs(again, `K-0002 — ${CANDIDATES.rahmat}`);
    expect(await again.textContent('#draft-note')).toBe('Draf yang belum tersimpan dipulihkan.');
    expect(await checklist(again)).toEqual(typed);
    await again.click('#submit');
    await titleIs(again, `K-0003 — ${CANDIDATES.hostile}`);
    expect(rowById(wb, 'K-0002')['Kelengkapan Berkas']).toBe('KTP ✗; Ijazah terakhir ✓');
    await context.close();
  });

  it('tells the second verifier who decided first, shows the current entries, and writes nothing', async () => {
    const { wb, emu, page, context } = await deskPage();
    await titleIs(page, `K-0002 — ${CANDIDATES.rahmat}`);
    const other = emu.runRpc('deskCandidate', [{ id: 'K-0002' }], { user: 'verifikator.dua@example.go.id' }) as {
      stamp: string;
    };
    emu.runRpc(
      'deskSave',
      [
        {
          id: 'K-0002',
          documents: { KTP: 'Ada' },
          decision: 'TMS',
          reason: 'NIK tidak sesuai KTP',
          stamp: other.stamp,
        },
      ],
      { user: 'verifikator.dua@example.go.id' },
    );
    const row = rowById(wb, 'K-0002');
    await checkDocuments(page, 'aaaaa');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#conflict:not([hidden])');
    expect(await page.textContent('#form-error')).toMatch(
      /^Tidak disimpan: K-0002 sudah diperiksa oleh verifikator\.dua@example\.go\.id pada /,
    );
    expect(await page.textContent('#conflict')).toContain('TMS — NIK tidak sesuai KTP');
    expect(rowById(wb, 'K-0002')).toEqual(row);
    expect(await page.textContent('#title')).toBe(`K-0002 — ${CANDIDATES.rahmat}`);
    await context.close();
  });

  it('shows the full NIK only on a click, filters by regency, and speaks English when Bahasa is English', async () => {
    const { wb, page, context } = await deskPage({ language: 'English' });
    await titleIs(page, `K-0002 — ${CANDIDATES.rahmat}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#heading')).toBe('Verification desk');
    expect(await page.textContent('#progress')).toBe('0 / 4 checked');
    expect(await page.textContent('#submit')).toBe('Save & next');
    expect(await page.textContent('#nik')).toBe('630103******0002');
    await page.click('#reveal');
    await page.waitForFunction(() => document.querySelector('#nik')?.textContent === '6301031708900002');
    expect(wb.sheet('Log')!.values().at(-1)!.slice(1, 3)).toEqual(['verifikator@example.go.id', 'Full NIK revealed']);
    await page.selectOption('#regency', 'Kabupaten Garut');
    await titleIs(page, `K-0005 — ${CANDIDATES.asep}`);
    expect(await page.textContent('#progress')).toBe('0 / 1 checked');
    await page.selectOption('#scope', 'all');
    expect(await page.$$eval('#candidate option', (os) => os.length)).toBe(1);
    await page.selectOption('#regency', '');
    expect(await page.$$eval('#candidate option', (os) => os.length)).toBe(6);
    await context.close();
  });

  it('asks a verifier Google does not name for their name first', async () => {
    const { wb, page, context } = await deskPage({ account: '' });
    await page.waitForSelector('#naming:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    await page.keyboard.type('Rina Wati');
    await page.keyboard.press('Enter');
    await titleIs(page, `K-0002 — ${CANDIDATES.rahmat}`);
    expect(await page.textContent('#who')).toBe('Rina Wati (diisi sendiri)');
    await page.keyboard.press('Enter');
    await titleIs(page, `K-0003 — ${CANDIDATES.hostile}`);
    expect(rowById(wb, 'K-0002')['Diverifikasi Oleh']).toBe('Rina Wati (diisi sendiri)');
    await context.close();
  });

  it('has no axe violations: loading, a candidate, an error, the name prompt', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { page, context } = await deskPage({
      hold: (name) => (name === 'deskQueue' ? gate : undefined),
      fault: (name) => (name === 'deskSave' ? 'Koneksi terputus.' : undefined),
    });
    await page.waitForSelector('#message:not(:empty)');
    expect(await violations(page)).toEqual([]);
    release();
    await titleIs(page, `K-0002 — ${CANDIDATES.rahmat}`);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('#form-error')?.textContent ?? '') !== '');
    expect(await violations(page)).toEqual([]);
    await context.close();

    const naming = await deskPage({ account: '' });
    await naming.page.waitForSelector('#naming:not([hidden])');
    expect(await violations(naming.page)).toEqual([]);
    await naming.context.close();
  });
});
