/** PropertiesService, LockService, Session, Utilities, Logger, ScriptApp and CacheService. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { enumName, formatLogArg, Service, SCOPES, type Runtime } from './runtime';
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
    let map = stores.get(this._rt.user);
    if (!map) stores.set(this._rt.user, (map = new Map()));
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
    return new UserService(this._rt, this._rt.state.effectiveUser);
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

export class ScriptAppService extends Service {
  readonly _class = 'ScriptApp';
  override _minAuth(method: string) {
    return method === 'getScriptId' ? ('NONE' as const) : ('FULL' as const);
  }
  override _scope(): string {
    return 'https://www.googleapis.com/auth/script.scriptapp';
  }
  override _enums(): Record<string, string> {
    return { AuthMode: 'AuthMode', TriggerSource: 'TriggerSource', EventType: 'EventType' };
  }
  getScriptId(): string {
    return '1EmuLat0rScriptId';
  }
  getOAuthToken(): string {
    return 'emulator-oauth-token';
  }
  getProjectTriggers(): unknown[] {
    return [];
  }
  getUserTriggers(_doc: unknown): unknown[] {
    return [];
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
    return this._cache(`user:${this._rt.user}`);
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
