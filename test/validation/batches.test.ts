/**
 * "Validasi data kandidat" on a long tab, as the dialog runs it (one step per call), on the built
 * bundle. Batches are 50 rows here (the test's setting) and the menu's one-step limit 100 rows, so
 * the 301-row demo tab takes seven blocks and the report. The reference is always the one-step
 * run of the same workbook, compared cell by cell (values, colours, notes, formats) on `Kandidat`
 * and `Laporan Validasi`:
 *  - a job run through, and a job abandoned after every step in turn and resumed from the menu;
 *  - a step that fails halfway through its writes, and is run again;
 *  - NIK, phone and ID twins in different blocks (and on the two sides of a block boundary), 200
 *    rows without IDs spread over five blocks, a blank row, and twin IDs on rows no block sees as
 *    filled (no NIK, no phone) that only the report step's whole-tab run can find;
 *  - a workbook changed while a job was stopped (a setting that changes most statuses);
 *  - a short tab: one step from the menu, no dialog, as before.
 */
import { Emulator, Workbook } from '../../emulator';
import type { WorkbookSnapshot } from '../../emulator/workbook';
import type { ValidationProgress } from '../../src/core/validationApi';
import type { CellValue } from '../../src/core/types';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { sheetState } from '../attendance/sheetState';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const USER = 'koordinator@example.go.id';
const SIZE = 50;
/** Blocks 2–51, 52–101, …, 252–301, 302–302, then the report. */
const STEPS = 8;
// "27/11/2019 09:00" (made) and "27/11/2019 09.00" (a "perlu diperbarui" line): the clock is real.
const STAMP = /\d{2}\/\d{2}\/\d{4} \d{2}[:.]\d{2}/g;

/** The demo's 300 candidates (rows 102–302 without IDs), with twins planted across blocks. */
const BASE: WorkbookSnapshot = (() => {
  const { workbook: wb } = loadDemoWorkbook({ candidates: 300 });
  new Emulator({ workbook: wb, user: USER }).run('setupWorkbook');
  const sheet = wb.sheet('Kandidat')!;
  const header = sheet.values()[0].map(String);
  const at = (h: string) => header.indexOf(h) + 1;
  const get = (row: number, h: string) => sheet.values()[row - 1][at(h) - 1];
  const set = (row: number, h: string, v: CellValue) => sheet.setValues(row, at(h), [[v]]);
  // NIK twins: far apart (row 130 has no ID yet), and on the two sides of the 51 | 52 boundary.
  set(130, 'NIK', get(30, 'NIK'));
  set(52, 'NIK', get(51, 'NIK'));
  // A phone shared by rows in the first and the sixth block; an ID used twice.
  set(260, 'No. HP', get(10, 'No. HP'));
  set(60, 'ID', get(20, 'ID'));
  // Twin IDs on rows with neither NIK nor phone: a block reads other rows' ID, NIK and phone only,
  // so to it the other row looks blank; the one-step run marks both.
  for (const row of [70, 220]) {
    set(row, 'NIK', '');
    set(row, 'No. HP', '');
  }
  set(220, 'ID', get(70, 'ID'));
  // A blank row among rows without IDs (it gets no ID).
  sheet.setValues(175, 1, [new Array<CellValue>(17).fill('')]);
  // The user's own colour and note, which the add-on keeps.
  sheet.setBackground(130, at('Nama Lengkap'), '#ffff00');
  sheet.setNote(52, at('Nama Lengkap'), 'Ditelepon 28/11');
  return wb.snapshot();
})();

function open(snapshot: WorkbookSnapshot, batched: boolean): { wb: Workbook; emu: Emulator } {
  const wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot);
  const emu = new Emulator({ workbook: wb, user: USER });
  if (batched) {
    emu.documentProperties.set('validation:batchSize', String(SIZE));
    emu.documentProperties.set('validation:oneStepRows', '100');
  }
  return { wb, emu };
}

const start = (emu: Emulator) => emu.runRpc('startValidationJob') as ValidationProgress;
const next = (emu: Emulator, job: string) => emu.runRpc('continueValidationJob', [{ job }]) as ValidationProgress;

/** The menu action on a long tab: it opens the dialog and changes nothing. */
function menu(emu: Emulator): void {
  const run = emu.run('validateCandidates');
  expect(run.error).toBeUndefined();
  expect(run.ui.alerts).toEqual([]);
  expect(run.ui.dialogs.map((d) => d.title)).toEqual(['Validasi data kandidat']);
  expect(run.cellsWritten).toBe(0);
}

function finish(emu: Emulator, from: ValidationProgress): ValidationProgress {
  let p = from;
  while (!p.finished) p = next(emu, p.job);
  return p;
}

/** Both tabs the validation writes, cell by cell (report stamps blanked: the clock is real). */
function state(wb: Workbook): { kandidat: unknown; report: unknown } {
  return {
    kandidat: sheetState(wb.sheet('Kandidat')!),
    report: JSON.parse(JSON.stringify(sheetState(wb.sheet('Laporan Validasi')!)).replace(STAMP, '<stamp>')),
  };
}

function oneStep(snapshot: WorkbookSnapshot): { wb: Workbook; emu: Emulator; toast: string } {
  const { wb, emu } = open(snapshot, false);
  const run = emu.run('validateCandidates');
  expect(run.error).toBeUndefined();
  expect(run.ui.dialogs).toEqual([]);
  return { wb, emu, toast: run.ui.toasts.at(-1)!.message };
}

const jobKeys = (emu: Emulator) => [...emu.documentProperties.keys()].filter((k) => k.startsWith('job:validation'));

describe('Validasi data kandidat in batches', () => {
  const reference = oneStep(BASE);
  const expected = state(reference.wb);

  it('the reference marks every planted twin on both rows', () => {
    const values = reference.wb.sheet('Kandidat')!.values();
    const notes = (row: number) => String(values[row - 1][18]);
    for (const [a, b, text] of [
      [30, 130, 'NIK yang sama'],
      [51, 52, 'NIK yang sama'],
      [10, 260, 'No. HP yang sama'],
      [20, 60, 'ID yang sama'],
      [70, 220, 'ID yang sama'],
    ] as const) {
      expect([a, notes(a)]).toEqual([a, expect.stringMatching(new RegExp(`${text}[^\\n]* baris ${b}\\b`))]);
      expect([b, notes(b)]).toEqual([b, expect.stringMatching(new RegExp(`${text}[^\\n]* baris ${a}\\b`))]);
    }
    // 199 filled rows without an ID from row 102 on (two of them blank, one given K-0069 above): 197 new IDs.
    expect(values[101][0]).toBe('K-0101');
    expect(values[174][0]).toBe('');
    expect(values[301][0]).toBe('K-0297');
    expect(String(reference.wb.sheet('Log')!.values().at(-1)![3])).toContain('; ID baru: 197');
  });

  it('run through from the menu, equals the one-step run cell by cell', () => {
    const { wb, emu } = open(BASE, true);
    menu(emu);
    const first = start(emu);
    expect(first).toEqual({
      lang: 'id',
      job: expect.any(String),
      total: STEPS,
      done: 0,
      finished: false,
      resumed: false,
      rows: 301,
      next: 'Memvalidasi baris 2–51',
      message: '',
    });
    const seen: string[] = [first.next];
    const idNote = (row: number) => String(wb.sheet('Kandidat')!.values()[row - 1][18]).includes('ID yang sama');
    let p = first;
    while (!p.finished) {
      // The blocks cannot see that rows 70 and 220 (no NIK, no phone) share an ID; the report step mends both.
      if (p.next.startsWith('Menyusun'))
        expect([idNote(20), idNote(60), idNote(70), idNote(220)]).toEqual([true, true, false, false]);
      p = next(emu, p.job);
      seen.push(p.next);
    }
    expect(seen).toEqual([
      'Memvalidasi baris 2–51',
      'Memvalidasi baris 52–101',
      'Memvalidasi baris 102–151',
      'Memvalidasi baris 152–201',
      'Memvalidasi baris 202–251',
      'Memvalidasi baris 252–301',
      'Memvalidasi baris 302–302',
      'Menyusun Laporan Validasi',
      '',
    ]);
    expect(p).toMatchObject({ finished: true, job: '', done: STEPS, total: STEPS });
    expect(p.message).toBe(`${reference.toast}; ID baru: 197.`);
    expect(state(wb)).toEqual(expected);
    // The user's own colour and note are kept (and are part of the comparison above).
    const name = wb.sheet('Kandidat')!.values()[0].indexOf('Nama Lengkap') + 1;
    expect(wb.sheet('Kandidat')!.getCell(130, name)?.background).toBe('#ffff00');
    expect(wb.sheet('Kandidat')!.getCell(52, name)?.note).toBe('Ditelepon 28/11');
    expect(jobKeys(emu)).toEqual([]);
    // The Log row says what the one-step run's says.
    const log = (w: Workbook) => String(w.sheet('Log')!.values().at(-1)![3]);
    expect(log(wb)).toBe(log(reference.wb));
  });

  it.each(Array.from({ length: STEPS }, (_, k) => k))(
    'abandoned after %i steps and resumed from the menu, equals the one-step run',
    (k) => {
      const { wb, emu } = open(BASE, true);
      menu(emu);
      let p = start(emu);
      for (let i = 0; i < k; i++) p = next(emu, p.job);
      // The dialog is gone (closed, or the network dropped): the menu again, and a new dialog.
      menu(emu);
      const resumed = start(emu);
      expect(resumed).toMatchObject({ resumed: true, done: k, total: STEPS, job: p.job });
      const last = finish(emu, resumed);
      expect(last.message).toBe(`${reference.toast}; ID baru: 197.`);
      expect(state(wb)).toEqual(expected);
    },
  );

  it('a step that fails halfway through its writes is run again by the next call, with the same result', () => {
    // Calls of the third block (rows 102–151, new IDs), counted on a run that succeeds.
    const probe = open(BASE, true);
    let q = start(probe.emu);
    q = next(probe.emu, q.job);
    q = next(probe.emu, q.job);
    next(probe.emu, q.job);
    const calls = probe.emu.lastRun!.totalCalls;

    for (const failAt of [Math.floor(calls / 2), calls - 3]) {
      const { wb, emu } = open(BASE, true);
      let p = start(emu);
      p = next(emu, p.job);
      p = next(emu, p.job);
      emu.failAfter(failAt, 'Service Spreadsheets failed while accessing document with id 1EmuLat0r.');
      expect(() => next(emu, p.job)).toThrow('Tindakan terhenti');
      emu.failAfter(null);
      menu(emu);
      const resumed = start(emu);
      expect(resumed).toMatchObject({ resumed: true, done: 2, next: 'Memvalidasi baris 102–151' });
      finish(emu, resumed);
      expect(state(wb)).toEqual(expected);
    }
  });

  it('a job stopped while the workbook changed ends as a one-step run of the changed workbook', () => {
    const { wb, emu } = open(BASE, true);
    let p = start(emu);
    for (let i = 0; i < 4; i++) p = next(emu, p.job);
    // While it was stopped: the age limit drops to 30 (most earlier rows become TMS) and a row is edited.
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Usia maksimum') + 1;
    settings.setValues(row, 2, [[30]]);
    const changed = JSON.parse(JSON.stringify(wb.snapshot())) as WorkbookSnapshot;
    menu(emu);
    const resumed = start(emu);
    let steps = 0;
    for (p = resumed; !p.finished; steps++) p = next(emu, p.job);
    // The report step found most rows differing, so their blocks ran again, then the report.
    expect(p.total).toBeGreaterThan(STEPS);

    // The reference: the changed workbook as it stood, validated in one step.
    const ref = open(changed, false);
    expect(ref.emu.run('validateCandidates').error).toBeUndefined();
    expect(state(wb)).toEqual(state(ref.wb));
  });

  it('a finished or replaced job is not continued, and a bad request is refused, plainly', () => {
    const { emu } = open(BASE, true);
    const p = start(emu);
    expect(() => next(emu, 'nope')).toThrow(
      'Validasi ini sudah selesai atau digantikan oleh validasi lain. Tutup dialog ini, lalu jalankan lagi menu Validasi data kandidat bila perlu.',
    );
    expect(() => emu.runRpc('continueValidationJob', [{ job: 42 }])).toThrow('Permintaan dari dialog tidak sah');
    expect(start(emu)).toMatchObject({ job: p.job, resumed: true, done: 0 });
  });
});

describe('a short Kandidat tab', () => {
  it('is validated in one step from the menu, with no dialog and no checkpoint, as before', () => {
    const { wb, emu } = open(BASE, false);
    const run = emu.run('validateCandidates');
    expect(run.error).toBeUndefined();
    expect(run.ui.dialogs).toEqual([]);
    expect(run.ui.toasts.map((t) => t.title)).toEqual(['Seleksi & FGD', 'Validasi selesai']);
    expect(jobKeys(emu)).toEqual([]);
    expect(wb.sheet('Kandidat')!.values()[301][17]).not.toBe('');
  });

  it('a one-step run replaces a job left unfinished', () => {
    const { wb, emu } = open(BASE, true);
    const p = start(emu);
    next(emu, p.job);
    expect(jobKeys(emu).length).toBeGreaterThan(0);
    emu.documentProperties.set('validation:oneStepRows', '2000');
    expect(emu.run('validateCandidates').ui.dialogs).toEqual([]);
    expect(jobKeys(emu)).toEqual([]);
    expect(state(wb)).toEqual(state(oneStep(BASE).wb));
  });
});
