/**
 * The document cache (CacheService), for values larger than the 100 KB Apps Script allows under
 * one key: a value is split over numbered keys and read back in one call. The cache may drop any
 * key at any time, so a value with a missing part is simply absent.
 */
const PART_CHARS = 90_000;
/** Apps Script keeps cached values six hours at most; the add-on's are shorter-lived. */
export const CACHE_SECONDS = 3600;

/** Asked once per execution (module state lives one execution). */
let memo: GoogleAppsScript.Cache.Cache | null | undefined;

export function documentCache(): GoogleAppsScript.Cache.Cache | null {
  if (memo !== undefined) return memo;
  try {
    memo = CacheService.getDocumentCache();
  } catch {
    memo = null;
  }
  return memo;
}

/** Parts fetched with the part count in the first call: most values fit, and a missing key costs nothing. */
const FIRST_PARTS = 8;

/** Store `text` under `key` (replacing any earlier value). */
export function putLarge(cache: GoogleAppsScript.Cache.Cache, key: string, text: string): void {
  const parts: Record<string, string> = {};
  const count = Math.max(1, Math.ceil(text.length / PART_CHARS));
  for (let i = 0; i < count; i++) parts[`${key}#${i}`] = text.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  parts[key] = String(count);
  cache.putAll(parts, CACHE_SECONDS);
}

/** The value stored under `key`, or undefined when any part of it is gone. */
export function getLarge(cache: GoogleAppsScript.Cache.Cache, key: string): string | undefined {
  const partKey = (i: number) => `${key}#${i}`;
  const first = cache.getAll([key, ...Array.from({ length: FIRST_PARTS }, (_, i) => partKey(i))]);
  const count = Number(first[key]);
  if (!Number.isInteger(count) || count < 1) return undefined;
  const keys = Array.from({ length: count }, (_, i) => partKey(i));
  const parts = count > FIRST_PARTS ? { ...first, ...cache.getAll(keys.slice(FIRST_PARTS)) } : first;
  if (keys.some((k) => typeof parts[k] !== 'string')) return undefined;
  return keys.map((k) => parts[k]).join('');
}
