/**
 * The document cache (CacheService), for values larger than the 100 KB Apps Script allows under
 * one key: a value is split over numbered keys and read back in one call. The cache may drop any
 * key at any time, so a value with a missing part is simply absent.
 *
 * A call that uses several cached values can ask for all their keys at once (`cacheBatch`): they
 * are then fetched with one `getAll`, and what the call stores is written with one `putAll` when
 * the batch ends, instead of one round trip per value.
 */
const PART_CHARS = 90_000;
/** Apps Script keeps cached values six hours at most; the add-on's are shorter-lived. */
export const CACHE_SECONDS = 3600;

type Cache = GoogleAppsScript.Cache.Cache;

/** Asked once per execution (module state lives one execution). */
let memo: Cache | null | undefined;

export function documentCache(): Cache | null {
  if (memo !== undefined) return memo;
  try {
    memo = CacheService.getDocumentCache();
  } catch {
    memo = null;
  }
  return memo;
}

/** Keys fetched in this execution's batch and what they held (null: absent); undefined outside a batch. */
let fetched: Map<string, string | null> | undefined;
/** What the batch stores when it ends. */
let pending: Record<string, string> = {};

/**
 * Fetch `keys` with one `getAll` and hold every write until the returned `end()`, which stores
 * them with one `putAll`. Reads of the fetched keys within the batch cost no call.
 */
export function cacheBatch(cache: Cache, keys: readonly string[]): { end(): void } {
  const got = cache.getAll([...new Set(keys)]);
  fetched = new Map(keys.map((k) => [k, typeof got[k] === 'string' ? got[k] : null]));
  pending = {};
  return {
    end() {
      const values = pending;
      fetched = undefined;
      pending = {};
      if (Object.keys(values).length) cache.putAll(values, CACHE_SECONDS);
    },
  };
}

/** `cache.getAll(keys)`, from the batch when it fetched them all. */
export function cacheGetAll(cache: Cache, keys: readonly string[]): Record<string, string> {
  if (!fetched || keys.some((k) => !fetched!.has(k))) return cache.getAll([...keys]);
  const out: Record<string, string> = {};
  for (const k of keys) {
    const value = fetched.get(k);
    if (typeof value === 'string') out[k] = value;
  }
  return out;
}

/** `cache.putAll(values)`, held until the batch ends when one is open. */
export function cachePutAll(cache: Cache, values: Record<string, string>): void {
  if (!fetched) {
    cache.putAll(values, CACHE_SECONDS);
    return;
  }
  for (const [k, v] of Object.entries(values)) {
    pending[k] = v;
    fetched.set(k, v);
  }
}

/** `cache.remove(key)`, also dropping a write the batch holds for it. */
export function cacheRemove(cache: Cache, key: string): void {
  if (fetched) {
    delete pending[key];
    fetched.set(key, null);
  }
  cache.remove(key);
}

/** Parts fetched with the part count in the first call: most values fit, and a missing key costs nothing. */
const FIRST_PARTS = 8;
const partKey = (key: string, i: number) => `${key}#${i}`;

/** The keys `getLarge` fetches first for `key` (to fetch them in a batch). */
export function largeKeys(key: string): string[] {
  return [key, ...Array.from({ length: FIRST_PARTS }, (_, i) => partKey(key, i))];
}

/** Store `text` under `key` (replacing any earlier value). */
export function putLarge(cache: Cache, key: string, text: string): void {
  const parts: Record<string, string> = {};
  const count = Math.max(1, Math.ceil(text.length / PART_CHARS));
  for (let i = 0; i < count; i++) parts[partKey(key, i)] = text.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  parts[key] = String(count);
  cachePutAll(cache, parts);
}

/** The value stored under `key`, or undefined when any part of it is gone. */
export function getLarge(cache: Cache, key: string): string | undefined {
  const first = cacheGetAll(cache, largeKeys(key));
  const count = Number(first[key]);
  if (!Number.isInteger(count) || count < 1) return undefined;
  const keys = Array.from({ length: count }, (_, i) => partKey(key, i));
  const parts = count > FIRST_PARTS ? { ...first, ...cacheGetAll(cache, keys.slice(FIRST_PARTS)) } : first;
  if (keys.some((k) => typeof parts[k] !== 'string')) return undefined;
  return keys.map((k) => parts[k]).join('');
}
