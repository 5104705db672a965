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
 * A fresh read of the key columns refills it. Submissions only ever append rows or replace a
 * panelist's own row in place (same candidate, same panelist), so neither changes what is cached
 * except by the appended rows every reader picks up.
 */
import { SCORES_TAB, SCORE_HEADERS } from '../core/schema';
import { tabVersion } from './tabVersions';
import { CACHE_SECONDS, documentCache } from './documentCache';
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
  google: string[];
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
/** What identifies a row: its candidate ID and email (a panelist re-saving a score keeps both). */
const rowKey = (row: readonly CellValue[], columns: Columns) =>
  JSON.stringify([cellText(row[columns.id]), cellText(row[columns.email]).toLowerCase()]);

/** The summary of `sheet` (Penilaian, whose last row is `lastRow`; null when it does not exist yet). */
export function scoreSummary(sheet: Sheet | null, lastRow: number): ScoreSummary {
  if (!sheet || lastRow < 2) return { idsOf: () => new Set(), googleEmails: () => new Set() };
  const store = documentCache();
  let all: Map<string, PanelistScores> | undefined;
  const read = (): Map<string, PanelistScores> => {
    if (!all) all = refill(store, sheet, lastRow);
    return all;
  };
  return {
    idsOf(email) {
      const hit = store && !all ? cached(store, sheet, lastRow, email) : undefined;
      return hit?.ids ?? read().get(email)?.ids ?? new Set();
    },
    googleEmails() {
      const hit = store && !all ? cached(store, sheet, lastRow, '') : undefined;
      if (hit) return hit.google;
      return new Set([...read()].filter(([, s]) => s.google).map(([email]) => email));
    },
  };
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
): { ids: Set<string>; google: Set<string> } | undefined {
  const v = version();
  const got = store.getAll(email ? [INDEX, PREFIX + email] : [INDEX]);
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
    if (text.length <= MAX_VALUE_CHARS) store.put(INDEX, text, CACHE_SECONDS);
    else store.remove(INDEX);
  }
  const ids = new Set(entry?.ids ?? []);
  for (const [who, id] of next.recent) if (who === email) ids.add(id);
  return { ids, google: new Set(next.google) };
}

/** The index once the rows after its last covered row (block[1…]) are added in. */
function withAppended(index: Index, block: Grid): Index {
  const { columns } = index;
  const google = new Set(index.google);
  const recent = [...index.recent];
  for (const row of block.slice(1)) {
    const email = cellText(row[columns.email]).toLowerCase();
    if (!email) continue;
    if (cellText(row[columns.identity]) === IDENTITY_GOOGLE) google.add(email);
    const id = cellText(row[columns.id]).toUpperCase();
    if (id) recent.push([email, id]);
  }
  return {
    ...index,
    rows: index.rows + block.length - 1,
    tail: rowKey(block[block.length - 1], columns),
    google: [...google],
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

/** Every panelist's scores from the tab's ID, email and identity columns, stored in the cache when one is given. */
function refill(store: Cache | null, sheet: Sheet, lastRow: number): Map<string, PanelistScores> {
  const header = readHeader(sheet);
  const at = (name: string) => scoreColumn(header, name);
  const columns: Columns = {
    id: at(SCORE_HEADERS.candidate),
    email: at(SCORE_HEADERS.email),
    identity: at(SCORE_HEADERS.identity),
    width: Math.max(header.length, 1),
  };
  const read = readColumns(sheet, [columns.id, columns.email, columns.identity], 2, lastRow);
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
    store.putAll(cacheValues(all, { columns, rows: lastRow, tail: rowKey(tail, columns) }), CACHE_SECONDS);
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
): Record<string, string> {
  const v = version();
  const values: Record<string, string> = {};
  const emails: string[] = [];
  for (const [email, scores] of all) {
    const text = JSON.stringify({ v, ids: [...scores.ids] } satisfies Entry);
    if (text.length <= MAX_VALUE_CHARS) values[PREFIX + email] = text;
    emails.push(email);
  }
  const google = [...all].filter(([, scores]) => scores.google).map(([email]) => email);
  const index = JSON.stringify({ v, ...cover, emails, google, recent: [] } satisfies Index);
  if (index.length <= MAX_VALUE_CHARS) values[INDEX] = index;
  return values;
}
