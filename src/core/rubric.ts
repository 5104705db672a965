/**
 * The rubric (`Kriteria`): criteria with weights, scales, guidance and the tie-break order.
 * Weights that do not add up to 100 are normalised (and the run says so); anything that would
 * make a score meaningless — no code, a duplicate code, a scale without room — stops the action.
 */
import { matchHeaders, rowRecord } from './headers';
import { weightedTotalOf } from './scale';
import { RUBRIC_TAB, SCORE_HEADERS } from './schema';
import { scoreOf } from './scores';
import { cellText, matchKey, quote } from './text';
import type { Bilingual, Grid } from './types';

export interface Criterion {
  code: string;
  name: string;
  /** Share of the total, 0–1 (normalised). */
  weight: number;
  min: number;
  max: number;
  guidance: string;
  /** 1 = first tie-break; undefined = not used to break ties. */
  tieBreak?: number;
}

export interface Rubric {
  criteria: Criterion[];
  /** Criteria in tie-break order. */
  tieBreakers: Criterion[];
  notices: Bilingual[];
}

/**
 * The rubric's limits, in one place: the rubric check refuses what breaks them (with a message to
 * the coordinator) and the scoring form's request schema is built from the same numbers, so a
 * rubric that passes the check can always be scored.
 */
export const RUBRIC_LIMITS = {
  maxCriteria: 50,
  maxCodeLength: 20,
  /** A code is letters and digits, with `.`, `_` or `-` inside: it names a Penilaian column and a key in requests. */
  codePattern: /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/,
  maxWeight: 1000,
  /** Scale ends, so that no total overflows or loses its precision. */
  minScore: -1000,
  maxScore: 1000,
} as const;

/** Penilaian's own columns: a criterion code that reads like one of them would land in the wrong column. */
const RESERVED_CODES = new Set(Object.values(SCORE_HEADERS).map(matchKey));

export type RubricResult = { ok: true; rubric: Rubric } | { ok: false; problems: Bilingual[] };

function number(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function parseRubric(values: Grid | undefined): RubricResult {
  if (!values || values.length < 2) {
    return {
      ok: false,
      problems: [
        {
          id: 'Tab Kriteria kosong. Jalankan Siapkan lembar kerja untuk mengisi rubrik bawaan, atau tulis kriteria Anda.',
          en: 'The Kriteria tab is empty. Run "Set up the workbook" to get the default rubric, or write your own criteria.',
        },
      ],
    };
  }
  const map = matchHeaders(RUBRIC_TAB, values[0]);
  if (map.missing.length) {
    const names = map.missing.map((m) => m.header).join(', ');
    return {
      ok: false,
      problems: [
        {
          id: `Tab Kriteria tidak punya kolom ${names}. Tambahkan kolom itu di baris 1.`,
          en: `The Kriteria tab lacks the column(s) ${names}. Add them to row 1.`,
        },
      ],
    };
  }
  const problems: Bilingual[] = [];
  const raw: Array<Omit<Criterion, 'weight'> & { weight: number }> = [];
  const seen = new Map<string, { row: number; code: string }>();
  values.slice(1).forEach((row, i) => {
    const r = i + 2;
    if (row.every((c) => cellText(c) === '')) return;
    const get = rowRecord(map, r, row).text;
    const code = get('Kode');
    const weight = number(get('Bobot'));
    const min = number(get('Skor Min'));
    const max = number(get('Skor Maks'));
    const tie = number(get('Urutan Penentu'));
    const at = { id: `Tab Kriteria baris ${r}`, en: `Kriteria tab row ${r}` };
    const codeProblem = checkCode(code, seen);
    if (codeProblem) problems.push({ id: `${at.id}: ${codeProblem.id}`, en: `${at.en}: ${codeProblem.en}` });
    if (weight === undefined || weight < 0 || weight > RUBRIC_LIMITS.maxWeight) {
      problems.push({
        id: `${at.id}: Bobot harus angka 0 sampai ${RUBRIC_LIMITS.maxWeight}.`,
        en: `${at.en}: Bobot (weight) must be a number from 0 to ${RUBRIC_LIMITS.maxWeight}.`,
      });
    }
    if (
      min === undefined ||
      max === undefined ||
      !Number.isInteger(min) ||
      !Number.isInteger(max) ||
      max <= min ||
      min < RUBRIC_LIMITS.minScore ||
      max > RUBRIC_LIMITS.maxScore
    ) {
      problems.push({
        id: `${at.id}: Skor Min dan Skor Maks harus bilangan bulat antara ${RUBRIC_LIMITS.minScore} dan ${RUBRIC_LIMITS.maxScore}, dengan Skor Maks lebih besar (misalnya 1 dan 5).`,
        en: `${at.en}: Skor Min and Skor Maks must be whole numbers between ${RUBRIC_LIMITS.minScore} and ${RUBRIC_LIMITS.maxScore}, with Skor Maks larger (e.g. 1 and 5).`,
      });
    }
    if (code && !seen.has(matchKey(code))) seen.set(matchKey(code), { row: r, code });
    raw.push({
      code,
      name: get('Kriteria') || code,
      weight: weight ?? 0,
      min: min ?? 0,
      max: max ?? 0,
      guidance: get('Panduan'),
      tieBreak: tie !== undefined && tie > 0 ? tie : undefined,
    });
  });
  if (raw.length > RUBRIC_LIMITS.maxCriteria) {
    problems.push({
      id: `Tab Kriteria berisi ${raw.length} kriteria; paling banyak ${RUBRIC_LIMITS.maxCriteria}. Gabungkan atau hapus beberapa baris.`,
      en: `The Kriteria tab has ${raw.length} criteria; at most ${RUBRIC_LIMITS.maxCriteria} are allowed. Merge or delete some rows.`,
    });
  }
  const total = raw.reduce((sum, c) => sum + c.weight, 0);
  if (raw.length && total <= 0)
    problems.push({
      id: 'Tab Kriteria: jumlah Bobot 0. Beri bobot pada setidaknya satu kriteria.',
      en: 'Kriteria tab: the weights add up to 0. Give at least one criterion a weight.',
    });
  if (problems.length) return { ok: false, problems };
  const notices: Bilingual[] = [];
  if (Math.abs(total - 100) > 1e-9) {
    notices.push({
      id: `Jumlah Bobot di tab Kriteria ${total}, bukan 100; bobot disetarakan menjadi persentase.`,
      en: `The Kriteria weights add up to ${total}, not 100; they were scaled to percentages.`,
    });
  }
  const criteria = raw.map((c) => ({ ...c, weight: c.weight / total }));
  const tieBreakers = criteria
    .filter((c) => c.tieBreak !== undefined)
    .sort((a, b) => (a.tieBreak ?? 0) - (b.tieBreak ?? 0));
  return { ok: true, rubric: { criteria, tieBreakers, notices } };
}

/** What is wrong with a criterion code, if anything (blank, too long, odd characters, a Penilaian column, a code already used). */
function checkCode(code: string, seen: ReadonlyMap<string, { row: number; code: string }>): Bilingual | undefined {
  if (!code)
    return { id: 'Kode kosong. Isi kode singkat seperti K1.', en: 'Kode is empty. Write a short code such as K1.' };
  const shown = quote(code);
  if (code.length > RUBRIC_LIMITS.maxCodeLength) {
    return {
      id: `Kode ${shown} terlalu panjang (${code.length} karakter; paling banyak ${RUBRIC_LIMITS.maxCodeLength}). Pakai kode singkat seperti K1.`,
      en: `Kode ${shown} is too long (${code.length} characters; at most ${RUBRIC_LIMITS.maxCodeLength}). Use a short code such as K1.`,
    };
  }
  if (!RUBRIC_LIMITS.codePattern.test(code)) {
    return {
      id: `Kode ${shown} hanya boleh berisi huruf, angka, dan tanda . _ - di tengah (misalnya K1 atau KOM-1).`,
      en: `Kode ${shown} may contain only letters, digits, and . _ - inside (e.g. K1 or KOM-1).`,
    };
  }
  if (RESERVED_CODES.has(matchKey(code))) {
    return {
      id: `Kode ${shown} sama dengan nama kolom tab Penilaian. Pilih kode lain, misalnya K1.`,
      en: `Kode ${shown} is the name of a Penilaian column. Choose another code, such as K1.`,
    };
  }
  const earlier = seen.get(matchKey(code));
  if (earlier) {
    const same = earlier.code.toUpperCase() === code.toUpperCase();
    return same
      ? {
          id: `kode ${shown} sudah dipakai di baris ${earlier.row}. Setiap kriteria perlu kode sendiri.`,
          en: `code ${shown} is already used on row ${earlier.row}. Each criterion needs its own code.`,
        }
      : {
          id: `kode ${shown} terbaca sama dengan kode "${earlier.code}" di baris ${earlier.row} (huruf besar/kecil dan tanda baca tidak dibedakan). Setiap kriteria perlu kode yang jelas berbeda.`,
          en: `code ${shown} reads the same as code "${earlier.code}" on row ${earlier.row} (case and punctuation are ignored). Each criterion needs a clearly different code.`,
        };
  }
  return undefined;
}

/** A panelist's weighted total on the 0–100 scale. */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  return weightedTotalOf(criteria, (code) => scoreOf(scores, code) as number);
}
