/**
 * Reading only what a call needs from a long tab, so a panelist's or a verifier's wait does not
 * grow with the sheet: the rows holding a value are found by Sheets' own search (TextFinder: only
 * the matching cells come back, never the column), and each row is then read through its matching
 * cell. Every answer comes from the live sheet: nothing here is cached.
 */
import { cellText, columnLetter } from '../core/text';
import type { CellValue, Grid } from '../core/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `text` as a TextFinder regular expression for the whole cell, spaces around it allowed. */
function wholeCell(text: string): string {
  return `^\\s*${text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`;
}

/** A row found by `rowsWith`: its cells, and its sheet row (asked of Sheets only when wanted). */
export interface FoundRow {
  values: CellValue[];
  row(): number;
}

/**
 * The rows below the header whose cell in `column` (1-based) reads `text`, ignoring case (a
 * TextFinder's default) and surrounding spaces, in row order, each read `width` cells wide
 * through the cell that matched: two calls a row, and a third only for a row whose position is
 * needed (to write it back).
 */
export function rowsWith(sheet: Sheet, column: number, text: string, width: number): FoundRow[] {
  if (text.trim() === '') return [];
  const letter = columnLetter(column);
  return sheet
    .getRange(`${letter}2:${letter}`)
    .createTextFinder(wholeCell(text))
    .useRegularExpression(true)
    .findAll()
    .map((cell) => {
      const values = (cell.offset(0, 1 - column, 1, width).getValues() as Grid)[0] ?? [];
      let row: number | undefined;
      return { values, row: () => (row ??= cell.getRow()) };
    });
}

/** The header row, read without asking the tab's width first; trailing blank headers dropped. */
export function readHeader(sheet: Sheet): string[] {
  const header = ((sheet.getRange('1:1').getValues() as Grid)[0] ?? []).map((c) => cellText(c));
  while (header.length && header[header.length - 1] === '') header.pop();
  return header;
}

/** Column `column` (1-based) from sheet row `first` to `last`, as a flat list. */
export function readColumn(sheet: Sheet, column: number, first: number, last: number): CellValue[] {
  if (last < first) return [];
  return (sheet.getRange(first, column, last - first + 1, 1).getValues() as Grid).map((row) => row[0]);
}

/**
 * Columns (0-based) from sheet row `first` to `last`, each as a flat list of values (or, `as`
 * 'shown', of what the cells show): neighbouring columns are read as one block, so only the asked
 * columns' cells are read, in as few calls as their positions allow.
 */
export function readColumns(
  sheet: Sheet,
  columns: readonly number[],
  first: number,
  last: number,
  as: 'values' | 'shown' = 'values',
): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  const sorted = [...new Set(columns)].filter((c) => c >= 0).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const range = last < first ? undefined : sheet.getRange(first, sorted[i] + 1, last - first + 1, j - i + 1);
    const block = !range ? [] : as === 'shown' ? range.getDisplayValues() : (range.getValues() as Grid);
    for (let k = i; k <= j; k++)
      out.set(
        sorted[k],
        block.map((row) => row[k - i]),
      );
    i = j + 1;
  }
  return out;
}

/**
 * The tab as `getDataRange().getValues()` gives it, with only `columns` (0-based) of its rows
 * read: the header, then rows 2…last, each blank but in those columns. For a caller whose rules
 * read a few columns of a long tab (the duplicate checks, the ranking), so the other columns'
 * cells are never fetched.
 */
export function sparseGrid(
  header: readonly CellValue[],
  last: number,
  columns: ReadonlyMap<number, CellValue[]>,
): Grid {
  const values: Grid = [[...header]];
  for (let r = 2; r <= last; r++) values.push(new Array<CellValue>(header.length).fill(''));
  for (const [at, cells] of columns) cells.forEach((v, i) => (values[i + 1][at] = v));
  return values;
}

/**
 * `sparseGrid` read from `sheet`: its header as wide as its data, and the columns under the
 * headers `wanted` finds (a function of the header, so the caller's alias rules decide). Calls: the
 * last row and column, the header, and two per run of neighbouring columns.
 */
export function readSparseTab(sheet: Sheet, wanted: (header: CellValue[]) => number[]): Grid {
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (last === 0 || width === 0) return [[]];
  const header = (sheet.getRange(1, 1, 1, width).getValues() as Grid)[0];
  return sparseGrid(header, last, readColumns(sheet, wanted(header), 2, last));
}
