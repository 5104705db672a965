/** PropertiesService, LockService, Session, Utilities, Logger, ScriptApp and CacheService. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { enumName, EnumRef, formatLogArg, Service, SCOPES, type Runtime } from './runtime';
import type { TriggerEventType, TriggerRecord } from './types';
import { formatJavaDate, isValidTimeZone } from './time';
import { ServiceError } from './workbook';

// ---------------------------------------------------------------- Properties
export class PropertiesServiceService extends Service {
  readonly _class = 'PropertiesService';
  override _scope(): string {
    return SCOPES.storage;
  }
  getDocumentProperties(): PropertiesStore {
    return new PropertiesStore(this._rt, this._rt.state.documentProperties);
  }
  getScriptProperties(): PropertiesStore {
    return new PropertiesStore(this._rt, this._rt.state.scriptProperties);
  }
  getUserProperties(): PropertiesStore {
    const stores = this._rt.state.userPropertyStores;
    // An installable trigger runs as its owner, whose user properties it sees.
    const who = this._rt.runAs ?? this._rt.user;
    let map = stores.get(who);
    if (!map) stores.set(who, (map = new Map()));
    return new PropertiesStore(this._rt, map);
  }
}

export const MAX_PROPERTY_VALUE = 9 * 1024;

export class PropertiesStore extends Service {
  readonly _class = 'Properties';
  constructor(
    rt: Runtime,
    readonly _map: Map<string, string>,
  ) {
    super(rt);
  }
  override _scope(): string {
    return SCOPES.storage;
  }
  _put(key: unknown, value: unknown): void {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_PROPERTY_VALUE) throw new ServiceError('Argument too large: value');
    this._map.set(String(key), v);
  }
  getProperty(key: string): string | null {
    return this._map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    this._put(key, value);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._map);
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    if (deleteAllOthers) this._map.clear();
    for (const [k, v] of Object.entries(properties ?? {})) this._put(k, v);
    return this;
  }
  getKeys(): string[] {
    return [...this._map.keys()];
  }
  deleteProperty(key: string): this {
    this._map.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._map.clear();
    return this;
  }
}

// ---------------------------------------------------------------- Locks
type LockKind = 'document' | 'script' | 'user';
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class LockServiceService extends Service {
  readonly _class = 'LockService';
  getDocumentLock(): LockObject {
    return new LockObject(this._rt, 'document');
  }
  getScriptLock(): LockObject {
    return new LockObject(this._rt, 'script');
  }
  getUserLock(): LockObject {
    return new LockObject(this._rt, 'user');
  }
}

export class LockObject extends Service {
  readonly _class = 'Lock';
  constructor(
    rt: Runtime,
    readonly _kind: LockKind,
  ) {
    super(rt);
  }
  _contended(): boolean {
    return this._rt.state.heldLocks.has(this._kind);
  }
  tryLock(timeoutInMillis: number): boolean {
    if (this._contended()) return false;
    void timeoutInMillis;
    this._rt.acquired.add(this._kind);
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    if (this._contended()) throw new ServiceError(LOCK_TIMEOUT);
    this._rt.acquired.add(this._kind);
  }
  releaseLock(): void {
    this._rt.acquired.delete(this._kind);
  }
  hasLock(): boolean {
    return this._rt.acquired.has(this._kind);
  }
}

// ---------------------------------------------------------------- Session
export class UserService extends Service {
  readonly _class = 'User';
  constructor(
    rt: Runtime,
    readonly _email: string,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'NONE' as const;
  }
  getEmail(): string {
    return this._email;
  }
  override toString(): string {
    return this._email;
  }
}

export class SessionService extends Service {
  readonly _class = 'Session';
  override _scope(): string {
    return SCOPES.email;
  }
  getActiveUser(): UserService {
    return new UserService(this._rt, this._rt.user);
  }
  getEffectiveUser(): UserService {
    return new UserService(this._rt, this._rt.runAs ?? this._rt.state.effectiveUser);
  }
  getScriptTimeZone(): string {
    return this._rt.state.scriptTimeZone;
  }
  getTimeZone(): string {
    return this._rt.state.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this._rt.state.workbook.locale.split(/[_-]/)[0];
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`emulator:${this._rt.user}`).digest('base64').replace(/=+$/, '');
  }
}

// ---------------------------------------------------------------- Utilities
function toBuffer(value: unknown, charset?: unknown): Buffer {
  if (value instanceof BlobObject) return Buffer.from(value._bytes);
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  const cs = charset === undefined ? 'UTF_8' : enumName(charset);
  return Buffer.from(String(value ?? ''), cs === 'US_ASCII' ? 'latin1' : 'utf8');
}

function signedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

export class UtilitiesService extends Service {
  readonly _class = 'Utilities';
  override _minAuth() {
    return 'NONE' as const;
  }
  override _enums(): Record<string, string> {
    return { DigestAlgorithm: 'DigestAlgorithm', MacAlgorithm: 'MacAlgorithm', Charset: 'Charset' };
  }
  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!(date instanceof Date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const t = (v: unknown) =>
        v instanceof Date
          ? 'Date'
          : v === null
            ? 'null'
            : typeof v === 'string'
              ? 'String'
              : typeof v === 'number'
                ? 'number'
                : 'Object';
      throw new ServiceError(
        `The parameters (${[date, timeZone, format].map(t).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (!isValidTimeZone(timeZone)) throw new ServiceError(`Invalid argument: timeZone`);
    try {
      return formatJavaDate(date, timeZone, format);
    } catch (e) {
      throw new ServiceError(`Invalid argument: ${(e as Error).message}`);
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(-?\d*)(?:\.(\d+))?([sdfi%])/g,
      (_m, width: string, prec: string | undefined, conv: string) => {
        if (conv === '%') return '%';
        const v = args[i++];
        let s =
          conv === 'f'
            ? Number(v).toFixed(prec ? Number(prec) : 6)
            : conv === 'd' || conv === 'i'
              ? String(Math.trunc(Number(v)))
              : String(v);
        const w = Number(width);
        if (w) s = w < 0 ? s.padEnd(-w) : s.padStart(w);
        return s;
      },
    );
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const algo = DIGESTS[enumName(algorithm)];
    if (!algo) throw new ServiceError(`Invalid argument: algorithm`);
    return signedBytes(createHash(algo).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const algo = MACS[enumName(algorithm)];
    if (!algo) throw new ServiceError(`Invalid argument: algorithm`);
    return signedBytes(createHmac(algo, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return signedBytes(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: unknown, contentType?: string, name?: string): BlobObject {
    return new BlobObject(
      this._rt,
      toBuffer(data),
      contentType ?? (typeof data === 'string' ? 'text/plain' : 'application/octet-stream'),
      name ?? null,
    );
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    if (Number(milliseconds) > 300_000) throw new ServiceError('Invalid argument: milliseconds');
    this._rt.sleptMs += Math.max(0, Number(milliseconds) || 0);
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(String(csv), delimiter ?? ',');
  }
}

export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export class BlobObject extends Service {
  readonly _class = 'Blob';
  constructor(
    rt: Runtime,
    public _bytes: Buffer,
    public _contentType: string,
    public _name: string | null,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'NONE' as const;
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
  }
  setDataFromString(s: string): this {
    this._bytes = Buffer.from(String(s), 'utf8');
    return this;
  }
  getBytes(): number[] {
    return signedBytes(this._bytes);
  }
  setBytes(bytes: number[]): this {
    this._bytes = toBuffer(bytes);
    return this;
  }
  getContentType(): string {
    return this._contentType;
  }
  setContentType(contentType: string): this {
    this._contentType = String(contentType);
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): this {
    this._name = String(name);
    return this;
  }
  copyBlob(): BlobObject {
    return new BlobObject(this._rt, Buffer.from(this._bytes), this._contentType, this._name);
  }
  isGoogleType(): boolean {
    return false;
  }
}

// ---------------------------------------------------------------- Logger, ScriptApp
export class LoggerService extends Service {
  readonly _class = 'Logger';
  readonly _lines: string[] = [];
  override _minAuth() {
    return 'NONE' as const;
  }
  log(format: unknown, ...values: unknown[]): this {
    let text = formatLogArg(format);
    if (values.length && typeof format === 'string') {
      let i = 0;
      text = format.replace(/%s|%d|%i|%f/g, (m) => (i < values.length ? formatLogArg(values[i++]) : m));
    }
    this._lines.push(text);
    this._rt.logs.push(text);
    return this;
  }
  getLog(): string {
    return this._lines.map((l) => `${l}\n`).join('');
  }
  clear(): void {
    this._lines.length = 0;
  }
}

/** Apps Script's limit: 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;
/**
 * The text of the 21st create(): not in Google's documentation, but quoted verbatim from real executions in public
 * code and logs (unconfirmed by an official page).
 */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** The methods that need the script.scriptapp scope, checked against the manifest's oauthScopes. */
const SCRIPTAPP_SCOPED = new Set(['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger']);

/** The emulator's stand-in for the script's id (ScriptApp.getScriptId). */
export const SCRIPT_ID = '1EmuLat0rScriptId';

function argType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return '';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return v instanceof Service ? v._class : 'Object';
}

/** "The parameters (…) don't match the method signature for …": the pattern of Apps Script's V8 argument errors. */
function badArgs(args: unknown[], method: string): ServiceError {
  return new ServiceError(
    `The parameters (${args.map(argType).join(',')}) don't match the method signature for ${method}.`,
  );
}

export class ScriptAppService extends Service {
  readonly _class = 'ScriptApp';
  override _minAuth(method: string) {
    if (method === 'getScriptId') return 'NONE' as const;
    // Which modes may call getAuthorizationInfo is not documented (unconfirmed); it is meant for triggers and
    // menu runs, so LIMITED (a simple onOpen) and FULL allow it here.
    if (method === 'getAuthorizationInfo') return 'LIMITED' as const;
    return 'FULL' as const;
  }
  override _scope(): string {
    return SCOPES.scriptapp;
  }
  override _manifestScope(method: string): string | null {
    return SCRIPTAPP_SCOPED.has(method) ? SCOPES.scriptapp : null;
  }
  override _enums(): Record<string, string> {
    return {
      AuthMode: 'AuthMode',
      TriggerSource: 'TriggerSource',
      EventType: 'EventType',
      AuthorizationStatus: 'AuthorizationStatus',
    };
  }
  getScriptId(): string {
    return SCRIPT_ID;
  }
  getOAuthToken(): string {
    return 'emulator-oauth-token';
  }
  newTrigger(functionName: unknown): TriggerBuilderService {
    if (typeof functionName !== 'string') throw badArgs([functionName], 'ScriptApp.newTrigger');
    return new TriggerBuilderService(this._rt, functionName);
  }
  /** This script's installable triggers owned by the current user, for every document. */
  getProjectTriggers(): TriggerService[] {
    const me = this._rt.account();
    return this._rt.state.triggers.filter((t) => t.user === me).map((t) => new TriggerService(this._rt, { ...t }));
  }
  /** The current user's triggers of this script for one spreadsheet. */
  getUserTriggers(document: unknown): TriggerService[] {
    if (!(document instanceof Service) || document._class !== 'Spreadsheet')
      throw badArgs([document], 'ScriptApp.getUserTriggers');
    const me = this._rt.account();
    const id = (document as unknown as { _book: { id: string } })._book.id;
    return this._rt.state.triggers
      .filter((t) => t.user === me && t.sourceId === id)
      .map((t) => new TriggerService(this._rt, { ...t }));
  }
  /**
   * Removes a trigger, matched by its unique id (so a Trigger from any execution works). A trigger that no longer
   * exists, or belongs to another user, is left alone: what Apps Script does then is unconfirmed.
   */
  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof TriggerService)) throw badArgs([trigger], 'ScriptApp.deleteTrigger');
    const me = this._rt.account();
    const list = this._rt.state.triggers;
    const at = list.findIndex((t) => t.uid === trigger._t.uid && t.user === me);
    if (at >= 0) list.splice(at, 1);
  }
  getAuthorizationInfo(authMode: unknown): AuthorizationInfoService {
    if (!(authMode instanceof EnumRef) || authMode.type !== 'AuthMode')
      throw badArgs([authMode], 'ScriptApp.getAuthorizationInfo');
    // "no other authorization mode [than FULL] requires that users grant authorization" (AuthorizationInfo docs).
    const required = authMode.name === 'FULL' && this._rt.state.authorizationRequired;
    return new AuthorizationInfoService(this._rt, required);
  }
}

export class TriggerBuilderService extends Service {
  readonly _class = 'TriggerBuilder';
  constructor(
    rt: Runtime,
    readonly _handler: string,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'FULL' as const;
  }
  override _scope(): string {
    return SCOPES.scriptapp;
  }
  /** forSpreadsheet(sheet) or forSpreadsheet(key). */
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderService {
    let id: string;
    if (typeof sheet === 'string') id = sheet;
    else if (sheet instanceof Service && sheet._class === 'Spreadsheet')
      id = (sheet as unknown as { _book: { id: string } })._book.id;
    else throw badArgs([sheet], 'ScriptApp.TriggerBuilder.forSpreadsheet');
    return new SpreadsheetTriggerBuilderService(this._rt, this._handler, id);
  }
  timeBased(): never {
    throw new ServiceError('TriggerBuilder.timeBased is not emulated');
  }
  forForm(): never {
    throw new ServiceError('TriggerBuilder.forForm is not emulated');
  }
  forDocument(): never {
    throw new ServiceError('TriggerBuilder.forDocument is not emulated');
  }
  forUserCalendar(): never {
    throw new ServiceError('TriggerBuilder.forUserCalendar is not emulated');
  }
}

export class SpreadsheetTriggerBuilderService extends Service {
  readonly _class = 'SpreadsheetTriggerBuilder';
  _event: TriggerEventType | null = null;
  constructor(
    rt: Runtime,
    readonly _handler: string,
    readonly _sourceId: string,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'FULL' as const;
  }
  override _scope(): string {
    return SCOPES.scriptapp;
  }
  override _manifestScope(method: string): string | null {
    return method === 'create' ? SCOPES.scriptapp : null;
  }
  onFormSubmit(): this {
    this._event = 'ON_FORM_SUBMIT';
    return this;
  }
  onEdit(): this {
    this._event = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._event = 'ON_CHANGE';
    return this;
  }
  onOpen(): this {
    this._event = 'ON_OPEN';
    return this;
  }
  create(): TriggerService {
    // What create() says when no event was chosen is unconfirmed; this text is the emulator's own.
    if (!this._event)
      throw new ServiceError('The trigger has no event type (call onFormSubmit, onEdit, onChange or onOpen first).');
    const state = this._rt.state;
    const me = this._rt.account();
    // Editor add-ons may hold only one trigger of each type per user per document
    // (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions); what a second create()
    // then does is not documented, so it is not emulated: a second trigger is created (see README).
    if (state.triggers.filter((t) => t.user === me).length >= MAX_TRIGGERS_PER_USER)
      throw new ServiceError(TOO_MANY_TRIGGERS);
    state.nextTriggerSeq++;
    const record: TriggerRecord = {
      uid: `40341240849599${String(state.nextTriggerSeq).padStart(5, '0')}`,
      user: me,
      handler: this._handler,
      eventType: this._event,
      sourceId: this._sourceId,
    };
    state.triggers.push(record);
    return new TriggerService(this._rt, { ...record });
  }
}

export class TriggerService extends Service {
  readonly _class = 'Trigger';
  constructor(
    rt: Runtime,
    readonly _t: TriggerRecord,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'FULL' as const;
  }
  override _scope(): string {
    return SCOPES.scriptapp;
  }
  getUniqueId(): string {
    return this._t.uid;
  }
  getHandlerFunction(): string {
    return this._t.handler;
  }
  getEventType(): EnumRef {
    return new EnumRef('EventType', this._t.eventType);
  }
  getTriggerSource(): EnumRef {
    return new EnumRef('TriggerSource', 'SPREADSHEETS');
  }
  getTriggerSourceId(): string {
    return this._t.sourceId;
  }
}

export class AuthorizationInfoService extends Service {
  readonly _class = 'AuthorizationInfo';
  constructor(
    rt: Runtime,
    readonly _required: boolean,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'NONE' as const;
  }
  override _scope(): string {
    return SCOPES.scriptapp;
  }
  getAuthorizationStatus(): EnumRef {
    return new EnumRef('AuthorizationStatus', this._required ? 'REQUIRED' : 'NOT_REQUIRED');
  }
  /** A URL when authorization is required, else null (documented). The URL's form is the emulator's own. */
  getAuthorizationUrl(): string | null {
    return this._required ? `https://script.google.com/macros/d/${SCRIPT_ID}/authorize` : null;
  }
}

// ---------------------------------------------------------------- Cache
export class CacheServiceService extends Service {
  readonly _class = 'CacheService';
  _cache(key: string): CacheObject {
    const caches = this._rt.state.caches;
    let map = caches.get(key);
    if (!map) caches.set(key, (map = new Map()));
    return new CacheObject(this._rt, map);
  }
  getScriptCache(): CacheObject {
    return this._cache('script');
  }
  getDocumentCache(): CacheObject {
    return this._cache('document');
  }
  getUserCache(): CacheObject {
    return this._cache(`user:${this._rt.runAs ?? this._rt.user}`);
  }
}

export class CacheObject extends Service {
  readonly _class = 'Cache';
  constructor(
    rt: Runtime,
    readonly _map: Map<string, { value: string; expires: number }>,
  ) {
    super(rt);
  }
  get(key: string): string | null {
    const e = this._map.get(String(key));
    if (!e) return null;
    if (e.expires <= this._rt.state.now()) {
      this._map.delete(String(key));
      return null;
    }
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    // Apps Script's limits: keys up to 250 characters, values up to 100 KB.
    if (String(key).length > 250) throw new ServiceError('Argument too large: key');
    if (Buffer.byteLength(String(value)) > 100 * 1024) throw new ServiceError('Argument too large: value');
    const secs = Math.min(21_600, Number(expirationInSeconds ?? 600));
    this._map.set(String(key), { value: String(value), expires: this._rt.state.now() + secs * 1000 });
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys ?? []) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values ?? {})) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this._map.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys ?? []) this._map.delete(String(k));
  }
}
