/** "Hitung skor & peringkat": read what the ranking uses once, rank in the core, write results in blocks. */
import { describeMissing, matchHeaders } from '../core/headers';
import { menuLabel } from '../core/menu';
import { RANKING_COLUMNS, type Ranking, rankCandidates } from '../core/ranking';
import { RESULTS_TAB, resultsReport } from '../core/resultsReport';
import { type Rubric, parseRubric } from '../core/rubric';
import { CANDIDATES_TAB, RUBRIC_TAB, SCORES_TAB, VILLAGES_TAB } from '../core/schema';
import { screeningNotices } from '../core/scoreScreen';
import { isSealed, parseScores } from '../core/scores';
import type { Bilingual, Grid } from '../core/types';
import { villageIndex } from '../core/validation/villages';
import type { ActionContext } from './action';
import { toast } from './action';
import { UserError } from './errors';
import { appendLog } from './log';
import { ensureOutputColumns, writeColumns } from './outputColumns';
import { renderLayout } from './render';
import { sealer } from './seal';
import { type SheetClock, loadSettings, sheetClock } from './settings';
import type { Settings } from '../core/settings';
import { madeStamp, readTab } from './workbook';
import { reportStamp } from '../core/freshness';
import { REPORT_TAB } from '../core/validation/report';
import { markReportsStale } from './freshness';
import { readSparseTab } from './sheetLookup';

const RESULT_COLUMNS = ['Skor Akhir', 'Peringkat', 'Hasil Seleksi'];

export interface RankingData {
  ranking: Ranking;
  rubric: Rubric;
  candidatesTab: { sheet: GoogleAppsScript.Spreadsheet.Sheet; values: Grid };
}

/** The tabs the ranking reads; a caller that has already read some of them passes them in. */
export interface RankingSources {
  candidatesTab?: ReturnType<typeof readTab>;
  villages?: Grid | undefined;
}

/**
 * `Kandidat` as the ranking sees it: every row, but only the columns it and its tabs read
 * (RANKING_COLUMNS; a third of the tab's cells in the contract's layout).
 */
function readRankingColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RankingData['candidatesTab'] | undefined {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (!sheet) return undefined;
  const values = readSparseTab(sheet, (header) => {
    const { index } = matchHeaders(CANDIDATES_TAB, header);
    return RANKING_COLUMNS.flatMap((h) => index.get(h) ?? []);
  });
  return { sheet, values };
}

/** Everything the ranking rests on, read once and ranked in the core (shared with the summaries). */
export function loadRanking(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  clock: SheetClock,
  sources: RankingSources = {},
): RankingData {
  const rubric = parseRubric(readTab(ss, RUBRIC_TAB.name)?.values);
  if (!rubric.ok)
    throw new UserError(
      joinProblems(
        {
          id: 'Rubrik di tab Kriteria perlu diperbaiki dulu; tidak ada yang diubah:',
          en: 'The rubric on the Kriteria tab needs fixing first; nothing was changed:',
        },
        rubric.problems,
      ),
    );
  const candidatesTab = 'candidatesTab' in sources ? sources.candidatesTab : readRankingColumns(ss);
  if (!candidatesTab || candidatesTab.values.length < 2)
    throw new UserError({
      id: 'Tab Kandidat kosong: belum ada yang dapat diberi peringkat.',
      en: 'The Kandidat tab is empty: there is nothing to rank.',
    });
  const codes = rubric.rubric.criteria.map((c) => c.code);
  const scores = parseScores(readTab(ss, SCORES_TAB)?.values, codes).rows;
  const seal = sealer(false);
  const sealed = scores.map((row) => isSealed(row, seal, codes));
  const villages = villageIndex('villages' in sources ? sources.villages : readTab(ss, VILLAGES_TAB.name)?.values);
  if (villages?.quotaProblems.length)
    throw new UserError(
      joinProblems(
        {
          id: 'Kuota di tab Desa Sasaran perlu diperbaiki dulu; tidak ada yang diubah:',
          en: 'The quotas on the Desa Sasaran tab need fixing first; nothing was changed:',
        },
        villages.quotaProblems.slice(0, 10),
      ),
    );
  const ranking = rankCandidates({
    candidates: candidatesTab.values,
    scores,
    sealed,
    rubric: rubric.rubric,
    settings,
    villages,
    offsetMinutes: clock.offsetMinutes,
  });
  // The one wording of a missing column, with its aliases and a "did you mean".
  if ('missing' in ranking)
    throw new UserError(
      describeMissing(CANDIDATES_TAB.name, matchHeaders(CANDIDATES_TAB, candidatesTab.values[0]).missing),
    );
  if (!ranking.candidates.some((c) => c.adminStatus !== '')) {
    throw new UserError({
      id: 'Kandidat belum divalidasi. Jalankan Validasi data kandidat dulu, lalu hitung lagi.',
      en: 'The candidates have not been validated. Run "Validate candidate data" first, then compute again.',
    });
  }
  return { ranking, rubric: rubric.rubric, candidatesTab };
}

export function computeRanking(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const { ranking, rubric, candidatesTab } = loadRanking(ss, settings, clock);
  toast(
    ctx,
    { id: 'Menghitung skor dan peringkat…', en: 'Computing scores and ranking…' },
    { id: 'Seleksi & FGD', en: 'Seleksi & FGD' },
  );
  writeCandidateColumns(candidatesTab.sheet, candidatesTab.values, ranking);
  // New results on Kandidat: the selection summary is out of date; validation reads none of them.
  markReportsStale(ss, CANDIDATES_TAB.name, [RESULTS_TAB, REPORT_TAB]);
  const notices = [...rubric.notices, ...screeningNotices(ranking.screening)];
  renderLayout(
    ss,
    RESULTS_TAB,
    resultsReport({
      ranking,
      rubric,
      settings,
      lang,
      stamp: reportStamp(madeStamp(ss, lang), RESULTS_TAB, lang),
      notices,
    }),
  );
  const summary = countResults(ranking);
  appendLog(ss, menuLabel('computeRanking', lang), `${summary}; ${settings.aggregation}`);
  toast(ctx, { id: summary, en: summary }, { id: 'Peringkat selesai', en: 'Ranking finished' });
}

function joinProblems(intro: Bilingual, problems: Bilingual[]): Bilingual {
  return {
    id: `${intro.id}\n${problems.map((p) => `• ${p.id}`).join('\n')}`,
    en: `${intro.en}\n${problems.map((p) => `• ${p.en}`).join('\n')}`,
  };
}

/** The three result columns of `Kandidat`, written as one block per column; other cells untouched. */
function writeCandidateColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, values: Grid, ranking: Ranking): void {
  const index = ensureOutputColumns(
    sheet,
    matchHeaders(CANDIDATES_TAB, values[0]).index,
    values[0].length,
    RESULT_COLUMNS,
  );
  const byRow = new Map(ranking.candidates.map((c) => [c.sheetRow, c]));
  const rows = values.length - 1;
  const column = (pickValue: (c: (typeof ranking.candidates)[number]) => string | number) =>
    Array.from({ length: rows }, (_, i) => {
      const c = byRow.get(i + 2);
      return c ? pickValue(c) : '';
    });
  writeColumns(sheet, 2, [
    { column: index.get('Skor Akhir') as number, values: column((c) => c.final ?? '') },
    { column: index.get('Peringkat') as number, values: column((c) => c.rank ?? '') },
    {
      column: index.get('Hasil Seleksi') as number,
      values: column((c) => (c.adminStatus === 'TMS' ? 'TMS' : c.result)),
    },
  ]);
  sheet.getRange(2, (index.get('Skor Akhir') as number) + 1, rows, 1).setNumberFormat('0.0');
}

/** The result names are the contract's, the same in both languages. */
function countResults(ranking: Ranking): string {
  const count = (r: string) => ranking.candidates.filter((c) => c.result === r).length;
  return `${count('Lulus')} Lulus, ${count('Cadangan')} Cadangan, ${count('Tidak Lulus')} Tidak Lulus, ${count('Belum Lengkap')} Belum Lengkap, ${count('TMS')} TMS`;
}
