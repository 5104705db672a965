/**
 * The in-memory spreadsheet: the data model shared by every simulated execution. Host-side helpers here
 * (addSheet, setValues, values, ...) are for tests and tools; they are not service calls and are not counted.
 */
import { type GridRect } from './a1';
import { displayValue, typeInput, normaliseNumber } from './format';

export type CellValue = string | number | boolean | Date;

export interface BorderSide {
  color: string;
  style: string; // SOLID, SOLID_MEDIUM, SOLID_THICK, DASHED, DOTTED, DOUBLE
}
export interface CellBorders {
  top?: BorderSide;
  left?: BorderSide;
  bottom?: BorderSide;
  right?: BorderSide;
}

/** A data validation rule. `args` are JSON-able; ranges are stored as { sheet, a1 }. */
export interface ValidationModel {
  criteria: string; // DataValidationCriteria name, e.g. VALUE_IN_LIST, CHECKBOX
  criteriaValues: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface CellData {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  note?: string;
  dataValidation?: ValidationModel;
  border?: CellBorders;
}

/** A cell with every property filled in (defaults where unset), as `sheet.cell(row, col)` returns it. */
export interface CellView {
  value: CellValue;
  formula: string;
  numberFormat: string;
  background: string;
  fontWeight: string;
  fontColor: string;
  fontStyle: string;
  fontSize: number;
  fontFamily: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrap: boolean;
  wrapStrategy: string;
  note: string;
  dataValidation: ValidationModel | null;
  border: CellBorders | null;
}

export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const DEFAULTS = {
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  columnWidth: 100,
  rowHeight: 21,
  rows: 1000,
  columns: 26,
};

export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  range?: GridRect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotectedRanges: GridRect[];
}

export interface ChartModel {
  id: number;
  type: string;
  ranges: string[]; // A1 notation on the chart's sheet
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface PageSetup {
  paperSize: 'A4' | 'LETTER';
  orientation: 'portrait' | 'landscape';
  fitToWidth?: boolean;
}

export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export class SheetModel {
  name: string;
  readonly id: number;
  maxRows: number = DEFAULTS.rows;
  maxCols: number = DEFAULTS.columns;
  /** rows[r-1][c-1], sparse. */
  rows: (Array<CellData | undefined> | undefined)[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  colWidths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  merges: GridRect[] = [];
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];
  hidden = false;
  tabColor: string | null = null;
  hiddenGridlines = false;
  /** Host-only field (not an Apps Script property): page setup recorded for xlsx export. */
  pageSetup?: PageSetup;
  /** The URL of the Google Form whose responses this sheet receives (Sheet.getFormUrl); null when not linked. */
  formUrl: string | null = null;

  constructor(
    readonly book: Workbook,
    name: string,
    id: number,
  ) {
    this.name = name;
    this.id = id;
  }

  get frozenColumnsCount(): number {
    return this.frozenColumns;
  }

  getCell(row: number, col: number): CellData | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  cellData(row: number, col: number): CellData {
    let r = this.rows[row - 1];
    if (!r) r = this.rows[row - 1] = [];
    let c = r[col - 1];
    if (!c) c = r[col - 1] = { value: '' };
    return c;
  }

  /** Last row with a value or formula (0 when empty). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((c) => c && (c.value !== '' || c.formula))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.value !== '' || cell.formula)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Values trimmed to the data extent (host copies). */
  values(): CellValue[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= cols; c++) {
        const v = this.getCell(r, c)?.value ?? '';
        line.push(v instanceof Date ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }

  displayValues(): string[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: string[] = [];
      for (let c = 1; c <= cols; c++) line.push(this.displayValue(r, c));
      out.push(line);
    }
    return out;
  }

  displayValue(row: number, col: number): string {
    const cell = this.getCell(row, col);
    if (!cell) return '';
    return displayValue(cell.value, cell.numberFormat, this.book.locale, this.book.timeZone);
  }

  cell(row: number, col: number): CellView {
    const c = this.getCell(row, col);
    return {
      value: c?.value instanceof Date ? new Date(c.value.getTime()) : (c?.value ?? ''),
      formula: c?.formula ?? '',
      numberFormat: c?.numberFormat ?? DEFAULT_NUMBER_FORMAT,
      background: c?.background ?? DEFAULTS.background,
      fontWeight: c?.fontWeight ?? DEFAULTS.fontWeight,
      fontColor: c?.fontColor ?? DEFAULTS.fontColor,
      fontStyle: c?.fontStyle ?? DEFAULTS.fontStyle,
      fontSize: c?.fontSize ?? DEFAULTS.fontSize,
      fontFamily: c?.fontFamily ?? DEFAULTS.fontFamily,
      horizontalAlignment: c?.horizontalAlignment ?? DEFAULTS.horizontalAlignment,
      verticalAlignment: c?.verticalAlignment ?? DEFAULTS.verticalAlignment,
      wrap: c?.wrap ?? false,
      wrapStrategy: c?.wrapStrategy ?? (c?.wrap ? 'WRAP' : DEFAULTS.wrapStrategy),
      note: c?.note ?? '',
      dataValidation: c?.dataValidation ? (JSON.parse(JSON.stringify(c.dataValidation)) as ValidationModel) : null,
      border: c?.border ? (JSON.parse(JSON.stringify(c.border)) as CellBorders) : null,
    };
  }

  columnWidth(col: number): number {
    return this.colWidths[col] ?? DEFAULTS.columnWidth;
  }

  rowHeight(row: number): number {
    return this.rowHeights[row] ?? DEFAULTS.rowHeight;
  }

  /**
   * Host-side paste: applies the typing rules a user's typing gets (formulas, leading apostrophe, numbers unless
   * the cell is formatted as text, TRUE/FALSE, times and dates). Grows the sheet if needed. Not counted.
   */
  setValues(row: number, col: number, values: CellValue[][]): this {
    const needRows = row + values.length - 1;
    const needCols = col + values.reduce((w, r) => Math.max(w, r.length), 0) - 1;
    if (needRows > this.maxRows) this.maxRows = needRows;
    if (needCols > this.maxCols) this.maxCols = needCols;
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        this.writeTyped(row + i, col + j, v);
      }),
    );
    return this;
  }

  /** Writes one value with the typing rules (shared by the service and the host helpers). */
  writeTyped(row: number, col: number, v: CellValue | null | undefined): void {
    const existing = this.getCell(row, col);
    const typed = typeInput(v ?? '', existing?.numberFormat, this.book.locale, this.book.timeZone);
    if (typed.value === '' && !typed.formula && !existing) return;
    const cell = this.cellData(row, col);
    cell.value = typed.value;
    if (typed.formula) cell.formula = typed.formula;
    else delete cell.formula;
    if (typed.numberFormat && !cell.numberFormat) cell.numberFormat = typed.numberFormat;
  }

  /** Host-side: set a number format on a block (e.g. '@' before pasting NIKs). Not counted. */
  setNumberFormat(row: number, col: number, numRows: number, numCols: number, format: string): this {
    for (let r = row; r < row + numRows; r++)
      for (let c = col; c < col + numCols; c++) this.cellData(r, c).numberFormat = format;
    return this;
  }

  /** Host-side: set a background colour (null resets). Not counted. */
  setBackground(row: number, col: number, color: string | null, numRows = 1, numCols = 1): this {
    for (let r = row; r < row + numRows; r++) {
      for (let c = col; c < col + numCols; c++) {
        if (color === null) delete this.cellData(r, c).background;
        else this.cellData(r, c).background = color;
      }
    }
    return this;
  }

  /** Host-side: set the note of a cell ('' removes). Not counted. */
  setNote(row: number, col: number, note: string): this {
    if (note === '') delete this.cellData(row, col).note;
    else this.cellData(row, col).note = note;
    return this;
  }

  insertRows(before: number, count: number): void {
    const blanks = new Array<undefined>(count).fill(undefined);
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...blanks);
    this.maxRows += count;
    this.rowHeights = shiftKeys(this.rowHeights, before, count);
    this.merges = this.merges.map((m) => shiftRect(m, 'row', before, count));
    for (const p of this.protections) if (p.range) p.range = shiftRect(p.range, 'row', before, count);
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
    this.rowHeights = shiftKeys(this.rowHeights, start + count, -count, start);
    this.merges = this.merges
      .filter((m) => m.row + m.numRows - 1 < start || m.row >= start + count)
      .map((m) => (m.row >= start + count ? { ...m, row: m.row - count } : m));
  }

  insertColumns(before: number, count: number): void {
    for (const row of this.rows)
      if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<undefined>(count).fill(undefined));
    this.maxCols += count;
    this.colWidths = shiftKeys(this.colWidths, before, count);
    this.merges = this.merges.map((m) => shiftRect(m, 'col', before, count));
    for (const p of this.protections) if (p.range) p.range = shiftRect(p.range, 'col', before, count);
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) if (row) row.splice(start - 1, count);
    this.maxCols -= count;
    this.colWidths = shiftKeys(this.colWidths, start + count, -count, start);
    this.merges = this.merges
      .filter((m) => m.col + m.numCols - 1 < start || m.col >= start + count)
      .map((m) => (m.col >= start + count ? { ...m, col: m.col - count } : m));
  }

  /**
   * Everything `insertSheet(name, index, { template })` copies into `target`: cells with their
   * values, formats, notes and validation, sizes, row heights, column widths, merges, frozen rows
   * and charts. Protections stay with the template; the copy is visible.
   */
  copyInto(target: SheetModel): void {
    target.maxRows = this.maxRows;
    target.maxCols = this.maxCols;
    target.rows = this.rows.map((row) => row?.map((cell) => (cell ? (decode(encode(cell)) as CellData) : undefined)));
    target.frozenRows = this.frozenRows;
    target.frozenColumns = this.frozenColumns;
    target.colWidths = { ...this.colWidths };
    target.rowHeights = { ...this.rowHeights };
    target.merges = this.merges.map((m) => ({ ...m }));
    target.charts = decode(encode(this.charts)) as ChartModel[];
    target.tabColor = this.tabColor;
    target.hiddenGridlines = this.hiddenGridlines;
  }

  /** Chart ids are per sheet and deterministic (so snapshots of equal runs are equal). */
  nextChartId(): number {
    return Math.max(0, ...this.charts.map((c) => c.id)) + 1;
  }
}

function shiftKeys(
  map: Record<number, number>,
  from: number,
  delta: number,
  dropFrom?: number,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, v] of Object.entries(map)) {
    const n = Number(k);
    if (dropFrom !== undefined && n >= dropFrom && n < from) continue;
    out[n >= from ? n + delta : n] = v;
  }
  return out;
}

function shiftRect(r: GridRect, axis: 'row' | 'col', before: number, count: number): GridRect {
  const size = axis === 'row' ? 'numRows' : 'numCols';
  if (r[axis] >= before) return { ...r, [axis]: r[axis] + count };
  if (r[axis] + r[size] - 1 >= before) return { ...r, [size]: r[size] + count };
  return r;
}

export interface WorkbookOptions {
  name?: string;
  id?: string;
  timeZone?: string;
  locale?: string;
}

/** JSON-able copy of a workbook: Dates are encoded as { $date: epochMs }. */
export interface WorkbookSnapshot {
  name: string;
  id: string;
  timeZone: string;
  locale: string;
  activeSheet: number;
  nextSheetId: number;
  sheets: Array<{
    name: string;
    id: number;
    maxRows: number;
    maxCols: number;
    cells: Array<[number, number, unknown]>;
    frozenRows: number;
    frozenColumns: number;
    colWidths: Record<number, number>;
    rowHeights: Record<number, number>;
    merges: GridRect[];
    protections: ProtectionModel[];
    charts: ChartModel[];
    hidden: boolean;
    tabColor: string | null;
    hiddenGridlines: boolean;
    pageSetup?: PageSetup;
    formUrl?: string;
  }>;
}

export class Workbook {
  name: string;
  id: string;
  timeZone: string;
  locale: string;
  readonly sheets: SheetModel[] = [];
  activeSheetIndex = 0;
  /** Active range of the active sheet (A1), set by Range.activate and emu.edit. */
  activeRangeA1 = 'A1';
  private nextSheetId = 0;

  constructor(opts: WorkbookOptions = {}) {
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.id = opts.id ?? '1EmuLat0rSpreadsheetId000000000000000000000';
    this.timeZone = opts.timeZone ?? 'Asia/Makassar';
    this.locale = opts.locale ?? 'id_ID';
  }

  /** Host-side: adds a sheet (1000×26, larger if `rows` need it) and pastes `rows` with the typing rules. */
  addSheet(name: string, rows?: CellValue[][]): SheetModel {
    if (this.sheet(name)) throw new Error(`Sheet "${name}" already exists`);
    const sheet = this.createSheet(name, this.sheets.length);
    if (rows && rows.length) sheet.setValues(1, 1, rows);
    return sheet;
  }

  /**
   * Host-side: adds a Google Form's response sheet as Forms creates it: row 1 holds the headers as text (the first is
   * the timestamp's, e.g. 'Timestamp', 'Stempel waktu', 'Cap waktu'), row 1 is frozen and the sheet is linked to
   * the form (`formUrl`, Sheet.getFormUrl). Not counted.
   */
  addFormResponses(
    name: string,
    headers: string[],
    url = 'https://docs.google.com/forms/d/e/EMULATED/viewform',
  ): SheetModel {
    if (this.sheet(name)) throw new Error(`Sheet "${name}" already exists`);
    const sheet = this.createSheet(name, this.sheets.length);
    if (headers.length > sheet.maxCols) sheet.maxCols = headers.length;
    headers.forEach((h, i) => {
      if (String(h) !== '') sheet.cellData(1, i + 1).value = String(h);
    });
    sheet.frozenRows = 1;
    sheet.formUrl = url;
    return sheet;
  }

  /** Creates and inserts a sheet at `index` (0-based); no checks. */
  createSheet(name: string, index: number): SheetModel {
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + ((this.nextSheetId * 79_193) % 900_000_000);
    this.nextSheetId++;
    const sheet = new SheetModel(this, name, id);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Host-side: removes a sheet (not counted; for tools that export a subset of tabs). */
  removeSheet(name: string): void {
    const at = this.sheets.findIndex((s) => s.name === name);
    if (at >= 0) this.sheets.splice(at, 1);
    this.activeSheetIndex = Math.min(this.activeSheetIndex, Math.max(0, this.sheets.length - 1));
  }

  /** Case-insensitive lookup, as Sheets compares names for uniqueness. */
  sheetLoose(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  get activeSheet(): SheetModel | undefined {
    return this.sheets[this.activeSheetIndex] ?? this.sheets[0];
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  snapshot(): WorkbookSnapshot {
    return {
      name: this.name,
      id: this.id,
      timeZone: this.timeZone,
      locale: this.locale,
      activeSheet: this.activeSheetIndex,
      nextSheetId: this.nextSheetId,
      sheets: this.sheets.map((s) => {
        const cells: Array<[number, number, unknown]> = [];
        s.rows.forEach((row, r) =>
          row?.forEach((cell, c) => {
            if (cell) cells.push([r + 1, c + 1, encode(cell)]);
          }),
        );
        return {
          name: s.name,
          id: s.id,
          maxRows: s.maxRows,
          maxCols: s.maxCols,
          cells,
          frozenRows: s.frozenRows,
          frozenColumns: s.frozenColumns,
          colWidths: { ...s.colWidths },
          rowHeights: { ...s.rowHeights },
          merges: encode(s.merges) as GridRect[],
          protections: encode(s.protections) as ProtectionModel[],
          charts: encode(s.charts) as ChartModel[],
          hidden: s.hidden,
          tabColor: s.tabColor,
          hiddenGridlines: s.hiddenGridlines,
          ...(s.pageSetup ? { pageSetup: { ...s.pageSetup } } : {}),
          ...(s.formUrl ? { formUrl: s.formUrl } : {}),
        };
      }),
    };
  }

  static fromSnapshot(snap: WorkbookSnapshot): Workbook {
    const wb = new Workbook({ name: snap.name, id: snap.id, timeZone: snap.timeZone, locale: snap.locale });
    for (const s of snap.sheets) {
      const sheet = new SheetModel(wb, s.name, s.id);
      wb.sheets.push(sheet);
      sheet.maxRows = s.maxRows;
      sheet.maxCols = s.maxCols;
      for (const [r, c, data] of s.cells) {
        (sheet.rows[r - 1] ??= [])[c - 1] = decode(data) as CellData;
      }
      sheet.frozenRows = s.frozenRows;
      sheet.frozenColumns = s.frozenColumns;
      sheet.colWidths = { ...s.colWidths };
      sheet.rowHeights = { ...s.rowHeights };
      sheet.merges = decode(s.merges) as GridRect[];
      sheet.protections = decode(s.protections) as ProtectionModel[];
      sheet.charts = decode(s.charts) as ChartModel[];
      sheet.hidden = s.hidden;
      sheet.tabColor = s.tabColor;
      sheet.hiddenGridlines = s.hiddenGridlines;
      if (s.pageSetup) sheet.pageSetup = { ...s.pageSetup };
      if (s.formUrl) sheet.formUrl = s.formUrl;
    }
    wb.activeSheetIndex = snap.activeSheet;
    wb.nextSheetId = snap.nextSheetId;
    return wb;
  }

  /** A deep copy (via snapshot). */
  clone(): Workbook {
    return Workbook.fromSnapshot(this.snapshot());
  }
}

function encode(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.getTime() };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x);
    return out;
  }
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$date === 'number' && Object.keys(o).length === 1) return new Date(o.$date);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decode(x);
    return out;
  }
  return v;
}

export { normaliseNumber };
