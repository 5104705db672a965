/**
 * Draws a core Layout onto a generated tab in a number of calls that does not grow with its rows:
 * formats are grouped by property and applied through one RangeList each, merges of consecutive
 * rows with the same span become one mergeAcross call, and row heights are one call per run of
 * equal heights (Apps Script has no batch for them: a printed sheet whose rows fit their text pays
 * one call per change of height). Attendance sheets, which come many at a time, are copied from a
 * template instead (shell/templates.ts), using the pieces exported here.
 */
import { gridOut, noteOut } from '../core/cells';
import { chartOptions, type Layout, type RowHeights } from '../core/layout';
import {
  a1Of,
  type FormatGroup,
  formatGroups,
  type GroupProperty,
  type MergeRun,
  mergeRuns,
} from '../core/layoutCells';
import { printHint } from '../core/printPages';
import type { Grid } from '../core/types';
import { reportBuilt } from './freshness';
import { UserError } from './errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

const MARK = 'Seleksi & FGD';

/** Whether a tab was made by the add-on (its A1 note says so), or is empty and free to use. */
export function isGenerated(sheet: Sheet): boolean {
  return generatedBy(sheet.getRange(1, 1).getNote(), () => sheet.getLastRow() === 0);
}

function generatedBy(note: string, empty: () => boolean): boolean {
  return note.includes(MARK) || empty();
}

/**
 * A tab's values, and whether the add-on made it, in three calls (one range read twice): what a
 * refresh needs before it replaces the tab.
 */
export function readGeneratedTab(sheet: Sheet): { generated: boolean; values: Grid } {
  const range = sheet.getDataRange();
  const values = range.getValues() as Grid;
  const note = String(range.getNotes()[0]?.[0] ?? '');
  // An empty tab's data range is A1 alone, blank.
  return {
    generated: generatedBy(note, () => values.length === 1 && values[0].length === 1 && values[0][0] === ''),
    values,
  };
}

/** What a format group does to a range or a range list (both have the same setters). */
type Target = RangeList | GoogleAppsScript.Spreadsheet.Range;
const SETTERS: Record<GroupProperty, (target: Target, value: string | number | boolean) => void> = {
  bold: (t) => t.setFontWeight('bold'),
  italic: (t) => t.setFontStyle('italic'),
  underline: (t) => t.setFontLine('underline'),
  fontSize: (t, v) => t.setFontSize(v as number),
  horizontal: (t, v) => t.setHorizontalAlignment(v as 'left' | 'center' | 'right'),
  vertical: (t, v) => t.setVerticalAlignment(v as 'top' | 'middle' | 'bottom'),
  wrap: (t) => t.setWrap(true),
  background: (t, v) => t.setBackground(v as string),
  numberFormat: (t, v) => t.setNumberFormat(v as string),
  borders: (t) => t.setBorder(true, true, true, true, true, true),
  outline: (t) => t.setBorder(true, true, true, true, false, false),
};

/**
 * One RangeList call for the whole group. A runtime without RangeList (some emulators) gets the same
 * result one range at a time.
 */
export function applyGroup(sheet: Sheet, group: FormatGroup): void {
  const ranges = group.ranges.map(a1Of);
  if (typeof sheet.getRangeList === 'function') {
    SETTERS[group.property](sheet.getRangeList(ranges), group.value);
    return;
  }
  for (const a1 of ranges) SETTERS[group.property](sheet.getRange(a1), group.value);
}

/**
 * Replace a generated tab with the layout. The new tab is built beside the old one under a
 * temporary name and only then takes its place, so a run that fails midway leaves the previous
 * tab intact (plus a visible "(sedang dibuat)" tab that the next run clears) — never a
 * half-written tab that looks complete.
 */
export function renderLayout(
  ss: Spreadsheet,
  name: string,
  layout: Layout,
  vetted?: { existing: Sheet | null },
): Sheet {
  // A caller that already looked the tab up and checked it is the add-on's passes it as `vetted`.
  const found = vetted ? vetted.existing : ss.getSheetByName(name);
  if (!vetted && found && !isGenerated(found)) {
    throw new UserError({
      id: `Tab "${name}" sudah ada tetapi bukan buatan add-on, jadi tidak ditimpa. Ganti nama tab itu, lalu jalankan lagi.`,
      en: `A tab "${name}" exists that the add-on did not make, so it was not overwritten. Rename that tab, then run again.`,
    });
  }
  const building = `${name.slice(0, 80)} (sedang dibuat)`;
  const leftover = ss.getSheetByName(building);
  if (leftover) ss.deleteSheet(leftover);
  const sheet = ss.insertSheet(building, found ? found.getIndex() - 1 : ss.getNumSheets());
  draw(sheet, { ...layout, note: `${layout.note} ${printHint(name)}`.trim() });
  if (found) ss.deleteSheet(found);
  sheet.setName(name);
  if (layout.stamp) reportBuilt(name, layout.stamp.row, layout.stamp.lang);
  return sheet;
}

function draw(sheet: Sheet, layout: Layout): void {
  const rows = layout.values.length;
  const columns = Math.max(layout.values[0]?.length ?? 1, layout.widths.length);
  // The sheet covers every cell the layout formats, even a format block below the last value.
  const lastFormatted = Math.max(
    rows,
    ...layout.formats.map((f) => f.row + f.rows - 1),
    ...(layout.rowHeights ?? []).map((h) => h.row + h.rows - 1),
  );
  fitSize(sheet, lastFormatted, columns);
  insertCheckboxes(sheet, layout);
  // Written after the checkboxes went in, so each box shows the tick the layout carries.
  sheet.getRange(1, 1, rows, columns).setValues(gridOut(layout.values));
  for (const group of formatGroups(layout.formats)) applyGroup(sheet, group);
  for (const run of mergeRuns(layout.formats)) mergeRun(sheet, run);
  for (const b of layout.backgrounds ?? []) {
    if (b.colors.length) sheet.getRange(b.row, b.column, b.colors.length, b.colors[0].length).setBackgrounds(b.colors);
  }
  if (layout.defaultRowHeight) setRowHeights(sheet, { row: 1, rows: lastFormatted, height: layout.defaultRowHeight });
  for (const h of layout.rowHeights ?? []) setRowHeights(sheet, h);
  drawCharts(sheet, layout);
  setWidths(sheet, layout.widths);
  sheet.setFrozenRows(layout.frozenRows);
  sheet.getRange(1, 1).setNote(noteOut(layout.note));
}

export function setRowHeights(sheet: Sheet, h: RowHeights): void {
  if (typeof sheet.setRowHeights === 'function') sheet.setRowHeights(h.row, h.rows, h.height);
  else for (let r = h.row; r < h.row + h.rows; r++) sheet.setRowHeight(r, h.height);
}

/** Every checkbox block in one RangeList call, wherever the blocks are (one per printed page). */
function insertCheckboxes(sheet: Sheet, layout: Layout): void {
  const blocks = (layout.checkboxes ?? []).filter((b) => b.rows > 0);
  if (blocks.length === 0) return;
  const ranges = blocks.map((b) => a1Of({ ...b, columns: 1 }));
  const list = typeof sheet.getRangeList === 'function' ? sheet.getRangeList(ranges) : undefined;
  // A runtime whose RangeList lacks insertCheckboxes gets the same boxes one block at a time.
  if (list && typeof list.insertCheckboxes === 'function') list.insertCheckboxes();
  else for (const range of ranges) sheet.getRange(range).insertCheckboxes();
}

/**
 * Exactly the rows and columns the layout needs. A new sheet has 1,000 × 26 cells; 300 attendance
 * tabs of that size alone would take most of a spreadsheet's 10-million-cell limit.
 */
export function fitSize(sheet: Sheet, rows: number, columns: number): void {
  // Both sizes asked before anything changes: a question after a write waits for it to be sent.
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** The layout's charts, on a fresh tab: a rebuild never duplicates a chart. */
function drawCharts(sheet: Sheet, layout: Layout): void {
  for (const spec of layout.charts ?? []) {
    let builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[spec.type])
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
      .setNumHeaders(1);
    for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.column, r.rows, r.columns));
    for (const [key, value] of Object.entries(chartOptions(spec))) builder = builder.setOption(key, value);
    sheet.insertChart(builder.build());
  }
}

/** Column widths, one call per run of equal widths. */
export function setWidths(sheet: Sheet, widths: readonly number[]): void {
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i === widths.length || widths[i] !== widths[start]) {
      if (typeof sheet.setColumnWidths === 'function') sheet.setColumnWidths(start + 1, i - start, widths[start]);
      else for (let c = start + 1; c <= i; c++) sheet.setColumnWidth(c, widths[start]);
      start = i;
    }
  }
}

/**
 * One merge call per run of rows. The batch forms (mergeAcross, setColumnWidths, setRowHeights,
 * getRangeList) are all Apps Script's own; each falls back to the single-item form so the add-on
 * also renders on runtimes that lack them.
 */
export function mergeRun(sheet: Sheet, run: MergeRun): void {
  const range = sheet.getRange(run.row, run.column, run.rows, run.columns);
  if (!run.across) range.merge();
  else if (typeof range.mergeAcross === 'function') range.mergeAcross();
  else for (let r = run.row; r < run.row + run.rows; r++) sheet.getRange(r, run.column, 1, run.columns).merge();
}
