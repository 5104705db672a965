/**
 * "Perbarui rekap" on a large workbook, as the dialog runs it (one step per call: the panel
 * agreement, Rekap Seleksi, Rekap Kehadiran with the Log row), on the built bundle. The workbook is
 * the small demo after the whole workflow (validated, scored by a panel, ranked, participants
 * added, DH tabs built), and the menu's one-step limit is set to 1 cell here so it takes the
 * dialog's way. The reference is always the one-step run of the same workbook, compared as a whole
 * (`comparable`: every tab but the Log — values, formats, merges, notes, sizes, charts — with the
 * time in the stamps blanked, since the clock is real and a step may run in another minute), and
 * the Log row the same but for its time.
 */
import { Emulator, Workbook } from '../../emulator';
import type { WorkbookSnapshot } from '../../emulator/workbook';
import type { JobProgress } from '../../src/core/jobApi';
import { comparable, fullWorkflow, smallDemo, withoutStamps } from '../hardening/workflow';
import { ensureBuilt } from '../support/dist';

const USER = 'koordinator@example.go.id';
const STEPS = ['Menghitung kesepakatan panel', 'Membuat Rekap Seleksi', 'Membuat Rekap Kehadiran'];

let BASE: WorkbookSnapshot;
/** The document properties with it (the score seals' secret: without it no score counts). */
let PROPS: Array<[string, string]>;
/** Kandidat's data rows as its last row says (the dialog's introduction names them). */
let ROWS: number;
let REFERENCE: { workbook: string; log: string[] };

beforeAll(() => {
  ensureBuilt();
  const { wb, emu } = smallDemo();
  fullWorkflow(emu);
  // Results worth comparing: regencies with an agreement, DH tabs with ticks.
  const dh = wb.sheets.filter((s) => s.name.startsWith('DH '));
  expect(dh.length).toBeGreaterThan(2);
  dh[0].setValues(10, 7, [[true], [true], [false]]);
  BASE = wb.snapshot();
  PROPS = [...emu.documentProperties.entries()];
  ROWS = wb.sheet('Kandidat')!.lastRow() - 1;
  const reference = open(false);
  const run = reference.emu.run('refreshSummaries');
  expect(run.error).toBeUndefined();
  expect(run.ui.dialogs).toEqual([]);
  REFERENCE = { workbook: comparable(reference.wb), log: lastLog(reference.wb) };
  // What the first step hands on is in it: Tanah Laut's panel agreement, from candidates scored twice or more.
  const lines = reference.wb
    .sheet('Rekap Seleksi')!
    .values()
    .map((r) => r.filter((x) => x !== '').map(String));
  const agreement = lines.findIndex((r) => r[0]?.startsWith('Kesepakatan panel'));
  const tanahLaut = lines.slice(agreement).find((r) => r[0] === 'Kabupaten Tanah Laut')!;
  expect(tanahLaut[1]).toMatch(/^-?\d/);
  expect(Number(tanahLaut[2])).toBeGreaterThan(10);
});

function open(batched: boolean): { wb: Workbook; emu: Emulator } {
  const wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(BASE)) as WorkbookSnapshot);
  const emu = new Emulator({ workbook: wb, user: USER });
  for (const [k, v] of PROPS) emu.documentProperties.set(k, v);
  if (batched) emu.documentProperties.set('summaries:oneStepCells', '1');
  return { wb, emu };
}

/** The Log's last row, its time blanked. */
function lastLog(wb: Workbook): string[] {
  const rows = wb.sheet('Log')!.values();
  return rows[rows.length - 1].map((c) => withoutStamps(c instanceof Date ? 'date' : String(c)));
}

const start = (emu: Emulator) => emu.runRpc('startSummariesJob') as JobProgress;
const next = (emu: Emulator, job: string) => emu.runRpc('continueSummariesJob', [{ job }]) as JobProgress;

/** The menu action on a large workbook: it opens the dialog and changes nothing. */
function menu(emu: Emulator): void {
  const before = comparable(emu.workbook);
  const run = emu.run('refreshSummaries');
  expect(run.error).toBeUndefined();
  expect(run.ui.alerts).toEqual([]);
  expect(run.ui.dialogs.map((d) => d.title)).toEqual(['Perbarui rekap']);
  expect(comparable(emu.workbook)).toBe(before);
}

const jobProperties = (emu: Emulator) =>
  [...emu.documentProperties.keys()].filter((k) => k.startsWith('job:summaries'));

function expectReference(wb: Workbook, emu: Emulator): void {
  expect(comparable(wb)).toBe(REFERENCE.workbook);
  expect(lastLog(wb)).toEqual(REFERENCE.log);
  // The checkpoint and what the steps handed on are gone once the job ends.
  expect(jobProperties(emu)).toEqual([]);
}

describe('Perbarui rekap in steps', () => {
  it('runs three steps, each saying what it does, and ends as one run does', () => {
    const { wb, emu } = open(true);
    menu(emu);
    let p = start(emu);
    expect(p).toMatchObject({ total: 3, done: 0, finished: false, resumed: false, rows: ROWS, next: STEPS[0] });
    const seen = [p.next];
    while (!p.finished) {
      p = next(emu, p.job);
      if (!p.finished) seen.push(p.next);
    }
    expect(seen).toEqual(STEPS);
    expect(p).toMatchObject({ done: 3, finished: true, job: '', next: '' });
    expect(p.message).toMatch(/^Rekap diperbarui/);
    expectReference(wb, emu);
  });

  it.each([0, 1, 2])('stopped after %i steps and resumed from the menu, equals one run', (stopAfter) => {
    const { wb, emu } = open(true);
    menu(emu);
    let p = start(emu);
    for (let i = 0; i < stopAfter; i++) p = next(emu, p.job);
    // The dialog is closed here (or the connection dropped): the menu again resumes the same job.
    menu(emu);
    const resumed = start(emu);
    expect(resumed).toMatchObject({ job: p.job, done: stopAfter, total: 3, resumed: true, rows: ROWS });
    expect(resumed.next).toBe(STEPS[stopAfter]);
    p = resumed;
    while (!p.finished) p = next(emu, p.job);
    expectReference(wb, emu);
  });

  it('a step that finds what an earlier one handed on missing runs that step again', () => {
    const { wb, emu } = open(true);
    let p = next(emu, start(emu).job);
    p = next(emu, p.job);
    for (const key of [...emu.documentProperties.keys()])
      if (key.startsWith('job:summariesData')) emu.documentProperties.delete(key);
    p = next(emu, p.job);
    // Back to the first step: the agreement and Rekap Seleksi are made again before Rekap Kehadiran.
    expect(p).toMatchObject({ done: 0, finished: false, next: STEPS[0] });
    while (!p.finished) p = next(emu, p.job);
    expectReference(wb, emu);
  });

  it('a stale or unknown job is refused plainly, and a new one replaces it', () => {
    const { emu } = open(true);
    const first = start(emu);
    expect(() => next(emu, 'not-this-job')).toThrow(/sudah selesai atau digantikan/);
    expect(() => emu.runRpc('continueSummariesJob', [{ job: 42 }])).toThrow(/tidak sah/);
    // The one-step menu run (the limit back to its default) supersedes the unfinished job.
    emu.documentProperties.delete('summaries:oneStepCells');
    expect(emu.run('refreshSummaries').ui.dialogs).toEqual([]);
    expect(jobProperties(emu)).toEqual([]);
    expect(() => next(emu, first.job)).toThrow(/sudah selesai atau digantikan/);
  });

  it('says its steps in English when the workbook is in English', () => {
    const { emu, wb } = open(true);
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa') + 1;
    settings.setValues(row, 2, [['English']]);
    expect(emu.run('refreshSummaries').ui.dialogs.map((d) => d.title)).toEqual(['Update summaries']);
    let p = start(emu);
    const seen = [p.next];
    while (!p.finished) {
      p = next(emu, p.job);
      if (!p.finished) seen.push(p.next);
    }
    expect(seen).toEqual(['Computing the panel agreement', 'Building Rekap Seleksi', 'Building Rekap Kehadiran']);
    expect(p.message).toMatch(/^Summaries updated/);
  });

  it('a small workbook refreshes in one step from the menu, with no dialog', () => {
    const { wb, emu } = open(false);
    const run = emu.run('refreshSummaries');
    expect(run.error).toBeUndefined();
    expect(run.ui.dialogs).toEqual([]);
    expect(run.ui.toasts.map((t) => t.message)[1]).toMatch(/^Rekap diperbarui/);
    expectReference(wb, emu);
  });
});
