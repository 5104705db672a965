/**
 * Demo panel scores: deterministic, plausible, with a lenient and a strict panelist in each
 * regency and the occasional recusal, so that the ranking, the z-score method and the agreement
 * statistics have something real to work on. Submitted through the same server function the
 * sidebar calls (submitScore), never written into the sheet directly.
 */
import { createRng } from './rng';

export interface DemoSubmission {
  user: string;
  request: { candidateId: string; scores: Record<string, number>; recused: boolean; note: string };
}

const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)));

/** Every candidate scored by each panelist of its region; panelist i has leniency (i − 1). */
export function demoSubmissions(
  candidates: ReadonlyArray<{ id: string }>,
  panelists: readonly string[],
  codes: readonly string[],
  seed = 20191127,
): DemoSubmission[] {
  const rng = createRng(seed, 'scores').next;
  const out: DemoSubmission[] = [];
  for (const candidate of candidates) {
    const quality = 1.5 + rng() * 3.5; // the candidate's "true" level on the 1–5 scale
    panelists.forEach((user, i) => {
      const recused = rng() < 0.02;
      const leniency = (i - 1) * 0.6;
      const scores = Object.fromEntries(codes.map((code) => [code, clamp(quality + leniency + (rng() - 0.5) * 1.6)]));
      out.push({
        user,
        request: {
          candidateId: candidate.id,
          scores: recused ? {} : scores,
          recused,
          note: recused ? 'Kerabat dekat; saya mundur dari penilaian kandidat ini.' : '',
        },
      });
    });
  }
  return out;
}
