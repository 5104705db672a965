/**
 * The sheet adapter's basics: reading a tab in one call and writing each block in one call (through
 * the write guard); callers never loop over cells calling the service.
 */
import { cellOut, gridOut } from '../core/cells';
import { VILLAGES_TAB } from '../core/schema';
import { type VillageIndex, villageIndex } from '../core/validation/villages';
import { type CellValue, type Grid, type Lang, pick } from '../core/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** All values of a tab (header row first), or undefined when the tab does not exist. */
export function readTab(ss: Spreadsheet, name: string): { sheet: Sheet; values: Grid } | undefined {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return undefined;
  return { sheet, values: sheet.getDataRange().getValues() as Grid };
}

/** The target villages (`Desa Sasaran`), read in one go; undefined when the tab is missing or empty. */
export function readTargetVillages(ss: Spreadsheet): VillageIndex | undefined {
  return villageIndex(readTab(ss, VILLAGES_TAB.name)?.values);
}

/** Write a block at (row, column), growing the sheet first when the block reaches past its edge. */
export function writeBlock(sheet: Sheet, row: number, column: number, values: Grid): void {
  if (values.length === 0 || values[0].length === 0) return;
  ensureSize(sheet, row + values.length - 1, column + values[0].length - 1);
  sheet.getRange(row, column, values.length, values[0].length).setValues(gridOut(values));
}

/** Append one row after the last row with content (Sheets grows the tab itself): one call. */
export function appendRowOut(sheet: Sheet, values: readonly CellValue[]): void {
  sheet.appendRow(values.map(cellOut));
}

/** Make sure the sheet has at least this many rows and columns (Sheets does not grow on its own). */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * The spreadsheet's UTC offset in minutes: the wall clock Sheets shows for this minute (one
 * `formatDate` per execution; module state lives one execution) minus the minute itself. Kept for
 * the execution, so that the calls an action makes never depend on when a minute turns; an
 * execution lasts six minutes at most, and Indonesian zones have no daylight saving. Null when the
 * answer is unreadable. Only the most basic date pattern letters are used, so any faithful
 * formatDate gives the right answer.
 */
function offsetOf(ss: Spreadsheet): number | null {
  if (offset === undefined) {
    const minute = Math.floor(Date.now() / 60_000);
    const text = Utilities.formatDate(new Date(minute * 60_000), timeZoneOf(ss), 'yyyy-MM-dd HH:mm');
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
    const [y, mo, d, h, mi] = m ? m.slice(1).map(Number) : [];
    offset = m ? Math.round((Date.UTC(y, mo - 1, d, h, mi) - minute * 60_000) / 60_000) : null;
  }
  return offset;
}
let offset: number | null | undefined;

/** The spreadsheet's UTC offset in minutes (0 when Sheets' answer is unreadable). */
export function utcOffsetMinutes(ss: Spreadsheet): number {
  return offsetOf(ss) ?? 0;
}

/** "27/11/2019 09:15": now, as the spreadsheet's clock shows it (the stamps' dd/MM/yyyy HH:mm). */
export function wallTimeNow(ss: Spreadsheet): string {
  const minutes = offsetOf(ss);
  if (minutes === null) return Utilities.formatDate(new Date(), timeZoneOf(ss), 'dd/MM/yyyy HH:mm');
  const local = new Date(Date.now() + minutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${String(local.getUTCFullYear()).padStart(4, '0')} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** The spreadsheet's time zone, asked once per execution (module state lives one execution). */
export function timeZoneOf(ss: Spreadsheet): string {
  zone ??= ss.getSpreadsheetTimeZone();
  return zone;
}
let zone: string | undefined;

/** The active user's email; '' when Google does not reveal it (consumer accounts, other domains). */
export function activeUserEmail(): string {
  if (userEmail === undefined) {
    try {
      userEmail = Session.getActiveUser().getEmail() || '';
    } catch {
      userEmail = '';
    }
  }
  return userEmail;
}

/** The caller's email, asked of Google once per execution (module state lives one execution). */
let userEmail: string | undefined;

/** "pada 27/11/2019 09:15 oleh staf@…": when and by whom a generated tab was made. */
export function madeStamp(ss: Spreadsheet, lang: Lang): string {
  const when = wallTimeNow(ss);
  const who = activeUserEmail() || pick({ id: 'pengguna tak dikenal', en: 'an unknown user' }, lang);
  return pick({ id: `pada ${when} oleh ${who}`, en: `on ${when} by ${who}` }, lang);
}
