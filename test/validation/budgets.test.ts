/**
 * What each execution of the batched validation costs at 50,000 candidates (the demo workbook:
 * 50,100 data rows, 22 columns), counted by the emulator on the built bundle: calls and cells,
 * never times (scripts/bench.ts turns these counts into modelled seconds). With the default
 * batch of 5,000 rows the job is 11 blocks and the report. Its result equals the one-step run's,
 * cell by cell (values, colours and notes of Kandidat).
 */
import { Emulator, Workbook } from '../../emulator';
import type { RunResult } from '../../emulator';
import type { WorkbookSnapshot } from '../../emulator/workbook';
import type { ValidationProgress } from '../../src/core/validationApi';
import { VALIDATION_BATCH } from '../../src/core/validation/batches';
import { SHOWN_COLUMNS } from '../../src/core/validation/validate';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const USER = 'koordinator@example.go.id';

/** Every cell of a tab as value, colour and note, row by row. */
function cells(wb: Workbook, name: string): string[] {
  const sheet = wb.sheet(name)!;
  const [rows, columns] = [sheet.lastRow(), sheet.lastColumn()];
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const row: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const d = sheet.getCell(r, c);
      row.push(`${String(d?.value ?? '')}|${d?.background ?? ''}|${d?.note ?? ''}`);
    }
    out.push(row.join('\t'));
  }
  return out;
}

describe('Validasi data kandidat at 50,000 candidates, in batches', () => {
  let snapshot: WorkbookSnapshot;
  let wb: Workbook;
  let emu: Emulator;
  let rows: number;
  let columns: number;
  /** The header row as read whole (`1:1`: every column of the grid). */
  let header: number;
  /** Cells of the small tabs a step reads whole (settings, target villages). */
  let small: number;
  const steps: Array<{ progress: ValidationProgress; run: RunResult }> = [];
  let menu: RunResult;
  let started: { progress: ValidationProgress; run: RunResult };

  beforeAll(() => {
    const demo = loadDemoWorkbook({ candidates: 50_000 }).workbook;
    new Emulator({ workbook: demo, user: USER }).run('setupWorkbook');
    snapshot = demo.snapshot();
    wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot);
    emu = new Emulator({ workbook: wb, user: USER });
    const kandidat = wb.sheet('Kandidat')!;
    rows = kandidat.lastRow();
    columns = kandidat.lastColumn();
    header = kandidat.maxCols;
    small = ['Pengaturan', 'Desa Sasaran'].reduce((n, t) => n + wb.sheet(t)!.lastRow() * wb.sheet(t)!.maxCols, 0);
    menu = emu.run('validateCandidates');
    started = { progress: emu.runRpc('startValidationJob') as ValidationProgress, run: emu.lastRun! };
    let p = started.progress;
    while (!p.finished) {
      p = emu.runRpc('continueValidationJob', [{ job: p.job }]) as ValidationProgress;
      steps.push({ progress: p, run: emu.lastRun! });
    }
  });

  it('is 11 blocks of at most 5,000 rows and the report', () => {
    expect(rows).toBe(50_101);
    expect(started.progress).toMatchObject({ total: 12, rows: 50_100, next: 'Memvalidasi baris 2–5.001' });
    expect(steps.map((s) => s.progress.next)).toEqual([
      'Memvalidasi baris 5.002–10.001',
      'Memvalidasi baris 10.002–15.001',
      'Memvalidasi baris 15.002–20.001',
      'Memvalidasi baris 20.002–25.001',
      'Memvalidasi baris 25.002–30.001',
      'Memvalidasi baris 30.002–35.001',
      'Memvalidasi baris 35.002–40.001',
      'Memvalidasi baris 40.002–45.001',
      'Memvalidasi baris 45.002–50.001',
      'Memvalidasi baris 50.002–50.101',
      'Menyusun Laporan Validasi',
      '',
    ]);
    for (const s of steps) expect(s.run.error).toBeUndefined();
  });

  it('the menu and the first call only open the dialog and plan: ≤ 20 calls each, no Kandidat cell read or written', () => {
    expect(menu.ui.dialogs.map((d) => d.title)).toEqual(['Validasi data kandidat']);
    for (const run of [menu, started.run]) {
      expect(run.totalCalls).toBeLessThanOrEqual(20);
      expect(run.cellsRead).toBeLessThanOrEqual(header + small);
      expect(run.cellsWritten).toBe(0);
    }
  });

  it('a block: ≤ 50 calls; reads the three key columns, the block three times over and its 4 SHOWN_COLUMNS as shown; writes 3 columns and the marks of the block', () => {
    for (const { run } of steps.slice(0, -1)) {
      expect(run.totalCalls).toBeLessThanOrEqual(50);
      expect(run.cellsRead).toBeLessThanOrEqual(
        3 * rows + 3 * VALIDATION_BATCH * columns + SHOWN_COLUMNS.length * VALIDATION_BATCH + header + small,
      );
      expect(run.cellsWritten).toBeLessThanOrEqual(3 * VALIDATION_BATCH + 2 * VALIDATION_BATCH * columns);
    }
    // 591,444 cells read and 235,000 written at 22 columns.
    expect(steps[0].run.cellsWritten).toBe(3 * VALIDATION_BATCH + 2 * VALIDATION_BATCH * columns);
  });

  it('the report: ≤ 90 calls; reads the tab once as values and its SHOWN_COLUMNS as shown; writes the report and nothing on Kandidat', () => {
    const { run, progress } = steps[steps.length - 1];
    expect(progress.finished).toBe(true);
    expect(run.totalCalls).toBeLessThanOrEqual(90);
    expect(run.cellsRead).toBeLessThanOrEqual(rows * (columns + SHOWN_COLUMNS.length) + small + 1_000);
    const report = wb.sheet('Laporan Validasi')!;
    // Values, then formats over some of the same cells: at most twice the report's cells.
    expect(run.cellsWritten).toBeLessThanOrEqual(2 * report.lastRow() * report.maxCols);
    // Nothing to mend: no Kandidat row is written again.
    expect(run.calls['Range.setBackgrounds']).toBeUndefined();
    expect(run.calls['Range.setNotes']).toBeUndefined();
  });

  it('ends with the Kandidat tab of one uninterrupted one-step run, cell by cell', () => {
    const one = Workbook.fromSnapshot(JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot);
    const single = new Emulator({ workbook: one, user: USER });
    single.documentProperties.set('validation:oneStepRows', '100000');
    const run = single.run('validateCandidates');
    expect(run.ui.dialogs).toEqual([]);
    const ids = /ID baru: (\d+)/.exec(String(one.sheet('Log')!.values().at(-1)![3]))?.[1];
    expect(steps[steps.length - 1].progress.message).toBe(`${run.ui.toasts.at(-1)!.message}; ID baru: ${ids}.`);
    expect(cells(wb, 'Kandidat')).toEqual(cells(one, 'Kandidat'));
  });
});
