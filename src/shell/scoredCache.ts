/**
 * What each panelist has scored (the candidate IDs of their rows on `Penilaian`, and whether any
 * row was written under their Google identity), kept in the document cache so that opening the
 * scoring form does not read the whole of `Penilaian` every time.
 *
 * The cache only ever feeds what the form shows ("sudah dinilai" marks, the self-declared check of
 * the form's first screen); saving a score looks its row up on the live tab and never touches the
 * cache. The cache covers the tab up to a row it records, and remembers that row's candidate ID
 * and email (one row per candidate and panelist, so no other row holds the same pair):
 *  - every hand edit of the tab (onEdit) changes the tab's version, which drops the cache;
 *  - each reader re-reads the tab from the recorded row to the last: that row must still hold
 *    exactly the cells remembered, or rows were inserted, deleted or sorted by hand (which fire no
 *    onEdit) and the cache is dropped; the rows after it are the submissions since, added in;
 *  - a tab shorter than the recorded row drops the cache;
 *  - entries expire after an hour whatever happens.
 * A fresh read of the ID and email columns refills it (the identity column only when someone's
 * Google identity must be checked). When the cache cannot answer and Sheets' search finds the
 * panelist's email nowhere on the tab, they have scored nobody and nothing is read. Submissions
 * only ever append rows or replace a panelist's own row in place (same candidate, same panelist),
 * so neither changes what is cached except by the appended rows every reader picks up.
 */
import { SCORES_TAB, SCORE_HEADERS } from '../core/schema';
import { tabVersion } from './tabVersions';
import { cacheGetAll, cachePutAll, cacheRemove, documentCache } from './documentCache';
import { IDENTITY_GOOGLE, scoreColumn } from '../core/scores';
import { cellText } from '../core/text';
import type { CellValue, Grid } from '../core/types';
import { readColumns, readHeader } from './sheetLookup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cache = GoogleAppsScript.Cache.Cache;

const PREFIX = 'seleksi-fgd:scored:';
/** Which panelists have an entry (one listed nowhere has scored nobody), and what the cache covers. */
const INDEX = `${PREFIX}*`;
/** Apps Script refuses cache values over 100 KB; past that the cache is refilled (or not used). */
const MAX_VALUE_CHARS = 100_000;

export interface PanelistScores {
  /** Candidate IDs (upper case) the panelist has a row for. */
  ids: Set<string>;
  /** Whether one of those rows was written under the panelist's Google identity. */
  google: boolean;
}

/** One panelist's IDs at the last refill. */
interface Entry {
  v: string;
  ids: string[];
}

/** 0-based columns of the three key cells, and the width the tab was read at. */
interface Columns {
  id: number;
  email: number;
  identity: number;
  width: number;
}

interface Index {
  v: string;
  /** The last row covered, and its candidate ID and email as JSON (the check that nothing moved). */
  rows: number;
  tail: string;
  columns: Columns;
  /** Panelists with an entry at the refill (an entry evicted since means: read afresh). */
  emails: string[];
  /** Null when the refill did not read the identity column (nobody asked): read afresh when asked. */
  google: string[] | null;
  /** [email, ID] of each row appended since the refill. */
  recent: Array<[string, string]>;
}

/** What the scoring form asks of Penilaian, answered from the cache while it holds, else from one read of the tab. */
export interface ScoreSummary {
  /** Candidate IDs (upper case) this panelist has a row for. */
  idsOf(email: string): Set<string>;
  /** Panelists with a row written under their Google identity. */
  googleEmails(): Set<string>;
}

const version = () => tabVersion(SCORES_TAB);

/** The cache keys a reader asks for this panelist (`''`: only the index), to fetch them with others in one call. */
export function scoredKeys(email: string): string[] {
  return email ? [INDEX, PREFIX + email] : [INDEX];
}
/** What identifies a row: its candidate ID and email (a panelist re-saving a score keeps both). */
const rowKey = (row: readonly CellValue[], columns: Columns) =>
  JSON.stringify([cellText(row[columns.id]), cellText(row[columns.email]).toLowerCase()]);

/** The summary of `sheet` (Penilaian, whose last row is `lastRow`; null when it does not exist yet). */
export function scoreSummary(sheet: Sheet | null, lastRow: number): ScoreSummary {
  if (!sheet || lastRow < 2) return { idsOf: () => new Set(), googleEmails: () => new Set() };
  const store = documentCache();
  let all: Map<string, PanelistScores> | undefined;
  let withIdentity = false;
  /** Every panelist's rows, read once; the identity column only when asked (see refill). */
  const read = (identity: boolean): Map<string, PanelistScores> => {
    if (!all || (identity && !withIdentity)) all = refill(store, sheet, lastRow, identity);
    withIdentity ||= identity;
    return all;
  };
  return {
    idsOf(email) {
      const hit = store && !all ? cached(store, sheet, lastRow, email) : undefined;
      if (hit) return hit.ids;
      // A panelist with no row at all (Sheets' search finds none) has scored nobody: nothing to read.
      if (!all && !mentions(sheet, email)) return new Set();
      return read(false).get(email)?.ids ?? new Set();
    },
    googleEmails() {
      const hit = store && !all ? cached(store, sheet, lastRow, '') : undefined;
      if (hit?.google) return hit.google;
      return new Set([...read(true)].filter(([, s]) => s.google).map(([email]) => email));
    },
  };
}

/**
 * Whether any cell of the tab holds `email`, by Sheets' own search (no cell is read): a search for
 * the text anywhere in a cell, ignoring case, finds at least every row whose email cell is the
 * panelist's, so finding nothing means the panelist has no row.
 */
function mentions(sheet: Sheet, email: string): boolean {
  // findNext stops at the first match; findAll would hand back every one of the panelist's rows.
  return email.trim() === '' || sheet.createTextFinder(email.trim()).findNext() !== null;
}

/**
 * The panelist's IDs and the Google emails from the cache brought up to date with the rows
 * appended since; undefined when the cache cannot answer (dropped, stale, moved, evicted).
 */
function cached(
  store: Cache,
  sheet: Sheet,
  lastRow: number,
  email: string,
): { ids: Set<string>; google: Set<string> | undefined } | undefined {
  const v = version();
  const got = cacheGetAll(store, scoredKeys(email));
  const index = parse<Index>(got[INDEX], v);
  if (!index || index.rows > lastRow) return undefined;
  const known = index.emails.includes(email);
  // An entry of a panelist the index does not list is left from an earlier refill: never used.
  const entry = known ? parse<Entry>(got[PREFIX + email], v) : undefined;
  if (email && known && !entry) return undefined;
  const block = sheet.getRange(index.rows, 1, lastRow - index.rows + 1, index.columns.width).getValues() as Grid;
  if (rowKey(block[0], index.columns) !== index.tail) return undefined;
  const next = block.length > 1 ? withAppended(index, block) : index;
  if (next !== index) {
    const text = JSON.stringify(next);
    if (text.length <= MAX_VALUE_CHARS) cachePutAll(store, { [INDEX]: text });
    else cacheRemove(store, INDEX);
  }
  const ids = new Set(entry?.ids ?? []);
  for (const [who, id] of next.recent) if (who === email) ids.add(id);
  return { ids, google: next.google ? new Set(next.google) : undefined };
}

/** The index once the rows after its last covered row (block[1…]) are added in. */
function withAppended(index: Index, block: Grid): Index {
  const { columns } = index;
  const google = index.google && new Set(index.google);
  const recent = [...index.recent];
  for (const row of block.slice(1)) {
    const email = cellText(row[columns.email]).toLowerCase();
    if (!email) continue;
    if (google && cellText(row[columns.identity]) === IDENTITY_GOOGLE) google.add(email);
    const id = cellText(row[columns.id]).toUpperCase();
    if (id) recent.push([email, id]);
  }
  return {
    ...index,
    rows: index.rows + block.length - 1,
    tail: rowKey(block[block.length - 1], columns),
    google: google && [...google],
    recent,
  };
}

function parse<T extends { v: string }>(raw: string | undefined | null, v: string): T | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as T;
    return value.v === v ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every panelist's scores from the tab's ID and email columns, stored in the cache when one is
 * given. The identity column is read only with `identity` (someone Google does not name is
 * checked against it): otherwise each entry's `google` is false and the index records it unknown.
 */
function refill(store: Cache | null, sheet: Sheet, lastRow: number, identity: boolean): Map<string, PanelistScores> {
  const header = readHeader(sheet);
  const at = (name: string) => scoreColumn(header, name);
  const columns: Columns = {
    id: at(SCORE_HEADERS.candidate),
    email: at(SCORE_HEADERS.email),
    identity: at(SCORE_HEADERS.identity),
    width: Math.max(header.length, 1),
  };
  const wanted = identity ? [columns.id, columns.email, columns.identity] : [columns.id, columns.email];
  const read = readColumns(sheet, wanted, 2, lastRow);
  const column = (i: number) => (read.get(i) ?? []).map((v) => cellText(v));
  const ids = column(columns.id);
  const emails = column(columns.email);
  const identities = column(columns.identity);
  const all = new Map<string, PanelistScores>();
  emails.forEach((raw, i) => {
    const email = raw.toLowerCase();
    if (!email) return;
    const mine = all.get(email) ?? { ids: new Set<string>(), google: false };
    if (ids[i]) mine.ids.add(ids[i].toUpperCase());
    if (identities[i] === IDENTITY_GOOGLE) mine.google = true;
    all.set(email, mine);
  });
  if (store && columns.id >= 0 && columns.email >= 0) {
    // The last row's ID and email, as rowKey would read them from the row itself.
    const tail: CellValue[] = [];
    tail[columns.id] = ids[ids.length - 1];
    tail[columns.email] = emails[emails.length - 1];
    cachePutAll(store, cacheValues(all, { columns, rows: lastRow, tail: rowKey(tail, columns) }, identity));
  }
  return all;
}

/**
 * Every panelist's entry and the index. A panelist whose entry would be too big is listed in the
 * index without one, so they are read afresh. No lock is needed: a row appended while the tab was read
 * is after the recorded row and is picked up by the next reader; a hand edit changes the version,
 * so what is stored under the version read before it is never used.
 */
function cacheValues(
  all: Map<string, PanelistScores>,
  cover: Pick<Index, 'columns' | 'rows' | 'tail'>,
  identity: boolean,
): Record<string, string> {
  const v = version();
  const values: Record<string, string> = {};
  const emails: string[] = [];
  for (const [email, scores] of all) {
    const text = JSON.stringify({ v, ids: [...scores.ids] } satisfies Entry);
    if (text.length <= MAX_VALUE_CHARS) values[PREFIX + email] = text;
    emails.push(email);
  }
  const google = identity ? [...all].filter(([, scores]) => scores.google).map(([email]) => email) : null;
  const index = JSON.stringify({ v, ...cover, emails, google, recent: [] } satisfies Index);
  if (index.length <= MAX_VALUE_CHARS) values[INDEX] = index;
  return values;
}
