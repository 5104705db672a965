/** Yes/no cells: `Ya`/`Tidak`, also Y/N, Yes/No, TRUE/FALSE and ticked checkboxes. */
import type { CellValue } from './types';
import { matchKey } from './text';

const YES_WORDS = new Set(['ya', 'y', 'yes', 'true', 'benar', 'iya', '1']);
const NO_WORDS = new Set(['tidak', 't', 'n', 'no', 'false', 'salah', 'tdk', '0']);

/** true / false, or undefined when the cell is neither (blank included). */
export function parseYesNo(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const key = matchKey(String(value ?? ''));
  if (YES_WORDS.has(key)) return true;
  if (NO_WORDS.has(key)) return false;
  return undefined;
}
