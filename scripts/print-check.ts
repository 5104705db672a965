/**
 * `npm run print-check`: does every generated tab print as planned with Sheets' default print
 * settings (A4, Normal margins, 100 % unless the tab's note says "Fit to width")?
 *
 * Apps Script cannot set print settings, so each generated tab is laid out for them
 * (src/core/printPages.ts). This script runs the whole demo workflow and, for every tab that has a
 * `printSetupOf`, exports it alone to xlsx with that page setup (A4, its orientation, its scale;
 * Normal margins, emulator/xlsx.ts) and has LibreOffice print it to PDF (`soffice --convert-to pdf`,
 * one run for all the files). Then, with poppler:
 *   - every page is A4 in the tab's orientation (pdfinfo, ±2 pt);
 *   - a tab printed at 100 % fits the page width: nothing spills onto extra pages off the right
 *     edge. Two more copies of the tab are printed, at 100 % and fitted to width, both with a manual
 *     page break every few rows (well short of a page); they must have the same number of pages.
 *     The breaks pin the vertical pagination, so the counts can only differ by pages of columns
 *     (or overflowing text) beyond the right edge. Without them the comparison is not reliable:
 *     LibreOffice's "fit to width" sometimes shrinks a sheet that fits by a few per cent when that
 *     saves a page (seen with LibreOffice 7.4 on a sheet with one 140 px column).
 *   - an attendance sheet (DH …) has exactly the pages its layout planned (the n of its footers
 *     "Halaman k dari n"), and PDF page k shows "Halaman k dari n" (pdftotext): the printer broke
 *     the pages exactly where the plan did.
 * Prints one line per tab and exits non-zero if any check fails. Files are left in out/print/.
 * With --png, also writes docs/daftar-hadir.png and docs/daftar-hadir-2.png (pages 1 and 2 of the
 * attendance sheet with the most pages), docs/rekap-seleksi.png and docs/rekap-kehadiran.png (their
 * first page), at 80 dpi, and out/print/daftar-hadir-last.png (that attendance sheet's last page).
 * Needs LibreOffice, poppler and the Carlito font (see checkFonts).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { type Emulator, exportXlsx, Workbook, type WorkbookSnapshot } from '../emulator';
import { ADMIN_ANNOUNCEMENT_TAB, FINAL_ANNOUNCEMENT_TAB } from '../src/core/announcedResults';
import { A4_LANDSCAPE, A4_PORTRAIT, printSetupOf, type PrintSetup } from '../src/core/printPages';
import { runDemo } from './demo-data/run';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'out/print');
const A4_PT = { short: 595.3, long: 841.9 };
const TOLERANCE_PT = 2;
const FOOTER = /^(.+) · Halaman (\d+) dari (\d+)$/;
/** Rows between two manual breaks in the width test fill at most this share of a page. */
const GROUP_SHARE = 0.8;

/** The PDFs printed for one tab: as the user prints it, and the two copies of the width test. */
type Variant = 'print' | 'rows-100' | 'rows-fit';

interface Page {
  width: number;
  height: number;
}

interface TabResult {
  tab: string;
  setup: PrintSetup;
  pages: Page[];
  /** Width test (tabs at 100 %): pages with manual breaks at 100 % and fitted to width. */
  width?: { actual: number; fitted: number };
  /** DH tabs: the number of pages the layout planned. */
  planned?: number;
  failures: string[];
}

/** The generated tabs of the workbook, in tab order, with how each is meant to be printed. */
function generatedTabs(workbook: Workbook): Array<{ tab: string; setup: PrintSetup }> {
  return workbook.sheetNames().flatMap((tab) => {
    const setup = printSetupOf(tab);
    return setup ? [{ tab, setup }] : [];
  });
}

/** The variants printed for a tab: a tab fitted to width has no width test. */
function variantsOf(setup: PrintSetup): Variant[] {
  return setup.fitToWidth ? ['print'] : ['print', 'rows-100', 'rows-fit'];
}

/** The file name (without extension) of a tab's variant: "DH TLT-FGD3" → "DH_TLT-FGD3", "DH_TLT-FGD3.rows-fit". */
function fileName(tab: string, variant: Variant): string {
  const base = tab.replace(/[^\w-]+/g, '_');
  return variant === 'print' ? base : `${base}.${variant}`;
}

/** A workbook holding only `tab`, on A4 in the tab's orientation, at 100 % or fitted to width. */
function singleTab(snapshot: WorkbookSnapshot, tab: string, setup: PrintSetup, variant: Variant): Workbook {
  const workbook = Workbook.fromSnapshot({
    ...snapshot,
    activeSheet: 0,
    sheets: snapshot.sheets.filter((s) => s.name === tab),
  });
  const fitToWidth = variant === 'print' ? setup.fitToWidth : variant === 'rows-fit';
  workbook.sheet(tab)!.pageSetup = { paperSize: 'A4', orientation: setup.orientation, fitToWidth };
  return workbook;
}

/**
 * Rows after which the width test breaks the page: groups of whole rows, each at most GROUP_SHARE
 * of the page's printable height, so no automatic break falls inside a group at 100 % or at any
 * scale LibreOffice may pick when fitting to width.
 */
function groupBreaks(workbook: Workbook, tab: string, setup: PrintSetup): number[] {
  const sheet = workbook.sheet(tab)!;
  const room = GROUP_SHARE * (setup.orientation === 'portrait' ? A4_PORTRAIT : A4_LANDSCAPE).height;
  const breaks: number[] = [];
  let used = 0;
  for (let row = 1; row <= sheet.lastRow(); row++) {
    const height = sheet.rowHeight(row);
    if (used > 0 && used + height > room) {
      breaks.push(row - 1);
      used = 0;
    }
    used += height;
  }
  return breaks;
}

/** Adds manual page breaks after `rows` to the only sheet of an xlsx (exportXlsx has no page breaks). */
async function addRowBreaks(file: string, rows: number[]): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const breaks = rows.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  const element = `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
  // rowBreaks follows pageSetup (and headerFooter, which the export does not write) in a worksheet.
  const withBreaks = xml.replace(/(<pageSetup\b[^>]*\/>)/, `$1${element}`);
  if (withBreaks === xml) throw new Error(`${file}: no <pageSetup> to put page breaks after`);
  zip.file(part, withBreaks);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Writes the xlsx files of every variant of every tab; returns their paths. */
async function exportTabs(workbook: Workbook, tabs: Array<{ tab: string; setup: PrintSetup }>): Promise<string[]> {
  const snapshot = workbook.snapshot();
  const files: string[] = [];
  for (const { tab, setup } of tabs)
    for (const variant of variantsOf(setup)) {
      const file = join(OUT, `${fileName(tab, variant)}.xlsx`);
      await exportXlsx(singleTab(snapshot, tab, setup, variant), file);
      if (variant !== 'print') await addRowBreaks(file, groupBreaks(workbook, tab, setup));
      files.push(file);
    }
  return files;
}

/**
 * The xlsx gives column widths in characters of its default font, Calibri 11. Without Calibri or its
 * metric twin Carlito, LibreOffice measures them in a wider fallback font (DejaVu Sans) and every
 * column prints about a third wider than in Excel, so no tab would fit.
 */
function checkFonts(): void {
  const calibri = execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' });
  if (!/Calibri|Carlito/i.test(calibri))
    throw new Error(
      `Calibri resolves to ${calibri.trim()}: install Carlito (apt-get install fonts-crosextra-carlito) so that LibreOffice measures columns as Excel does.`,
    );
}

/** Converts the xlsx files to PDF (same names, in OUT) in one LibreOffice run. */
function convertToPdf(files: string[]): void {
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(OUT, 'lo-profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      OUT,
      ...files,
    ],
    { stdio: 'ignore', timeout: 600_000 },
  );
}

function pdfPath(tab: string, variant: Variant): string {
  return join(OUT, `${fileName(tab, variant)}.pdf`);
}

/** The size of every page of a PDF, in points. */
function pdfPages(pdf: string): Page[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** The text of every page of a PDF, laid out as printed (pdftotext ends each page with a form feed). */
function pdfTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').slice(0, -1);
}

/** The page count an attendance sheet's layout planned: the n of its "<code> · Halaman k dari n" footers. */
function plannedPages(workbook: Workbook, tab: string): number | undefined {
  for (const row of workbook.sheet(tab)!.values())
    for (const value of row) {
      const footer = FOOTER.exec(String(value).trim());
      if (footer) return Number(footer[3]);
    }
  return undefined;
}

function isA4(page: Page, orientation: PrintSetup['orientation']): boolean {
  const [width, height] = orientation === 'portrait' ? [A4_PT.short, A4_PT.long] : [A4_PT.long, A4_PT.short];
  return Math.abs(page.width - width) <= TOLERANCE_PT && Math.abs(page.height - height) <= TOLERANCE_PT;
}

/** Page k (1-based) of a DH tab's PDF must show "Halaman k dari n": the printer broke where the plan did. */
function footerFailures(texts: string[], planned: number): string[] {
  return texts.flatMap((text, i) => {
    const expected = `Halaman ${i + 1} dari ${planned}`;
    if (text.includes(expected)) return [];
    const found = [...text.matchAll(/Halaman \d+ dari \d+/g)].map((m) => m[0]);
    return [`PDF page ${i + 1} lacks "${expected}" (it shows ${found.length ? found.join(', ') : 'no footer'})`];
  });
}

function checkTab(workbook: Workbook, tab: string, setup: PrintSetup): TabResult {
  const pages = pdfPages(pdfPath(tab, 'print'));
  const failures: string[] = [];
  if (!pages.length) failures.push('no PDF pages');
  const wrong = pages.findIndex((p) => !isA4(p, setup.orientation));
  if (wrong >= 0)
    failures.push(
      `page ${wrong + 1} is ${pages[wrong].width} x ${pages[wrong].height} pt, not A4 ${setup.orientation}`,
    );

  let width: TabResult['width'];
  if (!setup.fitToWidth) {
    width = { actual: pdfPages(pdfPath(tab, 'rows-100')).length, fitted: pdfPages(pdfPath(tab, 'rows-fit')).length };
    if (width.actual !== width.fitted)
      failures.push(
        `wider than the page: with the same manual breaks, ${width.actual} pages at 100 % but ${width.fitted} fitted to width`,
      );
  }

  let planned: number | undefined;
  // The announcements plan their pages like the attendance sheets (core/announcements.ts).
  if (tab.startsWith('DH ') || tab === ADMIN_ANNOUNCEMENT_TAB || tab === FINAL_ANNOUNCEMENT_TAB) {
    planned = plannedPages(workbook, tab);
    if (planned === undefined) failures.push('no "Halaman k dari n" footer in the sheet');
    else if (planned !== pages.length) failures.push(`${pages.length} PDF pages but ${planned} planned`);
    else failures.push(...footerFailures(pdfTexts(pdfPath(tab, 'print')), planned));
  }
  return { tab, setup, pages, width, planned, failures };
}

function printTable(results: TabResult[]): void {
  const rows = [
    ['Tab', 'Orientation', 'Scale', 'Pages', 'Planned', 'Width (100 % / fitted)', 'Result'],
    ...results.map((r) => [
      r.tab,
      r.setup.orientation,
      r.setup.fitToWidth ? 'fit to width' : '100 %',
      String(r.pages.length),
      r.planned !== undefined ? String(r.planned) : '—',
      r.width ? `${r.width.actual} / ${r.width.fitted}` : '—',
      r.failures.length ? 'FAIL' : 'OK',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    );
  for (const r of results) for (const failure of r.failures) console.log(`FAIL ${r.tab}: ${failure}`);
}

/** Page `page` of a tab's PDF as a PNG at 80 dpi, copied to `target` (relative to the repository). */
function writePng(tab: string, page: number, target: string): void {
  const prefix = join(OUT, `${fileName(tab, 'print')}-p${page}`);
  const range = ['-f', String(page), '-l', String(page)];
  execFileSync('pdftoppm', ['-png', '-r', '80', ...range, '-singlefile', pdfPath(tab, 'print'), prefix]);
  copyFileSync(`${prefix}.png`, join(ROOT, target));
  console.log(`Wrote ${target} (${tab}, page ${page})`);
}

/** The pictures in the docs: the longest attendance sheet's pages 1 and 2, and the summaries' first page. */
function writePngs(results: TabResult[]): void {
  const longest = results
    .filter((r) => r.tab.startsWith('DH '))
    .reduce((a, b) => (b.pages.length > a.pages.length ? b : a));
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writePng(longest.tab, 1, 'docs/daftar-hadir.png');
  writePng(longest.tab, 2, 'docs/daftar-hadir-2.png');
  writePng(longest.tab, longest.pages.length, 'out/print/daftar-hadir-last.png');
  writePng('Rekap Seleksi', 1, 'docs/rekap-seleksi.png');
  writePng('Rekap Kehadiran', 1, 'docs/rekap-kehadiran.png');
}

/**
 * The two announcements, when the demo has not made them: the administrative one dated within the
 * demo's story (27 November 2019, so its objection period is over), then the final one.
 */
function announce(emu: Emulator, workbook: Workbook): void {
  if (!workbook.sheet(ADMIN_ANNOUNCEMENT_TAB)) {
    const settings = workbook.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Tanggal pengumuman administrasi');
    if (row > 0 && settings.values()[row][1] === '') settings.setValues(row + 1, 2, [['27/11/2019']]);
    const run = emu.run('announceAdministrativeResults');
    if (!workbook.sheet(ADMIN_ANNOUNCEMENT_TAB))
      throw new Error(`no ${ADMIN_ANNOUNCEMENT_TAB}: ${run.ui.alerts.at(-1)?.prompt ?? run.error?.message}`);
  }
  if (!workbook.sheet(FINAL_ANNOUNCEMENT_TAB)) {
    const run = emu.run('announceFinalResults');
    if (!workbook.sheet(FINAL_ANNOUNCEMENT_TAB))
      throw new Error(`no ${FINAL_ANNOUNCEMENT_TAB}: ${run.ui.alerts.at(-1)?.prompt ?? run.error?.message}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  checkFonts();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { workbook, emu } = runDemo();
  announce(emu, workbook);
  const tabs = generatedTabs(workbook);
  convertToPdf(await exportTabs(workbook, tabs));
  const results = tabs.map(({ tab, setup }) => checkTab(workbook, tab, setup));
  printTable(results);
  if (process.argv.includes('--png')) writePngs(results);
  const failed = results.filter((r) => r.failures.length).length;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    failed
      ? `${failed} of ${results.length} generated tabs do not print as planned (${seconds} s).`
      : `OK: all ${results.length} generated tabs print as planned on A4 (${seconds} s).`,
  );
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
