/**
 * `npm run bench`: performance numbers from measurement, not from assertions in tests.
 *  - bundle: size of dist/Code.js and the sidebars, and the time V8 takes to evaluate the bundle
 *    (Apps Script does this on every execution, including every google.script.run call);
 *  - core: the pure computation of each action on demo workbooks of several sizes;
 *  - service: the emulator's count of service calls and cells moved per action (the numbers that
 *    decide real Apps Script time, where each call costs a round trip).
 * Times are medians of several runs on this machine; they vary by machine, the call counts do not.
 * Writes out/bench.json too.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { Emulator, Workbook, rectToA1, type FormAnswers } from '../emulator';
import { ANSWER } from '../emulator/counter';
import { RangeService } from '../emulator/range';
import type { CellValue } from '../src/core/types';
import { parseSettings } from '../src/core/settings';
import { villageIndex } from '../src/core/validation/villages';
import { validateCandidates } from '../src/core/validation/validate';
import { ONE_STEP_ROWS } from '../src/core/validation/batches';
import { loadDemoWorkbook } from './demo-data/workbook';
import { fillScores } from './demo-data/penilaian';
import { hmacSealer } from '../src/core/hmac';
import { rankCandidates } from '../src/core/ranking';
import { parseRubric } from '../src/core/rubric';
import { isSealed, parseScores } from '../src/core/scores';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs = RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const num = (n: number) => n.toLocaleString('en-US');

function bundle(): Record<string, unknown> {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const evalMs = time(() => runInNewContext(code, {}), 20);
  const pages = Object.fromEntries(
    readdirSync(DIST)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, Buffer.byteLength(readFileSync(join(DIST, f), 'utf8'))]),
  );
  console.log('\nBundle');
  console.log(
    `  dist/Code.js           ${kib(Buffer.byteLength(code))} (gzip ${kib(gzipSync(code).length)}), evaluated in ${ms(evalMs)} (median of 20)`,
  );
  for (const [name, bytes] of Object.entries(pages)) console.log(`  dist/${name.padEnd(17)} ${kib(bytes)}`);
  return { codeBytes: Buffer.byteLength(code), codeGzipBytes: gzipSync(code).length, evalMs, pages };
}

interface ActionRow {
  workload: string;
  action: string;
  coreMs?: number;
  calls: number;
  /** Calls that need an answer from Sheets (reads, lookups, sheet creation): each a round trip. */
  roundTrips: number;
  /** Modelled Apps Script time (see MODEL). */
  seconds: number;
  naiveCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** A row that sums several executions (a batched action's total), not one execution. */
  total?: boolean;
  /** What the cells read were, tab by tab (attributed while the execution ran, see readsOf). */
  reads?: string;
}

/**
 * A model of Apps Script time, calibrated on published measurements (nothing here reaches Google):
 *  - a call that needs Sheets' answer while writes are queued commits them first: 150 ms
 *    (interleaved getValue/setValue loops: 318 ms per read+write pair, "詳解! Google Apps Script
 *    完全入門" 3rd ed., sample 16-02; 241 ms per row, gas.excelspeedup.com; getLastRow() in a
 *    writing loop: 160 ms per call, bugbugnow.net 2019);
 *  - a call that needs an answer with nothing queued: 40 ms (weakly supported: 2.3 ms per read in a
 *    read-only loop served by the look-ahead cache, bugbugnow.net; 175 ms for an execution's first
 *    getValues, a 2016 execution transcript);
 *  - any other call (a queued setter): 5 ms (Google's best-practices page: 10,000 setBackground
 *    calls with 100 flushes take about 70 s, https://developers.google.com/apps-script/guides/support/best-practices);
 *  - 0.02 ms per cell read, 0.1 ms per cell written (the same page: one 10,000-cell setBackgrounds
 *    runs in about 1 s);
 *  - CacheService get 30 ms, put 100 ms; PropertiesService get 35 ms, set 75 ms (Justin Poehnelt's
 *    and two other published timing studies); LockService tryLock 50 ms (no published figure: a
 *    placeholder).
 * A naive adapter alternates reads and writes per cell, so each of its calls costs a commit and a
 * round trip. The limit it is compared with is real: 6 minutes per execution.
 */
const MODEL = {
  msPerFlush: 150,
  msPerRoundTrip: 40,
  msPerCall: 5,
  msPerCellRead: 0.02,
  msPerCellWritten: 0.1,
  msPerCacheGet: 30,
  msPerCachePut: 100,
  msPerPropertyGet: 35,
  msPerPropertySet: 75,
  msPerLock: 50,
  limitSeconds: 360,
};
/** Priced on their own (matched before ANSWER, the calls that wait for Sheets). */
const PRICED: Array<[RegExp, number]> = [
  [/^Cache\.(get|getAll)$/, MODEL.msPerCacheGet],
  [/^Cache\.(put|putAll|remove|removeAll)$/, MODEL.msPerCachePut],
  [/^Properties\.(getProperty|getProperties|getKeys)$/, MODEL.msPerPropertyGet],
  [/^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/, MODEL.msPerPropertySet],
  [/^Lock\.(tryLock|waitLock)$/, MODEL.msPerLock],
];

function modelledMs(calls: Record<string, number>, flushes: number, cellsRead: number, cellsWritten: number): number {
  let ms = 0;
  let answers = 0;
  for (const [key, count] of Object.entries(calls)) {
    const priced = PRICED.find(([pattern]) => pattern.test(key));
    if (priced) ms += priced[1] * count;
    else if (ANSWER.test(key)) answers += count;
    else ms += MODEL.msPerCall * count;
  }
  const committed = Math.min(flushes, answers);
  ms += committed * MODEL.msPerFlush + (answers - committed) * MODEL.msPerRoundTrip;
  return ms + cellsRead * MODEL.msPerCellRead + cellsWritten * MODEL.msPerCellWritten;
}
const modelledNaive = (naiveCalls: number, r: ActionRow) =>
  (naiveCalls * MODEL.msPerFlush + r.cellsRead * MODEL.msPerCellRead + r.cellsWritten * MODEL.msPerCellWritten) / 1000;

function serviceRow(workload: string, action: string, run: ReturnType<Emulator['run']>, coreMs?: number): ActionRow {
  if (run.error) throw new Error(`${workload} ${action}: ${run.error.message}`);
  const roundTrips = Object.entries(run.calls).reduce((n, [key, count]) => n + (ANSWER.test(key) ? count : 0), 0);
  return {
    workload,
    action,
    coreMs,
    calls: run.totalCalls,
    roundTrips,
    seconds: modelledMs(run.calls, run.flushes, run.cellsRead, run.cellsWritten) / 1000,
    naiveCalls: run.naiveCalls,
    cellsRead: run.cellsRead,
    cellsWritten: run.cellsWritten,
  };
}

/** A batched action as its dialog runs it: the start call, then one execution per step until finished. */
function runJob(
  emu: Emulator,
  label: string,
  endpoints: { start: string; next: string },
  startArgs: unknown[] = [],
): { start: ActionRow; steps: ActionRow[] } {
  let progress = emu.runRpc(endpoints.start, startArgs) as { job: string; finished: boolean };
  const start = serviceRow(label, 'start', emu.lastRun!);
  const steps: ActionRow[] = [];
  while (!progress.finished) {
    progress = emu.runRpc(endpoints.next, [{ job: progress.job }]) as typeof progress;
    steps.push(serviceRow(label, 'step', emu.lastRun!));
  }
  return { start, steps };
}

/** One row summing the executions of a batched action. */
function totalRow(label: string, action: string, rows: readonly ActionRow[]): ActionRow {
  const sum = (key: 'calls' | 'roundTrips' | 'naiveCalls' | 'cellsRead' | 'cellsWritten' | 'seconds') =>
    rows.reduce((n, r) => n + r[key], 0);
  return {
    workload: label,
    action,
    calls: sum('calls'),
    roundTrips: sum('roundTrips'),
    naiveCalls: sum('naiveCalls'),
    cellsRead: sum('cellsRead'),
    cellsWritten: sum('cellsWritten'),
    seconds: sum('seconds'),
    total: true,
  };
}

const longest = (rows: readonly ActionRow[]) => rows.reduce((w, r) => (r.seconds > w.seconds ? r : w));

function emptyWorkbook(): ActionRow[] {
  const wb = new Workbook();
  wb.addSheet('Sheet1');
  const emu = new Emulator({ workbook: wb });
  return [
    serviceRow('empty workbook', 'Siapkan lembar kerja (first run)', emu.run('setupWorkbook')),
    serviceRow('empty workbook', 'Siapkan lembar kerja (again)', emu.run('setupWorkbook')),
  ];
}

/** The pure validation over a workbook's Kandidat tab, as the action calls it. */
function coreValidation(wb: Workbook): number {
  const settings = parseSettings(wb.sheet('Pengaturan')!.values(), 480);
  if (!settings.ok) throw new Error('demo settings invalid');
  const values = wb.sheet('Kandidat')!.values();
  const display = wb.sheet('Kandidat')!.displayValues();
  const ctx = {
    settings: settings.settings,
    reference: { year: 2019, month: 11, day: 25 },
    offsetMinutes: 480,
    villages: villageIndex(wb.sheet('Desa Sasaran')!.values()),
  };
  return time(() => validateCandidates(values, display, ctx));
}

const SECRET = 'bench-secret';

/** The pure ranking over a workbook, as the action calls it. */
function coreRanking(wb: Workbook): number {
  const settings = parseSettings(wb.sheet('Pengaturan')!.values(), 480);
  const rubric = parseRubric(wb.sheet('Kriteria')!.values());
  if (!settings.ok || !rubric.ok) throw new Error('demo settings or rubric invalid');
  const codes = rubric.rubric.criteria.map((c) => c.code);
  const candidates = wb.sheet('Kandidat')!.values();
  const penilaian = wb.sheet('Penilaian')!.values();
  const villages = villageIndex(wb.sheet('Desa Sasaran')!.values());
  const seal = hmacSealer(SECRET);
  return time(() => {
    const scores = parseScores(penilaian, codes).rows;
    const sealed = scores.map((r) => isSealed(r, seal, codes));
    rankCandidates({
      candidates,
      scores,
      sealed,
      rubric: rubric.rubric,
      settings: settings.settings,
      villages,
      offsetMinutes: 480,
    });
  });
}

function demoWorkload(candidates: number): ActionRow[] {
  const { workbook } = loadDemoWorkbook({ candidates });
  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  const label = `demo, ${num(candidates)} candidates`;
  const rows = [serviceRow(label, 'Siapkan lembar kerja', emu.run('setupWorkbook'))];
  // Measured in one step at every size, as a baseline (past 2,000 rows the menu runs it in batches: validationWorkload).
  emu.documentProperties.set('validation:oneStepRows', String(10 * candidates));
  const oneStep = candidates > ONE_STEP_ROWS ? 'Validasi data kandidat (one step)' : 'Validasi data kandidat';
  rows.push(serviceRow(label, oneStep, emu.run('validateCandidates'), coreValidation(workbook)));
  rows.push(serviceRow(label, 'onEdit (one Kandidat row)', emu.edit('Kandidat', 'B2', 'Siti Aminah')));
  rows.push(serviceRow(label, 'onEdit (another tab)', emu.edit('Panel', 'B2', 'Rahmat')));
  fillScores(emu, workbook, SECRET);
  const scoreCount = workbook.sheet('Penilaian')!.lastRow() - 1;
  const panelist = String(workbook.sheet('Panel')!.values()[1][0]);
  const context = emu.runRpc('scoringContext', [{}], { user: panelist }) as { candidates: Array<{ id: string }> };
  rows.push(serviceRow(label, 'sidebar: scoringContext (cold)', emu.lastRun!));
  emu.runRpc('scoringContext', [{}], { user: panelist });
  rows.push(serviceRow(label, 'sidebar: scoringContext (cached)', emu.lastRun!));
  emu.runRpc(
    'submitScore',
    [
      {
        candidateId: context.candidates[0].id,
        scores: { K1: 4, K2: 4, K3: 3, K4: 5, K5: 4 },
        recused: false,
        note: '',
        // The form sends the language it shows (so the server need not read Pengaturan for it).
        lang: 'id',
      },
    ],
    { user: panelist },
  );
  rows.push(serviceRow(label, 'sidebar: submitScore', emu.lastRun!));
  rows.push(
    serviceRow(
      `${label}, ${num(scoreCount)} scores`,
      'Hitung skor & peringkat',
      emu.run('computeRanking'),
      coreRanking(workbook),
    ),
  );
  rows.push(...summariesWorkload(emu, label, candidates));
  return rows;
}

/**
 * "Perbarui rekap" on the demo workbook: in one step at every size, as a baseline, and above the
 * menu's one-step limit also as the dialog runs it (one execution per step).
 */
function summariesWorkload(emu: Emulator, label: string, candidates: number): ActionRow[] {
  emu.documentProperties.set('summaries:oneStepCells', String(1e9));
  const oneStep = serviceRow(label, 'Perbarui rekap', emu.run('refreshSummaries'));
  emu.documentProperties.delete('summaries:oneStepCells');
  const menu = emu.run('refreshSummaries');
  if (menu.ui.dialogs.length === 0) return [oneStep];
  const { start, steps: work } = runJob(emu, label, { start: 'startSummariesJob', next: 'continueSummariesJob' });
  const names = ['agreement', 'Rekap Seleksi', 'Rekap Kehadiran + Log'];
  return [
    { ...oneStep, action: 'Perbarui rekap (one step)' },
    totalRow(label, `Perbarui rekap (${work.length} steps, ${num(candidates)} candidates)`, [
      serviceRow(label, 'menu', menu),
      start,
      ...work,
    ]),
    ...work.map((w, i) => ({ ...w, action: `Perbarui rekap: step ${i + 1} (${names[i] ?? ''})` })),
  ];
}

/** 300 sessions of 20 participants each: the design limit for attendance tabs in one spreadsheet. */
function attendanceWorkbook(): Emulator {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb });
  emu.run('setupWorkbook');
  const sessions = Array.from({ length: 300 }, (_, i) => [
    `S-${String(i + 1).padStart(3, '0')}`,
    `FGD ${i + 1}`,
    '27/11/2019',
    '08.00',
    '12.00',
    'WITA',
    'Aula',
    '',
    '',
    'Kabupaten Tanah Laut',
    'Kalimantan Selatan',
    '',
  ]);
  wb.sheet('Sesi')!.setValues(2, 1, sessions);
  wb.sheet('Peserta')!.setNumberFormat(2, 7, 6000, 1, '@');
  wb.sheet('Peserta')!.setValues(
    2,
    1,
    sessions.flatMap((s, i) =>
      Array.from({ length: 20 }, (_, j) => [
        s[0],
        `Peserta ${i}-${j}`,
        j % 2 ? 'L' : 'P',
        'Lainnya',
        'Warga',
        `Desa ${j}`,
        `0812${String(10000000 + i * 20 + j)}`,
        '',
      ]),
    ),
  );
  return emu;
}

/** The dialog's way: one execution per batch; the row sums the batches and names the longest. */
function attendanceWorkload(): ActionRow[] {
  const label = '300 sessions × 20 participants';
  let emu = attendanceWorkbook();
  const started = performance.now();
  emu.runRpc('generateAttendance', [{ codes: null }]);
  const elapsed = performance.now() - started;
  const rows: ActionRow[] = [{ ...serviceRow(label, 'Buat daftar hadir (one call)', emu.lastRun!), coreMs: elapsed }];
  emu = attendanceWorkbook();
  // The dialog's first call builds the first batch.
  const { start, steps } = runJob(emu, label, { start: 'startAttendanceJob', next: 'continueAttendanceJob' }, [
    { codes: null },
  ]);
  const batches = [start, ...steps];
  rows.push(totalRow(label, `Buat daftar hadir (${batches.length} batches)`, batches));
  rows.push({ ...longest(batches), action: 'Buat daftar hadir (longest batch)' });
  return rows;
}

/** "Validasi data kandidat" on 50,000 demo candidates as the dialog runs it: one execution per step. */
function validationWorkload(): ActionRow[] {
  const candidates = 50_000;
  const label = `demo, ${num(candidates)} candidates`;
  const { workbook } = loadDemoWorkbook({ candidates });
  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  const menu = serviceRow(label, 'Validasi data kandidat (menu)', emu.run('validateCandidates'));
  const { start, steps: blocks } = runJob(emu, label, { start: 'startValidationJob', next: 'continueValidationJob' });
  return [
    totalRow(label, `Validasi data kandidat (${blocks.length} batches)`, [menu, start, ...blocks]),
    { ...longest(blocks.slice(0, -1)), action: 'Validasi: longest block' },
    { ...blocks[blocks.length - 1], action: 'Validasi: report step' },
  ];
}

/** The questions of a typical registration form, as Forms heads its response tab. */
const QUESTIONS = [
  'Timestamp',
  'Nama lengkap (sesuai KTP)',
  'NIK (16 digit, sesuai KTP)',
  'Jenis kelamin',
  'Tempat lahir',
  'Tanggal lahir',
  'Pendidikan terakhir',
  'Alamat lengkap',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Provinsi',
  'Nomor HP/WhatsApp aktif',
  'Email',
  'Unggah scan KTP',
];
const RESPONSE_TAB = 'Form Responses 1';

/**
 * A demo workbook with its candidates taken off Kandidat and turned into form responses (the same
 * people, villages and slips, in order of registration), the form's tab linked and the add-on
 * connected to it with the mapping it proposes. Nothing is imported yet; the responses are returned,
 * not written.
 */
function registrationWorkbook(count: number): { emu: Emulator; wb: Workbook; responses: CellValue[][] } {
  const { workbook: wb, demo } = loadDemoWorkbook({ candidates: count });
  wb.removeSheet('Kandidat');
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  unmeasured('registration: Siapkan lembar kerja', emu.run('setupWorkbook'));
  // The guide's first step: NIK and phone answers kept as text (connecting does it too).
  wb.addFormResponses(RESPONSE_TAB, QUESTIONS).setNumberFormat(2, 3, 999, 1, '@').setNumberFormat(2, 13, 999, 1, '@');
  const choices = emu.runRpc('registrationChoices', [{}]) as { tab: string; mapping: unknown };
  emu.runRpc('connectRegistration', [{ tab: choices.tab, mapping: choices.mapping }]);
  const [, ...rows] = demo.tabs.Kandidat as CellValue[][];
  const responses = rows
    .filter((r) => r.slice(1, 14).some((v) => v !== ''))
    .slice(0, count)
    // Forms stamps to the millisecond; the demo's registration times are whole seconds.
    .map((r, i) => [
      new Date((r[14] as Date).getTime() + (i % 1000)),
      ...r.slice(1, 14),
      `https://drive.google.com/open?id=ktp-${i + 1}`,
    ])
    .sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
  if (responses.length !== count) throw new Error(`registration: ${responses.length} demo responses, not ${count}`);
  return { emu, wb, responses };
}

/** A run that prepares a workload: it must succeed, and is not shown. */
function unmeasured(what: string, run: ReturnType<Emulator['run']>): void {
  if (run.error) throw new Error(`${what}: ${run.error.message}`);
}

/** Responses that arrived while nothing imported them: written straight on the tab (not counted). */
function writeResponses(wb: Workbook, responses: CellValue[][]): void {
  const tab = wb.sheet(RESPONSE_TAB)!;
  const first = tab.lastRow() + 1;
  tab.setNumberFormat(first, 3, responses.length, 1, '@').setNumberFormat(first, 13, responses.length, 1, '@');
  tab.setValues(first, 1, responses);
}

/**
 * Runs `fn` noting every range the execution reads (tab, A1, Range method, cells), then describes
 * the cells read tab by tab: a tab's header row, whole columns by their header, single rows, whole
 * tabs. Hooks the emulator's two reading paths (RangeService._grid and _first) for that time only.
 */
function readsOf<T>(wb: Workbook, fn: () => T): { result: T; reads: (cellsRead: number) => string } {
  const log: Array<{ tab: string; row: number; col: number; numRows: number; numCols: number; method: string }> = [];
  const proto = RangeService.prototype as unknown as Record<'_grid' | '_first', (...a: unknown[]) => unknown>;
  const original = { _grid: proto._grid, _first: proto._first };
  for (const key of ['_grid', '_first'] as const) {
    proto[key] = function (this: RangeService, ...args: unknown[]) {
      const frame = /RangeService\.(\w+) /.exec((new Error().stack ?? '').split('\n').slice(2).join('\n'));
      const r = key === '_grid' ? this._r : { ...this._r, numRows: 1, numCols: 1 };
      log.push({ tab: this._sheet.name, ...r, method: frame?.[1] ?? '?' });
      return original[key].apply(this, args);
    };
  }
  let result: T;
  try {
    result = fn();
  } finally {
    Object.assign(proto, original);
  }
  const reads = (cellsRead: number) => {
    const tabs = new Map<string, Map<string, { cells: number; times: number; methods: Set<string> }>>();
    const shape = new Map<string, { header: CellValue[]; lastRow: number }>();
    for (const r of log) {
      if (!shape.has(r.tab)) {
        const sheet = wb.sheet(r.tab);
        shape.set(r.tab, { header: sheet?.values()[0] ?? [], lastRow: sheet?.lastRow() ?? 0 });
      }
      const { header, lastRow } = shape.get(r.tab)!;
      const whole = r.row === 1 && r.col === 1 && r.numRows > 1 && r.numRows >= lastRow;
      const what =
        r.row === 1 && r.numRows === 1
          ? 'header'
          : whole
            ? 'whole tab'
            : r.numCols === 1 && r.numRows > 1
              ? `column ${String(header[r.col - 1] ?? rectToA1(r))}`
              : r.numRows === 1
                ? `row ${r.row}`
                : rectToA1(r);
      const parts = tabs.get(r.tab) ?? new Map();
      tabs.set(r.tab, parts);
      const part = parts.get(what) ?? { cells: 0, times: 0, methods: new Set<string>() };
      part.cells += r.numRows * r.numCols;
      part.times++;
      part.methods.add(r.method);
      parts.set(what, part);
    }
    const counted = log.reduce((n, r) => n + r.numRows * r.numCols, 0);
    const lines = [...tabs].map(([tab, parts]) => {
      const total = [...parts.values()].reduce((n, p) => n + p.cells, 0);
      const detail = [...parts]
        .map(([what, p]) => {
          const each =
            p.times > 1 ? `${p.times} × ${num(p.cells / p.times)} (${[...p.methods].join(', ')})` : num(p.cells);
          return `${what} ${each}`;
        })
        .join(' + ');
      return `${tab} ${num(total)} = ${detail}`;
    });
    if (counted !== cellsRead) lines.push(`not attributed ${num(cellsRead - counted)}`);
    return lines.join('; ');
  };
  return { result: result!, reads };
}

/**
 * Online registration: "Impor jawaban formulir" with responses waiting on the form's tab (the
 * import's calls should not grow with them), and the form-submit trigger importing one response
 * when Kandidat already holds 10,000 rows (imported before, not measured).
 */
function registrationWorkload(): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const count of [10, 5000]) {
    const { emu, wb, responses } = registrationWorkbook(count);
    writeResponses(wb, responses);
    const run = emu.run('importFormResponses');
    if (!run.ui.alerts[0]?.prompt.startsWith(`${num(count).replace(/,/g, '.')} jawaban baru diimpor`))
      throw new Error(`registration import of ${count}: ${run.ui.alerts[0]?.prompt}`);
    rows.push(serviceRow(`registration, ${num(count)} responses waiting`, 'Impor jawaban formulir', run));
  }
  const existing = 10_000;
  const { emu, wb, responses } = registrationWorkbook(existing + 1);
  const submitted = responses.pop()!;
  writeResponses(wb, responses);
  unmeasured('registration: Impor jawaban formulir (setup)', emu.run('importFormResponses'));
  const kandidat = wb.sheet('Kandidat')!;
  if (kandidat.lastRow() - 1 !== existing)
    throw new Error(`registration: Kandidat holds ${kandidat.lastRow() - 1} rows`);
  const answers: FormAnswers = Object.fromEntries(QUESTIONS.slice(1).map((q, i) => [q, submitted[i + 1]]));
  const last = responses[responses.length - 1][0] as Date;
  const { result: runs, reads } = readsOf(wb, () =>
    emu.submitForm(RESPONSE_TAB, answers, { at: new Date(last.getTime() + 61_001) }),
  );
  if (runs.length !== 1) throw new Error(`registration: ${runs.length} trigger runs`);
  const [run] = runs;
  if (kandidat.lastRow() - 1 !== existing + 1) throw new Error('registration: the submission was not imported');
  rows.push({
    ...serviceRow(`registration, Kandidat ${num(existing)} rows`, 'onRegistrationSubmit (1 response)', run),
    reads: reads(run.cellsRead),
  });
  return rows;
}

function main(): void {
  console.log(`Seleksi & FGD benchmark — ${RUNS} runs per timing, medians; node ${process.version}`);
  const result: Record<string, unknown> = { bundle: bundle() };
  const rows = [
    ...emptyWorkbook(),
    ...SIZES.flatMap(demoWorkload),
    ...attendanceWorkload(),
    ...validationWorkload(),
    ...registrationWorkload(),
  ];
  console.log('\nActions — core: pure computation in Node (for "Buat daftar hadir": the whole emulated execution);');
  console.log(
    'calls and cells: counted by the emulator on the real dist/Code.js; naive: the calls a cell-by-cell adapter would make for the same work;',
  );
  console.log(
    `Apps Script s: modelled from published measurements (sources in this script's MODEL comment): ${MODEL.msPerFlush} ms per call that waits for Sheets with writes queued, ${MODEL.msPerRoundTrip} ms with none queued, ${MODEL.msPerCall} ms per other call, ${MODEL.msPerCellRead} ms per cell read and ${MODEL.msPerCellWritten} ms per cell written; cache get/put ${MODEL.msPerCacheGet}/${MODEL.msPerCachePut} ms, properties get/set ${MODEL.msPerPropertyGet}/${MODEL.msPerPropertySet} ms, lock ${MODEL.msPerLock} ms; against the ${MODEL.limitSeconds} s limit.`,
  );
  const header = [
    'workload'.padEnd(40),
    'action'.padEnd(34),
    'core'.padStart(10),
    'calls'.padStart(6),
    'cells read'.padStart(11),
    'cells written'.padStart(13),
    'naive calls'.padStart(12),
    'ratio'.padStart(7),
    'Apps Script s'.padStart(13),
    'naive s'.padStart(9),
  ];
  console.log(`  ${header.join(' ')}`);
  for (const r of rows) {
    console.log(
      `  ${[
        r.workload.padEnd(40),
        r.action.padEnd(34),
        (r.coreMs === undefined ? '' : ms(r.coreMs)).padStart(10),
        String(r.calls).padStart(6),
        num(r.cellsRead).padStart(11),
        num(r.cellsWritten).padStart(13),
        num(r.naiveCalls).padStart(12),
        `${(r.naiveCalls / Math.max(1, r.calls)).toFixed(0)}×`.padStart(7),
        r.seconds.toFixed(1).padStart(13),
        modelledNaive(r.naiveCalls, r).toFixed(0).padStart(9),
      ].join(' ')}`,
    );
    if (r.reads) console.log(`    cells read: ${r.reads}`);
  }
  // A batched action's row sums several executions; each of its batches is a row of its own.
  const worst = rows.filter((r) => !r.total).reduce((w, r) => Math.max(w, r.seconds), 0);
  console.log(
    `\nLongest modelled execution: ${worst.toFixed(1)} s of ${MODEL.limitSeconds} s (${((100 * worst) / MODEL.limitSeconds).toFixed(0)} %).`,
  );
  result.actions = rows;
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'out/bench.json'), JSON.stringify(result, null, 2));
  console.log('\nWrote out/bench.json');
}

main();
