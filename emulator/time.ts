/**
 * Time zones, spreadsheet serial numbers and Java-style date formatting (Utilities.formatDate).
 *
 * Time zone data comes from Node's ICU via Intl, which (like Java, which Apps Script uses) knows the historical
 * local-mean-time offsets: Asia/Makassar was +07:57:36 until 1920.
 *
 * Sheets stores dates and times as serial numbers (days since 1899-12-30 00:00, wall clock in the spreadsheet's time
 * zone). When Apps Script hands such a cell to a script, the wall clock is turned into an instant using the zone's
 * standard (modern) offset, but the script reads that instant back in the zone *with* the 1899 local-mean-time
 * offset. So a time-only cell typed as 19:00 in an Asia/Makassar spreadsheet becomes the instant
 * 1899-12-30T11:00:00Z, which formatted in Asia/Makassar reads 18:57:36 ("19:00 reads as 18:58"), while
 * getDisplayValues() still shows 19.00.00. The emulator reproduces this: `wallToInstant` / `instantToWall` use the
 * zone's offset of 2000-01-01 for dates before 1900 and the real Intl offset otherwise.
 */

export const DAY_MS = 86_400_000;
/** 1899-12-30T00:00:00Z: serial 0 as if the zone were UTC. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Before this instant (roughly 1900) Sheets' conversion uses the standard offset. */
const MODERN_FROM = Date.UTC(1900, 0, 1);
const REFERENCE_INSTANT = Date.UTC(2000, 0, 1);

export interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();

function fixedOffsetMinutes(tz: string): number | undefined {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(tz)) return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function dtf(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    fmtCache.set(tz, f);
  }
  return f;
}

/** Throws for time zones Intl does not know. */
export function isValidTimeZone(tz: string): boolean {
  if (fixedOffsetMinutes(tz) !== undefined) return true;
  try {
    dtf(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at `instant`, in milliseconds (with second precision: LMT offsets have seconds). */
export function tzOffsetMs(tz: string, instant: number): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== undefined) return fixed * 60_000;
  const secondAligned = Math.floor(instant / 1000) * 1000;
  const parts = dtf(tz).formatToParts(new Date(secondAligned));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const asUtc = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const d = new Date(asUtc);
  d.setUTCFullYear(year);
  return d.getTime() - secondAligned;
}

/** Wall-clock fields of `instant` in `tz` using real (historical) offsets, as Utilities.formatDate does. */
export function wallInZone(instant: number, tz: string): Wall {
  return wallFromShifted(instant + tzOffsetMs(tz, instant));
}

function wallFromShifted(shifted: number): Wall {
  const d = new Date(shifted);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** The offset Sheets uses to convert between a cell's wall clock and an instant (see the file comment). */
function sheetsOffset(tz: string, approxInstant: number): number {
  return approxInstant < MODERN_FROM ? tzOffsetMs(tz, REFERENCE_INSTANT) : tzOffsetMs(tz, approxInstant);
}

/** Wall-clock time (as a UTC-based ms count) in the spreadsheet zone → instant. */
export function wallToInstant(wallMs: number, tz: string): number {
  let guess = wallMs - sheetsOffset(tz, wallMs);
  guess = wallMs - sheetsOffset(tz, guess);
  return guess;
}

/** Instant → wall clock (UTC-based ms) in the spreadsheet zone, inverse of wallToInstant. */
export function instantToWall(instant: number, tz: string): number {
  return instant + sheetsOffset(tz, instant);
}

export function serialToDate(serial: number, tz: string): Date {
  return new Date(Math.round(wallToInstant(SERIAL_EPOCH_UTC + serial * DAY_MS, tz)));
}

export function dateToSerial(date: Date, tz: string): number {
  return (instantToWall(date.getTime(), tz) - SERIAL_EPOCH_UTC) / DAY_MS;
}

/** Wall-clock fields of a Date as the spreadsheet shows it. */
export function sheetWall(date: Date, tz: string): Wall {
  return wallFromShifted(instantToWall(date.getTime(), tz));
}

export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
export const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offsetText(offsetMs: number, letter: 'Z' | 'X', count: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 60_000);
  const h = pad(Math.floor(total / 60), 2);
  const m = pad(total % 60, 2);
  if (letter === 'X') {
    if (offsetMs === 0) return 'Z';
    return count === 1 ? `${sign}${h}` : count === 2 ? `${sign}${h}${m}` : `${sign}${h}:${m}`;
  }
  return count >= 4 ? `GMT${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/**
 * Java SimpleDateFormat subset: G y M d H h k K m s S E a z Z X u, quoted literals ('...' and '' for a quote).
 * English names, as Apps Script uses.
 */
export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const instant = date.getTime();
  const offset = tzOffsetMs(tz, instant);
  const w = wallFromShifted(instant + offset);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS_EN[w.month - 1] : n === 3 ? MONTHS_EN[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS_EN[w.weekday] : DAYS_EN[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += offsetText(offset, 'Z', 4).replace('GMT+00:00', 'GMT');
        break;
      case 'Z':
        out += offsetText(offset, 'Z', n);
        break;
      case 'X':
        out += offsetText(offset, 'X', n);
        break;
      case 'D': {
        const start = Date.UTC(w.year, 0, 1);
        out += pad(Math.floor((Date.UTC(w.year, w.month - 1, w.day) - start) / DAY_MS) + 1, n);
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
