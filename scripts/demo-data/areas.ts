/**
 * Administrative areas for the demo workbook.
 *
 * Area codes and names come from `idn-area-data` by fityannugroho (https://github.com/fityannugroho/idn-area-data),
 * whose data files are licensed under the Open Database License (ODbL) 1.0. The demo workbook is a derived
 * database: keep this attribution with it.
 *
 * The CSVs are read directly (the package's JavaScript API declares Node 22) and parsed simply: every file is
 * `code,parent_code,name` (provinces: `code,name`) with no quoted fields (a name may contain a literal `"` or `'`, never a comma).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NameGroup } from './names';
import type { FaithStyle, VillageStyle } from './agencies';

export interface Area {
  /** Dotted code, e.g. `63.01.03.2001`. */
  code: string;
  parent: string;
  /** Name as in the data set (villages/districts are title case, regencies/provinces upper case). */
  name: string;
}

export interface AreaData {
  provinces: Map<string, Area>;
  regencies: Map<string, Area>;
  /** All districts in Indonesia, by code. */
  districts: Map<string, Area>;
  /** Villages of the programme regencies only, by district code. */
  villagesByDistrict: Map<string, Area[]>;
}

export interface RegencyConfig {
  code: string;
  /** Prefix of session codes, e.g. `TLT`. */
  short: string;
  zone: 'WIB' | 'WITA' | 'WIT';
  /** Name groups of the population, with weights; the first is the local majority. */
  people: ReadonlyArray<readonly [NameGroup, number]>;
  birthplaces: readonly string[];
  /** Landline area code, for `phone-landline` faults. */
  areaCode: string;
  /** Regencies (codes) where residents' NIKs were often issued (moved in). */
  neighbours: readonly string[];
  seatDistrict: string;
  seatVillage: string;
  /** Venue of the briefing and first FGD day. */
  venue: string;
  villageStyle: VillageStyle;
  faith: FaithStyle;
  university: string;
  /** Start time of FGD Hari 1 as typed. */
  fgd1Start: string;
  streets: readonly string[];
}

/** The seven programme regencies, west to east. */
export const REGENCIES: readonly RegencyConfig[] = [
  {
    code: '11.06',
    short: 'ABS',
    zone: 'WIB',
    people: [
      ['aceh', 82],
      ['jawa', 6],
      ['minang', 5],
      ['arab', 4],
      ['batak', 3],
    ],
    birthplaces: [
      'Aceh Besar',
      'Banda Aceh',
      'Jantho',
      'Lhoknga',
      'Indrapuri',
      'Seulimeum',
      'Montasik',
      'Sigli',
      'Lhokseumawe',
      'Meulaboh',
    ],
    areaCode: '0651',
    neighbours: ['11.71', '11.07', '11.05'],
    seatDistrict: 'Kota Jantho',
    seatVillage: 'Jantho',
    venue: 'Aula Kantor Bupati Aceh Besar, Kota Jantho',
    villageStyle: 'gampong',
    faith: 'aceh',
    university: 'Universitas Syiah Kuala',
    fgd1Start: '08:30',
    streets: [
      'Banda Aceh–Medan',
      'Teuku Umar',
      'Laksamana Malahayati',
      'Tgk. Chik Di Tiro',
      'Soekarno-Hatta',
      'Lintas Jantho',
    ],
  },
  {
    code: '32.05',
    short: 'GRT',
    zone: 'WIB',
    people: [
      ['sunda', 88],
      ['jawa', 6],
      ['arab', 3],
      ['batak', 1],
      ['minang', 2],
    ],
    birthplaces: [
      'Garut',
      'Tarogong',
      'Leles',
      'Cikajang',
      'Bayongbong',
      'Malangbong',
      'Limbangan',
      'Bandung',
      'Tasikmalaya',
      'Jakarta',
    ],
    areaCode: '0262',
    neighbours: ['32.06', '32.04', '32.11', '32.73'],
    seatDistrict: 'Garut Kota',
    seatVillage: 'Kota Kulon',
    venue: 'Aula Dinas Sosial Kabupaten Garut, Jl. Patriot, Garut',
    villageStyle: 'desa',
    faith: 'islam',
    university: 'Universitas Garut',
    fgd1Start: '08:00',
    streets: ['Cimanuk', 'Pembangunan', 'Ciledug', 'Raya Samarang', 'Otto Iskandardinata', 'Raya Cikajang'],
  },
  {
    code: '53.07',
    short: 'SKA',
    zone: 'WITA',
    people: [
      ['ntt', 86],
      ['bugis', 7],
      ['jawa', 5],
      ['maluku-kristen', 2],
    ],
    birthplaces: ['Maumere', 'Sikka', 'Nita', 'Lela', 'Bola', 'Talibura', 'Waigete', 'Paga', 'Ende', 'Larantuka'],
    areaCode: '0382',
    neighbours: ['53.08', '53.06', '53.71'],
    seatDistrict: 'Alok',
    seatVillage: 'Kota Uneng',
    venue: 'Aula Kantor Bupati Sikka, Maumere',
    villageStyle: 'desa',
    faith: 'katolik',
    university: 'Universitas Nusa Nipa',
    fgd1Start: '08.30',
    streets: ['Eltari', 'Don Thomas', 'Jenderal Sudirman', 'Ahmad Yani', 'Trans Flores', 'Sugiyopranoto'],
  },
  {
    code: '63.01',
    short: 'TLT',
    zone: 'WITA',
    people: [
      ['banjar', 60],
      ['jawa', 28],
      ['bugis', 6],
      ['sunda', 3],
      ['arab', 3],
    ],
    birthplaces: [
      'Pelaihari',
      'Tanah Laut',
      'Takisung',
      'Jorong',
      'Kintap',
      'Bati-Bati',
      'Kurau',
      'Panyipatan',
      'Banjarmasin',
      'Martapura',
      'Banjarbaru',
    ],
    areaCode: '0512',
    neighbours: ['63.71', '63.72', '63.03', '63.10'],
    seatDistrict: 'Pelaihari',
    seatVillage: 'Pelaihari',
    venue: 'Balai Diklat Loka Bina Praja, Pelaihari',
    villageStyle: 'desa',
    faith: 'islam',
    university: 'Universitas Lambung Mangkurat',
    fgd1Start: '19.00',
    streets: ['A. Yani', 'Pelaihari–Martapura', 'Trans Kalimantan', 'H. Boejasin', 'Gagas', 'Datu Insan'],
  },
  {
    code: '73.08',
    short: 'BON',
    zone: 'WITA',
    people: [
      ['bugis', 92],
      ['jawa', 4],
      ['arab', 4],
    ],
    birthplaces: [
      'Watampone',
      'Bone',
      'Kahu',
      'Mare',
      'Bontocani',
      'Sibulue',
      'Dua Boccoe',
      'Sinjai',
      'Soppeng',
      'Makassar',
      'Sengkang',
    ],
    areaCode: '0481',
    neighbours: ['73.13', '73.12', '73.07', '73.71'],
    seatDistrict: 'Tanete Riattang',
    seatVillage: 'Watampone',
    venue: 'Aula Dinas Sosial Kabupaten Bone, Watampone',
    villageStyle: 'desa',
    faith: 'islam',
    university: 'IAIN Bone',
    fgd1Start: '08:00',
    streets: [
      'Jenderal Sudirman',
      'Ahmad Yani',
      'Poros Bone–Sinjai',
      'MH. Thamrin',
      'Andi Mappanyukki',
      'Poros Bone–Makassar',
    ],
  },
  {
    code: '81.01',
    short: 'MLT',
    zone: 'WIT',
    people: [
      ['maluku-islam', 45],
      ['maluku-kristen', 40],
      ['bugis', 8],
      ['jawa', 7],
    ],
    birthplaces: ['Masohi', 'Amahai', 'Ambon', 'Saparua', 'Tulehu', 'Hila', 'Banda Neira', 'Tehoru', 'Haruku', 'Wahai'],
    areaCode: '0914',
    neighbours: ['81.71', '81.06', '81.02'],
    seatDistrict: 'Kota Masohi',
    seatVillage: 'Namaelo',
    venue: 'Aula Kantor Bupati Maluku Tengah, Masohi',
    villageStyle: 'negeri',
    faith: 'maluku',
    university: 'Universitas Pattimura',
    fgd1Start: '09:00',
    streets: ['Abdullah Soulissa', 'Pattimura', 'Trans Seram', 'Nusantara', 'Martha Christina Tiahahu', 'Banda'],
  },
  {
    code: '91.03',
    short: 'JPR',
    zone: 'WIT',
    people: [
      ['papua', 55],
      ['jawa', 15],
      ['bugis', 12],
      ['maluku-kristen', 8],
      ['ntt', 6],
      ['batak', 4],
    ],
    birthplaces: ['Sentani', 'Jayapura', 'Doyo', 'Genyem', 'Depapre', 'Waibu', 'Kemtuk', 'Biak', 'Serui', 'Wamena'],
    areaCode: '0967',
    neighbours: ['91.71', '91.11', '91.06', '91.05'],
    seatDistrict: 'Sentani',
    seatVillage: 'Hinekombe',
    venue: 'Aula Kantor Bupati Jayapura, Gunung Merah Sentani',
    villageStyle: 'kampung',
    faith: 'protestan-papua',
    university: 'Universitas Cenderawasih',
    fgd1Start: '09.00',
    streets: ['Raya Sentani', 'Kemiri', 'Yahim', 'Sosial', 'Kampung Harapan', 'Raya Kemiri Sentani'],
  },
];

const ACRONYMS = new Set(['DKI', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII']);

/** Nicely cased name: "KABUPATEN TANAH LAUT" -> "Kabupaten Tanah Laut", "Telaga langsat" -> "Telaga Langsat". */
export function niceName(raw: string): string {
  const upper = raw === raw.toUpperCase();
  return raw
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (ACRONYMS.has(word.toUpperCase()) && (upper || word === word.toUpperCase())) return word.toUpperCase();
      return word
        .split('-')
        .map((part) => {
          const body = upper ? part.toLowerCase() : part;
          return body.charAt(0).toUpperCase() + body.slice(1);
        })
        .join('-');
    })
    .join(' ');
}

function dataDir(): string {
  const candidates: string[] = [];
  try {
    // CommonJS (jest, tsx in CJS mode): resolve the package wherever npm put it.
    if (typeof require === 'function') {
      candidates.push(path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data'));
    }
  } catch {
    // fall through to the repository-relative paths
  }
  candidates.push(path.resolve(__dirnameSafe(), '..', '..', 'node_modules', 'idn-area-data', 'data'));
  candidates.push(path.resolve(process.cwd(), 'node_modules', 'idn-area-data', 'data'));
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'villages.csv'))) return dir;
  }
  throw new Error(`idn-area-data CSVs not found (looked in ${candidates.join(', ')}); run npm ci`);
}

function __dirnameSafe(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

function parseCsv(text: string, keep?: (code: string) => boolean): Area[] {
  const out: Area[] = [];
  const lines = text.split(/\r?\n/);
  const columns = (lines[0] ?? '').split(',').length;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const a = line.indexOf(',');
    if (a < 0) continue;
    const code = line.slice(0, a);
    if (keep && !keep(code)) continue;
    if (columns === 2) {
      out.push({ code, parent: '', name: line.slice(a + 1).trim() });
      continue;
    }
    const b = line.indexOf(',', a + 1);
    if (b < 0) continue;
    out.push({ code, parent: line.slice(a + 1, b), name: line.slice(b + 1).trim() });
  }
  return out;
}

let cached: AreaData | undefined;

/** Loads (once per process) the provinces, regencies, all districts, and the villages of the programme regencies. */
export function loadAreas(): AreaData {
  if (cached) return cached;
  const dir = dataDir();
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const prefixes = REGENCIES.map((r) => `${r.code}.`);
  const provinces = new Map(parseCsv(read('provinces.csv')).map((a) => [a.code, a]));
  const regencies = new Map(parseCsv(read('regencies.csv')).map((a) => [a.code, a]));
  const districts = new Map(parseCsv(read('districts.csv')).map((a) => [a.code, a]));
  const villagesByDistrict = new Map<string, Area[]>();
  for (const v of parseCsv(read('villages.csv'), (code) => prefixes.some((p) => code.startsWith(p)))) {
    const list = villagesByDistrict.get(v.parent);
    if (list) list.push(v);
    else villagesByDistrict.set(v.parent, [v]);
  }
  cached = { provinces, regencies, districts, villagesByDistrict };
  return cached;
}

/** `63.01.03` -> `630103` (NIK digits 1–6). */
export const nikRegion = (districtCode: string): string => districtCode.replace(/\./g, '');
