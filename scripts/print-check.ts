/**
 * `npm run print-check`: do the attendance sheets print on A4 portrait without retouching?
 * Runs the demo, keeps only the DH tabs, and converts them twice with LibreOffice
 * (`soffice --headless --convert-to pdf`): once at 100 % scale and once with "fit to page width".
 * If every sheet fits its width, both PDFs have the same number of pages (a sheet too wide would
 * spill its right-hand columns onto extra pages at 100 %). Every page must be A4 portrait.
 * Writes out/print/daftar-hadir.pdf and, with --png, docs/daftar-hadir.png (the first page).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportXlsx, Workbook } from '../emulator';
import { runDemo } from './demo-data/run';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'out/print');

function pdfPages(pdf: string): Array<{ width: number; height: number }> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

async function convert(workbook: Workbook, name: string, fitToWidth: boolean): Promise<string> {
  const clone = workbook.clone();
  for (const sheet of clone.sheetNames())
    clone.sheet(sheet)!.pageSetup = { paperSize: 'A4', orientation: 'portrait', fitToWidth };
  const xlsx = join(OUT, `${name}.xlsx`);
  await exportXlsx(clone, xlsx);
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
      xlsx,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return join(OUT, `${name}.pdf`);
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { workbook, attendanceTabs } = runDemo();
  const only = workbook.clone();
  for (const name of only.sheetNames()) if (!attendanceTabs.includes(name)) only.removeSheet(name);

  const actual = pdfPages(await convert(only, 'daftar-hadir', false));
  const fitted = pdfPages(await convert(only, 'daftar-hadir-fit', true));
  const notA4 = actual.filter((p) => Math.abs(p.width - 595.3) > 2 || Math.abs(p.height - 841.9) > 2);
  console.log(
    `${attendanceTabs.length} attendance sheets → ${actual.length} A4 pages at 100 % scale, ${fitted.length} with fit-to-width.`,
  );
  if (process.argv.includes('--png')) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(OUT, 'daftar-hadir.pdf'),
      join(OUT, 'daftar-hadir'),
    ]);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    copyFileSync(join(OUT, 'daftar-hadir.png'), join(ROOT, 'docs/daftar-hadir.png'));
    console.log('Wrote docs/daftar-hadir.png');
  }
  if (notA4.length) throw new Error(`${notA4.length} page(s) are not A4 portrait: ${JSON.stringify(notA4[0])}`);
  if (actual.length !== fitted.length)
    throw new Error(
      `Some sheet is wider than A4 portrait: ${actual.length} pages at 100 % but ${fitted.length} when fitted to width.`,
    );
  console.log('OK: every attendance sheet fits the width of A4 portrait at 100 % scale.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
