/**
 * The NIK (Nomor Induk Kependudukan): 16 digits = province (2) + regency (2) + district (2) +
 * birth date DDMMYY, with 40 added to the day for women (6) + serial (4).
 * This module only decodes; the validation rules decide what is an error or a warning.
 */
import { type CalendarDate, compareDates, isValidDate } from './dates';
import { OLD_PAPUA_REGENCIES, PROVINCES, REGENCY_CODES } from '../generated/regions';

const CURRENT_REGENCIES = new Set(REGENCY_CODES.split(' '));

export interface NikText {
  /** Digits after removing spaces, dots and dashes (may still hold other characters). */
  cleaned: string;
  /** The cell held a number rather than text (Sheets keeps only 15 significant digits). */
  fromNumber: boolean;
}

/** The NIK as text, from a text cell or — read as Sheets holds it — from a number cell. */
export function nikText(value: unknown): NikText {
  if (typeof value === 'number') {
    const whole = Number.isFinite(value)
      ? Math.abs(value).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 })
      : '';
    return { cleaned: whole, fromNumber: true };
  }
  return { cleaned: String(value ?? '').replace(/[\s.\-\u00a0]/g, ''), fromNumber: false };
}

export function isNikShape(cleaned: string): boolean {
  return /^\d{16}$/.test(cleaned);
}

export function provinceName(nik: string): string | undefined {
  return PROVINCES[nik.slice(0, 2)];
}

export type RegencyStatus =
  { kind: 'current' } | { kind: 'old-papua'; now: string; name: string } | { kind: 'unknown' };

export function regencyStatus(nik: string): RegencyStatus {
  const code = nik.slice(0, 4);
  if (CURRENT_REGENCIES.has(code)) return { kind: 'current' };
  const old = OLD_PAPUA_REGENCIES[code];
  return old ? { kind: 'old-papua', now: old[0], name: old[1] } : { kind: 'unknown' };
}

export interface NikBirth {
  date: CalendarDate;
  sex: 'L' | 'P';
}

/**
 * The birth date and sex encoded in digits 7–12. The two-digit year is 20YY unless that is after
 * the reference date, else 19YY. Undefined when the digits are no real date.
 */
export function nikBirth(nik: string, reference: CalendarDate): NikBirth | undefined {
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'P' : 'L';
  if (day > 40) day -= 40;
  const in2000s = { year: 2000 + yy, month, day };
  const year = isValidDate(in2000s.year, month, day) && compareDates(in2000s, reference) <= 0 ? 2000 + yy : 1900 + yy;
  if (!isValidDate(year, month, day)) return undefined;
  return { date: { year, month, day }, sex };
}

export function nikSerial(nik: string): string {
  return nik.slice(12, 16);
}

/**
 * "630105******0001": the area (not identifying) and the serial (to spot truncation) stay, the
 * birth date is hidden. A NIK of the wrong length keeps only its first four characters.
 */
export function maskNik(text: string): string {
  const chars = [...text];
  if (chars.length <= 6) return '*'.repeat(chars.length);
  if (chars.length < 16) return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 4);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}
