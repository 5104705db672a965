/**
 * Writing text that came from users into cells the add-in owns. Sheets reads a string written by
 * setValues as if it were typed: "=…" becomes a formula, "0812…" a number, "1/2" a date. A leading
 * apostrophe tells Sheets "this is text" and is not part of the stored value, so every string the
 * add-in copies from users is written with one.
 */
import type { CellValue } from './types';

export function asText(value: CellValue): CellValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** Apps Script refuses cells over 50,000 characters; long text is cut with a visible mark. */
export const MAX_CELL_CHARS = 50_000;

export function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 20)} … [dipotong/cut]`;
}

/** Text Sheets would read as a formula (or, typed by hand, turn into one). */
const FORMULA_START = /^[=+\-@]/;

/**
 * The last step before any value reaches a cell: text that Sheets would read as a formula gets
 * the apostrophe that keeps it text, and text longer than a cell holds is cut with a visible
 * mark. Every writer in the shell passes its values through here, so no user value — in a
 * status column, a header, a report or a log — can become a formula or stop a run.
 */
export function cellOut(value: CellValue): CellValue {
  if (typeof value !== 'string' || value === '') return value;
  const fitted = fitCell(value);
  return FORMULA_START.test(fitted) ? `'${fitted}` : fitted;
}

export function gridOut(values: readonly (readonly CellValue[])[]): CellValue[][] {
  return values.map((row) => row.map(cellOut));
}

/** A note (no formulas there, but the same size limit). */
export function noteOut(text: string): string {
  return fitCell(text);
}
