/**
 * Deterministic demo workbook for the Seleksi & FGD add-in: the user tabs a regency team would have typed by hand,
 * realistic and dirty on purpose, with every deliberate fault listed in `faults`.
 *
 *   buildDemoWorkbook({ seed: 1 })                  // ≈1,500 candidates, 7 regencies × 30 villages
 *   buildDemoWorkbook({ seed: 1, candidates: 50000 }) // for benchmarks
 *
 * Pure and deterministic: a seeded PRNG (mulberry32) and fixed dates; never Math.random or the clock. Every Date is
 * a wall-clock time in Asia/Makassar (`DEMO_TIME_ZONE`), the spreadsheet's time zone.
 *
 * Area names and codes: idn-area-data by fityannugroho (https://github.com/fityannugroho/idn-area-data), data
 * licensed under the Open Database License (ODbL) 1.0 — keep this attribution with the generated workbook.
 * People's names are composed at random; NIKs and phone numbers are synthetic.
 */
import {
  allocate,
  applyFault,
  candidateRow,
  faultPlan,
  KANDIDAT_HEADERS,
  makeCandidate,
  REF_DATE,
  type Candidate,
  type CandidateContext,
  type CellValue,
  type FaultContext,
  type FaultKind,
} from './candidates';
import { witaDate } from './dates';
import { buildForm, defaultResponses, type DemoForm } from './form';
import { buildPanel, buildPeserta, buildSesi, makeResearchers } from './events';
import { createRng } from './rng';
import { buildWorld, type World } from './world';

export type { CellValue, FaultKind } from './candidates';
export { ACCEPTED_FAULTS } from './candidates';
export { FAULT_KINDS, KANDIDAT_HEADERS, REF_DATE, AGE_MIN, AGE_MAX, encodeNik } from './candidates';
export { PANEL_HEADERS, SESI_HEADERS, PESERTA_HEADERS, PANEL_DOMAIN } from './events';
export { DEMO_TIME_ZONE, DEMO_UTC_OFFSET_MINUTES, witaDate, witaYmd } from './dates';
export { buildWorld, normaliseName, VILLAGES_PER_REGENCY, type World, type Regency, type Village } from './world';
export { UNSUR } from './agencies';
export {
  FORM_TAB,
  FORM_URL,
  FORM_HEADERS,
  FORM_QUESTIONS,
  TEXT_QUESTIONS,
  flaggableResponses,
  type DemoForm,
  type DemoFormFault,
  type DemoResponse,
  type FormQuestion,
} from './form';

export interface DemoFault {
  tab: 'Kandidat';
  /** 1-based sheet row; the header is row 1. */
  row: number;
  kind: FaultKind;
  column?: string;
  note: string;
  /** For a duplicate: the sheet row of the other registration, which the add-on flags as well. */
  twinRow?: number;
}

export interface DemoWorkbook {
  tabs: Record<string, CellValue[][]>;
  faults: DemoFault[];
  /** The linked registration form's responses, not yet on `Kandidat` (see form.ts). */
  form: DemoForm;
}

export interface DemoOptions {
  seed?: number;
  /** Number of candidate rows (blank rows not counted). Default 1500. */
  candidates?: number;
  /** Responses on the registration form's tab. Default 300, or one per five candidates in a smaller demo. */
  formResponses?: number;
}

export const DEFAULT_SEED = 20191125;
export const DEFAULT_CANDIDATES = 1500;
/** Share of candidate rows carrying one deliberate fault. */
export const FAULT_RATE = 0.1;
export const FIRST_IDS = 100;

export const TAB_ORDER = ['Pengaturan', 'Desa Sasaran', 'Kandidat', 'Panel', 'Sesi', 'Peserta'] as const;

function pengaturan(): CellValue[][] {
  return [
    ['Pengaturan', 'Nilai', 'Keterangan'],
    [
      'Tanggal acuan usia',
      witaDate(REF_DATE.y, REF_DATE.m, REF_DATE.d),
      'Tanggal penutupan pendaftaran calon penyuluh sosial',
    ],
    ['Kota penandatanganan', 'Pelaihari', 'Tempat penandatanganan daftar hadir'],
    ['Penanggung jawab', 'Dra. Nurhayati Rahman, M.Si.', 'Ketua tim peneliti'],
    ['NIP penanggung jawab', '196805121994032001', 'Diketik sebagai teks (18 digit)'],
  ];
}

function desaSasaran(world: World): CellValue[][] {
  const rows: CellValue[][] = [['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Kuota']];
  for (const regency of world.regencies) {
    // A quota of 2 for the first village of the seat district (or the first target) of each regency.
    const seat = regency.targets.find((v) => v.districtName === regency.config.seatDistrict) ?? regency.targets[0];
    for (const v of regency.targets)
      rows.push([regency.province, regency.name, v.districtName, v.name, v === seat ? 2 : '']);
  }
  return rows;
}

export function buildDemoWorkbook(opts: DemoOptions = {}): DemoWorkbook {
  const seed = opts.seed ?? DEFAULT_SEED;
  const total = Math.max(0, Math.floor(opts.candidates ?? DEFAULT_CANDIDATES));
  const world = buildWorld();
  const villages = world.regencies.flatMap((regency) => regency.targets.map((village) => ({ regency, village })));

  // 1. Clean candidates, village by village.
  const counts = allocate(createRng(seed, 'allocate'), villages.length, total);
  const ctx: CandidateContext = { world, usedNiks: new Set(), usedPhones: new Set() };
  const rng = createRng(seed, 'kandidat');
  const candidates: Candidate[] = [];
  villages.forEach(({ regency, village }, i) => {
    for (let k = 0; k < counts[i]; k++) candidates.push(makeCandidate(rng, ctx, regency, village));
  });

  // 2. Rows arrive in registration order (as from a form); an earlier run numbered the first ones.
  candidates.sort((a, b) => a.registered.getTime() - b.registered.getTime());
  // (About 100 in the default workbook; proportionally more in benchmark-sized ones.)
  const firstIds = total <= DEFAULT_CANDIDATES ? FIRST_IDS : Math.round((total * FIRST_IDS) / DEFAULT_CANDIDATES);
  candidates.slice(0, firstIds).forEach((c, i) => (c.id = `K-${String(i + 1).padStart(4, '0')}`));

  // 3. Faults: one per chosen row. Rows moved out of their village come from villages with more than 5 rows.
  const frng = createRng(seed, 'faults');
  const plan = faultPlan(Math.round(total * FAULT_RATE));
  const perVillage = new Map<string, number>();
  for (const c of candidates) perVillage.set(c.village.code, (perVillage.get(c.village.code) ?? 0) + 1);
  const order = frng.shuffle(candidates);
  const taken = new Set<Candidate>();
  const assigned: Array<[Candidate, FaultKind]> = [];
  const moving = plan.filter((k) => k === 'village-not-targeted').length;
  for (const c of order) {
    if (assigned.length >= moving) break;
    const n = perVillage.get(c.village.code) ?? 0;
    if (n > 5) {
      perVillage.set(c.village.code, n - 1);
      taken.add(c);
      assigned.push([c, 'village-not-targeted']);
    }
  }
  const rest = plan.filter((k) => k !== 'village-not-targeted');
  for (const c of order) {
    if (assigned.length >= plan.length || assigned.length - moving >= rest.length) break;
    if (taken.has(c)) continue;
    taken.add(c);
    assigned.push([c, rest[assigned.length - moving]]);
  }
  const clean = candidates.filter((c) => !taken.has(c));
  const fctx: FaultContext = { ...ctx, clean, cleanWithId: clean.filter((c) => c.id !== ''), usedOrigins: new Set() };
  for (const [c, kind] of assigned) applyFault(frng, fctx, c, kind);

  // 4. A few blank rows in between (a deleted row's leftovers).
  const brng = createRng(seed, 'blank');
  const blanks = candidates.length > 0 ? Math.max(1, Math.round(candidates.length / 500)) : 0;
  const blankAfter = new Set<number>();
  while (blankAfter.size < blanks) blankAfter.add(brng.int(1, candidates.length));
  const kandidat: CellValue[][] = [[...KANDIDAT_HEADERS]];
  const rowOf = new Map<Candidate, number>();
  candidates.forEach((c, i) => {
    kandidat.push(candidateRow(c));
    rowOf.set(c, kandidat.length);
    if (blankAfter.has(i + 1) && i + 1 < candidates.length) kandidat.push(KANDIDAT_HEADERS.map(() => ''));
  });
  const faults: DemoFault[] = candidates.flatMap((c) => {
    if (!c.fault) return [];
    const f: DemoFault = { tab: 'Kandidat', row: rowOf.get(c)!, kind: c.fault.kind, note: c.fault.note };
    if (c.fault.column !== undefined) f.column = c.fault.column;
    if (c.fault.twin) f.twinRow = rowOf.get(c.fault.twin);
    return [f];
  });

  // 5. Panel, sessions and participants (independent streams, so they do not shift when candidates change).
  const people = makeResearchers(createRng(seed, 'people'), world);
  const panel = buildPanel(createRng(seed, 'panel'), world, people);
  const { rows: sesi, sessions } = buildSesi(createRng(seed, 'sesi'), world, people);
  const peserta = buildPeserta(createRng(seed, 'peserta'), world, sessions, people, candidates);

  // 6. The online form's responses, after everything else (its own streams; Kandidat is never changed).
  const form = buildForm(seed, opts.formResponses ?? defaultResponses(total), world, {
    ctx,
    clean,
    usedOrigins: fctx.usedOrigins,
    rowOf,
  });

  return {
    form,
    tabs: {
      Pengaturan: pengaturan(),
      'Desa Sasaran': desaSasaran(world),
      Kandidat: kandidat,
      Panel: panel,
      Sesi: sesi,
      Peserta: peserta,
    },
    faults,
  };
}
