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

export interface WeightedScale extends Scale {
  /** Share of the total, 0–1 (the rubric normalises weights to add up to 1). */
  weight: number;
}

/**
 * The weighted total on 0–100: each score placed on its own scale, times its weight. The one
 * formula for the sidebar's running total, the saved Total and the ranking.
 */
export function weightedTotalOf(criteria: readonly WeightedScale[], score: (code: string) => number): number {
  let total = 0;
  for (const c of criteria) total += c.weight * ((score(c.code) - c.min) / (c.max - c.min));
  return total * 100;
}

/** A total as shown and stored: two decimals. */
export function roundTotal(total: number): number {
  return Math.round(total * 100) / 100;
}
