/**
 * Attendance sheets built from templates and in batches, on the built bundle:
 *  - a tab copied from a template (or a twin) is the same, cell by cell, as the tab drawn alone;
 *  - the calls per DH tab, apart from what an action pays once (at 3 and at 60 tabs);
 *  - a job killed after any batch, or failing inside one, and then continued gives exactly the
 *    tabs of one uninterrupted run (values, formats, merges, heights, notes, checkboxes).
 */
import { Emulator, Workbook } from '../../emulator';
import { CallCounter } from '../../emulator/counter';
import type { WorkbookSnapshot } from '../../emulator/workbook';
import type { AttendanceChoices, AttendanceOutcome, AttendanceProgress } from '../../src/core/attendanceApi';
import type { CellValue } from '../../src/core/types';
import { ensureBuilt } from '../support/dist';
import { sheetState } from './sheetState';

beforeAll(ensureBuilt);

const countCall = CallCounter.prototype.count;

const USER = 'koordinator@example.go.id';
const LONG_NAME = 'FGD Penguatan Kapasitas Penyuluh Sosial Masyarakat dan Perangkat Desa Berketahanan Sosial';
const LONG_PLACE = 'Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Tanah Laut Provinsi Kalimantan Selatan';

interface SessionSpec {
  people: number;
  /** Every nth participant has a long institution (a taller row); 0 = none. */
  tall?: number;
  longName?: boolean;
  facilitator?: boolean;
}

function session(code: string, s: SessionSpec): CellValue[] {
  return [
    code,
    s.longName ? LONG_NAME : `FGD ${code}`,
    '27/11/2019',
    '08.00',
    '12.00',
    'WITA',
    'Aula Kantor Bupati',
    '',
    'Pelaihari',
    'Kabupaten Tanah Laut',
    'Kalimantan Selatan',
    s.facilitator ? 'Dr. Sri Wahyuni' : '',
  ];
}

function participants(code: string, s: SessionSpec, salt = ''): CellValue[][] {
  const unsur = ['Peneliti', 'Aparat Desa', 'Calon Penyuluh Sosial', 'Lainnya'];
  return Array.from({ length: s.people }, (_, j) => [
    code,
    `Peserta ${code} ${String(j).padStart(3, '0')}${salt}`,
    j % 2 ? 'L' : 'P',
    unsur[j % unsur.length],
    'Warga',
    s.tall && j % s.tall === 1 ? LONG_PLACE : `Desa ${j}`,
    `0812${String(10_000_000 + j)}`,
    '',
  ]);
}

/** A workbook set up with these sessions; returns a snapshot so that every test starts from the same one. */
function eventSnapshot(specs: readonly SessionSpec[]): WorkbookSnapshot {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: USER });
  emu.run('setupWorkbook');
  const codes = specs.map((_, i) => `S-${String(i + 1).padStart(2, '0')}`);
  wb.sheet('Sesi')!.setValues(
    2,
    1,
    specs.map((s, i) => session(codes[i], s)),
  );
  const rows = specs.flatMap((s, i) => participants(codes[i], s));
  wb.sheet('Peserta')!.setNumberFormat(2, 7, Math.max(1, rows.length), 1, '@');
  if (rows.length) wb.sheet('Peserta')!.setValues(2, 1, rows);
  return wb.snapshot();
}

function open(snapshot: WorkbookSnapshot, batchSize?: number): { wb: Workbook; emu: Emulator } {
  const wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot);
  const emu = new Emulator({ workbook: wb, user: USER });
  if (batchSize) emu.documentProperties.set('attendance:batchSize', String(batchSize));
  return { wb, emu };
}

const dhTabs = (wb: Workbook) => wb.sheetNames().filter((n) => n.startsWith('DH '));

/** Every DH tab, cell by cell, plus the order of all tabs (no template or half-built tab left). */
function state(wb: Workbook) {
  return { names: wb.sheetNames(), tabs: dhTabs(wb).map((n) => [n, sheetState(wb.sheet(n)!)]) };
}

/** The details of the attendance lines on Log (when and who left out). */
function logLines(wb: Workbook): string[] {
  return wb
    .sheet('Log')!
    .values()
    .slice(1)
    .filter((r) => String(r[2]).includes('daftar hadir'))
    .map((r) => String(r[3]));
}

const start = (emu: Emulator, codes: string[] | null = null) =>
  emu.runRpc('startAttendanceJob', [{ codes }]) as AttendanceProgress;
const next = (emu: Emulator, job: string) => emu.runRpc('continueAttendanceJob', [{ job }]) as AttendanceProgress;

function finish(emu: Emulator, progress: AttendanceProgress): AttendanceProgress {
  let p = progress;
  while (!p.finished) p = next(emu, p.job);
  return p;
}

/** Tick every third listed box on every DH tab, as people do after the event. */
function tick(wb: Workbook): void {
  for (const name of dhTabs(wb)) {
    const sheet = wb.sheet(name)!;
    sheet.values().forEach((row, i) => {
      if (row[9] === false && i % 3 === 0) sheet.setValues(i + 1, 10, [[true]]);
    });
  }
}

/** Varied sessions: empty, one person, several pages, long rows, a long title, a facilitator. */
const VARIED: SessionSpec[] = [
  { people: 20 },
  { people: 0 },
  { people: 1, facilitator: true },
  { people: 45, tall: 7 },
  { people: 20 },
  { people: 62 },
  { people: 20, longName: true },
  { people: 33, tall: 4, facilitator: true },
  { people: 8 },
];

describe('DH tabs copied from templates', () => {
  const base = eventSnapshot(VARIED);

  it('equal, cell by cell, the same tab drawn on its own', () => {
    const together = open(base);
    const outcome = together.emu.runRpc('generateAttendance', [{ codes: null }]) as AttendanceOutcome;
    expect(outcome.built).toHaveLength(VARIED.length);
    const calls = together.emu.lastRun!.calls;
    // One template for the tabs sharing a header and closing block; the others are copies or drawn alone.
    expect(calls['Spreadsheet.insertSheet']).toBeGreaterThan(VARIED.length);
    expect(calls['Sheet.setColumnWidths']).toBeLessThan(8 * VARIED.length);
    for (const name of dhTabs(together.wb)) {
      const alone = open(base);
      alone.emu.runRpc('generateAttendance', [{ codes: [name.slice(3)] }]);
      expect([name, sheetState(together.wb.sheet(name)!)]).toEqual([name, sheetState(alone.wb.sheet(name)!)]);
    }
    expect(together.wb.sheetNames().some((n) => n.startsWith('Templat'))).toBe(false);
  });

  it('equal the tab drawn on its own after a refresh that keeps ticks and drops a participant', () => {
    const { wb, emu } = open(base);
    emu.runRpc('generateAttendance', [{ codes: null }]);
    tick(wb);
    wb.sheet('Peserta')!.setValues(2, 2, [['Peserta baru']]);
    const refreshed = JSON.parse(JSON.stringify(wb.snapshot())) as WorkbookSnapshot;
    emu.runRpc('generateAttendance', [{ codes: null }]);
    for (const name of dhTabs(wb)) {
      const alone = open(refreshed);
      alone.emu.runRpc('generateAttendance', [{ codes: [name.slice(3)] }]);
      expect([name, sheetState(wb.sheet(name)!)]).toEqual([name, sheetState(alone.wb.sheet(name)!)]);
    }
  });
});

describe('a run killed between deleting a tab and renaming its replacement', () => {
  it('keeps the ticks and the place of that tab when run again', () => {
    const first = open(eventSnapshot(VARIED));
    first.emu.runRpc('generateAttendance', [{ codes: null }]);
    tick(first.wb);
    const ticked = first.wb.snapshot();
    const clean = open(ticked);
    const order: string[] = [];
    const spy = jest.spyOn(CallCounter.prototype, 'count').mockImplementation(function (this: CallCounter, key) {
      order.push(key);
      return countCall.call(this, key);
    });
    clean.emu.runRpc('generateAttendance', [{ codes: null }]);
    spy.mockRestore();
    // The fourth tab's rename: its old tab is already deleted.
    const renames = order.flatMap((key, i) => (key === 'Sheet.setName' ? [i + 1] : []));
    const { wb, emu } = open(ticked);
    emu.failAfter(renames[3], 'Service Spreadsheets failed while accessing document with id 1EmuLat0r.');
    expect(() => emu.runRpc('generateAttendance', [{ codes: null }])).toThrow('Tindakan terhenti');
    emu.failAfter(null);
    expect(wb.sheetNames().filter((n) => n.includes('S-04'))).toEqual(['DH S-04 (sedang dibuat)']);
    emu.runRpc('generateAttendance', [{ codes: null }]);
    expect(state(wb)).toEqual(state(clean.wb));
  });
});

describe('calls per DH tab', () => {
  const uniform = (n: number, people = 20) => eventSnapshot(Array.from({ length: n }, () => ({ people })));
  const varied = (n: number) => eventSnapshot(Array.from({ length: n }, (_, i) => ({ people: 3 + ((i * 7) % 58) })));

  function oneCall(snapshot: WorkbookSnapshot, refresh = false): number {
    const { wb, emu } = open(snapshot);
    if (refresh) {
      emu.runRpc('generateAttendance', [{ codes: null }]);
      tick(wb);
    }
    emu.runRpc('generateAttendance', [{ codes: null }]);
    return emu.lastRun!.totalCalls;
  }

  function batched(snapshot: WorkbookSnapshot): number {
    const { emu } = open(snapshot);
    let calls = 0;
    let p = start(emu);
    calls += emu.lastRun!.totalCalls;
    while (!p.finished) {
      p = next(emu, p.job);
      calls += emu.lastRun!.totalCalls;
    }
    return calls;
  }

  const perTab = (few: number, many: number) => (many - few) / 57;

  it('is at most 20 for new tabs of 20 participants, in one call or in batches', () => {
    const [three, sixty] = [uniform(3), uniform(60)];
    expect(perTab(oneCall(three), oneCall(sixty))).toBeLessThanOrEqual(20);
    // Batches of 25 pay the reads and a template again for each batch: that is counted here too.
    expect(perTab(batched(three), batched(sixty))).toBeLessThanOrEqual(20);
  });

  it('is at most 20 for tabs of 3 to 60 participants, new or refreshed with ticks', () => {
    const [three, sixty] = [varied(3), varied(60)];
    expect(perTab(oneCall(three), oneCall(sixty))).toBeLessThanOrEqual(20);
    expect(perTab(oneCall(three, true), oneCall(sixty, true))).toBeLessThanOrEqual(20);
  });

  it('does not grow with the participants of a tab whose rows are one line each', () => {
    expect(oneCall(uniform(3, 400))).toBe(oneCall(uniform(3, 5)));
  });

  it('is 6 for a new tab copied from its template: the copy, two value blocks and the name', () => {
    const [three, sixty] = [uniform(3), uniform(60)];
    expect(perTab(oneCall(three), oneCall(sixty))).toBeLessThanOrEqual(6);
    // The note comes with the copy: every DH tab shares the template's, which marks it as the add-on's.
    const { wb, emu } = open(sixty);
    emu.runRpc('generateAttendance', [{ codes: null }]);
    expect(emu.lastRun!.calls['Range.setNote']).toBe(1);
    const notes = wb.sheets.filter((s) => s.name.startsWith('DH ')).map((s) => s.cell(1, 1).note);
    expect(notes).toHaveLength(60);
    for (const note of notes)
      expect(note).toMatch(/^Dibuat oleh add-on Seleksi & FGD dari tab Sesi dan Peserta\..*Cetak\/Print/);
    // Which tabs exist is asked once for all of them, not tab by tab (a call that waits for Sheets).
    const lookups = (snapshot: WorkbookSnapshot) => {
      const { emu } = open(snapshot);
      emu.runRpc('generateAttendance', [{ codes: null }]);
      return [emu.lastRun!.calls['Spreadsheet.getSheetByName'], emu.lastRun!.calls['Spreadsheet.getSheets']];
    };
    expect(lookups(sixty)).toEqual(lookups(three));
  });
});

describe('cells written per DH tab', () => {
  const uniform = (n: number) => eventSnapshot(Array.from({ length: n }, () => ({ people: 20 })));

  function written(snapshot: WorkbookSnapshot): { cells: number; tabCells: number } {
    const { wb, emu } = open(snapshot);
    emu.runRpc('generateAttendance', [{ codes: null }]);
    const sheet = wb.sheet('DH S-01')!;
    return { cells: emu.lastRun!.cellsWritten, tabCells: sheet.maxRows * sheet.maxCols };
  }

  it('are the cells that differ from the template copy, not the whole tab (20 participants)', () => {
    const [three, sixty] = [written(uniform(3)), written(uniform(60))];
    const perTab = (sixty.cells - three.cells) / 57;
    // The whole tab is 48 × 10 cells; the session's title and place, its people and its page
    // footers differ from the copy, in two blocks that leave out most of the blanks.
    expect(sixty.tabCells).toBe(480);
    expect(perTab).toBeLessThanOrEqual(400);
  });
});

describe('calls per batch', () => {
  const SIZE = 20;
  const job = (sessions: number) => {
    const { emu } = open(eventSnapshot(Array.from({ length: sessions }, () => ({ people: 20 }))), SIZE);
    const runs = [];
    let p = start(emu);
    runs.push(emu.lastRun!);
    while (!p.finished) {
      p = next(emu, p.job);
      runs.push(emu.lastRun!);
    }
    return runs;
  };
  const [small, large] = [job(60), job(160)];
  // Which tabs exist is asked once per batch: every tab's name (a call each) while the spreadsheet
  // has at most 4 tabs per tab of the batch, else a getSheetByName per tab of the batch. Apart
  // from these lookups, a batch costs the same calls whatever the number of sessions of the job,
  // of participants on Peserta, and of tabs built before it.
  const names = (r: (typeof small)[number]) => r.calls['Sheet.getName'] ?? 0;
  const byName = (r: (typeof small)[number]) => r.calls['Spreadsheet.getSheetByName'] ?? 0;
  const withoutLookups = (r: (typeof small)[number]) => r.totalCalls - names(r) - byName(r);

  it('does not grow with the number of sessions', () => {
    expect([small.length, large.length]).toEqual([3, 8]);
    // The first batch also saves the job; the last one clears it.
    expect(withoutLookups(large[0])).toBe(withoutLookups(small[0]));
    expect(large.slice(1, -1).map(withoutLookups)).toEqual(new Array(6).fill(withoutLookups(small[1])));
    expect(withoutLookups(large[7])).toBe(withoutLookups(small[2]));
  });

  it('looks tabs up at no more than 4 names or 1 getSheetByName per tab of the batch', () => {
    // The first batch's getSheetByName calls are those that find Sesi, Peserta, Log…: the same in every batch.
    const fixed = byName(large[0]);
    for (const r of large) {
      expect(names(r)).toBeLessThanOrEqual(4 * SIZE);
      expect(byName(r) - fixed).toBeLessThanOrEqual(SIZE);
      expect(names(r) === 0 || byName(r) === fixed).toBe(true);
    }
    // Both ways are taken: names while the tabs are few, then one look per tab.
    expect(names(large[0])).toBeGreaterThan(0);
    expect(byName(large[7])).toBe(fixed + SIZE);
  });
});

describe('a job of several batches', () => {
  const base = eventSnapshot(VARIED);
  const SIZE = 2;
  const BATCHES = Math.ceil(VARIED.length / SIZE);

  /** Built once and ticked, then the participants change: the job refreshes every tab. */
  const ticked = (() => {
    const { wb, emu } = open(base);
    emu.runRpc('generateAttendance', [{ codes: null }]);
    tick(wb);
    const peserta = wb.sheet('Peserta')!;
    peserta.setValues(3, 2, [['Peserta yang menggantikan']]);
    return wb.snapshot();
  })();

  const clean = (() => {
    const { wb, emu } = open(ticked, SIZE);
    const progress = [start(emu)];
    const calls = [emu.lastRun!.totalCalls];
    while (!progress[progress.length - 1].finished) {
      progress.push(next(emu, progress[progress.length - 1].job));
      calls.push(emu.lastRun!.totalCalls);
    }
    return { wb, progress, calls, emu };
  })();

  it('reports its progress batch by batch and finishes with the one-call message', () => {
    expect(clean.progress.map((p) => [p.done, p.total, p.finished])).toEqual([
      [2, 9, false],
      [4, 9, false],
      [6, 9, false],
      [8, 9, false],
      [9, 9, true],
    ]);
    expect(clean.progress[0].next).toEqual({ first: 'DH S-03', last: 'DH S-04' });
    expect(clean.progress[3].next).toEqual({ first: 'DH S-09', last: 'DH S-09' });
    const last = clean.progress[BATCHES - 1];
    expect(last).toMatchObject({
      job: '',
      next: null,
      message: '9 daftar hadir dibuat/diperbarui; 1 hal perlu diperiksa.',
    });
    expect(last.problems).toEqual([
      'Sesi S-02 belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.',
    ]);
    // No checkpoint is left, and the tabs are those of one call.
    expect([...clean.emu.documentProperties.keys()].filter((k) => k.startsWith('job:'))).toEqual([]);
    const oneCall = open(ticked);
    oneCall.emu.runRpc('generateAttendance', [{ codes: null }]);
    expect(state(clean.wb)).toEqual(state(oneCall.wb));
  });

  it('logs each batch once, with the data problems on the last', () => {
    expect(logLines(clean.wb).slice(-BATCHES)).toEqual([
      // The participant renamed on Peserta is no longer on S-01's sheet.
      '2 daftar hadir (1–2 dari 9): DH S-01, DH S-02\nDH S-01: dihapus Peserta S-01 001',
      '2 daftar hadir (3–4 dari 9): DH S-03, DH S-04',
      '2 daftar hadir (5–6 dari 9): DH S-05, DH S-06',
      '2 daftar hadir (7–8 dari 9): DH S-07, DH S-08',
      '1 daftar hadir (9–9 dari 9): DH S-09\nSesi S-02 belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.',
    ]);
  });

  it.each(Array.from({ length: BATCHES - 1 }, (_, i) => i + 1))(
    'killed after batch %i, then continued from the dialog, equals the uninterrupted run',
    (k) => {
      const { wb, emu } = open(ticked, SIZE);
      let p = start(emu);
      for (let i = 1; i < k; i++) p = next(emu, p.job);
      // The dialog closed here. Opened again, it finds the job where it stopped.
      const choices = emu.runRpc('attendanceChoices', []) as AttendanceChoices;
      expect(choices.unfinished).toEqual({ job: p.job, done: Math.min(k * SIZE, 9), total: 9 });
      expect(choices.batchSize).toBe(SIZE);
      const last = finish(emu, next(emu, choices.unfinished!.job));
      expect(last.message).toBe(clean.progress[BATCHES - 1].message);
      expect(state(wb)).toEqual(state(clean.wb));
      expect(logLines(wb)).toEqual(logLines(clean.wb));
      expect((emu.runRpc('attendanceChoices', []) as AttendanceChoices).unfinished).toBeNull();
    },
  );

  it.each([0.3, 0.6, 0.9])(
    'failing %p of the way through a batch, then continued, equals the uninterrupted run',
    (at) => {
      const { wb, emu } = open(ticked, SIZE);
      const first = start(emu);
      next(emu, first.job);
      // The third batch fails midway; the dialog shows the message and offers to continue.
      emu.failAfter(
        Math.floor(clean.calls[2] * at),
        'Service Spreadsheets failed while accessing document with id 1EmuLat0r.',
      );
      const third = first.job;
      expect(() => next(emu, third)).toThrow('Tindakan terhenti karena kesalahan tak terduga');
      emu.failAfter(null);
      const choices = emu.runRpc('attendanceChoices', []) as AttendanceChoices;
      expect(choices.unfinished).toEqual({ job: third, done: 4, total: 9 });
      finish(emu, next(emu, third));
      expect(state(wb)).toEqual(state(clean.wb));
    },
  );

  it('failing in its first call can be continued too', () => {
    const { wb, emu } = open(ticked, SIZE);
    emu.failAfter(60, 'Service Spreadsheets failed while accessing document with id 1EmuLat0r.');
    expect(() => start(emu)).toThrow('Tindakan terhenti');
    emu.failAfter(null);
    const { unfinished } = emu.runRpc('attendanceChoices', []) as AttendanceChoices;
    expect(unfinished).toMatchObject({ done: 0, total: 9 });
    finish(emu, next(emu, unfinished!.job));
    expect(state(wb)).toEqual(state(clean.wb));
  });

  it('is replaced by a new start, after which the old job cannot be continued', () => {
    const { emu } = open(ticked, SIZE);
    const old = start(emu);
    const fresh = start(emu, ['S-01', 'S-02', 'S-03']);
    expect(fresh).toMatchObject({ done: 2, total: 3, finished: false });
    expect(() => next(emu, old.job)).toThrow(
      'Pembuatan daftar hadir ini sudah selesai atau digantikan oleh pembuatan lain. Tutup dialog ini, lalu buka lagi Buat daftar hadir.',
    );
    expect(finish(emu, fresh).message).toBe('3 daftar hadir dibuat/diperbarui; 1 hal perlu diperiksa.');
  });

  it('finishes in one call, leaving no checkpoint, when it fits in one batch', () => {
    const { emu } = open(ticked);
    const p = start(emu);
    expect(p).toMatchObject({ job: '', done: 9, total: 9, finished: true, next: null });
    expect([...emu.documentProperties.keys()].filter((k) => k.startsWith('job:'))).toEqual([]);
  });

  it('skips a tab of the same name that the add-on did not make, and says so at the end', () => {
    const { wb, emu } = open(base, SIZE);
    wb.addSheet('DH S-04', [['catatan panitia']]);
    const last = finish(emu, start(emu));
    expect(last.message).toBe('8 daftar hadir dibuat/diperbarui; 2 hal perlu diperiksa.');
    expect(last.problems).toContain(
      'Tab "DH S-04" sudah ada dan bukan buatan add-on; tab itu tidak diubah. Ganti namanya agar daftar hadir sesi S-04 dapat dibuat.',
    );
    expect(wb.sheet('DH S-04')!.values()).toEqual([['catatan panitia']]);
  });

  it('sees the tabs as they are at each batch: one a user made or deleted between batches', () => {
    const { wb, emu } = open(ticked, SIZE);
    const first = start(emu);
    // Between batches someone makes a tab of a later batch's name, and deletes a DH tab of a later
    // batch (its ticks go with it: the sheet is built again, unticked).
    wb.removeSheet('DH S-06');
    wb.addSheet('DH S-06', [['catatan panitia']]);
    wb.removeSheet('DH S-08');
    const last = finish(emu, first);
    expect(last.problems).toContain(
      'Tab "DH S-06" sudah ada dan bukan buatan add-on; tab itu tidak diubah. Ganti namanya agar daftar hadir sesi S-06 dapat dibuat.',
    );
    expect(wb.sheet('DH S-06')!.values()).toEqual([['catatan panitia']]);
    const built = open(base);
    built.emu.runRpc('generateAttendance', [{ codes: ['S-08'] }]);
    expect(sheetState(wb.sheet('DH S-08')!)).toEqual(sheetState(built.wb.sheet('DH S-08')!));
  });

  it('refreshes one tab among many as a refresh of all does (each finds the old tab its own way)', () => {
    // One tab wanted among ~20: it is looked up by name; all of them: from every tab's name.
    const one = open(ticked);
    one.emu.runRpc('generateAttendance', [{ codes: ['S-04'] }]);
    expect(one.emu.lastRun!.calls['Sheet.getName'] ?? 0).toBe(0);
    const all = open(ticked);
    all.emu.runRpc('generateAttendance', [{ codes: null }]);
    expect(all.emu.lastRun!.calls['Spreadsheet.getSheetByName']).toBeLessThan(VARIED.length);
    expect(one.wb.sheetNames()).toEqual(all.wb.sheetNames());
    expect(sheetState(one.wb.sheet('DH S-04')!)).toEqual(sheetState(all.wb.sheet('DH S-04')!));
  });

  it('rejects a forged continue request', () => {
    const { emu } = open(base, SIZE);
    expect(() => emu.runRpc('continueAttendanceJob', [{ job: 7 }])).toThrow(
      'Permintaan dari dialog tidak sah. Tutup dan buka lagi dialognya.',
    );
  });
});
