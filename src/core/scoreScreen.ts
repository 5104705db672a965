/**
 * Which Penilaian rows count, and why the others do not. Before any score reaches the ranking
 * each row is screened once:
 *  - `unsealed`: its seal does not verify — a cell was edited by hand;
 *  - `duplicate`: another sealed row exists for the same candidate and panelist (a pasted copy);
 *    exactly one row per candidate × panelist counts: the latest `Waktu`, and on equal times the
 *    upper row (the original of a copy);
 *  - `outdated`: sealed and genuine, but scored before the rubric changed — a criterion added
 *    since, or a value outside a scale narrowed since. This is the coordinator's change, never
 *    reported as tampering; the panelist completes the score in the form;
 *  - `counted`: everything else (a recusal counts as a recusal).
 */
import type { Criterion, Rubric } from './rubric';
import { type ScoreRow, scoreOf, sealedCodes } from './scores';
import { matchKey } from './text';
import type { Bilingual } from './types';

export type Screening =
  | { kind: 'counted' }
  | { kind: 'unsealed' }
  | { kind: 'duplicate'; keptRow: number }
  | { kind: 'outdated'; newCodes: string[]; offScale: string[] };

export interface ScreenedScores {
  /** Same order as the rows given. */
  verdicts: Screening[];
  /** Criteria of today's rubric that some sealed row was scored without. */
  newCodes: string[];
  /** Criteria some sealed row was scored on that today's rubric no longer has (their values are ignored). */
  removedCodes: string[];
}

const keyOf = (row: ScoreRow) => `${row.candidateId.toUpperCase()}\u0000${row.email.toLowerCase()}`;

export function screenScores(rows: readonly ScoreRow[], sealed: readonly boolean[], rubric: Rubric): ScreenedScores {
  const kept = keptRows(rows, sealed);
  const rubricKeys = new Set(rubric.criteria.map((c) => matchKey(c.code)));
  const newCodes = new Set<string>();
  const removedCodes = new Set<string>();
  const verdicts = rows.map((row, i): Screening => {
    if (!sealed[i]) return { kind: 'unsealed' };
    const keep = kept.get(keyOf(row)) as number;
    if (keep !== i) return { kind: 'duplicate', keptRow: rows[keep].sheetRow };
    const scoredOn = sealedCodes(row.seal);
    if (scoredOn) for (const code of scoredOn) if (!rubricKeys.has(matchKey(code))) removedCodes.add(code);
    if (row.recused) return { kind: 'counted' };
    const scoredKeys = scoredOn ? new Set(scoredOn.map(matchKey)) : rubricKeys;
    const missing = rubric.criteria
      .filter((c) => !scoredKeys.has(matchKey(c.code)) || scoreOf(row.scores, c.code) === undefined)
      .map((c) => c.code);
    const offScale = rubric.criteria
      .filter((c) => !missing.includes(c.code) && !onScale(c, scoreOf(row.scores, c.code) as number))
      .map((c) => c.code);
    if (missing.length === 0 && offScale.length === 0) return { kind: 'counted' };
    for (const code of missing) newCodes.add(code);
    return { kind: 'outdated', newCodes: missing, offScale };
  });
  return { verdicts, newCodes: [...newCodes], removedCodes: [...removedCodes] };
}

function onScale(c: Criterion, value: number): boolean {
  return Number.isInteger(value) && value >= c.min && value <= c.max;
}

/** The one sealed row that counts for each candidate × panelist: the latest time, then the upper row. */
function keptRows(rows: readonly ScoreRow[], sealed: readonly boolean[]): Map<string, number> {
  const kept = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!sealed[i]) return;
    const key = keyOf(row);
    const current = kept.get(key);
    if (current === undefined || (row.time?.getTime() ?? 0) > (rows[current].time?.getTime() ?? 0)) kept.set(key, i);
  });
  return kept;
}

/** The per-candidate flag for a row that does not count. */
export function screeningFlag(row: ScoreRow, verdict: Screening): Bilingual | undefined {
  const who = row.name || row.email;
  if (verdict.kind === 'duplicate') {
    return {
      id: `baris Penilaian ${row.sheetRow} adalah salinan penilaian ${who} (yang dihitung baris ${verdict.keptRow}); hapus salinannya`,
      en: `Penilaian row ${row.sheetRow} is a copy of ${who}'s score (row ${verdict.keptRow} is counted); delete the copy`,
    };
  }
  if (verdict.kind === 'outdated') {
    const parts: Bilingual[] = [];
    if (verdict.newCodes.length)
      parts.push({
        id: `belum ada nilai untuk kriteria baru ${verdict.newCodes.join(', ')}`,
        en: `no score yet for the new criteria ${verdict.newCodes.join(', ')}`,
      });
    if (verdict.offScale.length)
      parts.push({
        id: `nilai ${verdict.offScale.join(', ')} di luar skala rubrik yang baru`,
        en: `the ${verdict.offScale.join(', ')} score is outside the new rubric scale`,
      });
    return {
      id: `rubrik berubah sesudah ${who} menilai: ${parts.map((p) => p.id).join('; ')}; belum dihitung sampai ${who} melengkapinya di formulir penilaian`,
      en: `the rubric changed after ${who} scored: ${parts.map((p) => p.en).join('; ')}; not counted until ${who} completes it in the scoring form`,
    };
  }
  return undefined;
}

/** The results tab's notices about rows that were not counted, one per reason. */
export function screeningNotices(s: {
  unsealed: number;
  duplicates: readonly number[];
  outdated: number;
  newCodes: readonly string[];
  removedCodes: readonly string[];
}): Bilingual[] {
  const notices: Bilingual[] = [];
  if (s.unsealed) {
    notices.push({
      id: `${s.unsealed} baris Penilaian tidak cocok dengan segelnya (diubah manual) dan tidak dihitung sampai penilainya mengirim ulang.`,
      en: `${s.unsealed} Penilaian row(s) do not match their seal (edited by hand) and are not counted until the panelist re-submits.`,
    });
  }
  if (s.duplicates.length) {
    const rows = s.duplicates.join(', ');
    notices.push({
      id: `Baris Penilaian ${rows} adalah salinan penilaian yang sudah ada (kandidat dan penilai yang sama). Setiap penilai dihitung sekali per kandidat — baris dengan Waktu terbaru; hapus salinannya.`,
      en: `Penilaian row(s) ${rows} copy a score that is already there (same candidate and panelist). Each panelist counts once per candidate — the row with the latest Waktu; delete the copies.`,
    });
  }
  if (s.newCodes.length) {
    notices.push({
      id: `Rubrik di tab Kriteria berubah sesudah penilaian dimulai: kriteria baru ${s.newCodes.join(', ')}. ${s.outdated} baris Penilaian belum punya nilai untuk kriteria itu; baris tersebut tetap sah tetapi belum dihitung, sehingga kandidatnya bisa "Belum Lengkap". Penilai melengkapinya dengan membuka kandidat itu lagi di formulir penilaian. Ini bukan pengubahan manual.`,
      en: `The rubric on the Kriteria tab changed after scoring began: new criteria ${s.newCodes.join(', ')}. ${s.outdated} Penilaian row(s) have no score for them yet; those rows are still genuine but not counted, so their candidates may be "Belum Lengkap". The panelists complete them by reopening the candidate in the scoring form. This is not a hand edit.`,
    });
  } else if (s.outdated) {
    notices.push({
      id: `Skala rubrik di tab Kriteria berubah sesudah penilaian: ${s.outdated} baris Penilaian punya nilai di luar skala baru dan belum dihitung sampai penilainya mengirim ulang. Ini bukan pengubahan manual.`,
      en: `A scale on the Kriteria tab changed after scoring: ${s.outdated} Penilaian row(s) have scores outside the new scale and are not counted until their panelists re-submit. This is not a hand edit.`,
    });
  }
  if (s.removedCodes.length) {
    notices.push({
      id: `Kriteria ${s.removedCodes.join(', ')} tidak ada lagi di tab Kriteria; nilainya di Penilaian disimpan tetapi tidak dipakai dalam skor.`,
      en: `Criteria ${s.removedCodes.join(', ')} are no longer on the Kriteria tab; their scores stay on Penilaian but are not used in the total.`,
    });
  }
  return notices;
}
