/**
 * Penilaian as thousands of sidebar submissions would leave it, written straight into the
 * workbook (for the bench and the budget tests, which need big tabs without replaying every
 * submission as its own execution).
 */
import type { Emulator, Workbook } from '../../emulator';
import { hmacSealer } from '../../src/core/hmac';
import { parseRubric, weightedTotal } from '../../src/core/rubric';
import { type ScoreRow, scoreRowValues, sealRow } from '../../src/core/scores';
import { demoSubmissions } from './scoring';

/**
 * Three sealed panel scores for every MS candidate, written straight into Penilaian (sealed with a
 * known document secret): what thousands of sidebar submissions would leave behind, without
 * replaying them one execution at a time.
 */
export function fillScores(emu: Emulator, workbook: Workbook, secret: string): void {
  const rubric = parseRubric(workbook.sheet('Kriteria')!.values());
  if (!rubric.ok) throw new Error('demo rubric invalid');
  const codes = rubric.rubric.criteria.map((c) => c.code);
  const values = workbook.sheet('Kandidat')!.values();
  const idCol = values[0].indexOf('ID');
  const statusCol = values[0].indexOf('Status Administrasi');
  const ms = values
    .slice(1)
    .filter((r) => r[statusCol] === 'MS')
    .map((r) => ({ id: String(r[idCol]) }));
  const seal = hmacSealer(secret);
  emu.documentProperties.set('SELEKSI_FGD_SEAL_SECRET', secret);
  const time = new Date(Date.UTC(2019, 10, 27, 2));
  const rows = demoSubmissions(
    ms,
    ['panelis.a@example.go.id', 'panelis.b@example.go.id', 'panelis.c@example.go.id'],
    codes,
  ).map(({ user, request }) => {
    const row: Omit<ScoreRow, 'sheetRow'> = {
      time,
      candidateId: request.candidateId,
      email: user,
      name: user.split('@')[0],
      scores: request.scores,
      recused: request.recused,
      note: request.note,
      total: request.recused ? undefined : weightedTotal(rubric.rubric.criteria, request.scores),
      seal: '',
      identity: 'Google',
    };
    row.seal = sealRow(row, codes, seal);
    return scoreRowValues(row, codes);
  });
  workbook.sheet('Penilaian')!.setValues(2, 1, rows);
}
