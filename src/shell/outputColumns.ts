/**
 * The add-on's output columns on `Kandidat` (and on `Sanggah`): created at the right end when missing (the only place
 * it adds columns to a user tab) and written one column block at a time, never elsewhere.
 */
import { cellOut } from '../core/cells';
import type { CellValue } from '../core/types';
import { CANDIDATES_TAB } from '../core/schema';
import { tabChanged } from './tabVersions';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The 0-based column of every wanted header, adding the missing ones after `lastColumn` in one write. */
export function ensureOutputColumns(
  sheet: Sheet,
  index: ReadonlyMap<string, number>,
  lastColumn: number,
  wanted: readonly string[],
): Map<string, number> {
  const columns = new Map(index);
  const missing = wanted.filter((h, i) => wanted.indexOf(h) === i && !columns.has(h));
  if (missing.length === 0) return columns;
  if (sheet.getMaxColumns() < lastColumn + missing.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn + missing.length - sheet.getMaxColumns());
  const headerRange = sheet.getRange(1, lastColumn + 1, 1, missing.length);
  headerRange.setValues([missing.map(cellOut)]);
  headerRange.setFontWeight('bold');
  missing.forEach((h, i) => columns.set(h, lastColumn + i));
  return columns;
}

/**
 * Columns of values (0-based column → values for rows [firstRow, firstRow + n)): side-by-side
 * columns of the same length are written as one block (Status Administrasi and Catatan Validasi
 * usually are), every other column in a call of its own. Only the given columns are touched.
 */
export function writeColumns(
  sheet: Sheet,
  firstRow: number,
  columns: ReadonlyArray<{ column: number; values: readonly CellValue[] }>,
  tab: string = CANDIDATES_TAB.name,
): void {
  const written = columns.filter((c) => c.values.length > 0);
  for (const block of adjacentBlocks(written))
    sheet
      .getRange(firstRow, block[0].column + 1, block[0].values.length, block.length)
      .setValues(block[0].values.map((_, i) => block.map((c) => cellOut(c.values[i]))));
  // After the writes, so a cache filled from what was there before can no longer be trusted.
  if (written.length) tabChanged(tab);
}

/** The columns grouped into runs of neighbours (column n, n+1, …) with the same number of values. */
function adjacentBlocks<T extends { column: number; values: readonly CellValue[] }>(columns: readonly T[]): T[][] {
  const blocks: T[][] = [];
  for (const c of [...columns].sort((a, b) => a.column - b.column)) {
    const last = blocks[blocks.length - 1]?.at(-1);
    if (last && c.column === last.column + 1 && c.values.length === last.values.length)
      blocks[blocks.length - 1].push(c);
    else blocks.push([c]);
  }
  return blocks;
}
