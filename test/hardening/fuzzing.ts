/**
 * The fuzz suite's machinery (see fuzz.test.ts): a seeded generator of every kind of value
 * `getValues()` can return, planting them in input tabs, running every action and endpoint, and
 * the checks. Kept apart so a failing seed can be replayed and narrowed down from a script.
 */
import type { Emulator, Workbook } from '../../emulator';
import { CANDIDATES_TAB } from '../../src/core/schema';
import type { ScoringContext } from '../../src/core/scoringApi';
import { mulberry32 } from '../../scripts/demo-data/rng';

/** The demo generator's seeded generator: the same sequence everywhere, for every seed. */
export const rng = mulberry32;

const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'];
const FORMULAS = [
  '=1+1',
  '=HYPERLINK("http://contoh.invalid","klik")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '=IMPORTXML("http://x","//a")',
];
const WORDS = [
  'Siti',
  'Aminah',
  'KABUPATEN TANAH LAUT',
  'Kab. Garut',
  'Desa',
  'Ya',
  'Tidak',
  'MS',
  'TMS',
  'Perlu Cek',
  'K1',
  'K-0001',
  'SMA',
  'S1',
  '08123456789',
  '6301034708900001',
  '19.00',
  '27/11/2019',
  'WITA',
  'Semua',
  '<b>x</b>',
  '\u202E',
  '  ',
  '\n',
  '.',
  '0',
  '-1',
  '1e16',
  'NaN',
  'Infinity',
];

export type Planted = { tab: string; row: number; col: number; kind: string; length: number };

/** One random value of a kind Sheets can return, and how to type it into a cell. */
function randomValue(next: () => number): { value: unknown; kind: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const r = next();
  if (r < 0.18) {
    const magnitude = pick([0, 1e-300, 1e-9, 0.5, 1, 7, 100, 2.5, 1e5, 1e15, 1e16, 1e21, 1e300, Number.MAX_VALUE]);
    const sign = next() < 0.3 ? -1 : 1;
    return { value: sign * magnitude * (next() < 0.5 ? 1 : next() * 10), kind: 'number' };
  }
  if (r < 0.24) return { value: next() < 0.5, kind: 'boolean' };
  if (r < 0.36) {
    const ms = Date.UTC(1900, 0, 1) + next() * (Date.UTC(2100, 11, 31) - Date.UTC(1900, 0, 1));
    return { value: new Date(Math.floor(ms / 1000) * 1000), kind: 'date' };
  }
  if (r < 0.44) return { value: `'${pick(ERRORS)}`, kind: 'error' };
  if (r < 0.54) return { value: `'${pick(FORMULAS)}`, kind: 'formula-like' };
  if (r < 0.58) {
    const length = pick([49_990, 50_000, 20_000]) - 1;
    return {
      value: `'${pick(['x', '9', 'Ä', '=', ' '])}${'ab9 '.repeat(length / 4 + 1).slice(0, length - 1)}`,
      kind: 'long text',
    };
  }
  if (r < 0.64) return { value: '', kind: 'blank' };
  const words = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(WORDS));
  return { value: `'${words.join(next() < 0.5 ? ' ' : '')}`, kind: 'text' };
}

export const INPUT_TABS = ['Kandidat', 'Desa Sasaran', 'Kriteria', 'Panel', 'Sesi', 'Peserta', 'Pengaturan'] as const;

/**
 * Which share of each input tab's cells a case plants values in. Each tab is left clean in some
 * cases, so that the deeper paths (scoring behind a valid rubric, ranking behind valid settings)
 * are fuzzed too, not only the first check that refuses.
 */
export function shares(next: () => number, heavy: number): Record<(typeof INPUT_TABS)[number], number> {
  const maybe = (p: number, share: number) => (next() < p ? share : 0);
  return {
    Kandidat: heavy,
    'Desa Sasaran': maybe(0.5, heavy),
    Kriteria: maybe(0.3, heavy),
    Panel: maybe(0.4, heavy),
    Sesi: maybe(0.5, heavy),
    Peserta: maybe(0.5, heavy),
    Pengaturan: maybe(0.25, heavy),
  };
}

/** Plant random values in each input tab's share of cells (data rows; Pengaturan's Nilai column). */
export function plant(wb: Workbook, next: () => number, share: Record<(typeof INPUT_TABS)[number], number>): Planted[] {
  const planted: Planted[] = [];
  for (const tab of INPUT_TABS) {
    const sheet = wb.sheet(tab);
    const p = share[tab];
    if (!sheet || p === 0) continue;
    const rows = sheet.lastRow();
    const cols = tab === 'Kandidat' ? CANDIDATES_TAB.columns.filter((c) => !c.output).length : sheet.lastColumn();
    for (let row = 2; row <= rows; row++) {
      for (let col = tab === 'Pengaturan' ? 2 : 1; col <= cols; col++) {
        if (next() >= p) continue;
        const { value, kind } = randomValue(next);
        sheet.setValues(row, col, [[value as never]]);
        planted.push({ tab, row, col, kind, length: typeof value === 'string' ? value.length : 0 });
      }
    }
  }
  return planted;
}

export const RAW_ERROR =
  /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not defined|of undefined|of null|\bat \S+ \(|Code\.js:\d+|tak terduga|unexpected error|maximum of 50000/;

export interface Step {
  name: string;
  messages: string[];
  error?: string;
}

function runMenu(emu: Emulator, name: string): Step {
  const run = emu.run(name);
  return { name, messages: run.ui.alerts.map((a) => a.prompt), error: run.error?.message };
}

function runRpc(emu: Emulator, name: string, args: unknown[], user?: string): Step {
  try {
    const value = emu.runRpc(name, args, user === undefined ? {} : { user });
    const message =
      value && typeof value === 'object' && 'message' in value ? String((value as { message: unknown }).message) : '';
    return { name, messages: [message] };
  } catch (error) {
    // A plain message reaches the sidebar's failure handler: allowed, but it must be plain.
    return { name, messages: [error instanceof Error ? error.message : String(error)] };
  }
}

/** The validation dialog's calls, step after step until the job is finished; false when a call is refused. */
function runValidationDialog(emu: Emulator, steps: Step[]): boolean {
  let job = '';
  for (let i = 0; i < 1000; i++) {
    const name = i === 0 ? 'startValidationJob' : 'continueValidationJob';
    try {
      const p = emu.runRpc(name, i === 0 ? [] : [{ job }]) as { job: string; finished: boolean; message: string };
      steps.push({ name, messages: p.message ? [p.message] : [] });
      if (p.finished) return true;
      job = p.job;
    } catch (error) {
      steps.push({ name, messages: [error instanceof Error ? error.message : String(error)] });
      return false;
    }
  }
  return false;
}

/** Everything a user can do, in a plausible order. */
export function exercise(
  emu: Emulator,
  wb: Workbook,
  next: () => number,
  reach = { panelists: 3, candidates: 5 },
): { steps: Step[]; validated: boolean; ranked: boolean; scored: number } {
  const steps: Step[] = [];
  steps.push(runMenu(emu, 'setupWorkbook'));
  const validation = runMenu(emu, 'validateCandidates');
  steps.push(validation);
  let validated = validation.messages.length === 0 && validation.error === undefined;
  // A long Kandidat tab opens the batch dialog: its steps run as the dialog runs them.
  if (validated && (emu.lastRun?.ui.dialogs.length ?? 0) > 0) validated = runValidationDialog(emu, steps);
  const panel = wb
    .sheet('Panel')!
    .values()
    .slice(1)
    .map((r) => String(r[0]));
  const users = [...panel.slice(0, reach.panelists), ''];
  for (const user of users) {
    const ctx = runRpc(emu, 'scoringContext', [{ declaredEmail: panel[0] }], user);
    steps.push(ctx);
    const context = (() => {
      try {
        return emu.runRpc('scoringContext', [{}], { user }) as ScoringContext;
      } catch {
        return undefined;
      }
    })();
    const candidates = context?.candidates ?? [];
    for (const candidate of candidates.slice(0, reach.candidates)) {
      const scores = Object.fromEntries(
        (context?.rubric ?? []).map((c) => [
          c.code,
          next() < 0.9 ? c.min + Math.floor(next() * (c.max - c.min + 1)) : next() * 1e6,
        ]),
      );
      steps.push(
        runRpc(
          emu,
          'submitScore',
          [
            {
              candidateId: candidate.id,
              scores,
              recused: next() < 0.1,
              note: next() < 0.1 ? '=1+1' : '',
              ...(user ? {} : { declaredEmail: panel[1] }),
            },
          ],
          user,
        ),
      );
      steps.push(runRpc(emu, 'myScore', [{ candidateId: candidate.id }], user));
    }
  }
  steps.push(
    runRpc(
      emu,
      'submitScore',
      [{ candidateId: '__proto__', scores: { constructor: 1 }, recused: false, note: '' }],
      panel[0],
    ),
  );
  const ranking = runMenu(emu, 'computeRanking');
  steps.push(ranking);
  steps.push(runMenu(emu, 'addParticipantsFromResults'));
  steps.push(runRpc(emu, 'attendanceChoices', []));
  steps.push(runRpc(emu, 'generateAttendance', [{ codes: null }]));
  steps.push(runMenu(emu, 'refreshSummaries'));
  const edit = emu.edit('Kandidat', `B${2 + Math.floor(next() * 20)}`, `'${'=1+1'}`);
  steps.push({ name: 'onEdit', messages: edit.ui.alerts.map((a) => a.prompt), error: edit.error?.message });
  const scored = steps.filter((s) => s.name === 'submitScore' && s.messages[0] === '').length;
  return { steps, validated, ranked: ranking.messages.length === 0 && ranking.error === undefined, scored };
}

export function formulas(wb: Workbook): string[] {
  const out: string[] = [];
  for (const tab of wb.sheetNames()) {
    const sheet = wb.sheet(tab)!;
    const rows = sheet.lastRow();
    const cols = sheet.lastColumn();
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= cols; c++) if (sheet.getCell(r, c)?.formula) out.push(`${tab}!R${r}C${c}`);
  }
  return out;
}

export function statuslessRows(wb: Workbook): number[] {
  const values = wb.sheet('Kandidat')!.values();
  const header = values[0].map(String);
  const status = header.indexOf('Status Administrasi');
  const inputs = CANDIDATES_TAB.columns
    .filter((c) => !c.output && c.header !== 'ID')
    .map((c) => header.indexOf(c.header))
    .filter((i) => i >= 0);
  return values.flatMap((row, i) =>
    i > 0 &&
    inputs.some((c) => String(row[c] ?? '').trim() !== '') &&
    !['MS', 'TMS', 'Perlu Cek'].includes(String(row[status]))
      ? [i + 1]
      : [],
  );
}

export function describeFailure(seed: number, planted: Planted[]): string {
  const cells = planted
    .slice(0, 40)
    .map((p) => `${p.tab}!R${p.row}C${p.col}=${p.kind}${p.length ? `(${p.length})` : ''}`);
  return `seed ${seed}; planted ${planted.length} cells: ${cells.join(', ')}${planted.length > 40 ? ', …' : ''}`;
}
