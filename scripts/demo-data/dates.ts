/**
 * Calendar helpers for the demo workbook. Every `Date` the generator emits is an instant at a wall-clock time in
 * the demo spreadsheet's time zone, Asia/Makassar (WITA, UTC+8, no daylight saving) — the same zone as the
 * manifest's default — so the output does not depend on the machine's time zone.
 */
export const DEMO_TIME_ZONE = 'Asia/Makassar';
export const DEMO_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = DEMO_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

/** A Date for a wall-clock time in Asia/Makassar. Month is 1-based. */
export function witaDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h, mi, s) - OFFSET_MS);
}

/** The Asia/Makassar calendar date of a Date. */
export function witaYmd(date: Date): Ymd {
  const t = new Date(date.getTime() + OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dayNumber(v: Ymd): number {
  return Math.floor(Date.UTC(v.y, v.m - 1, v.d) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Age in whole years on `on`. */
export function ageOn(birth: Ymd, on: Ymd): number {
  const before = on.m < birth.m || (on.m === birth.m && on.d < birth.d);
  return on.y - birth.y - (before ? 1 : 0);
}

export function sameYmd(a: Ymd, b: Ymd): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

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
] as const;
export const MONTHS_ID_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agt',
  'Sep',
  'Okt',
  'Nov',
  'Des',
] as const;
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
] as const;
/** Old spellings still common in typed data. */
export const MONTHS_ID_OLD: Partial<Record<number, string>> = { 2: 'Pebruari', 11: 'Nopember', 8: 'Agt' };

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The text forms a birth date is typed in, keyed by a format id. */
export type DateTextFormat =
  | 'd/m/yyyy'
  | 'dd/mm/yyyy'
  | 'd-m-yyyy'
  | 'yyyy-mm-dd'
  | 'd bulan yyyy'
  | 'd bln yyyy'
  | 'd bulan-lama yyyy'
  | 'd month yyyy';

export function formatDateText(v: Ymd, format: DateTextFormat): string {
  switch (format) {
    case 'd/m/yyyy':
      return `${v.d}/${v.m}/${v.y}`;
    case 'dd/mm/yyyy':
      return `${pad2(v.d)}/${pad2(v.m)}/${v.y}`;
    case 'd-m-yyyy':
      return `${v.d}-${v.m}-${v.y}`;
    case 'yyyy-mm-dd':
      return `${v.y}-${pad2(v.m)}-${pad2(v.d)}`;
    case 'd bulan yyyy':
      return `${v.d} ${MONTHS_ID[v.m - 1]} ${v.y}`;
    case 'd bln yyyy':
      return `${v.d} ${MONTHS_ID_SHORT[v.m - 1]} ${v.y}`;
    case 'd bulan-lama yyyy':
      return `${v.d} ${MONTHS_ID_OLD[v.m] ?? MONTHS_ID[v.m - 1]} ${v.y}`;
    case 'd month yyyy':
      return `${v.d} ${MONTHS_EN[v.m - 1]} ${v.y}`;
  }
}
