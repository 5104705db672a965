/**
 * Indonesian phone numbers. After removing spaces and punctuation and the country code, a mobile
 * is 8[1-35-9] followed by 7–10 digits; a landline is 7–11 digits starting with an area code digit
 * (2–7 or 9). Anything else is not a phone number.
 */
export type PhoneKind = 'mobile' | 'landline' | 'invalid' | 'empty';

export interface Phone {
  kind: PhoneKind;
  /** National number without the trunk 0 (e.g. "81234567890"), when it parses. */
  national: string;
}

export function parsePhone(value: unknown): Phone {
  if (typeof value === 'number') {
    // A number cell has lost its leading 0 (or its +): accept it when it then reads as a mobile.
    const national = Number.isInteger(value) && value > 0 ? nationalNumber(String(value)) : undefined;
    return national !== undefined && MOBILE.test(national)
      ? { kind: 'mobile', national }
      : { kind: 'invalid', national: '' };
  }
  const raw = String(value ?? '').trim();
  if (raw === '') return { kind: 'empty', national: '' };
  // Spaces and any punctuation go (dots, dashes of every kind, brackets, slashes, underscores);
  // letters stay, so "0812abc" is not quietly read as a number.
  const compact = raw.replace(/[^\p{L}\p{N}+]/gu, '');
  const national = /^\+?\d+$/.test(compact) ? nationalNumber(compact) : undefined;
  if (national === undefined) return { kind: 'invalid', national: '' };
  if (MOBILE.test(national)) return { kind: 'mobile', national };
  if (LANDLINE.test(national)) return { kind: 'landline', national };
  return { kind: 'invalid', national: '' };
}

const MOBILE = /^8[1-35-9]\d{7,10}$/;
const LANDLINE = /^[2-79]\d{6,10}$/;

/** The national number without trunk 0 or country code, for +62…, 0062…, 62…, 0… and 8… forms. */
function nationalNumber(compact: string): string | undefined {
  const m = /^(?:\+62|0062|62|0)(\d+)$/.exec(compact);
  if (m) return m[1];
  return /^8\d+$/.test(compact) ? compact : undefined;
}

/** "0812-3456-7890" for reports. */
export function formatPhone(phone: Phone): string {
  if (!phone.national) return '';
  const n = `0${phone.national}`;
  return phone.kind === 'mobile' ? n.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3') : n;
}

/** "0812-****-*890": the operator prefix and the last three digits stay, enough to tell numbers apart. */
export function maskPhone(text: string): string {
  const digits = [...text].filter((c) => /\d/.test(c)).length;
  if (digits <= 7) return text.replace(/\d/g, '*');
  let seen = 0;
  return text.replace(/\d/g, (d) => {
    seen++;
    return seen <= 4 || seen > digits - 3 ? d : '*';
  });
}
