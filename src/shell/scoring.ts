/**
 * The scoring sidebar's server side. Every call re-reads the panel, the candidates and the rubric
 * — the sidebar's view is never trusted — and answers only with the caller's own scores (blind
 * review). Submissions are written under the document lock, one sealed row per candidate and
 * panelist.
 */
import { type Panelist, coversRegion, parsePanel } from '../core/panel';
import { type Criterion, parseRubric, weightedTotal } from '../core/rubric';
import { placeNames } from '../core/placeNames';
import { CANDIDATES_TAB, PANEL_TAB, RUBRIC_TAB, SCORES_TAB, SCORE_HEADERS } from '../core/schema';
import { markReportsStale } from './freshness';
import {
  ContextRequest,
  type OwnScore,
  OwnScoreRequest,
  type ScoringContext,
  SubmitRequest,
  type SubmitResponse,
} from '../core/scoringApi';
import {
  BAD_REQUEST,
  NO_CANDIDATES,
  NO_RUBRIC,
  type ScoringCandidate,
  type Who,
  checkSubmission,
  eligibleCandidates,
  googleOnly,
  identify,
  ownScore,
  requestProblem,
} from '../core/scoringRules';
import {
  IDENTITY_GOOGLE,
  IDENTITY_SELF,
  type ScoreRow,
  parseScores,
  scoreColumn,
  scoreHeaders,
  scoreOf,
  scoreRowValues,
  sealRow,
  stampSeconds,
} from '../core/scores';
import { matchHeaders } from '../core/headers';
import { cellText } from '../core/text';
import { type Bilingual, type CellValue, type Lang, pick } from '../core/types';
import { fitCell } from '../core/cells';
import { languageOf, releaseQuietly } from './action';
import { PlainMessage } from './errors';
import { appendLog } from './log';
import { protectWarningOnly } from './protection';
import { drainPendingEdits } from './pendingEdits';
import { googleSignIns, rememberGoogleSignIn, sealer } from './seal';
import {
  activeSpreadsheet,
  activeUserEmail,
  appendRowOut,
  readTab,
  readTargetVillages,
  timeZoneOf,
  writeBlock,
} from './workbook';
import { type FoundRow, readColumn, readColumns, readHeader, rowsWith } from './sheetLookup';
import { cacheBatch, documentCache, getLarge, largeKeys, putLarge } from './documentCache';
import { tabVersion } from './tabVersions';
import { placeKey } from '../core/validation/villages';
import { scoreSummary, scoredKeys } from './scoredCache';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Who is calling, from the server's own view (core/scoringRules.ts decides); a panelist Google
 * identifies is remembered, so nobody can later claim their name without Google. `googleRows`
 * gives the emails of Penilaian rows written under a Google identity (the record of a sign-in
 * that predates the remembered ones); it is asked only when Google withholds the caller's email.
 */
function whoIsCalling(state: Basics, declaredEmail: string | undefined, googleRows: () => Set<string>): Who {
  const who = identify(state.panel, {
    googleEmail: activeUserEmail(),
    declaredEmail,
    googleKnown: () => new Set([...googleSignIns(), ...googleRows()]),
  });
  if (who.ok && !who.identity.selfDeclared) rememberGoogleSignIn(who.identity.panelist.email);
  return who;
}

/** The only Kandidat columns the form needs. */
const CANDIDATE_COLUMNS = [
  'ID',
  'Nama Lengkap',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Status Administrasi',
] as const;

/** Kandidat and its header, read once per call. */
interface CandidateTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  width: number;
  /** 0-based column of each header the form needs (undefined when the tab lacks it). */
  at: Array<number | undefined>;
}

function candidateTab(ss: Spreadsheet): CandidateTab | undefined {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (!sheet) return undefined;
  const header = readHeader(sheet);
  if (header.length === 0) return undefined;
  const map = matchHeaders(CANDIDATES_TAB, header);
  return { sheet, width: header.length, at: CANDIDATE_COLUMNS.map((h) => map.index.get(h)) };
}

function candidateOf(tab: CandidateTab, cell: (column: number) => CellValue): ScoringCandidate | undefined {
  const text = (i: number) => (tab.at[i] === undefined ? '' : cellText(cell(tab.at[i] as number)));
  const id = text(0);
  if (!id) return undefined;
  return { id, name: text(1), village: text(2), district: text(3), regency: text(4), status: text(5) };
}

/** The Kandidat rows holding this ID (normally one), found by Sheets' search: those rows read, not the tab. */
function candidatesWithId(ss: Spreadsheet, id: string): ScoringCandidate[] {
  const tab = candidateTab(ss);
  if (!tab || tab.at[0] === undefined) return [];
  return rowsWith(tab.sheet, tab.at[0] + 1, id, tab.width).flatMap(
    (found) => candidateOf(tab, (c) => found.values[c] ?? '') ?? [],
  );
}

/**
 * The candidates of the panelist's region. The regency column is read whole (that much every call
 * pays); the region's rows are then taken from the document cache when it holds them for exactly
 * these row positions and Kandidat is unchanged since (see tabVersions.ts), else read from the
 * region's first row to its last and cached. A sort, an inserted or deleted row moves the
 * positions; an edit, by hand or by the add-on, changes the version.
 */
function candidatesFor(ss: Spreadsheet, panelist: Panelist): ScoringCandidate[] {
  const tab = candidateTab(ss);
  const regencyAt = tab?.at[4];
  if (!tab || regencyAt === undefined) return [];
  const version = tabVersion(CANDIDATES_TAB.name);
  const lastRow = tab.sheet.getLastRow();
  const regencies = readColumn(tab.sheet, regencyAt + 1, 2, lastRow);
  const mine = regencies.flatMap((r, i) => (coversRegion(panelist, cellText(r)) ? [i] : []));
  if (mine.length === 0) return [];
  const cache = documentCache();
  const key = regionKey(panelist);
  const shape = `${version}|${lastRow}|${tab.at.join(',')}|${positionsHash(mine)}`;
  const hit = cache ? parseRegion(getLarge(cache, key), shape) : undefined;
  if (hit) return hit;
  const found = readRegionRows(tab, regencies, mine);
  if (cache) putLarge(cache, key, JSON.stringify({ shape, rows: found.map(candidateCells) }));
  return found;
}

/** The cache key of the region's rows. */
const regionKey = (panelist: Panelist) => `seleksi-fgd:region:${placeKey(panelist.region) || '*'}`;

/** The rows from the region's first candidate to its last: the form's columns only, neighbours read together. */
function readRegionRows(tab: CandidateTab, regencies: CellValue[], mine: number[]): ScoringCandidate[] {
  const first = mine[0] + 2;
  const last = mine[mine.length - 1] + 2;
  const regencyAt = tab.at[4];
  const wanted = tab.at.filter((at): at is number => at !== undefined && at !== regencyAt);
  const columns = readColumns(tab.sheet, wanted, first, last);
  if (regencyAt !== undefined) columns.set(regencyAt, regencies.slice(first - 2, last - 1));
  return mine.flatMap((i) => candidateOf(tab, (c) => columns.get(c)?.[i + 2 - first] ?? '') ?? []);
}

const candidateCells = (c: ScoringCandidate) => [c.id, c.name, c.village, c.district, c.regency, c.status];

function parseRegion(text: string | undefined, shape: string): ScoringCandidate[] | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as { shape: string; rows: string[][] };
    if (value.shape !== shape || !Array.isArray(value.rows)) return undefined;
    return value.rows.map(([id, name, village, district, regency, status]) => ({
      id,
      name,
      village,
      district,
      regency,
      status,
    }));
  } catch {
    return undefined;
  }
}

/** A 53-bit FNV-style hash of row positions: two different sets of rows practically never collide. */
function positionsHash(rows: readonly number[]): string {
  let h1 = 0x811c9dc5;
  let h2 = rows.length;
  for (const r of rows) {
    h1 = Math.imul(h1 ^ r, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (r * 2654435761), 0x5bd1e995) >>> 0;
  }
  return `${rows.length}:${h1.toString(36)}:${h2.toString(36)}`;
}

/** What every scoring call needs first: the panel, the rubric and the language (small tabs, read whole). */
interface Basics {
  ss: Spreadsheet;
  lang: Lang;
  panel: Panelist[];
  criteria: Criterion[];
}

/** `lang`, when the form says which language it shows, spares reading Pengaturan for it. */
function readBasics(ss: Spreadsheet = activeSpreadsheet(), lang?: Lang): Basics {
  const rubric = parseRubric(readTab(ss, RUBRIC_TAB.name)?.values);
  return {
    ss,
    lang: lang ?? languageOf(ss),
    panel: parsePanel(readTab(ss, PANEL_TAB.name)?.values),
    criteria: rubric.ok ? rubric.rubric.criteria : [],
  };
}

/** Penilaian and its last row (0 when the tab is missing). */
function scoresTab(ss: Spreadsheet): { sheet: GoogleAppsScript.Spreadsheet.Sheet | null; lastRow: number } {
  const sheet = ss.getSheetByName(SCORES_TAB);
  return { sheet, lastRow: sheet ? sheet.getLastRow() : 0 };
}

/** The language a request asks for, read leniently: a malformed request is still refused in its words. */
function requestedLang(request: unknown): Lang | undefined {
  const lang = (request as { lang?: unknown } | null)?.lang;
  return lang === 'id' || lang === 'en' ? lang : undefined;
}

/** RPC: everything the sidebar shows, for the caller only. */
export function scoringContext(request: unknown): ScoringContext {
  const input = ContextRequest.safeParse(request);
  const state = readBasics(activeSpreadsheet(), requestedLang(request));
  const base: ScoringContext = {
    lang: state.lang,
    timeZone: timeZoneOf(state.ss),
    status: 'refused',
    message: '',
    identity: null,
    choices: [],
    rubric: [],
    candidates: [],
  };
  if (!input.success) return { ...base, message: pick(BAD_REQUEST, state.lang) };
  if (state.criteria.length === 0) return { ...base, message: pick(NO_RUBRIC, state.lang) };
  const scores = scoresTab(state.ss);
  const summary = scoreSummary(scores.sheet, scores.lastRow);
  const who = whoIsCalling(state, input.data?.declaredEmail, () => summary.googleEmails());
  if (!who.ok)
    return { ...base, status: who.status, message: pick(who.message, state.lang), choices: who.choices.map(view) };
  const { panelist } = who.identity;
  // Both cached values this call may use (what the panelist scored, the region's rows) in one round trip each way.
  const cache = documentCache();
  const batch = cache && cacheBatch(cache, [...scoredKeys(panelist.email), ...largeKeys(regionKey(panelist))]);
  const scored = summary.idsOf(panelist.email);
  const candidates = eligibleCandidates(candidatesFor(state.ss, panelist), panelist);
  batch?.end();
  const places = placeNames(readTargetVillages(state.ss));
  return {
    ...base,
    status: 'ok',
    identity: { ...view(panelist), selfDeclared: who.identity.selfDeclared },
    rubric: state.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      min: c.min,
      max: c.max,
      weight: c.weight,
      guidance: c.guidance,
    })),
    candidates: candidates.map((c) => ({
      id: c.id,
      name: c.name,
      // The form filters by village: one spelling per place, or a panelist picking one misses the others.
      village: places.village(c.village, c.district, c.regency),
      district: places.district(c.district, c.regency),
      scored: scored.has(c.id.toUpperCase()),
      mine: null,
    })),
    message: candidates.length ? '' : pick(NO_CANDIDATES, state.lang),
  };
}

function view(p: Panelist): { email: string; name: string; region: string } {
  return { email: p.email, name: p.name, region: p.region };
}

export const LOCK_RETRY: Bilingual = {
  id: 'Penyimpanan tertunda karena penilai lain sedang menyimpan. Nilai Anda masih di formulir: tekan Simpan lagi.',
  en: 'Saving was held up because another panelist is saving. Your scores are still in the form: press Save again.',
};

function refuse(lang: Lang, field: string | null, message: Bilingual): SubmitResponse {
  return { ok: false, field, message: pick(message, lang) };
}

/** RPC: save one score, under the lock. Never trusts the sidebar's view of anything. */
export function submitScore(request: unknown): SubmitResponse {
  const ss = activeSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(LOCK_RETRY, requestedLang(request) ?? languageOf(ss)));
  try {
    // An edit queued while someone else held the lock is checked first: its status may change.
    drainPendingEdits(ss);
    return submitLocked(ss, request);
  } finally {
    releaseQuietly(lock);
  }
}

function submitLocked(ss: Spreadsheet, request: unknown): SubmitResponse {
  const state = readBasics(ss, requestedLang(request));
  const { lang } = state;
  const parsed = SubmitRequest.safeParse(request);
  if (!parsed.success) {
    const problem = requestProblem(parsed.error.issues);
    return refuse(lang, problem.field, problem.message);
  }
  const input = parsed.data;
  if (state.criteria.length === 0) return refuse(lang, null, NO_RUBRIC);
  const codes = state.criteria.map((c) => c.code);
  const place = scoreRowsOf(state.ss, codes, input.candidateId);
  const who = whoIsCalling(state, input.declaredEmail, () => place.googleEmails());
  if (!who.ok) return refuse(lang, null, who.message);
  const { panelist, selfDeclared } = who.identity;
  const check = checkSubmission(input, state.criteria, candidatesWithId(state.ss, input.candidateId), panelist);
  if (!check.ok) return refuse(lang, check.field, check.message);
  const { candidate, scores } = check;
  const row: Omit<ScoreRow, 'sheetRow'> = {
    time: stampSeconds(new Date()),
    candidateId: candidate.id,
    email: panelist.email,
    name: panelist.name,
    scores,
    total: input.recused ? undefined : weightedTotal(state.criteria, scores as Record<string, number>),
    recused: input.recused,
    note: fitCell(input.note.trim()),
    seal: '',
    identity: selfDeclared ? IDENTITY_SELF : IDENTITY_GOOGLE,
  };
  row.seal = sealRow(row, codes, sealer(true));
  const written = writeScoreRow(state, place, row, codes, selfDeclared);
  if (!written.ok) return refuse(lang, null, googleOnly(panelist));
  markReportsStale(state.ss, SCORES_TAB);
  return {
    ok: true,
    candidateId: candidate.id,
    savedAt: (row.time as Date).getTime(),
    replaced: written.replaced,
    mine: ownScore(row, state.criteria),
  };
}

/**
 * Penilaian's rows for one candidate (one per panelist who scored them), found by Sheets' search
 * and read row by row: what saving or editing a score needs, whatever the size of the tab.
 */
interface ScoreRows {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  header: string[];
  /** The row this panelist wrote for the candidate. */
  of(email: string): FoundScore | undefined;
  /** Emails whose row for the candidate was written under a Google identity. */
  googleEmails(): Set<string>;
}

/** A panelist's row for the candidate: what it says, its cells, and where it is (asked when needed). */
interface FoundScore {
  row: Omit<ScoreRow, 'sheetRow'>;
  found: FoundRow;
}

function scoreRowsOf(ss: Spreadsheet, codes: string[], candidateId: string): ScoreRows {
  const sheet = ss.getSheetByName(SCORES_TAB);
  const header = sheet ? readHeader(sheet) : [];
  const rows: FoundScore[] = [];
  if (sheet) {
    const idAt = scoreColumn(header, SCORE_HEADERS.candidate);
    const found = idAt < 0 ? [] : rowsWith(sheet, idAt + 1, candidateId, Math.max(header.length, 1));
    for (const line of found) {
      const row = parseScores([header, line.values], codes).rows[0];
      if (row) rows.push({ row, found: line });
    }
  }
  const of = (email: string) => rows.find((r) => r.row.email.toLowerCase() === email.toLowerCase());
  const googleEmails = () =>
    new Set(rows.filter((r) => r.row.identity === IDENTITY_GOOGLE).map((r) => r.row.email.toLowerCase()));
  return { sheet, header, of, googleEmails };
}

/** RPC: the caller's own earlier score for one candidate, to edit it (blind: never anyone else's). */
export function myScore(request: unknown): OwnScore | null {
  const state = readBasics();
  const input = OwnScoreRequest.safeParse(request);
  if (!input.success) throw new PlainMessage(pick(BAD_REQUEST, state.lang));
  const place = scoreRowsOf(
    state.ss,
    state.criteria.map((c) => c.code),
    input.data.candidateId,
  );
  const who = whoIsCalling(state, input.data.declaredEmail, () => place.googleEmails());
  if (!who.ok) throw new PlainMessage(pick(who.message, state.lang));
  const found = place.of(who.identity.panelist.email);
  // Blind review: a self-declared caller never sees a row written under a Google identity.
  if (!found || (who.identity.selfDeclared && found.row.identity !== IDENTITY_SELF)) return null;
  return ownScore(found.row, state.criteria);
}

/** Penilaian, created when the first score arrives, with its header completed when criteria were added. */
function scoreSheetReady(
  state: Basics,
  place: ScoreRows,
  codes: string[],
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; header: string[] } {
  const headers = scoreHeaders(codes);
  let sheet = place.sheet;
  const header = [...place.header];
  if (!sheet) {
    sheet = state.ss.insertSheet(SCORES_TAB);
    writeBlock(sheet, 1, 1, [headers]);
    sheet.setFrozenRows(1);
    protectWarningOnly(sheet);
    header.push(...headers);
  }
  const missing = headers.filter((h) => scoreColumn(header, h) < 0);
  if (missing.length) {
    writeBlock(sheet, 1, header.length + 1, [missing]);
    header.push(...missing);
  }
  return { sheet, header };
}

/**
 * Replace the panelist's row for this candidate, or append one; log what was replaced. A
 * self-declared caller may not replace a row written under a Google identity.
 */
function writeScoreRow(
  state: Basics,
  place: ScoreRows,
  row: Omit<ScoreRow, 'sheetRow'>,
  codes: string[],
  selfDeclared: boolean,
): { ok: true; replaced: boolean } | { ok: false } {
  const { ss, lang } = state;
  const previous = place.of(row.email);
  if (selfDeclared && previous && previous.row.identity !== IDENTITY_SELF) return { ok: false };
  const { sheet, header } = scoreSheetReady(state, place, codes);
  const ours = scoreRowValues(row, codes);
  const line = previous ? [...previous.found.values] : new Array<CellValue>(header.length).fill('');
  while (line.length < header.length) line.push('');
  scoreHeaders(codes).forEach((h, i) => (line[scoreColumn(header, h)] = ours[i]));
  if (previous) writeBlock(sheet, previous.found.row(), 1, [line]);
  else appendRowOut(sheet, line);
  const old = previous?.row;
  const detail = old
    ? `${row.candidateId} — ${row.email}: ${lang === 'en' ? 'replaced' : 'mengganti'} ${codes.map((c) => `${c}=${scoreOf(old.scores, c) ?? ''}`).join(', ')}, Total=${old.total ?? ''}, ${lang === 'en' ? 'conflict' : 'konflik'}=${old.recused ? 'Ya' : 'Tidak'}`
    : `${row.candidateId} — ${row.email}`;
  appendLog(ss, lang === 'en' ? 'Score submitted' : 'Penilaian dikirim', detail);
  return { ok: true, replaced: old !== undefined };
}
