/**
 * `npm run demo`: the built add-in (dist/Code.js) on the demo workbook, inside the emulator,
 * through its menu — as a coordinator would use it. Prints what each action did and writes the
 * resulting workbook to out/demo.xlsx (opens in Excel or LibreOffice with its formatting).
 *
 *   npm run demo                       # ≈1,500 candidates
 *   npm run demo -- --candidates 10000 --out out/big.xlsx
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Emulator, exportXlsx, type RunResult } from '../emulator';
import { loadDemoWorkbook } from './demo-data/workbook';

const ROOT = resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function report(label: string, run: RunResult): void {
  const failed = run.error ? ` ERROR: ${run.error.message}` : '';
  console.log(`\n▶ ${label}${failed}`);
  console.log(`  ${run.totalCalls} service calls, ${run.cellsRead.toLocaleString('en-US')} cells read, ${run.cellsWritten.toLocaleString('en-US')} cells written`);
  for (const toast of run.ui.toasts) console.log(`  toast: ${toast.message}`);
  for (const alert of run.ui.alerts) console.log(`  alert: ${alert.prompt.split('\n').join('\n         ')}`);
}

async function main(): Promise<void> {
  const candidates = Number(option('candidates', '1500'));
  const out = resolve(ROOT, option('out', 'out/demo.xlsx'));
  const { workbook, demo } = loadDemoWorkbook({ candidates });
  console.log(`Demo workbook: ${Object.entries(demo.tabs).map(([tab, rows]) => `${tab} ${rows.length - 1}`).join(', ')} rows; ${demo.faults.length} candidate rows carry a deliberate fault.`);

  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  const open = emu.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED' });
  const menu = open.ui.menus[0];
  console.log(`\nAdd-on menu: ${menu.items.map((i) => ('label' in i && i.label ? i.label : '—')).join(' | ')}`);

  for (const item of menu.items) {
    if (!('functionName' in item) || !item.functionName || item.functionName === 'showHelp') continue;
    report(`${item.label} (${item.functionName})`, emu.run(item.functionName));
  }

  const candidatesTab = workbook.sheet('Kandidat')!;
  const header = candidatesTab.values()[0].map(String);
  const statusCol = header.indexOf('Status Administrasi');
  if (statusCol >= 0) {
    const rows = candidatesTab.values().slice(1);
    const faulty = new Set(demo.faults.map((f) => f.row));
    const byStatus = new Map<string, { faulty: number; clean: number }>();
    rows.forEach((row, i) => {
      const status = String(row[statusCol] ?? '');
      if (!status) return;
      const entry = byStatus.get(status) ?? { faulty: 0, clean: 0 };
      if (faulty.has(i + 2)) entry.faulty++;
      else entry.clean++;
      byStatus.set(status, entry);
    });
    console.log('\nValidation outcome (rows with a deliberate fault / without):');
    for (const [status, n] of [...byStatus.entries()].sort()) console.log(`  ${status.padEnd(10)} ${String(n.faulty).padStart(5)} / ${n.clean}`);
  }

  mkdirSync(dirname(out), { recursive: true });
  await exportXlsx(workbook, out);
  console.log(`\nTabs: ${workbook.sheetNames().join(', ')}`);
  console.log(`Wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
