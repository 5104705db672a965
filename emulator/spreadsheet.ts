/** SpreadsheetApp and Spreadsheet. */
import { parseA1, splitSheetRef } from './a1';
import { RangeService } from './range';
import { Service, SCOPES, type Runtime, num } from './runtime';
import { checkCellLimit, checkSheetName, SheetService } from './sheet';
import { isValidTimeZone } from './time';
import { UiService } from './ui';
import { DataValidationBuilderService } from './validation';
import { DEFAULTS, ServiceError, type SheetModel } from './workbook';
import { UserService } from './services';

export class SpreadsheetService extends Service {
  readonly _class = 'Spreadsheet';
  constructor(rt: Runtime) {
    super(rt);
  }
  get _book() {
    return this._rt.state.workbook;
  }
  getId(): string {
    return this._book.id;
  }
  getName(): string {
    return this._book.name;
  }
  rename(name: string): void {
    this._book.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._book.id}/edit`;
  }
  getOwner(): UserService {
    return new UserService(this._rt, this._rt.state.effectiveUser);
  }
  /** The URL of a form that sends its responses here, or null (which one when several do is indeterminate). */
  getFormUrl(): string | null {
    return this._book.sheets.find((s) => s.formUrl)?.formUrl ?? null;
  }
  getSheets(): SheetService[] {
    return this._book.sheets.map((s) => new SheetService(this._rt, s));
  }
  getNumSheets(): number {
    return this._book.sheets.length;
  }
  getSheetByName(name: string): SheetService | null {
    const s = this._book.sheet(String(name));
    return s ? new SheetService(this._rt, s) : null;
  }
  getSheetById(id: number): SheetService | null {
    const s = this._book.sheets.find((x) => x.id === Number(id));
    return s ? new SheetService(this._rt, s) : null;
  }
  insertSheet(a?: unknown, b?: unknown, c?: unknown): SheetService {
    let name: string | undefined;
    let index = this._book.sheets.length;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    const template = templateOf([a, b, c].find((x) => x !== null && typeof x === 'object'));
    if (index < 0 || index > this._book.sheets.length) throw new ServiceError('The sheet index is out of range.');
    if (name === undefined) {
      let n = this._book.sheets.length + 1;
      while (this._book.sheetLoose(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    name = checkSheetName(this._book, name);
    checkCellLimit(this._book, template ? template.maxRows * template.maxCols : DEFAULTS.rows * DEFAULTS.columns);
    const sheet = this._book.createSheet(name, index);
    template?.copyInto(sheet);
    this._book.activeSheetIndex = index;
    this._book.activeRangeA1 = 'A1';
    return new SheetService(this._rt, sheet);
  }
  deleteSheet(sheet: unknown): void {
    if (!(sheet instanceof SheetService))
      throw new ServiceError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.deleteSheet.",
      );
    const i = this._book.sheets.indexOf(sheet._sheet);
    if (i < 0) throw new ServiceError('The sheet has been deleted.');
    if (this._book.sheets.filter((s) => !s.hidden && s !== sheet._sheet).length === 0) {
      throw new ServiceError("You can't remove all the visible sheets in a document.");
    }
    const active = this._book.activeSheet;
    this._book.sheets.splice(i, 1);
    const j = active ? this._book.sheets.indexOf(active) : -1;
    this._book.activeSheetIndex = j >= 0 ? j : Math.max(0, i - 1);
  }
  getActiveSheet(): SheetService {
    const s = this._book.activeSheet;
    if (!s) throw new ServiceError('The spreadsheet has no sheets.');
    return new SheetService(this._rt, s);
  }
  setActiveSheet(sheet: unknown): SheetService {
    if (!(sheet instanceof SheetService))
      throw new ServiceError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveSheet.",
      );
    this._book.activeSheetIndex = this._book.sheets.indexOf(sheet._sheet);
    this._book.activeRangeA1 = 'A1';
    return sheet;
  }
  getActiveRange(): RangeService | null {
    const s = this._book.activeSheet;
    if (!s) return null;
    const rect = parseA1(this._book.activeRangeA1, s.maxRows, s.maxCols) ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return new RangeService(this._rt, s, rect);
  }
  getActiveCell(): RangeService | null {
    const r = this.getActiveRange();
    return r ? new RangeService(this._rt, r._sheet, { row: r._r.row, col: r._r.col, numRows: 1, numCols: 1 }) : null;
  }
  moveActiveSheet(pos: number): void {
    const s = this._book.activeSheet;
    if (!s) return;
    const target = num(pos) - 1;
    if (target < 0 || target >= this._book.sheets.length) throw new ServiceError('The sheet index is out of range.');
    this._book.sheets.splice(this._book.sheets.indexOf(s), 1);
    this._book.sheets.splice(target, 0, s);
    this._book.activeSheetIndex = target;
  }
  getRange(a1Notation: string): RangeService {
    const { sheet, ref } = splitSheetRef(String(a1Notation));
    const model = sheet === undefined ? this._book.activeSheet : this._book.sheet(sheet);
    if (!model) throw new ServiceError('Range not found');
    const rect = parseA1(ref, model.maxRows, model.maxCols);
    if (!rect) throw new ServiceError('Range not found');
    return new SheetService(this._rt, model).getRange(rect.row, rect.col, rect.numRows, rect.numCols);
  }
  getSpreadsheetTimeZone(): string {
    return this._book.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(String(timezone))) throw new ServiceError(`Invalid argument: ${timezone}`);
    this._book.timeZone = String(timezone);
  }
  getSpreadsheetLocale(): string {
    return this._book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._book.locale = String(locale);
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    this._rt.ui.toasts.push({
      message: String(msg ?? ''),
      title: title === undefined || title === null ? '' : String(title),
      timeout: timeoutSeconds ?? 5,
    });
  }
  getEditors(): UserService[] {
    return this._rt.state.effectiveUser ? [new UserService(this._rt, this._rt.state.effectiveUser)] : [];
  }
  addEditor(_email: unknown): this {
    return this;
  }
  getProtections(type: unknown): unknown[] {
    return this._book.sheets.flatMap((s) => new SheetService(this._rt, s).getProtections(type));
  }
}

export class SpreadsheetAppService extends Service {
  readonly _class = 'SpreadsheetApp';
  override _minAuth(method: string) {
    return method === 'getUi' || method === 'newDataValidation' ? ('NONE' as const) : ('LIMITED' as const);
  }
  override _scope(): string {
    return SCOPES.sheets;
  }
  override _enums(): Record<string, string> {
    return {
      BorderStyle: 'BorderStyle',
      WrapStrategy: 'WrapStrategy',
      ProtectionType: 'ProtectionType',
      DataValidationCriteria: 'DataValidationCriteria',
      ChartType: 'ChartType',
      SheetType: 'SheetType',
      Dimension: 'Dimension',
      AutoResizeMode: 'AutoResizeMode',
    };
  }
  getActive(): SpreadsheetService {
    return new SpreadsheetService(this._rt);
  }
  getActiveSpreadsheet(): SpreadsheetService {
    return new SpreadsheetService(this._rt);
  }
  getActiveSheet(): SheetService {
    return new SpreadsheetService(this._rt).getActiveSheet();
  }
  getActiveRange(): RangeService | null {
    return new SpreadsheetService(this._rt).getActiveRange();
  }
  getCurrentCell(): RangeService | null {
    return new SpreadsheetService(this._rt).getActiveCell();
  }
  setActiveSheet(sheet: unknown): SheetService {
    return new SpreadsheetService(this._rt).setActiveSheet(sheet);
  }
  getUi(): UiService {
    // Installable triggers (and other executions without an editor UI) get this text; confirmed from real
    // executions, e.g. https://github.com/benlcollins/SheetSizer/issues/1 and
    // https://github.com/williamlmao/plaid-to-gsheets/issues/2 (not in Google's documentation).
    if (this._rt.noUi) throw new ServiceError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new UiService(this._rt);
  }
  flush(): void {}
  newDataValidation(): DataValidationBuilderService {
    return new DataValidationBuilderService(this._rt);
  }
  openById(id: string): SpreadsheetService {
    if (String(id) !== this._rt.state.workbook.id)
      throw new ServiceError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return new SpreadsheetService(this._rt);
  }
}

/** The `template` of insertSheet's options: a sheet of this spreadsheet whose content the new sheet copies. */
function templateOf(options: unknown): SheetModel | undefined {
  if (options === undefined) return undefined;
  const template = (options as { template?: unknown }).template;
  if (template === undefined) return undefined;
  if (!(template instanceof SheetService))
    throw new ServiceError(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.",
    );
  if (!template._sheet.book.sheets.includes(template._sheet)) throw new ServiceError('The sheet has been deleted.');
  return template._sheet;
}
