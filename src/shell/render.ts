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
  clipRows,
  type FormatGroup,
  formatGroups,
  type GroupProperty,
  layoutSize,
  type MergeRun,
  mergeRuns,
  type Rect,
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
  const found = vetted ? vetted.existing : generatedTab(ss, name);
  const sheet = startBuilding(ss, name, layout, found);
  drawRows(sheet, layout, 1, layoutSize(layout).rows);
  return finishBuilding(ss, name, sheet, layout, found);
}

/** The tab called `name` if the add-on made it (or it is empty), null when there is none; else a UserError. */
function generatedTab(ss: Spreadsheet, name: string): Sheet | null {
  const found = ss.getSheetByName(name);
  if (found && !isGenerated(found)) {
    throw new UserError({
      id: `Tab "${name}" sudah ada tetapi bukan buatan add-on, jadi tidak ditimpa. Ganti nama tab itu, lalu jalankan lagi.`,
      en: `A tab "${name}" exists that the add-on did not make, so it was not overwritten. Rename that tab, then run again.`,
    });
  }
  return found;
}

/** The temporary name a tab is built under until it is complete (a leftover of a killed run is found by it). */
export const buildingName = (name: string) => `${name.slice(0, 80)} (sedang dibuat)`;

/** The half-built tab a run of `startBuilding` left, if it is still there. */
export function tabBeingBuilt(ss: Spreadsheet, name: string): Sheet | null {
  return ss.getSheetByName(buildingName(name));
}

/**
 * A fresh, empty tab of the layout's size under the temporary name (a leftover one is deleted), for
 * `drawRows` to fill, in one execution or band by band over several.
 */
export function startBuilding(ss: Spreadsheet, name: string, layout: Layout, found?: Sheet | null): Sheet {
  const existing = found === undefined ? generatedTab(ss, name) : found;
  const building = buildingName(name);
  const leftover = ss.getSheetByName(building);
  if (leftover) ss.deleteSheet(leftover);
  const sheet = ss.insertSheet(building, existing ? existing.getIndex() - 1 : ss.getNumSheets());
  const { rows, columns } = layoutSize(layout);
  fitSize(sheet, rows, columns);
  return sheet;
}

/**
 * The tab complete: its charts, widths, frozen rows and note, then it takes the place of the old
 * tab. `found` is the old tab when the caller looked it up in this execution; otherwise it is
 * looked up (and vetted) again.
 */
export function finishBuilding(
  ss: Spreadsheet,
  name: string,
  sheet: Sheet,
  layout: Layout,
  found?: Sheet | null,
): Sheet {
  drawCharts(sheet, layout);
  setWidths(sheet, layout.widths);
  sheet.setFrozenRows(layout.frozenRows);
  sheet.getRange(1, 1).setNote(noteOut(`${layout.note} ${printHint(name)}`.trim()));
  const old = found === undefined ? generatedTab(ss, name) : found;
  if (old) ss.deleteSheet(old);
  sheet.setName(name);
  if (layout.stamp) reportBuilt(name, layout.stamp.row, layout.stamp.lang);
  return sheet;
}

/**
 * Rows `from`..`to` of the layout (a band ending where `bandEnd` says, or the whole tab): their
 * checkboxes, values, formats, merges, backgrounds and heights. Formats are grouped over the whole
 * layout and each group cut to the band, so the bands drawn one after another leave every cell as
 * one drawing of the whole layout does.
 */
export function drawRows(sheet: Sheet, layout: Layout, from: number, to: number): void {
  const { rows: total, columns } = layoutSize(layout);
  const whole = from <= 1 && to >= total;
  const clip = <R extends { row: number; rows: number }>(list: readonly R[]): R[] =>
    whole ? [...list] : list.flatMap((r) => clipRows(r, from, to) ?? []);
  insertCheckboxes(sheet, clip((layout.checkboxes ?? []).map((b) => ({ ...b, columns: 1 }))));
  // Written after the checkboxes went in, so each box shows the tick the layout carries.
  const last = Math.min(to, layout.values.length);
  if (last >= from)
    sheet.getRange(from, 1, last - from + 1, columns).setValues(gridOut(layout.values.slice(from - 1, last)));
  for (const group of formatGroups(layout.formats)) {
    const ranges = clip(group.ranges);
    if (ranges.length) applyGroup(sheet, { ...group, ranges });
  }
  // Merges are never cut (bandEnd), so a run whose first row is in the band is drawn whole.
  for (const run of mergeRuns(layout.formats))
    if (whole) mergeRun(sheet, run);
    else if (run.across) for (const part of clip([run])) mergeRun(sheet, part);
    else if (run.row >= from && run.row <= to) mergeRun(sheet, run);
  for (const b of layout.backgrounds ?? []) {
    const band = clipRows({ row: b.row, rows: b.colors.length }, from, to);
    if (!band || b.colors.length === 0) continue;
    const colors = whole ? b.colors : b.colors.slice(band.row - b.row, band.row - b.row + band.rows);
    sheet.getRange(band.row, b.column, colors.length, colors[0].length).setBackgrounds(colors);
  }
  if (layout.defaultRowHeight)
    for (const h of clip([{ row: 1, rows: total, height: layout.defaultRowHeight }])) setRowHeights(sheet, h);
  for (const h of clip(layout.rowHeights ?? [])) setRowHeights(sheet, h);
}

export function setRowHeights(sheet: Sheet, h: RowHeights): void {
  if (typeof sheet.setRowHeights === 'function') sheet.setRowHeights(h.row, h.rows, h.height);
  else for (let r = h.row; r < h.row + h.rows; r++) sheet.setRowHeight(r, h.height);
}

/** Every checkbox block in one RangeList call, wherever the blocks are (one per printed page). */
function insertCheckboxes(sheet: Sheet, checkboxes: readonly Rect[]): void {
  const blocks = checkboxes.filter((b) => b.rows > 0);
  if (blocks.length === 0) return;
  const ranges = blocks.map(a1Of);
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
