/**
 * One embedded chart (a ChartModel) as a DrawingML chart part (`c:chartSpace`, the content of xl/charts/chartN.xml).
 *
 * Reading of the model, as Sheets draws it with `setNumHeaders(1)`: the columns of all ranges, side by side, are the
 * data table; the first row of each range is its header; the first column gives the categories and every other
 * column is one series (named by its header cell). Each reference carries a cache of the current values so viewers
 * draw the chart without recalculating. Options read: title, isStacked, legend, width/height (by the drawing),
 * hAxis/vAxis {title, format, minValue/maxValue, viewWindow {min, max}}. As in Google Charts, hAxis/vAxis are the horizontal/vertical axes: on a
 * BAR chart the value axis is hAxis.
 */
import { columnToLetters, parseA1 } from './a1';
import { isAutomaticFormat } from './format';
import type { ChartModel, SheetModel } from './workbook';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Sheets' default series colours, so the exported chart looks like the one in Sheets. */
const PALETTE = ['4285F4', 'EA4335', 'FBBC04', '34A853', 'FF6D01', '46BDC6', '7BAAF7', 'F07B72', 'FCD04F', '71C287'];

const CAT_AXIS_ID = 500000001;
const VAL_AXIS_ID = 500000002;

/** A reference to cells of the chart's sheet with the values they hold now. */
export interface CellsRef<T = string> {
  formula: string;
  /** One per cell; undefined for a cell without a number. */
  points: T[];
  formatCode: string;
}

export interface SeriesData {
  name?: CellsRef;
  categories?: CellsRef;
  values: CellsRef<number | undefined>;
}

interface Column {
  col: number;
  top: number; // first row of the range (header rows included)
  bottom: number;
}

interface AxisOptions {
  title?: string;
  format?: string;
  min?: number;
  max?: number;
}

export function escapeXml(s: string): string {
  return (
    s
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** `'Rekap Seleksi'!$A$5:$A$12`: the sheet name always quoted. */
export function sheetRef(sheetName: string, col: number, top: number, bottom: number): string {
  const letters = columnToLetters(col);
  const range = top === bottom ? `$${letters}$${top}` : `$${letters}$${top}:$${letters}$${bottom}`;
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

function columnsOf(sheet: SheetModel, chart: ChartModel): Column[] {
  return chart.ranges.flatMap((a1) => {
    const r = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!r) return [];
    return Array.from({ length: r.numCols }, (_, i) => ({ col: r.col + i, top: r.row, bottom: r.row + r.numRows - 1 }));
  });
}

/** Cells of one column of the chart's sheet; `name` is the sheet's name in the file (Excel cuts it to 31). */
interface ColumnCells {
  sheet: SheetModel;
  name: string;
  col: number;
  top: number;
  bottom: number;
}

function textRef({ sheet, name, col, top, bottom }: ColumnCells): CellsRef {
  const points: string[] = [];
  for (let r = top; r <= bottom; r++) points.push(sheet.displayValue(r, col));
  return { formula: sheetRef(name, col, top, bottom), points, formatCode: 'General' };
}

function numberRef({ sheet, name, col, top, bottom }: ColumnCells): CellsRef<number | undefined> {
  const points: Array<number | undefined> = [];
  for (let r = top; r <= bottom; r++) {
    const v = sheet.getCell(r, col)?.value;
    points.push(typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  }
  const format = sheet.getCell(top, col)?.numberFormat;
  const formatCode = format && !isAutomaticFormat(format) ? format : 'General';
  return { formula: sheetRef(name, col, top, bottom), points, formatCode };
}

/** The series the chart draws, with their references (on sheet `name`) and cached values. */
export function chartSeries(sheet: SheetModel, chart: ChartModel, name = sheet.name): SeriesData[] {
  const headers = Math.max(0, Math.floor(Number(chart.options.numHeaders ?? 1)) || 0);
  const columns = columnsOf(sheet, chart).filter((c) => c.bottom >= c.top + headers);
  if (columns.length === 0) return [];
  const cells = (c: Column, top: number, bottom: number) => ({ sheet, name, col: c.col, top, bottom });
  const [first, ...rest] = columns;
  const categories = rest.length ? textRef(cells(first, first.top + headers, first.bottom)) : undefined;
  const seriesColumns = rest.length ? rest : [first];
  return seriesColumns.map((c) => ({
    name: headers ? textRef(cells(c, c.top + headers - 1, c.top + headers - 1)) : undefined,
    categories,
    values: numberRef(cells(c, c.top + headers, c.bottom)),
  }));
}

// ---- XML pieces -------------------------------------------------------------------------------------------------

const val = (name: string, v: string | number) => `<c:${name} val="${escapeXml(String(v))}"/>`;

function strRef(ref: CellsRef): string {
  const pts = ref.points.map((p, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(p ?? ''))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(ref.formula)}</c:f><c:strCache>${val('ptCount', ref.points.length)}${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: CellsRef<number | undefined>): string {
  const pts = ref.points.map((p, i) => (p === undefined ? '' : `<c:pt idx="${i}"><c:v>${p}</c:v></c:pt>`)).join('');
  return (
    `<c:numRef><c:f>${escapeXml(ref.formula)}</c:f><c:numCache><c:formatCode>${escapeXml(ref.formatCode)}</c:formatCode>` +
    `${val('ptCount', ref.points.length)}${pts}</c:numCache></c:numRef>`
  );
}

const solidFill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const colour = (i: number) => PALETTE[i % PALETTE.length];

function richText(text: string, vertical = false): string {
  const bodyPr = vertical ? '<a:bodyPr rot="-5400000" vert="horz"/>' : '<a:bodyPr/>';
  return `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function titleXml(text: string, vertical = false): string {
  return `<c:title>${richText(text, vertical)}${val('overlay', 0)}</c:title>`;
}

/** idx, order, tx, `style`, cat, val, `tail`: the element order every series kind shares. */
function seriesXml(s: SeriesData, i: number, style: string, tail = ''): string {
  const name = s.name ? `<c:tx>${strRef(s.name)}</c:tx>` : '';
  const cat = s.categories ? `<c:cat>${strRef(s.categories)}</c:cat>` : '';
  return `<c:ser>${val('idx', i)}${val('order', i)}${name}${style}${cat}<c:val>${numRef(s.values)}</c:val>${tail}</c:ser>`;
}

function barSeries(s: SeriesData, i: number): string {
  return seriesXml(s, i, `<c:spPr>${solidFill(colour(i))}</c:spPr>${val('invertIfNegative', 0)}`);
}

function lineSeries(s: SeriesData, i: number): string {
  const line = `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(colour(i))}<a:round/></a:ln></c:spPr>`;
  return seriesXml(s, i, `${line}<c:marker>${val('symbol', 'none')}</c:marker>`, val('smooth', 0));
}

function pieSeries(s: SeriesData): string {
  const slices = s.values.points
    .map((_, i) => `<c:dPt>${val('idx', i)}${val('bubble3D', 0)}<c:spPr>${solidFill(colour(i))}</c:spPr></c:dPt>`)
    .join('');
  return seriesXml(s, 0, slices);
}

const isStacked = (chart: ChartModel) => chart.options.isStacked === true;
const axisIds = `${val('axId', CAT_AXIS_ID)}${val('axId', VAL_AXIS_ID)}`;

function barChartXml(chart: ChartModel, series: SeriesData[]): string {
  const stacked = isStacked(chart);
  return (
    `<c:barChart>${val('barDir', chart.type === 'BAR' ? 'bar' : 'col')}${val('grouping', stacked ? 'stacked' : 'clustered')}` +
    `${val('varyColors', 0)}${series.map(barSeries).join('')}${val('gapWidth', 150)}` +
    `${stacked ? val('overlap', 100) : ''}${axisIds}</c:barChart>`
  );
}

function lineChartXml(chart: ChartModel, series: SeriesData[]): string {
  return (
    `<c:lineChart>${val('grouping', isStacked(chart) ? 'stacked' : 'standard')}${val('varyColors', 0)}` +
    `${series.map(lineSeries).join('')}${val('marker', 1)}${axisIds}</c:lineChart>`
  );
}

function pieChartXml(series: SeriesData[]): string {
  const first = series.slice(0, 1).map(pieSeries).join('');
  return `<c:pieChart>${val('varyColors', 1)}${first}${val('firstSliceAng', 0)}</c:pieChart>`;
}

const numberOr = (...vs: unknown[]) => vs.find((v): v is number => typeof v === 'number' && Number.isFinite(v));

/** An hAxis/vAxis option: title, format and the range (viewWindow.min/max win over minValue/maxValue, as in Sheets). */
function axisOptions(raw: unknown): AxisOptions {
  if (!raw || typeof raw !== 'object') return {};
  const o = raw as Record<string, unknown>;
  const view = (o.viewWindow && typeof o.viewWindow === 'object' ? o.viewWindow : {}) as Record<string, unknown>;
  return {
    title: typeof o.title === 'string' && o.title !== '' ? o.title : undefined,
    format: typeof o.format === 'string' && o.format !== '' ? o.format : undefined,
    min: numberOr(view.min, o.minValue),
    max: numberOr(view.max, o.maxValue),
  };
}

/** The largest value the value axis has to reach (per category sums when stacked). */
export function axisMaximum(series: SeriesData[], stacked: boolean): number {
  const length = Math.max(0, ...series.map((s) => s.values.points.length));
  let max = 0;
  for (let i = 0; i < length; i++) {
    const values = series.map((s) => s.values.points[i] ?? 0);
    max = Math.max(max, stacked ? values.reduce((a, b) => a + Math.max(0, b), 0) : Math.max(...values));
  }
  return max;
}

const numFmt = (format: string) => `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>`;
const ticks = `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}`;

function catAxisXml(o: AxisOptions, position: 'b' | 'l'): string {
  return (
    `<c:catAx>${val('axId', CAT_AXIS_ID)}<c:scaling>${val('orientation', position === 'l' ? 'maxMin' : 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', position)}${o.title ? titleXml(o.title, position === 'l') : ''}` +
    `${o.format ? numFmt(o.format) : ''}${ticks}${val('crossAx', VAL_AXIS_ID)}${val('crosses', 'autoZero')}` +
    `${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`
  );
}

/**
 * What the data asks of the value axis: its largest value, a floor (bars start at 0, as in Sheets, where Excel and
 * LibreOffice would zoom in on close values) and where it meets the category axis ('max' keeps it at the bottom
 * of a BAR chart, whose categories run top to bottom).
 */
interface ValueScale {
  max: number;
  floor?: number;
  crosses: 'autoZero' | 'max';
}

function valAxisXml(o: AxisOptions, position: 'b' | 'l', scale: ValueScale): string {
  const lowest = o.min ?? scale.floor;
  const range = `${o.max !== undefined ? val('max', o.max) : ''}${lowest !== undefined ? val('min', lowest) : ''}`;
  // Whole numbers only: with a small maximum, Excel would otherwise label 0, 0.5, 1, 1.5 …
  const unit = o.format === '0' && scale.max <= 10 ? val('majorUnit', 1) : '';
  return (
    `<c:valAx>${val('axId', VAL_AXIS_ID)}<c:scaling>${val('orientation', 'minMax')}${range}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', position)}<c:majorGridlines/>${o.title ? titleXml(o.title, position === 'l') : ''}` +
    `${o.format ? numFmt(o.format) : ''}${ticks}${val('crossAx', CAT_AXIS_ID)}${val('crosses', scale.crosses)}` +
    `${val('crossBetween', 'between')}${unit}</c:valAx>`
  );
}

/** Categories run down the left of a BAR chart (top to bottom, as in Sheets) and along the bottom otherwise. */
function axesXml(chart: ChartModel, series: SeriesData[]): string {
  const h = axisOptions(chart.options.hAxis);
  const v = axisOptions(chart.options.vAxis);
  const max = axisMaximum(series, isStacked(chart));
  const negative = series.some((s) => s.values.points.some((p) => p !== undefined && p < 0));
  const floor = chart.type !== 'LINE' && !negative ? 0 : undefined;
  return chart.type === 'BAR'
    ? `${catAxisXml(v, 'l')}${valAxisXml(h, 'b', { max, floor, crosses: 'max' })}`
    : `${catAxisXml(h, 'b')}${valAxisXml(v, 'l', { max, floor, crosses: 'autoZero' })}`;
}

const LEGEND_POSITIONS: Record<string, string> = { bottom: 'b', top: 't', left: 'l', right: 'r' };

/** `legend: 'none'` or `{position: 'none'}` hides it; Sheets' default is on the right. */
function legendXml(raw: unknown): string {
  const position =
    typeof raw === 'string'
      ? raw
      : raw && typeof raw === 'object'
        ? (raw as { position?: unknown }).position
        : undefined;
  if (position === 'none') return '';
  const pos = LEGEND_POSITIONS[String(position)] ?? 'r';
  return `<c:legend>${val('legendPos', pos)}${val('overlay', 0)}</c:legend>`;
}

function plotXml(chart: ChartModel, series: SeriesData[]): string {
  if (chart.type === 'PIE') return pieChartXml(series);
  const body = chart.type === 'LINE' ? lineChartXml(chart, series) : barChartXml(chart, series);
  return body + axesXml(chart, series);
}

/** The whole xl/charts/chartN.xml for one chart of `sheet` (named `sheetName` in the file). */
export function chartSpaceXml(sheet: SheetModel, chart: ChartModel, sheetName = sheet.name): string {
  const series = chartSeries(sheet, chart, sheetName);
  const title = typeof chart.options.title === 'string' && chart.options.title !== '' ? chart.options.title : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${val('date1904', 0)}${val('roundedCorners', 0)}<c:chart>` +
    `${title ? titleXml(title) : ''}${val('autoTitleDeleted', title ? 0 : 1)}` +
    `<c:plotArea><c:layout/>${plotXml(chart, series)}</c:plotArea>${legendXml(chart.options.legend)}` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>` +
    `<c:spPr>${solidFill('FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`
  );
}
