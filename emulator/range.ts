/** SpreadsheetApp.Range. */
import { contains, intersects, rectToA1, type GridRect } from './a1';
import { displayValue } from './format';
import { DataValidationService, validationFromModel } from './validation';
import { ProtectionService } from './protection';
import { enumName, EnumRef, num, Service, type Runtime } from './runtime';
import { SheetService } from './sheet';
import { TextFinderService, textFinder } from './textFinder';
import {
  DEFAULT_NUMBER_FORMAT,
  DEFAULTS,
  MAX_CELL_CHARS,
  ServiceError,
  type BorderSide,
  type CellData,
  type CellValue,
  type SheetModel,
} from './workbook';

/** Apps Script's checks for getRange(row, column, numRows, numColumns). */
export function checkRect(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
  if ([row, col, numRows, numCols].some((n) => typeof n !== 'number' || Number.isNaN(n))) {
    throw new ServiceError(
      "The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  }
  if (row < 1) throw new ServiceError('The starting row of the range is too small.');
  if (col < 1) throw new ServiceError('The starting column of the range is too small.');
  if (numRows < 1) throw new ServiceError('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw new ServiceError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export function checkCellText(v: unknown): void {
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
    throw new ServiceError(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
}

function signature(method: string, args: unknown[]): ServiceError {
  const types = args.map((a) =>
    Array.isArray(a)
      ? 'Object[]'
      : a === null
        ? 'null'
        : a instanceof Date
          ? 'Date'
          : typeof a === 'object'
            ? 'Object'
            : typeof a === 'string'
              ? 'String'
              : typeof a === 'number'
                ? 'number'
                : typeof a === 'boolean'
                  ? 'Boolean'
                  : String(typeof a),
  );
  return new ServiceError(
    `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}

type Getter<T> = (cell: CellData | undefined, row: number, col: number) => T;

export class RangeService extends Service {
  readonly _class = 'Range';

  constructor(
    rt: Runtime,
    readonly _sheet: SheetModel,
    readonly _r: GridRect,
  ) {
    super(rt);
  }

  get _size(): number {
    return this._r.numRows * this._r.numCols;
  }

  _grid<T>(get: Getter<T>): T[][] {
    const { row, col, numRows, numCols } = this._r;
    this._rt.counter.read(numRows * numCols);
    this._rt.counter.block(numRows * numCols);
    const out: T[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const line: T[] = [];
      const rowData = this._sheet.rows[r - 1];
      for (let c = col; c < col + numCols; c++) line.push(get(rowData?.[c - 1], r, c));
      out.push(line);
    }
    return out;
  }

  _first<T>(get: Getter<T>): T {
    this._rt.counter.read(1);
    return get(this._sheet.getCell(this._r.row, this._r.col), this._r.row, this._r.col);
  }

  /** Writes a 2-D array after Apps Script's dimension checks. */
  _setGrid<T>(
    method: string,
    data: unknown,
    apply: (cell: CellData, v: T, row: number, col: number) => void,
    create = true,
  ): this {
    if (!Array.isArray(data) || data.some((line) => !Array.isArray(line))) throw signature(method, [data]);
    const grid = data as T[][];
    const { row, col, numRows, numCols } = this._r;
    if (grid.length !== numRows) {
      throw new ServiceError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${numRows}.`,
      );
    }
    for (const line of grid) {
      if (line.length !== numCols) {
        throw new ServiceError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numCols}.`,
        );
      }
    }
    this._rt.counter.write(numRows * numCols);
    this._rt.counter.block(numRows * numCols);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const existing = this._sheet.getCell(row + i, col + j);
        if (!existing && !create) continue;
        apply(existing ?? this._sheet.cellData(row + i, col + j), grid[i][j], row + i, col + j);
      }
    }
    return this;
  }

  /** Applies `apply` to every cell of the range. */
  _setAll(apply: (cell: CellData, row: number, col: number) => void, create = true): this {
    const { row, col, numRows, numCols } = this._r;
    this._rt.counter.write(numRows * numCols);
    for (let r = row; r < row + numRows; r++) {
      for (let c = col; c < col + numCols; c++) {
        const existing = this._sheet.getCell(r, c);
        if (!existing && !create) continue;
        apply(existing ?? this._sheet.cellData(r, c), r, c);
      }
    }
    return this;
  }

  _range(r: GridRect): RangeService {
    return new RangeService(this._rt, this._sheet, r);
  }

  _display(cell: CellData | undefined): string {
    if (!cell) return '';
    const book = this._sheet.book;
    return displayValue(cell.value, cell.numberFormat, book.locale, book.timeZone);
  }

  // ---- values ----
  getValues(): CellValue[][] {
    return this._grid((c) => c?.value ?? '');
  }
  getValue(): CellValue {
    return this._first((c) => c?.value ?? '');
  }
  getDisplayValues(): string[][] {
    return this._grid((c) => this._display(c));
  }
  getDisplayValue(): string {
    return this._first((c) => this._display(c));
  }
  setValues(values: unknown): this {
    if (Array.isArray(values)) for (const line of values) if (Array.isArray(line)) line.forEach(checkCellText);
    return this._setGrid<CellValue>('setValues', values, (_cell, v, r, c) => this._sheet.writeTyped(r, c, v));
  }
  setValue(value: unknown): this {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) throw signature('setValue', [value]);
    checkCellText(value);
    return this._setAll((_cell, r, c) => this._sheet.writeTyped(r, c, value as CellValue));
  }
  isBlank(): boolean {
    return this._grid((c) => !c || (c.value === '' && !c.formula)).every((line) => line.every(Boolean));
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this._grid((c) => c?.formula ?? '');
  }
  getFormula(): string {
    return this._first((c) => c?.formula ?? '');
  }
  setFormulas(formulas: unknown): this {
    return this._setGrid<string>('setFormulas', formulas, (cell, f) => setFormula(cell, f));
  }
  setFormula(formula: string): this {
    checkCellText(formula);
    return this._setAll((cell) => setFormula(cell, formula));
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    return this._grid((c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this._first((c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormats(formats: unknown): this {
    return this._setGrid<string>('setNumberFormats', formats, (cell, f) => {
      cell.numberFormat = String(f);
    });
  }
  setNumberFormat(format: string): this {
    return this._setAll((cell) => {
      cell.numberFormat = String(format);
    });
  }

  // ---- text style ----
  getBackgrounds(): string[][] {
    return this._grid((c) => c?.background ?? DEFAULTS.background);
  }
  getBackground(): string {
    return this._first((c) => c?.background ?? DEFAULTS.background);
  }
  setBackgrounds(colors: unknown): this {
    return this._setGrid<string | null>('setBackgrounds', colors, (cell, v) =>
      setProp(cell, 'background', v === null ? undefined : normColor(v)),
    );
  }
  setBackground(color: string | null): this {
    return this._setAll((cell) => setProp(cell, 'background', color === null ? undefined : normColor(color)));
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = `#${[red, green, blue].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    return this.setBackground(hex);
  }
  getFontWeights(): string[][] {
    return this._grid((c) => c?.fontWeight ?? DEFAULTS.fontWeight);
  }
  getFontWeight(): string {
    return this._first((c) => c?.fontWeight ?? DEFAULTS.fontWeight);
  }
  setFontWeights(weights: unknown): this {
    return this._setGrid<string | null>('setFontWeights', weights, (cell, v) =>
      setProp(cell, 'fontWeight', v ?? undefined),
    );
  }
  setFontWeight(weight: string | null): this {
    return this._setAll((cell) => setProp(cell, 'fontWeight', weight ?? undefined));
  }
  getFontColors(): string[][] {
    return this._grid((c) => c?.fontColor ?? DEFAULTS.fontColor);
  }
  getFontColor(): string {
    return this._first((c) => c?.fontColor ?? DEFAULTS.fontColor);
  }
  setFontColors(colors: unknown): this {
    return this._setGrid<string | null>('setFontColors', colors, (cell, v) =>
      setProp(cell, 'fontColor', v === null ? undefined : normColor(v)),
    );
  }
  setFontColor(color: string | null): this {
    return this._setAll((cell) => setProp(cell, 'fontColor', color === null ? undefined : normColor(color)));
  }
  getFontStyles(): string[][] {
    return this._grid((c) => c?.fontStyle ?? DEFAULTS.fontStyle);
  }
  getFontStyle(): string {
    return this._first((c) => c?.fontStyle ?? DEFAULTS.fontStyle);
  }
  setFontStyles(styles: unknown): this {
    return this._setGrid<string | null>('setFontStyles', styles, (cell, v) =>
      setProp(cell, 'fontStyle', v ?? undefined),
    );
  }
  setFontStyle(style: string | null): this {
    return this._setAll((cell) => setProp(cell, 'fontStyle', style ?? undefined));
  }
  getFontSizes(): number[][] {
    return this._grid((c) => c?.fontSize ?? DEFAULTS.fontSize);
  }
  getFontSize(): number {
    return this._first((c) => c?.fontSize ?? DEFAULTS.fontSize);
  }
  setFontSizes(sizes: unknown): this {
    return this._setGrid<number | null>('setFontSizes', sizes, (cell, v) => setProp(cell, 'fontSize', v ?? undefined));
  }
  setFontSize(size: number): this {
    return this._setAll((cell) => setProp(cell, 'fontSize', size ?? undefined));
  }
  getFontFamilies(): string[][] {
    return this._grid((c) => c?.fontFamily ?? DEFAULTS.fontFamily);
  }
  getFontFamily(): string {
    return this._first((c) => c?.fontFamily ?? DEFAULTS.fontFamily);
  }
  setFontFamily(family: string | null): this {
    return this._setAll((cell) => setProp(cell, 'fontFamily', family ?? undefined));
  }
  setFontFamilies(families: unknown): this {
    return this._setGrid<string | null>('setFontFamilies', families, (cell, v) =>
      setProp(cell, 'fontFamily', v ?? undefined),
    );
  }
  setFontLine(line: string | null): this {
    return this._setAll((cell) => setProp(cell, 'fontLine', line ?? undefined));
  }
  getFontLine(): string {
    return this._first((c) => c?.fontLine ?? 'none');
  }
  getHorizontalAlignments(): string[][] {
    return this._grid((c) => c?.horizontalAlignment ?? DEFAULTS.horizontalAlignment);
  }
  getHorizontalAlignment(): string {
    return this._first((c) => c?.horizontalAlignment ?? DEFAULTS.horizontalAlignment);
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setAll((cell) =>
      setProp(cell, 'horizontalAlignment', alignment === null ? undefined : String(alignment).toLowerCase()),
    );
  }
  setHorizontalAlignments(alignments: unknown): this {
    return this._setGrid<string | null>('setHorizontalAlignments', alignments, (cell, v) =>
      setProp(cell, 'horizontalAlignment', v === null ? undefined : String(v).toLowerCase()),
    );
  }
  getVerticalAlignments(): string[][] {
    return this._grid((c) => c?.verticalAlignment ?? DEFAULTS.verticalAlignment);
  }
  getVerticalAlignment(): string {
    return this._first((c) => c?.verticalAlignment ?? DEFAULTS.verticalAlignment);
  }
  setVerticalAlignment(alignment: string | null): this {
    return this._setAll((cell) =>
      setProp(cell, 'verticalAlignment', alignment === null ? undefined : String(alignment).toLowerCase()),
    );
  }
  setVerticalAlignments(alignments: unknown): this {
    return this._setGrid<string | null>('setVerticalAlignments', alignments, (cell, v) =>
      setProp(cell, 'verticalAlignment', v === null ? undefined : String(v).toLowerCase()),
    );
  }
  getWraps(): boolean[][] {
    return this._grid((c) => c?.wrap ?? false);
  }
  getWrap(): boolean {
    return this._first((c) => c?.wrap ?? false);
  }
  setWrap(wrap: boolean): this {
    return this._setAll((cell) => {
      cell.wrap = Boolean(wrap);
      cell.wrapStrategy = wrap ? 'WRAP' : 'OVERFLOW';
    });
  }
  setWraps(wraps: unknown): this {
    return this._setGrid<boolean>('setWraps', wraps, (cell, v) => {
      cell.wrap = Boolean(v);
      cell.wrapStrategy = v ? 'WRAP' : 'OVERFLOW';
    });
  }
  setWrapStrategy(strategy: unknown): this {
    const name = enumName(strategy);
    return this._setAll((cell) => {
      cell.wrapStrategy = name;
      cell.wrap = name === 'WRAP';
    });
  }
  setWrapStrategies(strategies: unknown): this {
    return this._setGrid<unknown>('setWrapStrategies', strategies, (cell, v) => {
      cell.wrapStrategy = enumName(v);
      cell.wrap = cell.wrapStrategy === 'WRAP';
    });
  }
  getWrapStrategy(): EnumRef {
    return this._first((c) => new EnumRef('WrapStrategy', c?.wrapStrategy ?? (c?.wrap ? 'WRAP' : 'OVERFLOW')));
  }
  setTextRotation(_degrees: number): this {
    return this;
  }
  setShowHyperlink(_show: boolean): this {
    return this;
  }

  // ---- notes ----
  getNotes(): string[][] {
    return this._grid((c) => c?.note ?? '');
  }
  getNote(): string {
    return this._first((c) => c?.note ?? '');
  }
  setNote(note: string | null): this {
    checkCellText(note);
    return this._setAll(
      (cell) => setProp(cell, 'note', note === null || note === '' ? undefined : String(note)),
      note !== null && note !== '',
    );
  }
  setNotes(notes: unknown): this {
    return this._setGrid<string | null>('setNotes', notes, (cell, v) =>
      setProp(cell, 'note', v === null || v === '' ? undefined : String(v)),
    );
  }
  clearNote(): this {
    return this._setAll((cell) => setProp(cell, 'note', undefined), false);
  }

  // ---- borders ----
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): this {
    const side: BorderSide = { color: color ? normColor(color) : '#000000', style: style ? enumName(style) : 'SOLID' };
    const { row, col, numRows, numCols } = this._r;
    const lastRow = row + numRows - 1;
    const lastCol = col + numCols - 1;
    const apply = (cell: CellData, key: 'top' | 'left' | 'bottom' | 'right', flag: boolean | null | undefined) => {
      if (flag === null || flag === undefined) return;
      cell.border ??= {};
      if (flag) cell.border[key] = { ...side };
      else delete cell.border[key];
      if (Object.keys(cell.border).length === 0) delete cell.border;
    };
    return this._setAll((cell, r, c) => {
      apply(cell, 'top', r === row ? top : horizontal);
      apply(cell, 'bottom', r === lastRow ? bottom : horizontal);
      apply(cell, 'left', c === col ? left : vertical);
      apply(cell, 'right', c === lastCol ? right : vertical);
    });
  }

  // ---- merges ----
  _checkWholeMerges(): void {
    for (const m of this._sheet.merges) {
      if (intersects(m, this._r) && !contains(this._r, m)) {
        throw new ServiceError('You must select all cells in a merged range to merge or unmerge them.');
      }
    }
  }
  _mergeRects(rects: GridRect[]): this {
    this._checkWholeMerges();
    this._sheet.merges = this._sheet.merges.filter((m) => !intersects(m, this._r));
    this._rt.counter.write(this._size);
    for (const m of rects) {
      if (m.numRows === 1 && m.numCols === 1) continue;
      this._sheet.merges.push(m);
      for (let r = m.row; r < m.row + m.numRows; r++) {
        for (let c = m.col; c < m.col + m.numCols; c++) {
          if (r === m.row && c === m.col) continue;
          const cell = this._sheet.getCell(r, c);
          if (cell) {
            cell.value = '';
            delete cell.formula;
          }
        }
      }
    }
    return this;
  }
  merge(): this {
    return this._mergeRects([{ ...this._r }]);
  }
  mergeAcross(): this {
    const rects: GridRect[] = [];
    for (let i = 0; i < this._r.numRows; i++)
      rects.push({ row: this._r.row + i, col: this._r.col, numRows: 1, numCols: this._r.numCols });
    return this._mergeRects(rects);
  }
  mergeVertically(): this {
    const rects: GridRect[] = [];
    for (let j = 0; j < this._r.numCols; j++)
      rects.push({ row: this._r.row, col: this._r.col + j, numRows: this._r.numRows, numCols: 1 });
    return this._mergeRects(rects);
  }
  breakApart(): this {
    this._checkWholeMerges();
    this._sheet.merges = this._sheet.merges.filter((m) => !intersects(m, this._r));
    return this;
  }
  getMergedRanges(): RangeService[] {
    return this._sheet.merges.filter((m) => intersects(m, this._r)).map((m) => this._range({ ...m }));
  }
  isPartOfMerge(): boolean {
    return this._sheet.merges.some((m) => intersects(m, this._r));
  }

  // ---- clearing ----
  clear(options?: Record<string, unknown>): this {
    const opts = options ?? {};
    const any = ['contentsOnly', 'formatOnly', 'validationsOnly', 'commentsOnly', 'skipFilteredRows'].some(
      (k) => opts[k] !== undefined,
    );
    const contents = !any || Boolean(opts.contentsOnly);
    const formats = !any || Boolean(opts.formatOnly);
    const validations = Boolean(opts.validationsOnly) || (!any && false);
    const notes = Boolean(opts.commentsOnly);
    this._setAll((cell) => {
      if (contents) {
        cell.value = '';
        delete cell.formula;
      }
      if (formats) clearFormats(cell);
      if (validations) delete cell.dataValidation;
      if (notes) delete cell.note;
    }, false);
    if (formats) this._sheet.merges = this._sheet.merges.filter((m) => !contains(this._r, m));
    return this;
  }
  clearContent(): this {
    return this._setAll((cell) => {
      cell.value = '';
      delete cell.formula;
    }, false);
  }
  clearFormat(): this {
    return this._setAll((cell) => clearFormats(cell), false);
  }
  clearDataValidations(): this {
    return this._setAll((cell) => {
      delete cell.dataValidation;
    }, false);
  }

  // ---- checkboxes and validation ----
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const unchecked =
      uncheckedValue === undefined ? (checkedValue === undefined ? false : '') : (uncheckedValue as CellValue);
    return this._setAll((cell) => {
      cell.dataValidation = { criteria: 'CHECKBOX', criteriaValues: args, allowInvalid: false, helpText: '' };
      cell.value = unchecked;
      delete cell.formula;
    });
  }
  removeCheckboxes(): this {
    return this._setAll((cell) => {
      if (cell.dataValidation?.criteria !== 'CHECKBOX') return;
      const [on = true, off = false] = cell.dataValidation.criteriaValues as CellValue[];
      if (cell.value === on || cell.value === off) cell.value = '';
      delete cell.dataValidation;
    }, false);
  }
  _checkbox(checked: boolean): this {
    return this._setAll((cell) => {
      if (cell.dataValidation?.criteria !== 'CHECKBOX') return;
      const [on = true, off = false] = cell.dataValidation.criteriaValues as CellValue[];
      cell.value = checked ? on : off;
    }, false);
  }
  check(): this {
    return this._checkbox(true);
  }
  uncheck(): this {
    return this._checkbox(false);
  }
  isChecked(): boolean | null {
    const states = this._grid((c) => {
      if (c?.dataValidation?.criteria !== 'CHECKBOX') return null;
      const [on = true] = c.dataValidation.criteriaValues as CellValue[];
      return c.value === on;
    }).flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }
  setDataValidation(rule: unknown): this {
    const model = rule === null ? undefined : validationModelOf(rule, 'setDataValidation');
    return this._setAll(
      (cell) => setProp(cell, 'dataValidation', model ? clone(model) : undefined),
      model !== undefined,
    );
  }
  setDataValidations(rules: unknown): this {
    return this._setGrid<unknown>('setDataValidations', rules, (cell, v) =>
      setProp(cell, 'dataValidation', v === null ? undefined : clone(validationModelOf(v, 'setDataValidations'))),
    );
  }
  getDataValidation(): DataValidationService | null {
    return this._first((c) => (c?.dataValidation ? validationFromModel(this._rt, c.dataValidation) : null));
  }
  getDataValidations(): (DataValidationService | null)[][] {
    return this._grid((c) => (c?.dataValidation ? validationFromModel(this._rt, c.dataValidation) : null));
  }

  // ---- protection ----
  protect(): ProtectionService {
    const model = {
      id: this._sheet.protections.length + 1 + Math.floor(this._sheet.id % 1000) * 1000,
      type: 'RANGE' as const,
      range: { ...this._r },
      description: '',
      warningOnly: false,
      editors: this._rt.state.effectiveUser ? [this._rt.state.effectiveUser] : [],
      domainEdit: true,
      unprotectedRanges: [],
    };
    this._sheet.protections.push(model);
    return new ProtectionService(this._rt, this._sheet, model);
  }

  createTextFinder(findText: unknown): TextFinderService {
    return textFinder(this._rt, [{ sheet: this._sheet, rect: this._r }], findText);
  }

  // ---- geometry ----
  getRow(): number {
    return this._r.row;
  }
  getRowIndex(): number {
    return this._r.row;
  }
  getColumn(): number {
    return this._r.col;
  }
  getColumnIndex(): number {
    return this._r.col;
  }
  getLastRow(): number {
    return this._r.row + this._r.numRows - 1;
  }
  getLastColumn(): number {
    return this._r.col + this._r.numCols - 1;
  }
  getNumRows(): number {
    return this._r.numRows;
  }
  getHeight(): number {
    return this._r.numRows;
  }
  getNumColumns(): number {
    return this._r.numCols;
  }
  getWidth(): number {
    return this._r.numCols;
  }
  getA1Notation(): string {
    return rectToA1(this._r);
  }
  getSheet(): SheetService {
    return new SheetService(this._rt, this._sheet);
  }
  getGridId(): number {
    return this._sheet.id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeService {
    const r = {
      row: this._r.row + num(rowOffset),
      col: this._r.col + num(columnOffset),
      numRows: num(numRows, this._r.numRows),
      numCols: num(numColumns, this._r.numCols),
    };
    checkRect(this._sheet, r.row, r.col, r.numRows, r.numCols);
    return this._range(r);
  }
  getCell(row: number, column: number): RangeService {
    if (row < 1 || column < 1 || row > this._r.numRows || column > this._r.numCols) {
      throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._range({ row: this._r.row + row - 1, col: this._r.col + column - 1, numRows: 1, numCols: 1 });
  }
  getDataRegion(): RangeService {
    return this.getSheet().getDataRange();
  }
  activate(): this {
    const book = this._sheet.book;
    book.activeSheetIndex = book.sheets.indexOf(this._sheet);
    book.activeRangeA1 = rectToA1(this._r);
    return this;
  }
  activateAsCurrentCell(): this {
    return this.activate();
  }

  /** Copies values and formats (or only values) to the top-left of `destination`. */
  copyTo(destination: unknown, options?: unknown): this {
    const dest = destination as RangeService;
    if (!(dest instanceof RangeService)) throw signature('copyTo', [destination]);
    const contentsOnly =
      options !== null && typeof options === 'object' && Boolean((options as Record<string, unknown>).contentsOnly);
    const formatOnly =
      options !== null && typeof options === 'object' && Boolean((options as Record<string, unknown>).formatOnly);
    const src = this._grid((c) => (c ? clone(c) : undefined));
    checkRect(dest._sheet, dest._r.row, dest._r.col, this._r.numRows, this._r.numCols);
    this._rt.counter.write(this._size);
    src.forEach((line, i) =>
      line.forEach((cell, j) => {
        const target = dest._sheet.cellData(dest._r.row + i, dest._r.col + j);
        if (!cell) {
          if (!formatOnly) {
            target.value = '';
            delete target.formula;
          }
          if (!contentsOnly) clearFormats(target);
          return;
        }
        if (!formatOnly) {
          target.value = cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value;
          if (cell.formula) target.formula = cell.formula;
          else delete target.formula;
        }
        if (!contentsOnly) {
          const { value: _v, formula: _f, note: _n, ...fmt } = cell;
          clearFormats(target);
          Object.assign(target, fmt);
        }
      }),
    );
    return this;
  }
}

export function setFormula(cell: CellData, formula: unknown): void {
  const f = String(formula ?? '');
  cell.value = '';
  if (f === '') delete cell.formula;
  else cell.formula = f.startsWith('=') ? f : `=${f}`;
}

function setProp<K extends keyof CellData>(cell: CellData, key: K, value: CellData[K] | undefined): void {
  if (value === undefined) delete cell[key];
  else cell[key] = value;
}

export function clearFormats(cell: CellData): void {
  for (const key of Object.keys(cell) as (keyof CellData)[]) {
    if (key !== 'value' && key !== 'formula' && key !== 'note' && key !== 'dataValidation') delete cell[key];
  }
}

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  gray: '#808080',
  grey: '#808080',
  orange: '#ffa500',
  purple: '#800080',
};

export function normColor(c: unknown): string {
  const s = String(c).trim().toLowerCase();
  if (NAMED_COLORS[s]) return NAMED_COLORS[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return s;
}

function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

function validationModelOf(rule: unknown, method: string) {
  if (rule instanceof DataValidationService) return rule._model;
  throw signature(method, [rule]);
}
