/**
 * Target villages (`Desa Sasaran`) and the domicile match. Names compare after normalisation:
 * case, "Kab."/"Kabupaten"/"Kota"/"Kec."/"Desa"/"Kel." prefixes, and hyphen vs space do not matter.
 */
import { matchHeaders, rowRecord } from '../headers';
import { VILLAGES_TAB } from '../schema';
import { QUOTA_RANGE } from '../settings';
import { cellText, quote } from '../text';
import type { Bilingual, CellValue, Grid } from '../types';

const PREFIXES = /^(kabupaten|kab|kota|kecamatan|kec|desa|kelurahan|kel|provinsi|prov)\b\.?\s*/;

const placeKeys = new Map<string, string>();

/** The comparison key of a place name (memoised: the same few hundred names recur in every row). */
export function placeKey(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    key = computePlaceKey(name);
    if (placeKeys.size < 50_000) placeKeys.set(name, key);
  }
  return key;
}

function computePlaceKey(name: string): string {
  let key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9 .]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let previous = '';
  while (previous !== key) {
    previous = key;
    key = key.replace(PREFIXES, '').trim();
  }
  return key.replace(/\./g, '').replace(/\s+/g, ' ');
}

/** The key of a regency, a district in it, or a village in that: one rule for quota units and summaries. */
export function unitKey(regency: string, district?: string, village?: string): string {
  return [regency, district, village]
    .filter((p): p is string => p !== undefined)
    .map(placeKey)
    .join('|');
}

export interface TargetVillage {
  sheetRow: number;
  province: string;
  regency: string;
  district: string;
  village: string;
  /** Per-village quota override, when the `Kuota` column holds a number. */
  quota?: number;
}

export interface VillageIndex {
  villages: TargetVillage[];
  /** Target villages with this village name (normalised). */
  byName: Map<string, TargetVillage[]>;
  /** `Kuota` cells that are not a whole number in range, one message per row: the ranking stops on them. */
  quotaProblems: Bilingual[];
}

export function villageIndex(values: Grid | undefined): VillageIndex | undefined {
  if (!values || values.length < 2) return undefined;
  const map = matchHeaders(VILLAGES_TAB, values[0]);
  const villages: TargetVillage[] = [];
  const quotaProblems: Bilingual[] = [];
  values.slice(1).forEach((row, i) => {
    const r = rowRecord(map, i + 2, row);
    const village = r.text('Desa/Kelurahan');
    if (!village) return;
    const parsed = parseQuota(r.value('Kuota'));
    if (!parsed.ok) quotaProblems.push(quotaProblem(r.sheetRow, village, r.value('Kuota')));
    const quota = parsed.ok ? parsed.quota : undefined;
    villages.push({
      sheetRow: r.sheetRow,
      province: r.text('Provinsi'),
      regency: r.text('Kabupaten/Kota'),
      district: r.text('Kecamatan'),
      village,
      quota,
    });
  });
  if (villages.length === 0) return undefined;
  const byName = new Map<string, TargetVillage[]>();
  for (const v of villages) {
    const key = placeKey(v.village);
    byName.set(key, [...(byName.get(key) ?? []), v]);
  }
  return { villages, byName, quotaProblems };
}

/** A village's own quota: blank (the setting applies) or a whole number in the setting's range. */
function parseQuota(value: CellValue): { ok: true; quota: number | undefined } | { ok: false } {
  if (value === '' || value === null || value === undefined) return { ok: true, quota: undefined };
  if (value instanceof Date || typeof value === 'boolean') return { ok: false };
  const text = cellText(value);
  if (text === '') return { ok: true, quota: undefined };
  const n = typeof value === 'number' ? value : /^[+]?\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= QUOTA_RANGE.min && n <= QUOTA_RANGE.max ? { ok: true, quota: n } : { ok: false };
}

function quotaProblem(row: number, village: string, value: CellValue): Bilingual {
  const shown =
    value instanceof Date
      ? { id: 'sebuah tanggal', en: 'a date' }
      : { id: quote(cellText(value)), en: quote(cellText(value)) };
  return {
    id: `Tab Desa Sasaran baris ${row} (${quote(village, 40)}), kolom Kuota berisi ${shown.id}, padahal harus bilangan bulat ${QUOTA_RANGE.min}–${QUOTA_RANGE.max} atau kosong (kosong = Kuota per unit di Pengaturan). Perbaiki nilainya lalu jalankan lagi.`,
    en: `Desa Sasaran tab row ${row} (${quote(village, 40)}): the Kuota column holds ${shown.en} but must be a whole number ${QUOTA_RANGE.min}–${QUOTA_RANGE.max} or blank (blank = the Kuota per unit setting). Fix the value and run again.`,
  };
}

/** Same place when both are filled in and agree, or when either is blank. */
function agrees(a: string, b: string): boolean {
  return a === '' || b === '' || placeKey(a) === placeKey(b);
}

export function findTargetVillage(
  index: VillageIndex,
  village: string,
  district: string,
  regency: string,
): TargetVillage | undefined {
  return index.byName.get(placeKey(village))?.find((v) => agrees(v.district, district) && agrees(v.regency, regency));
}
