/**
 * axe-core in Chromium on every sidebar and dialog, in each state a user meets: waiting for the
 * server, showing data, and showing an error. Every state must have no violations at all.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';
import { launchBrowser } from '../support/browser';
import { type BridgeOptions, openSidebar } from '../support/gasBridge';
import { PANEL, scoringWorkbook } from '../support/scoringWorkbook';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every axe violation on the page as "rule: element", so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
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
  return found;
}

/** A call held until `release` is called, to look at the page while it waits. */
function held(): { hold: BridgeOptions['hold']; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { hold: () => gate, release };
}

async function open(emu: Emulator, html: string, size: { width: number; height: number }, options: BridgeOptions = {}) {
  const page = await browser.newPage({ viewport: { width: size.width, height: Math.max(size.height, 400) } });
  await openSidebar(page, emu, html, options);
  return page;
}

describe('accessibility (axe-core, 0 violations)', () => {
  it('scoring form: loading, data, refused', async () => {
    const { emu } = scoringWorkbook({ user: PANEL.ani });
    const sidebar = emu.run('openScoringForm').ui.sidebars[0];
    const gate = held();
    const loading = await open(emu, sidebar.content, { width: 300, height: 900 }, { hold: gate.hold });
    await loading.waitForSelector('#message:not(:empty)');
    expect(await violations(loading)).toEqual([]);
    gate.release();
    await loading.waitForSelector('#form:not([hidden])');
    expect(await violations(loading)).toEqual([]);
    await loading.close();

    const refused = await open(
      emu,
      sidebar.content,
      { width: 300, height: 900 },
      { user: () => 'orang.lain@gmail.com' },
    );
    await refused.waitForFunction(() => document.querySelector('#message')?.textContent?.includes('Panel'));
    expect(await violations(refused)).toEqual([]);
    await refused.close();
  });

  it('attendance dialog: loading, data, error', async () => {
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
        'Balai Desa',
        '',
        '',
        'Kab. Tanah Laut',
        'Kalimantan Selatan',
        '',
      ],
    ]);
    const dialog = emu.run('buildAttendanceSheets').ui.dialogs[0];
    const gate = held();
    const page = await open(emu, dialog.content, dialog, { hold: gate.hold });
    await page.waitForSelector('#heading');
    expect(await violations(page)).toEqual([]);
    gate.release();
    await page.waitForSelector('#list input[type=checkbox]');
    expect(await violations(page)).toEqual([]);
    await page.close();

    const failing = await open(emu, dialog.content, dialog, { fault: () => 'Koneksi terputus.' });
    await failing.waitForSelector('#status:not(:empty)');
    expect(await violations(failing)).toEqual([]);
    await failing.close();
  });

  it('help sidebar, in both languages', async () => {
    for (const language of ['Indonesia', 'English']) {
      const wb = new Workbook();
      wb.addSheet('Pengaturan', [
        ['Pengaturan', 'Nilai', 'Keterangan'],
        ['Bahasa', language, ''],
      ]);
      const emu = new Emulator({ workbook: wb });
      const sidebar = emu.run('showHelp').ui.sidebars[0];
      const page = await open(emu, sidebar.content, { width: sidebar.width, height: 700 });
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
  });
});
