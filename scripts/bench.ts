/**
 * `npm run bench`: performance numbers from measurement, not from assertions in tests.
 *  - bundle: size of dist/Code.js and the sidebars, and the time V8 takes to evaluate the bundle
 *    (Apps Script does this on every execution, including every google.script.run call);
 *  - core: the pure computation of each action on demo workbooks of several sizes;
 *  - service: the emulator's count of service calls and cells moved per action (the numbers that
 *    decide real Apps Script time, where each call costs a round trip).
 *  - national: the coordinator's "Perbarui rekap nasional" over 7, 100 and 514 regency workbooks
 *    (BENCH_NATIONAL=7,100,514), first update and unchanged, batch by batch, held against the
 *    Apps Script and Sheets API limits.
 * Times are medians of several runs on this machine; they vary by machine, the call counts do not.
 * Env: BENCH_RUNS, BENCH_SIZES (demo sizes), BENCH_NATIONAL, BENCH_ONLY=national (a comma list of
 * workloads: empty, demo, attendance, validation, registration, desk, selection, national; the bundle always runs).
 * Writes out/bench.json too (out/bench-<only>.json with BENCH_ONLY).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { Drive, Emulator, Workbook, rectToA1, type FormAnswers, type RunResult } from '../emulator';
import { ANSWER } from '../emulator/counter';
import { RangeService } from '../emulator/range';
import type { CellValue } from '../src/core/types';
import { IMPORT_BATCH } from '../src/core/registration';
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
import { DATA_ROW, PACKAGE_TAB, checksum } from '../src/core/rollup/package';
import { fullWorkflow } from '../test/hardening/workflow';
import { deskQueue as orderDeskQueue } from '../src/core/desk';
import {
  ANNOUNCED as STORY_ANNOUNCED,
  FINAL as STORY_FINAL,
  PROCESSED as STORY_PROCESSED,
  typeObjections,
} from './demo-data/story';
import type { DeskCandidate, DeskQueue, SaveResponse } from '../src/core/deskApi';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** BENCH_ONLY=national (or a comma list of empty, demo, attendance, validation, registration, desk, selection, national): only those workloads. */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

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
  /** The same with cells read at the one published getValues timing (MODEL.msPerCellReadMeasured). */
  secondsMeasuredReads: number;
  naiveCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** A row that sums several executions (a batched action's total), not one execution. */
  total?: boolean;
  /** Run in one execution only as a baseline: at this size the menu runs it in steps. */
  baseline?: boolean;
  /** What the cells read were, tab by tab (attributed while the execution ran, see readsOf). */
  reads?: string;
  /** Another line printed under the row (the national roll-up: its calls, method by method). */
  detail?: string;
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
 *    runs in about 1 s). The read price is derived (a fifth of a write), not measured. The one
 *    published timing of a large getValues found is higher: 120,000 rows × 2 columns of plain text
 *    (no formulas, no formatting) read in 7.38 s, about 0.03 ms per cell, and through the Sheets API
 *    in 6.03 s (qiita.com/shi-suzuki/items/d23c6c7e4a0bbe2831af; the same author's earlier article
 *    measured 24 s for a sheet of that size with formulas and formatting). It is a single run of one
 *    shape, so the model keeps 0.02 and the bench prints every figure at 0.03 as well
 *    (msPerCellReadMeasured), beside it: a reader sees which goals hold at both prices;
 *  - CacheService get 30 ms, put 100 ms; PropertiesService get 35 ms, set 75 ms (Justin Poehnelt's
 *    and two other published timing studies); LockService tryLock 50 ms (no published figure: a
 *    placeholder);
 *  - a Sheets advanced-service call (`Sheets.Spreadsheets.Values.batchGet`, `Spreadsheets.get`):
 *    300 ms, an ASSUMPTION. It is a REST round trip to sheets.googleapis.com from Google's servers
 *    plus Sheets opening the other spreadsheet; no published per-call timing from Apps Script was
 *    found (searched: Sheets API latency measurements, Apps Script advanced-service benchmarks;
 *    client-side reports from outside Google range from well under a second to several seconds,
 *    e.g. github.com/burnash/gspread/issues/673, and are not comparable). 300 ms is a conservative
 *    pick above the product's own design figure (nationalJob.ts: "~0.5 s each modelled (two API
 *    calls)"); the cells the call returns are priced as cells read, like getValues.
 * A naive adapter alternates reads and writes per cell, so each of its calls costs a commit and a
 * round trip. The limit it is compared with is real: 6 minutes per execution.
 *
 * The national roll-up is also held against the published limits it must respect (printed once,
 * see LIMITS): Apps Script "Script runtime 6 min / execution" and "Simultaneous executions 30 per
 * user" (https://developers.google.com/apps-script/guides/services/quotas, "Current limitations";
 * the same page: "Using a product's Apps Script service counts toward all associated quota
 * reserves"); Sheets API "Read requests: per minute per project 300, per minute per user per
 * project 60", a request over them answered "429: Too many requests", refilled every minute
 * (https://developers.google.com/sheets/api/limits). "URL Fetch calls 20,000 / day" (consumer;
 * 100,000 Workspace, the quotas page) does not apply: the design reads through the advanced
 * service, not UrlFetchApp, and not SpreadsheetApp.openById (which would need the full
 * spreadsheets scope instead of drive.file).
 */
const MODEL = {
  msPerFlush: 150,
  msPerRoundTrip: 40,
  msPerCall: 5,
  msPerCellRead: 0.02,
  msPerCellReadMeasured: 0.03,
  msPerCellWritten: 0.1,
  msPerCacheGet: 30,
  msPerCachePut: 100,
  msPerPropertyGet: 35,
  msPerPropertySet: 75,
  msPerLock: 50,
  msPerSheetsApi: 300,
  limitSeconds: 360,
};
/** Priced on their own (matched before ANSWER, the calls that wait for Sheets). */
const PRICED: Array<[RegExp, number]> = [
  [/^Cache\.(get|getAll)$/, MODEL.msPerCacheGet],
  [/^Cache\.(put|putAll|remove|removeAll)$/, MODEL.msPerCachePut],
  [/^Properties\.(getProperty|getProperties|getKeys)$/, MODEL.msPerPropertyGet],
  [/^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/, MODEL.msPerPropertySet],
  [/^Lock\.(tryLock|waitLock)$/, MODEL.msPerLock],
  // The advanced service's calls are counted under `Sheets.` whatever the manifest's userSymbol.
  [/^Sheets\./, MODEL.msPerSheetsApi],
];

function modelledMs(
  calls: Record<string, number>,
  flushes: number,
  cellsRead: number,
  cellsWritten: number,
  msPerCellRead = MODEL.msPerCellRead,
): number {
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
  return ms + cellsRead * msPerCellRead + cellsWritten * MODEL.msPerCellWritten;
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
    // A step that paces itself (Utilities.sleep) lasts at least what it asked to sleep: the product
    // sleeps for what is left of its target after the real work, and the emulator's work takes no time.
    seconds: Math.max(modelledMs(run.calls, run.flushes, run.cellsRead, run.cellsWritten), run.sleptMs) / 1000,
    secondsMeasuredReads:
      Math.max(
        modelledMs(run.calls, run.flushes, run.cellsRead, run.cellsWritten, MODEL.msPerCellReadMeasured),
        run.sleptMs,
      ) / 1000,
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
): { start: ActionRow; steps: ActionRow[]; runs: RunResult[]; message: string } {
  let progress = emu.runRpc(endpoints.start, startArgs) as { job: string; finished: boolean; message?: string };
  const start = serviceRow(label, 'start', emu.lastRun!);
  const runs = [emu.lastRun!];
  const steps: ActionRow[] = [];
  while (!progress.finished) {
    progress = emu.runRpc(endpoints.next, [{ job: progress.job }]) as typeof progress;
    steps.push(serviceRow(label, 'step', emu.lastRun!));
    runs.push(emu.lastRun!);
  }
  return { start, steps, runs, message: progress.message ?? '' };
}

/** One row summing the executions of a batched action. */
function totalRow(label: string, action: string, rows: readonly ActionRow[]): ActionRow {
  const sum = (
    key: 'calls' | 'roundTrips' | 'naiveCalls' | 'cellsRead' | 'cellsWritten' | 'seconds' | 'secondsMeasuredReads',
  ) => rows.reduce((n, r) => n + r[key], 0);
  return {
    workload: label,
    action,
    calls: sum('calls'),
    roundTrips: sum('roundTrips'),
    naiveCalls: sum('naiveCalls'),
    cellsRead: sum('cellsRead'),
    cellsWritten: sum('cellsWritten'),
    seconds: sum('seconds'),
    secondsMeasuredReads: sum('secondsMeasuredReads'),
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
  rows.push({
    ...serviceRow(label, oneStep, emu.run('validateCandidates'), coreValidation(workbook)),
    baseline: candidates > ONE_STEP_ROWS,
  });
  rows.push(serviceRow(label, 'onEdit (one Kandidat row)', emu.edit('Kandidat', 'B2', 'Siti Aminah')));
  rows.push(serviceRow(label, 'onEdit (another tab)', emu.edit('Panel', 'B2', 'Rahmat')));
  fillScores(emu, workbook, SECRET);
  const scoreCount = workbook.sheet('Penilaian')!.lastRow() - 1;
  const panelist = String(workbook.sheet('Panel')!.values()[1][0]);
  // As the form asks: with the language it shows. This panelist has no score yet (the demo's are others').
  const context = emu.runRpc('scoringContext', [{ lang: 'id' }], { user: panelist }) as {
    candidates: Array<{ id: string }>;
  };
  rows.push(serviceRow(label, 'sidebar: scoringContext (cold)', emu.lastRun!));
  emu.runRpc('scoringContext', [{ lang: 'id' }], { user: panelist });
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
  // Cold again (the cache emptied, as after an hour or a hand edit of Penilaian), now that the panelist has a score.
  emu.clearCaches();
  emu.runRpc('scoringContext', [{ lang: 'id' }], { user: panelist });
  rows.push(serviceRow(label, 'sidebar: scoringContext (cold, has scored)', emu.lastRun!));
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
    { ...oneStep, action: 'Perbarui rekap (one step)', baseline: true },
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
  // Again, over the tabs just built: every tab is read (for its ticks) and replaced, the costlier case.
  const again = runJob(emu, label, { start: 'startAttendanceJob', next: 'continueAttendanceJob' }, [{ codes: null }]);
  const refreshed = [again.start, ...again.steps];
  rows.push(totalRow(label, `Buat daftar hadir again (${refreshed.length} batches)`, refreshed));
  rows.push({ ...longest(refreshed), action: 'Buat daftar hadir again (longest batch)' });
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
  const { workbook: wb, demo } = loadDemoWorkbook({ candidates: count, noForm: true });
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
  for (const count of [10, IMPORT_BATCH]) {
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
  const setup = emu.run('importFormResponses');
  unmeasured('registration: Impor jawaban formulir (setup)', setup);
  // Past IMPORT_BATCH waiting responses the menu opens the import dialog, which imports them in steps.
  if (setup.ui.dialogs.length) runJob(emu, 'setup', { start: 'startFormImport', next: 'continueFormImport' });
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

/**
 * The verification desk on the demo workbook at each size (validated first, not measured): opening
 * it (the queue: five Kandidat columns), one candidate (its row, found by ID), the logged NIK
 * reveal, and a save (the row's cells, then the live check on that row). Each is one execution.
 */
function deskWorkload(candidates: number): ActionRow[] {
  const { workbook } = loadDemoWorkbook({ candidates });
  const verifier = 'verifikator@example.go.id';
  const emu = new Emulator({ workbook, user: verifier });
  unmeasured('desk: Siapkan lembar kerja', emu.run('setupWorkbook'));
  emu.documentProperties.set('validation:oneStepRows', String(10 * candidates));
  unmeasured('desk: Validasi data kandidat', emu.run('validateCandidates'));
  const label = `desk, ${num(candidates)} candidates`;
  const rows: ActionRow[] = [];
  const measured = <T>(action: string, fn: () => T): T => {
    const { result, reads } = readsOf(workbook, fn);
    rows.push({ ...serviceRow(label, action, emu.lastRun!), reads: reads(emu.lastRun!.cellsRead) });
    return result;
  };
  const queue = measured('sidebar: deskQueue', () => emu.runRpc('deskQueue', [{}]) as DeskQueue);
  const first = orderDeskQueue(queue.items, { scope: 'review' })[0];
  if (!first) throw new Error(`${label}: nothing to check`);
  const candidate = measured(
    'sidebar: deskCandidate',
    () => emu.runRpc('deskCandidate', [{ id: first.id, lang: 'id' }]) as DeskCandidate,
  );
  measured('sidebar: deskRevealNik', () => emu.runRpc('deskRevealNik', [{ id: first.id, lang: 'id' }]));
  const documents = Object.fromEntries(queue.documents.map((d) => [d, 'Ada']));
  // The first save after the validation report was drawn also marks it stale; the second is the steady state.
  for (const [i, item] of orderDeskQueue(queue.items, { scope: 'review' }).slice(0, 2).entries()) {
    const stamp =
      i === 0 ? candidate.stamp : (emu.runRpc('deskCandidate', [{ id: item.id, lang: 'id' }]) as DeskCandidate).stamp;
    const saved = measured(
      `sidebar: deskSave${i === 0 ? ' (first)' : ''}`,
      () =>
        emu.runRpc('deskSave', [
          { id: item.id, documents, decision: 'MS', reason: 'Data sesuai dokumen asli', stamp, lang: 'id' },
        ]) as SaveResponse,
    );
    if (!saved.ok) throw new Error(`${label}: deskSave refused: ${saved.message}`);
  }
  return rows;
}

/**
 * The public steps on the demo workbook at each size, validated first (not measured): Umumkan hasil
 * administrasi, Proses sanggah over the demo story's eight objections (scripts/demo-data/story.ts),
 * then — the panels' scores filled and the ranking computed (not measured) — Umumkan hasil akhir after
 * the objection period. The emulator's clock is moved through the days, as in the demo.
 */
function selectionWorkload(candidates: number): ActionRow[] {
  const { workbook } = loadDemoWorkbook({ candidates });
  const emu = new Emulator({ workbook, user: OPERATOR });
  unmeasured('selection: Siapkan lembar kerja', emu.run('setupWorkbook'));
  emu.documentProperties.set('validation:oneStepRows', String(10 * candidates));
  unmeasured('selection: Validasi data kandidat', emu.run('validateCandidates'));
  const label = `selection, ${num(candidates)} candidates`;
  const rows: ActionRow[] = [];
  const measured = (action: string, fn: string, tab: string) => {
    const { reads } = readsOf(workbook, () => emu.run(fn));
    if (!workbook.sheet(tab)) throw new Error(`${label}: ${action} did not write ${tab}: ${alertsOf(emu.lastRun!)}`);
    rows.push({ ...serviceRow(label, action, emu.lastRun!), reads: reads(emu.lastRun!.cellsRead) });
  };
  emu.setNow(STORY_ANNOUNCED);
  measured('Umumkan hasil administrasi', 'announceAdministrativeResults', 'Pengumuman Administrasi');
  typeObjections(emu);
  emu.setNow(STORY_PROCESSED);
  measured('Proses sanggah (8 objections)', 'processObjections', 'Sanggah');
  // The one decided without a reason is completed, so that the final announcement is not held up.
  workbook.sheet('Sanggah')!.setValues(8, 6, [['Desa tercantum pada tab Desa Sasaran']]);
  unmeasured('selection: Proses sanggah again', emu.run('processObjections'));
  unmeasured('selection: Validasi data kandidat again', emu.run('validateCandidates'));
  fillScores(emu, workbook, 'bench-secret');
  unmeasured('selection: Hitung skor & peringkat', emu.run('computeRanking'));
  emu.setNow(STORY_FINAL);
  measured('Umumkan hasil akhir', 'announceFinalResults', 'Pengumuman Hasil Akhir');
  return rows;
}

const alertsOf = (run: RunResult) => run.ui.alerts.map((a) => a.prompt).join(' | ');

// ---- National roll-up --------------------------------------------------------------------------

const NATIONAL_SIZES = (process.env.BENCH_NATIONAL ?? '7,100,514').split(',').map(Number);
const OPERATOR = 'koordinator@example.go.id';
const COORDINATOR = 'koordinator.nasional@example.go.id';
/** nationalJob.ts's SOURCES_PER_STEP: up to this many workbooks the menu updates in one step. */
const SOURCES_PER_STEP = 25;
/** Indonesia's 38 provinces: the regency clones are spread over as many (see nationalSource). */
const PROVINCES = 38;

/** A tab's rows replaced by `rows`, the rest of its old rows blanked (as in test/integration/national.test.ts). */
function rewriteTab(sheet: NonNullable<ReturnType<Workbook['sheet']>>, rows: CellValue[][], old: number): void {
  const blank = () => new Array<CellValue>(rows[0].length).fill('');
  sheet.setValues(1, 1, [...rows, ...Array.from({ length: old - rows.length }, blank)]);
}

/**
 * One regency workbook of seed size, built through the real workflow: the demo (1,800 candidates
 * over 7 regencies × 30 villages) cut to Tanah Laut — 30 villages, ≈ 290 candidates, the regency
 * whose panel the workflow scores, so its package has the Lulus/Cadangan list — then setup,
 * validation, scoring, ranking, participants, attendance and "Perbarui rekap", which publishes
 * `Paket Rekap`. Returned as a workbook holding only that tab: the coordinator reads nothing else
 * (the counts are the same), and 514 copies of the whole workbook (≈ 6.6 MB each as a snapshot)
 * would not fit in memory.
 */
function regencyPackage(): { workbook: Workbook; candidates: number; villages: number } {
  const { workbook } = loadDemoWorkbook({ candidates: 1800 });
  const keep = (tab: string, header: string) => {
    const sheet = workbook.sheet(tab)!;
    const [head, ...rows] = sheet.values();
    const at = head.indexOf(header);
    const kept = rows.filter((r) => String(r[at]).toLowerCase().includes('tanah laut'));
    rewriteTab(sheet, [head, ...kept], rows.length + 1);
    return kept;
  };
  const candidates = keep('Kandidat', 'Kabupaten/Kota').length;
  const villages = keep('Desa Sasaran', 'Kabupaten/Kota').length;
  keep('Panel', 'Wilayah');
  const sessions = new Set(keep('Sesi', 'Kabupaten/Kota').map((r) => String(r[0])));
  const peserta = workbook.sheet('Peserta')!;
  const [head, ...rows] = peserta.values();
  rewriteTab(peserta, [head, ...rows.filter((r) => sessions.has(String(r[0])))], rows.length + 1);
  workbook.removeSheet('Form Responses 1');
  const emu = new Emulator({ workbook, user: OPERATOR });
  emu.alertResponder = () => 'YES';
  fullWorkflow(emu);
  const only = workbook.clone();
  for (const name of only.sheetNames()) if (name !== PACKAGE_TAB) only.removeSheet(name);
  const pkg = only.sheet(PACKAGE_TAB)?.values() ?? [];
  const stamp = pkg.find((r) => r[0] === 'Checksum')?.[1];
  if (pkg.length <= DATA_ROW || checksum(pkg.slice(DATA_ROW - 1)) !== stamp)
    throw new Error('national: the regency workbook published no valid Paket Rekap');
  return { workbook: only, candidates, villages };
}

/**
 * The i-th regency workbook: a clone of the built one. Its province and regency are renamed in
 * every package row and the stamp's checksum recomputed (with the package's own function), so the
 * national tabs hold one row per workbook in 38 provinces, as 514 real regencies would; left as
 * they are, every clone would be "Kabupaten Tanah Laut" and the national tables would merge them
 * into one row (the reading steps' calls and cells would not change, the building step's would).
 * The villages, sessions and Lulus rows inside each package stay the seed regency's.
 */
function nationalSource(template: Workbook, i: number): Workbook {
  const wb = template.clone();
  const sheet = wb.sheet(PACKAGE_TAB)!;
  const rows = sheet.values();
  const first = rows[DATA_ROW - 1];
  const names = new Map<CellValue, string>([
    [first[1], `Provinsi ${(i % PROVINCES) + 1}`],
    [first[2], `${String(first[2])} ${i + 1}`],
  ]);
  rows.forEach((row, r) => {
    if (r < DATA_ROW - 1) return;
    row.forEach((v, c) => {
      const to = names.get(v);
      if (to !== undefined) sheet.cellData(r + 1, c + 1).value = to;
    });
  });
  const at = rows.findIndex((r) => r[0] === 'Checksum');
  sheet.cellData(at + 1, 2).value = checksum(sheet.values().slice(DATA_ROW - 1));
  return wb;
}

/**
 * A regency workbook that published again: its regency renamed in every package row and the
 * stamp's checksum recomputed, so the coordinator reads it anew and its earlier reading no longer
 * counts (the archives then drop the old rows).
 */
function republish(wb: Workbook): void {
  const sheet = wb.sheet(PACKAGE_TAB)!;
  const rows = sheet.values();
  const regency = rows[DATA_ROW - 1][2];
  rows.forEach((row, r) => {
    if (r < DATA_ROW - 1) return;
    row.forEach((v, c) => {
      if (v === regency) sheet.cellData(r + 1, c + 1).value = `${String(regency)} (baru)`;
    });
  });
  const at = rows.findIndex((r) => r[0] === 'Checksum');
  sheet.cellData(at + 1, 2).value = checksum(sheet.values().slice(DATA_ROW - 1));
}

/** The file ids Sumber Rekap lists. */
function sourceIds(emu: Emulator): string[] {
  const [head, ...rows] = emu.workbook.sheet('Sumber Rekap')!.values();
  const at = head.indexOf('URL Workbook');
  return rows.map((r) => /\/d\/([\w-]+)/.exec(String(r[at]))?.[1] ?? '').filter(Boolean);
}

/** A coordinator workbook with `n` regency workbooks picked and listed in Sumber Rekap (not measured). */
function nationalCoordinator(template: Workbook, n: number): Emulator {
  const drive = new Drive();
  const ids = Array.from({ length: n }, (_, i) =>
    drive.add(nationalSource(template, i), { owner: OPERATOR, viewers: [COORDINATOR] }),
  );
  const emu = new Emulator({ drive, user: COORDINATOR });
  emu.alertResponder = () => 'OK';
  unmeasured('national: Siapkan workbook koordinator', emu.run('setupCoordinatorWorkbook'));
  emu.pickFiles(COORDINATOR, ids);
  emu.runRpc('addRegencyWorkbooks', [
    { files: ids.map((id, i) => ({ id, name: `Seleksi & FGD — kabupaten ${i + 1}` })) },
  ]);
  return emu;
}

/** Sheets advanced-service calls of a run (all of them read requests for the Sheets API's quota). */
const apiCalls = (run: RunResult) =>
  Object.entries(run.calls).reduce((n, [key, count]) => n + (key.startsWith('Sheets.') ? count : 0), 0);

/** A run's calls, method by method, the most frequent first (the first 25 kinds). */
function callList(run: RunResult): string {
  const kinds = Object.entries(run.calls).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = kinds.slice(0, 25).map(([key, count]) => `${key} ${count}`);
  const rest = kinds.slice(25);
  if (rest.length) shown.push(`${rest.length} more kinds ${rest.reduce((n, [, c]) => n + c, 0)}`);
  return shown.join(', ');
}

/** Each tab's extent (host-side, not counted). */
const tabSizes = (wb: Workbook) =>
  wb.sheets.map((sheet) => `${sheet.name} ${num(sheet.lastRow())} × ${sheet.lastColumn()}`).join(', ');

/** Sumber Rekap's Status column. */
function sourceStatuses(emu: Emulator): string[] {
  const [head, ...rows] = emu.workbook.sheet('Sumber Rekap')!.values();
  const at = head.indexOf('Status');
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => String(r[at]));
}

interface NationalCheck {
  label: string;
  what: string;
  sources: number;
  executions: number;
  /** Sheets API read requests in all. */
  requests: number;
  /** Calls the longest reading step makes besides the API's. */
  overhead: number;
  /** The longest execution, and all of them back to back (modelled seconds). */
  longest: number;
  seconds: number;
  /** Most API requests within any 60 s, and how many a 60-per-minute quota would refuse (see perMinute). */
  peak: number;
  refused: number;
}

const READS_PER_MINUTE_PER_USER = 60;
const READS_PER_MINUTE_PER_PROJECT = 300;

/**
 * The executions back to back (the dialog's own round trips between them left out), each one's API
 * requests spread evenly over its modelled time — they come first in a reading step, so this
 * understates the peak. Returns the most requests within any 60 s, and how many requests a quota
 * of `limit` per sliding minute would refuse (a refused request is not retried: readSource records
 * the source as unreadable). The refusals are a rough figure: a refused stamp read also saves that
 * source's package read, and a refusal comes back sooner than a reading.
 */
function perMinute(executions: ReadonlyArray<{ seconds: number; requests: number }>, limit: number) {
  const times: number[] = [];
  let t = 0;
  for (const e of executions) {
    for (let j = 0; j < e.requests; j++) times.push(t + ((j + 0.5) * e.seconds) / e.requests);
    t += e.seconds;
  }
  let peak = 0;
  for (let hi = 0, lo = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= 60) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  const accepted: number[] = [];
  let refused = 0;
  for (const at of times) {
    const inWindow = accepted.filter((a) => at - a < 60).length;
    if (inWindow < limit) accepted.push(at);
    else refused++;
  }
  return { peak, refused };
}

/**
 * "Perbarui rekap nasional" as the dialog runs it: the menu (which opens the dialog past
 * SOURCES_PER_STEP workbooks; at or below, the menu updates in one step, measured on its own
 * coordinator), the dialog's start, one step per SOURCES_PER_STEP workbooks, then the two steps that
 * build the national tabs: Rekap Nasional, then Daftar Lulus Nasional.
 */
function nationalRun(
  emu: Emulator,
  label: string,
  what: string,
  sources: number,
  expect: string,
): { rows: ActionRow[]; check: NationalCheck } {
  const pre: ActionRow[] = [];
  let emuMenuRun: RunResult | undefined;
  if (sources > SOURCES_PER_STEP) {
    emuMenuRun = emu.run('updateNationalSummary');
    if (emuMenuRun.ui.dialogs.length !== 1) throw new Error(`${label}: the menu did not open the dialog`);
    pre.push(serviceRow(label, 'menu', emuMenuRun));
  }
  const { start, steps, runs, message } = runJob(emu, label, {
    start: 'startNationalJob',
    next: 'continueNationalJob',
  });
  const statuses = sourceStatuses(emu);
  if (statuses.length !== sources || statuses.some((s) => s !== expect))
    throw new Error(`${label} ${what}: Sumber Rekap says ${[...new Set(statuses)].join(', ')}; ${message}`);
  const stepRuns = runs.slice(1);
  // The reading steps, then Rekap Nasional, then Daftar Lulus Nasional in one or more steps (bands of rows).
  const readingSteps = Math.ceil(sources / SOURCES_PER_STEP);
  const BUILD_STEPS = steps.length - readingSteps;
  const reading = steps.slice(0, readingSteps);
  const readingRuns = stepRuns.slice(0, readingSteps);
  const longestAt = reading.indexOf(longest(reading));
  const build = steps[readingSteps];
  const buildRun = stepRuns[readingSteps];
  const passSteps = steps.slice(readingSteps + 1);
  const passList = longest(passSteps);
  const passListRun = stepRuns[readingSteps + 1 + passSteps.indexOf(passList)];
  const all = [...pre, start, ...steps];
  const allRuns = [...(pre.length ? [emuMenuRun!] : []), ...runs];
  const quota = perMinute(
    all.map((r, i) => ({ seconds: r.seconds, requests: apiCalls(allRuns[i]) })),
    READS_PER_MINUTE_PER_USER,
  );
  const rows: ActionRow[] = [
    totalRow(label, `${what} (${reading.length}+${BUILD_STEPS} steps)`, all),
    {
      ...reading[longestAt],
      action: `${what}: longest reading step`,
      detail: `calls: ${callList(readingRuns[longestAt])}`,
    },
    { ...build, action: `${what}: Rekap Nasional step`, detail: `calls: ${callList(buildRun)}` },
    ...(passSteps.length > 1
      ? [totalRow(label, `${what}: Daftar Lulus Nasional (${passSteps.length} steps)`, passSteps)]
      : []),
    {
      ...passList,
      action: `${what}: Daftar Lulus Nasional ${passSteps.length > 1 ? 'longest step' : 'step'}`,
      detail: `calls: ${callList(passListRun)}\n    coordinator tabs after it (rows × columns): ${tabSizes(emu.workbook)}`,
    },
  ];
  return {
    rows,
    check: {
      label,
      what,
      sources,
      executions: all.length,
      requests: allRuns.reduce((n, r) => n + apiCalls(r), 0),
      overhead: readingRuns[longestAt].totalCalls - apiCalls(readingRuns[longestAt]),
      longest: Math.max(...all.map((r) => r.seconds)),
      seconds: all.reduce((n, r) => n + r.seconds, 0),
      ...quota,
    },
  };
}

const nationalChecks: NationalCheck[] = [];

/**
 * The national roll-up over 7, 100 and 514 regency workbooks of seed size: (a) the first update,
 * every package new; (b) the next one with nothing changed (one stamp read per workbook); (c) one
 * after every workbook published a new package (every earlier reading leaves the archives).
 */
function nationalWorkload(): ActionRow[] {
  const built = performance.now();
  const { workbook: template, candidates, villages } = regencyPackage();
  const pkgRows = template.sheet(PACKAGE_TAB)!.lastRow();
  console.log(
    `\nNational roll-up: one regency workbook built through the workflow in ${ms(performance.now() - built)} (${villages} villages, ${candidates} candidates; Paket Rekap ${pkgRows} rows), cloned per source.`,
  );
  const rows: ActionRow[] = [];
  for (const n of NATIONAL_SIZES) {
    const label = `national, ${num(n)} regency workbooks`;
    if (n <= SOURCES_PER_STEP) {
      // What the menu does at this size: both updates in one execution, each with its alert.
      const menu = nationalCoordinator(template, n);
      const first = menu.run('updateNationalSummary');
      const again = menu.run('updateNationalSummary');
      rows.push(
        { ...serviceRow(label, 'menu, one step: first update', first), detail: `calls: ${callList(first)}` },
        { ...serviceRow(label, 'menu, one step: unchanged', again), detail: `calls: ${callList(again)}` },
      );
    }
    const emu = nationalCoordinator(template, n);
    for (const [what, expect] of [
      ['first update', 'Terbaca'],
      ['unchanged', 'Tidak berubah'],
      ['every package re-published', 'Terbaca'],
    ] as const) {
      if (what === 'every package re-published') for (const id of sourceIds(emu)) republish(emu.drive.workbook(id)!);
      const run = nationalRun(emu, label, what, n, expect);
      rows.push(...run.rows);
      nationalChecks.push(run.check);
    }
  }
  return rows;
}

/** The published limits the national roll-up must respect, and where these runs stand against them. */
function printNationalLimits(): void {
  const perUser = READS_PER_MINUTE_PER_USER;
  console.log('\nNational roll-up against the published limits:');
  console.log(
    `  - Apps Script script runtime: 6 min / execution (${MODEL.limitSeconds} s); simultaneous executions: 30 per user — https://developers.google.com/apps-script/guides/services/quotas`,
  );
  console.log(
    `  - Sheets API read requests: ${READS_PER_MINUTE_PER_PROJECT} per minute per project, ${perUser} per minute per user per project; over them: HTTP 429, refilled each minute — https://developers.google.com/sheets/api/limits (advanced-service calls count: "Using a product's Apps Script service counts toward all associated quota reserves", the quotas page)`,
  );
  console.log(
    '  - URL Fetch calls (20,000 / day consumer, 100,000 / day Workspace) and SpreadsheetApp.openById: not used — the sources are read through the Sheets advanced service under drive.file',
  );
  console.log(
    `  - Sheets advanced-service call: ${MODEL.msPerSheetsApi} ms modelled (an assumption, see the MODEL comment)`,
  );
  console.log(
    `  Each update below: its executions back to back as modelled, API requests spread evenly over each (see perMinute):`,
  );
  for (const c of nationalChecks) {
    const over = c.peak > perUser;
    console.log(
      `  ${c.label}, ${c.what}: ${num(c.requests)} API read requests (${(c.requests / c.sources).toFixed(2)} per workbook) + ${c.overhead} other calls in the longest reading step; ${c.executions} executions, ${c.seconds.toFixed(1)} s in all, longest ${c.longest.toFixed(1)} s of ${MODEL.limitSeconds} s; peak ${c.peak} API requests within 60 s${
        over
          ? ` — OVER the ${perUser}/min per-user quota: ≈ ${num(c.refused)} requests would be refused (429), and at ${perUser}/min the update needs ≥ ${((c.requests - perUser) / perUser).toFixed(1)} min more than its first minute`
          : ` (within ${perUser}/min)`
      }; the peak is ${Math.round((100 * c.peak) / READS_PER_MINUTE_PER_PROJECT)} % of the ${READS_PER_MINUTE_PER_PROJECT}/min per-project quota every user of the add-on shares.`,
    );
  }
}

function main(): void {
  console.log(`Seleksi & FGD benchmark — ${RUNS} runs per timing, medians; node ${process.version}`);
  const result: Record<string, unknown> = { bundle: bundle() };
  const workloads: Record<string, () => ActionRow[]> = {
    empty: emptyWorkbook,
    demo: () => SIZES.flatMap(demoWorkload),
    attendance: attendanceWorkload,
    validation: validationWorkload,
    registration: registrationWorkload,
    desk: () => SIZES.flatMap(deskWorkload),
    selection: () => SIZES.flatMap(selectionWorkload),
    national: nationalWorkload,
  };
  const unknown = ONLY.filter((name) => !(name in workloads));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: no workload ${unknown.join(', ')} (${Object.keys(workloads).join(', ')})`);
  const rows = Object.entries(workloads)
    .filter(([name]) => ONLY.length === 0 || ONLY.includes(name))
    .flatMap(([, run]) => run());
  console.log('\nActions — core: pure computation in Node (for "Buat daftar hadir": the whole emulated execution);');
  console.log(
    'calls and cells: counted by the emulator on the real dist/Code.js; naive: the calls a cell-by-cell adapter would make for the same work;',
  );
  console.log(
    `Apps Script s: modelled from published measurements (sources in this script's MODEL comment): ${MODEL.msPerFlush} ms per call that waits for Sheets with writes queued, ${MODEL.msPerRoundTrip} ms with none queued, ${MODEL.msPerCall} ms per other call, ${MODEL.msPerCellRead} ms per cell read and ${MODEL.msPerCellWritten} ms per cell written; cache get/put ${MODEL.msPerCacheGet}/${MODEL.msPerCachePut} ms, properties get/set ${MODEL.msPerPropertyGet}/${MODEL.msPerPropertySet} ms, lock ${MODEL.msPerLock} ms, Sheets advanced-service call ${MODEL.msPerSheetsApi} ms (assumed); against the ${MODEL.limitSeconds} s limit.`,
  );
  console.log(
    `reads ${MODEL.msPerCellReadMeasured}: the same time with cells read at ${MODEL.msPerCellReadMeasured} ms, the one published timing of a large getValues (see MODEL).`,
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
    `reads ${MODEL.msPerCellReadMeasured}`.padStart(10),
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
        r.secondsMeasuredReads.toFixed(1).padStart(10),
        modelledNaive(r.naiveCalls, r).toFixed(0).padStart(9),
      ].join(' ')}`,
    );
    if (r.reads) console.log(`    cells read: ${r.reads}`);
    if (r.detail) console.log(`    ${r.detail}`);
  }
  // A batched action's row sums several executions; each of its batches is a row of its own.
  // One execution each, as the product runs them (a forced one-step baseline is not one of them).
  const single = rows.filter((r) => !r.total && !r.baseline);
  const worst = single.reduce((w, r) => Math.max(w, r.seconds), 0);
  const worstMeasured = single.reduce((w, r) => Math.max(w, r.secondsMeasuredReads), 0);
  const share = (s: number) =>
    `${s.toFixed(1)} s of ${MODEL.limitSeconds} s (${((100 * s) / MODEL.limitSeconds).toFixed(0)} %)`;
  console.log(
    `\nLongest modelled execution (one-step baselines aside): ${share(worst)}; with reads at ${MODEL.msPerCellReadMeasured} ms a cell: ${share(worstMeasured)}.`,
  );
  if (nationalChecks.length) printNationalLimits();
  result.actions = rows;
  if (nationalChecks.length) result.national = nationalChecks;
  // A partial run (BENCH_ONLY) does not replace the full results.
  const out = ONLY.length ? `out/bench-${ONLY.join('-')}.json` : 'out/bench.json';
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(join(ROOT, out), JSON.stringify(result, null, 2));
  console.log(`\nWrote ${out}`);
}

main();
