/**
 * `npm run demo`: the built add-in (dist/Code.js) on the demo workbook, inside the emulator,
 * through its menu, sidebar and dialog — as a coordinator, the panels and the staff would use it.
 * Prints what each action did and writes the resulting workbook to out/demo.xlsx (opens in Excel
 * or LibreOffice with its formatting).
 *
 *   npm run demo                       # ≈1,500 candidates; Tanah Laut's panel scores everyone
 *   npm run demo -- --candidates 10000 --out out/big.xlsx
 *   npm run demo -- --score-all        # panel scores for every regency (slower)
 */
import { demoAccuracy } from './demo-data/accuracy';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportXlsx } from '../emulator';
import { runDemo } from './demo-data/run';

const ROOT = resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const out = resolve(ROOT, option('out', 'out/demo.xlsx'));
  const { workbook, demo } = runDemo({
    candidates: Number(option('candidates', '1500')),
    scoreAll: process.argv.includes('--score-all'),
    log: (line) => console.log(line),
  });

  const accuracy = demoAccuracy(workbook, demo.faults);
  console.log('\nValidation outcome (rows with a deliberate fault the add-on must flag / other rows):');
  for (const [status, n] of [...accuracy.byStatus.entries()].sort())
    console.log(`  ${status.padEnd(10)} ${String(n.faulty).padStart(5)} / ${n.clean}`);
  console.log(`Missed faults (MS): ${accuracy.missed.length}; false alarms (TMS): ${accuracy.falseAlarms.length}`);
  for (const line of [...accuracy.missed, ...accuracy.falseAlarms]) console.log(`  ${line}`);

  mkdirSync(dirname(out), { recursive: true });
  await exportXlsx(workbook, out);
  console.log(`\nTabs: ${workbook.sheetNames().join(', ')}`);
  console.log(`Wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
