/**
 * Candidate rows (`Kandidat`) and the deliberate faults sprinkled over them.
 */
import {
  ageOn,
  dayNumber,
  formatDateText,
  fromDayNumber,
  isValidYmd,
  pad2,
  witaDate,
  type DateTextFormat,
  type Ymd,
} from './dates';
import { EDUCATION_ACCEPTED, EDUCATION_TOO_LOW, EDUCATION_UNKNOWN } from './education';
import { HOMELANDS, makeName, nameWords, type NameGroup, type Sex } from './names';
import { nikRegion } from './areas';
import type { Rng } from './rng';
import type { Regency, Village, World } from './world';

export type CellValue = string | number | boolean | Date;

export const FAULT_KINDS = [
  'nik-number',
  'nik-truncated',
  'nik-bad-length',
  'nik-bad-province',
  'nik-birthdate-mismatch',
  'nik-sex-mismatch',
  'phone-no-zero',
  'phone-landline',
  'phone-bad',
  'phone-shared',
  'age-too-young',
  'age-too-old',
  'education-too-low',
  'education-unknown',
  'village-not-targeted',
  'duplicate-nik',
  'duplicate-id',
  'missing-name',
  'missing-address',
  'missing-phone',
  'bad-email',
  'bad-sex',
  'bad-birthdate',
  'override-no-reason',
  'override-valid',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Slips the add-on accepts as they are: a phone number that lost its leading 0 still reads as a
 * mobile, and a verifier's reasoned MS decision overrides the rules. Rows with only these end MS.
 */
export const ACCEPTED_FAULTS: ReadonlySet<FaultKind> = new Set(['phone-no-zero', 'override-valid']);

/** Relative frequency of each kind among faulty rows (the common real-world slips appear more often). */
const FAULT_WEIGHT: Partial<Record<FaultKind, number>> = { 'nik-number': 2, 'phone-no-zero': 2 };

export const KANDIDAT_HEADERS = [
  'ID',
  'Nama Lengkap',
  'NIK',
  'Jenis Kelamin',
  'Tempat Lahir',
  'Tanggal Lahir',
  'Pendidikan Terakhir',
  'Alamat',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Provinsi',
  'No. HP',
  'Email',
  'Tanggal Daftar',
  'Keputusan Verifikator',
  'Alasan Verifikator',
] as const;

/** 2019-11-25: registration closing date, the `Tanggal acuan usia`. */
export const REF_DATE: Ymd = { y: 2019, m: 11, d: 25 };
export const AGE_MIN = 18;
export const AGE_MAX = 55;

export interface Candidate {
  id: string;
  name: string;
  group: NameGroup;
  nik: string | number;
  /** The 16 digits of the NIK as generated (before any fault rewrote the cell). */
  nikDigits: string;
  sex: Sex;
  sexCell: string;
  birthPlace: string;
  birth: Ymd;
  birthCell: CellValue;
  education: string;
  address: string;
  regency: Regency;
  village: Village;
  villageCell: string;
  districtCell: string;
  regencyCell: string;
  provinceCell: string;
  phone: string | number;
  /** National significant number, e.g. `81234567890`. */
  phoneNational: string;
  email: string;
  registered: Date;
  decision: string;
  reason: string;
  /**
   * `twin`: for a duplicate, the row it duplicates. A duplicate is a fault of both rows (the add-on
   * cannot know which registration is genuine, so it flags both and each names the other).
   */
  fault?: { kind: FaultKind; column?: string; note: string; twin?: Candidate };
}

const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['811', 3],
  ['812', 10],
  ['813', 8],
  ['821', 6],
  ['822', 5],
  ['823', 3],
  ['852', 8],
  ['853', 6],
  ['851', 2],
  ['814', 1],
  ['815', 2],
  ['816', 1],
  ['855', 1],
  ['856', 4],
  ['857', 4],
  ['858', 2],
  ['817', 2],
  ['818', 2],
  ['819', 3],
  ['859', 1],
  ['877', 3],
  ['878', 3],
  ['895', 2],
  ['896', 2],
  ['897', 1],
  ['898', 1],
  ['899', 1],
  ['881', 1],
  ['882', 1],
  ['887', 1],
];

type PhoneStyle = 'plain' | 'dash' | 'space' | 'intl-dash' | 'intl' | 'cc' | 'dot';
const PHONE_STYLES: ReadonlyArray<readonly [PhoneStyle, number]> = [
  ['plain', 52],
  ['dash', 12],
  ['space', 10],
  ['intl-dash', 8],
  ['intl', 7],
  ['cc', 6],
  ['dot', 5],
];

/** Formats a national mobile number (`81234567890`) the way people type it. */
export function formatPhone(national: string, style: PhoneStyle): string {
  const head = national.slice(0, 3);
  const rest = national.slice(3);
  const groups = rest.length <= 4 ? [rest] : [rest.slice(0, 4), rest.slice(4)];
  switch (style) {
    case 'plain':
      return `0${national}`;
    case 'dash':
      return `0${head}-${groups.join('-')}`;
    case 'space':
      return `0${head} ${groups.join(' ')}`;
    case 'dot':
      return `0${head}.${groups.join('.')}`;
    case 'intl-dash':
      return `+62 ${head}-${groups.join('-')}`;
    case 'intl':
      return `+62${national}`;
    case 'cc':
      return `62${national}`;
  }
}

const BIRTH_TEXT_FORMATS: ReadonlyArray<readonly [DateTextFormat, number]> = [
  ['d/m/yyyy', 8],
  ['dd/mm/yyyy', 5],
  ['d-m-yyyy', 5],
  ['yyyy-mm-dd', 3],
  ['d bulan yyyy', 8],
  ['d bln yyyy', 3],
  ['d bulan-lama yyyy', 3],
  ['d month yyyy', 2],
];

function birthCellFor(rng: Rng, birth: Ymd): CellValue {
  if (rng.chance(0.78)) return witaDate(birth.y, birth.m, birth.d);
  let format = rng.weighted(BIRTH_TEXT_FORMATS);
  // The old spellings (Pebruari, Nopember, Agt) exist only for their months; otherwise use the usual month name.
  if (format === 'd bulan-lama yyyy' && ![2, 8, 11].includes(birth.m) && rng.chance(0.5)) format = 'd bulan yyyy';
  else if (format === 'd bulan yyyy' && [2, 8, 11].includes(birth.m) && rng.chance(0.5)) format = 'd bulan-lama yyyy';
  return formatDateText(birth, format);
}

export function encodeNik(region6: string, birth: Ymd, sex: Sex, serial: number): string {
  const day = birth.d + (sex === 'P' ? 40 : 0);
  return `${region6}${pad2(day)}${pad2(birth.m)}${pad2(birth.y % 100)}${String(serial).padStart(4, '0')}`;
}

/** A birth date giving exactly an age in [lo, hi] on the reference date. */
function birthForAge(rng: Rng, lo: number, hi: number): Ymd {
  const ref = dayNumber(REF_DATE);
  for (;;) {
    const age = rng.int(lo, hi);
    const b = fromDayNumber(ref - Math.floor((age + rng.next()) * 365.2425));
    const a = ageOn(b, REF_DATE);
    if (a >= lo && a <= hi) return b;
  }
}

function validAgeRange(rng: Rng): [number, number] {
  const r = rng.next();
  if (r < 0.04) return [AGE_MIN, 19];
  if (r < 0.92) return [20, 45];
  return [46, AGE_MAX];
}

const ADDRESS_DUSUN = [
  'I',
  'II',
  'III',
  'IV',
  'Sukamaju',
  'Karya Bakti',
  'Mekar Sari',
  'Harapan Jaya',
  'Sumber Rejeki',
  'Sido Mulyo',
  'Tanjung',
  'Pasar',
];
const GANG = ['Mawar', 'Melati', 'Kenanga', 'Anggrek', 'Masjid', 'Damai', 'Rukun', 'Sepakat', 'Family', 'Keluarga'];

function makeAddress(rng: Rng, regency: Regency): string {
  const street = rng.pick(regency.config.streets);
  const rt = rng.int(1, 25);
  const rw = rng.int(1, 8);
  switch (rng.int(0, 5)) {
    case 0:
      return `Jl. ${street} No. ${rng.int(1, 120)}, RT ${String(rt).padStart(3, '0')} RW ${String(rw).padStart(3, '0')}`;
    case 1:
      return `RT ${pad2(rt)}/RW ${pad2(rw)}, Dusun ${rng.pick(ADDRESS_DUSUN)}`;
    case 2:
      return `Dusun ${rng.pick(ADDRESS_DUSUN)} RT ${rt}`;
    case 3:
      return `Jl. ${street} Gg. ${rng.pick(GANG)} No. ${rng.int(1, 60)}`;
    case 4:
      return `Jl. ${street} Km ${rng.int(1, 40)}${rng.chance(0.5) ? `,5` : ''} RT ${pad2(rt)}`;
    default:
      return `Jl. ${street}, RT ${rt} RW ${rw}`;
  }
}

const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 72],
  ['yahoo.com', 9],
  ['yahoo.co.id', 9],
  ['ymail.com', 3],
  ['outlook.com', 3],
  ['rocketmail.com', 1],
];

function makeEmail(rng: Rng, name: string, birth: Ymd): string {
  const words = nameWords(name);
  if (words.length === 0) return '';
  const a = words[0];
  const b = words.length > 1 ? words[words.length - 1] : '';
  const domain = rng.weighted(EMAIL_DOMAINS);
  switch (rng.int(0, 4)) {
    case 0:
      return `${a}${b}${rng.int(1, 99)}@${domain}`;
    case 1:
      return b ? `${a}.${b}@${domain}` : `${a}.${birth.y}@${domain}`;
    case 2:
      return `${a}_${pad2(birth.y % 100)}@${domain}`;
    case 3:
      return `${a}${birth.y}@${domain}`;
    default:
      return `${b || a}${a.charAt(0)}${rng.int(10, 999)}@${domain}`;
  }
}

const SEX_CELLS: Record<Sex, ReadonlyArray<readonly [string, number]>> = {
  L: [
    ['L', 85],
    ['Laki-laki', 7],
    ['LK', 4],
    ['Pria', 4],
  ],
  P: [
    ['P', 85],
    ['Perempuan', 7],
    ['PR', 4],
    ['Wanita', 4],
  ],
};

function variant(
  rng: Rng,
  kind: 'village' | 'district' | 'regency' | 'province',
  name: string,
  regency: Regency,
): string {
  if (!rng.chance(kind === 'province' ? 0.06 : 0.1)) return name;
  const r = rng.int(0, 2);
  if (r === 0) return name.toUpperCase();
  if (kind === 'regency') return r === 1 ? `Kab. ${regency.shortName}` : regency.shortName;
  // ("Kec. Kota Masohi" would leave a second prefix behind after normalisation: not a realistic slip.)
  if (kind === 'district') return r === 1 && !/^Kota /.test(name) ? `Kec. ${name}` : name.toLowerCase();
  if (r === 1 && /[- ]/.test(name)) return name.includes('-') ? name.replace(/-/g, ' ') : name.replace(/ /g, '-');
  return name.toLowerCase();
}

export interface CandidateContext {
  world: World;
  usedNiks: Set<string>;
  usedPhones: Set<string>;
}

function newPhone(rng: Rng, ctx: CandidateContext): string {
  for (;;) {
    const prefix = rng.weighted(PREFIXES);
    const national = prefix + rng.digits(rng.chance(0.7) ? 8 : 7);
    if (!ctx.usedPhones.has(national)) {
      ctx.usedPhones.add(national);
      return national;
    }
  }
}

function nikRegionFor(rng: Rng, regency: Regency, village: Village, world: World): string {
  const r = rng.next();
  if (r < 0.8) return nikRegion(village.districtCode);
  if (r < 0.93) return nikRegion(rng.pick(regency.districts).code);
  if (r < 0.98 && regency.neighbourDistricts.length > 0) return nikRegion(rng.pick(regency.neighbourDistricts));
  return nikRegion(rng.pick(world.allDistrictCodes));
}

function newNik(rng: Rng, ctx: CandidateContext, region6: string, birth: Ymd, sex: Sex): string {
  for (;;) {
    const serial = 1 + Math.floor(Math.pow(rng.next(), 2.5) * 9999);
    const nik = encodeNik(region6, birth, sex, Math.min(serial, 9999));
    if (!ctx.usedNiks.has(nik)) {
      ctx.usedNiks.add(nik);
      return nik;
    }
  }
}

export function makeCandidate(rng: Rng, ctx: CandidateContext, regency: Regency, village: Village): Candidate {
  const sex: Sex = rng.chance(0.52) ? 'P' : 'L';
  const group = rng.weighted(regency.config.people);
  const name = makeName(rng, group, sex);
  const [lo, hi] = validAgeRange(rng);
  const birth = birthForAge(rng, lo, hi);
  const local = group === regency.config.people[0][0];
  const homeland = HOMELANDS[group];
  const birthPlace = !local && homeland && rng.chance(0.45) ? rng.pick(homeland) : rng.pick(regency.config.birthplaces);
  const nikDigits = newNik(rng, ctx, nikRegionFor(rng, regency, village, ctx.world), birth, sex);
  const nik = rng.chance(0.03) ? nikDigits.replace(/(\d{4})(?=\d)/g, '$1 ') : nikDigits;
  const phoneNational = newPhone(rng, ctx);
  const day = rng.int(1, 25);
  const registered = witaDate(2019, 11, day, rng.int(6, 22), rng.int(0, 59), rng.int(0, 59));
  return {
    id: '',
    name,
    group,
    nik,
    nikDigits,
    sex,
    sexCell: rng.weighted(SEX_CELLS[sex]),
    birthPlace,
    birth,
    birthCell: birthCellFor(rng, birth),
    education: rng.weighted(EDUCATION_ACCEPTED.map((e) => [e.value, e.weight] as const)),
    address: makeAddress(rng, regency),
    regency,
    village,
    villageCell: variant(rng, 'village', village.name, regency),
    districtCell: variant(rng, 'district', village.districtName, regency),
    regencyCell: variant(rng, 'regency', regency.name, regency),
    provinceCell: variant(rng, 'province', regency.province, regency),
    phone: formatPhone(phoneNational, rng.weighted(PHONE_STYLES)),
    phoneNational,
    email: rng.chance(0.62) ? makeEmail(rng, name, birth) : '',
    registered,
    decision: '',
    reason: '',
  };
}

/** How many candidates each target village gets: 5–20 for the usual sizes, proportionally more for benchmarks. */
export function allocate(rng: Rng, villages: number, total: number): number[] {
  const base = Math.min(5, Math.floor(total / villages));
  const cap = total <= villages * 20 ? 20 : Infinity;
  const counts = new Array<number>(villages).fill(base);
  let rest = total - base * villages;
  const weights = Array.from({ length: villages }, () => 0.05 + Math.pow(rng.next(), 2));
  while (rest > 0) {
    const open = weights.map((w, i) => (counts[i] < cap ? w : 0));
    const sum = open.reduce((a, b) => a + b, 0);
    const shares = open.map((w) => (w / sum) * rest);
    let given = 0;
    const order = shares.map((s, i) => [i, s - Math.floor(s)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (let i = 0; i < villages; i++) {
      const add = Math.min(Math.floor(shares[i]), cap - counts[i]);
      counts[i] += add;
      given += add;
    }
    for (const [i] of order) {
      if (given >= rest) break;
      if (counts[i] < cap && open[i] > 0) {
        counts[i]++;
        given++;
      }
    }
    rest -= given;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Faults

const BAD_PROVINCES = ['10', '20', '30', '39', '40', '41', '45', '55', '60', '66', '77', '80', '88', '99'];
const OVERRIDE_REASONS = [
  'Hasil sanggah: berkas asli diperlihatkan dan dinyatakan lengkap',
  'Diverifikasi langsung oleh tim di kantor desa',
  'Ijazah asli sudah diperiksa verifikator',
  'Keterangan domisili dari kepala desa sudah diterima',
];
const INVALID_BIRTH_TEXTS = [
  '31/02/1990',
  '30-02-1988',
  '31 April 1992',
  '1990-13-05',
  '29/02/1991',
  '00/05/1989',
  '15/13/1990',
  '31 Juni 1987',
  '32 Agustus 1991',
];

function nikText(c: Candidate): string {
  return String(c.nik).replace(/\D/g, '');
}

function describe(c: Candidate): string {
  return c.name || `(row of ${c.village.name})`;
}

export interface FaultContext extends CandidateContext {
  /** Rows without a fault (origins for duplicates and shared phones). */
  clean: Candidate[];
  cleanWithId: Candidate[];
  /** Rows already used as the other half of a duplicate or shared phone (each is used once). */
  usedOrigins: Set<Candidate>;
}

function pickOrigin(
  rng: Rng,
  ctx: FaultContext,
  c: Candidate,
  preferred: (o: Candidate) => boolean,
  pool = ctx.clean,
): Candidate {
  const ok = (o: Candidate) => o !== c && !ctx.usedOrigins.has(o);
  let origin: Candidate | undefined;
  // Random probes first (fast on 50,000 rows), then an exhaustive fallback.
  for (let i = 0; i < 400 && !origin && pool.length > 0; i++) {
    const o = rng.pick(pool);
    if (ok(o) && (i >= 200 || preferred(o))) origin = o;
  }
  if (!origin) {
    const free = pool.filter(ok);
    const best = free.filter(preferred);
    origin = rng.pick(best.length > 0 ? best : free);
  }
  ctx.usedOrigins.add(origin);
  return origin;
}

/** Applies one fault to a candidate and records it. */
export function applyFault(rng: Rng, ctx: FaultContext, c: Candidate, kind: FaultKind): void {
  const set = (column: string | undefined, note: string) => {
    c.fault = column === undefined ? { kind, note } : { kind, column, note };
  };
  const region6 = nikText(c).slice(0, 6);
  switch (kind) {
    case 'nik-number': {
      c.nik = Number(c.nikDigits);
      set('NIK', `NIK ${c.nikDigits} typed as a number`);
      return;
    }
    case 'nik-truncated': {
      c.nik = rng.chance(0.7) ? `${c.nikDigits.slice(0, 12)}0000` : c.nikDigits.slice(0, 15);
      set('NIK', `NIK ${c.nikDigits} pasted from a number cell: ${c.nik}`);
      return;
    }
    case 'nik-bad-length': {
      c.nik = rng.chance(0.5)
        ? c.nikDigits.slice(0, 14)
        : `${c.nikDigits.slice(0, 12)}${c.nikDigits.slice(12, 13)}${c.nikDigits.slice(12)}`;
      set('NIK', `NIK has ${String(c.nik).length} digits`);
      return;
    }
    case 'nik-bad-province': {
      c.nik = rng.pick(BAD_PROVINCES) + c.nikDigits.slice(2);
      set('NIK', `NIK province code ${String(c.nik).slice(0, 2)} does not exist`);
      return;
    }
    case 'nik-birthdate-mismatch': {
      let other: Ymd;
      do {
        const swapped = { y: c.birth.y, m: c.birth.d, d: c.birth.m };
        other =
          rng.chance(0.4) && isValidYmd(swapped.y, swapped.m, swapped.d)
            ? swapped
            : fromDayNumber(dayNumber(c.birth) + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 700));
      } while (other.y === c.birth.y && other.m === c.birth.m && other.d === c.birth.d);
      c.nik = newNik(rng, ctx, region6, other, c.sex);
      c.nikDigits = c.nik;
      set(
        'NIK',
        `NIK encodes ${other.d}-${other.m}-${other.y}, Tanggal Lahir is ${c.birth.d}-${c.birth.m}-${c.birth.y}`,
      );
      return;
    }
    case 'nik-sex-mismatch': {
      c.nik = newNik(rng, ctx, region6, c.birth, c.sex === 'L' ? 'P' : 'L');
      c.nikDigits = c.nik;
      set('NIK', `NIK encodes sex ${c.sex === 'L' ? 'P' : 'L'}, Jenis Kelamin is ${c.sex}`);
      return;
    }
    case 'phone-no-zero': {
      c.phone = Number(c.phoneNational);
      set('No. HP', `phone ${c.phoneNational} typed as a number (leading 0 lost)`);
      return;
    }
    case 'phone-landline': {
      const area = c.regency.config.areaCode;
      const local = rng.chance(0.6) ? `${rng.int(2, 7)}${rng.digits(4)}` : `${rng.int(2, 7)}${rng.digits(5)}`;
      c.phone = rng.chance(0.7) ? `${area}-${local}` : `(${area}) ${local}`;
      c.phoneNational = area.slice(1) + local;
      set('No. HP', `landline ${c.phone}`);
      return;
    }
    case 'phone-bad': {
      const forms = [
        `0${c.phoneNational.slice(0, 3)}-${c.phoneNational.slice(3, 6)}-${c.phoneNational.slice(6, 7)}`,
        `084${rng.digits(1)} ${rng.digits(4)} ${rng.digits(4)}`,
        `0${c.phoneNational}${rng.digits(4)}`,
        `0${c.phoneNational.slice(0, 3)}-xxxx-xxxx`,
        'tidak ada',
      ];
      c.phone = rng.pick(forms);
      c.phoneNational = '';
      set('No. HP', `not a phone number: ${c.phone}`);
      return;
    }
    case 'phone-shared': {
      const origin = pickOrigin(rng, ctx, c, (o) => o.village === c.village);
      c.phone = formatPhone(origin.phoneNational, rng.weighted(PHONE_STYLES));
      c.phoneNational = origin.phoneNational;
      set('No. HP', `same phone as ${describe(origin)} (${origin.id || 'no ID'})`);
      return;
    }
    case 'age-too-young':
    case 'age-too-old': {
      const birth = kind === 'age-too-young' ? birthForAge(rng, 15, 17) : birthForAge(rng, 56, 63);
      c.birth = birth;
      c.birthCell = birthCellFor(rng, birth);
      c.nik = newNik(rng, ctx, region6, birth, c.sex);
      c.nikDigits = c.nik;
      set('Tanggal Lahir', `age ${ageOn(birth, REF_DATE)} on 25-11-2019`);
      return;
    }
    case 'education-too-low': {
      c.education = rng.weighted(EDUCATION_TOO_LOW.map((e) => [e.value, e.weight] as const));
      set('Pendidikan Terakhir', `education ${c.education} is below SLTA`);
      return;
    }
    case 'education-unknown': {
      c.education = rng.pick(EDUCATION_UNKNOWN);
      set('Pendidikan Terakhir', `education ${c.education} maps to no level`);
      return;
    }
    case 'village-not-targeted': {
      const v = rng.pick(c.regency.others);
      c.village = v;
      c.villageCell = v.name;
      c.districtCell = v.districtName;
      set('Desa/Kelurahan', `${v.name} (Kec. ${v.districtName}) is not on Desa Sasaran`);
      return;
    }
    case 'duplicate-nik': {
      const origin = pickOrigin(rng, ctx, c, (o) => o.regency === c.regency);
      c.name = origin.name;
      c.group = origin.group;
      c.nik = origin.nikDigits;
      c.nikDigits = origin.nikDigits;
      c.sex = origin.sex;
      c.sexCell = origin.sex;
      c.birthPlace = origin.birthPlace;
      c.birth = origin.birth;
      c.birthCell = witaDate(origin.birth.y, origin.birth.m, origin.birth.d);
      c.email = origin.email;
      set('NIK', `same NIK as ${describe(origin)} (${origin.id || 'no ID'}), registered again from ${c.village.name}`);
      c.fault!.twin = origin;
      return;
    }
    case 'duplicate-id': {
      const origin = pickOrigin(rng, ctx, c, () => true, ctx.cleanWithId);
      c.id = origin.id;
      set('ID', `ID ${origin.id} already used by ${describe(origin)}`);
      c.fault!.twin = origin;
      return;
    }
    case 'missing-name':
      c.name = '';
      set('Nama Lengkap', 'name left blank');
      return;
    case 'missing-address':
      c.address = '';
      set('Alamat', 'address left blank');
      return;
    case 'missing-phone':
      c.phone = '';
      c.phoneNational = '';
      set('No. HP', 'phone left blank');
      return;
    case 'bad-email': {
      const words = nameWords(c.name);
      const a = words[0] ?? 'calon';
      const b = words[1] ?? String(c.birth.y);
      c.email = rng.pick([
        `${a}.${b}.gmail.com`,
        `${a}${b}@gmail`,
        `${a} ${b}@gmail.com`,
        `${a}@@yahoo.com`,
        `${a}${b}@gmail,com`,
      ]);
      set('Email', `malformed e-mail ${c.email}`);
      return;
    }
    case 'bad-sex': {
      c.sexCell = rng.pick(['X', 'L/P', '1', 'LP']);
      set('Jenis Kelamin', `Jenis Kelamin "${c.sexCell}"`);
      return;
    }
    case 'bad-birthdate': {
      c.birthCell = rng.pick(INVALID_BIRTH_TEXTS);
      set('Tanggal Lahir', `impossible date ${c.birthCell}`);
      return;
    }
    case 'override-no-reason': {
      c.decision = 'TMS';
      c.reason = '';
      set('Alasan Verifikator', 'override TMS without a reason');
      return;
    }
    case 'override-valid': {
      c.decision = 'MS';
      c.reason = rng.pick(OVERRIDE_REASONS);
      set('Keputusan Verifikator', `valid override MS: ${c.reason}`);
      return;
    }
  }
}

/** The kinds for `count` faulty rows: every kind in turn (weighted), so each appears count/weights times. */
export function faultPlan(count: number): FaultKind[] {
  const cycle: FaultKind[] = [];
  for (const kind of FAULT_KINDS) for (let i = 0; i < (FAULT_WEIGHT[kind] ?? 1); i++) cycle.push(kind);
  // Interleave the weighted extras so that a short plan still covers every kind once before repeating any.
  const order = [...FAULT_KINDS, ...cycle.filter((k, i) => cycle.indexOf(k) !== i)];
  return Array.from({ length: count }, (_, i) => order[i % order.length]);
}

export function candidateRow(c: Candidate): CellValue[] {
  return [
    c.id,
    c.name,
    c.nik,
    c.sexCell,
    c.birthPlace,
    c.birthCell,
    c.education,
    c.address,
    c.villageCell,
    c.districtCell,
    c.regencyCell,
    c.provinceCell,
    c.phone,
    c.email,
    c.registered,
    c.decision,
    c.reason,
  ];
}
