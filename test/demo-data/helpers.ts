/**
 * Independent readers for the demo workbook's cells, written for the tests (they do not reuse the generator's
 * code, so a bug there cannot hide itself here).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Cell = string | number | boolean | Date;
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DATA = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');

function rows(file: string): string[][] {
  return fs
    .readFileSync(path.join(DATA, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const a = l.indexOf(',');
      const b = l.indexOf(',', a + 1);
      return b < 0 ? [l.slice(0, a), l.slice(a + 1)] : [l.slice(0, a), l.slice(a + 1, b), l.slice(b + 1)];
    });
}

export const PROVINCE_CODES = new Set(rows('provinces.csv').map((r) => r[0]));
/** Undotted 6-digit district codes, e.g. `630103`. */
export const DISTRICT_CODES6 = new Set(rows('districts.csv').map((r) => r[0].replace(/\./g, '')));
export const DISTRICTS = rows('districts.csv').map(([code, regency, name]) => ({ code, regency, name }));
export function villagesOfRegency(regencyCode: string): Array<{ code: string; district: string; name: string }> {
  return rows('villages.csv')
    .filter((r) => r[0].startsWith(`${regencyCode}.`))
    .map(([code, district, name]) => ({ code, district, name }));
}

export const norm = (s: string): string =>
  String(s)
    .toLowerCase()
    .replace(/[-‐–]/g, ' ')
    .replace(/^(kabupaten|kab\.?|kota|kecamatan|kec\.?|desa|kelurahan|kel\.?)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

const MONTHS: Record<string, number> = {};
[
  ['januari', 'jan', 'january'],
  ['februari', 'feb', 'pebruari', 'february'],
  ['maret', 'mar', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agt', 'agu', 'aug', 'august'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'october', 'oct'],
  ['november', 'nov', 'nopember'],
  ['desember', 'des', 'december', 'dec'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

export function validYmd(y: number, m: number, d: number): Ymd | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? { y, m, d } : null;
}

/** Asia/Makassar (UTC+8) calendar date of an instant. */
export function makassarYmd(d: Date): Ymd {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export type BirthFormat = 'date' | 'd/m/yyyy' | 'd-m-yyyy' | 'yyyy-mm-dd' | 'd month yyyy';

export function parseBirth(cell: Cell): { ymd: Ymd; format: BirthFormat; month?: string } | null {
  if (cell instanceof Date) return { ymd: makassarYmd(cell), format: 'date' };
  const s = String(cell).trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const v = validYmd(+m[3], +m[2], +m[1]);
    return v && { ymd: v, format: 'd/m/yyyy' };
  }
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  if (m) {
    const v = validYmd(+m[3], +m[2], +m[1]);
    return v && { ymd: v, format: 'd-m-yyyy' };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const v = validYmd(+m[1], +m[2], +m[3]);
    return v && { ymd: v, format: 'yyyy-mm-dd' };
  }
  m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const v = validYmd(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
    return v && { ymd: v, format: 'd month yyyy', month: m[2] };
  }
  return null;
}

export function sexOf(cell: Cell): 'L' | 'P' | null {
  const s = String(cell).trim().toLowerCase();
  if (['l', 'laki-laki', 'lk', 'pria', 'm'].includes(s)) return 'L';
  if (['p', 'perempuan', 'pr', 'wanita', 'f'].includes(s)) return 'P';
  return null;
}

export const REF: Ymd = { y: 2019, m: 11, d: 25 };

export function age(b: Ymd, on: Ymd = REF): number {
  return on.y - b.y - (on.m < b.m || (on.m === b.m && on.d < b.d) ? 1 : 0);
}

/** Decodes a 16-digit NIK string: region, birth date (century by the reference date), sex and serial. */
export function decodeNik(digits: string): { region: string; birth: Ymd | null; sex: 'L' | 'P'; serial: string } {
  const dd = +digits.slice(6, 8);
  const sex = dd > 40 ? 'P' : 'L';
  const yy = +digits.slice(10, 12);
  const y = 2000 + yy <= REF.y ? 2000 + yy : 1900 + yy;
  return {
    region: digits.slice(0, 6),
    birth: validYmd(y, +digits.slice(8, 10), dd > 40 ? dd - 40 : dd),
    sex,
    serial: digits.slice(12),
  };
}

/** National significant number of a phone cell, or null when it is not a number at all. */
export function phoneNational(cell: Cell): string | null {
  if (typeof cell === 'number') return String(cell);
  const s = String(cell);
  if (/[a-z]/i.test(s)) return null;
  let d = s.replace(/[\s().+-]/g, '');
  if (!/^\d+$/.test(d)) return null;
  if (d.startsWith('0062')) d = d.slice(4);
  else if (d.startsWith('62')) d = d.slice(2);
  else if (d.startsWith('0')) d = d.slice(1);
  return d;
}
export const isMobile = (n: string | null): boolean => n !== null && /^8[1-35-9]\d{7,10}$/.test(n);
export const isLandline = (n: string | null): boolean => n !== null && /^[2-79]\d{6,10}$/.test(n);

export const EMAIL_RE = /^[^\s@,]+@[^\s@,]+\.[a-z]{2,}$/i;

export interface KRow {
  row: number;
  id: string;
  name: Cell;
  nik: Cell;
  sex: Cell;
  place: Cell;
  birth: Cell;
  edu: Cell;
  address: Cell;
  village: Cell;
  district: Cell;
  regency: Cell;
  province: Cell;
  phone: Cell;
  email: Cell;
  registered: Cell;
  decision: Cell;
  reason: Cell;
}

export function kandidatRows(table: Cell[][]): KRow[] {
  const out: KRow[] = [];
  table.slice(1).forEach((r, i) => {
    if (r.slice(1).every((c) => c === '')) return;
    const [
      id,
      name,
      nik,
      sex,
      place,
      birth,
      edu,
      address,
      village,
      district,
      regency,
      province,
      phone,
      email,
      registered,
      decision,
      reason,
    ] = r;
    out.push({
      row: i + 2,
      id: String(id),
      name,
      nik,
      sex,
      place,
      birth,
      edu,
      address,
      village,
      district,
      regency,
      province,
      phone,
      email,
      registered,
      decision,
      reason,
    });
  });
  return out;
}
