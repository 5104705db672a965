/**
 * The online registration form of the demo: a Google Form linked to the workbook, and its response
 * tab (`Form Responses 1`) with the responses candidates sent while the team typed the paper
 * registrations into `Kandidat`. None of them is on `Kandidat` yet: connecting the form (menu
 * "Hubungkan formulir pendaftaran") imports them.
 *
 * The respondents come from the same generators as the `Kandidat` rows, so the same slips appear
 * (bad NIKs, dates typed in words, +62 phones, shared phones, villages off the list…), plus what
 * only a form produces: a candidate sending the form twice (the same answers, or a corrected
 * phone or date), and a candidate already typed from paper registering online as well. The first
 * responses came in before the coordinator formatted the NIK and phone columns as plain text, as
 * the guide says to: Sheets took those answers for numbers (a NIK loses its last digit, a phone
 * its leading 0).
 *
 * Deterministic: its own seeded streams, generated after `Kandidat`, which it never changes.
 */
import { typeInput } from '../../emulator/format';
import {
  ACCEPTED_FAULTS,
  applyFault,
  faultPlan,
  formatPhone,
  makeCandidate,
  type Candidate,
  type CandidateContext,
  type FaultContext,
  type FaultKind,
} from './candidates';
import { DEMO_TIME_ZONE, pad2, witaDate, witaYmd } from './dates';
import { createRng, type Rng } from './rng';
import type { World } from './world';

/** What Google names the first response tab of a form linked to a spreadsheet (English-language owner). */
export const FORM_TAB = 'Form Responses 1';
/** The linked form's address, as Sheet.getFormUrl() reports it. */
export const FORM_URL = 'https://docs.google.com/forms/d/e/1FAIpQLSdPendaftaranPenyuluhSosial2019/viewform';
/** How many responses the default demo (1,500 candidates) ships; smaller demos get one per five candidates. */
export const DEFAULT_RESPONSES = 300;
/** Responses that came in before the NIK and phone columns were formatted as plain text. */
export const UNFORMATTED_RESPONSES = 6;
/** Share of respondents who send the form a second time, and of those already typed from paper. */
const RESUBMIT_RATE = 0.03;
const ALREADY_ON_KANDIDAT_RATE = 0.02;
const FAULT_RATE = 0.1;

/** How a question is answered in the form (Google Forms' question types the demo form uses). */
export type QuestionKind = 'short' | 'paragraph' | 'choice' | 'file';

export interface FormQuestion {
  title: string;
  kind: QuestionKind;
  /** The help text under the question. */
  help?: string;
  /** Multiple choice options. */
  options?: readonly string[];
  /** Hints a browser can offer for a short answer (the form itself accepts any text). */
  suggestions?: readonly string[];
  /** The keyboard a phone shows, and what a browser may fill in. */
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autocomplete?: string;
}

/** The form's questions, worded so that each maps to its `Kandidat` column by itself. */
export const FORM_QUESTIONS: readonly FormQuestion[] = [
  { title: 'Nama lengkap (sesuai KTP)', kind: 'short', autocomplete: 'name' },
  {
    title: 'NIK (16 digit, sesuai KTP)',
    kind: 'short',
    inputMode: 'numeric',
    help: 'Nomor Induk Kependudukan, 16 angka seperti tertulis di KTP.',
  },
  { title: 'Jenis kelamin', kind: 'choice', options: ['Laki-laki', 'Perempuan'] },
  { title: 'Tempat lahir', kind: 'short' },
  { title: 'Tanggal lahir', kind: 'short', help: 'Contoh: 17/08/1990' },
  {
    title: 'Pendidikan terakhir',
    kind: 'short',
    help: 'Contoh: SMA, SMK, MA, Paket C, D3, S1',
    suggestions: ['SMA', 'SMK', 'MA', 'Paket C', 'D3', 'S1', 'S2'],
  },
  { title: 'Alamat lengkap', kind: 'paragraph', help: 'Jalan atau dusun, nomor rumah, RT/RW.' },
  { title: 'Desa/Kelurahan', kind: 'short' },
  { title: 'Kecamatan', kind: 'short' },
  { title: 'Kabupaten/Kota', kind: 'short' },
  { title: 'Provinsi', kind: 'short' },
  {
    title: 'Nomor HP/WhatsApp aktif',
    kind: 'short',
    inputMode: 'tel',
    autocomplete: 'tel',
    help: 'Contoh: 0812 3456 7890',
  },
  { title: 'Email', kind: 'short', inputMode: 'email', autocomplete: 'email', help: 'Boleh dikosongkan.' },
  { title: 'Unggah scan KTP', kind: 'file', help: 'Foto atau PDF KTP, paling besar 10 MB.' },
];

/** The response tab's header row: Google's timestamp column, then one column per question. */
export const FORM_HEADERS: readonly string[] = ['Timestamp', ...FORM_QUESTIONS.map((q) => q.title)];

/** The questions whose columns the guide says to format as plain text before the first response. */
export const TEXT_QUESTIONS: readonly string[] = ['NIK (16 digit, sesuai KTP)', 'Nomor HP/WhatsApp aktif'];

export interface DemoResponse {
  /** Google's timestamp, to the millisecond. */
  at: Date;
  /** The answers as the candidate typed them, in question order ('' = left empty). */
  answers: string[];
}

/** What a response row carries, on top of the `Kandidat` fault kinds. */
export type FormFaultKind = FaultKind | 'resubmission' | 'already-on-kandidat';

export interface DemoFormFault {
  tab: typeof FORM_TAB;
  /** 1-based row of the response tab (the header is row 1). */
  row: number;
  kind: FormFaultKind;
  /** The `Kandidat` column the fault is in. */
  column?: string;
  note: string;
  /** The other registration of a duplicate (both are flagged): a response row or a `Kandidat` row. */
  twin?: { tab: typeof FORM_TAB | 'Kandidat'; row: number };
}

export interface DemoForm {
  tab: typeof FORM_TAB;
  url: string;
  headers: string[];
  /** In the order they came in (the tab's row order). */
  responses: DemoResponse[];
  /** The first this many rows were written before the NIK and phone columns were plain text. */
  unformatted: number;
  faults: DemoFormFault[];
}

/** Where the `Kandidat` generator left off: the rows it made, which have no fault, and their sheet rows. */
export interface KandidatSide {
  ctx: CandidateContext;
  /** Faultless `Kandidat` rows, never used as the origin of a duplicate there. */
  clean: readonly Candidate[];
  usedOrigins: ReadonlySet<Candidate>;
  rowOf: ReadonlyMap<Candidate, number>;
}

/** Kinds a form cannot produce: the form has no ID or verifier columns, and its sex question is multiple choice. */
const NOT_ON_A_FORM: ReadonlySet<FaultKind> = new Set<FaultKind>([
  'duplicate-id',
  'override-no-reason',
  'override-valid',
  'bad-sex',
  // A NIK typed into the form is text; the number case is the early rows' (see UNFORMATTED_RESPONSES).
  'nik-number',
]);

interface Respondent {
  c: Candidate;
  at: Date;
  driveId: string;
  /** For a resubmission: the first response, and what changed. */
  again?: { first: Respondent; change: string; answers: string[] };
  /** Already on `Kandidat` from paper: that candidate. */
  paper?: Candidate;
}

function driveId(rng: Rng): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '1';
  for (let i = 0; i < 32; i++) id += chars[rng.int(0, chars.length - 1)];
  return id;
}

/** The date of birth as typed into a short-answer question: a date cell's date the usual ways, text as it was. */
function birthAnswer(rng: Rng, c: Candidate): string {
  if (!(c.birthCell instanceof Date)) return String(c.birthCell);
  const { y, m, d } = witaYmd(c.birthCell);
  return rng.chance(0.7) ? `${pad2(d)}/${pad2(m)}/${y}` : `${d}/${m}/${y}`;
}

function answersOf(rng: Rng, c: Candidate, drive: string): string[] {
  return [
    c.name,
    String(c.nik),
    c.sex === 'L' ? 'Laki-laki' : 'Perempuan',
    c.birthPlace,
    birthAnswer(rng, c),
    c.education,
    c.address,
    c.villageCell,
    c.districtCell,
    c.regencyCell,
    c.provinceCell,
    String(c.phone),
    c.email,
    `https://drive.google.com/open?id=${drive}`,
  ];
}

const Q = (title: string) => FORM_QUESTIONS.findIndex((q) => q.title === title);
const NIK_Q = Q('NIK (16 digit, sesuai KTP)');
const PHONE_Q = Q('Nomor HP/WhatsApp aktif');
const BIRTH_Q = Q('Tanggal lahir');
const EMAIL_Q = Q('Email');

/** How many responses a demo of `candidates` rows gets by default. */
export function defaultResponses(candidates: number): number {
  return Math.min(DEFAULT_RESPONSES, Math.round(candidates / 5));
}

/**
 * The form's responses. `kandidat` is where the `Kandidat` generator left off (its NIKs and phones
 * stay unique, and a few respondents are people already typed there).
 */
export function buildForm(seed: number, count: number, world: World, kandidat: KandidatSide): DemoForm {
  const villages = world.regencies.flatMap((regency) => regency.targets.map((village) => ({ regency, village })));
  const rng = createRng(seed, 'form');
  const total = Math.max(0, Math.floor(count));
  const resubmissions = Math.round(total * RESUBMIT_RATE);
  const fromPaper = Math.min(Math.round(total * ALREADY_ON_KANDIDAT_RATE), kandidat.clean.length);
  const fresh = Math.max(0, total - resubmissions - fromPaper);

  // 1. New people, from anywhere in the target villages (busier villages more often).
  const weights = villages.map(() => 0.05 + Math.pow(rng.next(), 2));
  const pickVillage = () => rng.weighted(villages.map((v, i) => [v, weights[i]] as const));
  const people: Respondent[] = [];
  for (let i = 0; i < fresh; i++) {
    const { regency, village } = pickVillage();
    const c = makeCandidate(rng, kandidat.ctx, regency, village);
    people.push({ c, at: stamp(rng, c.registered), driveId: driveId(rng) });
  }
  people.sort((a, b) => a.at.getTime() - b.at.getTime());

  // 2. Slips, one per chosen respondent, never on the first rows (they show the number cells).
  const frng = createRng(seed, 'form-faults');
  const kinds = faultPlan(Math.round(fresh * FAULT_RATE) + 40)
    .filter((k) => !NOT_ON_A_FORM.has(k))
    .slice(0, Math.round(fresh * FAULT_RATE));
  const eligible = people.slice(Math.min(UNFORMATTED_RESPONSES, people.length));
  const chosen = frng.sample(eligible, kinds.length);
  const chosenSet = new Set(chosen);
  const fctx: FaultContext = {
    ...kandidat.ctx,
    clean: eligible.filter((p) => !chosenSet.has(p)).map((p) => p.c),
    cleanWithId: [],
    usedOrigins: new Set(),
  };
  chosen.forEach((p, i) => applyFault(frng, fctx, p.c, kinds[i]));
  for (const p of chosen) {
    // A second registration under the same NIK comes after the first.
    const twin = p.c.fault?.kind === 'duplicate-nik' ? people.find((o) => o.c === p.c.fault?.twin) : undefined;
    if (twin && p.at <= twin.at) p.at = later(frng, twin.at);
  }
  // The coordinator formatted the NIK and phone columns as plain text right after the first responses.
  const formatted = people[Math.min(UNFORMATTED_RESPONSES, people.length) - 1]?.at.getTime() ?? 0;

  // 3. People already typed from their paper form who registered online too.
  const prng = createRng(seed, 'form-paper');
  const paperPool = kandidat.clean.filter((c) => !kandidat.usedOrigins.has(c));
  const onPaper = prng.sample(paperPool, fromPaper).map((c): Respondent => {
    const at = stamp(prng, c.registered);
    return {
      c,
      at: at.getTime() > formatted ? at : later(prng, new Date(formatted)),
      driveId: driveId(prng),
      paper: c,
    };
  });

  // 4. Respondents who sent the form again: the same answers (pressed Kirim twice, or thought it failed) or corrected.
  const rrng = createRng(seed, 'form-again');
  const firsts = rrng.sample(
    eligible.filter((p) => !p.c.fault && !chosenSet.has(p) && !fctx.usedOrigins.has(p.c)),
    resubmissions,
  );
  const again: Respondent[] = firsts.map((first) => {
    const answers = answersOf(createRng(seed, `form-answers:${first.driveId}`), first.c, first.driveId);
    const change = rrng.pick(['same', 'phone', 'birth', 'email'] as const);
    let note = 'the same answers sent again';
    if (change === 'phone') {
      const national = newNational(rrng, kandidat.ctx);
      answers[PHONE_Q] = formatPhone(national, 'plain');
      note = `sent again with another phone, ${answers[PHONE_Q]}`;
    } else if (change === 'birth') {
      const { y, m, d } = first.c.birth;
      answers[BIRTH_Q] = `${pad2(d)}-${pad2(m)}-${y}`;
      note = `sent again with the birth date typed ${answers[BIRTH_Q]}`;
    } else if (change === 'email') {
      answers[EMAIL_Q] = first.c.email ? '' : `${first.c.name.split(' ')[0].toLowerCase()}${first.c.birth.y}@gmail.com`;
      note = first.c.email ? 'sent again without the email' : `sent again adding the email ${answers[EMAIL_Q]}`;
    }
    const drive = rrng.chance(0.5) ? first.driveId : driveId(rrng);
    answers[answers.length - 1] = `https://drive.google.com/open?id=${drive}`;
    return { c: first.c, at: later(rrng, first.at), driveId: drive, again: { first, change: note, answers } };
  });

  // 5. The tab, oldest first; no two responses in the same millisecond.
  const all = [...people, ...onPaper, ...again].sort((a, b) => a.at.getTime() - b.at.getTime());
  const seen = new Set<number>();
  for (const r of all) {
    while (seen.has(r.at.getTime())) r.at = new Date(r.at.getTime() + 1);
    seen.add(r.at.getTime());
  }
  const rowOf = new Map<Respondent, number>(all.map((r, i) => [r, i + 2]));
  const byCandidate = new Map<Candidate, Respondent>(people.map((p) => [p.c, p]));
  const unformatted = all.filter((r) => r.at.getTime() <= formatted).length;
  const responses: DemoResponse[] = [];
  const faults: DemoFormFault[] = [];
  all.forEach((r, i) => {
    const row = i + 2;
    const answers = r.again?.answers ?? answersOf(createRng(seed, `form-answers:${r.driveId}`), r.c, r.driveId);
    responses.push({ at: new Date(r.at.getTime()), answers });
    const add = (f: Omit<DemoFormFault, 'tab' | 'row'>) => faults.push({ tab: FORM_TAB, row, ...f });
    if (i < unformatted) {
      // Before the columns were plain text, Sheets typed these answers like numbers.
      if (typeof typeInput(answers[NIK_Q], undefined, 'id_ID', DEMO_TIME_ZONE).value === 'number')
        add({ kind: 'nik-number', column: 'NIK', note: `NIK ${answers[NIK_Q]} stored as a number` });
      if (typeof typeInput(answers[PHONE_Q], undefined, 'id_ID', DEMO_TIME_ZONE).value === 'number')
        add({ kind: 'phone-no-zero', column: 'No. HP', note: `phone ${answers[PHONE_Q]} stored as a number` });
    }
    if (r.again) {
      const first = rowOf.get(r.again.first)!;
      add({ kind: 'resubmission', column: 'NIK', note: r.again.change, twin: { tab: FORM_TAB, row: first } });
    } else if (r.paper) {
      const paperRow = kandidat.rowOf.get(r.paper)!;
      add({
        kind: 'already-on-kandidat',
        column: 'NIK',
        note: `${r.paper.name || 'a candidate'} registered on paper too (Kandidat row ${paperRow})`,
        twin: { tab: 'Kandidat', row: paperRow },
      });
    } else if (r.c.fault) {
      const twin = r.c.fault.twin && byCandidate.get(r.c.fault.twin);
      add({
        kind: r.c.fault.kind,
        ...(r.c.fault.column !== undefined ? { column: r.c.fault.column } : {}),
        note: r.c.fault.note,
        ...(twin ? { twin: { tab: FORM_TAB, row: rowOf.get(twin)! } } : {}),
      });
    }
  });
  return { tab: FORM_TAB, url: FORM_URL, headers: [...FORM_HEADERS], responses, unformatted, faults };
}

/** The registration time with Google's milliseconds. */
function stamp(rng: Rng, registered: Date): Date {
  return new Date(registered.getTime() + rng.int(0, 999));
}

/** A moment after `at`: minutes later (pressed Kirim again) to a few days (sent a correction), within the window. */
function later(rng: Rng, at: Date): Date {
  const closing = witaDate(2019, 11, 25, 23, 59, 59).getTime();
  const gap = rng.chance(0.5) ? rng.int(20_000, 15 * 60_000) : rng.int(3_600_000, 3 * 86_400_000);
  return new Date(Math.min(closing, at.getTime() + gap) + rng.int(0, 999));
}

function newNational(rng: Rng, ctx: CandidateContext): string {
  for (;;) {
    const national = `8${rng.pick(['12', '13', '21', '22', '52', '53', '57', '77'])}${rng.digits(8)}`;
    if (!ctx.usedPhones.has(national)) {
      ctx.usedPhones.add(national);
      return national;
    }
  }
}

/** Response rows the add-on should flag (a fault it does not accept), with their kinds. */
export function flaggableResponses(form: DemoForm): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const f of form.faults) {
    if (ACCEPTED_FAULTS.has(f.kind as FaultKind)) continue;
    out.set(f.row, [...(out.get(f.row) ?? []), f.kind]);
    if (f.twin?.tab === FORM_TAB)
      out.set(f.twin.row, [...(out.get(f.twin.row) ?? []), `${f.kind} (twin of row ${f.row})`]);
  }
  return out;
}

/** Answers for one new respondent, by question title: the preview form's "fill in an example". */
export function sampleAnswers(rng: Rng, world: World): Record<string, string> {
  const regency = rng.pick(world.regencies);
  const village = rng.pick(regency.targets);
  const ctx: CandidateContext = { world, usedNiks: new Set(), usedPhones: new Set() };
  const c = makeCandidate(rng, ctx, regency, village);
  const answers = answersOf(rng, c, driveId(rng));
  return Object.fromEntries(FORM_QUESTIONS.map((q, i) => [q.title, q.kind === 'file' ? 'scan-ktp.jpg' : answers[i]]));
}
