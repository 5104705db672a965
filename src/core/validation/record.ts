/** One candidate row, addressed by contract header whatever the sheet's column order. */
import type { HeaderMap } from '../headers';
import { CANDIDATES_TAB } from '../schema';
import { cellText } from '../text';
import type { CellValue } from '../types';

export interface CandidateRecord {
  /** 1-based row on the sheet. */
  sheetRow: number;
  value(header: string): CellValue;
  /** Trimmed text of the cell. */
  text(header: string): string;
  /** The cell as Sheets shows it. */
  shown(header: string): string;
}

export function candidateRecord(map: HeaderMap, sheetRow: number, values: readonly CellValue[], display: readonly string[] | undefined): CandidateRecord {
  const at = (header: string) => map.index.get(header);
  return {
    sheetRow,
    value: (header) => {
      const i = at(header);
      return i === undefined ? '' : (values[i] ?? '');
    },
    text: (header) => {
      const i = at(header);
      return i === undefined ? '' : cellText(values[i]);
    },
    shown: (header) => {
      const i = at(header);
      if (i === undefined) return '';
      return display ? String(display[i] ?? '') : cellText(values[i]);
    },
  };
}

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
