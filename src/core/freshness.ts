/**
 * Which report tab is built from which tabs, so that a report whose sources changed says so
 * ("perlu diperbarui") instead of showing old figures as if they were current. A report is
 * marked when a source is edited by hand or written by another action, and is fresh again when
 * its own menu item rebuilds it.
 */
import { ATTENDANCE_PREFIX } from './attendance';
import { menuLabel } from './menu';
import { RESULTS_TAB } from './resultsReport';
import {
  CANDIDATES_TAB,
  OBJECTIONS_TAB,
  PANEL_TAB,
  PARTICIPANTS_TAB,
  RUBRIC_TAB,
  SCORES_TAB,
  SESSIONS_TAB,
  SETTINGS_TAB,
  VILLAGES_TAB,
} from './schema';
import { ATTENDANCE_SUMMARY_TAB, SELECTION_SUMMARY_TAB } from './summaries';
import { listJoin } from './text';
import type { Bilingual, Lang } from './types';
import { REPORT_TAB } from './validation/report';

/** The DH tabs, as one source. */
const ATTENDANCE_SHEETS = `${ATTENDANCE_PREFIX}…`;

export const REPORTS: ReadonlyArray<{ tab: string; sources: readonly string[]; rebuiltBy: string }> = [
  {
    tab: REPORT_TAB,
    sources: [CANDIDATES_TAB.name, VILLAGES_TAB.name, SETTINGS_TAB.name],
    rebuiltBy: 'validateCandidates',
  },
  {
    tab: RESULTS_TAB,
    sources: [CANDIDATES_TAB.name, SCORES_TAB, RUBRIC_TAB.name, PANEL_TAB.name, VILLAGES_TAB.name, SETTINGS_TAB.name],
    rebuiltBy: 'computeRanking',
  },
  {
    tab: SELECTION_SUMMARY_TAB,
    sources: [CANDIDATES_TAB.name, SCORES_TAB, VILLAGES_TAB.name, OBJECTIONS_TAB.name],
    rebuiltBy: 'refreshSummaries',
  },
  {
    tab: ATTENDANCE_SUMMARY_TAB,
    sources: [SESSIONS_TAB.name, PARTICIPANTS_TAB.name, ATTENDANCE_SHEETS],
    rebuiltBy: 'refreshSummaries',
  },
];

function sourceName(tab: string): string {
  return tab.startsWith(ATTENDANCE_PREFIX) ? ATTENDANCE_SHEETS : tab;
}

/** The reports built from `changed`, leaving out those the caller is rebuilding itself. */
export function reportsFedBy(changed: string, except: readonly string[] = []): string[] {
  const source = sourceName(changed);
  return REPORTS.filter((r) => r.sources.includes(source) && !except.includes(r.tab)).map((r) => r.tab);
}

/** A report's stamp: when and by whom (`made`), then the tabs it was built from. */
export function reportStamp(made: string, report: string, lang: Lang): string {
  return `${made} ${builtFrom(report, lang)}`.trim();
}

/** "dari tab Kandidat, Penilaian dan Desa Sasaran": what a report's stamp says it was built from. */
function builtFrom(report: string, lang: Lang): string {
  const sources = REPORTS.find((r) => r.tab === report)?.sources ?? [];
  if (sources.length === 0) return '';
  const list = listJoin(
    sources.map((s) => (s === ATTENDANCE_SHEETS ? (lang === 'en' ? 'the DH tabs' : 'tab-tab DH') : s)),
    lang === 'en' ? 'and' : 'dan',
  );
  return lang === 'en' ? `from ${list}` : `dari tab ${list}`;
}

/** The line that replaces a stale report's stamp: what changed, when, and which menu item rebuilds it. */
export function staleNotice(report: string, changed: string, when: string): Bilingual {
  const entry = REPORTS.find((r) => r.tab === report);
  const item = (lang: Lang) =>
    `${lang === 'en' ? 'Extensions' : 'Ekstensi'} › Seleksi & FGD › ${menuLabel(entry?.rebuiltBy ?? '', lang)}`;
  return {
    id: `⚠ PERLU DIPERBARUI: tab ${changed} berubah pada ${when}, setelah tab ini dibuat; angka di bawah mungkin sudah tidak berlaku. Jalankan ${item('id')}.`,
    en: `⚠ NEEDS UPDATING: the ${changed} tab changed on ${when}, after this tab was made; the figures below may be out of date. Run ${item('en')}.`,
  };
}
