/**
 * Number formats, display values (what getDisplayValues shows) and the typing rules applied to written values.
 */
import {
  dateToSerial,
  DAY_MS,
  serialToDate,
  sheetWall,
  MONTHS_EN,
  MONTHS_ID,
  DAYS_EN,
  DAYS_ID,
  type Wall,
} from './time';

type Value = string | number | boolean | Date;

const AUTOMATIC = new Set(['', 'General', 'general', '0.###############']);

export function isAutomaticFormat(format: string | undefined): boolean {
  return format === undefined || AUTOMATIC.has(format);
}

/** Sheets keeps 15 significant digits. */
export function normaliseNumber(n: number): number {
  if (!Number.isFinite(n)) return n;
  const v = Number(n.toPrecision(15));
  return v === 0 ? 0 : v;
}

export function separators(locale: string): { decimal: string; group: string } {
  const lang = locale.split(/[_-]/)[0].toLowerCase();
  const comma = ['id', 'de', 'es', 'it', 'pt', 'nl', 'fr', 'ru', 'tr', 'da', 'nb', 'sv', 'fi', 'pl', 'cs', 'vi'];
  return comma.includes(lang) ? { decimal: ',', group: lang === 'fr' ? '\u202f' : '.' } : { decimal: '.', group: ',' };
}

const isIndonesian = (locale: string) => locale.toLowerCase().startsWith('id') || locale.toLowerCase().startsWith('in');

/** Splits a format at top-level ';' (outside quotes). */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Letters outside quotes/escapes. */
function bareText(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || isAutomaticFormat(format) || format === '@') return false;
  const bare = bareText(sections(format)[0]);
  return /[dDyYhHsS]|[mM]|AM\/PM|am\/pm/.test(bare.replace(/E\+/g, ''));
}

/** Serials beyond ±100,000,000 days lie outside any calendar a Date can hold. */
const MAX_DATE_SERIAL = 1e8;

/** Display of a stored value under a number format, in the spreadsheet's locale and zone. */
export function displayValue(value: Value, format: string | undefined, locale: string, tz: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    if (isDateFormat(format)) return formatSheetsDate(sheetWall(value, tz), format as string, locale);
    if (!isAutomaticFormat(format) && format !== '@')
      return formatNumber(dateToSerial(value, tz), format as string, locale);
    return automaticDate(value, locale, tz);
  }
  if (typeof value === 'number') {
    // A number too large (or small) to be a date under a date format is shown as the number it is,
    // as Sheets does for serials outside its calendar, rather than failing the whole read.
    const asDate = isDateFormat(format)
      ? Math.abs(value) < MAX_DATE_SERIAL
        ? serialToDate(value, tz)
        : new Date(NaN)
      : undefined;
    if (asDate && !Number.isNaN(asDate.getTime()))
      return formatSheetsDate(sheetWall(asDate, tz), format as string, locale);
    if (asDate) return automaticNumber(value, locale);
    if (isAutomaticFormat(format) || format === '@') return automaticNumber(value, locale);
    return formatNumber(value, format as string, locale);
  }
  return String(value);
}

export function automaticNumber(n: number, locale: string): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : Number.isNaN(n) ? '#NUM!' : '#NUM!';
  const v = normaliseNumber(n);
  const { decimal } = separators(locale);
  const abs = Math.abs(v);
  let s: string;
  if (abs >= 1e15 || (abs !== 0 && abs < 1e-9)) {
    const [mant, exp] = v.toExponential(5).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    s = `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (Number.isInteger(v)) {
    s = String(v);
  } else {
    s = Number(v.toPrecision(15)).toFixed(Math.min(20, 15)).replace(/0+$/, '').replace(/\.$/, '');
    // keep at most 15 significant digits (toFixed may add noise digits)
    const digits = s.replace(/^-?0\.0*/, '').replace(/[-.]/g, '');
    if (digits.length > 15) s = String(Number(v.toPrecision(15)));
  }
  return s.replace('.', decimal);
}

function automaticDate(date: Date, locale: string, tz: string): string {
  const w = sheetWall(date, tz);
  const serial = dateToSerial(date, tz);
  const id = !locale.toLowerCase().startsWith('en_us') && !locale.toLowerCase().startsWith('en-us');
  const time = isIndonesian(locale) ? 'H.mm.ss' : 'H:mm:ss';
  const datePattern = id ? 'dd/MM/yyyy' : 'M/d/yyyy';
  if (serial >= 0 && serial < 1) return formatSheetsDate(w, time, locale);
  const hasTime = w.hour !== 0 || w.minute !== 0 || w.second !== 0;
  return formatSheetsDate(w, hasTime ? `${datePattern} ${time}` : datePattern, locale);
}

interface DateToken {
  kind: 'lit' | 'tok';
  text: string;
}

function tokenizeDate(pattern: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      out.push({ kind: 'lit', text: pattern.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      out.push({ kind: 'lit', text: pattern[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (/^(AM\/PM|am\/pm)/.test(pattern.slice(i))) {
      out.push({ kind: 'tok', text: 'AM/PM' });
      i += 5;
      continue;
    }
    if (/[dDyYhHsSmM]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] && pattern[i + n].toLowerCase() === ch.toLowerCase()) n++;
      out.push({ kind: 'tok', text: pattern.slice(i, i + n) });
      i += n;
      continue;
    }
    if (ch === '[') {
      const end = pattern.indexOf(']', i);
      out.push({ kind: 'tok', text: pattern.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    out.push({ kind: 'lit', text: ch });
    i++;
  }
  return out;
}

/** Formats wall-clock fields with a Sheets date/time format (d, M/m, y, H/h, m, s, AM/PM, quoted literals). */
export function formatSheetsDate(w: Wall, pattern: string, locale: string): string {
  const toks = tokenizeDate(sections(pattern)[0]);
  const twelve = toks.some((t) => t.kind === 'tok' && t.text === 'AM/PM');
  const months = isIndonesian(locale) ? MONTHS_ID : MONTHS_EN;
  const days = isIndonesian(locale) ? DAYS_ID : DAYS_EN;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  toks.forEach((t, idx) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    const lower = t.text.toLowerCase();
    const n = t.text.length;
    const c = lower[0];
    if (t.text === 'AM/PM') out += w.hour < 12 ? 'AM' : 'PM';
    else if (c === 'y') out += n <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
    else if (c === 'd')
      out +=
        n === 1 ? String(w.day) : n === 2 ? pad(w.day, 2) : n === 3 ? days[w.weekday].slice(0, 3) : days[w.weekday];
    else if (c === 'h') {
      const h = twelve ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
      out += n >= 2 ? pad(h, 2) : String(h);
    } else if (c === 's') out += n >= 2 ? pad(w.second, 2) : String(w.second);
    else if (c === 'm') {
      const prev = toks
        .slice(0, idx)
        .reverse()
        .find((x) => x.kind === 'tok');
      const next = toks.slice(idx + 1).find((x) => x.kind === 'tok');
      const minute =
        n <= 2 && ((prev && prev.text.toLowerCase()[0] === 'h') || (next && next.text.toLowerCase()[0] === 's'));
      if (minute) out += n === 2 ? pad(w.minute, 2) : String(w.minute);
      else
        out +=
          n === 1
            ? String(w.month)
            : n === 2
              ? pad(w.month, 2)
              : n === 3
                ? months[w.month - 1].slice(0, 3)
                : months[w.month - 1];
    } else if (lower.startsWith('[h')) {
      out += String(w.hour);
    } else out += t.text;
  });
  return out;
}

/** Formats a number with a Sheets number format (0 # , . % E+ and literal prefixes/suffixes). */
export function formatNumber(n: number, format: string, locale: string): string {
  const secs = sections(format);
  let section = secs[0];
  let value = normaliseNumber(n);
  let sign = value < 0 ? '-' : '';
  if (value < 0 && secs.length > 1 && secs[1] !== '') {
    section = secs[1];
    value = -value;
    sign = '';
  } else if (value === 0 && secs.length > 2 && secs[2] !== '') {
    section = secs[2];
  } else value = Math.abs(value);
  const { decimal, group } = separators(locale);
  // Split into literal prefix, numeric core, literal suffix.
  let prefix = '';
  let suffix = '';
  let core = '';
  let seenCore = false;
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let lit: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
      continue;
    } else if (ch === '_' || ch === '*') {
      i++;
      lit = ch === '_' ? ' ' : '';
    } else if (/[0#?.,]/.test(ch) || (seenCore && /[Ee]/.test(ch) && /[+-]/.test(section[i + 1] ?? ''))) {
      if (/[Ee]/.test(ch)) {
        core += section.slice(i, i + 2);
        i++;
        while (/[0#]/.test(section[i + 1] ?? '')) core += section[++i];
        continue;
      }
      core += ch;
      seenCore = true;
      continue;
    } else {
      if (ch === '%') percent = true;
      lit = ch;
    }
    if (seenCore) suffix += lit;
    else prefix += lit;
  }
  if (percent) value = value * 100;
  let body: string;
  const expMatch = /[Ee]([+-])(0+)/.exec(core);
  const mantCore = expMatch ? core.slice(0, expMatch.index) : core;
  const [intPart, fracPart = ''] = mantCore.split('.');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = (fracPart.match(/[0#?]/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(intPart);
  const minInt = (intPart.match(/0/g) ?? []).length;
  let exponent = 0;
  if (expMatch) {
    if (value !== 0) {
      exponent = Math.floor(Math.log10(value));
      value = value / Math.pow(10, exponent);
      if (Number(value.toFixed(maxFrac)) >= 10) {
        value /= 10;
        exponent += 1;
      }
    }
  }
  let fixed = normaliseNumber(value).toFixed(maxFrac);
  let [ip, fp = ''] = fixed.split('.');
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  body = ip + (fp.length > 0 || (mantCore.includes('.') && maxFrac === 0 && false) ? decimal + fp : '');
  if (expMatch) {
    const e = String(Math.abs(exponent)).padStart(expMatch[2].length, '0');
    body += `E${exponent < 0 ? '-' : expMatch[1] === '+' ? '+' : ''}${e}`;
  }
  if (body === '') body = '';
  fixed = body;
  const isZero = !/[1-9]/.test(fixed);
  return (isZero ? '' : sign) + prefix + fixed + suffix;
}

export interface TypedInput {
  value: Value;
  formula?: string;
  numberFormat?: string;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function wallSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return (Date.UTC(y, m - 1, d, hh, mm, ss) - Date.UTC(1899, 11, 30)) / DAY_MS;
}

/**
 * The typing rules Sheets applies to a value entered by a user or written by setValue(s): formulas, a leading
 * apostrophe, text-formatted cells, numbers (15 significant digits), TRUE/FALSE, times and dates.
 */
export function typeInput(
  v: Value | null | undefined,
  format: string | undefined,
  locale: string,
  tz: string,
): TypedInput {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number') return { value: normaliseNumber(v) };
  if (typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: new Date(v.getTime()) };
  const s = String(v);
  if (s === '') return { value: '' };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (format === '@') return { value: s };
  if (s.startsWith('=') && s.length > 1) return { value: '', formula: s };
  const t = s.trim();
  if (NUMERIC.test(t)) return { value: normaliseNumber(Number(t)) };
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/.exec(t);
  if (pct) return { value: normaliseNumber(Number(pct[1]) / 100), numberFormat: '0%' };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    const serial = (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
    return { value: serialToDate(serial, tz) };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validYmd(y, m, d))
      return {
        value: serialToDate(wallSerial(y, m, d, Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)), tz),
      };
  }
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(t);
  if (dmy) {
    const monthFirst = /^en[_-]us$/i.test(locale);
    const a = Number(dmy[1]);
    const b = Number(dmy[2]);
    const [d, m] = monthFirst ? [b, a] : [a, b];
    const y = Number(dmy[3]);
    if (validYmd(y, m, d))
      return {
        value: serialToDate(wallSerial(y, m, d, Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0)), tz),
      };
  }
  return { value: s };
}
