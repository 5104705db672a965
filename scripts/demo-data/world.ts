/**
 * The fixed geography of the demo: seven regencies and 30 target villages in each, chosen deterministically from
 * idn-area-data (ODbL 1.0, fityannugroho). The choice does not depend on the workbook seed, so the target-village
 * list is the same for every seed.
 */
import { loadAreas, niceName, REGENCIES, type Area, type RegencyConfig } from './areas';
import { createRng } from './rng';

export interface Village {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  /** Village code 1xxx: a kelurahan (urban village) headed by a lurah. */
  kelurahan: boolean;
}

export interface Regency {
  config: RegencyConfig;
  code: string;
  /** "Kabupaten Tanah Laut" */
  name: string;
  /** "Tanah Laut" */
  shortName: string;
  province: string;
  provinceCode: string;
  districts: Array<{ code: string; name: string }>;
  targets: Village[];
  /** Real villages of the regency that are not targets and whose names differ from every target's. */
  others: Village[];
  /** District codes of the neighbour regencies (for NIKs issued there). */
  neighbourDistricts: string[];
}

export interface World {
  regencies: Regency[];
  /** Every district code in Indonesia (dotted). */
  allDistrictCodes: string[];
  provinceCodes: Set<string>;
}

export const VILLAGES_PER_REGENCY = 30;

export const normaliseName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[-‐–]/g, ' ')
    .replace(/^(kabupaten|kab\.?|kota|kecamatan|kec\.?|desa|kelurahan|kel\.?)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

let cachedWorld: World | undefined;

export function buildWorld(): World {
  if (cachedWorld) return cachedWorld;
  const data = loadAreas();
  const districtsByRegency = new Map<string, Area[]>();
  for (const d of data.districts.values()) {
    const list = districtsByRegency.get(d.parent);
    if (list) list.push(d);
    else districtsByRegency.set(d.parent, [d]);
  }
  const regencies = REGENCIES.map((config) => {
    const area = data.regencies.get(config.code);
    if (!area) throw new Error(`regency ${config.code} missing from idn-area-data`);
    const province = data.provinces.get(area.parent);
    if (!province) throw new Error(`province ${area.parent} missing from idn-area-data`);
    const districts = (districtsByRegency.get(config.code) ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));
    const toVillage = (v: Area, d: Area): Village => ({
      code: v.code,
      name: niceName(v.name),
      districtCode: d.code,
      districtName: niceName(d.name),
      kelurahan: v.code.split('.')[3].startsWith('1'),
    });
    // Round-robin over the districts (in code order), one village at a time, picked at random with a fixed seed.
    const rng = createRng(20191125, `villages:${config.code}`);
    const queues = districts.map((d) =>
      rng.shuffle(data.villagesByDistrict.get(d.code) ?? []).map((v) => toVillage(v, d)),
    );
    const targets: Village[] = [];
    const seen = new Set<string>();
    for (let round = 0; targets.length < VILLAGES_PER_REGENCY; round++) {
      let took = false;
      for (const q of queues) {
        if (targets.length >= VILLAGES_PER_REGENCY) break;
        while (q.length > 0) {
          const v = q.shift() as Village;
          const key = `${normaliseName(v.districtName)}|${normaliseName(v.name)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          targets.push(v);
          took = true;
          break;
        }
      }
      if (!took) throw new Error(`regency ${config.code} has fewer than ${VILLAGES_PER_REGENCY} villages`);
    }
    const targetNames = new Set(targets.map((v) => normaliseName(v.name)));
    const others = queues.flat().filter((v) => !targetNames.has(normaliseName(v.name)));
    others.sort((a, b) => a.code.localeCompare(b.code));
    targets.sort((a, b) => a.code.localeCompare(b.code));
    const neighbourDistricts = config.neighbours.flatMap((code) =>
      (districtsByRegency.get(code) ?? []).map((d) => d.code),
    );
    const name = niceName(area.name);
    return {
      config,
      code: config.code,
      name,
      shortName: name.replace(/^(Kabupaten|Kota)\s+/, ''),
      province: niceName(province.name),
      provinceCode: province.code,
      districts: districts.map((d) => ({ code: d.code, name: niceName(d.name) })),
      targets,
      others,
      neighbourDistricts,
    } satisfies Regency;
  });
  cachedWorld = {
    regencies,
    allDistrictCodes: [...data.districts.keys()].sort(),
    provinceCodes: new Set(data.provinces.keys()),
  };
  return cachedWorld;
}
