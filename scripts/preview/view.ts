/**
 * What the page draws for one tab: display values and formats of the first `rows` rows, merges,
 * sizes, frozen rows, notes, checkboxes and the tab's charts with their data. Plain JSON; the page
 * puts every text in with textContent.
 */
import { columnToLetters, parseA1, type SheetModel, type Workbook } from '../../emulator';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  background?: string;
  align?: string;
  valign?: string;
  wrap?: boolean;
  /** Wrap strategy CLIP: the text is cut at the cell's edge instead of overflowing. */
  clip?: boolean;
  strike?: boolean;
  /** CSS border shorthands per side. */
  borders?: { top?: string; right?: string; bottom?: string; left?: string };
}

/** [text, style index, note, flags]: flags 1 = checkbox, 2 = checked, 4 = number (right-aligned by default). */
export type CellOut = [string, number, string, number] | null;

export interface ChartOut {
  type: string;
  title: string;
  stacked: boolean;
  percent: boolean;
  anchor: { row: number; col: number };
  /** Pixels: the chart's width and height options, else Sheets' default 600 × 371. */
  width: number;
  height: number;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

export interface SheetView {
  name: string;
  /** The sheet's id: a tab deleted and made again under the same name is another sheet. */
  id: number;
  index: number;
  frozenRows: number;
  frozenColumns: number;
  /** Rows the sheet has data (or formats) in, and how many are sent. */
  totalRows: number;
  shownRows: number;
  columns: string[];
  colWidths: number[];
  rowHeights: number[];
  merges: Array<{ row: number; col: number; rows: number; cols: number }>;
  styles: CellStyle[];
  cells: CellOut[][];
  charts: ChartOut[];
  tabColor: string | null;
}

export interface BookView {
  name: string;
  /** `form`: a Google Form writes to the tab (Sheet.getFormUrl); the page links to the candidate's form. */
  tabs: Array<{ name: string; id: number; color: string | null; hidden: boolean; form: boolean }>;
  active: string;
}

const BORDER_CSS: Record<string, string> = {
  SOLID: '1px solid',
  SOLID_MEDIUM: '2px solid',
  SOLID_THICK: '3px solid',
  DASHED: '1px dashed',
  DOTTED: '1px dotted',
  DOUBLE: '3px double',
};

export function bookView(wb: Workbook): BookView {
  return {
    name: wb.name,
    tabs: wb.sheets.map((s) => ({ name: s.name, id: s.id, color: s.tabColor, hidden: s.hidden, form: !!s.formUrl })),
    active: wb.activeSheet?.name ?? '',
  };
}

/** The extent with anything to see in it (values, colours, borders, notes; not bare dropdowns). */
function extent(sheet: SheetModel): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    for (let c = row.length; c >= 1; c--) {
      const cell = row[c - 1];
      if (
        cell &&
        (cell.value !== '' ||
          cell.formula ||
          (cell.background && cell.background !== '#ffffff') ||
          cell.border ||
          cell.note)
      ) {
        rows = r + 1;
        cols = Math.max(cols, c);
        break;
      }
    }
  });
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.row + m.numRows - 1);
    cols = Math.max(cols, m.col + m.numCols - 1);
  }
  return { rows, cols };
}

export function sheetView(wb: Workbook, name: string, limit: number): SheetView | null {
  const sheet = wb.sheet(name);
  if (!sheet) return null;
  const used = extent(sheet);
  // Like Sheets: the grid goes on past the data, up to the sheet's size.
  const totalRows = Math.min(sheet.maxRows, Math.max(used.rows + 20, 50));
  const shownRows = Math.min(totalRows, Math.max(limit, sheet.frozenRows));
  const numCols = Math.min(sheet.maxCols, Math.max(used.cols + 2, 26));
  const styles: CellStyle[] = [{}];
  const styleIndex = new Map<string, number>([['{}', 0]]);
  const cells: CellOut[][] = [];
  for (let r = 1; r <= shownRows; r++) {
    const line: CellOut[] = [];
    for (let c = 1; c <= numCols; c++) {
      const data = sheet.getCell(r, c);
      if (!data) {
        line.push(null);
        continue;
      }
      const style = cellStyle(data);
      const key = JSON.stringify(style);
      let index = styleIndex.get(key);
      if (index === undefined) {
        index = styles.push(style) - 1;
        styleIndex.set(key, index);
      }
      const checkbox = data.dataValidation?.criteria === 'CHECKBOX';
      const flags =
        (checkbox ? 1 : 0) |
        (data.value === true ? 2 : 0) |
        (typeof data.value === 'number' || data.value instanceof Date ? 4 : 0);
      const text = checkbox ? '' : sheet.displayValue(r, c) || (data.formula ?? '');
      line.push([text, index, data.note ?? '', flags]);
    }
    cells.push(line);
  }
  return {
    name: sheet.name,
    id: sheet.id,
    index: wb.sheets.indexOf(sheet),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    totalRows,
    shownRows,
    columns: Array.from({ length: numCols }, (_, i) => columnToLetters(i + 1)),
    colWidths: Array.from({ length: numCols }, (_, i) => sheet.columnWidth(i + 1)),
    rowHeights: Array.from({ length: shownRows }, (_, i) => sheet.rowHeight(i + 1)),
    merges: sheet.merges
      .filter((m) => m.row <= shownRows)
      .map((m) => ({ row: m.row, col: m.col, rows: m.numRows, cols: m.numCols })),
    styles,
    cells,
    charts: sheet.charts.map((chart) => chartView(sheet, chart)),
    tabColor: sheet.tabColor,
  };
}

function cellStyle(data: NonNullable<ReturnType<SheetModel['getCell']>>): CellStyle {
  const s: CellStyle = {};
  if (data.fontWeight === 'bold') s.bold = true;
  if (data.fontStyle === 'italic') s.italic = true;
  if (data.fontSize && data.fontSize !== 10) s.size = data.fontSize;
  if (data.fontColor && data.fontColor !== '#000000') s.color = data.fontColor;
  if (data.background && data.background !== '#ffffff') s.background = data.background;
  if (data.horizontalAlignment && data.horizontalAlignment !== 'general')
    s.align = data.horizontalAlignment.toLowerCase().replace('general-', '');
  if (data.verticalAlignment && data.verticalAlignment !== 'bottom') s.valign = data.verticalAlignment.toLowerCase();
  if (data.wrap || data.wrapStrategy === 'WRAP') s.wrap = true;
  else if (data.wrapStrategy === 'CLIP') s.clip = true;
  if (data.fontLine === 'line-through') s.strike = true;
  if (data.border) {
    const b: NonNullable<CellStyle['borders']> = {};
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const edge = data.border[side];
      if (edge) b[side] = `${BORDER_CSS[edge.style] ?? '1px solid'} ${edge.color || '#000000'}`;
    }
    s.borders = b;
  }
  return s;
}

function number(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(',', '.').replace('%', ''));
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

/** The chart's ranges side by side: first column labels, the others series; first row headers. */
function chartView(sheet: SheetModel, chart: SheetModel['charts'][number]): ChartOut {
  const columns: Array<{ header: string; cells: unknown[]; text: string[] }> = [];
  for (const a1 of chart.ranges) {
    const rect = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!rect) continue;
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const cells: unknown[] = [];
      const text: string[] = [];
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        cells.push(sheet.getCell(r, c)?.value ?? '');
        text.push(sheet.displayValue(r, c));
      }
      columns.push({ header: text[0] ?? '', cells: cells.slice(1), text: text.slice(1) });
    }
  }
  const [labels, ...series] = columns;
  // The value axis is hAxis on a bar chart, vAxis otherwise.
  const valueAxis = chart.options[chart.type === 'BAR' ? 'hAxis' : 'vAxis'] as { format?: string } | undefined;
  const size = (key: string, fallback: number) =>
    typeof chart.options[key] === 'number' ? (chart.options[key] as number) : fallback;
  return {
    type: chart.type,
    title: String(chart.options.title ?? ''),
    stacked: chart.options.isStacked === true,
    percent: typeof valueAxis?.format === 'string' && valueAxis.format.includes('%'),
    anchor: { row: chart.position.row, col: chart.position.col },
    width: size('width', 600),
    height: size('height', 371),
    labels: labels?.text ?? [],
    series: series.map((s) => ({ name: s.header, values: s.cells.map(number) })),
  };
}
