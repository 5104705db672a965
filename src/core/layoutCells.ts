/**
 * A layout as its cells: what every cell of the drawn tab looks like once the layout's format
 * blocks are applied in the order the renderer applies them. Two layouts can then be compared row
 * by row, which is what lets a tab be copied from a template and only its differences be drawn
 * (core/templates.ts), and what proves that the copy equals a tab drawn from nothing.
 */
import type { BlockFormat, Layout } from './layout';
import { DEFAULT_ROW_HEIGHT } from './layout';
import { columnLetter } from './text';

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What a format group sets; every group is one RangeList call in the renderer. */
export type GroupProperty =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'fontSize'
  | 'horizontal'
  | 'vertical'
  | 'wrap'
  | 'background'
  | 'numberFormat'
  | 'borders'
  | 'outline';

/** Blocks that set the same property to the same value, drawn together. */
export interface FormatGroup {
  property: GroupProperty;
  value: string | number | boolean;
  ranges: Rect[];
}

/**
 * Formats grouped by what they set, in the order the renderer draws them: groups in the order
 * their first block appears, except outlines, which come last because the outline of a block
 * inside a bordered table takes out lines the table's grid drew.
 */
export function formatGroups(formats: readonly BlockFormat[]): FormatGroup[] {
  const groups = new Map<string, FormatGroup>();
  const add = (property: GroupProperty, value: string | number | boolean, f: BlockFormat) => {
    const key = `${property}:${String(value)}`;
    const group = groups.get(key) ?? { property, value, ranges: [] };
    group.ranges.push({ row: f.row, column: f.column, rows: f.rows, columns: f.columns });
    groups.set(key, group);
  };
  for (const f of formats) {
    if (f.bold) add('bold', true, f);
    if (f.italic) add('italic', true, f);
    if (f.underline) add('underline', true, f);
    if (f.fontSize) add('fontSize', f.fontSize, f);
    if (f.horizontal) add('horizontal', f.horizontal, f);
    if (f.vertical) add('vertical', f.vertical, f);
    if (f.wrap) add('wrap', true, f);
    if (f.background) add('background', f.background, f);
    if (f.numberFormat) add('numberFormat', f.numberFormat, f);
    if (f.borders === true) add('borders', true, f);
    if (f.borders === 'outline') add('outline', true, f);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.property !== 'outline'), ...all.filter((g) => g.property === 'outline')];
}

export function a1Of(r: Rect): string {
  return `${columnLetter(r.column)}${r.row}:${columnLetter(r.column + r.columns - 1)}${r.row + r.rows - 1}`;
}

/**
 * Properties Apps Script can set cell by cell over a whole range in one call (setFontWeights,
 * setFontSizes, …), with the value a cell has when nothing set it. Sheets' own defaults are used
 * rather than null where Apps Script does not document null as "reset" (font size, wrap).
 */
export const PAINTED = {
  fontWeight: null as 'bold' | null,
  fontStyle: null as 'italic' | null,
  fontSize: 10 as number,
  horizontal: null as string | null,
  vertical: null as string | null,
  wrap: false as boolean,
  background: null as string | null,
};
export type Painted = keyof typeof PAINTED;
export const PAINTED_PROPERTIES = Object.keys(PAINTED) as Painted[];

/** The group property each painted property comes from. */
const PAINTED_FROM: Record<Painted, GroupProperty> = {
  fontWeight: 'bold',
  fontStyle: 'italic',
  fontSize: 'fontSize',
  horizontal: 'horizontal',
  vertical: 'vertical',
  wrap: 'wrap',
  background: 'background',
};

/** The value a group gives a painted property ('bold' for bold: true, …). */
function paintedValue(property: Painted, value: string | number | boolean): string | number | boolean {
  if (property === 'fontWeight') return 'bold';
  if (property === 'fontStyle') return 'italic';
  return value;
}

/** Properties drawn as groups (RangeList calls) rather than painted: no per-cell setter, or no documented reset. */
export const GROUPED = ['underline', 'numberFormat', 'borders'] as const;
export type Grouped = (typeof GROUPED)[number];

/** Which grouped kind a group property belongs to (borders and outlines are both borders). */
export function groupedKind(property: GroupProperty): Grouped | undefined {
  if (property === 'borders' || property === 'outline') return 'borders';
  if (property === 'underline' || property === 'numberFormat') return property;
  return undefined;
}

/** Border sides of a cell as bits, so a whole tab's borders compare as numbers. */
const TOP = 1;
const LEFT = 2;
const BOTTOM = 4;
const RIGHT = 8;

export type Cell<T> = T[][];

/** A layout cell by cell (rows × columns of the drawn tab), with its row heights and merges. */
export interface LayoutCells {
  rows: number;
  columns: number;
  painted: Record<Painted, Cell<string | number | boolean | null>>;
  underline: Cell<boolean>;
  numberFormat: Cell<string | null>;
  /** Border sides per cell (bits: top 1, left 2, bottom 4, right 8). */
  borders: Cell<number>;
  checkbox: Cell<boolean>;
  /** Height of every row (px). */
  heights: number[];
  merges: Rect[];
}

function grid<T>(rows: number, columns: number, value: T): Cell<T> {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

/** The rows and columns a layout's tab has: every cell it writes, formats or sizes. */
export function layoutSize(layout: Layout): { rows: number; columns: number } {
  const rows = Math.max(
    layout.values.length,
    ...layout.formats.map((f) => f.row + f.rows - 1),
    ...(layout.rowHeights ?? []).map((h) => h.row + h.rows - 1),
  );
  return { rows, columns: Math.max(layout.values[0]?.length ?? 1, layout.widths.length) };
}

/** A tab with nothing drawn on it, of the given size. */
export function blankCells(rows: number, columns: number, height = DEFAULT_ROW_HEIGHT): LayoutCells {
  const painted = {} as LayoutCells['painted'];
  for (const p of PAINTED_PROPERTIES) painted[p] = grid(rows, columns, PAINTED[p]);
  return {
    rows,
    columns,
    painted,
    underline: grid(rows, columns, false),
    numberFormat: grid(rows, columns, null),
    borders: grid(rows, columns, 0),
    checkbox: grid(rows, columns, false),
    heights: new Array<number>(rows).fill(height),
    merges: [],
  };
}

function eachCell(r: Rect, cells: LayoutCells, visit: (row: number, column: number) => void): void {
  for (let i = r.row - 1; i < Math.min(cells.rows, r.row - 1 + r.rows); i++)
    for (let j = r.column - 1; j < Math.min(cells.columns, r.column - 1 + r.columns); j++) visit(i, j);
}

/**
 * What setBorder(top, left, bottom, right, vertical, horizontal) does to each cell of a range:
 * the range's edges take the outer flags, the lines between its cells the inner ones; false takes
 * a side away.
 */
function applyBorder(cells: LayoutCells, r: Rect, all: boolean): void {
  const set = (i: number, j: number, bit: number, on: boolean) =>
    (cells.borders[i][j] = on ? cells.borders[i][j] | bit : cells.borders[i][j] & ~bit);
  eachCell(r, cells, (i, j) => {
    const [firstRow, lastRow] = [i === r.row - 1, i === r.row + r.rows - 2];
    const [firstColumn, lastColumn] = [j === r.column - 1, j === r.column + r.columns - 2];
    // The outer edges are always drawn; the inner lines only by a full grid ('borders'), never by an outline.
    set(i, j, TOP, firstRow || all);
    set(i, j, BOTTOM, lastRow || all);
    set(i, j, LEFT, firstColumn || all);
    set(i, j, RIGHT, lastColumn || all);
  });
}

/** Merges as the renderer makes them: single rows of the same span on consecutive rows coalesce into one mergeAcross. */
export interface MergeRun extends Rect {
  across: boolean;
}

export function mergeRuns(formats: readonly BlockFormat[]): MergeRun[] {
  const singles = formats
    .filter((f) => f.merge && f.rows === 1 && f.columns > 1)
    .sort((a, b) => a.column - b.column || a.columns - b.columns || a.row - b.row);
  const runs: MergeRun[] = [];
  for (const f of singles) {
    const last = runs[runs.length - 1];
    if (last && last.column === f.column && last.columns === f.columns && last.row + last.rows === f.row) last.rows++;
    else runs.push({ row: f.row, column: f.column, rows: 1, columns: f.columns, across: true });
  }
  for (const f of formats)
    if (f.merge && f.rows > 1)
      runs.push({ row: f.row, column: f.column, rows: f.rows, columns: f.columns, across: false });
  return runs;
}

/** The merged cells a set of merge runs leaves (mergeAcross makes one per row). */
function mergedRects(runs: readonly MergeRun[]): Rect[] {
  return runs.flatMap((m) =>
    m.across
      ? Array.from({ length: m.rows }, (_, i) => ({ row: m.row + i, column: m.column, rows: 1, columns: m.columns }))
      : [{ row: m.row, column: m.column, rows: m.rows, columns: m.columns }],
  );
}

/** The layout cell by cell, as the renderer leaves a fresh tab (checkboxes, groups, merges, backgrounds, heights). */
export function layoutCells(layout: Layout): LayoutCells {
  const { rows, columns } = layoutSize(layout);
  const cells = blankCells(rows, columns, layout.defaultRowHeight ?? DEFAULT_ROW_HEIGHT);
  for (const b of layout.checkboxes ?? [])
    eachCell({ ...b, columns: 1 }, cells, (i, j) => (cells.checkbox[i][j] = true));
  for (const g of formatGroups(layout.formats)) {
    for (const r of g.ranges) {
      if (g.property === 'borders' || g.property === 'outline') applyBorder(cells, r, g.property === 'borders');
      else if (g.property === 'underline') eachCell(r, cells, (i, j) => (cells.underline[i][j] = true));
      else if (g.property === 'numberFormat')
        eachCell(r, cells, (i, j) => (cells.numberFormat[i][j] = String(g.value)));
      else {
        const p = paintedOf(g.property);
        eachCell(r, cells, (i, j) => (cells.painted[p][i][j] = paintedValue(p, g.value)));
      }
    }
  }
  for (const b of layout.backgrounds ?? [])
    b.colors.forEach((line, i) =>
      line.forEach((color, j) => {
        if (b.row + i <= rows && b.column + j <= columns)
          cells.painted.background[b.row - 1 + i][b.column - 1 + j] = color;
      }),
    );
  for (const h of layout.rowHeights ?? [])
    for (let r = h.row; r < h.row + h.rows && r <= rows; r++) cells.heights[r - 1] = h.height;
  cells.merges = mergedRects(mergeRuns(layout.formats));
  return cells;
}

function paintedOf(property: GroupProperty): Painted {
  const found = PAINTED_PROPERTIES.find((p) => PAINTED_FROM[p] === property);
  if (!found) throw new Error(`not a painted property: ${property}`);
  return found;
}

/**
 * A layout drawn a band of rows at a time (a tab too large for one execution): where the band that
 * starts at `from` ends, at most `maxRows` rows on, but never inside a merge or an outline, whose
 * look depends on the whole block (a block taller than `maxRows` makes its band longer).
 */
export function bandEnd(layout: Layout, from: number, maxRows: number): number {
  const total = layoutSize(layout).rows;
  const whole = layout.formats.filter((f) => f.rows > 1 && (f.merge || f.borders === 'outline'));
  let to = Math.min(total, from + Math.max(1, maxRows) - 1);
  // Shrink the band to end before a block it would cut; one that starts at its first row, it takes in
  // whole (and, once grown, it only grows, so the loop ends).
  let grown = false;
  for (;;) {
    const cut = whole.find((f) => f.row <= to && f.row + f.rows - 1 > to);
    if (!cut) return to;
    if (!grown && cut.row > from) to = cut.row - 1;
    else {
      to = cut.row + cut.rows - 1;
      grown = true;
    }
  }
}

/** A range's rows within the band from..to, or undefined when it has none there. */
export function clipRows<R extends { row: number; rows: number }>(r: R, from: number, to: number): R | undefined {
  const first = Math.max(r.row, from);
  const last = Math.min(r.row + r.rows - 1, to);
  return last < first ? undefined : { ...r, row: first, rows: last - first + 1 };
}
