/**
 * The rubric (`Kriteria`): criteria with weights, scales, guidance and the tie-break order.
 * Weights that do not add up to 100 are normalised (and the run says so); anything that would
 * make a score meaningless — no code, a duplicate code, a scale without room — stops the action.
 */
import { matchHeaders, rowRecord } from './headers';
import { RUBRIC_TAB } from './schema';
import { cellText } from './text';
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

export type RubricResult = { ok: true; rubric: Rubric } | { ok: false; problems: Bilingual[] };

function number(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function parseRubric(values: Grid | undefined): RubricResult {
  if (!values || values.length < 2) {
    return { ok: false, problems: [{ id: 'Tab Kriteria kosong. Jalankan Siapkan lembar kerja untuk mengisi rubrik bawaan, atau tulis kriteria Anda.', en: 'The Kriteria tab is empty. Run "Set up the workbook" to get the default rubric, or write your own criteria.' }] };
  }
  const map = matchHeaders(RUBRIC_TAB, values[0]);
  if (map.missing.length) {
    const names = map.missing.map((m) => m.header).join(', ');
    return { ok: false, problems: [{ id: `Tab Kriteria tidak punya kolom ${names}. Tambahkan kolom itu di baris 1.`, en: `The Kriteria tab lacks the column(s) ${names}. Add them to row 1.` }] };
  }
  const problems: Bilingual[] = [];
  const raw: Array<Omit<Criterion, 'weight'> & { weight: number }> = [];
  const seen = new Map<string, number>();
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
    if (!code) problems.push({ id: `${at.id}: Kode kosong. Isi kode singkat seperti K1.`, en: `${at.en}: Kode is empty. Write a short code such as K1.` });
    else if (seen.has(code.toUpperCase())) problems.push({ id: `${at.id}: kode ${code} sudah dipakai di baris ${seen.get(code.toUpperCase())}. Setiap kriteria perlu kode sendiri.`, en: `${at.en}: code ${code} is already used on row ${seen.get(code.toUpperCase())}. Each criterion needs its own code.` });
    if (weight === undefined || weight < 0) problems.push({ id: `${at.id}: Bobot harus angka 0 atau lebih.`, en: `${at.en}: Bobot (weight) must be a number of 0 or more.` });
    if (min === undefined || max === undefined || !Number.isInteger(min) || !Number.isInteger(max) || max <= min) {
      problems.push({ id: `${at.id}: Skor Min dan Skor Maks harus bilangan bulat dengan Skor Maks lebih besar (misalnya 1 dan 5).`, en: `${at.en}: Skor Min and Skor Maks must be whole numbers with Skor Maks larger (e.g. 1 and 5).` });
    }
    if (code) seen.set(code.toUpperCase(), r);
    raw.push({ code, name: get('Kriteria') || code, weight: weight ?? 0, min: min ?? 0, max: max ?? 0, guidance: get('Panduan'), tieBreak: tie !== undefined && tie > 0 ? tie : undefined });
  });
  const total = raw.reduce((sum, c) => sum + c.weight, 0);
  if (raw.length && total <= 0) problems.push({ id: 'Tab Kriteria: jumlah Bobot 0. Beri bobot pada setidaknya satu kriteria.', en: 'Kriteria tab: the weights add up to 0. Give at least one criterion a weight.' });
  if (problems.length) return { ok: false, problems };
  const notices: Bilingual[] = [];
  if (Math.abs(total - 100) > 1e-9) {
    notices.push({ id: `Jumlah Bobot di tab Kriteria ${total}, bukan 100; bobot disetarakan menjadi persentase.`, en: `The Kriteria weights add up to ${total}, not 100; they were scaled to percentages.` });
  }
  const criteria = raw.map((c) => ({ ...c, weight: c.weight / total }));
  const tieBreakers = criteria.filter((c) => c.tieBreak !== undefined).sort((a, b) => (a.tieBreak ?? 0) - (b.tieBreak ?? 0));
  return { ok: true, rubric: { criteria, tieBreakers, notices } };
}

/** A panelist's weighted total on the 0–100 scale. */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const c of criteria) total += c.weight * ((scores[c.code] - c.min) / (c.max - c.min));
  return total * 100;
}
