/** Education levels: mapping what staff type ("SMK", "S1 Pendidikan", "Paket C") to an ordered level. */
import { EDUCATION_LEVELS } from './vocab';
import { matchKey } from './text';

export interface EducationLevel {
  /** 0 = no schooling … 8 = S3. */
  rank: number;
  code: string;
}

const BY_KEY: Map<string, EducationLevel> = (() => {
  const map = new Map<string, EducationLevel>();
  EDUCATION_LEVELS.forEach((level, rank) => {
    for (const name of [level.code, level.label.id, level.label.en, ...level.aliases])
      map.set(matchKey(name), { rank, code: level.code });
  });
  return map;
})();

/**
 * The level a typed value names, or undefined. Exact aliases first; then the leading word, so
 * "S1 Pendidikan", "SMK Negeri 1" and "D3 Keperawatan" still map.
 */
export function educationLevel(text: string): EducationLevel | undefined {
  const key = matchKey(text);
  if (!key) return undefined;
  const exact = BY_KEY.get(key);
  if (exact) return exact;
  const words = text.trim().split(/[\s,(]+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const hit = BY_KEY.get(matchKey(words.slice(0, n).join(' ')));
    if (hit) return hit;
  }
  return undefined;
}

/** The accepted values, for messages. */
export function educationChoices(): string {
  return EDUCATION_LEVELS.map((level) => level.code).join(', ');
}
