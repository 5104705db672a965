/**
 * The one range check for a score, shared by the scoring sidebar (to say so at once) and the
 * server (which never trusts the sidebar). Pure and dependency-free, so the sidebar carries it
 * for a few bytes.
 */
import type { Bilingual } from './types';

export interface Scale {
  code: string;
  min: number;
  max: number;
}

/** Why a value cannot be this criterion's score, or undefined when it can. */
export function outOfScale(c: Scale, value: number | null | undefined): Bilingual | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= c.min && value <= c.max) return undefined;
  return {
    id: `${c.code}: isi bilangan bulat ${c.min}–${c.max}.`,
    en: `${c.code}: enter a whole number ${c.min}–${c.max}.`,
  };
}
