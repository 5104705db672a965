/**
 * One name per place. Staff type "Aceh Besar", "Kab. Aceh Besar" and "KABUPATEN ACEH BESAR" for
 * the same regency; every report, filter and printed sheet shows the spelling on `Desa Sasaran`,
 * and a place that is not there in a tidy form of what was typed, so spelling variants count as one
 * place everywhere (they already compare equal through `placeKey`).
 */
import { type VillageIndex, findTargetVillage, placeKey, unitKey } from './validation/villages';

export interface PlaceNames {
  regency: (name: string) => string;
  district: (name: string, regency: string) => string;
  village: (name: string, district: string, regency: string) => string;
}

/** The canonical names, from the target villages when there are any. */
export function placeNames(index: VillageIndex | undefined): PlaceNames {
  const regencies = new Map<string, string>();
  const districts = new Map<string, string>();
  for (const v of index?.villages ?? []) {
    if (v.regency && !regencies.has(placeKey(v.regency))) regencies.set(placeKey(v.regency), v.regency);
    const key = unitKey(v.regency, v.district);
    if (v.district && !districts.has(key)) districts.set(key, v.district);
  }
  return {
    regency: (name) => regencies.get(placeKey(name)) ?? tidyPlaceName(name),
    district: (name, regency) => districts.get(unitKey(regency, name)) ?? tidyPlaceName(name),
    village: (name, district, regency) =>
      (index && name ? findTargetVillage(index, name, district, regency)?.village : undefined) ?? tidyPlaceName(name),
  };
}

const ROMAN = /^[IVX]{1,4}$/;
const ABBREVIATIONS: Readonly<Record<string, string>> = { kab: 'Kab.', kec: 'Kec.', kel: 'Kel.', prov: 'Prov.' };

/**
 * "KABUPATEN ACEH BESAR" → "Kabupaten Aceh Besar", "atu-atu" → "Atu-Atu", "kab aceh" → "Kab. Aceh",
 * "Desa bingkulu" → "Desa Bingkulu". A name in one case is title-cased; a mixed-case name keeps its
 * letters and only gains capitals at word starts (so "DKI Jakarta" stays). Roman numerals stay upper.
 */
export function tidyPlaceName(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  const oneCase = text === text.toUpperCase() || text === text.toLowerCase();
  return text
    .split(' ')
    .map((word) => {
      const bare = word.replace(/\.$/, '').toLowerCase();
      if (ABBREVIATIONS[bare]) return ABBREVIATIONS[bare];
      if (ROMAN.test(word)) return word;
      return word
        .split('-')
        .map((part) =>
          oneCase
            ? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
            : part.charAt(0).toUpperCase() + part.slice(1),
        )
        .join('-');
    })
    .join(' ');
}
