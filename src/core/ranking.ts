/**
 * "Hitung skor & peringkat": from sealed panel scores to final scores, ranks and results.
 *  1. Each sealed, non-recused score row gives a panelist total (weighted rubric, 0–100).
 *  2. Per candidate, the totals are aggregated by the configured method (mean, trimmed mean, or
 *     per-panelist z-scores mapped back onto the pooled 0–100 distribution).
 *  3. Within each quota unit, MS candidates with enough scores and a final score at or above the
 *     pass mark are ordered (final score, then the tie-break chain); the first `quota` pass, the
 *     next `reserves` are reserves, the rest do not pass.
 * Every number it produces can be traced: per-criterion means, number of scores, spread, method,
 * the tie-break step used, and flags for anything unusual.
 */
import { dayNumber, parseDateCell } from './dates';
import { type RowRecord, matchHeaders, rowRecord } from './headers';
import type { Criterion, Rubric } from './rubric';
import { weightedTotal } from './rubric';
import { CANDIDATES_TAB, type CandidateHeader } from './schema';
import { type ScreenedScores, screenScores, screeningFlag } from './scoreScreen';
import { roundTotal } from './scale';
import { type ScoreRow, scoreOf } from './scores';
import type { Settings } from './settings';
import { formatNumber } from './text';
import type { Bilingual, CellValue, Grid } from './types';
import { type VillageIndex, findTargetVillage, unitKey } from './validation/villages';

export type SelectionResult = 'Lulus' | 'Cadangan' | 'Tidak Lulus' | 'Belum Lengkap' | 'TMS';

export interface RankedCandidate {
  sheetRow: number;
  id: string;
  record: RowRecord<CandidateHeader>;
  adminStatus: string;
  unit: { key: string; label: string; regency: string; quota: number };
  /** Sealed, non-recused panel totals (raw, 0–100) by panelist email. */
  totals: Array<{ email: string; total: number; adjusted: number }>;
  recusals: number;
  unsealed: number;
  criterionMeans: Record<string, number | undefined>;
  final: number | undefined;
  spread: number | undefined;
  rank: number | undefined;
  result: SelectionResult;
  tieBreak: Bilingual | undefined;
  flags: Bilingual[];
}

export interface RankingInput {
  candidates: Grid;
  scores: readonly ScoreRow[];
  /** Whether each score row's seal verifies (same order as `scores`). */
  sealed: readonly boolean[];
  rubric: Rubric;
  settings: Settings;
  villages: VillageIndex | undefined;
  offsetMinutes: number;
}

export interface PanelistFallback {
  email: string;
  count: number;
}

export interface Ranking {
  candidates: RankedCandidate[];
  /** Panelists whose raw totals were used under Skor-z (fewer than 5 scores or no spread). */
  fallbacks: PanelistFallback[];
  /** Penilaian rows that were not counted, by reason (see scoreScreen). */
  screening: {
    unsealed: number;
    /** Sheet rows of copies. */
    duplicates: number[];
    /** Rows scored before the rubric changed. */
    outdated: number;
    newCodes: string[];
    removedCodes: string[];
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

const Z_MIN_SCORES = 5;

/**
 * The `Kandidat` columns the ranking reads, and the tabs drawn from it (`Hasil Seleksi`, the final
 * announcement): a caller may read only these of a long tab (test/core/rankingColumns.test.ts
 * holds the ranking and both tabs to what the whole tab gives).
 */
export const RANKING_COLUMNS: readonly CandidateHeader[] = [
  'ID',
  'Nama Lengkap',
  'NIK',
  'Jenis Kelamin',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Tanggal Daftar',
  'Status Administrasi',
];

/**
 * Whether a `Kandidat` row is one the ranking lists: any of RANKING_COLUMNS but its ID holds
 * something (an ID alone is a left-over). `Status Administrasi` is among them, and validation gives
 * every row with content a status, so a validated row counts wherever its content is. Decided
 * from those columns alone, so a caller that reads only them lists the same rows.
 */
function isRanked(record: RowRecord<CandidateHeader>): boolean {
  return RANKING_COLUMNS.some((h) => h !== 'ID' && record.text(h) !== '');
}

export function rankCandidates(input: RankingInput): Ranking | { missing: string[] } {
  const map = matchHeaders(CANDIDATES_TAB, input.candidates[0] ?? []);
  if (map.missing.length) return { missing: map.missing.map((m) => m.header) };
  const { settings, rubric } = input;
  const records = input.candidates.slice(1).flatMap((row, i) => {
    const record = rowRecord(map, i + 2, row, undefined);
    return isRanked(record) ? [record] : [];
  });

  const screened = screenScores(input.scores, input.sealed, rubric);
  const byCandidate = new Map<string, { rows: ScoreRow[]; unsealed: number; flags: Bilingual[] }>();
  input.scores.forEach((row, i) => {
    const key = row.candidateId.toUpperCase();
    const entry = byCandidate.get(key) ?? { rows: [], unsealed: 0, flags: [] };
    const verdict = screened.verdicts[i];
    if (verdict.kind === 'counted') entry.rows.push(row);
    else if (verdict.kind === 'unsealed') entry.unsealed++;
    else entry.flags.push(screeningFlag(row, verdict) as Bilingual);
    byCandidate.set(key, entry);
  });

  const counted = (row: ScoreRow) => !row.recused;
  // Totals to two decimals, as stored in Penilaian: equal scores then give equal results, free of float noise.
  const rawTotal = (row: ScoreRow) => roundTotal(weightedTotal(rubric.criteria, row.scores as Record<string, number>));
  const adjust = zAdjuster(
    input.scores.filter((r, i) => screened.verdicts[i].kind === 'counted' && counted(r)),
    rawTotal,
    settings.aggregation === 'Skor-z',
  );

  const candidates = records.map((record): RankedCandidate => {
    const id = record.text('ID');
    const entry = byCandidate.get(id.toUpperCase()) ?? { rows: [], unsealed: 0, flags: [] };
    const rows = entry.rows.filter(counted);
    const totals = rows.map((r) => ({ email: r.email, total: rawTotal(r), adjusted: adjust.value(r, rawTotal(r)) }));
    const criterionMeans: Record<string, number | undefined> = {};
    for (const c of rubric.criteria)
      criterionMeans[c.code] = rows.length ? mean(rows.map((r) => scoreOf(r.scores, c.code) as number)) : undefined;
    const spread = totals.length
      ? Math.max(...totals.map((t) => t.total)) - Math.min(...totals.map((t) => t.total))
      : undefined;
    const complete = totals.length >= settings.minPanelists;
    const final = complete
      ? round1(
          aggregate(
            totals.map((t) => t.adjusted),
            settings.aggregation,
          ),
        )
      : undefined;
    const flags: Bilingual[] = [...entry.flags];
    if (entry.unsealed)
      flags.push({
        id: `${entry.unsealed} nilai diubah manual (segel tidak cocok), tidak dihitung sampai dikirim ulang`,
        en: `${entry.unsealed} score(s) edited by hand (seal mismatch), not counted until re-submitted`,
      });
    // Compared as shown (one decimal), so a spread that reads "20" is never flagged as above 20.
    if (spread !== undefined && totals.length >= 2 && round1(spread) > settings.spreadLimit)
      flags.push({
        id: `selisih penilai ${formatNumber(round1(spread), 'id')} > ${formatNumber(settings.spreadLimit, 'id')}`,
        en: `panel spread ${formatNumber(round1(spread), 'en')} > ${formatNumber(settings.spreadLimit, 'en')}`,
      });
    const adminStatus = record.text('Status Administrasi');
    if (adminStatus === '') flags.push({ id: 'belum divalidasi', en: 'not validated yet' });
    else if (adminStatus === 'Perlu Cek')
      flags.push({
        id: 'status administrasi Perlu Cek: selesaikan verifikasi',
        en: 'administrative status Perlu Cek: finish the verification',
      });
    return {
      sheetRow: record.sheetRow,
      id,
      record,
      adminStatus,
      unit: unitOf(record, settings, input.villages),
      totals,
      recusals: entry.rows.filter((r) => r.recused).length,
      unsealed: entry.unsealed,
      criterionMeans,
      final,
      spread,
      rank: undefined,
      result: adminStatus === 'TMS' ? 'TMS' : 'Belum Lengkap',
      tieBreak: undefined,
      flags,
    };
  });

  const units = new Map<string, RankedCandidate[]>();
  for (const c of candidates) {
    const list = units.get(c.unit.key);
    if (list) list.push(c);
    else units.set(c.unit.key, [c]);
  }
  for (const list of units.values()) {
    // One label per unit even when candidates spell their area differently.
    for (const c of list) c.unit = { ...c.unit, label: list[0].unit.label, regency: list[0].unit.regency };
    rankUnit(list, input);
  }
  return { candidates, fallbacks: adjust.fallbacks, screening: screeningSummary(input.scores, screened) };
}

/** What the results tab says about rows that were not counted: copies, and a rubric changed after scoring. */
function screeningSummary(rows: readonly ScoreRow[], screened: ScreenedScores): Ranking['screening'] {
  const verdicts = screened.verdicts;
  return {
    unsealed: verdicts.filter((v) => v.kind === 'unsealed').length,
    duplicates: rows.filter((_, i) => verdicts[i].kind === 'duplicate').map((r) => r.sheetRow),
    outdated: verdicts.filter((v) => v.kind === 'outdated').length,
    newCodes: screened.newCodes,
    removedCodes: screened.removedCodes,
  };
}

function aggregate(values: number[], method: Settings['aggregation']): number {
  if (method === 'Rata-rata terpangkas' && values.length >= 4) {
    const sorted = [...values].sort((a, b) => a - b);
    return mean(sorted.slice(1, -1));
  }
  return mean(values);
}

/**
 * Per-panelist z-scores mapped back onto the pooled distribution of all totals, so a lenient and a
 * strict panelist count alike. A panelist with fewer than 5 scores or no spread keeps raw totals.
 */
function zAdjuster(
  rows: ScoreRow[],
  rawTotal: (r: ScoreRow) => number,
  enabled: boolean,
): { value: (row: ScoreRow, total: number) => number; fallbacks: PanelistFallback[] } {
  if (!enabled || rows.length === 0) return { value: (_r, t) => t, fallbacks: [] };
  const all = rows.map(rawTotal);
  const poolMean = mean(all);
  const poolSd = sampleSd(all);
  const stats = new Map<string, { mean: number; sd: number; n: number }>();
  const byPanelist = new Map<string, number[]>();
  rows.forEach((r, i) => byPanelist.set(r.email, [...(byPanelist.get(r.email) ?? []), all[i]]));
  const fallbacks: PanelistFallback[] = [];
  for (const [email, totals] of byPanelist) {
    const s = { mean: mean(totals), sd: sampleSd(totals), n: totals.length };
    stats.set(email, s);
    if (s.n < Z_MIN_SCORES || s.sd === 0) fallbacks.push({ email, count: s.n });
  }
  return {
    value: (row, total) => {
      const s = stats.get(row.email);
      if (!s || s.n < Z_MIN_SCORES || s.sd === 0) return total;
      return Math.min(100, Math.max(0, poolMean + ((total - s.mean) / s.sd) * poolSd));
    },
    fallbacks,
  };
}

/**
 * The candidate's quota unit. Names come from the matching `Desa Sasaran` row when there is one, so
 * "Bone", "Kab. Bone" and "KABUPATEN BONE" make one unit with one label.
 */
function unitOf(
  record: RowRecord<CandidateHeader>,
  settings: Settings,
  villages: VillageIndex | undefined,
): RankedCandidate['unit'] {
  const target = villages
    ? findTargetVillage(
        villages,
        record.text('Desa/Kelurahan'),
        record.text('Kecamatan'),
        record.text('Kabupaten/Kota'),
      )
    : undefined;
  const village = target?.village || record.text('Desa/Kelurahan');
  const district = target?.district || record.text('Kecamatan');
  const regency = target?.regency || record.text('Kabupaten/Kota');
  if (settings.quotaUnit === 'Kabupaten/Kota')
    return { key: unitKey(regency), label: regency, regency, quota: settings.quotaPerUnit };
  if (settings.quotaUnit === 'Kecamatan')
    return {
      key: unitKey(regency, district),
      label: `${districtLabel(district)}, ${regency}`,
      regency,
      quota: settings.quotaPerUnit,
    };
  return {
    key: unitKey(regency, district, village),
    label: `${village}, ${districtLabel(district)}, ${regency}`,
    regency,
    quota: target?.quota ?? settings.quotaPerUnit,
  };
}

/** "Kec. Pelaihari", whether or not the name was typed with its prefix. */
function districtLabel(district: string): string {
  return /^kec(amatan)?\b\.?/i.test(district) ? district : `Kec. ${district}`;
}

interface TieStep {
  label: Bilingual;
  compare: (a: RankedCandidate, b: RankedCandidate) => number;
}

function tieChain(rubric: Rubric, offsetMinutes: number): TieStep[] {
  const criterionStep = (c: Criterion): TieStep => ({
    label: { id: `${c.code} (${c.name})`, en: `${c.code} (${c.name})` },
    compare: (a, b) => (b.criterionMeans[c.code] ?? -Infinity) - (a.criterionMeans[c.code] ?? -Infinity),
  });
  const cache = new Map<RankedCandidate, number | undefined>();
  const registered = (c: RankedCandidate): number | undefined => {
    if (!cache.has(c)) cache.set(c, registrationTime(c.record.value('Tanggal Daftar'), offsetMinutes));
    return cache.get(c);
  };
  return [
    ...rubric.tieBreakers.map(criterionStep),
    {
      label: { id: 'Tanggal Daftar lebih awal', en: 'earlier Tanggal Daftar' },
      compare: (a, b) => {
        const ta = registered(a);
        const tb = registered(b);
        return ta === undefined || tb === undefined ? 0 : ta - tb;
      },
    },
    {
      label: { id: 'ID', en: 'ID' },
      compare: (a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    },
  ];
}

/** Registration time in ms (date cells with their time), or the day for text dates. */
function registrationTime(value: CellValue, offsetMinutes: number): number | undefined {
  if (value instanceof Date) return isNaN(value.getTime()) ? undefined : value.getTime();
  const parsed = parseDateCell(value, offsetMinutes);
  return parsed.ok ? dayNumber(parsed.date) * 86_400_000 - offsetMinutes * 60_000 : undefined;
}

function rankUnit(list: RankedCandidate[], input: RankingInput): void {
  const { settings } = input;
  const ranked = list.filter((c) => c.adminStatus === 'MS' && c.final !== undefined);
  const chain = tieChain(input.rubric, input.offsetMinutes);
  const decide = (a: RankedCandidate, b: RankedCandidate): { order: number; step?: TieStep } => {
    const byScore = (b.final as number) - (a.final as number);
    if (byScore !== 0) return { order: byScore };
    for (const step of chain) {
      const order = step.compare(a, b);
      if (order !== 0) return { order, step };
    }
    return { order: 0 };
  };
  ranked.sort((a, b) => decide(a, b).order);
  let rank = 0;
  ranked.forEach((c, i) => {
    const previous = ranked[i - 1];
    const tie = previous ? decide(previous, c) : undefined;
    rank = tie && tie.order === 0 ? rank : i + 1;
    c.rank = rank;
    if (tie && previous.final === c.final) {
      const why: Bilingual = tie.step
        ? {
            id: `seri dengan ${previous.id}, diputus oleh ${tie.step.label.id}`,
            en: `tied with ${previous.id}, broken by ${tie.step.label.en}`,
          }
        : { id: `seri dengan ${previous.id} (tidak dapat diputus)`, en: `tied with ${previous.id} (cannot be broken)` };
      c.tieBreak = why;
      if (!tie.step)
        c.flags.push({ id: 'seri tak terputus: putuskan oleh panitia', en: 'unbroken tie: the committee must decide' });
    }
  });
  let passed = 0;
  let reserves = 0;
  for (const c of ranked) {
    if ((c.final as number) < settings.passMark) c.result = 'Tidak Lulus';
    else if (passed < c.unit.quota) {
      c.result = 'Lulus';
      passed++;
    } else if (reserves < settings.reserves) {
      c.result = 'Cadangan';
      reserves++;
    } else c.result = 'Tidak Lulus';
  }
}
