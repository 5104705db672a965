/**
 * Personal data on generated tabs. NIK, birth date and phone appear in full only on `Kandidat`;
 * everywhere else they are masked unless the coordinator turns masking off.
 */
import { type CalendarDate, formatLongDate, formatShortDate, isValidDate, parseDateCell } from './dates';
import { maskNik, nikText } from './nik';
import { formatPhone, maskPhone, parsePhone } from './phone';
import type { CellValue } from './types';

export type PersonalField = 'NIK' | 'No. HP' | 'Tanggal Lahir';

export function isPersonal(header: string): header is PersonalField {
  return header === 'NIK' || header === 'No. HP' || header === 'Tanggal Lahir';
}

/** The value to show for a personal field: masked, or as shown on the sheet. */
export function showPersonal(field: PersonalField, value: CellValue, shown: string, mask: boolean): string {
  if (!mask) return shown;
  switch (field) {
    case 'NIK':
      return maskNik(nikText(value).cleaned);
    case 'No. HP': {
      const phone = parsePhone(value);
      return maskPhone(phone.national ? formatPhone(phone) : shown);
    }
    case 'Tanggal Lahir': {
      const year = /(\d{4})/.exec(shown);
      return year ? `**/**/${year[1]}` : shown.replace(/\S/g, '*');
    }
  }
}

/** One candidate's personal cells, as `rowRecord` gives them. */
export interface PersonalCells {
  value: (header: PersonalField) => CellValue;
  shown: (header: PersonalField) => string;
}

/**
 * A message about a candidate, with that candidate's NIK, phone number and birth dates masked
 * wherever they are quoted, in every form the rules quote them (as typed, cleaned, formatted, the
 * NIK's date digits, the date they encode). Messages go to generated tabs, which people print and
 * share; the full text stays in Catatan Validasi on Kandidat.
 */
export function maskPersonalText(text: string, cells: PersonalCells, offsetMinutes = 0): string {
  const swaps = personalSwaps(cells, offsetMinutes)
    .filter(([secret]) => secret.length >= 4)
    .sort((a, b) => b[0].length - a[0].length);
  return swaps.reduce((out, [secret, masked]) => out.split(secret).join(masked), text);
}

function personalSwaps(cells: PersonalCells, offsetMinutes: number): Array<[string, string]> {
  const swaps: Array<[string, string]> = [];
  const nikShown = cells.shown('NIK');
  const nik = nikText(cells.value('NIK')).cleaned;
  swaps.push([nikShown, maskNik(nikShown)], [nik, maskNik(nik)]);
  if (/^\d{12,}/.test(nik)) swaps.push([nik.slice(6, 12), '******']);

  const phoneShown = cells.shown('No. HP');
  const phone = parsePhone(cells.value('No. HP'));
  swaps.push([phoneShown, maskPhone(phoneShown)]);
  if (phone.national)
    swaps.push(
      [formatPhone(phone), maskPhone(formatPhone(phone))],
      [`0${phone.national}`, maskPhone(`0${phone.national}`)],
    );

  const birthShown = cells.shown('Tanggal Lahir');
  swaps.push([birthShown, showPersonal('Tanggal Lahir', cells.value('Tanggal Lahir'), birthShown, true)]);
  const birth = parseDateCell(cells.value('Tanggal Lahir'), offsetMinutes);
  for (const date of [...(birth.ok ? [birth.date] : []), ...nikDates(nik)]) {
    const masked = `**/**/${date.year}`;
    swaps.push(
      [formatLongDate(date, 'id'), masked],
      [formatLongDate(date, 'en'), masked],
      [formatShortDate(date), masked],
    );
  }
  return swaps;
}

/** The dates a NIK's digits 7–12 can stand for (either century; women's day + 40). */
function nikDates(nik: string): CalendarDate[] {
  if (!/^\d{12,}/.test(nik)) return [];
  const day = Number(nik.slice(6, 8)) % 40 || 40;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  return [1900 + yy, 2000 + yy].filter((year) => isValidDate(year, month, day)).map((year) => ({ year, month, day }));
}
