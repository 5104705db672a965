/** SpreadsheetApp.Sheet. */
import { parseA1, splitSheetRef } from './a1';
import { EmbeddedChartBuilderService, EmbeddedChartService } from './charts';
import { displayValue } from './format';
import { ProtectionService } from './protection';
import { checkCellText, checkRect, clearFormats, RangeService } from './range';
import { enumName, EnumRef, num, Service, type Runtime } from './runtime';
import { SpreadsheetService } from './spreadsheet';
import { MAX_CELLS, ServiceError, type CellValue, type SheetModel } from './workbook';
import { TextFinderService, textFinder } from './textFinder';

export const MAX_SHEET_NAME = 100;

export function checkSheetName(book: SheetModel['book'], name: unknown, except?: SheetModel): string {
  const n = String(name ?? '');
  if (n.trim() === '') throw new ServiceError('Invalid argument: name');
  if (n.length > MAX_SHEET_NAME)
    throw new ServiceError(`The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
  const clash = book.sheetLoose(n);
  if (clash && clash !== except)
    throw new ServiceError(`A sheet with the name "${n}" already exists. Please enter another name.`);
  return n;
}

export function checkCellLimit(book: SheetModel['book'], extra: number): void {
  if (book.totalCells() + extra > MAX_CELLS) {
    throw new ServiceError(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
  }
}

export class SheetService extends Service {
  readonly _class = 'Sheet';
  constructor(
    rt: Runtime,
    readonly _sheet: SheetModel,
  ) {
    super(rt);
  }

  _alive(): SheetModel {
    if (!this._sheet.book.sheets.includes(this._sheet)) throw new ServiceError('The sheet has been deleted.');
    return this._sheet;
  }

  _range(row: number, col: number, numRows: number, numCols: number): RangeService {
    checkRect(this._alive(), row, col, numRows, numCols);
    return new RangeService(this._rt, this._sheet, { row, col, numRows, numCols });
  }

  getName(): string {
    return this._sheet.name;
  }
  setName(name: string): this {
    this._sheet.name = checkSheetName(this._sheet.book, name, this._sheet);
    return this;
  }
  getSheetId(): number {
    return this._sheet.id;
  }
  getSheetName(): string {
    return this._sheet.name;
  }
  /** The URL of the form whose responses this sheet receives, or null when it is not linked to a form. */
  getFormUrl(): string | null {
    return this._alive().formUrl;
  }
  getIndex(): number {
    return this._sheet.book.sheets.indexOf(this._sheet) + 1;
  }
  getParent(): SpreadsheetService {
    const book = this._sheet.book;
    return new SpreadsheetService(this._rt, book === this._rt.state.workbook ? undefined : book);
  }
  getType(): EnumRef {
    return new EnumRef('SheetType', 'GRID');
  }

  getRange(a: unknown, column?: number, numRows?: number, numColumns?: number): RangeService {
    if (typeof a === 'string') {
      const { sheet, ref } = splitSheetRef(a);
      if (sheet !== undefined && sheet !== this._sheet.name) throw new ServiceError('Range not found');
      const rect = parseA1(ref, this._sheet.maxRows, this._sheet.maxCols);
      if (!rect) throw new ServiceError('Range not found');
      return this._range(rect.row, rect.col, rect.numRows, rect.numCols);
    }
    if (column === undefined)
      throw new ServiceError(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return this._range(num(a), num(column), num(numRows, 1), num(numColumns, 1));
  }
  getRangeList(a1Notations: string[]): RangeListService {
    return new RangeListService(
      this._rt,
      (a1Notations ?? []).map((a) => this.getRange(a)),
    );
  }
  createTextFinder(findText: unknown): TextFinderService {
    const sheet = this._alive();
    const rect = { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    return textFinder(this._rt, [{ sheet, rect }], findText);
  }
  getDataRange(): RangeService {
    const rows = Math.max(1, this._sheet.lastRow());
    const cols = Math.max(1, this._sheet.lastColumn());
    return new RangeService(this._rt, this._alive(), { row: 1, col: 1, numRows: rows, numCols: cols });
  }
  getLastRow(): number {
    return this._sheet.lastRow();
  }
  getLastColumn(): number {
    return this._sheet.lastColumn();
  }
  getMaxRows(): number {
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    return this._sheet.maxCols;
  }

  // ---- structure ----
  _insertRows(before: number, count: number): this {
    if (!(count >= 1)) throw new ServiceError('The number of rows to insert must be at least 1.');
    if (before < 1 || before > this._sheet.maxRows + 1)
      throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
    checkCellLimit(this._sheet.book, count * this._sheet.maxCols);
    this._sheet.insertRows(before, count);
    return this;
  }
  _insertColumns(before: number, count: number): this {
    if (!(count >= 1)) throw new ServiceError('The number of columns to insert must be at least 1.');
    if (before < 1 || before > this._sheet.maxCols + 1)
      throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
    checkCellLimit(this._sheet.book, count * this._sheet.maxRows);
    this._sheet.insertColumns(before, count);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this._insertRows(num(afterPosition) + 1, num(howMany));
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this._insertRows(num(beforePosition), num(howMany));
  }
  insertRowAfter(afterPosition: number): this {
    return this._insertRows(num(afterPosition) + 1, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this._insertRows(num(beforePosition), 1);
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this._insertRows(num(rowIndex), num(numRows, 1));
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this._insertColumns(num(afterPosition) + 1, num(howMany));
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this._insertColumns(num(beforePosition), num(howMany));
  }
  insertColumnAfter(afterPosition: number): this {
    return this._insertColumns(num(afterPosition) + 1, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this._insertColumns(num(beforePosition), 1);
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    this._insertColumns(num(columnIndex), num(numColumns, 1));
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const start = num(rowPosition);
    const count = num(howMany);
    if (start < 1 || count < 1 || start + count - 1 > this._sheet.maxRows)
      throw new ServiceError('Those rows are out of bounds.');
    if (count >= this._sheet.maxRows) throw new ServiceError("You can't delete all the rows on the sheet.");
    this._sheet.deleteRows(start, count);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const start = num(columnPosition);
    const count = num(howMany);
    if (start < 1 || count < 1 || start + count - 1 > this._sheet.maxCols)
      throw new ServiceError('Those columns are out of bounds.');
    if (count >= this._sheet.maxCols) throw new ServiceError("You can't delete all the columns on the sheet.");
    this._sheet.deleteColumns(start, count);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents))
      throw new ServiceError(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    if (rowContents.length === 0) throw new ServiceError('The number of columns in the range must be at least 1.');
    rowContents.forEach(checkCellText);
    const row = this._sheet.lastRow() + 1;
    if (row > this._sheet.maxRows) this._insertRows(this._sheet.maxRows + 1, 1);
    if (rowContents.length > this._sheet.maxCols)
      this._insertColumns(this._sheet.maxCols + 1, rowContents.length - this._sheet.maxCols);
    this._rt.counter.write(rowContents.length);
    rowContents.forEach((v, j) => this._sheet.writeTyped(row, j + 1, v as CellValue));
    return this;
  }

  // ---- frozen panes, sizes ----
  setFrozenRows(rows: number): void {
    if (num(rows) < 0 || num(rows) > this._sheet.maxRows)
      throw new ServiceError('The number of frozen rows is out of bounds.');
    this._sheet.frozenRows = num(rows);
  }
  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (num(columns) < 0 || num(columns) > this._sheet.maxCols)
      throw new ServiceError('The number of frozen columns is out of bounds.');
    this._sheet.frozenColumns = num(columns);
  }
  getFrozenColumns(): number {
    return this._sheet.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._sheet.colWidths[num(columnPosition)] = num(width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = num(startColumn); c < num(startColumn) + num(numColumns); c++) this._sheet.colWidths[c] = num(width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._sheet.columnWidth(num(columnPosition));
  }
  setRowHeight(rowPosition: number, height: number): this {
    this._sheet.rowHeights[num(rowPosition)] = num(height);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    for (let r = num(startRow); r < num(startRow) + num(numRows); r++) this._sheet.rowHeights[r] = num(height);
    return this;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    return this.setRowHeights(startRow, numRows, height);
  }
  getRowHeight(rowPosition: number): number {
    return this._sheet.rowHeight(num(rowPosition));
  }
  /** Estimates widths from the longest display value (≈7 px per character + padding, at least 30 px). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const book = this._sheet.book;
    for (let c = num(startColumn); c < num(startColumn) + num(numColumns); c++) {
      let longest = 0;
      this._sheet.rows.forEach((row) => {
        const cell = row?.[c - 1];
        if (!cell) return;
        const text = displayValue(cell.value, cell.numberFormat, book.locale, book.timeZone);
        const lines = text.split('\n').map((l) => l.length);
        const bold = cell.fontWeight === 'bold' ? 1.1 : 1;
        longest = Math.max(longest, Math.ceil(Math.max(0, ...lines) * bold * ((cell.fontSize ?? 10) / 10)));
      });
      this._sheet.colWidths[c] = Math.max(30, longest * 7 + 12);
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  autoResizeRows(_startRow: number, _numRows: number): this {
    return this;
  }
  hideColumns(_columnIndex: number, _numColumns?: number): void {}
  showColumns(_columnIndex: number, _numColumns?: number): void {}
  hideRows(_rowIndex: number, _numRows?: number): void {}
  showRows(_rowIndex: number, _numRows?: number): void {}

  // ---- visibility ----
  hideSheet(): this {
    const visible = this._sheet.book.sheets.filter((s) => !s.hidden);
    if (!this._sheet.hidden && visible.length <= 1)
      throw new ServiceError("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    return this;
  }
  showSheet(): this {
    this._sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }
  setTabColor(color: string | null): this {
    this._sheet.tabColor = color === null ? null : String(color);
    return this;
  }
  getTabColor(): string | null {
    return this._sheet.tabColor;
  }
  setHiddenGridlines(hideGridlines: boolean): this {
    this._sheet.hiddenGridlines = Boolean(hideGridlines);
    return this;
  }
  hasHiddenGridlines(): boolean {
    return this._sheet.hiddenGridlines;
  }
  activate(): this {
    const book = this._sheet.book;
    book.activeSheetIndex = book.sheets.indexOf(this._alive());
    book.activeRangeA1 = 'A1';
    return this;
  }
  showGridlines(): this {
    return this;
  }

  // ---- clearing ----
  clear(options?: Record<string, unknown>): this {
    const rect = { row: 1, col: 1, numRows: this._sheet.maxRows, numCols: this._sheet.maxCols };
    new RangeService(this._rt, this._sheet, rect).clear(options);
    return this;
  }
  clearContents(): this {
    for (const row of this._sheet.rows)
      row?.forEach((c) => {
        if (c) {
          c.value = '';
          delete c.formula;
        }
      });
    return this;
  }
  clearFormats(): this {
    for (const row of this._sheet.rows) row?.forEach((c) => c && clearFormats(c));
    return this;
  }
  clearNotes(): this {
    for (const row of this._sheet.rows) {
      row?.forEach((c) => {
        if (c) delete c.note;
      });
    }
    return this;
  }

  // ---- protection ----
  protect(): ProtectionService {
    const existing = this._sheet.protections.find((p) => p.type === 'SHEET');
    if (existing) return new ProtectionService(this._rt, this._sheet, existing);
    const model = {
      id: this._sheet.protections.length + 1,
      type: 'SHEET' as const,
      description: '',
      warningOnly: false,
      editors: this._rt.state.effectiveUser ? [this._rt.state.effectiveUser] : [],
      domainEdit: true,
      unprotectedRanges: [],
    };
    this._sheet.protections.push(model);
    return new ProtectionService(this._rt, this._sheet, model);
  }
  getProtections(type: unknown): ProtectionService[] {
    const t = enumName(type);
    return this._sheet.protections
      .filter((p) => p.type === t)
      .map((p) => new ProtectionService(this._rt, this._sheet, p));
  }

  // ---- charts ----
  newChart(): EmbeddedChartBuilderService {
    return new EmbeddedChartBuilderService(this._rt, this._sheet, {
      id: this._sheet.nextChartId(),
      type: 'COLUMN',
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    });
  }
  insertChart(chart: unknown): void {
    if (!(chart instanceof EmbeddedChartService))
      throw new ServiceError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      );
    this._sheet.charts.push(JSON.parse(JSON.stringify(chart._model)));
  }
  updateChart(chart: unknown): void {
    if (!(chart instanceof EmbeddedChartService)) return;
    const i = this._sheet.charts.findIndex((c) => c.id === chart._model.id);
    if (i >= 0) this._sheet.charts[i] = JSON.parse(JSON.stringify(chart._model));
  }
  removeChart(chart: unknown): void {
    if (!(chart instanceof EmbeddedChartService)) return;
    this._sheet.charts = this._sheet.charts.filter((c) => c.id !== chart._model.id);
  }
  getCharts(): EmbeddedChartService[] {
    return this._sheet.charts.map(
      (c) => new EmbeddedChartService(this._rt, this._sheet, JSON.parse(JSON.stringify(c))),
    );
  }
}

/** SpreadsheetApp.RangeList (a few methods). */
export class RangeListService extends Service {
  readonly _class = 'RangeList';
  constructor(
    rt: Runtime,
    readonly _ranges: RangeService[],
  ) {
    super(rt);
  }
  getRanges(): RangeService[] {
    return this._ranges;
  }
  _each(fn: (r: RangeService) => void): this {
    this._ranges.forEach(fn);
    return this;
  }
  setBackground(color: string | null): this {
    return this._each((r) => r.setBackground(color));
  }
  setFontWeight(weight: string | null): this {
    return this._each((r) => r.setFontWeight(weight));
  }
  setNumberFormat(format: string): this {
    return this._each((r) => r.setNumberFormat(format));
  }
  setValue(value: unknown): this {
    return this._each((r) => r.setValue(value));
  }
  clear(options?: Record<string, unknown>): this {
    return this._each((r) => r.clear(options));
  }
  clearContent(): this {
    return this._each((r) => r.clearContent());
  }
  setWrapStrategy(strategy: unknown): this {
    return this._each((r) => r.setWrapStrategy(strategy));
  }
  setHorizontalAlignment(a: string | null): this {
    return this._each((r) => r.setHorizontalAlignment(a));
  }
  insertCheckboxes(): this {
    return this._each((r) => r.insertCheckboxes());
  }
  setFontSize(size: number): this {
    return this._each((r) => r.setFontSize(size));
  }
  setFontStyle(style: string | null): this {
    return this._each((r) => r.setFontStyle(style));
  }
  setFontLine(line: string | null): this {
    return this._each((r) => r.setFontLine(line));
  }
  setFontColor(color: string | null): this {
    return this._each((r) => r.setFontColor(color));
  }
  setVerticalAlignment(a: string | null): this {
    return this._each((r) => r.setVerticalAlignment(a));
  }
  setWrap(wrap: boolean): this {
    return this._each((r) => r.setWrap(wrap));
  }
  setBorder(...args: Parameters<RangeService['setBorder']>): this {
    return this._each((r) => r.setBorder(...args));
  }
  breakApart(): this {
    return this._each((r) => r.breakApart());
  }
  clearFormat(): this {
    return this._each((r) => r.clearFormat());
  }
  clearDataValidations(): this {
    return this._each((r) => r.clearDataValidations());
  }
}
