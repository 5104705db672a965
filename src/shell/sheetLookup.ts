/**
 * Reading only what a call needs from a long tab, so a panelist's or a verifier's wait does not
 * grow with the sheet: the rows holding a value are found by Sheets' own search (TextFinder: only
 * the matching cells' positions come back, never the column), and rows are then read in as few
 * blocks as their positions allow. Every answer comes from the live sheet: nothing here is cached.
 */
import { cellText, columnLetter } from '../core/text';
import type { CellValue, Grid } from '../core/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `text` as a TextFinder regular expression for the whole cell, spaces around it allowed. */
function wholeCell(text: string): string {
  return `^\\s*${text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`;
}

/**
 * The rows below the header whose cell in `column` (1-based) reads `text`, ignoring case (a
 * TextFinder's default) and surrounding spaces, in row order.
 */
export function rowsHolding(sheet: Sheet, column: number, text: string): number[] {
  if (text.trim() === '') return [];
  const letter = columnLetter(column);
  return sheet
    .getRange(`${letter}2:${letter}`)
    .createTextFinder(wholeCell(text))
    .useRegularExpression(true)
    .findAll()
    .map((range) => range.getRow());
}

/** The header row, read without asking the tab's width first; trailing blank headers dropped. */
export function readHeader(sheet: Sheet): string[] {
  const header = ((sheet.getRange('1:1').getValues() as Grid)[0] ?? []).map((c) => cellText(c));
  while (header.length && header[header.length - 1] === '') header.pop();
  return header;
}

/** Rows of `width` cells at the given sheet rows: one read per run of consecutive rows. */
export function readRowsAt(sheet: Sheet, rows: readonly number[], width: number): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const block = sheet.getRange(sorted[i], 1, j - i + 1, width).getValues() as Grid;
    block.forEach((values, k) => out.set(sorted[i] + k, values));
    i = j + 1;
  }
  return out;
}

/** Column `column` (1-based) from sheet row `first` to `last`, as a flat list. */
export function readColumn(sheet: Sheet, column: number, first: number, last: number): CellValue[] {
  if (last < first) return [];
  return (sheet.getRange(first, column, last - first + 1, 1).getValues() as Grid).map((row) => row[0]);
}
