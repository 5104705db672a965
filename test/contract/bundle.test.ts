/**
 * The bundle contract: what Apps Script needs from dist/ and nothing more. These run the real
 * built files, not the sources.
 */
import { ATTENDANCE_ENDPOINTS, SCORING_ENDPOINTS } from '../../src/core/endpoints';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Emulator, Workbook } from '../../emulator';
import { MENU } from '../../src/core/menu';
import { DIST, bundleSource, ensureBuilt, htmlFiles } from '../support/dist';

/**
 * The server bundle's budget, in bytes. Apps Script evaluates all of it on every execution, every
 * sidebar call included (about 6 ms in V8 at this size, `npm run bench`; a service call costs
 * 40–150 ms), so it is held where it is and growth has to be chosen: 268,644 with zod/mini; 249,296
 * once src/core/shape.ts replaced it; 296,481 with the verification desk (≈ 12.7 KB), the two
 * announcements (≈ 19 KB) and the objections (≈ 14.4 KB), mostly bilingual messages; 304,082 with
 * the performance work of issue 15 (≈ 7.6 KB: the national pass list drawn in bands, archive rows
 * deleted run by run, attendance copies writing only their differing blocks, the scoring form's
 * one cache call, the desk's save sharing the live check's reads), each of which takes seconds
 * off a wait while the whole bundle still evaluates in about 2 ms; 304,967 once the ranking and
 * the validation read only the columns they use (≈ 0.9 KB).
 */
const SERVER_BUNDLE_BUDGET = 310_000;

const INDONESIAN = MENU.map((group) => group.map((e) => e.label.id));
const ENGLISH = MENU.map((group) => group.map((e) => e.label.en));

/** Menu items as [label, function] with separators as '---'. */
function flatMenu(run: ReturnType<Emulator['run']>): string[] {
  const menu = run.ui.menus[0];
  return menu.items.map((item) =>
    'label' in item && item.label !== undefined ? `${item.label} → ${item.functionName}` : '---',
  );
}

function expectedMenu(labels: string[][]): string[] {
  const out: string[] = [];
  MENU.forEach((group, g) => {
    if (g > 0) out.push('---');
    group.forEach((entry, i) => out.push(`${labels[g][i]} → ${entry.functionName}`));
  });
  return out;
}

describe('dist/ layout', () => {
  beforeAll(ensureBuilt);

  it('holds the manifest with V8, Asia/Makassar and the five least-privilege scopes and the Sheets advanced service', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Makassar');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    // The national roll-up reads the chosen regency workbooks through the Sheets API (drive.file reaches only those).
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
    ]);
  });

  it('keeps the server bundle within its budget: Apps Script evaluates all of it on every execution', () => {
    expect(Buffer.byteLength(bundleSource())).toBeLessThanOrEqual(SERVER_BUNDLE_BUDGET);
  });

  it('is what clasp pushes: .clasp.json points at dist/', () => {
    const clasp = JSON.parse(readFileSync(join(DIST, '..', '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
  });
});

describe('Code.js', () => {
  const code = bundleSource();

  it('leaves no ES module syntax and declares each entry point as a top-level function', () => {
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/^\s*import\s/m);
    const app = runInNewContext(
      `${code}; ({ App, stubs: [onOpen, onInstall, setupWorkbook, showHelp].map(f => typeof f) })`,
      {},
    );
    expect(app.stubs).toEqual(['function', 'function', 'function', 'function']);
  });

  it('loads in a bare context and references no Node or browser global', () => {
    const forbidden = [
      'require',
      'process',
      'module',
      'exports',
      'setTimeout',
      'setInterval',
      'fetch',
      'URL',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
      'Buffer',
      'window',
      'document',
      'navigator',
    ];
    // Loading runs every module's top level; a Proxy global reports any name it is asked for.
    const asked = new Set<string>();
    const sandbox = new Proxy(
      {},
      {
        has: (_t, key) => {
          if (typeof key === 'string') asked.add(key);
          return false;
        },
      },
    );
    runInNewContext(code, runInNewContext('this', sandbox));
    expect(forbidden.filter((name) => asked.has(name))).toEqual([]);
    // And no unguarded reference anywhere in the text (a `typeof X` feature test is fine).
    for (const name of forbidden) {
      const uses = code.match(new RegExp(`(?<![\\w$.'"])${name}\\s*[.(\\[]`, 'g')) ?? [];
      expect([name, uses]).toEqual([name, []]);
    }
  });

  it('names only existing public top-level functions in the menu and in every google.script.run call', () => {
    const emu = new Emulator({ workbook: new Workbook() });
    const functions = new Set(emu.topLevelFunctions());
    const run = emu.run('onOpen', [{ authMode: 'FULL' }]);
    const named = run.ui.menus[0].items
      .filter((i) => 'functionName' in i && i.functionName)
      .map((i) => ('functionName' in i ? String(i.functionName) : ''));
    // The sidebars call google.script.run only through their typed client, built from these lists
    // (test/contract/endpoints.test.ts checks that no page goes around it).
    named.push(...SCORING_ENDPOINTS, ...ATTENDANCE_ENDPOINTS);
    expect(named).toEqual(expect.arrayContaining(['scoringContext', 'submitScore']));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) {
      expect([name, functions.has(name), name.endsWith('_')]).toEqual([name, true, false]);
    }
  });
});

describe('onOpen', () => {
  it.each(['NONE', 'LIMITED'] as const)(
    'builds the whole Indonesian add-on menu in auth mode %s, touching only the menu services',
    (authMode) => {
      const emu = new Emulator({ workbook: new Workbook() });
      const run = emu.run('onOpen', [{ authMode }], { authMode });
      expect(run.error).toBeUndefined();
      expect(run.ui.menus).toHaveLength(1);
      expect(run.ui.menus[0].addon).toBe(true);
      expect(flatMenu(run)).toEqual(expectedMenu(INDONESIAN));
      const services = Object.keys(run.calls).map((c) => c.split('.')[0]);
      const allowed =
        authMode === 'NONE' ? ['SpreadsheetApp', 'Ui', 'Menu'] : ['SpreadsheetApp', 'Ui', 'Menu', 'Spreadsheet'];
      expect([...new Set(services)].filter((s) => !allowed.includes(s))).toEqual([]);
    },
  );

  it('builds the English menu in LIMITED mode when Bahasa is English', () => {
    const wb = new Workbook();
    wb.addSheet('Pengaturan', [
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Bahasa', 'English', ''],
    ]);
    const run = new Emulator({ workbook: wb }).run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED' });
    expect(flatMenu(run)).toEqual(expectedMenu(ENGLISH));
    // getUi, createAddonMenu, one call per item and separator, addToUi, and one read of Pengaturan (4 calls).
    const menuCalls = MENU.flat().length + (MENU.length - 1);
    expect(run.totalCalls).toBeLessThanOrEqual(menuCalls + 3 + 4);
  });

  it('falls back to Indonesian in mode NONE, where the settings cannot be read', () => {
    const wb = new Workbook();
    wb.addSheet('Pengaturan', [
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Bahasa', 'English', ''],
    ]);
    const run = new Emulator({ workbook: wb }).run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    expect(run.error).toBeUndefined();
    expect(flatMenu(run)).toEqual(expectedMenu(INDONESIAN));
  });

  it('onInstall builds the same menu', () => {
    const run = new Emulator({ workbook: new Workbook() }).run('onInstall', [{ authMode: 'FULL' }]);
    expect(flatMenu(run)).toEqual(expectedMenu(INDONESIAN));
  });
});

describe('sidebar HTML', () => {
  it('is self-contained: no external scripts, styles, fonts or images', () => {
    for (const page of htmlFiles()) {
      expect([page.name, page.content.match(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi)]).toEqual([page.name, null]);
      expect([page.name, /@import|url\(\s*['"]?https?:/i.test(page.content)]).toEqual([page.name, false]);
    }
  });

  it("names no address but Google's Picker script, and that only on the Picker page", () => {
    const PICKER_SCRIPT = 'https://apis.google.com/js/api.js';
    for (const page of htmlFiles()) {
      const urls = (page.content.match(/https?:\/\/[^\s"'`)<>]+/g) ?? []).filter(
        (u) => !u.startsWith('http://www.w3.org/'),
      );
      expect([page.name, [...new Set(urls)]]).toEqual([page.name, page.name === 'Picker.html' ? [PICKER_SCRIPT] : []]);
    }
  });
});
