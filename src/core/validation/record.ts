/** Candidate rows (read with `rowRecord`): telling blank rows apart. */
import type { HeaderMap } from '../headers';
import { CANDIDATES_TAB } from '../schema';
import { cellText } from '../text';
import type { CellValue } from '../types';

const NOT_CONTENT = new Set(['ID', ...CANDIDATES_TAB.columns.filter((c) => c.output).map((c) => c.header)]);

const skipped = new WeakMap<HeaderMap, Set<number>>();

/** A row is blank when every column other than ID and the output columns is empty. */
export function isBlankRow(map: HeaderMap, values: readonly CellValue[]): boolean {
  let skip = skipped.get(map);
  if (!skip) {
    skip = new Set([...NOT_CONTENT].map((h) => map.index.get(h)).filter((i): i is number => i !== undefined));
    skipped.set(map, skip);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== '' && !skip.has(i) && cellText(v) !== '') return false;
  }
  return true;
}
