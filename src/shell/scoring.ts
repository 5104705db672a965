/**
 * The scoring sidebar's server side. Every call re-reads the panel, the candidates and the rubric
 * — the sidebar's view is never trusted — and answers only with the caller's own scores (blind
 * review). Submissions are written under the document lock, one sealed row per candidate and
 * panelist.
 */
import { type Panelist, parsePanel } from '../core/panel';
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
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import { fitCell } from '../core/cells';
import { languageOf, releaseQuietly } from './action';
import { PlainMessage } from './errors';
import { appendLog } from './log';
import { protectWarningOnly } from './protection';
import { drainPendingEdits } from './pendingEdits';
import { googleSignIns, rememberGoogleSignIn, sealer } from './seal';
import { activeSpreadsheet, activeUserEmail, readTab, readTargetVillages, writeBlock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Who is calling, from the server's own view (core/scoringRules.ts decides); a panelist Google
 * identifies is remembered, so nobody can later claim their name without Google.
 */
function whoIsCalling(state: ScoringState, declaredEmail: string | undefined): Who {
  const who = identify(state.panel, {
    googleEmail: activeUserEmail(),
    declaredEmail,
    googleKnown: () => googleIdentified(state),
  });
  if (who.ok && !who.identity.selfDeclared) rememberGoogleSignIn(who.identity.panelist.email);
  return who;
}

/** Panelists known to Google: remembered at their sign-in, or found on a row of Penilaian written under their Google identity. */
function googleIdentified(state: ScoringState): Set<string> {
  const known = googleSignIns();
  const keys = state.scoreKeys;
  if (keys) keys.emails.forEach((email, i) => keys.identities[i] === IDENTITY_GOOGLE && known.add(email));
  return known;
}

/** The only Kandidat columns the form needs; reading just these keeps each call light on big tabs. */
const CANDIDATE_COLUMNS = [
  'ID',
  'Nama Lengkap',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Status Administrasi',
] as const;

/** Candidates with an ID, read column by column (a fixed number of calls, whatever the number of rows). */
function readCandidates(ss: Spreadsheet): ScoringCandidate[] {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (!sheet) return [];
  const rows = sheet.getLastRow() - 1;
  const width = sheet.getLastColumn();
  if (rows < 1 || width < 1) return [];
  const map = matchHeaders(CANDIDATES_TAB, sheet.getRange(1, 1, 1, width).getValues()[0] as Grid[number]);
  const columns = CANDIDATE_COLUMNS.map((header) => {
    const at = map.index.get(header);
    return at === undefined ? undefined : (sheet.getRange(2, at + 1, rows, 1).getValues() as Grid);
  });
  const text = (column: number, row: number) => cellText(columns[column]?.[row][0] ?? '');
  const out: ScoringCandidate[] = [];
  for (let r = 0; r < rows; r++) {
    const id = text(0, r);
    if (id)
      out.push({
        id,
        name: text(1, r),
        village: text(2, r),
        district: text(3, r),
        regency: text(4, r),
        status: text(5, r),
      });
  }
  return out;
}

interface ScoringState {
  ss: Spreadsheet;
  lang: Lang;
  panel: Panelist[];
  criteria: Criterion[];
  candidates: ScoringCandidate[];
  /** Penilaian's key columns; undefined until the first score creates the tab. */
  scoreKeys: ScoreKeys | undefined;
}

function readState(): ScoringState {
  const ss = activeSpreadsheet();
  const rubric = parseRubric(readTab(ss, RUBRIC_TAB.name)?.values);
  const scores = ss.getSheetByName(SCORES_TAB);
  return {
    ss,
    lang: languageOf(ss),
    panel: parsePanel(readTab(ss, PANEL_TAB.name)?.values),
    criteria: rubric.ok ? rubric.rubric.criteria : [],
    candidates: readCandidates(ss),
    scoreKeys: scores ? readScoreKeys(scores) : undefined,
  };
}

/** RPC: everything the sidebar shows, for the caller only. */
export function scoringContext(request: unknown): ScoringContext {
  const input = ContextRequest.safeParse(request);
  const state = readState();
  const base: ScoringContext = {
    lang: state.lang,
    status: 'refused',
    message: '',
    identity: null,
    choices: [],
    rubric: [],
    candidates: [],
  };
  if (!input.success) return { ...base, message: pick(BAD_REQUEST, state.lang) };
  if (state.criteria.length === 0) return { ...base, message: pick(NO_RUBRIC, state.lang) };
  const who = whoIsCalling(state, input.data?.declaredEmail);
  if (!who.ok)
    return { ...base, status: who.status, message: pick(who.message, state.lang), choices: who.choices.map(view) };
  const { panelist } = who.identity;
  const scored = scoredBy(state.scoreKeys, panelist.email);
  const candidates = eligibleCandidates(state.candidates, panelist);
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
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(LOCK_RETRY, languageOf(activeSpreadsheet())));
  try {
    // An edit queued while someone else held the lock is checked first: its status may change.
    drainPendingEdits(activeSpreadsheet());
    return submitLocked(request);
  } finally {
    releaseQuietly(lock);
  }
}

function submitLocked(request: unknown): SubmitResponse {
  const state = readState();
  const { lang } = state;
  const parsed = SubmitRequest.safeParse(request);
  if (!parsed.success) {
    const problem = requestProblem(parsed.error.issues);
    return refuse(lang, problem.field, problem.message);
  }
  const input = parsed.data;
  if (state.criteria.length === 0) return refuse(lang, null, NO_RUBRIC);
  const who = whoIsCalling(state, input.declaredEmail);
  if (!who.ok) return refuse(lang, null, who.message);
  const { panelist, selfDeclared } = who.identity;
  const check = checkSubmission(input, state.criteria, state.candidates, panelist);
  if (!check.ok) return refuse(lang, check.field, check.message);
  const { candidate, scores } = check;
  const codes = state.criteria.map((c) => c.code);
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
  const written = writeScoreRow(state, row, codes, selfDeclared);
  if (!written.ok) return refuse(lang, null, googleOnly(panelist));
  const replaced = written.replaced;
  markReportsStale(state.ss, SCORES_TAB);
  // "Tersimpan pukul 07.08": a time after "pukul", written the Indonesian way (07:08 in English).
  const when = Utilities.formatDate(
    row.time as Date,
    state.ss.getSpreadsheetTimeZone(),
    lang === 'en' ? 'HH:mm' : 'HH.mm',
  );
  return { ok: true, candidateId: candidate.id, savedAt: when, replaced, mine: ownScore(row, state.criteria) };
}

/** Penilaian's header and its key columns (candidate ID, panelist email, identity), read in a fixed number of calls. */
interface ScoreKeys {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
  ids: string[];
  emails: string[];
  identities: string[];
}

function readScoreKeys(sheet: GoogleAppsScript.Spreadsheet.Sheet): ScoreKeys {
  const width = Math.max(sheet.getLastColumn(), 1);
  const lastRow = sheet.getLastRow();
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] as Grid[number]).map((c) => cellText(c));
  while (header.length && header[header.length - 1] === '') header.pop();
  const column = (name: string) => {
    const at = scoreColumn(header, name);
    if (at < 0 || lastRow < 2) return [];
    return (sheet.getRange(2, at + 1, lastRow - 1, 1).getValues() as Grid).map((r) => cellText(r[0]));
  };
  return {
    sheet,
    header,
    ids: column(SCORE_HEADERS.candidate).map((id) => id.toUpperCase()),
    emails: column(SCORE_HEADERS.email).map((e) => e.toLowerCase()),
    identities: column(SCORE_HEADERS.identity),
  };
}

/** Candidate IDs (upper case) the panelist has a row for. */
function scoredBy(keys: ScoreKeys | undefined, email: string): Set<string> {
  return keys ? new Set(keys.ids.filter((_, i) => keys.emails[i] === email)) : new Set();
}

/** The panelist's earlier row for this candidate: its position and values. */
function findScoreRow(
  keys: ScoreKeys,
  codes: string[],
  candidateId: string,
  email: string,
): { row: ScoreRow; values: CellValue[] } | undefined {
  const at = keys.ids.findIndex((id, i) => id === candidateId.toUpperCase() && keys.emails[i] === email);
  if (at < 0) return undefined;
  const values = keys.sheet.getRange(at + 2, 1, 1, keys.header.length).getValues()[0] as Grid[number];
  const row = parseScores([keys.header, values], codes).rows[0];
  return row ? { row: { ...row, sheetRow: at + 2 }, values } : undefined;
}

/** RPC: the caller's own earlier score for one candidate, to edit it (blind: never anyone else's). */
export function myScore(request: unknown): OwnScore | null {
  const state = readState();
  const input = OwnScoreRequest.safeParse(request);
  if (!input.success) throw new PlainMessage(pick(BAD_REQUEST, state.lang));
  const who = whoIsCalling(state, input.data.declaredEmail);
  if (!who.ok) throw new PlainMessage(pick(who.message, state.lang));
  if (!state.scoreKeys) return null;
  const found = findScoreRow(
    state.scoreKeys,
    state.criteria.map((c) => c.code),
    input.data.candidateId,
    who.identity.panelist.email,
  );
  // Blind review: a self-declared caller never sees a row written under a Google identity.
  if (!found || (who.identity.selfDeclared && found.row.identity !== IDENTITY_SELF)) return null;
  return ownScore(found.row, state.criteria);
}

/**
 * Where this (candidate, panelist) row goes, with Penilaian created or its header completed first.
 * Only the key columns are read, then the one earlier row, so a submission stays light however
 * many scores the tab holds.
 */
function locateScoreRow(
  state: ScoringState,
  codes: string[],
  candidateId: string,
  email: string,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; header: string[]; previous?: { row: ScoreRow; values: CellValue[] } } {
  const headers = scoreHeaders(codes);
  let keys = state.scoreKeys;
  if (!keys) {
    const sheet = state.ss.insertSheet(SCORES_TAB);
    writeBlock(sheet, 1, 1, [headers]);
    sheet.setFrozenRows(1);
    protectWarningOnly(sheet);
    keys = { sheet, header: [...headers], ids: [], emails: [], identities: [] };
  }
  const missing = headers.filter((h) => scoreColumn(keys.header, h) < 0);
  if (missing.length) {
    writeBlock(keys.sheet, 1, keys.header.length + 1, [missing]);
    keys.header.push(...missing);
  }
  return { sheet: keys.sheet, header: keys.header, previous: findScoreRow(keys, codes, candidateId, email) };
}

/**
 * Replace the panelist's row for this candidate, or append one; log what was replaced. A
 * self-declared caller may not replace a row written under a Google identity.
 */
function writeScoreRow(
  state: ScoringState,
  row: Omit<ScoreRow, 'sheetRow'>,
  codes: string[],
  selfDeclared: boolean,
): { ok: true; replaced: boolean } | { ok: false } {
  const { ss, lang } = state;
  const { sheet, header, previous } = locateScoreRow(state, codes, row.candidateId, row.email);
  if (selfDeclared && previous && previous.row.identity !== IDENTITY_SELF) return { ok: false };
  const ours = scoreRowValues(row, codes);
  const line = previous ? [...previous.values] : new Array<CellValue>(header.length).fill('');
  while (line.length < header.length) line.push('');
  scoreHeaders(codes).forEach((h, i) => (line[scoreColumn(header, h)] = ours[i]));
  const target = previous ? previous.row.sheetRow : Math.max(sheet.getLastRow(), 1) + 1;
  writeBlock(sheet, target, 1, [line]);
  const old = previous?.row;
  const detail = old
    ? `${row.candidateId} — ${row.email}: ${lang === 'en' ? 'replaced' : 'mengganti'} ${codes.map((c) => `${c}=${scoreOf(old.scores, c) ?? ''}`).join(', ')}, Total=${old.total ?? ''}, ${lang === 'en' ? 'conflict' : 'konflik'}=${old.recused ? 'Ya' : 'Tidak'}`
    : `${row.candidateId} — ${row.email}`;
  appendLog(ss, lang === 'en' ? 'Score submitted' : 'Penilaian dikirim', detail);
  return { ok: true, replaced: old !== undefined };
}
