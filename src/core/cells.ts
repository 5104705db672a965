/**
 * Writing text that came from users into cells the add-in owns. Sheets turns a string starting
 * with "=" into a formula (and "+", "-", "@" are treated as formulas when typed), so such text is
 * written with a leading apostrophe, which Sheets keeps as "this is text" and does not show.
 */
import type { CellValue } from './types';

const FORMULA_START = /^[=+\-@]/;

export function asText(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Apps Script refuses cells over 50,000 characters; long text is cut with a visible mark. */
export const MAX_CELL_CHARS = 50_000;

export function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 20)} … [dipotong/cut]`;
}
