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
