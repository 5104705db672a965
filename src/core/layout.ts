/**
 * A generated tab described as data: values plus the formatting the shell renders in a handful
 * of block calls. Core modules build layouts; src/shell/render.ts draws them.
 */
import { heightForLines, wrappedLines } from './printPages';
import type { CellValue, Grid, Lang } from './types';

/** The background of table header rows on every generated report tab. */
export const TABLE_HEADER_BG = '#d9e2f3';

export interface BlockFormat {
  /** 1-based first row and column, and size. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  bold?: boolean;
  background?: string;
  fontSize?: number;
  wrap?: boolean;
  numberFormat?: string;
  italic?: boolean;
  underline?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** Merge the block into one cell. */
  merge?: boolean;
  /** Thin borders around and inside the block; 'outline' draws the outside and takes out the inside lines. */
  borders?: boolean | 'outline';
}

/** Rows drawn at one height (pixels), e.g. room to sign. */
export interface RowHeights {
  row: number;
  rows: number;
  height: number;
}

/** Per-cell colours for one block, drawn in a single call. */
export interface BackgroundBlock {
  row: number;
  column: number;
  colors: string[][];
}

/** A chart drawn from blocks of the same tab (first row of each block = headers). */
export interface ChartSpec {
  type: 'COLUMN' | 'BAR' | 'PIE';
  title: string;
  ranges: Array<{ row: number; column: number; rows: number; columns: number }>;
  /** Top-left cell the chart is anchored to: blank rows reserved for it (see `reserveChart`). */
  anchor: { row: number; column: number };
  /** Size in pixels; the rows reserved at the anchor are at least this tall. */
  width: number;
  height: number;
  stacked?: boolean;
  /** Format of the value axis, e.g. '0%'; counts get '0' and whole-number gridlines. */
  valueFormat?: string;
  /** Gridlines on the value axis, chosen so that counts show whole numbers only. */
  gridlines?: number;
  legend?: 'none' | 'bottom' | 'right';
}

/**
 * The chart's options as Sheets takes them (EmbeddedChartBuilder.setOption). The value axis is
 * the horizontal one on a bar chart and the vertical one on a column chart.
 */
export function chartOptions(spec: ChartSpec): Record<string, unknown> {
  const options: Record<string, unknown> = { title: spec.title, width: spec.width, height: spec.height };
  if (spec.stacked) options.isStacked = true;
  if (spec.legend) options.legend = { position: spec.legend };
  if (spec.type !== 'PIE') {
    const valueAxis: Record<string, unknown> = { format: spec.valueFormat ?? '0', viewWindow: { min: 0 } };
    if (spec.gridlines) valueAxis.gridlines = { count: spec.gridlines };
    options[spec.type === 'BAR' ? 'hAxis' : 'vAxis'] = valueAxis;
    // Category labels at a fixed readable size, one per bar.
    options[spec.type === 'BAR' ? 'vAxis' : 'hAxis'] = { textStyle: { fontSize: 9 } };
  }
  return options;
}

/** Sheets' default row height: reserved chart rows are left at it. */
export const DEFAULT_ROW_HEIGHT = 21;

/** The blank rows a chart of `height` px needs, plus one to breathe. */
export function chartRows(height: number): number {
  return Math.ceil(height / DEFAULT_ROW_HEIGHT) + 1;
}

/**
 * Gridlines for a count axis whose largest value is `max`: one per whole number up to 5, so the
 * axis never shows 0.3 or 0.8 of a candidate; above that Sheets' own steps are whole already.
 */
export function countGridlines(max: number): number | undefined {
  return max <= 5 ? Math.max(1, max) + 1 : undefined;
}

/**
 * How tall a chart must be to print one category label per line without overlap (bar charts list
 * categories down the side), within what fits on a printed landscape page under a section title.
 */
export function barChartHeight(labels: number): number {
  return Math.min(MAX_CHART_HEIGHT, Math.max(220, 90 + 20 * labels));
}

/** A chart of this height (and its blank rows) fits on an A4 landscape page below the tab's title. */
export const MAX_CHART_HEIGHT = 500;

export interface Layout {
  values: Grid;
  formats: BlockFormat[];
  backgrounds?: BackgroundBlock[];
  rowHeights?: RowHeights[];
  /** Checkbox cells (1-column blocks); their values are the booleans in `values`. */
  checkboxes?: Array<{ row: number; column: number; rows: number }>;
  /** The height (px) of every row not listed in `rowHeights`; Sheets' own 21 px when absent. */
  defaultRowHeight?: number;
  charts?: ChartSpec[];
  /** Pixel width per column. */
  widths: number[];
  frozenRows: number;
  /** A note on A1 saying the tab is generated (a note is not printed). */
  note: string;
  /** A report's "Dibuat …" line: the row the "perlu diperbarui" notice replaces when its sources change. */
  stamp?: { row: number; lang: Lang };
}

/** Pad every row to the same width (setValues needs a rectangle). */
export function rectangular(rows: Grid): Grid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1); // no spread: tables can have 50,000 rows
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array(width - r.length).fill('')]));
}

/** A format for one row pushed on a builder (column 1 onwards; as wide as the row unless `columns` says). */
export type RowFormat = Omit<BlockFormat, 'row' | 'column' | 'rows' | 'columns'> & { columns?: number };

/** Builds a report tab row by row, keeping each row's format next to it. */
export interface LayoutBuilder {
  rows: Grid;
  formats: BlockFormat[];
  /** Adds a row; returns its 1-based row number. */
  push(row: CellValue[], format?: RowFormat): number;
  /** A line of text across the page width, wrapped, as tall as it needs (at least `minLines`). */
  text(line: string, format?: RowFormat, minLines?: number): number;
  /** A blank row and a section title. */
  section(title: string): void;
  /**
   * Blank rows for a chart of `height` px above the table it draws; returns the first row. On a
   * printed page the block starts a new page rather than being cut by a page break.
   */
  reserveChart(height: number): number;
  /** A table header row; returns its row number. */
  header(cells: CellValue[], format?: RowFormat): number;
  /** Rows whose height differs from Sheets' default, as runs (one call each). */
  rowHeights(): RowHeights[];
}

/** How a report will be printed: its column widths and the printable height of a page (px). */
export interface PrintFrame {
  widths: readonly number[];
  pageHeight: number;
}

/** The height a pushed row needs: wrapped text measured against its columns, else one line. */
function neededHeight(row: readonly CellValue[], format: RowFormat | undefined, frame: PrintFrame): number {
  const fontPt = format?.fontSize ?? 10;
  // One line up to 12 pt fits Sheets' default row (no call); a larger title gets its own height.
  const oneLine = fontPt <= 12 ? DEFAULT_ROW_HEIGHT : heightForLines(1, fontPt);
  if (!format?.wrap) return oneLine;
  const bold = format.bold === true;
  const text = (c: CellValue | undefined) => (typeof c === 'string' ? c.replace(/^'/, '') : String(c ?? ''));
  if (format.merge) {
    const width = frame.widths.slice(0, format.columns ?? row.length).reduce((a, w) => a + w, 0);
    return Math.max(oneLine, heightForLines(wrappedLines(text(row[0]), width, fontPt, bold), fontPt));
  }
  const lines = row.map((c, i) => (text(c) === '' ? 1 : wrappedLines(text(c), frame.widths[i] ?? 100, fontPt, bold)));
  return Math.max(oneLine, heightForLines(Math.max(1, ...lines), fontPt));
}

/**
 * A builder for report tabs. Given a print frame it also sets the height of every row it can
 * measure (titles, notes, headers) and keeps each chart's blank block on one printed page; rows
 * of data are left to Sheets, which grows a wrapped row to fit.
 */
export function layoutBuilder(frame?: PrintFrame): LayoutBuilder {
  const heights: number[] = [];
  /** Height of the printed page so far (a row that does not fit starts the next page). */
  let pageFill = 0;
  const place = (height: number) => {
    heights.push(height);
    pageFill = pageFill + height > (frame?.pageHeight ?? Infinity) ? height : pageFill + height;
  };
  const b: LayoutBuilder = {
    rows: [],
    formats: [],
    push(row, format) {
      b.rows.push(row);
      if (format)
        b.formats.push({
          row: b.rows.length,
          column: 1,
          rows: 1,
          columns: format.columns ?? Math.max(1, row.length),
          ...format,
        });
      place(frame ? neededHeight(row, format, frame) : DEFAULT_ROW_HEIGHT);
      return b.rows.length;
    },
    text(line, format, minLines = 1) {
      const columns = frame?.widths.length ?? 1;
      const at = b.push([line], { merge: columns > 1, wrap: true, vertical: 'top', columns, ...format });
      heights[at - 1] = Math.max(heights[at - 1], heightForLines(minLines, format?.fontSize ?? 10));
      return at;
    },
    section(title) {
      b.push([]);
      b.push([title], { bold: true, fontSize: 11 });
    },
    reserveChart(height) {
      const rows = chartRows(height);
      if (frame && pageFill + rows * DEFAULT_ROW_HEIGHT > frame.pageHeight && pageFill > 0) {
        // Fill the page (less a margin for rounding) so the chart's block starts the next one.
        b.rows.push([]);
        place(Math.max(2, frame.pageHeight - pageFill - 2));
      }
      const at = b.rows.length + 1;
      for (let i = 0; i < rows; i++) b.push([]);
      return at;
    },
    header(cells, format) {
      // Labels wrap within their column rather than being cut ("Tidak Lul…"); the row is as tall as they need.
      return b.push(cells, {
        bold: true,
        background: TABLE_HEADER_BG,
        wrap: true,
        vertical: 'middle',
        fontSize: 9,
        ...format,
      });
    },
    rowHeights() {
      const runs: RowHeights[] = [];
      heights.forEach((height, i) => {
        if (height === DEFAULT_ROW_HEIGHT) return;
        const last = runs[runs.length - 1];
        if (last && last.height === height && last.row + last.rows === i + 1) last.rows++;
        else runs.push({ row: i + 1, rows: 1, height });
      });
      return runs;
    },
  };
  return b;
}
