/** The Emulator: runs the built bundle in a fresh vm context per simulated execution. */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parseA1, rectToA1 } from './a1';
import { ChartsService } from './charts';
import { Drive } from './drive';
import { displayValue } from './format';
import { HtmlServiceService } from './html';
import { RangeService } from './range';
import { EnumRef, Runtime, type Service } from './runtime';
import {
  CacheServiceService,
  LockServiceService,
  LoggerService,
  PropertiesServiceService,
  ScriptAppService,
  SessionService,
  UserService,
  UtilitiesService,
} from './services';
import { SheetsAdvancedService } from './sheetsApi';
import { SpreadsheetAppService, SpreadsheetService } from './spreadsheet';
import {
  emptyUi,
  type AdvancedServiceConfig,
  type AlertRecord,
  type AuthMode,
  type ButtonName,
  type EmulatorState,
  type PromptRecord,
  type RunResult,
  type TriggerEventType,
} from './types';
import { MAX_CELL_CHARS, ServiceError, Workbook, type CellValue, type SheetModel } from './workbook';

export interface EmulatorOptions {
  /** JavaScript source to run instead of `<distDir>/Code.js`. */
  code?: string;
  /** Where Code.js and the *.html files are; default `<repo>/dist`. */
  distDir?: string;
  /** In-memory HTML files (name → content), consulted before distDir. */
  htmlFiles?: Record<string, string>;
  workbook?: Workbook;
  /** Active user's email ('' allowed: consumer accounts often hide it). */
  user?: string;
  effectiveUser?: string;
  /** The script's time zone (Session.getScriptTimeZone); default Asia/Makassar. */
  timeZone?: string;
  /**
   * The manifest's oauthScopes. Default: `oauthScopes` of `<distDir>/appsscript.json` when that file exists and the
   * code comes from distDir (not when `code` is given without `distDir`); none means no scope checks.
   */
  oauthScopes?: string[];
  /**
   * The spreadsheets the script may open by id (SpreadsheetApp.openById, the Sheets advanced service). The active
   * `workbook` is added to it (owned by the effective user) unless it is already there. Without one, the Emulator
   * keeps a Drive of its own holding only the active workbook, under its current id.
   */
  drive?: Drive;
  /**
   * The manifest's dependencies.enabledAdvancedServices; wins over `<distDir>/appsscript.json` (read under the same
   * rule as oauthScopes). Only serviceId 'sheets' is emulated (installed as its userSymbol); others are ignored.
   */
  advancedServices?: AdvancedServiceConfig[];
}

/** A form submission's answers: by exact question header, or in column order from column 2. */
export type FormAnswers = Record<string, CellValue> | CellValue[];

/** The host's view of an installable trigger (emu.triggers()). */
export interface TriggerInfo {
  uid: string;
  user: string;
  handler: string;
  eventType: TriggerEventType;
  sourceId: string;
}

export interface RunOptions {
  authMode?: AuthMode;
  user?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..');

/** Names installed as globals in every execution. */
const GLOBAL_FACTORIES: Record<string, (rt: Runtime) => Service> = {
  SpreadsheetApp: (rt) => new SpreadsheetAppService(rt),
  HtmlService: (rt) => new HtmlServiceService(rt),
  PropertiesService: (rt) => new PropertiesServiceService(rt),
  LockService: (rt) => new LockServiceService(rt),
  Session: (rt) => new SessionService(rt),
  Utilities: (rt) => new UtilitiesService(rt),
  Logger: (rt) => new LoggerService(rt),
  ScriptApp: (rt) => new ScriptAppService(rt),
  CacheService: (rt) => new CacheServiceService(rt),
  Charts: (rt) => new ChartsService(rt),
};

export class Emulator {
  readonly workbook: Workbook;
  readonly documentProperties: Map<string, string>;
  readonly scriptProperties: Map<string, string>;
  lastRun?: RunResult;
  user: string;
  /** The Drive the script's spreadsheets live in (the one passed in, or the Emulator's own). */
  readonly drive: Drive;
  private readonly state: EmulatorState;
  private readonly advancedServices: AdvancedServiceConfig[];
  private readonly distDir: string;
  private readonly codeOverride?: string;
  private readonly htmlFiles: Record<string, string>;
  private compiled?: vm.Script;
  private functionsCache?: string[];
  private fault: { n: number; message: string } | null = null;

  constructor(opts: EmulatorOptions = {}) {
    this.workbook = opts.workbook ?? new Workbook();
    this.user = opts.user ?? 'user@example.com';
    this.distDir = opts.distDir ?? path.join(REPO_ROOT, 'dist');
    this.codeOverride = opts.code;
    this.htmlFiles = { ...(opts.htmlFiles ?? {}) };
    this.documentProperties = new Map();
    this.scriptProperties = new Map();
    const effectiveUser =
      opts.effectiveUser ?? (opts.user === undefined || opts.user === '' ? 'owner@example.com' : opts.user);
    this.drive = opts.drive ?? new Drive();
    if (!this.drive.idOf(this.workbook)) {
      if (opts.drive) this.drive.add(this.workbook, { owner: effectiveUser });
      else this.drive.register(this.workbook, { owner: effectiveUser });
    }
    const readsManifest = opts.code === undefined || opts.distDir !== undefined;
    const manifest = readsManifest ? readManifest(this.distDir) : { oauthScopes: null, advancedServices: [] };
    this.advancedServices = (opts.advancedServices ?? manifest.advancedServices).map((a) => ({ ...a }));
    this.state = {
      workbook: this.workbook,
      documentProperties: this.documentProperties,
      scriptProperties: this.scriptProperties,
      userPropertyStores: new Map(),
      caches: new Map(),
      heldLocks: new Set(),
      effectiveUser,
      scriptTimeZone: opts.timeZone ?? 'Asia/Makassar',
      alertResponder: (a) => defaultButton(a.buttons),
      promptResponder: (p) => ({ button: defaultButton(p.buttons), text: '' }),
      readHtmlFile: (name) => this.readHtml(name),
      now: () => Date.now() + this.state.clockShift,
      clockShift: 0,
      triggers: [],
      nextTriggerSeq: 0,
      oauthScopes: opts.oauthScopes ? [...opts.oauthScopes] : manifest.oauthScopes,
      authorizationRequired: false,
      drive: this.drive,
      pickedFiles: new Map(),
      createdFiles: new Map(),
    };
  }

  /**
   * What the Google Picker does for a drive.file app: `user` picks these files, granting this app per-file access to
   * them (the Sheets advanced service then reaches them under drive.file). The Picker only lists files the user can
   * open, so an unknown, deleted or unshared id throws. Grants persist across executions; unsharing a picked file
   * later takes the user's access away, and with it the app's.
   */
  pickFiles(user: string, ids: string[]): void {
    const key = user.toLowerCase();
    const list = this.state.pickedFiles.get(key) ?? [];
    for (const id of ids) {
      if (!this.drive.workbook(id)) throw new Error(`pickFiles: no file ${id} in the Drive`);
      if (!this.drive.role(id, user))
        throw new Error(`pickFiles: ${user} cannot open ${id}, so the Picker does not list it`);
      if (!list.includes(id)) list.push(id);
    }
    this.state.pickedFiles.set(key, list);
  }

  /** The files `user` picked for this app, in the order first picked (not the implicit active/created files). */
  pickedFiles(user: string): string[] {
    return [...(this.state.pickedFiles.get(user.toLowerCase()) ?? [])];
  }

  /** The files this app created for `user` (SpreadsheetApp.create, Sheets.Spreadsheets.create). */
  createdFiles(user: string): string[] {
    return [...(this.state.createdFiles.get(user.toLowerCase()) ?? [])];
  }

  /** The advanced services the manifest (or the options) enable; only 'sheets' is emulated. */
  get enabledAdvancedServices(): AdvancedServiceConfig[] {
    return this.advancedServices.map((a) => ({ ...a }));
  }

  /**
   * Simulates an add-on update that needs new authorization: ScriptApp.getAuthorizationInfo(AuthMode.FULL) then
   * reports REQUIRED with an authorization URL. (Services still run: which ones the update added is not modelled.)
   */
  get authorizationRequired(): boolean {
    return this.state.authorizationRequired;
  }
  set authorizationRequired(v: boolean) {
    this.state.authorizationRequired = v;
  }

  /** The manifest scopes in force (null: no scope checks). */
  get oauthScopes(): string[] | null {
    return this.state.oauthScopes ? [...this.state.oauthScopes] : null;
  }

  /** Every installable trigger of this script (all users), in creation order; a copy. */
  triggers(): TriggerInfo[] {
    return this.state.triggers.map((t) => ({ ...t }));
  }

  /**
   * A Google Form submission as Sheets receives it: appends a row to the linked response sheet `sheetName` —
   * column 1 the timestamp (`opts.at` or now, milliseconds kept), then each answer under its question, written like
   * a user typing (so '0812…' becomes a number and '2024-05-01' a date) — then runs every ON_FORM_SUBMIT trigger of
   * this spreadsheet as its owner in FULL mode, without a UI. One RunResult per trigger run. `opts.user` (the
   * respondent) reaches no script: in the trigger Session.getActiveUser().getEmail() is '' and the effective user
   * is the trigger's owner.
   */
  submitForm(sheetName: string, answers: FormAnswers, opts: { at?: Date; user?: string } = {}): RunResult[] {
    const sheet = this.formSheet(sheetName);
    const headers = formHeaders(sheet);
    const row = sheet.lastRow() + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    const at = opts.at ?? new Date(this.state.now());
    const cells = new Map<number, CellValue>();
    if (Array.isArray(answers)) {
      if (answers.length > headers.length - 1)
        throw new Error(`${answers.length} answers for ${headers.length - 1} question columns of "${sheetName}"`);
      answers.forEach((v, i) => cells.set(i + 2, v));
    } else {
      for (const [question, v] of Object.entries(answers)) {
        const col = headers.indexOf(question) + 1;
        if (col < 2) throw new Error(`No question column "${question}" in "${sheetName}"`);
        cells.set(col, v);
      }
    }
    if (headers.length > sheet.maxCols) sheet.maxCols = headers.length;
    sheet.cellData(row, 1).value = new Date(at.getTime());
    for (const [col, v] of cells) {
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS)
        throw new Error(`An answer longer than ${MAX_CELL_CHARS} characters does not fit a cell`);
      sheet.writeTyped(row, col, v);
    }
    return this.fireFormSubmit(sheetName, row);
  }

  /**
   * Fires the form-submit event for an existing response row again, without writing anything (Sheets sometimes
   * sends a spurious second event); `blank: true` sends the empty variant: values all '' and every question [''].
   */
  fireFormSubmit(sheetName: string, row: number, opts: { blank?: boolean } = {}): RunResult[] {
    const sheet = this.formSheet(sheetName);
    const headers = formHeaders(sheet);
    const width = Math.max(1, headers.length);
    const values: string[] = [];
    const namedValues: Record<string, string[]> = {};
    for (let c = 1; c <= width; c++) {
      const shown = opts.blank ? '' : sheet.displayValue(row, c);
      values.push(shown);
      const h = headers[c - 1] ?? '';
      // Questions sharing a title share one entry, holding each column's value in order.
      if (h !== '') (namedValues[h] ??= []).push(shown);
    }
    const id = this.workbook.id;
    const due = this.state.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === id);
    return due.map((t) =>
      this.execute(
        t.handler,
        (rt) => [
          {
            authMode: new EnumRef('AuthMode', 'FULL'),
            namedValues: JSON.parse(JSON.stringify(namedValues)) as Record<string, string[]>,
            range: new RangeService(rt, sheet, { row, col: 1, numRows: 1, numCols: width }),
            // Not among the documented fields of the Sheets form-submit event; real events are reported to carry it
            // (unconfirmed). Scripts should prefer e.range.getSheet().getParent().
            source: new SpreadsheetService(rt),
            triggerUid: t.uid,
            values: [...values],
          },
        ],
        'FULL',
        '',
        undefined,
        { runAs: t.user, noUi: true },
      ),
    );
  }

  /**
   * Sets the clock the scripts see: from now on `new Date()` and `Date.now()` inside every execution (and the
   * emulator's own timestamps, such as a form response's) read `at` plus the time that has passed since this
   * call. For stories that span days (an announcement, then an objection period that must end); `null` goes
   * back to the real time. Dates built from numbers or text are unaffected.
   */
  setNow(at: Date | null): void {
    this.state.clockShift = at === null ? 0 : at.getTime() - Date.now();
  }

  /** Chooses the button an alert returns (default: the first button of its ButtonSet). */
  get alertResponder(): (alert: AlertRecord) => ButtonName {
    return this.state.alertResponder;
  }
  set alertResponder(fn: (alert: AlertRecord) => ButtonName) {
    this.state.alertResponder = fn;
  }
  /** Chooses the button and text a prompt returns (default: first button, ''). */
  get promptResponder(): (prompt: PromptRecord) => { button: ButtonName; text: string } {
    return this.state.promptResponder;
  }
  set promptResponder(fn: (prompt: PromptRecord) => { button: ButtonName; text: string }) {
    this.state.promptResponder = fn;
  }

  /** The persistent user-properties map of `email` (created on first use). */
  userProperties(email: string): Map<string, string> {
    let map = this.state.userPropertyStores.get(email);
    if (!map) this.state.userPropertyStores.set(email, (map = new Map()));
    return map;
  }

  holdDocumentLock(): void {
    this.state.heldLocks.add('document');
  }
  releaseDocumentLock(): void {
    this.state.heldLocks.delete('document');
  }
  holdScriptLock(): void {
    this.state.heldLocks.add('script');
  }
  releaseScriptLock(): void {
    this.state.heldLocks.delete('script');
  }

  /** Makes the n-th service call (1-based) of the next execution throw `message`; null clears. */
  failAfter(n: number | null, message = 'Service error: Spreadsheets'): void {
    this.fault = n === null ? null : { n, message };
  }

  /** Adds or replaces an in-memory HTML file. */
  setHtmlFile(name: string, content: string): void {
    this.htmlFiles[name.replace(/\.html$/, '')] = content;
  }

  /** Names of the top-level functions the bundle declares. */
  topLevelFunctions(): string[] {
    if (!this.functionsCache) {
      const list =
        'Object.getOwnPropertyNames(globalThis).filter(function (n) { try { return typeof globalThis[n] === "function"; } catch (e) { return false; } })';
      const base = this.newRuntime('FULL', this.user);
      const builtins = new Set(base.run(list, 'list.js') as string[]);
      const rt = this.newRuntime('FULL', this.user);
      this.script().runInContext(rt.ctx);
      this.functionsCache = (Array.from(rt.run(list, 'list.js') as string[]) as string[]).filter(
        (n) => !builtins.has(n),
      );
    }
    return [...this.functionsCache];
  }

  /** Runs a top-level function as a menu item or trigger would (default FULL authorization). */
  run(fnName: string, args: unknown[] = [], opts: RunOptions = {}): RunResult {
    return this.execute(fnName, () => args, opts.authMode ?? 'FULL', opts.user ?? this.user);
  }

  /**
   * Calls a function as google.script.run would: only public top-level functions; arguments and the result must be
   * primitives, plain objects and arrays; a server error is rethrown with its message. Returns the JSON-clean value.
   */
  runRpc(fnName: string, args: unknown[] = [], opts: { user?: string } = {}): unknown {
    if (fnName.endsWith('_') || !this.topLevelFunctions().includes(fnName)) {
      throw new TypeError(`google.script.run.${fnName} is not a function`);
    }
    args.forEach((a, i) => checkTransferable(a, String(i), (v) => isHostPlain(v)));
    let illegal: string | undefined;
    const result = this.execute(
      fnName,
      () => args,
      'FULL',
      opts.user ?? this.user,
      (raw, rt) => {
        try {
          checkTransferable(raw, 'result', (v) => isContextPlain(v, rt));
        } catch (e) {
          illegal = (e as Error).message;
        }
      },
    );
    if (result.error) {
      const err = new Error(result.error.message);
      err.name = result.error.name;
      throw err;
    }
    if (illegal) throw new Error(illegal);
    return result.value === undefined ? undefined : JSON.parse(JSON.stringify(result.value));
  }

  /**
   * Simulates a user typing or pasting into `a1` of `sheetName` (same typing rules as user entry), then fires the
   * bundle's onEdit(e) in LIMITED mode if it has one.
   */
  /** Empty every CacheService cache, as Google may do at any time. */
  clearCaches(): void {
    this.state.caches.clear();
  }

  edit(sheetName: string, a1: string, values: CellValue[][] | CellValue, opts: RunOptions = {}): RunResult {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    const grid: CellValue[][] = Array.isArray(values) ? values : [[values]];
    const parsed = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!parsed) throw new Error(`Bad A1 notation: ${a1}`);
    const rect = { ...parsed };
    if (rect.numRows === 1 && rect.numCols === 1) {
      rect.numRows = grid.length;
      rect.numCols = grid.reduce((w, r) => Math.max(w, r.length), 0);
    }
    if (grid.length !== rect.numRows || grid.some((r) => r.length !== rect.numCols)) {
      throw new Error(`The pasted data (${grid.length}×${grid[0]?.length ?? 0}) does not fit ${a1}`);
    }
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
      throw new Error(`${a1} is outside the sheet`);
    }
    const single = rect.numRows === 1 && rect.numCols === 1;
    const asEventText = (cell: { value: CellValue; numberFormat?: string } | undefined): string | undefined => {
      if (!cell || cell.value === '') return undefined;
      if (typeof cell.value === 'string') return cell.value;
      if (typeof cell.value === 'number') return String(cell.value);
      if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
      return displayValue(cell.value, cell.numberFormat, this.workbook.locale, this.workbook.timeZone);
    };
    const oldValue = single ? asEventText(sheet.getCell(rect.row, rect.col)) : undefined;
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
          throw new Error(
            `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
          );
        }
        sheet.writeTyped(rect.row + i, rect.col + j, v);
      }),
    );
    this.workbook.activeSheetIndex = this.workbook.sheets.indexOf(sheet);
    this.workbook.activeRangeA1 = rectToA1(rect);
    const newValue = single ? asEventText(sheet.getCell(rect.row, rect.col)) : undefined;
    const authMode = opts.authMode ?? 'LIMITED';
    const user = opts.user ?? this.user;
    if (!this.topLevelFunctions().includes('onEdit')) {
      const result: RunResult = {
        value: undefined,
        calls: {},
        totalCalls: 0,
        cellsRead: 0,
        cellsWritten: 0,
        ui: emptyUi(),
        logs: [],
        authMode,
        fnName: 'onEdit',
        unreleasedLocks: [],
        naiveCalls: 0,
        flushes: 0,
        sleptMs: 0,
      };
      this.lastRun = result;
      return result;
    }
    return this.execute(
      'onEdit',
      (rt) => {
        const e: Record<string, unknown> = {
          authMode: new EnumRef('AuthMode', authMode),
          range: new RangeService(rt, sheet, rect),
          source: new SpreadsheetService(rt),
          user: new UserService(rt, user),
          triggerUid: 'emulator-onEdit',
        };
        if (single && newValue !== undefined) e.value = newValue;
        if (single && oldValue !== undefined) e.oldValue = oldValue;
        return [e];
      },
      authMode,
      user,
    );
  }

  // ---------------------------------------------------------------- internals

  private code(): string {
    if (this.codeOverride !== undefined) return this.codeOverride;
    const file = path.join(this.distDir, 'Code.js');
    if (!fs.existsSync(file)) throw new Error(`Emulator: ${file} not found (run the build first, or pass { code })`);
    return fs.readFileSync(file, 'utf8');
  }

  private script(): vm.Script {
    if (!this.compiled) this.compiled = new vm.Script(this.code(), { filename: 'Code.js' });
    return this.compiled;
  }

  private readHtml(name: string): string {
    const base = name.replace(/\.html$/, '');
    if (Object.prototype.hasOwnProperty.call(this.htmlFiles, base)) return this.htmlFiles[base];
    const file = path.join(this.distDir, `${base}.html`);
    if (!fs.existsSync(file)) throw new ServiceError(`No HTML file named ${base} was found.`);
    return fs.readFileSync(file, 'utf8');
  }

  private formSheet(sheetName: string): SheetModel {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    if (!sheet.formUrl) throw new Error(`Sheet "${sheetName}" is not linked to a form (formUrl is null)`);
    return sheet;
  }

  private newRuntime(
    authMode: AuthMode,
    user: string,
    fault: { n: number; message: string } | null = null,
    context: { runAs?: string; noUi?: boolean } = {},
  ): Runtime {
    const rt = new Runtime(
      { state: this.state, authMode, user, failAt: fault?.n ?? null, failMessage: fault?.message, ...context },
      emptyUi(),
    );
    for (const [name, make] of Object.entries(GLOBAL_FACTORIES)) rt.setGlobal(name, rt.wrap(make(rt)));
    for (const a of this.advancedServices)
      if (a.serviceId === 'sheets' && a.userSymbol) rt.setGlobal(a.userSymbol, rt.wrap(new SheetsAdvancedService(rt)));
    return rt;
  }

  private execute(
    fnName: string,
    makeArgs: (rt: Runtime) => unknown[],
    authMode: AuthMode,
    user: string,
    inspect?: (raw: unknown, rt: Runtime) => void,
    context: { runAs?: string; noUi?: boolean } = {},
  ): RunResult {
    const fault = this.fault;
    this.fault = null;
    const rt = this.newRuntime(authMode, user, fault, context);
    let value: unknown;
    let error: RunResult['error'];
    try {
      this.script().runInContext(rt.ctx);
      const fn = (rt.ctx as Record<string, unknown>)[fnName];
      if (typeof fn !== 'function') throw new ServiceError(`Script function not found: ${fnName}`);
      const args = makeArgs(rt).map((a) => rt.toContext(a));
      const raw = (fn as (...a: unknown[]) => unknown)(...args);
      inspect?.(raw, rt);
      value = rt.toHost(raw);
    } catch (e) {
      error = errorInfo(e);
    }
    // Apps Script releases whatever the script still holds when it ends; the record says so.
    const unreleasedLocks = [...rt.acquired];
    rt.acquired.clear();
    const result: RunResult = {
      value,
      unreleasedLocks,
      ...(error ? { error } : {}),
      calls: { ...rt.counter.calls },
      totalCalls: rt.counter.total,
      cellsRead: rt.counter.cellsRead,
      cellsWritten: rt.counter.cellsWritten,
      naiveCalls: rt.counter.naiveTotal,
      flushes: rt.counter.flushes,
      sleptMs: rt.sleptMs,
      ui: rt.ui,
      logs: rt.logs,
      authMode,
      fnName,
    };
    this.lastRun = result;
    return result;
  }
}

/**
 * From `<distDir>/appsscript.json`: oauthScopes (null when there is no manifest or it declares none: Apps Script then
 * infers them) and dependencies.enabledAdvancedServices.
 */
function readManifest(distDir: string): { oauthScopes: string[] | null; advancedServices: AdvancedServiceConfig[] } {
  const file = path.join(distDir, 'appsscript.json');
  if (!fs.existsSync(file)) return { oauthScopes: null, advancedServices: [] };
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    oauthScopes?: unknown;
    dependencies?: { enabledAdvancedServices?: unknown };
  };
  const enabled = manifest.dependencies?.enabledAdvancedServices;
  return {
    oauthScopes: Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : null,
    advancedServices: Array.isArray(enabled)
      ? enabled.map((e: { userSymbol?: unknown; serviceId?: unknown; version?: unknown }) => ({
          userSymbol: String(e.userSymbol ?? ''),
          serviceId: String(e.serviceId ?? ''),
          version: String(e.version ?? ''),
        }))
      : [],
  };
}

/** A response sheet's row-1 headers up to the last non-empty one (display text). */
function formHeaders(sheet: SheetModel): string[] {
  const first = sheet.rows[0] ?? [];
  let last = 0;
  first.forEach((c, i) => {
    if (c && (c.value !== '' || c.formula)) last = i + 1;
  });
  const out: string[] = [];
  for (let c = 1; c <= last; c++) out.push(sheet.displayValue(1, c));
  return out;
}

function defaultButton(buttonSet: string): ButtonName {
  return buttonSet === 'YES_NO' || buttonSet === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}

function errorInfo(e: unknown): { message: string; name: string; stack?: string } {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const err = e as { message: unknown; name?: unknown; stack?: unknown };
    return {
      message: String(err.message),
      name: String(err.name ?? 'Error'),
      ...(typeof err.stack === 'string' ? { stack: err.stack } : {}),
    };
  }
  return { message: String(e), name: 'Error' };
}

function isHostPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isContextPlain(v: object, rt: Runtime): boolean {
  if (rt.unwrap(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === (rt.realm.Object as unknown as { prototype: object }).prototype;
}

/** google.script.run's rule: primitives, null, arrays and plain objects only. */
function checkTransferable(v: unknown, key: string, isPlain: (v: object) => boolean, seen = new Set<unknown>()): void {
  if (v === null || v === undefined) return;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'object' && !seen.has(v)) {
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach((x, i) => checkTransferable(x, String(i), isPlain, seen));
      return;
    }
    if (isPlain(v as object)) {
      for (const k of Object.keys(v as object)) checkTransferable((v as Record<string, unknown>)[k], k, isPlain, seen);
      return;
    }
  }
  throw new Error(`Failed due to illegal value in property: ${key}`);
}
