/**
 * The national roll-up end to end on the emulator, through the built bundle: regency workbooks
 * publish `Paket Rekap` with "Perbarui rekap"; a coordinator workbook picks them (drive.file),
 * reads them with the Sheets advanced service and builds `Rekap Nasional`. Every way a source can
 * fail is reported while the others consolidate; unchanged sources are not read again; batches
 * stopped or failed anywhere end with the same totals; no personal data crosses.
 */
import { Drive, Emulator, type Workbook } from '../../emulator';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import type { JobProgress } from '../../src/core/jobApi';
import type { CellValue } from '../../src/core/types';
import { ensureBuilt } from '../support/dist';
import { fullWorkflow } from '../hardening/workflow';
import { sheetState } from '../attendance/sheetState';
import { DATA_ROW, checksum } from '../../src/core/rollup/package';

beforeAll(ensureBuilt);

const COORDINATOR = 'koordinator.nasional@example.go.id';
const OPERATOR = 'koordinator@example.go.id';

/** A tab's rows replaced by `rows`, the rest of its old rows blanked. */
function rewrite(sheet: NonNullable<ReturnType<Workbook['sheet']>>, rows: CellValue[][], old: number): void {
  const width = rows[0].length;
  const blank = () => new Array<CellValue>(width).fill('');
  sheet.setValues(1, 1, [...rows, ...Array.from({ length: old - rows.length }, blank)]);
}

/** The demo workbook cut down to one regency (every tab that names a place), then run end to end. */
function regencyWorkbook(core: string): Workbook {
  const { workbook } = loadDemoWorkbook({ candidates: 240 });
  const keep = (sheet: string, header: string) => {
    const s = workbook.sheet(sheet)!;
    const [head, ...rows] = s.values();
    const at = head.indexOf(header);
    const kept = rows.filter((r) => String(r[at]).toLowerCase().includes(core));
    rewrite(s, [head, ...kept], rows.length + 1);
    return kept;
  };
  keep('Kandidat', 'Kabupaten/Kota');
  keep('Desa Sasaran', 'Kabupaten/Kota');
  keep('Panel', 'Wilayah');
  const sessions = new Set(keep('Sesi', 'Kabupaten/Kota').map((r) => String(r[0])));
  const peserta = workbook.sheet('Peserta')!;
  const [head, ...rows] = peserta.values();
  rewrite(peserta, [head, ...rows.filter((r) => sessions.has(String(r[0])))], rows.length + 1);
  workbook.removeSheet('Form Responses 1');
  const emu = new Emulator({ workbook, user: OPERATOR });
  emu.alertResponder = () => 'YES';
  fullWorkflow(emu);
  return workbook;
}

const REGENCIES = ['tanah laut', 'garut', 'aceh besar'];
let built: Workbook[];
beforeAll(() => {
  built = REGENCIES.map(regencyWorkbook);
});

/** A fresh copy of a built regency workbook (tests change some). */
const copy = (wb: Workbook) => wb.clone();

function coordinator(regencies: Workbook[], opts: { pick?: boolean } = {}) {
  const drive = new Drive();
  const ids = regencies.map((wb) => drive.add(wb, { owner: OPERATOR, viewers: [COORDINATOR] }));
  const emu = new Emulator({ drive, user: COORDINATOR });
  emu.alertResponder = () => 'OK';
  emu.run('setupCoordinatorWorkbook');
  if (opts.pick !== false) {
    emu.pickFiles(COORDINATOR, ids);
    emu.runRpc('addRegencyWorkbooks', [{ files: ids.map((id) => ({ id, name: `wb ${id}` })) }]);
  }
  return { emu, drive, ids, wb: emu.workbook };
}

/** The national tab from its figures on: without the stamp line and the sources table (read times, notes). */
const figures = (rows: CellValue[][]) => rows.slice(rows.findIndex((r) => r[0] === 'Hasil per kabupaten/kota'));

const sources = (wb: Workbook) => {
  const [head, ...rows] = wb.sheet('Sumber Rekap')!.values();
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
};

/** "Jumlah <regency>" rows of a regency's Rekap Seleksi (all-candidates table), by regency. */
function regencyTotals(wb: Workbook): Map<string, number[]> {
  const rows = wb.sheet('Rekap Seleksi')!.values();
  const start = rows.findIndex((r) => String(r[0]).startsWith('Per provinsi, kabupaten/kota dan desa — semua'));
  const out = new Map<string, number[]>();
  for (const r of rows.slice(start)) {
    const m = /^Jumlah (Kabupaten .*)$/.exec(String(r[1]));
    if (m && !out.has(m[1])) out.set(m[1], r.slice(3, 12).map(Number));
    if (String(r[0]).startsWith('JUMLAH SELURUHNYA')) break;
  }
  return out;
}

/** The national tab's all-candidates table: per regency, and the national total. */
function nationalTable(wb: Workbook): { regencies: Map<string, number[]>; total: number[] } {
  const rows = wb.sheet('Rekap Nasional')!.values();
  const start = rows.findIndex((r) => String(r[0]).startsWith('Per provinsi dan kabupaten/kota — semua'));
  const regencies = new Map<string, number[]>();
  for (const r of rows.slice(start + 2)) {
    if (String(r[0]).startsWith('JUMLAH NASIONAL')) return { regencies, total: r.slice(3, 12).map(Number) };
    if (!String(r[0]).startsWith('Jumlah')) regencies.set(String(r[1]), r.slice(3, 12).map(Number));
  }
  throw new Error('no national total');
}

describe('seven… here three regency workbooks consolidated', () => {
  it('each regency workbook published a Paket Rekap with no personal data', () => {
    const pkg = built[0].sheet('Paket Rekap')!.values();
    expect(pkg[0]).toEqual(expect.arrayContaining(['Format', 'seleksi-fgd/paket-rekap']));
    expect(pkg.some((r) => r[0] === 'lulus')).toBe(true);
  });

  it('reconciles: each regency as its own Rekap Seleksi says, and the national total as their sum', () => {
    const { emu, wb } = coordinator(built.map(copy));
    const run = emu.run('updateNationalSummary');
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts[0]?.prompt).toMatch(/Rekap nasional diperbarui: 3 kabupaten\/kota dari 3 workbook \(3 dibaca/);
    expect(sources(wb).map((s) => s.Status)).toEqual(['Terbaca', 'Terbaca', 'Terbaca']);
    expect(sources(wb).map((s) => s['Kabupaten/Kota'])).toEqual(
      expect.arrayContaining(['Kabupaten Tanah Laut', 'Kabupaten Garut', 'Kabupaten Aceh Besar']),
    );
    const national = nationalTable(wb);
    const sum = new Array<number>(9).fill(0);
    for (const regency of built) {
      for (const [name, counts] of regencyTotals(regency)) {
        expect(national.regencies.get(name)).toEqual(counts);
        counts.forEach((n, i) => (sum[i] += n));
      }
    }
    expect(national.total).toEqual(sum);
    expect(wb.sheet('Daftar Lulus Nasional')!.values().length).toBeGreaterThan(5);
  });

  it('an unchanged source is not read again: one small read of its stamp each', () => {
    const { emu, wb } = coordinator(built.map(copy));
    emu.run('updateNationalSummary');
    const before = wb.sheet('Rekap Nasional')!.values();
    const again = emu.run('updateNationalSummary');
    expect(again.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(3);
    expect(sources(wb).map((s) => s.Status)).toEqual(['Tidak berubah', 'Tidak berubah', 'Tidak berubah']);
    const after = wb.sheet('Rekap Nasional')!.values();
    // Same figures (the stamp line and the sources table, which says "not changed", aside).
    expect(figures(after)).toEqual(figures(before));
  });
});

describe('a workbook taken off Sumber Rekap and put back as it was', () => {
  it('is read again (its readings left the archive), and counts again in Rekap Nasional and Daftar Lulus Nasional', () => {
    const { emu, wb } = coordinator(built.map(copy));
    expect(emu.run('updateNationalSummary').error).toBeUndefined();
    const clean = nationalTable(wb);
    const passList = () => wb.sheet('Daftar Lulus Nasional')!.values().flat().map(String);
    expect(passList()).toContain('Kabupaten Tanah Laut');
    const tab = wb.sheet('Sumber Rekap')!;
    const [head, first] = tab.values();
    // Taken off (its row cleared), updated, then put back as it was (an undo, or the row pasted back).
    tab.setValues(2, 1, [head.map(() => '')]);
    expect(emu.run('updateNationalSummary').error).toBeUndefined();
    expect(passList()).not.toContain('Kabupaten Tanah Laut');
    tab.setValues(2, 1, [first]);
    expect(emu.run('updateNationalSummary').error).toBeUndefined();
    expect(sources(wb)[0].Status).toBe('Terbaca');
    expect(nationalTable(wb)).toEqual(clean);
    expect(passList()).toContain('Kabupaten Tanah Laut');
  });
});

describe('a workbook read again after its package changed', () => {
  /** The regency renamed in its package and the stamp's checksum recomputed: a new, valid package. */
  function republish(wb: Workbook): void {
    const sheet = wb.sheet('Paket Rekap')!;
    const rows = sheet.values();
    rows.forEach((row, r) => {
      if (r < DATA_ROW - 1) return;
      row.forEach((v, c) => {
        if (v === 'Kabupaten Tanah Laut') sheet.cellData(r + 1, c + 1).value = 'Kabupaten Tanah Laut Baru';
      });
    });
    const at = rows.findIndex((r) => r[0] === 'Checksum');
    sheet.cellData(at + 1, 2).value = checksum(sheet.values().slice(DATA_ROW - 1));
  }

  it('leaves the archives by one deleteRows each (no rewrite of the rows kept); the tabs equal a clean run over the new packages', () => {
    const { emu, wb, drive, ids } = coordinator(built.map(copy));
    emu.run('updateNationalSummary');
    const unchanged = emu.run('updateNationalSummary');
    republish(drive.workbook(ids[0])!);
    const again = emu.run('updateNationalSummary');
    expect(again.error).toBeUndefined();
    expect(sources(wb).map((s) => s.Status)).toEqual(['Terbaca', 'Tidak berubah', 'Tidak berubah']);
    expect(again.calls['Sheet.deleteRows']).toBe((unchanged.calls['Sheet.deleteRows'] ?? 0) + 2);
    const regencies = built.map(copy);
    republish(regencies[0]);
    const clean = coordinator(regencies);
    clean.emu.run('updateNationalSummary');
    const sorted = (w: Workbook, tab: string) =>
      w
        .sheet(tab)!
        .values()
        .map((r) => JSON.stringify(r))
        .sort();
    for (const tab of ['Arsip Rekap', 'Arsip Lulus']) {
      expect(sorted(wb, tab)).toEqual(sorted(clean.wb, tab));
      expect(wb.sheet(tab)!.cell(1, 1).note).toMatch(/Seleksi & FGD/);
    }
    expect(nationalTable(wb).regencies.has('Kabupaten Tanah Laut Baru')).toBe(true);
    expect(figures(wb.sheet('Rekap Nasional')!.values())).toEqual(figures(clean.wb.sheet('Rekap Nasional')!.values()));
  });
});

describe('sources that fail are reported, and the others still consolidate', () => {
  it('unreachable, without a package, hand-edited, an older version, not an add-on workbook, a bad URL, listed twice', () => {
    const edited = copy(built[1]);
    const pkg = edited.sheet('Paket Rekap')!;
    pkg.setValues(9, 6, [[999]]);
    const older = copy(built[2]);
    older.sheet('Paket Rekap')!.setValues(2, 2, [[0]]);
    const unsummarised = copy(built[0]);
    unsummarised.removeSheet('Paket Rekap');
    const stranger = loadDemoWorkbook({ candidates: 10 }).workbook;
    stranger.removeSheet('Kandidat');
    const { emu, drive, wb } = coordinator([copy(built[0]), edited, older, unsummarised, stranger]);
    // Not chosen in the Picker: the add-on may not read it.
    const notPicked = drive.add(copy(built[1]), { owner: OPERATOR, viewers: [COORDINATOR] });
    const sheet = wb.sheet('Sumber Rekap')!;
    const next = sheet.lastRow() + 1;
    sheet.setValues(next, 3, [[drive.url(notPicked)], ['bukan alamat'], [sources(wb)[0]['URL Workbook'] as CellValue]]);
    const run = emu.run('updateNationalSummary');
    expect(run.error).toBeUndefined();
    expect(sources(wb).map((s) => s.Status)).toEqual([
      'Terbaca',
      'Diubah manual',
      'Versi lama',
      'Belum ada rekap',
      'Bukan workbook add-on',
      'Tidak dapat dibuka',
      'URL tidak dikenali',
      'Ganda',
    ]);
    for (const s of sources(wb).slice(1)) expect(String(s.Catatan).length).toBeGreaterThan(30);
    // Only Tanah Laut counts; the sources table on the national tab says what to do about the rest.
    expect([...nationalTable(wb).regencies.keys()]).toEqual(['Kabupaten Tanah Laut']);
    const text = wb.sheet('Rekap Nasional')!.values().flat().join('\n');
    expect(text).toMatch(/Diubah manual/);
    expect(text).toMatch(/Pilih workbook kabupaten/);
  });
});

describe('many workbooks: the update runs in batches from a dialog', () => {
  const start = (emu: Emulator) => emu.runRpc('startNationalJob', []) as JobProgress;
  const next = (emu: Emulator, job: string) => emu.runRpc('continueNationalJob', [{ job }]) as JobProgress;

  function batched() {
    const c = coordinator(built.map(copy));
    c.emu.documentProperties.set('national:batchSize', '1');
    return c;
  }

  function clean(): CellValue[][] {
    const { emu, wb } = batched();
    expect(emu.run('updateNationalSummary').ui.dialogs[0]?.title).toBe('Perbarui rekap nasional');
    let p = start(emu);
    expect(p).toMatchObject({ total: 5, done: 0, rows: 3, next: 'Membaca workbook 1–1 dari 3' });
    while (!p.finished) p = next(emu, p.job);
    expect(p.message).toMatch(/^Rekap nasional diperbarui: 3 kabupaten/);
    return figures(wb.sheet('Rekap Nasional')!.values());
  }

  it('stopped after any step, or failing anywhere in one, ends with the same national tab', () => {
    const reference = clean();
    for (let stopAfter = 1; stopAfter <= 4; stopAfter++) {
      const { emu, wb } = batched();
      let p = start(emu);
      for (let k = 0; k < stopAfter; k++) p = next(emu, p.job);
      emu.run('updateNationalSummary');
      p = start(emu);
      expect(p).toMatchObject({ resumed: true, done: stopAfter });
      while (!p.finished) p = next(emu, p.job);
      expect(figures(wb.sheet('Rekap Nasional')!.values())).toEqual(reference);
      expect(sources(wb).every((s) => /^(Terbaca|Tidak berubah)$/.test(String(s.Status)))).toBe(true);
    }
    for (const failAt of [3, 6, 9, 12]) {
      const { emu, wb } = batched();
      let p = start(emu);
      emu.failAfter(failAt, 'Service Spreadsheets timed out while accessing document');
      try {
        next(emu, p.job);
      } catch {
        /* the step failed; the next attempt goes on */
      }
      p = start(emu);
      while (!p.finished) p = next(emu, p.job);
      expect(figures(wb.sheet('Rekap Nasional')!.values())).toEqual(reference);
      expect(sources(wb).every((s) => /^(Terbaca|Tidak berubah)$/.test(String(s.Status)))).toBe(true);
    }
  });
});

describe('Daftar Lulus Nasional: drawn in bands of rows, one step each, resumable', () => {
  const PASS = 'Daftar Lulus Nasional';
  const BUILDING = `${PASS} (sedang dibuat)`;
  const ROWS = 5;
  const start = (emu: Emulator) => emu.runRpc('startNationalJob', []) as JobProgress;
  const next = (emu: Emulator, job: string) => emu.runRpc('continueNationalJob', [{ job }]) as JobProgress;

  function banded(regencies: Workbook[] = built.map(copy)) {
    const c = coordinator(regencies);
    c.emu.documentProperties.set('national:batchSize', '1');
    c.emu.documentProperties.set('national:passListRows', String(ROWS));
    return c;
  }

  /** The pass list cell by cell (values, formats, sizes, merges), its stamp line's value aside (it holds the time). */
  function passState(wb: Workbook): Record<string, unknown> {
    const sheet = wb.sheet(PASS)!;
    expect(String(sheet.values()[1][0])).toMatch(/^Dibuat pada /);
    const state = sheetState(sheet);
    (state.cells as Array<{ value: CellValue }>)[sheet.maxCols].value = '(stamp)';
    return { ...state, tabs: wb.sheetNames() };
  }

  /** Runs the job to the end; the progress of each step, with its run. */
  function finish(emu: Emulator, p: JobProgress): Array<{ p: JobProgress; calls: number; written: number }> {
    const steps: Array<{ p: JobProgress; calls: number; written: number }> = [];
    while (!p.finished) {
      p = next(emu, p.job);
      steps.push({ p, calls: emu.lastRun!.totalCalls, written: emu.lastRun!.cellsWritten });
    }
    return steps;
  }

  let reference: Record<string, unknown>;
  let referenceSteps: Array<{ p: JobProgress; calls: number; written: number }>;
  beforeAll(() => {
    const { emu, wb } = banded();
    referenceSteps = finish(emu, start(emu));
    reference = passState(wb);
  });

  it('takes several steps of at most the band of rows, saying how far it got, and the job ends with the tab complete', () => {
    const bands = referenceSteps.filter((s) => /Daftar Lulus Nasional — /.test(s.p.next));
    expect(bands.length).toBeGreaterThanOrEqual(2);
    expect(bands[0].p.next).toMatch(/^Membuat Daftar Lulus Nasional — \d+ dari \d+ baris$/);
    expect(referenceSteps[referenceSteps.length - 1].p.message).toMatch(/^Rekap nasional diperbarui: 3 kabupaten/);
  });

  it('a stop after any step, or a failure anywhere in a pass-list step, ends with the tab of a clean run, cell by cell', () => {
    const steps = referenceSteps.length;
    // The pass-list steps are the last ones (after the reading steps and Rekap Nasional).
    const firstPass = referenceSteps.findIndex((s) => /Daftar Lulus Nasional — /.test(s.p.next));
    for (let stopAfter = firstPass + 1; stopAfter < steps; stopAfter++) {
      const { emu, wb } = banded();
      let p = start(emu);
      for (let k = 0; k < stopAfter; k++) p = next(emu, p.job);
      // Half built: under its temporary name only, never looking complete.
      expect(wb.sheet(PASS)).toBeUndefined();
      expect(wb.sheet(BUILDING)).toBeDefined();
      p = start(emu);
      expect(p).toMatchObject({ resumed: true });
      finish(emu, p);
      expect(passState(wb)).toEqual(reference);
    }
    for (let at = firstPass; at < steps; at++) {
      const calls = referenceSteps[at].calls;
      for (const failAt of [2, Math.ceil(calls / 2), calls - 1]) {
        const { emu, wb } = banded();
        let p = start(emu);
        for (let k = 0; k < at; k++) p = next(emu, p.job);
        emu.failAfter(failAt, 'Service Spreadsheets timed out while accessing document');
        expect(() => next(emu, p.job)).toThrow();
        finish(emu, start(emu));
        expect(passState(wb)).toEqual(reference);
      }
    }
  });

  it('starts over when the list changed between its steps (a workbook taken off Sumber Rekap)', () => {
    const { emu, wb } = banded();
    let p = start(emu);
    while (!/Daftar Lulus Nasional — /.test(p.next)) p = next(emu, p.job);
    const sheet = wb.sheet('Sumber Rekap')!;
    const [head, first] = sheet.values();
    const gone = String(first[head.indexOf('Kabupaten/Kota')]);
    sheet.setValues(2, 1, [head.map(() => '')]);
    finish(emu, p);
    const rows = (state: Record<string, unknown>) => (state.cells as Array<{ value: CellValue }>).map((c) => c.value);
    expect(rows(reference)).toContain(gone);
    expect(rows(passState(wb))).not.toContain(gone);
    // The same tab as a clean run over the workbooks still listed (which has no Arsip Lulus: nothing passed).
    const rest = banded(built.slice(1).map(copy));
    finish(rest.emu, start(rest.emu));
    expect({ ...passState(wb), tabs: [] }).toEqual({ ...passState(rest.wb), tabs: [] });
    expect(wb.sheet(BUILDING)).toBeUndefined();
  });

  it('started over after the language changed between its steps: the stamp line is in the new language only', () => {
    const { emu, wb } = banded();
    let p = start(emu);
    while (!/Daftar Lulus Nasional — /.test(p.next)) p = next(emu, p.job);
    const settings = wb.sheet('Pengaturan')!;
    const at = settings.values().findIndex((r) => r[0] === 'Bahasa');
    expect(at).toBeGreaterThan(0);
    settings.setValues(at + 1, 2, [['English']]);
    finish(emu, p);
    const sheet = wb.sheet(PASS)!;
    expect(sheet.values()[0][0]).toBe('National Pass List');
    expect(String(sheet.values()[1][0])).toMatch(/^Made on .* by .* from the regency workbooks' packages/);
  });

  it('turned off (Pengaturan) while half built: no half-built tab is left behind', () => {
    const { emu, wb } = banded();
    let p = start(emu);
    while (!/Daftar Lulus Nasional — /.test(p.next)) p = next(emu, p.job);
    expect(wb.sheet(BUILDING)).toBeDefined();
    const settings = wb.sheet('Pengaturan')!;
    const at = settings.values().findIndex((r) => r[0] === 'Daftar lulus nasional');
    expect(at).toBeGreaterThan(0);
    settings.setValues(at + 1, 2, [['Tidak']]);
    finish(emu, p);
    expect(wb.sheet(BUILDING)).toBeUndefined();
    expect(wb.sheet(PASS)).toBeUndefined();
  });

  it('an unchanged list is not rewritten; one edited, sorted or with a row inserted by hand is', () => {
    const { emu, wb } = banded();
    finish(emu, start(emu));
    const before = passState(wb);
    const stamp = wb.sheet(PASS)!.values()[1][0];
    const again = finish(emu, start(emu));
    const passStep = again[again.length - 1];
    expect(passStep.written).toBeLessThan(100);
    expect(wb.sheet(PASS)!.values()[1][0]).toBe(stamp);
    expect(passState(wb)).toEqual(before);
    const handEdits: Array<(sheet: NonNullable<ReturnType<Workbook['sheet']>>) => void> = [
      (sheet) => sheet.setValues(6, 5, [['Nama Diganti']]),
      (sheet) => {
        const rows = sheet.values();
        sheet.setValues(5, 1, [...rows.slice(5, 7)].reverse().concat(rows.slice(7)).concat([rows[4]]));
      },
      (sheet) => sheet.insertRows(6, 1),
    ];
    for (const edit of handEdits) {
      edit(wb.sheet(PASS)!);
      const steps = finish(emu, start(emu));
      expect(steps.filter((s) => /Daftar Lulus Nasional — /.test(s.p.next)).length).toBeGreaterThanOrEqual(1);
      expect(passState(wb)).toEqual(reference);
    }
  });

  it('budget: each pass-list step writes at most its band (9 values + 12 formats a row) and makes a bounded number of calls, whatever the number of regencies', () => {
    const perStep = (regencies: Workbook[]) => {
      const { emu } = banded(regencies);
      const steps = finish(emu, start(emu));
      const at = steps.findIndex((s) => /Daftar Lulus Nasional — /.test(s.p.next));
      return steps.slice(at);
    };
    const small = perStep(built.map(copy));
    const large = perStep([...built, ...built, ...built, ...built].map(copy));
    expect(large.length).toBeGreaterThan(small.length + 2);
    for (const step of [...small, ...large]) {
      // A band's rows, plus the title lines and header drawn in the first band.
      expect(step.written).toBeLessThanOrEqual(ROWS * 21 + 200);
      expect(step.calls).toBeLessThanOrEqual(60);
    }
  });
});

describe('personal data', () => {
  it('no full NIK, birth date or phone number of any candidate reaches the coordinator workbook', () => {
    const { emu, wb } = coordinator(built.map(copy));
    emu.run('updateNationalSummary');
    const personal = new Set<string>();
    for (const regency of built) {
      const [head, ...rows] = regency.sheet('Kandidat')!.values();
      const display = regency.sheet('Kandidat')!.displayValues().slice(1);
      for (const h of ['NIK', 'No. HP', 'Tanggal Lahir', 'Alamat']) {
        const at = head.indexOf(h);
        rows.forEach((r, i) => {
          for (const v of [String(r[at]), display[i][at]]) if (v.replace(/\D/g, '').length >= 8) personal.add(v);
        });
      }
    }
    expect(personal.size).toBeGreaterThan(100);
    const cells: string[] = [];
    for (const sheet of wb.sheets) {
      for (const row of sheet.values())
        for (const v of row) cells.push(v instanceof Date ? v.toISOString() : String(v));
      for (const row of sheet.displayValues()) cells.push(...row);
    }
    const leaked = cells.filter((c) => personal.has(c) || /\b\d{16}\b/.test(c) || /\b08\d{8,11}\b/.test(c));
    expect(leaked).toEqual([]);
  });
});
