/**
 * The `Penilaian` tab: one row per (candidate, panelist), written only by the scoring form.
 * Each row carries a seal — an HMAC over its content with a secret kept in the document's
 * properties — so a row edited by hand is recognised and not counted until it is re-submitted.
 */
import { asText } from './cells';
import { roundTotal } from './scale';
import { SCORE_HEADERS } from './schema';
import { cellText, matchKey } from './text';
import type { CellValue, Grid } from './types';
import { parseYesNo } from './yesno';

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
  const header = (values?.[0] ?? []).map((c) => cellText(c));
  const columns = new Map<string, number>();
  const criteria = criterionCodes(values, header, codes);
  for (const name of scoreHeaders(criteria)) {
    const at = scoreColumn(header, name);
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
    const scores: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
    for (const code of criteria) scores[code] = numberOrUndefined(get(row, code));
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

/**
 * The rubric's codes plus any code a seal names (a criterion scored before the rubric changed),
 * each once: a sealed row is verified on what was sealed, whatever the rubric says today.
 */
function criterionCodes(values: Grid | undefined, header: readonly string[], codes: readonly string[]): string[] {
  const out = [...codes];
  const seen = new Set(codes.map(matchKey));
  const sealAt = scoreColumn(header, SCORE_HEADERS.seal);
  if (sealAt < 0) return out;
  for (const row of (values ?? []).slice(1)) {
    for (const code of sealedCodes(cellText(row[sealAt])) ?? []) {
      const key = matchKey(code);
      if (key && !seen.has(key)) {
        seen.add(key);
        out.push(code);
      }
    }
  }
  return out;
}

function numberOrUndefined(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = cellText(value);
  if (text === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Totals are stored to two decimals; the seal covers exactly what is stored. */

/** Whole seconds: what a sheet keeps of a time stamp, whatever the platform. */
export function stampSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Seals, version 2: `2|K1,K2,K3|<hmac>`. The seal names the criteria the panelist scored and
 * covers their codes and values (not the rubric's layout), so adding a criterion or reordering
 * the rubric's rows leaves every seal valid; only a change to the sealed cells breaks it.
 * Criterion codes never contain `|` or `,` (the rubric check refuses them).
 */
const SEAL_VERSION = '2';

function sealContent(row: Omit<ScoreRow, 'sheetRow' | 'seal'>, codes: readonly string[]): string {
  return JSON.stringify([
    SEAL_VERSION,
    row.time ? stampSeconds(row.time).toISOString() : '',
    row.candidateId.toUpperCase(),
    row.email.toLowerCase(),
    row.name,
    codes.map((c) => [c, scoreOf(row.scores, c) ?? '']),
    row.total === undefined ? '' : roundTotal(row.total),
    row.recused ? 'Ya' : 'Tidak',
    row.note,
    row.identity,
  ]);
}

/** The first release's seal: a bare HMAC over the rubric's codes in rubric order. Still verified, so no earlier score is lost. */
function legacySealContent(row: Omit<ScoreRow, 'sheetRow' | 'seal'>, codes: readonly string[]): string {
  return JSON.stringify([
    row.time ? stampSeconds(row.time).toISOString() : '',
    row.candidateId.toUpperCase(),
    row.email.toLowerCase(),
    row.name,
    codes.map((c) => scoreOf(row.scores, c) ?? ''),
    row.total === undefined ? '' : roundTotal(row.total),
    row.recused ? 'Ya' : 'Tidak',
    row.note,
    row.identity,
  ]);
}

export type Hmac = (message: string) => string;

/** The seal the add-on writes for a row scored on these criteria. */
export function sealRow(row: Omit<ScoreRow, 'sheetRow' | 'seal'>, codes: readonly string[], hmac: Hmac): string {
  return `${SEAL_VERSION}|${codes.join(',')}|${hmac(sealContent(row, codes))}`;
}

/** The criterion codes a version-2 seal covers; undefined for a legacy seal or text that is no seal. */
export function sealedCodes(seal: string): string[] | undefined {
  const parts = seal.split('|');
  if (parts.length !== 3 || parts[0] !== SEAL_VERSION) return undefined;
  return parts[1] === '' ? [] : parts[1].split(',');
}

/**
 * Whether the row is exactly as the scoring form wrote it. A version-2 seal is checked against
 * the criteria it names; a legacy seal against the rubric's codes (`legacyCodes`).
 */
export function isSealed(row: ScoreRow, hmac: Hmac, legacyCodes: readonly string[]): boolean {
  if (row.seal === '') return false;
  const codes = sealedCodes(row.seal);
  if (codes) return row.seal === sealRow(row, codes, hmac);
  return row.seal === hmac(legacySealContent(row, legacyCodes));
}

/** A score by criterion code, never an inherited property (a code such as "constructor" reads as unscored). */
export function scoreOf(scores: Readonly<Record<string, number | undefined>>, code: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(scores, code) ? scores[code] : undefined;
}

/** The 0-based column of a Penilaian header, matched the same forgiving way everywhere (reader and writer); -1 when absent. */
export function scoreColumn(header: readonly string[], name: string): number {
  const key = matchKey(name);
  return header.findIndex((h) => matchKey(h) === key);
}

/** The row as written by the add-on (values in header order; typed text kept as text). */
export function scoreRowValues(row: Omit<ScoreRow, 'sheetRow'>, codes: readonly string[]): CellValue[] {
  return [
    row.time ?? '',
    asText(row.candidateId),
    asText(row.email),
    asText(row.name),
    ...codes.map((c) => scoreOf(row.scores, c) ?? ''),
    row.total === undefined ? '' : roundTotal(row.total),
    row.recused ? 'Ya' : 'Tidak',
    asText(row.note),
    row.seal,
    row.identity,
  ];
}
