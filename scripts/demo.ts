/**
 * `npm run demo`: the built add-in (dist/Code.js) on the demo workbook, inside the emulator,
 * through its menu, sidebar and dialog — as a coordinator, the panels and the staff would use it.
 * Prints what each action did and writes the resulting workbook to out/demo.xlsx (opens in Excel
 * or LibreOffice with its formatting, and the generated tabs with their print settings).
 *
 *   npm run demo                       # ≈1,500 candidates; Tanah Laut's panel scores everyone
 *   npm run demo -- --candidates 10000 --out out/big.xlsx
 *   npm run demo -- --score-all        # panel scores for every regency (slower)
 *   npm run demo -- --form             # also connect the registration form (imports its responses)
 *
 * The workbook has a Google Form's response tab (`Form Responses 1`) whose responses are not on
 * Kandidat yet; without --form they stay there, to be imported in the preview (npm start).
 */
import { demoAccuracy, formAccuracy } from './demo-data/accuracy';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportXlsx, type Workbook } from '../emulator';
import { printSetupOf } from '../src/core/printPages';
import { runDemo } from './demo-data/run';

const ROOT = resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/**
 * What a coordinator picks in the print dialog for each generated tab, as its note says (A4, its
 * orientation and scale; Apps Script cannot set it, so the add-on does not): the emulator's host-only
 * `pageSetup`, which the xlsx carries, so the file prints the same from LibreOffice or Excel.
 */
function setPrintSettings(workbook: Workbook): void {
  for (const sheet of workbook.sheets) {
    const setup = printSetupOf(sheet.name);
    if (setup) sheet.pageSetup = { paperSize: 'A4', orientation: setup.orientation, fitToWidth: setup.fitToWidth };
  }
}

async function main(): Promise<void> {
  const out = resolve(ROOT, option('out', 'out/demo.xlsx'));
  const { workbook, demo } = runDemo({
    candidates: Number(option('candidates', '1500')),
    scoreAll: process.argv.includes('--score-all'),
    form: process.argv.includes('--form'),
    log: (line) => console.log(line),
  });

  // The generated Kandidat rows only: imported form responses (--form) are judged on their own below.
  const accuracy = demoAccuracy(workbook, demo.faults, demo.tabs.Kandidat.length);
  console.log('\nValidation outcome (rows with a deliberate fault the add-on must flag / other rows):');
  for (const [status, n] of [...accuracy.byStatus.entries()].sort())
    console.log(`  ${status.padEnd(10)} ${String(n.faulty).padStart(5)} / ${n.clean}`);
  console.log(`Missed faults (MS): ${accuracy.missed.length}; false alarms (TMS): ${accuracy.falseAlarms.length}`);
  for (const line of [...accuracy.missed, ...accuracy.falseAlarms]) console.log(`  ${line}`);
  const { form } = demo;
  if (process.argv.includes('--form')) {
    const imported = formAccuracy(workbook, form);
    console.log(`\n${form.tab}, imported (rows with a deliberate fault the add-on must flag / other rows):`);
    for (const [status, n] of [...imported.byStatus.entries()].sort())
      console.log(`  ${status.padEnd(10)} ${String(n.faulty).padStart(5)} / ${n.clean}`);
    console.log(`Missed faults (MS): ${imported.missed.length}; false alarms (TMS): ${imported.falseAlarms.length}`);
    for (const line of [...imported.missed, ...imported.falseAlarms.slice(0, 10)]) console.log(`  ${line}`);
  } else
    console.log(
      `\n${form.tab}: ${form.responses.length} responses of a linked Google Form, not imported yet (--form imports them; or connect the form in the preview).`,
    );

  setPrintSettings(workbook);
  mkdirSync(dirname(out), { recursive: true });
  await exportXlsx(workbook, out);
  console.log(`\nTabs: ${workbook.sheetNames().join(', ')}`);
  console.log(`Wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
