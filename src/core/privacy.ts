/**
 * Personal data on generated tabs. NIK, birth date and phone appear in full only on `Kandidat`;
 * everywhere else they are masked unless the coordinator turns masking off.
 */
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
