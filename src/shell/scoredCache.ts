/**
 * What each panelist has scored (the candidate IDs of their rows on `Penilaian`, and whether any
 * row was written under their Google identity), kept in the document cache so that opening the
 * scoring form does not read the whole of `Penilaian` every time.
 *
 * The cache only ever feeds what the form shows ("sudah dinilai" marks, the self-declared check of
 * the form's first screen); saving a score looks its row up on the live tab. An entry is trusted
 * only while `Penilaian` is exactly as the add-on last left it:
 *  - every hand edit of the tab (onEdit) changes the version, which drops every entry;
 *  - the tab's row count must equal the count the add-on last recorded under the lock, so rows
 *    inserted or deleted by hand (which fire no onEdit) drop every entry too;
 *  - a submission updates its own panelist's entry under the lock and records the new row count,
 *    so another panelist's save keeps everyone else's entry valid;
 *  - entries expire after an hour whatever happens.
 * A fresh read of the key columns refills every panelist's entry at once.
 */
import { SCORES_TAB, SCORE_HEADERS } from '../core/schema';
import { tabVersion } from './tabVersions';
import { CACHE_SECONDS, documentCache } from './documentCache';
import { IDENTITY_GOOGLE, scoreColumn } from '../core/scores';
import { cellText } from '../core/text';
import { releaseQuietly } from './action';
import { docProperty, setDocProperty } from './properties';
import { readColumn } from './sheetLookup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ROWS_KEY = 'SELEKSI_FGD_SCORES_ROWS';
const PREFIX = 'seleksi-fgd:scored:';
/** Apps Script refuses cache values over 100 KB; a panelist with more scores is read afresh each time. */
const MAX_VALUE_CHARS = 100_000;

export interface PanelistScores {
  /** Candidate IDs (upper case) the panelist has a row for. */
  ids: Set<string>;
  /** Whether one of those rows was written under the panelist's Google identity. */
  google: boolean;
}

interface Entry {
  v: string;
  ids: string[];
  google: boolean;
}

function version(): string {
  return tabVersion(SCORES_TAB);
}

/** Which panelists have an entry (one listed nowhere has scored nobody), and who wrote under a Google identity. */
const INDEX = `${PREFIX}*`;

interface Index {
  v: string;
  emails: string[];
  google: string[];
}

/** What the scoring form asks of Penilaian, answered from the cache while it holds, else from one read of the tab. */
export interface ScoreSummary {
  /** Candidate IDs (upper case) this panelist has a row for. */
  idsOf(email: string): Set<string>;
  /** Panelists with a row written under their Google identity. */
  googleEmails(): Set<string>;
}

/** The summary of `sheet` (Penilaian, whose last row is `lastRow`; null when it does not exist yet). */
export function scoreSummary(sheet: Sheet | null, lastRow: number): ScoreSummary {
  if (!sheet || lastRow < 2) return { idsOf: () => new Set(), googleEmails: () => new Set() };
  const store = documentCache();
  const trusted = store !== null && docProperty(ROWS_KEY) === String(lastRow);
  let all: Map<string, PanelistScores> | undefined;
  const read = (): Map<string, PanelistScores> => {
    if (!all) {
      all = readAll(sheet, lastRow);
      if (store) refill(store, sheet, lastRow, all);
    }
    return all;
  };
  return {
    idsOf(email) {
      const hit = trusted && !all ? cached(store, email) : undefined;
      return hit ?? read().get(email)?.ids ?? new Set();
    },
    googleEmails() {
      const index = trusted && !all ? lookup(store, '').index : undefined;
      if (index) return new Set(index.google);
      return new Set([...read()].filter(([, s]) => s.google).map(([email]) => email));
    },
  };
}

/** The cache's index and the panelist's entry, fetched in one call. */
function lookup(store: GoogleAppsScript.Cache.Cache, email: string): { index?: Index; entry?: Entry } {
  const got = store.getAll(email ? [INDEX, PREFIX + email] : [INDEX]);
  const v = version();
  const index = parse<Index>(got[INDEX]);
  const entry = parse<Entry>(got[PREFIX + email]);
  return {
    index: index && index.v === v && Array.isArray(index.emails) && Array.isArray(index.google) ? index : undefined,
    entry: entry && entry.v === v && Array.isArray(entry.ids) ? entry : undefined,
  };
}

/** The cached answer, or undefined when the cache cannot give one (stale, evicted, too big). */
function cached(store: GoogleAppsScript.Cache.Cache, email: string): Set<string> | undefined {
  const { index, entry } = lookup(store, email);
  if (!index) return undefined;
  if (!index.emails.includes(email)) return new Set();
  return entry ? new Set(entry.ids) : undefined;
}

function parse<T extends { v: string }>(raw: string | undefined | null): T | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as T;
    return typeof value.v === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Every panelist's scores, from the tab's ID, email and identity columns. */
function readAll(sheet: Sheet, lastRow: number): Map<string, PanelistScores> {
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((c) => cellText(c));
  const column = (name: string) => {
    const at = scoreColumn(header, name);
    return at < 0 ? [] : readColumn(sheet, at + 1, 2, lastRow).map((v) => cellText(v));
  };
  const ids = column(SCORE_HEADERS.candidate);
  const emails = column(SCORE_HEADERS.email);
  const identities = column(SCORE_HEADERS.identity);
  const out = new Map<string, PanelistScores>();
  emails.forEach((raw, i) => {
    const email = raw.toLowerCase();
    if (!email) return;
    const mine = out.get(email) ?? { ids: new Set<string>(), google: false };
    if (ids[i]) mine.ids.add(ids[i].toUpperCase());
    if (identities[i] === IDENTITY_GOOGLE) mine.google = true;
    out.set(email, mine);
  });
  return out;
}

function entryText(v: string, scores: PanelistScores): string {
  return JSON.stringify({ v, ids: [...scores.ids], google: scores.google } satisfies Entry);
}

/**
 * Store every panelist's entry, but only if the tab did not change while it was read: the check
 * and the store happen under the document lock, which every writer of Penilaian holds. A
 * panelist whose entry would be too big is left out of the index, so they are read afresh.
 */
function refill(store: GoogleAppsScript.Cache.Cache, sheet: Sheet, lastRow: number, all: Map<string, PanelistScores>) {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(500)) return;
  try {
    if (sheet.getLastRow() !== lastRow) return;
    const v = version();
    const values: Record<string, string> = {};
    const emails: string[] = [];
    for (const [email, scores] of all) {
      const text = entryText(v, scores);
      if (text.length <= MAX_VALUE_CHARS) values[PREFIX + email] = text;
      emails.push(email);
    }
    const google = [...all].filter(([, scores]) => scores.google).map(([email]) => email);
    const index = JSON.stringify({ v, emails, google } satisfies Index);
    if (index.length > MAX_VALUE_CHARS) return;
    values[INDEX] = index;
    store.putAll(values, CACHE_SECONDS);
    setDocProperty(ROWS_KEY, String(lastRow));
  } finally {
    releaseQuietly(lock);
  }
}

/**
 * After a submission wrote its row (under the lock): keep the submitter's entry and everyone
 * else's valid. `rowsBefore` is the tab's last row before the write; if it was not what the
 * add-on last recorded, the tab was changed outside the add-on and the entries are left stale
 * (the row count no longer matches, so nobody trusts them).
 */
export function scoreWritten(
  email: string,
  candidateId: string,
  google: boolean,
  rows: { before: number; after: number },
): void {
  const store = documentCache();
  if (!store || docProperty(ROWS_KEY) !== String(rows.before)) return;
  const v = version();
  const { index, entry } = lookup(store, email);
  const known = index?.emails.includes(email) ?? false;
  if (!index || (known && !entry)) {
    // Nothing to carry forward: the next read refills everything.
    store.remove(INDEX);
    return;
  }
  const ids = new Set(entry?.ids ?? []);
  ids.add(candidateId.toUpperCase());
  const next: Index = {
    v,
    emails: known ? index.emails : [...index.emails, email],
    google: google && !index.google.includes(email) ? [...index.google, email] : index.google,
  };
  const values: Record<string, string> = {
    [INDEX]: JSON.stringify(next),
    [PREFIX + email]: entryText(v, { ids, google: (entry?.google ?? false) || google }),
  };
  if (Object.values(values).some((text) => text.length > MAX_VALUE_CHARS)) {
    store.remove(INDEX);
    return;
  }
  store.putAll(values, CACHE_SECONDS);
  setDocProperty(ROWS_KEY, String(rows.after));
}
