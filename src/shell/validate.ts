/**
 * "Validasi data kandidat" and the live check on edit. Both read `Kandidat` in a few block
 * calls, let the core decide, and write back only the add-on's own things: new IDs in blank ID
 * cells, the two status columns, and its own highlights and notes.
 */
import { placeNames } from '../core/placeNames';
import { describeMissing, matchHeaders } from '../core/headers';
import { noteOut } from '../core/cells';
import { menuLabel } from '../core/menu';
import { CANDIDATES_TAB } from '../core/schema';
import type { Settings } from '../core/settings';
import { formatNumber } from '../core/text';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import type { ValidationContext } from '../core/validation/context';
import { finding } from '../core/validation/findings';
import { computeMarks } from '../core/validation/marks';
import { REPORT_TAB, validationReport } from '../core/validation/report';
import {
  type RowOutcome,
  SHOWN_COLUMNS,
  countStatuses,
  notesText,
  validateCandidates,
} from '../core/validation/validate';
import { ageReference } from '../core/settings';
import type { ActionContext } from './action';
import { toast } from './action';
import { UserError } from './errors';
import { appendLog } from './log';
import { ensureOutputColumns, writeColumns } from './outputColumns';
import { readColumns, readHeader, sparseGrid } from './sheetLookup';
import { renderLayout } from './render';
import { type SheetClock, loadSettings, sheetClock } from './settings';
import { madeStamp, readTargetVillages } from './workbook';
import { readAcceptedObjections } from './objections';
import { reportStamp } from '../core/freshness';
import { markReportsStale } from './freshness';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Output columns this action writes, created at the right end when missing (ID too: it assigns IDs). */
const WRITES = ['ID', 'Status Administrasi', 'Catatan Validasi'];
const OUTPUTS = CANDIDATES_TAB.columns.filter((c) => c.output).map((c) => c.header);

function candidatesSheet(ss: Spreadsheet): Sheet {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (!sheet) {
    throw new UserError({
      id: 'Tab Kandidat belum ada. Jalankan menu Siapkan lembar kerja, lalu isi data kandidat di tab Kandidat.',
      en: 'There is no Kandidat tab yet. Run "Set up the workbook", then enter candidates on the Kandidat tab.',
    });
  }
  return sheet;
}

function validationContext(ss: Spreadsheet, settings: Settings, clock: SheetClock): ValidationContext {
  return {
    settings,
    reference: ageReference(settings, clock.today),
    offsetMinutes: clock.offsetMinutes,
    villages: readTargetVillages(ss),
    // Accepted objections act as the verifier's MS (one read of the small Sanggah tab, once any was accepted).
    objections: readAcceptedObjections(ss),
  };
}

interface WriteSpan {
  rows: RowOutcome[];
  firstRow: number;
  /** Sheet values of those rows (to keep existing IDs exactly as typed). */
  original: Grid;
}

/** Cells of the same rows a caller writes together with the outcomes (the desk's own columns). */
type ColumnWrite = { column: number; values: readonly CellValue[] };

function writeOutcomes(
  sheet: Sheet,
  index: Map<string, number>,
  span: WriteSpan,
  lang: Lang,
  block?: RowBlock,
  extra: readonly ColumnWrite[] = [],
): void {
  const { rows, firstRow } = span;
  if (rows.length === 0) return;
  const col = (h: string) => index.get(h) as number;
  writeColumns(sheet, firstRow, [
    ...extra,
    {
      column: col('ID'),
      values: rows.some((r) => r.assignedId)
        ? rows.map((r, i) => (r.assignedId ? r.id : (span.original[i][col('ID')] ?? '')))
        : [],
    },
    { column: col('Status Administrasi'), values: rows.map((r) => r.status) },
    { column: col('Catatan Validasi'), values: rows.map((r) => notesText(r.findings, lang)) },
  ]);
  const range = block?.range ?? sheet.getRange(firstRow, 1, rows.length, sheet.getLastColumn());
  const marks = computeMarks({
    rows,
    columnOf: (h) => index.get(h),
    backgrounds: block?.backgrounds ?? range.getBackgrounds(),
    notes: block?.notes ?? range.getNotes(),
    statusColumn: col('Status Administrasi'),
    lang,
  });
  range.setBackgrounds(marks.backgrounds);
  range.setNotes(marks.notes.map((row) => row.map(noteOut)));
}

/** The edited rows as read before checking them: their range, values, display, highlights and notes. */
interface RowBlock {
  range: GoogleAppsScript.Spreadsheet.Range;
  backgrounds: string[][];
  notes: string[][];
}

function summary(rows: readonly RowOutcome[]): Bilingual {
  const c = countStatuses(rows);
  const n = (x: number, lang: Lang) => formatNumber(x, lang);
  return {
    id: `${n(c.rows, 'id')} baris: ${n(c.MS, 'id')} MS, ${n(c.TMS, 'id')} TMS, ${n(c['Perlu Cek'], 'id')} Perlu Cek`,
    en: `${n(c.rows, 'en')} rows: ${n(c.MS, 'en')} MS, ${n(c.TMS, 'en')} TMS, ${n(c['Perlu Cek'], 'en')} Perlu Cek`,
  };
}

/**
 * Sheet rows first…last as shown, in SHOWN_COLUMNS only (the cells whose shown text can differ from
 * their value's; core/validation/validate.ts): the other cells are left out, and a finding on them
 * quotes the value's text. Two calls per run of neighbouring columns, a fifth of the cells.
 */
function readShown(sheet: Sheet, index: ReadonlyMap<string, number>, first: number, last: number): string[][] {
  const at = SHOWN_COLUMNS.flatMap((h) => index.get(h) ?? []);
  const rows: string[][] = Array.from({ length: Math.max(0, last - first + 1) }, () => []);
  for (const [column, cells] of readColumns(sheet, at, first, last, 'shown'))
    cells.forEach((text, i) => (rows[i][column] = String(text)));
  return rows;
}

/**
 * The whole of Kandidat, read and validated (nothing written yet): the one-step run and the batched
 * report step. `statusesOnly` (the announcement, which compares statuses): the cells as shown are
 * not read, half the cells, since they only word the findings (core/validation/validate.ts).
 */
export function validateWholeTab(ctx: ActionContext, statusesOnly = false) {
  const clock = sheetClock(ctx.ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const sheet = candidatesSheet(ctx.ss);
  const range = sheet.getDataRange();
  const values = range.getValues() as Grid;
  const { index } = matchHeaders(CANDIDATES_TAB, values[0] ?? []);
  const display = statusesOnly ? undefined : [[], ...readShown(sheet, index, 2, values.length)];
  const vctx = validationContext(ctx.ss, settings, clock);
  const result = validateCandidates(values, display, vctx);
  if (!result.ok) throw new UserError(describeMissing(CANDIDATES_TAB.name, result.map.missing));
  return { clock, settings, sheet, values, vctx, result };
}

/** Menu: Validasi data kandidat. */
export function validateAll(ctx: ActionContext): void {
  const { lang } = ctx;
  const { clock, settings, sheet, values, vctx, result } = validateWholeTab(ctx);
  toast(
    ctx,
    { id: 'Memvalidasi data kandidat…', en: 'Validating candidate data…' },
    { id: 'Seleksi & FGD', en: 'Seleksi & FGD' },
  );

  const index = ensureOutputColumns(sheet, result.map.index, values[0].length, [...WRITES, ...OUTPUTS]);
  const rows = result.rows;
  writeOutcomes(sheet, index, { rows, firstRow: 2, original: values.slice(1) }, lang);
  const done = finishValidation(ctx, {
    rows,
    settings,
    clock,
    vctx,
    assigned: rows.filter((r) => r.assignedId).length,
  });
  toast(ctx, done, { id: 'Validasi selesai', en: 'Validation finished' });
}

/**
 * What follows the writes of a whole validation, in one step or at the end of a batched job
 * (shell/validationJob.ts): reports marked stale, `Laporan Validasi` drawn from every row's
 * outcome, and the Log row. Returns the summary line.
 */
export function finishValidation(
  ctx: ActionContext,
  run: {
    rows: readonly RowOutcome[];
    settings: Settings;
    clock: SheetClock;
    vctx: ValidationContext;
    assigned: number;
  },
): Bilingual {
  const { ss, lang } = ctx;
  const { rows, settings, clock, vctx, assigned } = run;
  // New statuses: the ranking and the summary built from them are out of date (the report is rebuilt below).
  markReportsStale(ss, CANDIDATES_TAB.name, [REPORT_TAB]);

  const notices = vctx.villages ? [] : [pick(DOMICILE_SKIPPED, lang)];
  renderLayout(
    ss,
    REPORT_TAB,
    validationReport({
      rows,
      lang,
      mask: settings.maskPersonalData,
      offsetMinutes: clock.offsetMinutes,
      places: placeNames(vctx.villages),
      stamp: reportStamp(madeStamp(ss, lang), REPORT_TAB, lang),
      notices,
    }),
  );
  logUnchecked(rows);
  const done = summary(rows);
  const unchecked = rows.filter((r) => r.findings.some((f) => f.rule === 'row.unchecked')).map((r) => r.sheetRow);
  const uncheckedText = unchecked.length
    ? `; ${lang === 'en' ? 'rows that could not be checked automatically' : 'baris yang tidak dapat diperiksa otomatis'}: ${unchecked.slice(0, 50).join(', ')}`
    : '';
  appendLog(
    ss,
    menuLabel('validateCandidates', lang),
    `${pick(done, lang)}${assigned ? `; ${lang === 'en' ? 'new IDs' : 'ID baru'}: ${assigned}` : ''}${uncheckedText}${notices.length ? `; ${notices.join(' ')}` : ''}`,
  );
  return done;
}

/** Rows a rule could not handle: the user sees Perlu Cek and a plain note; the maintainer's log gets the reason. */
function logUnchecked(rows: readonly RowOutcome[]): void {
  for (const row of rows) {
    for (const f of row.findings)
      if (f.rule === 'row.unchecked')
        console.error(`Kandidat row ${row.sheetRow}, ${f.column ?? 'required columns'}: ${f.detail ?? ''}`);
  }
}

const DOMICILE_SKIPPED: Bilingual = {
  id: 'Tab Desa Sasaran kosong, jadi pemeriksaan domisili dilewati. Isi Desa Sasaran lalu validasi lagi.',
  en: 'The Desa Sasaran tab is empty, so the domicile check was skipped. Fill in Desa Sasaran and validate again.',
};

const LIVE_DUPLICATE_NOTE: Bilingual = {
  id: 'Baris kembarannya ikut ditandai saat menu Validasi data kandidat dijalankan.',
  en: 'Its twin row is marked too when "Validate candidate data" is run from the menu.',
};

/** What the rules across rows need from a row the live check does not look at. */
const KEY_COLUMNS = ['ID', 'NIK', 'No. HP'] as const;

/**
 * What a caller holding the lock has already read of Kandidat, handed to the live check so that
 * nothing is read twice in one execution: the header and `getLastRow` as they are now (a form
 * import that has just appended its rows), and also the key columns (`readKeyColumns`) and the
 * rows first…last themselves with the caller's own cells already put in (the verification desk's
 * save) — those cells are then written with the outcomes, in the same calls.
 */
export interface SharedReads {
  header: string[];
  last: number;
  keys?: ReadonlyMap<number, CellValue[]>;
  rows?: {
    range: GoogleAppsScript.Spreadsheet.Range;
    values: Grid;
    display: string[][];
    writes: readonly ColumnWrite[];
  };
}

/**
 * The live check: re-validate the rows an edit or paste touched, and only those. Of the other
 * rows only the ID, NIK and phone columns are read — what new IDs and the duplicate checks need —
 * so the wait does not grow with the tab's width. (A row elsewhere with neither NIK nor phone
 * counts as blank here, so a twin ID on such a row is found by the menu's full validation only.)
 * With `shared` rows, it reads nothing of Kandidat but their highlights and notes, and returns
 * undefined without writing the caller's cells when it cannot check the rows.
 */
export function validateEditedRows(
  ctx: ActionContext,
  sheet: Sheet,
  firstRow: number,
  lastRow: number,
  shared?: SharedReads,
): RowOutcome[] | undefined {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  let settings: Settings;
  try {
    settings = loadSettings(ctx.settingsRows, clock);
  } catch {
    // A simple trigger cannot show a dialog: say it where the user is looking instead.
    noteSettingsProblem(sheet, firstRow, lastRow, lang);
    return undefined;
  }
  const header = shared?.header ?? readHeader(sheet);
  const map = matchHeaders(CANDIDATES_TAB, header);
  const last = shared?.last ?? sheet.getLastRow();
  const from = Math.max(firstRow, 2);
  const to = Math.min(lastRow, last);
  if (from > to || header.length === 0) return undefined;
  if (shared?.rows && (from !== firstRow || to !== lastRow)) return undefined;
  const range = shared?.rows?.range ?? sheet.getRange(from, 1, to - from + 1, header.length);
  const edited = shared?.rows?.values ?? (range.getValues() as Grid);
  const shown = shared?.rows?.display ?? range.getDisplayValues();
  const values = sparseGrid(header, last, shared?.keys ?? readKeyColumns(sheet, map.index, last));
  const display: string[][] = [];
  edited.forEach((row, i) => {
    values[from - 1 + i] = row;
    display[from - 1 + i] = shown[i];
  });
  const result = validateCandidates(values, display, validationContext(ss, settings, clock), { first: from, last: to });
  if (!result.ok) return undefined;
  const index = ensureOutputColumns(sheet, result.map.index, header.length, [...WRITES, ...OUTPUTS]);
  const rows = result.rows.slice(from - 2, to - 1).map((row) => {
    const twins = row.findings.some(
      (f) => f.rule === 'nik.duplicate' || f.rule === 'id.duplicate' || f.rule === 'phone.shared',
    );
    return twins
      ? { ...row, findings: [...row.findings, finding('duplicate.pending', undefined, LIVE_DUPLICATE_NOTE)] }
      : row;
  });
  // The block read above covers the marks' columns unless output columns were just added.
  const block =
    index.size === result.map.index.size
      ? { range, backgrounds: range.getBackgrounds(), notes: range.getNotes() }
      : undefined;
  writeOutcomes(sheet, index, { rows, firstRow: from, original: edited }, lang, block, shared?.rows?.writes);
  logUnchecked(rows);
  // What was written, for a caller that shows it (the verification desk).
  return rows;
}

/** The columns the rules across rows need (ID, NIK, phone: those the tab has), rows 2…last, by 0-based column. */
export function readKeyColumns(
  sheet: Sheet,
  index: ReadonlyMap<string, number>,
  last: number,
): Map<number, CellValue[]> {
  const at = KEY_COLUMNS.map((key) => index.get(key)).filter((i): i is number => i !== undefined);
  return readColumns(sheet, at, 2, last);
}

/** The tab as the rules across rows see it: the header, then every row with only its key columns filled. */
function sparseRows(sheet: Sheet, index: ReadonlyMap<string, number>, header: string[], last: number): Grid {
  return sparseGrid(header, last, readKeyColumns(sheet, index, last));
}

const SETTINGS_BROKEN: Bilingual = {
  id: '⚠ Baris ini belum diperiksa: tab Pengaturan bermasalah. Jalankan menu Validasi data kandidat untuk melihat rinciannya.',
  en: '⚠ This row was not checked: the Pengaturan tab has a problem. Run "Validate candidate data" to see what it is.',
};

/** The live check could not run: put the reason in the touched rows' Catatan Validasi. */
function noteSettingsProblem(sheet: Sheet, firstRow: number, lastRow: number, lang: Lang): void {
  const from = Math.max(firstRow, 2);
  if (from > lastRow) return;
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] as Grid[number];
  const at = matchHeaders(CANDIDATES_TAB, header).index.get('Catatan Validasi');
  if (at === undefined) return;
  writeColumns(sheet, from, [
    { column: at, values: new Array<CellValue>(lastRow - from + 1).fill(pick(SETTINGS_BROKEN, lang)) },
  ]);
}

// For the batched validation of a long tab (shell/validationJob.ts), which validates block by block like the above.
export { OUTPUTS, WRITES, candidatesSheet, readShown, sparseRows, validationContext, writeOutcomes };
