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
import { Emulator, Workbook } from '../emulator';
import { ANSWER } from '../emulator/counter';
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

function main(): void {
  console.log(`Seleksi & FGD benchmark — ${RUNS} runs per timing, medians; node ${process.version}`);
  const result: Record<string, unknown> = { bundle: bundle() };
  const rows = [...emptyWorkbook(), ...SIZES.flatMap(demoWorkload), ...attendanceWorkload(), ...validationWorkload()];
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
