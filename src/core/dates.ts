/**
 * Calendar dates as the workbook means them. Cells hold dates in several shapes (a date cell,
 * "17/08/1990", "1990-08-17", "17 Agustus 1990", "3 Pebruari 1988"); everything becomes a plain
 * {year, month, day} so that no rule depends on the time zone of the machine running it.
 * Day and month names are written out here because Intl support for Indonesian varies.
 */
import type { CellValue, Lang } from './types';

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const DAY_MS = 86_400_000;

const MONTHS_ID = [
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
const MONTHS_EN = [
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
const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Month names and abbreviations people type, Indonesian (incl. old spellings) and English. */
const MONTH_WORDS: Record<string, number> = (() => {
  const words: Record<string, number> = {};
  const add = (month: number, ...names: string[]) => names.forEach((n) => (words[n.toLowerCase()] = month));
  MONTHS_ID.forEach((name, i) => add(i + 1, name, name.slice(0, 3)));
  MONTHS_EN.forEach((name, i) => add(i + 1, name, name.slice(0, 3)));
  add(2, 'Pebruari', 'Peb', 'Febuari', 'Pebruary');
  add(8, 'Agt', 'Agst', 'Agus', 'Agu', 'Agustus');
  add(11, 'Nopember', 'Nop', 'Nov');
  add(9, 'Sept');
  add(10, 'Okt');
  add(12, 'Des');
  add(6, 'Jun');
  add(7, 'Jul');
  return words;
})();

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The calendar date a date cell shows. Sheets hands a date cell over as the instant of local
 * midnight in the spreadsheet's zone; shifting by the zone's offset and rounding to the nearest
 * day also absorbs historical offsets (Indonesia's zones moved by up to an hour before 1964).
 */
export function calendarDateOfCell(date: Date, offsetMinutes: number): CalendarDate | undefined {
  const t = date.getTime();
  if (isNaN(t)) return undefined;
  const days = Math.floor((t + offsetMinutes * 60_000 + DAY_MS / 2) / DAY_MS);
  return fromDayNumber(days);
}

/** The local calendar date of an instant (for timestamps, where the time of day matters). */
export function calendarDateOfInstant(date: Date, offsetMinutes: number): CalendarDate {
  return fromDayNumber(Math.floor((date.getTime() + offsetMinutes * 60_000) / DAY_MS));
}

export function fromDayNumber(days: number): CalendarDate {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayNumber(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** Whole years from `birth` to `on` (birthday not yet reached → one less). */
export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age--;
  return age;
}

export type DateParse = { ok: true; date: CalendarDate } | { ok: false; reason: 'empty' | 'format' | 'invalid' };

/**
 * Read a date from any cell: a date cell, `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, `yyyy-mm-dd`, or
 * `d <month> yyyy` with Indonesian or English month names. Day-first is the Indonesian
 * convention, so `03/04/1990` is 3 April.
 */
export function parseDateCell(value: CellValue, offsetMinutes: number): DateParse {
  if (value instanceof Date) {
    const date = calendarDateOfCell(value, offsetMinutes);
    return date ? { ok: true, date } : { ok: false, reason: 'invalid' };
  }
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (value === '' || (typeof value === 'string' && text === '')) return { ok: false, reason: 'empty' };
  if (typeof value !== 'string') return { ok: false, reason: 'format' };
  return parseDateText(text);
}

export function parseDateText(text: string): DateParse {
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTH_WORDS[m[2].toLowerCase()];
    return month ? checked(Number(m[3]), month, Number(m[1])) : { ok: false, reason: 'format' };
  }
  return { ok: false, reason: 'format' };
}

function checked(year: number, month: number, day: number): DateParse {
  return isValidDate(year, month, day) ? { ok: true, date: { year, month, day } } : { ok: false, reason: 'invalid' };
}

/** "27 November 2019" (Indonesian) or "27 November 2019" (English: day first too, as in the reports). */
export function formatLongDate(date: CalendarDate, lang: Lang): string {
  const months = lang === 'en' ? MONTHS_EN : MONTHS_ID;
  return `${date.day} ${months[date.month - 1]} ${date.year}`;
}

/** "Rabu, 27 November 2019" / "Wednesday, 27 November 2019". */
export function formatDayAndDate(date: CalendarDate, lang: Lang): string {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return `${(lang === 'en' ? DAYS_EN : DAYS_ID)[weekday]}, ${formatLongDate(date, lang)}`;
}

/** `dd/mm/yyyy`, the short form used in tables. */
export function formatShortDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}
