/**
 * The `Penilaian` tab: one row per (candidate, panelist), written only by the scoring form.
 * Each row carries a seal — an HMAC over its content with a secret kept in the document's
 * properties — so a row edited by hand is recognised and not counted until it is re-submitted.
 */
import { asText } from './cells';
import { cellText } from './text';
import type { CellValue, Grid } from './types';
import { matchKey } from './text';
import { parseYesNo } from './yesno';

/** Leading, per-criterion and trailing columns, and the add-on's own extra column. */
export const SCORE_HEADERS = {
  time: 'Waktu',
  candidate: 'ID Kandidat',
  email: 'Email Penilai',
  name: 'Nama Penilai',
  total: 'Total',
  recused: 'Konflik Kepentingan',
  note: 'Catatan',
  seal: 'Segel',
  /** How the panelist was identified: by Google ("Google") or by choosing their name ("Dipilih sendiri"). */
  identity: 'Identitas',
} as const;

export const IDENTITY_GOOGLE = 'Google';
export const IDENTITY_SELF = 'Dipilih sendiri';

export interface ScoreRow {
  sheetRow: number;
  time: Date | undefined;
  candidateId: string;
  email: string;
  name: string;
  /** Per criterion code; undefined when blank or not a number. */
  scores: Record<string, number | undefined>;
  total: number | undefined;
  recused: boolean;
  note: string;
  seal: string;
  identity: string;
}

/** The header row the add-on writes for a rubric. */
export function scoreHeaders(codes: readonly string[]): string[] {
  const h = SCORE_HEADERS;
  return [h.time, h.candidate, h.email, h.name, ...codes, h.total, h.recused, h.note, h.seal, h.identity];
}

export interface ScoreSheet {
  rows: ScoreRow[];
  /** 0-based column per header as found on the sheet. */
  columns: Map<string, number>;
}

export function parseScores(values: Grid | undefined, codes: readonly string[]): ScoreSheet {
  const header = (values?.[0] ?? []).map((c) => matchKey(cellText(c)));
  const columns = new Map<string, number>();
  for (const name of scoreHeaders(codes)) {
    const at = header.indexOf(matchKey(name));
    if (at >= 0) columns.set(name, at);
  }
  const get = (row: readonly CellValue[], name: string): CellValue => {
    const i = columns.get(name);
    return i === undefined ? '' : (row[i] ?? '');
  };
  const rows: ScoreRow[] = [];
  (values ?? []).slice(1).forEach((row, i) => {
    const candidateId = cellText(get(row, SCORE_HEADERS.candidate));
    const email = cellText(get(row, SCORE_HEADERS.email)).toLowerCase();
    if (!candidateId && !email) return;
    const time = get(row, SCORE_HEADERS.time);
    const scores: Record<string, number | undefined> = {};
    for (const code of codes) scores[code] = numberOrUndefined(get(row, code));
    rows.push({
      sheetRow: i + 2,
      time: time instanceof Date ? time : undefined,
      candidateId,
      email,
      name: cellText(get(row, SCORE_HEADERS.name)),
      scores,
      total: numberOrUndefined(get(row, SCORE_HEADERS.total)),
      recused: parseYesNo(get(row, SCORE_HEADERS.recused)) === true,
      note: cellText(get(row, SCORE_HEADERS.note)),
      seal: cellText(get(row, SCORE_HEADERS.seal)),
      identity: cellText(get(row, SCORE_HEADERS.identity)),
    });
  });
  return { rows, columns };
}

function numberOrUndefined(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = cellText(value);
  if (text === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Totals are stored to two decimals; the seal covers exactly what is stored. */
export function roundTotal(total: number): number {
  return Math.round(total * 100) / 100;
}

/** Whole seconds: what a sheet keeps of a time stamp, whatever the platform. */
export function stampSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The sealed content of a row, in a fixed order. Any hand edit of these cells breaks the seal. */
export function sealContent(row: Omit<ScoreRow, 'sheetRow' | 'seal'>, codes: readonly string[]): string {
  return JSON.stringify([
    row.time ? stampSeconds(row.time).toISOString() : '',
    row.candidateId.toUpperCase(),
    row.email.toLowerCase(),
    row.name,
    codes.map((c) => (row.scores[c] === undefined ? '' : row.scores[c])),
    row.total === undefined ? '' : roundTotal(row.total),
    row.recused ? 'Ya' : 'Tidak',
    row.note,
    row.identity,
  ]);
}

export type Hmac = (message: string) => string;

export function isSealed(row: ScoreRow, codes: readonly string[], hmac: Hmac): boolean {
  return row.seal !== '' && row.seal === hmac(sealContent(row, codes));
}

/** The row as written by the add-on (values in header order; typed text kept as text). */
export function scoreRowValues(row: Omit<ScoreRow, 'sheetRow'>, codes: readonly string[]): CellValue[] {
  return [
    row.time ?? '',
    asText(row.candidateId),
    asText(row.email),
    asText(row.name),
    ...codes.map((c) => row.scores[c] ?? ''),
    row.total === undefined ? '' : roundTotal(row.total),
    row.recused ? 'Ya' : 'Tidak',
    asText(row.note),
    row.seal,
    row.identity,
  ];
}
