/**
 * Report tabs that know when they are out of date. Each report records, when it is drawn, the
 * row of its stamp and the language it was written in (one document property); when one of its
 * source tabs changes afterwards, the stamp is replaced by a "perlu diperbarui" line — once, until
 * the report is rebuilt — at four calls per report and one more once, and no read of the report itself.
 */
import { wallTimeNow } from './workbook';
import { cellOut } from '../core/cells';
import { reportsFedBy, staleNotice } from '../core/freshness';
import { type Lang, pick } from '../core/types';
import { docProperty, setDocProperties, setDocProperty } from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = 'report:';
const STALE_BG = '#fce8e6';

interface ReportState {
  stampRow: number;
  lang: Lang;
  stale: boolean;
}

function stateOf(report: string): ReportState | undefined {
  const [row, lang, stale] = (docProperty(KEY + report) ?? '').split('|');
  if (!Number(row)) return undefined;
  return { stampRow: Number(row), lang: lang === 'en' ? 'en' : 'id', stale: stale === 'stale' };
}

function encode(state: ReportState): string {
  return `${state.stampRow}|${state.lang}${state.stale ? '|stale' : ''}`;
}

function save(report: string, state: ReportState): void {
  const value = encode(state);
  if (docProperty(KEY + report) !== value) setDocProperty(KEY + report, value);
}

/** A report was just drawn: where its stamp is, and that it is current. */
export function reportBuilt(report: string, stampRow: number, lang: Lang): void {
  save(report, { stampRow, lang, stale: false });
}

/**
 * `changed` was edited or written: every report built from it (but those in `except`, which the
 * caller rebuilds itself) says it needs updating. Reports not built yet, or already marked, cost
 * nothing.
 */
export function markReportsStale(ss: Spreadsheet, changed: string, except: readonly string[] = []): void {
  let when: string | undefined;
  const marked: Record<string, string> = {};
  for (const report of reportsFedBy(changed, except)) {
    const state = stateOf(report);
    if (!state || state.stale) continue;
    const sheet = ss.getSheetByName(report);
    if (!sheet) continue;
    // Written like the report's own stamp ("Dibuat pada 27/11/2019 09:00"), so the two compare at a glance.
    when ??= wallTimeNow(ss);
    sheet
      .getRange(state.stampRow, 1)
      .setValue(cellOut(pick(staleNotice(report, changed, when), state.lang)))
      .setBackground(STALE_BG);
    marked[KEY + report] = encode({ ...state, stale: true });
  }
  // Every report marked here is recorded in one call.
  setDocProperties(marked);
}

/**
 * Whether a report was built and nothing it was built from has changed since: `missing` when it
 * was never built (or its tab is gone), `stale` once a source changed, else `current`.
 */
export function reportFreshness(ss: Spreadsheet, report: string): 'current' | 'stale' | 'missing' {
  const state = stateOf(report);
  if (!state || !ss.getSheetByName(report)) return 'missing';
  return state.stale ? 'stale' : 'current';
}
