/**
 * Many generated tabs of one kind in few calls each (the decisions are in core/templates.ts). Tabs
 * whose top and bottom rows are alike share a template: the longest of them, drawn once on a
 * temporary tab with its values; every tab of the group is then a copy of it (insertSheet with
 * { template }), cut to length, with only the values that differ from the copy written (at most
 * two blocks, core/templates.ts valueBlocks), its note if it differs, and whatever else differs
 * written cell by cell in one call per property. A tab with no twin is drawn on a fresh sheet by
 * the same painter.
 * Templates are deleted when the builder finishes, even after a failure; a template or a
 * half-built tab left by an execution that was killed is replaced when the next run needs its name.
 *
 * Calls per copied tab: the copy, two per value block, the note (two, only when it is not the
 * template's: tabs of a kind share one), the rename (at most 6), a delete when the template is
 * longer, and one per property or run of row heights that differs from the template (the
 * checkboxes when the number of people differs; nothing more for sheets whose rows are one line
 * each). Which tabs exist is the caller's to find (one look for all of
 * them); replacing an existing tab adds its read (3) and its deletion.
 */
import { gridOut, noteOut } from '../core/cells';
import type { Layout } from '../core/layout';
import { formatGroups, groupedKind, type LayoutCells, layoutCells, mergeRuns, type Painted } from '../core/layoutCells';
import { printHint } from '../core/printPages';
import {
  copiedValues,
  copyPatch,
  freshPatch,
  type FrameRows,
  type Patch,
  patchCalls,
  templateKey,
  type ValueBlock,
  valueBlocks,
} from '../core/templates';
import type { CellValue } from '../core/types';
import { applyGroup, buildingName, fitSize, mergeRun, setRowHeights, setWidths } from './render';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** One tab to build: its name, layout, the rows tabs of its kind share, and the tab it replaces. */
export interface TabSpec {
  name: string;
  layout: Layout;
  frame: FrameRows;
  existing: Sheet | null;
  /** Where `existing` stands (1-based), when the caller already knows it from getSheets(). */
  position?: number;
  /**
   * When there is no tab to replace but a killed run left this one's replacement under its
   * temporary name (killed between deleting the old tab and renaming the new one), the layout
   * again with what that leftover holds (ticks): the same rows and formats, other values.
   */
  recover?: (leftover: Sheet) => Layout;
}

const TEMPLATE_NAME = 'Templat sementara';
/** How many of the last tabs built are weighed as sources besides the template (each costs a comparison, no call). */
const RECENT = 6;

/** The cell-by-cell setter of each painted property (Apps Script's 2-D forms). */
const PAINTERS: Record<Painted, (range: Range, grid: unknown[][]) => void> = {
  fontWeight: (r, g) => r.setFontWeights(g as Array<Array<'bold' | null>>),
  fontStyle: (r, g) => r.setFontStyles(g as Array<Array<'italic' | null>>),
  fontSize: (r, g) => r.setFontSizes(g as number[][]),
  horizontal: (r, g) => r.setHorizontalAlignments(g as Array<Array<'left' | 'center' | 'right' | null>>),
  vertical: (r, g) => r.setVerticalAlignments(g as Array<Array<'top' | 'middle' | 'bottom' | null>>),
  wrap: (r, g) => r.setWraps(g as boolean[][]),
  background: (r, g) => r.setBackgrounds(g as string[][]),
};

/** How a grouped kind is taken off a whole tab before its groups are drawn again. */
const RESETS = {
  underline: (r: Range) => r.setFontLine(null),
  borders: (r: Range) => r.setBorder(false, false, false, false, false, false),
  numberFormat: () => undefined,
};

/**
 * Draws `patch` on `sheet` (already the right size), with the value blocks that differ from what
 * the sheet holds and the note on A1. One range covers the tab, so painted properties and
 * checkboxes each cost one call on it (and a block that covers the whole tab uses it too).
 */
function drawPatch(
  sheet: Sheet,
  layout: Layout,
  cells: LayoutCells,
  patch: Patch,
  writes: { blocks: readonly ValueBlock[]; note?: string },
  checkbox: () => GoogleAppsScript.Spreadsheet.DataValidation,
): void {
  if (patch.deleteRows) sheet.deleteRows(patch.deleteRows.row, patch.deleteRows.count);
  let whole: Range | undefined;
  const tab = () => (whole ??= sheet.getRange(1, 1, cells.rows, cells.columns));
  for (const b of writes.blocks) {
    const all =
      b.row === 1 && b.column === 1 && b.values.length === cells.rows && b.values[0]?.length === cells.columns;
    (all ? tab() : sheet.getRange(b.row, b.column, b.values.length, b.values[0].length)).setValues(b.values);
  }
  // The note alone, on A1: a grid of notes would write every cell of the tab for one of them.
  if (writes.note !== undefined) sheet.getRange(1, 1).setNote(noteOut(writes.note));
  for (const p of patch.paint) PAINTERS[p](tab(), cells.painted[p]);
  if (patch.checkboxes) tab().setDataValidations(cells.checkbox.map((row) => row.map((c) => (c ? checkbox() : null))));
  const groups = formatGroups(layout.formats);
  for (const { kind, reset } of patch.regroup) {
    if (reset) RESETS[kind](tab());
    for (const g of groups) if (groupedKind(g.property) === kind) applyGroup(sheet, g);
  }
  if (patch.merges) for (const run of mergeRuns(layout.formats)) mergeRun(sheet, run);
  for (const h of patch.heights) setRowHeights(sheet, h);
}

/** The layout's values as the range's rectangle, each cell through cellOut. */
function padded(values: readonly (readonly CellValue[])[], rows: number, columns: number): CellValue[][] {
  const out = gridOut(values.slice(0, rows).map((r) => r.slice(0, columns)));
  for (const row of out) while (row.length < columns) row.push('');
  while (out.length < rows) out.push(new Array<CellValue>(columns).fill(''));
  return out;
}

/** A fresh sheet the size of the layout, with everything of a fresh tab that a copy would have inherited. */
function drawFresh(
  sheet: Sheet,
  layout: Layout,
  cells: LayoutCells,
  content: { values: CellValue[][]; note: string },
  checkbox: () => GoogleAppsScript.Spreadsheet.DataValidation,
): void {
  fitSize(sheet, cells.rows, cells.columns);
  const writes = { blocks: valueBlocks(content.values), note: content.note };
  drawPatch(sheet, layout, cells, freshPatch(cells, layout.defaultRowHeight), writes, checkbox);
  setWidths(sheet, layout.widths);
  if (layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
}

/**
 * The template's own layout: the longest tab of its group, with the rows between top and bottom
 * at the default height. A tab copied from it then sets only its own taller rows, never also
 * resets the template's (which stand wherever that tab's long names happened to fall).
 */
function plainMiddle(layout: Layout, rows: number, frame: FrameRows): Layout {
  const inFrame = (row: number) => row <= frame.top || row > rows - frame.bottom;
  const rowHeights = (layout.rowHeights ?? []).flatMap((h) =>
    Array.from({ length: h.rows }, (_, i) => h.row + i)
      .filter(inFrame)
      .map((row) => ({ row, rows: 1, height: h.height })),
  );
  return { ...layout, rowHeights };
}

interface Template {
  sheet: Sheet;
  cells: LayoutCells;
  /** Its values as written (every row as wide as the tab): a copy keeps them where they are already right. */
  values: CellValue[][];
  /** Its A1 note: a copy whose note is the same keeps it and writes none. */
  note: string;
}

/**
 * Builds `tabs` one at a time (`build(i)`, in order), inserting each new tab after the existing
 * ones and each refreshed one where its old tab was. `finish()` deletes the templates; call it in a
 * `finally`. `sheetCount`: how many tabs the spreadsheet has, when the caller has just counted them.
 */
export function tabBuilder(
  ss: Spreadsheet,
  tabs: readonly TabSpec[],
  sheetCount?: number,
): { build(i: number): Sheet; finish(): void } {
  const cells = tabs.map((t) => layoutCells(t.layout));
  const keys = tabs.map((t, i) => templateKey(t.layout, cells[i], t.frame));
  let sheets = sheetCount ?? ss.getNumSheets();
  // Where each replaced tab stands, asked before anything is written (a question after a write
  // waits for the writes to be sent). Replacing a tab in place, or adding one at the end, moves no
  // other tab; only deleting a leftover does, and then the position is asked again.
  const positions = tabs.map((t) => (t.existing ? (t.position ?? t.existing.getIndex()) : 0));
  let moved = false;
  let rule: GoogleAppsScript.Spreadsheet.DataValidation | undefined;
  // One rule object serves every checkbox of the run.
  const checkbox = () => (rule ??= SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build());

  /**
   * Insert under `name` at `index(leftoverAt)`. A leftover of a killed run under that name (ours:
   * its name says so) is deleted first, and `leftoverAt` says where it stood: a run killed between
   * deleting a tab and renaming its replacement left the replacement there, in the tab's place.
   */
  const insert = (
    name: string,
    index: (leftoverAt?: number) => number,
    template?: Sheet,
    onLeftover?: (leftover: Sheet) => void,
  ): Sheet => {
    const make = (at: number) => (template ? ss.insertSheet(name, at, { template }) : ss.insertSheet(name, at));
    let sheet: Sheet;
    try {
      sheet = make(index());
    } catch (error) {
      const leftover = ss.getSheetByName(name);
      if (!leftover) throw error;
      onLeftover?.(leftover);
      const at = leftover.getIndex() - 1;
      ss.deleteSheet(leftover);
      sheets--;
      moved = true;
      sheet = make(index(at));
    }
    sheets++;
    return sheet;
  };

  /** Tab i's A1 note: its layout's, and how to print it. */
  const noteOf = (i: number) => `${tabs[i].layout.note} ${printHint(tabs[i].name)}`.trim();

  const templates = new Map<string, Template>();
  /** The template of tab i's group, drawn when the group's first tab is built; none for a tab without a twin. */
  const templateOf = (i: number): Template | undefined => {
    const key = keys[i];
    if (key === undefined) return undefined;
    const found = templates.get(key);
    if (found) return found;
    const group = keys.map((k, j) => (k === key ? j : -1)).filter((j) => j >= 0);
    // A template pays for itself only when at least two tabs are copied from it.
    if (group.length < 2) return undefined;
    const longest = group.reduce((a, b) => (cells[b].rows > cells[a].rows ? b : a));
    const layout = plainMiddle(tabs[longest].layout, cells[longest].rows, tabs[longest].frame);
    const sheet = insert(`${TEMPLATE_NAME} ${templates.size + 1}`, () => sheets);
    const templateCells = layoutCells(layout);
    // The template carries the values of its tab, so that its copies write only what differs.
    const values = padded(layout.values, templateCells.rows, templateCells.columns);
    // And the note of its tab: tabs of a kind share theirs, so a copy writes none (its name says it is temporary).
    const template = { sheet, cells: templateCells, values, note: noteOf(longest) };
    templates.set(key, template); // before drawing, so that finish() deletes even a half-drawn one
    drawFresh(sheet, layout, template.cells, template, checkbox);
    return template;
  };

  /** Tabs built so far, by key: a tab may be closer to the next one than the template is. */
  const built = new Map<string, Template[]>();
  /** The values of a copy of `source` cut to tab i's length. */
  const baseOf = (i: number, source: Template) => copiedValues(source.values, cells[i].rows, tabs[i].frame);
  /**
   * The cheapest source to copy tab i from, among its template and the last tabs built like it, by
   * the calls its formats need (the values that differ are about the same from any of them: the
   * session's own cells, so they are not weighed; the first of equals wins).
   */
  const sourceOf = (i: number): { source: Template; patch: Patch } | undefined => {
    const template = templateOf(i);
    if (!template) return undefined;
    const groups = formatGroups(tabs[i].layout.formats);
    let best: { source: Template; patch: Patch; calls: number } | undefined;
    for (const source of [template, ...(built.get(keys[i] as string) ?? [])]) {
      const patch = copyPatch(cells[i], source.cells, tabs[i].frame);
      const calls = patch && patchCalls(patch, groups);
      if (patch && calls !== undefined && (!best || calls < best.calls)) best = { source, patch, calls };
    }
    return best;
  };

  const build = (i: number): Sheet => {
    const { name, existing, recover } = tabs[i];
    const { layout } = tabs[i];
    const content = { values: padded(layout.values, cells[i].rows, cells[i].columns), note: noteOf(i) };
    const rescue = (leftover: Sheet) => {
      if (!existing && recover) content.values = padded(recover(leftover).values, cells[i].rows, cells[i].columns);
    };
    const building = buildingName(name);
    // A refreshed tab goes where the old one is; a new one where its leftover was, else after the
    // others but before the templates.
    const index = (leftoverAt?: number) => {
      if (existing) return (moved ? existing.getIndex() : positions[i]) - 1;
      return leftoverAt ?? sheets - templates.size;
    };
    const copy = sourceOf(i);
    let sheet: Sheet;
    if (copy) {
      sheet = insert(building, index, copy.source.sheet, rescue);
      const writes = {
        blocks: valueBlocks(content.values, baseOf(i, copy.source)),
        note: content.note === copy.source.note ? undefined : content.note,
      };
      drawPatch(sheet, layout, cells[i], copy.patch, writes, checkbox);
      const twins = built.get(keys[i] as string) ?? [];
      built.set(keys[i] as string, [{ sheet, cells: cells[i], ...content }, ...twins].slice(0, RECENT));
    } else {
      sheet = insert(building, index, undefined, rescue);
      drawFresh(sheet, layout, cells[i], content, checkbox);
    }
    if (existing) {
      ss.deleteSheet(existing);
      sheets--;
    }
    sheet.setName(name);
    return sheet;
  };

  const finish = () => {
    for (const { sheet } of templates.values()) ss.deleteSheet(sheet);
    sheets -= templates.size;
    templates.clear();
  };
  return { build, finish };
}
