/**
 * Small text helpers shared by header matching, settings and (later) name comparison.
 * Everything here is pure and works on any cell value.
 */
import type { CellValue, Lang } from './types';

/** A cell as trimmed text; numbers and booleans as they would be typed, Dates as ISO dates. */
export function cellText(value: CellValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function isBlank(value: CellValue | null | undefined): boolean {
  return cellText(value) === '';
}

/**
 * The key used to compare headers and setting names: case, accents, spaces and punctuation
 * do not matter ("No. HP", "no hp" and "NO_HP" all become "nohp").
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Classic edit distance; inputs are short (headers, setting names). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `wanted` (compared by match key), if it is close enough to be a
 * plausible typo: at most a third of the longer text differs, or one contains the other.
 */
export function closest(wanted: string, candidates: readonly string[]): string | undefined {
  const key = matchKey(wanted);
  if (!key) return undefined;
  let best: { text: string; score: number } | undefined;
  for (const text of candidates) {
    const other = matchKey(text);
    if (!other) continue;
    const distance = editDistance(key, other);
    const contains = other.includes(key) || key.includes(other);
    const limit = Math.max(1, Math.floor(Math.max(key.length, other.length) / 3));
    if (distance > limit && !contains) continue;
    const score = contains ? distance - 0.5 : distance;
    if (!best || score < best.score) best = { text, score };
  }
  return best?.text;
}

/** "a, b dan c" / "a, b and c". */
export function listJoin(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Spreadsheet column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The sheet rows an A1 reference spans: "B2" → 2…2, "B2:D5" or "2:5" → 2…5. Undefined when it
 * does not name both rows ("B:D", "B2:D").
 */
export function rowsOfA1(a1: string): { first: number; last: number } | undefined {
  const m = /^\$?[A-Z]*\$?(\d+)(?::\$?[A-Z]*\$?(\d+))?$/i.exec(a1.trim());
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

/**
 * A user's value quoted in a message, shortened: an alert or note must never repeat a
 * 50,000-character cell. Line breaks become spaces so the quote stays on one line.
 */
export function quote(value: string, max = 60): string {
  return `"${clip(value, max)}"`;
}

/** A user's value inside a message, on one line and at most `max` characters (with "…" when cut). */
export function clip(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A number written into text the way each language writes it: Indonesian "1.500" and "9,9",
 * English "1,500" and "9.9" (numbers in cells are shown by the spreadsheet's own locale). Written
 * out by hand: the server may not carry full locale data.
 */
export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  const [group, point] = lang === 'en' ? [',', '.'] : ['.', ','];
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction = ''] = String(rounded).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 && rounded !== 0 ? '-' : ''}${grouped}${fraction ? point + fraction : ''}`;
}
