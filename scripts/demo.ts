/**
 * `npm run demo`: the built add-in (dist/Code.js) on the demo workbook, inside the emulator,
 * through its menu — as a coordinator would use it. Prints what each action did and writes the
 * resulting workbook to out/demo.xlsx (opens in Excel or LibreOffice with its formatting).
 *
 *   npm run demo                       # ≈1,500 candidates
 *   npm run demo -- --candidates 10000 --out out/big.xlsx
 *   npm run demo -- --score-all        # panel scores for every regency (slower), not only Tanah Laut
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Emulator, exportXlsx, type RunResult } from '../emulator';
import type { ScoringContext, SubmitResponse } from '../src/core/scoringApi';
import { loadDemoWorkbook } from './demo-data/workbook';
import { demoSubmissions } from './demo-data/scoring';

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

/**
 * The panels score through the sidebar's own server functions (scoringContext, submitScore), as
 * each panelist: by default in Kabupaten Tanah Laut only, which keeps the demo quick.
 */
function scorePanels(emu: Emulator, all: boolean): void {
  const panel = emu.workbook.sheet('Panel')!.values().slice(1).filter((r) => r[3] === 'Ya' && r[2] !== 'Semua');
  const regions = [...new Set(panel.map((r) => String(r[2])))].filter((region) => all || /Tanah Laut/i.test(region));
  let submitted = 0;
  let calls = 0;
  const started = Date.now();
  for (const region of regions) {
    const panelists = panel.filter((r) => r[2] === region).map((r) => String(r[0]));
    const context = emu.runRpc('scoringContext', [{}], { user: panelists[0] }) as ScoringContext;
    for (const { user, request } of demoSubmissions(context.candidates, panelists, context.rubric.map((c) => c.code))) {
      const response = emu.runRpc('submitScore', [request], { user }) as SubmitResponse;
      if (!response.ok) throw new Error(`${user} ${request.candidateId}: ${response.message}`);
      submitted++;
      calls += emu.lastRun?.totalCalls ?? 0;
    }
  }
  console.log(`\n▶ Panel scoring through the sidebar's server functions: ${submitted} submissions in ${regions.join(', ')}`);
  console.log(`  ${submitted ? Math.round(calls / submitted) : 0} service calls per submission; ${((Date.now() - started) / 1000).toFixed(1)} s in the emulator`);
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

  const runMenu = (functionName: string) => {
    const item = menu.items.find((i) => 'functionName' in i && i.functionName === functionName);
    if (item && 'label' in item) report(`${item.label} (${functionName})`, emu.run(functionName));
  };
  runMenu('setupWorkbook');
  runMenu('validateCandidates');
  scorePanels(emu, process.argv.includes('--score-all'));
  runMenu('computeRanking');

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
