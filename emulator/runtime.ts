/**
 * One simulated execution: the vm context, the realm bridge and the service-object proxies.
 *
 * Service objects (Range, Sheet, Ui, ...) are host classes derived from `Service`. Scripts never see them directly:
 * `wrap()` returns a Proxy over an empty object of the context's realm whose methods are functions created inside
 * the context. Every method call goes through `invoke()`, which counts it, checks the authorization mode, applies
 * fault injection, converts arguments to host values and results to context values (Dates and Arrays of the
 * context's realm, so `instanceof Date` holds in the script), and rethrows failures as the context's own Error with
 * name 'Exception'. Host objects, host functions and host constructors never reach the script.
 */
import vm from 'node:vm';
import { CallCounter } from './counter';
import type { AuthMode, EmulatorState, UiRecord } from './types';
import { ServiceError } from './workbook';

export const SCOPES = {
  sheets: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  storage: 'https://www.googleapis.com/auth/script.storage',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  /** Full spreadsheets scope: SpreadsheetApp.openById/openByUrl/create need it (currentonly is not enough). */
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
};

const AUTH_RANK: Record<AuthMode, number> = { NONE: 0, LIMITED: 1, FULL: 2 };

/** Enum types and their constants. */
export const ENUMS: Record<string, string[]> = {
  BorderStyle: ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'],
  WrapStrategy: ['WRAP', 'OVERFLOW', 'CLIP'],
  ProtectionType: ['RANGE', 'SHEET'],
  SheetType: ['GRID', 'OBJECT', 'DATASOURCE'],
  Dimension: ['COLUMNS', 'ROWS'],
  AutoResizeMode: ['DEFAULT', 'FIT_TO_DATA'],
  DataValidationCriteria: [
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ],
  ChartType: [
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TIMELINE',
    'TREEMAP',
    'WATERFALL',
  ],
  Position: ['AUTOMATIC', 'TOP', 'RIGHT', 'BOTTOM', 'NONE', 'LEFT', 'INSIDE'],
  Button: ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'],
  ButtonSet: ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'],
  XFrameOptionsMode: ['ALLOWALL', 'DEFAULT'],
  SandboxMode: ['EMULATED', 'IFRAME', 'NATIVE'],
  AuthMode: ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'],
  TriggerSource: ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'],
  EventType: ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'],
  AuthorizationStatus: ['REQUIRED', 'NOT_REQUIRED'],
  DigestAlgorithm: ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'],
  MacAlgorithm: ['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'],
  Charset: ['US_ASCII', 'UTF_8'],
};

/** A host-side enum constant; scripts see a frozen context object with name()/toString()/ordinal(). */
export class EnumRef {
  constructor(
    readonly type: string,
    readonly name: string,
  ) {}
}

/** Accepts an enum constant (converted to its name) or a plain string. */
export function enumName(v: unknown): string {
  if (v instanceof EnumRef) return v.name;
  return String(v);
}

export abstract class Service {
  abstract readonly _class: string;
  constructor(readonly _rt: Runtime) {}
  /** The lowest authorization mode in which `method` may be called. */
  _minAuth(_method: string): AuthMode {
    return 'LIMITED';
  }
  _scope(_method: string): string {
    return SCOPES.sheets;
  }
  /**
   * The scope `method` needs that is checked against the manifest's oauthScopes (when it declares any); null: not
   * checked. Only ScriptApp's trigger methods declare one: other services' `_scope` values are approximate.
   */
  _manifestScope(_method: string): string | null {
    return null;
  }
  /** The text a call refused for its scope (authorization mode or manifest) throws. */
  _deniedMessage(method: string, scope: string): string {
    return `You do not have permission to call ${this._class}.${method}. Required permissions: ${scope}`;
  }
  /** Enum-valued properties: property name → enum type. */
  _enums(): Record<string, string> {
    return {};
  }
  /** Non-method property reads (e.g. template variables). */
  _get(_prop: string): unknown {
    return undefined;
  }
  /** Property writes; return true if handled. */
  _set(_prop: string, _value: unknown): boolean {
    return false;
  }
  toString(): string {
    return this._class;
  }
}

interface Realm {
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  makeMethod: (invoke: (args: ArrayLike<unknown>) => unknown) => (...args: unknown[]) => unknown;
  makeEnum: (type: string, name: string, ordinal: number) => object;
  makeConsole: (sink: (level: string, args: ArrayLike<unknown>) => void) => object;
}

const REALM_SOURCE = `({
  Object: Object, Array: Array, Date: Date, Error: Error,
  makeMethod: function (invoke) { return function () { return invoke(arguments); }; },
  makeEnum: function (type, name, ordinal) {
    return Object.freeze({
      name: function () { return name; },
      toString: function () { return name; },
      toJSON: function () { return name; },
      ordinal: function () { return ordinal; },
    });
  },
  makeConsole: function (sink) {
    var make = function (level) { return function () { sink(level, arguments); }; };
    return { log: make('log'), info: make('info'), warn: make('warn'), error: make('error'), debug: make('debug'),
      time: function () {}, timeEnd: function () {} };
  },
})`;

export interface RuntimeOptions {
  state: EmulatorState;
  authMode: AuthMode;
  user: string;
  failAt: number | null;
  failMessage?: string;
  /** The account an installable trigger runs as (its owner); unset for other executions. */
  runAs?: string;
  /** No UI in this execution (installable triggers): SpreadsheetApp.getUi() throws. */
  noUi?: boolean;
}

export class Runtime {
  readonly ctx: vm.Context;
  readonly realm: Realm;
  readonly counter: CallCounter;
  readonly state: EmulatorState;
  readonly authMode: AuthMode;
  readonly user: string;
  /** Set for installable-trigger runs: the trigger's owner, whom the script runs as. */
  readonly runAs?: string;
  readonly noUi: boolean;
  readonly ui: UiRecord;
  readonly logs: string[] = [];
  /** What Utilities.sleep was asked for in this execution (ms). */
  sleptMs = 0;
  /** Locks acquired during this execution (released at its end). */
  readonly acquired = new Set<'document' | 'script' | 'user'>();
  private readonly proxies = new WeakMap<Service, object>();
  private readonly targets = new WeakMap<object, Service>();
  private readonly enumValues = new Map<string, object>();
  private readonly enumRefs = new WeakMap<object, EnumRef>();
  private readonly enumContainers = new Map<string, object>();

  constructor(opts: RuntimeOptions, ui: UiRecord) {
    this.state = opts.state;
    this.authMode = opts.authMode;
    this.user = opts.user;
    this.runAs = opts.runAs;
    this.noUi = opts.noUi ?? false;
    this.ui = ui;
    this.counter = new CallCounter(opts.failAt, opts.failMessage);
    this.ctx = vm.createContext({}, { name: 'Apps Script emulator', codeGeneration: { strings: true, wasm: false } });
    this.realm = vm.runInContext(REALM_SOURCE, this.ctx) as Realm;
    const consoleObj = this.realm.makeConsole((level, args) => {
      const text = Array.from(args, (a) => formatLogArg(a)).join(' ');
      this.logs.push(level === 'log' || level === 'info' ? text : `[${level}] ${text}`);
    });
    this.setGlobal('console', consoleObj);
    if (this.state.clockShift !== 0) this.shiftClock();
  }

  /**
   * Replace the realm's Date by one whose "now" is shifted by `state.clockShift`. A Date made from a value is
   * unchanged, and every Date (the realm's own ones included) still passes `instanceof Date`.
   */
  private shiftClock(): void {
    const install = vm.runInContext(
      `(function (now) {
        var Real = Date;
        var Shifted = function Date() {
          if (!(this instanceof Real)) return new Real(now()).toString();
          var args = Array.prototype.slice.call(arguments);
          return args.length === 0 ? new Real(now()) : new (Function.prototype.bind.apply(Real, [null].concat(args)))();
        };
        Object.defineProperty(Shifted, Symbol.hasInstance, { value: function (v) { return v instanceof Real; } });
        Shifted.prototype = Real.prototype;
        Shifted.now = now;
        Shifted.UTC = Real.UTC;
        Shifted.parse = Real.parse;
        return Shifted;
      })`,
      this.ctx,
    ) as (now: () => number) => DateConstructor;
    this.setGlobal(
      'Date',
      install(() => this.state.now()),
    );
  }

  /** The account this execution runs as: a trigger's owner, else the active user (the effective user if hidden). */
  account(): string {
    return this.runAs ?? (this.user || this.state.effectiveUser);
  }

  setGlobal(name: string, value: unknown): void {
    Object.defineProperty(this.ctx, name, { value, writable: true, configurable: true, enumerable: false });
  }

  /** The script-facing proxy of a service object (one per object). */
  wrap(target: Service): object {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const methods = new Map<string, unknown>();
    const isMethod = (prop: string): boolean =>
      !prop.startsWith('_') &&
      prop !== 'constructor' &&
      (prop === 'toString' || !(prop in Object.prototype)) &&
      typeof (target as unknown as Record<string, unknown>)[prop] === 'function';
    const shell = new this.realm.Object();
    const proxy = new Proxy(shell, {
      get: (_t, prop) => {
        if (typeof prop !== 'string') return undefined;
        const cached = methods.get(prop);
        if (cached) return cached;
        if (isMethod(prop)) {
          const fn = this.realm.makeMethod((args) => this.invoke(target, prop, args));
          methods.set(prop, fn);
          return fn;
        }
        const enums = target._enums();
        if (Object.prototype.hasOwnProperty.call(enums, prop)) return this.enumContainer(enums[prop]);
        return this.toContext(target._get(prop));
      },
      set: (_t, prop, value) => {
        if (typeof prop === 'string') target._set(prop, value);
        return true;
      },
      has: (_t, prop) =>
        typeof prop === 'string' &&
        (isMethod(prop) ||
          Object.prototype.hasOwnProperty.call(target._enums(), prop) ||
          target._get(prop) !== undefined),
      ownKeys: () => [],
      getOwnPropertyDescriptor: () => undefined,
      defineProperty: () => false,
      deleteProperty: () => true,
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  unwrap(v: unknown): Service | undefined {
    return v !== null && typeof v === 'object' ? this.targets.get(v) : undefined;
  }

  enumValue(type: string, name: string): object {
    const key = `${type}.${name}`;
    let v = this.enumValues.get(key);
    if (!v) {
      v = this.realm.makeEnum(type, name, Math.max(0, (ENUMS[type] ?? []).indexOf(name)));
      this.enumValues.set(key, v);
      this.enumRefs.set(v, new EnumRef(type, name));
    }
    return v;
  }

  enumContainer(type: string): object {
    let c = this.enumContainers.get(type);
    if (!c) {
      const obj = new this.realm.Object() as Record<string, unknown>;
      for (const name of ENUMS[type] ?? []) obj[name] = this.enumValue(type, name);
      c = Object.freeze(obj);
      this.enumContainers.set(type, c);
    }
    return c;
  }

  isContextObject(v: unknown): boolean {
    return (v as object) instanceof (this.realm.Object as unknown as new () => object);
  }

  /** Host value → context value. */
  toContext(v: unknown): unknown {
    if (v === null || v === undefined || typeof v !== 'object') return v;
    if (this.isContextObject(v)) return v; // already of the context's realm (incl. proxies)
    if (v instanceof Service) return this.wrap(v);
    if (v instanceof EnumRef) return this.enumValue(v.type, v.name);
    if (v instanceof Date) return new this.realm.Date(v.getTime());
    if (Array.isArray(v)) {
      const out = new this.realm.Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = this.toContext(v[i]);
      return out;
    }
    const out = new this.realm.Object() as Record<string, unknown>;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = this.toContext(x);
    return out;
  }

  /** Context value → host value (deep copy; service proxies → their host objects; enum constants → EnumRef). */
  toHost(v: unknown): unknown {
    if (v === null || v === undefined || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (typeof v === 'function') return v;
    const target = this.targets.get(v as object);
    if (target) return target;
    const ref = this.enumRefs.get(v as object);
    if (ref) return ref;
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (Array.isArray(v)) return v.map((x) => this.toHost(x));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object)) out[k] = this.toHost((v as Record<string, unknown>)[k]);
    return out;
  }

  /**
   * Any error → an Error of the context's realm, named 'Exception' unless it already came from the script. A
   * ServiceError keeps its name (e.g. GoogleJsonResponseException) and its `details`, as advanced services throw.
   */
  toContextError(e: unknown): Error {
    if ((e as object) instanceof (this.realm.Error as unknown as new () => Error)) return e as Error;
    const message = e instanceof Error ? e.message : String(e);
    const err = new this.realm.Error(message);
    err.name = e instanceof ServiceError ? e.name : 'Exception';
    const details = (e as { details?: unknown } | null)?.details;
    if (e instanceof ServiceError && details !== undefined) {
      Object.defineProperty(err, 'details', {
        value: this.toContext(details),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    return err;
  }

  invoke(target: Service, method: string, args: ArrayLike<unknown>): unknown {
    if (method === 'toString') return target.toString();
    try {
      this.counter.count(`${target._class}.${method}`);
      const need = target._minAuth(method);
      if (AUTH_RANK[this.authMode] < AUTH_RANK[need]) {
        throw new ServiceError(target._deniedMessage(method, target._scope(method)));
      }
      const declared = this.state.oauthScopes;
      const scope = declared ? target._manifestScope(method) : null;
      if (declared && scope && !declared.includes(scope)) {
        throw new ServiceError(target._deniedMessage(method, scope));
      }
      const hostArgs = Array.from(args, (a) => this.toHost(a));
      const fn = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      return this.toContext(fn.apply(target, hostArgs));
    } catch (e) {
      throw this.toContextError(e);
    }
  }

  /** Runs code in the context. */
  run(code: string, filename: string): unknown {
    return vm.runInContext(code, this.ctx, { filename });
  }
}

export function formatLogArg(a: unknown): string {
  if (typeof a === 'string') return a;
  if (a === undefined) return 'undefined';
  if (typeof a === 'function') return '[function]';
  if (Object.prototype.toString.call(a) === '[object Date]') return String(a);
  if (a !== null && typeof a === 'object') {
    if (Object.prototype.toString.call(a) === '[object Error]') return String(a);
    try {
      return JSON.stringify(a);
    } catch {
      return String(a);
    }
  }
  return String(a);
}

/** Types for arguments that may be passed as numbers or numeric strings. */
export function num(v: unknown, fallback?: number): number {
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    return NaN;
  }
  return Number(v);
}
