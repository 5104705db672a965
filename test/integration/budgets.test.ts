/**
 * What a panelist's or an editor's wait costs, counted by the emulator on the built bundle at 100
 * and at 50,000 candidates (3 scores per MS candidate): calls and cells, never times. And every
 * way the scoring form's cache could go stale, each shown not to.
 */
import { Emulator, type Workbook } from '../../emulator';
import type { ScoringContext, SubmitResponse } from '../../src/core/scoringApi';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { fillScores } from '../../scripts/demo-data/penilaian';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const SCORES = { K1: 4, K2: 4, K3: 3, K4: 5, K5: 4 };

function demo(candidates: number): { emu: Emulator; wb: Workbook; panelists: string[] } {
  const { workbook } = loadDemoWorkbook({ candidates });
  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  // One step whatever the size (the menu would run a long tab in batches from a dialog).
  emu.documentProperties.set('validation:oneStepRows', '1000000');
  emu.run('validateCandidates');
  fillScores(emu, workbook, 'budget-secret');
  const panel = workbook.sheet('Panel')!.values();
  // The first regency's panelists (the demo lists three per regency).
  const panelists = panel.slice(1, 4).map((r) => String(r[0]));
  return { emu, wb: workbook, panelists };
}

// As the form asks: with the language it shows.
const context = (emu: Emulator, user: string) =>
  emu.runRpc('scoringContext', [{ lang: 'id' }], { user }) as ScoringContext;
const submit = (emu: Emulator, user: string, candidateId: string) =>
  // As the form sends it: with the language it shows.
  emu.runRpc('submitScore', [{ candidateId, scores: SCORES, recused: false, note: '', lang: 'id' }], {
    user,
  }) as SubmitResponse;

/** Cells of the small tabs every scoring call reads whole (settings, rubric, panel, target villages). */
function smallTabCells(wb: Workbook): number {
  return ['Pengaturan', 'Kriteria', 'Panel', 'Desa Sasaran'].reduce((n, name) => {
    const s = wb.sheet(name)!;
    return n + s.lastRow() * s.lastColumn();
  }, 0);
}

describe.each([100, 50_000])('at %i candidates', (size) => {
  let emu: Emulator;
  let wb: Workbook;
  let panelists: string[];
  beforeAll(() => ({ emu, wb, panelists } = demo(size)));

  it('submitScore: ≤ 40 calls and ≤ 5,000 cells read, whatever the size of Kandidat and Penilaian', () => {
    const ctx = context(emu, panelists[0]);
    const saved = submit(emu, panelists[0], ctx.candidates[0].id);
    expect(saved.ok).toBe(true);
    const run = emu.lastRun!;
    expect(run.totalCalls).toBeLessThanOrEqual(40);
    expect(run.cellsRead).toBeLessThanOrEqual(5_000);
    // Saving never touches the cache: the readers bring it up to date.
    expect(Object.keys(run.calls).filter((k) => k.startsWith('Cache'))).toEqual([]);
  });

  /** One Kandidat column and its header row, the small tabs, and the Penilaian rows from the cache's last one on. */
  const cachedContextCells = (newScoreRows: number) => {
    const kandidat = wb.sheet('Kandidat')!;
    const scores = wb.sheet('Penilaian')!;
    return kandidat.lastRow() + kandidat.maxCols + smallTabCells(wb) + (1 + newScoreRows) * scores.lastColumn();
  };

  it('scoringContext from the cache: ≤ 40 calls; cells ≤ one Kandidat column + its header row + the small tabs', () => {
    context(emu, panelists[1]);
    context(emu, panelists[1]);
    const run = emu.lastRun!;
    expect(run.totalCalls).toBeLessThanOrEqual(40);
    expect(run.cellsRead).toBeLessThanOrEqual(cachedContextCells(0));
  });

  it('scoringContext after other panelists saved: reads only the rows they appended (and a re-save appends none)', () => {
    const target = context(emu, panelists[1]).candidates.filter((c) => !c.scored);
    expect(submit(emu, panelists[0], target[0].id).ok).toBe(true);
    expect(submit(emu, panelists[2], target[1].id).ok).toBe(true);
    expect(submit(emu, panelists[2], target[1].id).ok).toBe(true);
    context(emu, panelists[1]);
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(40);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(cachedContextCells(2));
  });

  /**
   * A cold form (the cache emptied: after an hour, a hand edit of Penilaian, or evicted): the small
   * tabs, Kandidat's header and regency column, and the form's five other columns from the region's
   * first row to its last (at most the whole tab: the demo interleaves its regencies).
   */
  const coldKandidatCells = () => {
    const kandidat = wb.sheet('Kandidat')!;
    return smallTabCells(wb) + kandidat.maxCols + 6 * (kandidat.lastRow() - 1);
  };

  it('scoringContext cold, for a panelist with no row on Penilaian: ≤ 40 calls, and no Penilaian cell read', () => {
    emu.clearCaches();
    // panelists[1] has saved nothing (the demo's scores are other panelists').
    const ctx = context(emu, panelists[1]);
    expect(ctx.status).toBe('ok');
    expect(ctx.candidates.some((c) => c.scored)).toBe(false);
    const run = emu.lastRun!;
    expect(run.totalCalls).toBeLessThanOrEqual(40);
    expect(run.cellsRead).toBeLessThanOrEqual(coldKandidatCells());
  });

  it('scoringContext cold, for a panelist who has scored: ≤ 40 calls; of Penilaian only the ID and email columns', () => {
    emu.clearCaches();
    const ctx = context(emu, panelists[0]);
    expect(ctx.candidates.some((c) => c.scored)).toBe(true);
    const run = emu.lastRun!;
    const scores = wb.sheet('Penilaian')!;
    expect(run.totalCalls).toBeLessThanOrEqual(40);
    expect(run.cellsRead).toBeLessThanOrEqual(coldKandidatCells() + scores.maxCols + 2 * (scores.lastRow() - 1));
    // The next opening is warm again.
    context(emu, panelists[0]);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(cachedContextCells(0));
  });

  it('onEdit of one Kandidat row: cells ≤ the ID, NIK and phone columns + the edited row + the small tabs', () => {
    const run = emu.edit('Kandidat', 'B2', 'Siti Aminah');
    const kandidat = wb.sheet('Kandidat')!;
    expect(run.error).toBeUndefined();
    // The first edit after a report was built also marks the report out of date (5 calls, once).
    expect(run.totalCalls).toBeLessThanOrEqual(40);
    expect(run.cellsRead).toBeLessThanOrEqual(3 * kandidat.lastRow() + 2 * kandidat.maxCols + smallTabCells(wb));
    const next = emu.edit('Kandidat', 'B3', 'Siti Aminah');
    expect(next.error).toBeUndefined();
    expect(next.totalCalls).toBeLessThanOrEqual(35);
    expect(next.cellsRead).toBeLessThanOrEqual(3 * kandidat.lastRow() + 2 * kandidat.maxCols + smallTabCells(wb));
  });
});

describe('at 50,000 candidates in any layout: rows shuffled (regencies interleaved), blank rows inserted by hand', () => {
  let emu: Emulator;
  let wb: Workbook;
  let panelists: string[];
  beforeAll(() => {
    ({ emu, wb, panelists } = demo(50_000));
    const kandidat = wb.sheet('Kandidat')!;
    const [header, ...rows] = kandidat.values();
    // A fixed shuffle (a linear congruential sequence), so a failure can be replayed.
    let seed = 12345;
    for (let i = rows.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    kandidat.setValues(1, 1, [header, ...rows]);
    kandidat.insertRows(1000, 2);
    kandidat.insertRows(30000, 1);
  });

  it('submitScore, scoringContext (from the cache and cold) and onEdit keep their budgets', () => {
    const ctx = context(emu, panelists[0]);
    expect(ctx.candidates.length).toBeGreaterThan(0);
    expect(submit(emu, panelists[0], ctx.candidates.find((c) => !c.scored)!.id).ok).toBe(true);
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(40);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(5_000);
    context(emu, panelists[1]);
    context(emu, panelists[1]);
    const kandidat = wb.sheet('Kandidat')!;
    const scores = wb.sheet('Penilaian')!;
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(40);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(
      kandidat.lastRow() + kandidat.maxCols + smallTabCells(wb) + scores.lastColumn(),
    );
    const edit = emu.edit('Kandidat', 'B2', 'Siti Aminah');
    expect(edit.error).toBeUndefined();
    expect(edit.totalCalls).toBeLessThanOrEqual(40);
    expect(edit.cellsRead).toBeLessThanOrEqual(3 * kandidat.lastRow() + 2 * kandidat.maxCols + smallTabCells(wb));
    // Cold (the cache emptied), for a panelist who has scored: the calls stay within budget.
    emu.clearCaches();
    expect(context(emu, panelists[0]).candidates.some((c) => c.scored)).toBe(true);
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(40);
  });
});

describe("the scoring form's cache never gives a stale answer", () => {
  let emu: Emulator;
  let wb: Workbook;
  let panelists: string[];
  beforeEach(() => ({ emu, wb, panelists } = demo(100)));

  /** The form's list as a fresh read gives it: the same call with the document cache emptied first. */
  function fresh(user: string): ScoringContext {
    emu.clearCaches();
    return context(emu, user);
  }
  const ids = (c: ScoringContext) => c.candidates.map((x) => `${x.id}:${x.name}:${x.village}:${x.scored}`).sort();
  const column = (name: string) => wb.sheet('Kandidat')!.values()[0].indexOf(name) + 1;

  it('after a user sorts Kandidat (no onEdit fires)', () => {
    const before = context(emu, panelists[0]);
    const sheet = wb.sheet('Kandidat')!;
    const values = sheet.values();
    const sorted = values
      .slice(1)
      .sort((a, b) => String(a[column('Nama Lengkap') - 1]).localeCompare(String(b[column('Nama Lengkap') - 1])));
    sheet.setValues(2, 1, sorted);
    const after = context(emu, panelists[0]);
    expect(ids(after)).toEqual(ids(before));
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
  });

  it('after a user inserts a row above the candidates (no onEdit fires) and fills it in', () => {
    const before = context(emu, panelists[0]);
    const sheet = wb.sheet('Kandidat')!;
    sheet.insertRows(2, 1);
    const cached = context(emu, panelists[0]);
    expect(ids(cached)).toEqual(ids(before));
    // A copy of an MS candidate of the region, under a new ID, typed in by hand (onEdit fires).
    const row = sheet.values().find((r) => r[column('ID') - 1] === before.candidates[0].id)!;
    const copy = row.map((v, i) =>
      i === column('ID') - 1 ? 'K-9999' : i === column('Nama Lengkap') - 1 ? 'Baru Sekali' : v,
    );
    sheet.setValues(2, 1, [copy]);
    emu.edit('Kandidat', 'B2', 'Baru Sekali');
    const after = context(emu, panelists[0]);
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
  });

  it('after a status is edited by hand', () => {
    const before = context(emu, panelists[0]);
    const target = before.candidates[0];
    const sheet = wb.sheet('Kandidat')!;
    const at = sheet.values().findIndex((r) => r[column('ID') - 1] === target.id) + 1;
    emu.edit('Kandidat', `${letter(column('Status Administrasi'))}${at}`, 'TMS');
    const after = context(emu, panelists[0]);
    // The live check re-decides the status from the row's data; whatever it decided, the form agrees with a fresh read.
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
  });

  it('after a name is edited by hand', () => {
    const before = context(emu, panelists[0]);
    const target = before.candidates[0];
    const at =
      wb
        .sheet('Kandidat')!
        .values()
        .findIndex((r) => r[column('ID') - 1] === target.id) + 1;
    emu.edit('Kandidat', `${letter(column('Nama Lengkap'))}${at}`, 'Nama Diganti');
    const after = context(emu, panelists[0]);
    expect(after.candidates.find((c) => c.id === target.id)?.name).toBe('Nama Diganti');
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
  });

  it('after another panelist submits a second ago, and after the panelist submits', () => {
    const mine = context(emu, panelists[0]);
    context(emu, panelists[1]);
    const target = mine.candidates.find((c) => !c.scored)!;
    expect(submit(emu, panelists[1], target.id).ok).toBe(true);
    expect(context(emu, panelists[1]).candidates.find((c) => c.id === target.id)?.scored).toBe(true);
    expect(context(emu, panelists[0]).candidates.find((c) => c.id === target.id)?.scored).toBe(false);
    expect(submit(emu, panelists[0], target.id).ok).toBe(true);
    const after = context(emu, panelists[0]);
    expect(after.candidates.find((c) => c.id === target.id)?.scored).toBe(true);
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
  });

  it('after a score row is deleted by hand (no onEdit fires) or edited by hand', () => {
    const mine = context(emu, panelists[0]);
    const target = mine.candidates.find((c) => !c.scored)!;
    submit(emu, panelists[0], target.id);
    expect(context(emu, panelists[0]).candidates.find((c) => c.id === target.id)?.scored).toBe(true);
    const scores = wb.sheet('Penilaian')!;
    scores.deleteRows(scores.lastRow(), 1);
    expect(context(emu, panelists[0]).candidates.find((c) => c.id === target.id)?.scored).toBe(false);
    submit(emu, panelists[0], target.id);
    context(emu, panelists[0]);
    const idAt = scores.values()[0].indexOf('ID Kandidat') + 1;
    emu.edit('Penilaian', `${letter(idAt)}${scores.lastRow()}`, 'K-0000');
    const after = context(emu, panelists[0]);
    expect(after.candidates.find((c) => c.id === target.id)?.scored).toBe(false);
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
  });

  it('after a score row is deleted by hand and another panelist then saves (the row count is back to what it was)', () => {
    const [a, b] = context(emu, panelists[0]).candidates.filter((c) => !c.scored);
    const other = context(emu, panelists[1]).candidates.find((c) => !c.scored)!;
    expect(submit(emu, panelists[0], a.id).ok).toBe(true);
    expect(submit(emu, panelists[0], b.id).ok).toBe(true);
    expect(
      context(emu, panelists[0]).candidates.filter((c) => (c.id === a.id || c.id === b.id) && c.scored),
    ).toHaveLength(2);
    const scores = wb.sheet('Penilaian')!;
    scores.deleteRows(scores.lastRow() - 1, 1);
    expect(submit(emu, panelists[1], other.id).ok).toBe(true);
    const after = context(emu, panelists[0]);
    expect(after.candidates.find((c) => c.id === a.id)?.scored).toBe(false);
    expect(ids(after)).toEqual(ids(fresh(panelists[0])));
    expect(ids(context(emu, panelists[1]))).toEqual(ids(fresh(panelists[1])));
  });

  it('a Google row that predates the remembered sign-ins bars self-declaring as its panelist, cache cold or warm', () => {
    const declared = () =>
      emu.runRpc('scoringContext', [{ declaredEmail: panelists[0], lang: 'id' }], { user: '' }) as ScoringContext;
    const choices = () =>
      (emu.runRpc('scoringContext', [{ lang: 'id' }], { user: '' }) as ScoringContext).choices.map((c) => c.email);
    expect(submit(emu, panelists[0], context(emu, panelists[0]).candidates[0].id).ok).toBe(true);
    expect(submit(emu, panelists[1], context(emu, panelists[1]).candidates[0].id).ok).toBe(true);
    // Only the row's Identitas cell says panelists[0] signed in with Google.
    emu.documentProperties.delete(`SELEKSI_FGD_GOOGLE_PANELIST:${panelists[0].toLowerCase()}`);
    emu.clearCaches();
    // Another panelist's opening refills the cache without the identity column.
    context(emu, panelists[1]);
    expect(declared().status).toBe('refused');
    expect(declared().status).toBe('refused');
    expect(choices()).not.toContain(panelists[0]);
    expect(choices()).toContain(panelists[2]);
  });

  it('after a user sorts Penilaian (no onEdit fires)', () => {
    context(emu, panelists[0]);
    const other = context(emu, panelists[1]).candidates.find((c) => !c.scored)!;
    const scores = wb.sheet('Penilaian')!;
    const [header, ...rows] = scores.values();
    scores.setValues(1, 1, [header, ...rows.reverse()]);
    expect(submit(emu, panelists[1], other.id).ok).toBe(true);
    expect(ids(context(emu, panelists[0]))).toEqual(ids(fresh(panelists[0])));
    expect(ids(context(emu, panelists[1]))).toEqual(ids(fresh(panelists[1])));
  });
});

function letter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
