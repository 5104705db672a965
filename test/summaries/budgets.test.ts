/**
 * What each execution of "Perbarui rekap" costs at 50,000 candidates when the dialog runs it (the
 * demo workbook: 50,100 Kandidat rows of 22 columns; 135,000 scores of 14 columns), counted by the
 * emulator on the built bundle: calls and cells, never times (scripts/bench.ts turns these counts
 * into modelled seconds, "Perbarui rekap: step …"). Each step reads at most one of the two large
 * tabs whole: the agreement reads Penilaian and five Kandidat columns, Rekap Seleksi reads
 * Kandidat, Rekap Kehadiran neither. The result equals the one-step run's (both summary tabs, every
 * value and format, the time in the stamps blanked).
 */
import { Emulator, type RunResult, type Workbook } from '../../emulator';
import type { JobProgress } from '../../src/core/jobApi';
import { CANDIDATES_TAB } from '../../src/core/schema';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { fillScores } from '../../scripts/demo-data/penilaian';
import { sheetState } from '../attendance/sheetState';
import { withoutStamps } from '../hardening/workflow';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const USER = 'koordinator@example.go.id';
const TABS = ['Rekap Seleksi', 'Rekap Kehadiran'];

/** The summary tabs as they print and read back (values, formats, merges, sizes), and their charts without ids. */
function summaries(wb: Workbook): string {
  return withoutStamps(
    JSON.stringify(
      TABS.map((name) => {
        const sheet = wb.sheet(name)!;
        return [sheetState(sheet), sheet.charts.map((c) => ({ ...c, id: 0 }))];
      }),
    ),
  );
}

describe('Perbarui rekap at 50,000 candidates, in steps', () => {
  let wb: Workbook;
  let emu: Emulator;
  let kandidat: { rows: number; columns: number };
  let penilaian: { rows: number; columns: number };
  let oneStep: { run: RunResult; tabs: string };
  let menu: RunResult;
  let start: RunResult;
  const steps: Array<{ progress: JobProgress; run: RunResult }> = [];

  beforeAll(() => {
    wb = loadDemoWorkbook({ candidates: 50_000 }).workbook;
    emu = new Emulator({ workbook: wb, user: USER });
    emu.run('setupWorkbook');
    emu.documentProperties.set('validation:oneStepRows', '1000000');
    emu.run('validateCandidates');
    fillScores(emu, wb, 'budget-secret');
    expect(emu.run('computeRanking').error).toBeUndefined();
    const size = (name: string) => ({ rows: wb.sheet(name)!.lastRow(), columns: wb.sheet(name)!.lastColumn() });
    kandidat = size('Kandidat');
    penilaian = size('Penilaian');
    // The reference: one step, the limit lifted.
    emu.documentProperties.set('summaries:oneStepCells', String(1e9));
    const run = emu.run('refreshSummaries');
    oneStep = { run, tabs: summaries(wb) };
    emu.documentProperties.delete('summaries:oneStepCells');
    for (const name of TABS) wb.removeSheet(name);
    menu = emu.run('refreshSummaries');
    let progress = emu.runRpc('startSummariesJob') as JobProgress;
    start = emu.lastRun!;
    while (!progress.finished) {
      progress = emu.runRpc('continueSummariesJob', [{ job: progress.job }]) as JobProgress;
      steps.push({ progress, run: emu.lastRun! });
    }
  }, 300_000);

  it('is the workbook the bench measures, past the one-step limit', () => {
    expect(kandidat).toEqual({ rows: 50_101, columns: CANDIDATES_TAB.columns.length });
    expect(penilaian.rows).toBeGreaterThan(130_000);
    expect(oneStep.run.error).toBeUndefined();
    expect(oneStep.run.ui.dialogs).toEqual([]);
    // One step reads both large tabs whole.
    expect(oneStep.run.cellsRead).toBeGreaterThan(
      kandidat.rows * kandidat.columns + penilaian.rows * penilaian.columns,
    );
  });

  it('the menu opens the dialog after a few calls, reading no tab (only Pengaturan and header rows)', () => {
    const settings = wb.sheet('Pengaturan')!;
    const settingsAndHeader = settings.lastRow() * settings.lastColumn() + kandidat.columns;
    expect(menu.error).toBeUndefined();
    expect(menu.ui.dialogs.map((d) => d.title)).toEqual(['Perbarui rekap']);
    expect(menu.totalCalls).toBeLessThanOrEqual(25);
    expect(menu.cellsRead).toBeLessThanOrEqual(settingsAndHeader);
    expect(menu.cellsWritten).toBe(0);
    expect(start.totalCalls).toBeLessThanOrEqual(25);
    expect(start.cellsRead).toBeLessThanOrEqual(settingsAndHeader);
    expect(start.cellsWritten).toBe(0);
  });

  it('runs three steps', () => {
    expect(steps.map((s) => [s.run.error?.message, s.progress.done])).toEqual([
      [undefined, 1],
      [undefined, 2],
      [undefined, 3],
    ]);
  });

  it('the agreement reads Penilaian whole and five Kandidat columns, and writes no cell', () => {
    const { run } = steps[0];
    expect(run.totalCalls).toBeLessThanOrEqual(40);
    const fiveColumns = 5 * (kandidat.rows - 1) + kandidat.columns;
    expect(run.cellsRead).toBeGreaterThanOrEqual(penilaian.rows * penilaian.columns + fiveColumns);
    expect(run.cellsRead).toBeLessThanOrEqual(penilaian.rows * penilaian.columns + fiveColumns + 5_000);
    expect(run.cellsWritten).toBe(0);
  });

  it('Rekap Seleksi reads Kandidat whole and not Penilaian, and writes the tab', () => {
    const { run } = steps[1];
    expect(run.totalCalls).toBeLessThanOrEqual(130);
    expect(run.cellsRead).toBeGreaterThanOrEqual(kandidat.rows * kandidat.columns);
    expect(run.cellsRead).toBeLessThanOrEqual(kandidat.rows * kandidat.columns + 5_000);
    expect(run.cellsWritten).toBeLessThanOrEqual(30_000);
  });

  it('Rekap Kehadiran, Paket Rekap and the Log read Kandidat whole (the package repeats Rekap Seleksi), not Penilaian', () => {
    const { run } = steps[2];
    expect(run.totalCalls).toBeLessThanOrEqual(170);
    expect(run.cellsRead).toBeGreaterThanOrEqual(kandidat.rows * kandidat.columns);
    expect(run.cellsRead).toBeLessThanOrEqual(kandidat.rows * kandidat.columns + 5_000);
    const pkg = wb.sheet('Paket Rekap')!;
    expect(run.cellsWritten).toBeLessThanOrEqual(5_000 + pkg.lastRow() * pkg.lastColumn());
  });

  it('builds what one step builds', () => {
    expect(summaries(wb)).toBe(oneStep.tabs);
    expect(steps[2].progress.message).toBe(oneStep.run.ui.toasts[1].message);
  });
});
