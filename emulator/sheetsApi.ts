/**
 * The Sheets advanced service (Sheets API v4 as Apps Script exposes it): installed as a global only when the manifest
 * enables it (dependencies.enabledAdvancedServices, serviceId 'sheets'), under its userSymbol.
 *
 * Emulated: Sheets.Spreadsheets.get / create and Sheets.Spreadsheets.Values.get / batchGet. Calls need FULL
 * authorization and are counted as `Sheets.Spreadsheets.Values.batchGet` etc. whatever the userSymbol; the cells a
 * read returns are added to cellsRead.
 *
 * Errors are what Apps Script throws for a failed API call: an Error whose name is GoogleJsonResponseException, whose
 * message is `API call to sheets.spreadsheets.values.batchGet failed with error: <API message>` and whose `details`
 * is `{ code, message, errors: [{ message, domain, reason }] }` (String(e) is `GoogleJsonResponseException: API call
 * to …`). That shape is from a recorded live run of another advanced service (Gmail users.history.list, a public
 * spike report: e.name GoogleJsonResponseException, e.details {code: 404, message, errors[{reason: 'notFound',
 * domain: 'global', message}]}) and matches e.g. "GoogleJsonResponseException: API call to gmail.users.labels.list
 * failed with error: Request had insufficient authentication scopes." in googleworkspace/apps-script-samples#159.
 *
 * Access, in the order the checks run:
 * 1. scope: the manifest's oauthScopes (when declared) must hold one the API method accepts — for reads spreadsheets,
 *    spreadsheets.readonly, drive, drive.readonly or drive.file (the scope list of
 *    https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet). spreadsheets.currentonly
 *    is an Apps Script scope the Sheets API does not accept, so it reaches no file through this service, not even the
 *    active one → 403 "Request had insufficient authentication scopes.". No declared scopes: Apps Script infers
 *    them (it adds the spreadsheets scope for an enabled Sheets service), so everything the user can open is reached.
 * 2. file: unknown or deleted id → 404 "Requested entity was not found.".
 * 3. role: the running account needs a role on the file (owner/editor/viewer; the active spreadsheet is always open
 *    to it) → else 403 "The caller does not have permission" (no trailing period, as the API sends it: e.g.
 *    VoltaicHQ/Progress-Sheet-Updater#40, googleapis/google-api-ruby-client#461).
 * 4. per-file grant: with drive.file as the only reaching scope, the file must be one the user picked for this app
 *    (emu.pickFiles), one the app created, or the active spreadsheet (the last one as the brief of this emulator
 *    assumes; unconfirmed) → else 403 "The caller does not have permission" (unconfirmed: the Sheets API's answer for
 *    a file drive.file does not reach was not found in a stored source; the Drive API answers 404 there).
 */
import { parseA1, quoteSheetName, rectToA1, type GridRect } from './a1';
import { Service, SCOPES, type Runtime } from './runtime';
import { recordCreated } from './spreadsheet';
import { dateToSerial } from './time';
import { DEFAULTS, ServiceError, Workbook, type SheetModel } from './workbook';

const AUTH = 'https://www.googleapis.com/auth/';
export const SHEETS_API_SCOPES = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsReadonly: `${AUTH}spreadsheets.readonly`,
  drive: `${AUTH}drive`,
  driveReadonly: `${AUTH}drive.readonly`,
  driveFile: `${AUTH}drive.file`,
};
const S = SHEETS_API_SCOPES;
/** Scopes a read (get, values.get, values.batchGet) accepts, and those that reach any file the user can open. */
const READ_SCOPES = [S.spreadsheets, S.spreadsheetsReadonly, S.drive, S.driveReadonly, S.driveFile];
const BROAD_READ = [S.spreadsheets, S.spreadsheetsReadonly, S.drive, S.driveReadonly];
/** spreadsheets.create accepts these. */
const CREATE_SCOPES = [S.spreadsheets, S.drive, S.driveFile];

/** What Apps Script throws when an advanced-service call fails (see the file comment). */
export class GoogleJsonResponseError extends ServiceError {
  readonly details: {
    code: number;
    message: string;
    errors: Array<{ message: string; domain: string; reason: string }>;
  };
  constructor(apiMethod: string, code: number, message: string, reason: string) {
    super(`API call to ${apiMethod} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, errors: [{ message, domain: 'global', reason }] };
  }
}

export const NOT_FOUND = 'Requested entity was not found.';
export const CALLER_NO_PERMISSION = 'The caller does not have permission';
export const INSUFFICIENT_SCOPES = 'Request had insufficient authentication scopes.';

type Rendered = string | number | boolean;
type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
type Dimension = 'ROWS' | 'COLUMNS';

interface ValueOptions {
  valueRender: ValueRender;
  dateRender: DateRender;
  dimension: Dimension;
}

abstract class SheetsApiBase extends Service {
  override _minAuth() {
    return 'FULL' as const;
  }
  override _scope(): string {
    // Which scope Apps Script names when an advanced service is called without authorization is unconfirmed.
    return SCOPES.spreadsheets;
  }

  /** Checks scope, existence, role and per-file grant (see the file comment); returns the file's workbook. */
  _open(apiMethod: string, id: unknown): Workbook {
    const rt = this._rt;
    const declared = rt.state.oauthScopes;
    if (declared && !declared.some((s) => READ_SCOPES.includes(s)))
      throw new GoogleJsonResponseError(apiMethod, 403, INSUFFICIENT_SCOPES, 'forbidden');
    const drive = rt.state.drive;
    const fileId = String(id);
    const book = drive.workbook(fileId);
    if (!book) throw new GoogleJsonResponseError(apiMethod, 404, NOT_FOUND, 'notFound');
    const active = book === rt.state.workbook;
    const account = rt.account();
    if (!active && !drive.role(fileId, account))
      throw new GoogleJsonResponseError(apiMethod, 403, CALLER_NO_PERMISSION, 'forbidden');
    if (declared && !declared.some((s) => BROAD_READ.includes(s))) {
      const key = account.toLowerCase();
      const granted =
        active ||
        (rt.state.pickedFiles.get(key) ?? []).includes(fileId) ||
        (rt.state.createdFiles.get(key) ?? []).includes(fileId);
      if (!granted) throw new GoogleJsonResponseError(apiMethod, 403, CALLER_NO_PERMISSION, 'forbidden');
    }
    return book;
  }
}

/** The global (e.g. `Sheets`): holds the Spreadsheets collection. */
export class SheetsAdvancedService extends SheetsApiBase {
  readonly _class = 'Sheets';
  private readonly spreadsheets: SpreadsheetsCollection;
  constructor(rt: Runtime) {
    super(rt);
    this.spreadsheets = new SpreadsheetsCollection(rt);
  }
  override _get(prop: string): unknown {
    return prop === 'Spreadsheets' ? this.spreadsheets : undefined;
  }
}

export class SpreadsheetsCollection extends SheetsApiBase {
  readonly _class = 'Sheets.Spreadsheets';
  private readonly values: ValuesCollection;
  constructor(rt: Runtime) {
    super(rt);
    this.values = new ValuesCollection(rt);
  }
  override _get(prop: string): unknown {
    return prop === 'Values' ? this.values : undefined;
  }

  /**
   * The spreadsheet resource: spreadsheetId, properties {title, locale, autoRecalc, timeZone}, sheets [{properties
   * {sheetId, title, index, sheetType, gridProperties {rowCount, columnCount, frozenRowCount?, frozenColumnCount?},
   * hidden?}}], spreadsheetUrl. `fields` is applied as a partial-response mask ('sheets.properties',
   * 'sheets(properties(sheetId,title))', 'properties/title', '*'); ranges and includeGridData are ignored.
   */
  get(spreadsheetId: unknown, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    const book = this._open('sheets.spreadsheets.get', spreadsheetId);
    const resource = spreadsheetResource(book);
    const fields = optionalArgs?.fields;
    return typeof fields === 'string' && fields.trim() !== '' ? applyFields(resource, parseFields(fields)) : resource;
  }

  /**
   * Creates a spreadsheet owned by the running account from `{ properties: { title, locale, timeZone }, sheets:
   * [{ properties: { title, gridProperties: { rowCount, columnCount } } }] }` (default one sheet "Sheet1", 1000 × 26);
   * the app counts as its creator, so drive.file reaches it. Returns the new resource.
   */
  create(resource?: Record<string, unknown>): Record<string, unknown> {
    const apiMethod = 'sheets.spreadsheets.create';
    const declared = this._rt.state.oauthScopes;
    if (declared && !declared.some((s) => CREATE_SCOPES.includes(s)))
      throw new GoogleJsonResponseError(apiMethod, 403, INSUFFICIENT_SCOPES, 'forbidden');
    const props = (resource?.properties ?? {}) as Record<string, unknown>;
    const book = new Workbook({
      name: props.title === undefined ? 'Untitled spreadsheet' : String(props.title),
      locale: props.locale === undefined ? this._rt.state.workbook.locale : String(props.locale),
      timeZone: props.timeZone === undefined ? this._rt.state.scriptTimeZone : String(props.timeZone),
    });
    const sheets = Array.isArray(resource?.sheets) ? (resource.sheets as Array<Record<string, unknown>>) : [];
    if (sheets.length === 0) book.createSheet('Sheet1', 0);
    sheets.forEach((s, i) => {
      const p = (s.properties ?? {}) as Record<string, unknown>;
      const sheet = book.createSheet(p.title === undefined ? `Sheet${i + 1}` : String(p.title), i);
      const grid = (p.gridProperties ?? {}) as Record<string, unknown>;
      sheet.maxRows = grid.rowCount === undefined ? DEFAULTS.rows : Number(grid.rowCount);
      sheet.maxCols = grid.columnCount === undefined ? DEFAULTS.columns : Number(grid.columnCount);
    });
    this._rt.state.drive.add(book, { owner: this._rt.account() });
    recordCreated(this._rt, book.id);
    return spreadsheetResource(book);
  }
}

export class ValuesCollection extends SheetsApiBase {
  readonly _class = 'Sheets.Spreadsheets.Values';

  /**
   * `{ spreadsheetId, valueRanges: [{ range, majorDimension, values? }] }`, one ValueRange per requested range in
   * order. optionalArgs: ranges (array or one string), valueRenderOption (FORMATTED_VALUE default,
   * UNFORMATTED_VALUE, FORMULA), dateTimeRenderOption (SERIAL_NUMBER default, FORMATTED_STRING), majorDimension
   * (ROWS default, COLUMNS). No ranges: just `{ spreadsheetId }`.
   */
  batchGet(spreadsheetId: unknown, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    const apiMethod = 'sheets.spreadsheets.values.batchGet';
    const book = this._open(apiMethod, spreadsheetId);
    const opts = valueOptions(apiMethod, optionalArgs);
    const raw = optionalArgs?.ranges;
    const ranges = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
    // The API answers all or nothing: one bad range fails the whole call.
    const resolved = ranges.map((r) => resolveRange(apiMethod, book, r));
    const valueRanges = resolved.map((r) => this._valueRange(r, opts));
    return valueRanges.length
      ? { spreadsheetId: String(spreadsheetId), valueRanges }
      : { spreadsheetId: String(spreadsheetId) };
  }

  /** One range: `{ range, majorDimension, values? }` (same options as batchGet). */
  get(spreadsheetId: unknown, range: unknown, optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    const apiMethod = 'sheets.spreadsheets.values.get';
    const book = this._open(apiMethod, spreadsheetId);
    const opts = valueOptions(apiMethod, optionalArgs);
    return this._valueRange(resolveRange(apiMethod, book, String(range)), opts);
  }

  _valueRange(r: ResolvedRange, opts: ValueOptions): Record<string, unknown> {
    const values = readValues(r.sheet, r.rect, opts);
    this._rt.counter.read(values.reduce((n, line) => n + line.length, 0));
    return values.length
      ? { range: r.a1, majorDimension: opts.dimension, values }
      : { range: r.a1, majorDimension: opts.dimension };
  }
}

// ---------------------------------------------------------------- ranges and values

interface ResolvedRange {
  sheet: SheetModel;
  rect: GridRect;
  /** Normalised, as the API echoes it: 'Paket Rekap'!A1:Z1000. */
  a1: string;
}

/** A sheet name as the API writes it in A1 notation (quoted unless a plain identifier that is not a cell). */
export function apiSheetName(name: string): string {
  const quoted = quoteSheetName(name);
  if (quoted !== name) return quoted;
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name) ? `'${name}'` : name;
}

function unquote(name: string): string {
  return name.length >= 2 && name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Resolves an A1 range as the API does: `'Sheet'!A1:F`, `Sheet!A:Z`, `'Sheet'!2:5`, `'Sheet'` (whole sheet),
 * `A1:B2` (first visible sheet). Open ends run to the grid's edge; an end past the grid is clipped to it.
 * Unknown sheet or malformed reference → 400 "Unable to parse range: <range as sent>" (text as the API sends it,
 * e.g. burnash/gspread#1601). A range starting outside the grid → 400 "Range ('Sheet'!A2000) exceeds grid limits.
 * Max rows: 1000, max columns: 26" (the API's text for writes; for reads unconfirmed).
 */
function resolveRange(apiMethod: string, book: Workbook, input: string): ResolvedRange {
  const fail = () => new GoogleJsonResponseError(apiMethod, 400, `Unable to parse range: ${input}`, 'badRequest');
  const text = input.trim();
  let sheet: SheetModel | undefined;
  let ref: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = book.sheet(unquote(text.slice(0, bang)));
    ref = text.slice(bang + 1);
    if (!sheet || ref.trim() === '') throw fail();
  } else {
    sheet = book.sheet(unquote(text));
    if (!sheet) {
      ref = text;
      sheet = book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
    }
  }
  if (!sheet) throw fail();
  let rect: GridRect;
  if (ref === undefined) rect = { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  else {
    const parsed = parseA1(ref, sheet.maxRows, sheet.maxCols);
    if (!parsed || parsed.row < 1 || parsed.col < 1) throw fail();
    rect = parsed;
  }
  const name = apiSheetName(sheet.name);
  if (rect.row > sheet.maxRows || rect.col > sheet.maxCols)
    throw new GoogleJsonResponseError(
      apiMethod,
      400,
      `Range (${name}!${rectToA1(rect)}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
      'badRequest',
    );
  rect = {
    ...rect,
    numRows: Math.min(rect.numRows, sheet.maxRows - rect.row + 1),
    numCols: Math.min(rect.numCols, sheet.maxCols - rect.col + 1),
  };
  return { sheet, rect, a1: `${name}!${rectToA1(rect)}` };
}

function valueOptions(apiMethod: string, args?: Record<string, unknown>): ValueOptions {
  // The texts of these 400s follow the API's usual "Invalid value at …" form (unconfirmed for these fields).
  const pick = <T extends string>(key: string, field: string, allowed: T[], fallback: T): T => {
    const v = args?.[key];
    if (v === undefined || v === null) return fallback;
    const s = String(v);
    if ((allowed as string[]).includes(s)) return s as T;
    throw new GoogleJsonResponseError(apiMethod, 400, `Invalid value at '${field}' (TYPE_ENUM), "${s}"`, 'invalid');
  };
  const valueRender = pick<ValueRender>(
    'valueRenderOption',
    'value_render_option',
    ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
    'FORMATTED_VALUE',
  );
  const dateRender = pick<DateRender>(
    'dateTimeRenderOption',
    'date_time_render_option',
    ['SERIAL_NUMBER', 'FORMATTED_STRING'],
    'SERIAL_NUMBER',
  );
  const dim = pick<Dimension | 'DIMENSION_UNSPECIFIED'>(
    'majorDimension',
    'major_dimension',
    ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'],
    'ROWS',
  );
  return { valueRender, dateRender, dimension: dim === 'COLUMNS' ? 'COLUMNS' : 'ROWS' };
}

/**
 * One cell as the API renders it, or undefined when empty. FORMATTED_VALUE: the display string. UNFORMATTED_VALUE:
 * numbers, booleans and strings as they are; dates as serial numbers (SERIAL_NUMBER, the default) or their display
 * string (FORMATTED_STRING). FORMULA: a formula cell's formula, other cells as UNFORMATTED_VALUE. The emulator does
 * not evaluate formulas, so a formula cell reads "" in the other modes (but is not empty for trimming).
 */
function renderCell(sheet: SheetModel, row: number, col: number, opts: ValueOptions): Rendered | undefined {
  const cell = sheet.getCell(row, col);
  if (!cell || (cell.value === '' && !cell.formula)) return undefined;
  if (opts.valueRender === 'FORMULA' && cell.formula) return cell.formula;
  if (opts.valueRender === 'FORMATTED_VALUE') return sheet.displayValue(row, col);
  const v = cell.value;
  if (v instanceof Date)
    return opts.dateRender === 'FORMATTED_STRING' ? sheet.displayValue(row, col) : dateToSerial(v, sheet.book.timeZone);
  return v;
}

/** The grid in the major dimension asked for, trailing empty cells of each line and trailing empty lines left out. */
function readValues(sheet: SheetModel, rect: GridRect, opts: ValueOptions): Rendered[][] {
  const byRows = opts.dimension === 'ROWS';
  const outer = byRows ? rect.numRows : rect.numCols;
  const inner = byRows ? rect.numCols : rect.numRows;
  // Only rows that hold data can contribute: stop at the sheet's last row with content.
  const lastDataRow = Math.min(rect.row + rect.numRows - 1, sheet.lastRow());
  const lines: Rendered[][] = [];
  for (let i = 0; i < outer; i++) {
    const line: Array<Rendered | undefined> = [];
    if (byRows && rect.row + i > lastDataRow) break;
    const innerMax = byRows ? inner : Math.max(0, lastDataRow - rect.row + 1);
    for (let j = 0; j < innerMax; j++) {
      const row = byRows ? rect.row + i : rect.row + j;
      const col = byRows ? rect.col + j : rect.col + i;
      line.push(renderCell(sheet, row, col, opts));
    }
    let end = line.length;
    while (end > 0 && line[end - 1] === undefined) end--;
    lines.push(line.slice(0, end).map((v) => (v === undefined ? '' : v)));
  }
  let last = lines.length;
  while (last > 0 && lines[last - 1].length === 0) last--;
  return lines.slice(0, last);
}

// ---------------------------------------------------------------- spreadsheet resource and field masks

function spreadsheetResource(book: Workbook): Record<string, unknown> {
  return {
    spreadsheetId: book.id,
    properties: { title: book.name, locale: book.locale, autoRecalc: 'ON_CHANGE', timeZone: book.timeZone },
    sheets: book.sheets.map((s, index) => {
      const gridProperties: Record<string, number> = { rowCount: s.maxRows, columnCount: s.maxCols };
      if (s.frozenRows > 0) gridProperties.frozenRowCount = s.frozenRows;
      if (s.frozenColumns > 0) gridProperties.frozenColumnCount = s.frozenColumns;
      const properties: Record<string, unknown> = {
        sheetId: s.id,
        title: s.name,
        index,
        sheetType: 'GRID',
        gridProperties,
      };
      if (s.hidden) properties.hidden = true;
      return { properties };
    }),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
  };
}

type FieldTree = Map<string, FieldTree | true>;

/** Parses a partial-response mask: `a,b/c,d(e,f.g)`; '/' and '.' both separate path steps. */
export function parseFields(mask: string): FieldTree {
  let i = 0;
  const tree: FieldTree = new Map();
  const merge = (into: FieldTree, path: string[], sub: FieldTree | true): void => {
    let node = into;
    path.forEach((step, k) => {
      const last = k === path.length - 1;
      const existing = node.get(step);
      if (last) {
        if (sub === true || existing === true) node.set(step, true);
        else if (existing) for (const [key, v] of sub) merge(existing, [key], v);
        else node.set(step, sub);
      } else {
        if (existing === true) return;
        let next = existing;
        if (!next) node.set(step, (next = new Map()));
        node = next;
      }
    });
  };
  const list = (into: FieldTree): void => {
    for (;;) {
      const start = i;
      while (i < mask.length && !',()'.includes(mask[i])) i++;
      const path = mask
        .slice(start, i)
        .trim()
        .split(/[/.]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      let sub: FieldTree | true = true;
      if (mask[i] === '(') {
        i++;
        sub = new Map();
        list(sub);
        if (mask[i] === ')') i++;
      }
      if (path.length) merge(into, path, sub);
      if (mask[i] === ',') {
        i++;
        continue;
      }
      return;
    }
  };
  list(tree);
  return tree;
}

export function applyFields(value: unknown, tree: FieldTree): Record<string, unknown> {
  return apply(value, tree) as Record<string, unknown>;
}

function apply(value: unknown, tree: FieldTree | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => apply(v, tree));
  if (tree.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = apply(v, sub);
  }
  return out;
}
