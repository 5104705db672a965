/**
 * Drawing many tabs of one kind from a template. A tab is a copy of a template tab (one call:
 * insertSheet with { template }) that keeps the template's top rows, as many of its middle rows as
 * the tab needs, and its bottom rows; then only what differs from that copy is drawn. Which
 * differences there are is decided here, cell by cell (core/layoutCells.ts), so a copy plus its
 * patch always equals the tab drawn from nothing — the patch of a fresh tab against a blank sheet
 * is the whole drawing.
 *
 * Attendance sheets are the case in point: their header and closing blocks (the merged lines) are
 * the same from one session to the next, and the table pages between them differ only in how many
 * rows there are, so a copy of the longest sheet, cut to length, needs its values and little else.
 */
import {
  blankCells,
  type Cell,
  type FormatGroup,
  GROUPED,
  type Grouped,
  groupedKind,
  type LayoutCells,
  PAINTED_PROPERTIES,
  type Painted,
  type Rect,
} from './layoutCells';
import type { Layout, RowHeights } from './layout';
import type { CellValue } from './types';

/** Rows at the top and the bottom of a layout that tabs of the same kind share; the rows between may differ. */
export interface FrameRows {
  top: number;
  bottom: number;
}

/** What must be drawn on a tab that starts as `base` to make it the target. */
export interface Patch {
  /** Template rows the tab does not need (part of the template's middle). */
  deleteRows?: { row: number; count: number };
  /** Properties written cell by cell over the whole tab (one call each). */
  paint: Painted[];
  /** Whether the checkbox cells must be written (one call). */
  checkboxes: boolean;
  /** Grouped formats to take off (when the base has some) and draw again from the target's groups. */
  regroup: Array<{ kind: Grouped; reset: boolean }>;
  /** Merges to make (a fresh tab only: copies share theirs with the template). */
  merges: boolean;
  /** Row heights to set, as runs. */
  heights: RowHeights[];
}

/**
 * The template a layout can be copied from, as a key: tabs with the same key have the same size of
 * top and bottom, merges there, columns and widths, so a copy of one, cut to length, has the
 * other's structure. Undefined for a layout that cannot be copied (a merge or a chart among the
 * rows that vary).
 */
export function templateKey(layout: Layout, cells: LayoutCells, frame: FrameRows): string | undefined {
  const middleEnd = cells.rows - frame.bottom;
  if (middleEnd < frame.top || (layout.charts ?? []).length > 0) return undefined;
  const inTop = (m: Rect) => m.row + m.rows - 1 <= frame.top;
  const inBottom = (m: Rect) => m.row > middleEnd;
  if (!cells.merges.every((m) => inTop(m) || inBottom(m))) return undefined;
  return JSON.stringify({
    frame,
    columns: cells.columns,
    widths: layout.widths,
    frozenRows: layout.frozenRows,
    top: cells.merges.filter(inTop),
    bottom: cells.merges.filter(inBottom).map((m) => ({ ...m, row: m.row - middleEnd })),
  });
}

/** The rows of `template` a copy for a tab of `rows` rows keeps: its top, the first middle rows, its bottom. */
function keptRows(templateRows: number, rows: number, frame: FrameRows): number[] {
  const middle = rows - frame.top - frame.bottom;
  const index = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  return [...index(0, frame.top + middle), ...index(templateRows - frame.bottom, frame.bottom)];
}

/** The template as the copy for `rows` rows sees it once the unneeded middle rows are deleted. */
function copyOf(template: LayoutCells, rows: number, frame: FrameRows): LayoutCells {
  const kept = keptRows(template.rows, rows, frame);
  const pick = <T>(g: Cell<T>) => kept.map((r) => g[r]);
  const painted = {} as LayoutCells['painted'];
  for (const p of PAINTED_PROPERTIES) painted[p] = pick(template.painted[p]);
  return {
    rows,
    columns: template.columns,
    painted,
    underline: pick(template.underline),
    numberFormat: pick(template.numberFormat),
    borders: pick(template.borders),
    checkbox: pick(template.checkbox),
    heights: kept.map((r) => template.heights[r]),
    merges: [], // equal to the target's by the key
  };
}

const differ = <T>(a: Cell<T>, b: Cell<T>) => a.some((row, i) => row.some((v, j) => v !== b[i][j]));

const anyOf = <T>(g: Cell<T>, blank: T) => g.some((row) => row.some((v) => v !== blank));

/** Row heights that differ from the base, as runs of equal height (one call each). */
function heightRuns(target: readonly number[], base: readonly number[], from = 0): RowHeights[] {
  const runs: RowHeights[] = [];
  target.forEach((height, i) => {
    if (i < from || height === base[i]) return;
    const last = runs[runs.length - 1];
    if (last && last.height === height && last.row + last.rows === i + 1) last.rows++;
    else runs.push({ row: i + 1, rows: 1, height });
  });
  return runs;
}

/** Grouped kinds whose cells differ, and whether the base has any of them to take off first. */
function regroups(target: LayoutCells, base: LayoutCells): Patch['regroup'] | undefined {
  const out: Patch['regroup'] = [];
  const pairs: Record<Grouped, [Cell<unknown>, Cell<unknown>, unknown]> = {
    underline: [target.underline, base.underline, false],
    numberFormat: [target.numberFormat, base.numberFormat, null],
    borders: [target.borders, base.borders, 0],
  };
  for (const kind of GROUPED) {
    const [t, b, blank] = pairs[kind];
    if (!differ(t, b)) continue;
    // Apps Script has no way to put a number format back to automatic: such a tab is drawn afresh.
    if (kind === 'numberFormat' && t.some((row, i) => row.some((v, j) => v === blank && b[i][j] !== blank)))
      return undefined;
    out.push({ kind, reset: kind !== 'numberFormat' && anyOf(b, blank) });
  }
  return out;
}

/**
 * The patch that turns a copy of `template` (cut to the target's length) into the target, or
 * undefined when the template is shorter than the target or the difference cannot be drawn.
 */
export function copyPatch(target: LayoutCells, template: LayoutCells, frame: FrameRows): Patch | undefined {
  const surplus = template.rows - target.rows;
  if (surplus < 0 || target.columns !== template.columns) return undefined;
  const base = copyOf(template, target.rows, frame);
  const regroup = regroups(target, base);
  if (!regroup) return undefined;
  return {
    deleteRows: surplus > 0 ? { row: target.rows - frame.bottom + 1, count: surplus } : undefined,
    paint: PAINTED_PROPERTIES.filter((p) => differ(target.painted[p], base.painted[p])),
    checkboxes: differ(target.checkbox, base.checkbox),
    regroup,
    merges: false,
    heights: heightRuns(target.heights, base.heights),
  };
}

/**
 * The whole drawing of a tab on a fresh sheet. Every painted property is written, even one the
 * layout leaves at its default, so that every tab drawn this way or copied from one has the same
 * cells whichever template it came from. `defaultHeight` is set on every row first (one call), so
 * only rows of another height need their own.
 */
export function freshPatch(target: LayoutCells, defaultHeight: number | undefined): Patch {
  const blank = blankCells(target.rows, target.columns);
  // Nothing is drawn on a fresh sheet yet, so nothing is taken off and no number format is in the way.
  const regroup = regroups(target, blank) ?? [];
  const heights: RowHeights[] = defaultHeight ? [{ row: 1, rows: target.rows, height: defaultHeight }] : [];
  const base = defaultHeight ? new Array<number>(target.rows).fill(defaultHeight) : blank.heights;
  return {
    paint: [...PAINTED_PROPERTIES],
    checkboxes: anyOf(target.checkbox, false),
    regroup,
    merges: target.merges.length > 0,
    heights: [...heights, ...heightRuns(target.heights, base)],
  };
}

/** The service calls a patch costs on top of a copy's fixed ones (values, notes, name): to choose the cheapest source. */
export function patchCalls(patch: Patch, groups: readonly FormatGroup[]): number {
  const regroup = patch.regroup.reduce(
    (n, r) => n + (r.reset ? 1 : 0) + 2 * groups.filter((g) => groupedKind(g.property) === r.kind).length,
    0,
  );
  return (patch.deleteRows ? 1 : 0) + patch.paint.length + (patch.checkboxes ? 1 : 0) + regroup + patch.heights.length;
}

/** A block of values to write in one call: its top-left cell (1-based) and its rows. */
export interface ValueBlock {
  row: number;
  column: number;
  values: CellValue[][];
}

/**
 * What a call costs in cells written, in the bench's model (scripts/bench.ts: 5 ms a call, 0.1 ms
 * a cell): writing a block costs two calls (its range and its values) plus its cells, so a block
 * is split off only where it saves more than 100 cells of blanks or of values the copy already has.
 */
export const CELLS_PER_CALL = 50;

const sameValue = (a: CellValue, b: CellValue) =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

/**
 * At most this many value blocks per tab: the calls of a tab stay the same however many pages of
 * participants it has (a third block would save a few blanks, at two calls).
 */
export const MAX_VALUE_BLOCKS = 2;

/**
 * The blocks that turn `base` into `target` (both as written: every row as wide as the tab): at
 * most MAX_VALUE_BLOCKS, the cheapest in calls and cells (see CELLS_PER_CALL) among those that cut
 * the rows into runs, each run one block over the columns where its rows differ. Every cell that
 * differs is in a block; a cell in a block that is already equal is written again with its own
 * value. Without a base (a fresh sheet) the whole target is one block.
 */
export function valueBlocks(
  target: readonly (readonly CellValue[])[],
  base?: readonly (readonly CellValue[])[],
): ValueBlock[] {
  if (!base) return target.length ? [{ row: 1, column: 1, values: target.map((r) => [...r]) }] : [];
  const rows: Array<{ row: number; from: number; to: number }> = [];
  target.forEach((cells, r) => {
    let from = -1;
    let to = -1;
    cells.forEach((v, c) => {
      if (sameValue(v, base[r]?.[c] ?? '')) return;
      if (from < 0) from = c;
      to = c;
    });
    if (from >= 0) rows.push({ row: r, from, to });
  });
  if (rows.length === 0) return [];
  // cover[k][j]: the cheapest cover of the first j rows that differ by k blocks, and where its last
  // block starts (rows i..j-1 as one block, its columns widened as i goes up: one pass per j).
  const none = { cost: Infinity, start: 0 };
  const cover = [rows.map((_, j) => (j === 0 ? { cost: 0, start: 0 } : none)).concat(none)];
  for (let k = 1; k <= MAX_VALUE_BLOCKS; k++) {
    const row = [none];
    for (let j = 1; j <= rows.length; j++) {
      let pick = none;
      let from = Infinity;
      let to = -1;
      for (let i = j - 1; i >= 0; i--) {
        from = Math.min(from, rows[i].from);
        to = Math.max(to, rows[i].to);
        const cost = cover[k - 1][i].cost + 2 * CELLS_PER_CALL + (rows[j - 1].row - rows[i].row + 1) * (to - from + 1);
        if (cost < pick.cost) pick = { cost, start: i };
      }
      row.push(pick);
    }
    cover.push(row);
  }
  let k = 1;
  for (let m = 2; m <= MAX_VALUE_BLOCKS; m++) if (cover[m][rows.length].cost < cover[k][rows.length].cost) k = m;
  const blocks: ValueBlock[] = [];
  for (let j = rows.length; k > 0; k--) {
    const i = cover[k][j].start;
    const run = rows.slice(i, j);
    const [first, last] = [run[0].row, run[run.length - 1].row];
    const from = Math.min(...run.map((r) => r.from));
    const to = Math.max(...run.map((r) => r.to));
    blocks.unshift({
      row: first + 1,
      column: from + 1,
      values: target.slice(first, last + 1).map((r) => r.slice(from, to + 1)),
    });
    j = i;
  }
  return blocks;
}

/** The values a copy of a template whose values are `template` has once cut to `rows` rows (see copyPatch). */
export function copiedValues(
  template: readonly (readonly CellValue[])[],
  rows: number,
  frame: FrameRows,
): Array<readonly CellValue[]> {
  return keptRows(template.length, rows, frame).map((r) => template[r]);
}
