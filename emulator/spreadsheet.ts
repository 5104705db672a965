/** SpreadsheetApp and Spreadsheet. */
import { parseA1, splitSheetRef } from './a1';
import { RangeService } from './range';
import { Service, SCOPES, type Runtime, num } from './runtime';
import { checkCellLimit, checkSheetName, SheetService } from './sheet';
import { isValidTimeZone } from './time';
import { UiService } from './ui';
import { DataValidationBuilderService } from './validation';
import { DEFAULTS, ServiceError, Workbook, type SheetModel } from './workbook';
import { UserService } from './services';

export class SpreadsheetService extends Service {
  readonly _class = 'Spreadsheet';
  /** `book`: another spreadsheet of the Drive (SpreadsheetApp.openById); default the active one. */
  constructor(
    rt: Runtime,
    private readonly book?: Workbook,
  ) {
    super(rt);
  }
  get _book(): Workbook {
    return this.book ?? this._rt.state.workbook;
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
    const drive = this._rt.state.drive;
    const id = drive.idOf(this._book);
    return new UserService(this._rt, id && drive.workbook(id) ? drive.owner(id) : this._rt.state.effectiveUser);
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
    const drive = this._rt.state.drive;
    const id = drive.idOf(this._book);
    if (id && drive.workbook(id))
      return [drive.owner(id), ...drive.editors(id)].map((e) => new UserService(this._rt, e));
    return this._rt.state.effectiveUser ? [new UserService(this._rt, this._rt.state.effectiveUser)] : [];
  }
  addEditor(_email: unknown): this {
    return this;
  }
  getProtections(type: unknown): unknown[] {
    return this._book.sheets.flatMap((s) => new SheetService(this._rt, s).getProtections(type));
  }
}

/** SpreadsheetApp methods that reach other files: they need the full spreadsheets scope and FULL authorization. */
const OPENERS = new Set(['openById', 'openByUrl', 'create']);

export class SpreadsheetAppService extends Service {
  readonly _class = 'SpreadsheetApp';
  override _minAuth(method: string) {
    if (OPENERS.has(method)) return 'FULL' as const;
    return method === 'getUi' || method === 'newDataValidation' ? ('NONE' as const) : ('LIMITED' as const);
  }
  override _scope(method: string): string {
    return OPENERS.has(method) ? SCOPES.spreadsheets : SCOPES.sheets;
  }
  override _manifestScope(method: string): string | null {
    return OPENERS.has(method) ? SCOPES.spreadsheets : null;
  }
  /**
   * A manifest whose oauthScopes lack .../auth/spreadsheets (e.g. only spreadsheets.currentonly or
   * spreadsheets.readonly), and a simple trigger, get "Specified permissions are not sufficient to call
   * SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets" — reported from live
   * runs in several public projects (e.g. GeorgeDoors888/GB-Power-Market-JJ OAUTH_SCOPE_FIX_GUIDE.md and
   * FIX_APPS_SCRIPT_PERMISSIONS.md for UrlFetchApp.fetch / ScriptApp with the same manifest situation), including
   * when the id is the bound spreadsheet's own: the scope check comes before the file lookup. (The "You do not have
   * permission to call SpreadsheetApp.openById" form is reported for stale tokens of web apps and clasp run.)
   */
  override _deniedMessage(method: string, scope: string): string {
    if (OPENERS.has(method))
      return `Specified permissions are not sufficient to call SpreadsheetApp.${method}. Required permissions: ${scope}`;
    return super._deniedMessage(method, scope);
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
  /**
   * Another spreadsheet of the Drive, bound like the active one (counted as usual). Unknown or deleted id: "Unexpected
   * error while getting the method or property openById on object SpreadsheetApp." (widely reported, e.g.
   * Nerdware-Developers/P-O-S FIX_SPREADSHEET_ERROR.md); a file the account has no role on: "You do not have permission
   * to access the requested document." (reported in many public projects' troubleshooting notes). A viewer gets the
   * spreadsheet; that writes then fail for a viewer is not emulated.
   */
  openById(id: unknown): SpreadsheetService {
    return this._open(String(id), 'openById');
  }
  /**
   * By URL (`…/spreadsheets/d/<id>/…`). The texts for a missing file are assumed to follow openById's with
   * "openByUrl" (unconfirmed); a URL without a spreadsheet id throws "Invalid argument: url" (unconfirmed).
   */
  openByUrl(url: unknown): SpreadsheetService {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw new ServiceError('Invalid argument: url');
    return this._open(m[1], 'openByUrl');
  }
  /**
   * A new spreadsheet in the Drive owned by the running account, with one sheet "Sheet1" (rows × columns, default
   * 1000 × 26), the active spreadsheet's locale and the script's time zone; the app counts as its creator (drive.file
   * reaches it).
   */
  create(name: unknown, rows?: unknown, columns?: unknown): SpreadsheetService {
    const book = new Workbook({
      name: String(name),
      locale: this._rt.state.workbook.locale,
      timeZone: this._rt.state.scriptTimeZone,
    });
    const sheet = book.createSheet('Sheet1', 0);
    if (rows !== undefined) sheet.maxRows = num(rows);
    if (columns !== undefined) sheet.maxCols = num(columns);
    const account = this._rt.account();
    this._rt.state.drive.add(book, { owner: account });
    recordCreated(this._rt, book.id);
    return new SpreadsheetService(this._rt, book);
  }
  _open(id: string, method: string): SpreadsheetService {
    const state = this._rt.state;
    const book = state.drive.workbook(id);
    if (!book)
      throw new ServiceError(
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    if (book !== state.workbook && !state.drive.role(id, this._rt.account()))
      throw new ServiceError('You do not have permission to access the requested document.');
    return new SpreadsheetService(this._rt, book === state.workbook ? undefined : book);
  }
}

/** Records that this app created file `id` for the running account (drive.file then reaches it). */
export function recordCreated(rt: Runtime, id: string): void {
  const key = rt.account().toLowerCase();
  const list = rt.state.createdFiles.get(key) ?? [];
  if (!list.includes(id)) list.push(id);
  rt.state.createdFiles.set(key, list);
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
