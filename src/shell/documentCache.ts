/**
 * The document cache (CacheService), for values larger than the 100 KB Apps Script allows under
 * one key: a value is split over numbered keys and read back in one call. The cache may drop any
 * key at any time, so a value with a missing part is simply absent.
 */
const PART_CHARS = 90_000;
/** Apps Script keeps cached values six hours at most; the add-on's are shorter-lived. */
export const CACHE_SECONDS = 3600;

export function documentCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

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
  const count = Number(cache.get(key));
  if (!Number.isInteger(count) || count < 1) return undefined;
  const keys = Array.from({ length: count }, (_, i) => `${key}#${i}`);
  const parts = cache.getAll(keys);
  if (keys.some((k) => typeof parts[k] !== 'string')) return undefined;
  return keys.map((k) => parts[k]).join('');
}
