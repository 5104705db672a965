/**
 * RANKING_COLUMNS is the whole of what the ranking, `Hasil Seleksi` and the final announcement
 * read of `Kandidat` (shell/ranking.ts reads only those columns of a long tab): with every other
 * column blanked they come out exactly as from the whole tab.
 */
import { Emulator } from '../../emulator';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { fillScores } from '../../scripts/demo-data/penilaian';
import { finalAnnouncementLayout } from '../../src/core/announcements';
import { hmacSealer } from '../../src/core/hmac';
import { matchHeaders } from '../../src/core/headers';
import { RANKING_COLUMNS, type Ranking, rankCandidates } from '../../src/core/ranking';
import { resultsReport } from '../../src/core/resultsReport';
import { parseRubric } from '../../src/core/rubric';
import { CANDIDATES_TAB } from '../../src/core/schema';
import { parseSettings } from '../../src/core/settings';
import { isSealed, parseScores } from '../../src/core/scores';
import type { Grid } from '../../src/core/types';
import { villageIndex } from '../../src/core/validation/villages';

const SECRET = 'ranking-columns-secret';
const OFFSET = 480;

function scoredDemo() {
  const { workbook } = loadDemoWorkbook({ candidates: 600 });
  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  emu.run('validateCandidates');
  fillScores(emu, workbook, SECRET);
  return workbook;
}

const workbook = scoredDemo();
const settings = parseSettings(workbook.sheet('Pengaturan')!.values(), OFFSET);
const rubric = parseRubric(workbook.sheet('Kriteria')!.values());
if (!settings.ok || !rubric.ok) throw new Error('demo settings or rubric invalid');
const codes = rubric.rubric.criteria.map((c) => c.code);
const scores = parseScores(workbook.sheet('Penilaian')!.values(), codes).rows;
const seal = hmacSealer(SECRET);
const whole = withSparseRows(workbook.sheet('Kandidat')!.values());

/**
 * The demo fills every row; two rows here keep their content only in columns the ranking does not
 * read: one validated (it has its status), one never validated (no status: the ranking lists it
 * from neither read).
 */
function withSparseRows(values: Grid): Grid {
  const out = values.map((row) => [...row]);
  const { index } = matchHeaders(CANDIDATES_TAB, out[0]);
  for (const [row, status] of [
    [5, true],
    [9, false],
  ] as const) {
    for (const h of RANKING_COLUMNS)
      if (h !== 'ID' && (h !== 'Status Administrasi' || !status)) out[row][index.get(h) as number] = '';
  }
  return out;
}

function rank(candidates: Grid): Ranking {
  const ranking = rankCandidates({
    candidates,
    scores,
    sealed: scores.map((r) => isSealed(r, seal, codes)),
    rubric: rubric.ok ? rubric.rubric : (undefined as never),
    settings: settings.ok ? settings.settings : (undefined as never),
    villages: villageIndex(workbook.sheet('Desa Sasaran')!.values()),
    offsetMinutes: OFFSET,
  });
  if ('missing' in ranking) throw new Error(`missing ${ranking.missing.join(', ')}`);
  return ranking;
}

/** The tab with every column but RANKING_COLUMNS blanked, as shell/ranking.ts reads it. */
function onlyRankingColumns(values: Grid): Grid {
  const { index } = matchHeaders(CANDIDATES_TAB, values[0]);
  const keep = new Set(RANKING_COLUMNS.map((h) => index.get(h)));
  return values.map((row, r) => (r === 0 ? row : row.map((v, c) => (keep.has(c) ? v : ''))));
}

describe('RANKING_COLUMNS', () => {
  const full = rank(whole);
  const sparse = rank(onlyRankingColumns(whole));

  it('leaves out columns the demo fills (so the comparison means something)', () => {
    const { index } = matchHeaders(CANDIDATES_TAB, whole[0]);
    expect(index.size - RANKING_COLUMNS.length).toBeGreaterThanOrEqual(10);
    expect(full.candidates.filter((c) => c.result === 'Lulus').length).toBeGreaterThan(10);
  });

  it('ranks every candidate as the whole tab does', () => {
    const decided = (r: Ranking) =>
      r.candidates.map((c) => ({ id: c.id, final: c.final, rank: c.rank, result: c.result, flags: c.flags }));
    expect(decided(sparse)).toEqual(decided(full));
    const listed = (row: number) => full.candidates.some((c) => c.id === whole[row][0]);
    expect([listed(5), listed(9)]).toEqual([true, false]);
  });

  it('draws Hasil Seleksi and the final announcement as the whole tab does', () => {
    const s = settings.ok ? settings.settings : (undefined as never);
    const r = rubric.ok ? rubric.rubric : (undefined as never);
    const report = (ranking: Ranking) =>
      resultsReport({ ranking, rubric: r, settings: s, lang: 'id', stamp: 'stamp', notices: [] }).values;
    expect(report(sparse)).toEqual(report(full));
    const date = { year: 2019, month: 12, day: 20 };
    for (const showScore of [true, false]) {
      const announce = (ranking: Ranking) =>
        finalAnnouncementLayout({
          candidates: ranking.candidates,
          settings: { ...s, showScoreInAnnouncement: showScore },
          lang: 'en',
          date,
        }).values;
      expect(announce(sparse)).toEqual(announce(full));
    }
  });
});
