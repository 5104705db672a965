/**
 * `npm run demo`: the built add-in (dist/Code.js) on the demo workbook, inside the emulator,
 * through its menu, sidebar and dialog — as a coordinator, the panels and the staff would use it.
 * Prints what each action did and writes the resulting workbook to out/demo.xlsx (opens in Excel
 * or LibreOffice with its formatting, and the generated tabs with their print settings).
 *
 * Then the national roll-up: the demo data cut into seven regency workbooks (one per programme
 * regency, ≈50 candidates each, every one scored), each run through the same workflow, and a
 * coordinator workbook that picks all seven and runs "Perbarui rekap nasional"; written to
 * out/rekap-nasional.xlsx (see demo-data/national.ts).
 *
 *   npm run demo                       # ≈1,500 candidates; Tanah Laut's panel scores everyone
 *   npm run demo -- --candidates 10000 --out out/big.xlsx
 *   npm run demo -- --score-all        # panel scores for every regency (slower)
 *   npm run demo -- --form             # also connect the registration form (imports its responses)
 *   npm run demo -- --national-candidates 1400 --national-out out/nasional.xlsx   # (default 350)
 *   npm run demo -- --no-national      # out/demo.xlsx only
 *
 * The workbook has a Google Form's response tab (`Form Responses 1`) whose responses are not on
 * Kandidat yet; without --form they stay there, to be imported in the preview (npm start).
 */
import { demoAccuracy, formAccuracy } from './demo-data/accuracy';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportXlsx, type Workbook } from '../emulator';
import { printSetupOf } from '../src/core/printPages';
import { NATIONAL_CANDIDATES, runNationalDemo } from './demo-data/national';
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
  await single();
  // (After single() returns, so that its workbook and emulator can be collected first.)
  if (!process.argv.includes('--no-national')) await national();
}

/** The demo workbook through the whole story → out/demo.xlsx. */
async function single(): Promise<void> {
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
  console.log(`Decided by a person (the verification desk, an accepted objection): ${accuracy.decided.join('; ')}`);
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

/** Seven regency workbooks and the coordinator's national roll-up of them → out/rekap-nasional.xlsx. */
async function national(): Promise<void> {
  const out = resolve(ROOT, option('national-out', 'out/rekap-nasional.xlsx'));
  const started = Date.now();
  const { regencies, coordinator } = runNationalDemo({
    candidates: Number(option('national-candidates', String(NATIONAL_CANDIDATES))),
    log: (line) => console.log(line),
  });
  const { workbook } = coordinator;
  setPrintSettings(workbook);
  mkdirSync(dirname(out), { recursive: true });
  await exportXlsx(workbook, out);
  const list = workbook.sheet('Daftar Lulus Nasional')?.values() ?? [];
  const hasil = (list.find((r) => r.includes('Hasil')) ?? []).indexOf('Hasil');
  const lulus = hasil < 0 ? 0 : list.filter((r) => r[hasil] === 'Lulus').length;
  console.log(`\nTabs: ${workbook.sheetNames().join(', ')}`);
  console.log(
    `Wrote ${out}: the coordinator workbook's Rekap Nasional of ${regencies.length} regency workbooks (${regencies.reduce((n, r) => n + r.candidates, 0)} candidates, ${lulus} Lulus on Daftar Lulus Nasional), in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
