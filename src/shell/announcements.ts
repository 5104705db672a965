/**
 * "Umumkan hasil administrasi" and "Umumkan hasil akhir": the reads, checks, writes and log lines
 * around the layouts of core/announcements.ts.
 *
 * The administrative announcement prints the statuses on `Kandidat`, and only when they are
 * current: `Kandidat` is validated again in memory by the code `Validasi data kandidat` runs
 * (shell/validate.ts `validateWholeTab`, nothing written; its values only, as the statuses need),
 * and if any row's stored `Status Administrasi` differs from that run, or a candidate has no ID
 * yet, nothing is announced and the rows are named (run the validation, which writes them, then
 * announce). Edits waiting for the live check are settled first by the menu wrapper
 * (shell/pendingEdits.ts).
 */
import { announcedResults, ADMIN_ANNOUNCEMENT_TAB, FINAL_ANNOUNCEMENT_TAB } from '../core/announcedResults';
import {
  adminAnnouncementLayout,
  announcementChanges,
  describeChanges,
  finalAnnouncementLayout,
  finalListed,
} from '../core/announcements';
import { asText } from '../core/cells';
import { formatLongDate, formatShortDate } from '../core/dates';
import { matchHeaders } from '../core/headers';
import { menuLabel } from '../core/menu';
import { objectionWindow, windowClosed } from '../core/objectionWindow';
import { placeNames } from '../core/placeNames';
import { RESULTS_TAB } from '../core/resultsReport';
import { OBJECTIONS_TAB } from '../core/schema';
import { cellText, matchKey } from '../core/text';
import type { Bilingual, Grid, Lang } from '../core/types';
import type { ActionContext } from './action';
import { alert } from './action';
import { UserError } from './errors';
import { reportFreshness } from './freshness';
import { appendLog } from './log';
import { loadRanking } from './ranking';
import { isGenerated, renderLayout } from './render';
import { loadSettings, sheetClock, writeSetting } from './settings';
import { validateWholeTab } from './validate';
import { readTab } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** At most this many rows are named in a message; the count says how many there are. */
const NAMED_ROWS = 20;

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, NAMED_ROWS).join(', ');
  return rows.length > NAMED_ROWS ? `${shown}, … (${rows.length})` : shown;
}

const menuPath = (fn: string, lang: Lang) =>
  `${lang === 'en' ? 'Extensions' : 'Ekstensi'} › Seleksi & FGD › ${menuLabel(fn, lang)}`;

/**
 * The tab as it is (its values, for what changed since), when the add-on made it; a tab of the same
 * name made by someone else stops the action. Only A1's note is read to tell, not every cell's.
 */
function existingAnnouncement(ss: Spreadsheet, name: string): { sheet: Sheet | null; values: Grid | undefined } {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return { sheet: null, values: undefined };
  if (!isGenerated(sheet))
    throw new UserError({
      id: `Tab "${name}" sudah ada tetapi bukan buatan add-on, jadi tidak ditimpa dan tidak ada yang diumumkan. Ganti nama tab itu, lalu jalankan lagi.`,
      en: `A tab "${name}" exists that the add-on did not make, so it was not overwritten and nothing was announced. Rename that tab, then run again.`,
    });
  return { sheet, values: sheet.getDataRange().getValues() as Grid };
}

/** Menu: Umumkan hasil administrasi. */
export function announceAdministrative(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  const { clock, settings, values, vctx, result } = validateWholeTab(ctx, true);
  const statusColumn = result.map.index.get('Status Administrasi');
  const candidates = result.rows.filter((r) => !r.blank);
  if (candidates.length === 0)
    throw new UserError({
      id: 'Tab Kandidat belum berisi kandidat, jadi belum ada yang dapat diumumkan.',
      en: 'The Kandidat tab has no candidates yet, so there is nothing to announce.',
    });
  const stale = candidates
    .filter(
      (r) =>
        r.assignedId || statusColumn === undefined || cellText(values[r.sheetRow - 1]?.[statusColumn]) !== r.status,
    )
    .map((r) => r.sheetRow);
  if (stale.length)
    throw new UserError({
      id: `Status Administrasi di tab Kandidat belum mutakhir pada baris ${rowList(stale)} (data berubah sejak validasi terakhir, atau kandidat belum punya ID). Pengumuman harus sama dengan tab Kandidat, jadi belum ada yang diumumkan. Jalankan ${menuPath('validateCandidates', 'id')}, periksa hasilnya, lalu umumkan lagi.`,
      en: `Status Administrasi on the Kandidat tab is not up to date on row(s) ${rowList(stale)} (the data changed since the last validation, or the candidate has no ID yet). The announcement must match the Kandidat tab, so nothing was announced. Run ${menuPath('validateCandidates', 'en')}, check the result, then announce again.`,
    });
  const existing = existingAnnouncement(ss, ADMIN_ANNOUNCEMENT_TAB);
  const first = settings.adminAnnouncementDate === null;
  const date = settings.adminAnnouncementDate ?? clock.today;
  const window = objectionWindow({ ...settings, adminAnnouncementDate: date });
  if (!window) throw new Error('objection window without an announcement date');
  const updated = first || formatShortDate(date) === formatShortDate(clock.today) ? undefined : clock.today;
  renderLayout(
    ss,
    ADMIN_ANNOUNCEMENT_TAB,
    adminAnnouncementLayout({
      rows: candidates,
      settings,
      lang,
      date,
      updated,
      window,
      places: placeNames(vctx.villages),
    }),
    { existing: existing.sheet },
  );
  // Recorded once the announcement stands: the objection window is counted from this date from now on.
  if (first) writeSetting(ss, ctx.settingsRows, 'adminAnnouncementDate', asText(formatShortDate(date)));

  const announced = new Map(candidates.map((r) => [r.id, r.status as string]));
  const count = (s: string) => candidates.filter((r) => r.status === s).length;
  const counts = `MS ${count('MS')}, TMS ${count('TMS')}, Perlu Cek ${count('Perlu Cek')}`;
  const previous = existing.values ? announcedResults(existing.values) : undefined;
  const changes = previous && previous.size ? describeChanges(announcementChanges(previous, announced), lang) : '';
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const dateText = formatLongDate(date, lang);
  const logLine = [
    `${candidates.length} ${t('kandidat', 'candidates')} (${counts})`,
    `${t('tanggal pengumuman', 'announcement date')} ${dateText}${first ? '' : ` (${t('tetap', 'kept')})`}`,
    ...(previous && previous.size
      ? [`${t('sejak pengumuman sebelumnya', 'since the previous announcement')}: ${changes}`]
      : []),
  ].join('; ');
  appendLog(ss, menuLabel('announceAdministrativeResults', lang), logLine);
  const message: Bilingual = {
    id: `Tab ${ADMIN_ANNOUNCEMENT_TAB} dibuat: ${candidates.length} kandidat (${counts}).\n\nTanggal pengumuman ${formatLongDate(date, 'id')}${first ? ' dicatat di tab Pengaturan' : ' (tetap, dari tab Pengaturan)'}; masa sanggah dihitung dari hari berikutnya.${previous && previous.size ? `\n\nSejak pengumuman sebelumnya: ${describeChanges(announcementChanges(previous, announced), 'id')}.` : ''}\n\nCetak: A4 tegak, 100 %, margin Normal.`,
    en: `The ${ADMIN_ANNOUNCEMENT_TAB} tab was made: ${candidates.length} candidates (${counts}).\n\nAnnouncement date ${formatLongDate(date, 'en')}${first ? ' recorded on the Pengaturan tab' : ' (kept, from the Pengaturan tab)'}; the objection period counts from the next day.${previous && previous.size ? `\n\nSince the previous announcement: ${describeChanges(announcementChanges(previous, announced), 'en')}.` : ''}\n\nPrint: A4 portrait, 100 %, Normal margins.`,
  };
  alert(lang, { id: 'Pengumuman hasil administrasi', en: 'Administrative results announced' }, message);
}

/** Rows of `Sanggah` not decided yet: a non-blank row whose Status Sanggah is blank or Menunggu. */
function undecidedObjections(ss: Spreadsheet): number[] {
  const values = readTab(ss, OBJECTIONS_TAB.name)?.values;
  if (!values || values.length < 2) return [];
  const status = matchHeaders(OBJECTIONS_TAB, values[0]).index.get('Status Sanggah');
  const rows: number[] = [];
  values.slice(1).forEach((row, i) => {
    if (row.every((cell) => cellText(cell) === '')) return;
    const text = status === undefined ? '' : matchKey(cellText(row[status]));
    if (text === '' || text === matchKey('Menunggu')) rows.push(i + 2);
  });
  return rows;
}

/** Menu: Umumkan hasil akhir. */
export function announceFinal(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const window = objectionWindow(settings);
  if (!window)
    throw new UserError({
      id: `Hasil administrasi belum diumumkan (Tanggal pengumuman administrasi di tab Pengaturan kosong). Jalankan ${menuPath('announceAdministrativeResults', 'id')} dulu; hasil akhir diumumkan setelah masa sanggah berakhir.`,
      en: `The administrative results have not been announced (Tanggal pengumuman administrasi on the Pengaturan tab is blank). Run ${menuPath('announceAdministrativeResults', 'en')} first; the final results are announced after the objection period.`,
    });
  if (!windowClosed(window, clock.today))
    throw new UserError({
      id: `Masa sanggah masih berlangsung sampai ${formatLongDate(window.last, 'id')}. Hasil akhir dapat diumumkan mulai hari berikutnya, setelah semua sanggahan diproses.`,
      en: `The objection period runs until ${formatLongDate(window.last, 'en')}. The final results can be announced from the next day, once every objection is processed.`,
    });
  const undecided = undecidedObjections(ss);
  if (undecided.length)
    throw new UserError({
      id: `Tab ${OBJECTIONS_TAB.name} baris ${rowList(undecided)}: sanggahan belum diputuskan atau belum diproses (kolom Status Sanggah kosong atau Menunggu). Isi Keputusan dan Alasan Keputusan, jalankan Proses sanggah, lalu umumkan lagi.`,
      en: `${OBJECTIONS_TAB.name} tab row(s) ${rowList(undecided)}: objection not decided or not processed yet (Status Sanggah blank or Menunggu). Fill in Keputusan and Alasan Keputusan, run Proses sanggah (Process objections), then announce again.`,
    });
  const fresh = reportFreshness(ss, RESULTS_TAB);
  if (fresh !== 'current')
    throw new UserError(
      fresh === 'missing'
        ? {
            id: `Peringkat belum dihitung (tab ${RESULTS_TAB} belum ada). Jalankan ${menuPath('computeRanking', 'id')} dulu, lalu umumkan.`,
            en: `The ranking has not been computed (there is no ${RESULTS_TAB} tab). Run ${menuPath('computeRanking', 'en')} first, then announce.`,
          }
        : {
            id: `Tab ${RESULTS_TAB} perlu diperbarui: datanya berubah sejak peringkat dihitung (misalnya status setelah sanggah). Jalankan ${menuPath('computeRanking', 'id')}, periksa hasilnya, lalu umumkan.`,
            en: `The ${RESULTS_TAB} tab needs updating: its data changed since the ranking was computed (for instance statuses after objections). Run ${menuPath('computeRanking', 'en')}, check the result, then announce.`,
          },
    );
  const existing = existingAnnouncement(ss, FINAL_ANNOUNCEMENT_TAB);
  const { ranking } = loadRanking(ss, settings, clock);
  const listed = finalListed(ranking.candidates);
  renderLayout(
    ss,
    FINAL_ANNOUNCEMENT_TAB,
    finalAnnouncementLayout({ candidates: ranking.candidates, settings, lang, date: clock.today }),
    { existing: existing.sheet },
  );
  const passed = listed.filter((c) => c.result === 'Lulus').length;
  const counts = `Lulus ${passed}, Cadangan ${listed.length - passed}`;
  const previous = existing.values ? announcedResults(existing.values) : undefined;
  const after = new Map(listed.map((c) => [c.id, c.result as string]));
  const changes = (l: Lang) =>
    previous && previous.size
      ? `${l === 'en' ? 'since the previous announcement' : 'sejak pengumuman sebelumnya'}: ${describeChanges(announcementChanges(previous, after), l)}`
      : '';
  appendLog(ss, menuLabel('announceFinalResults', lang), [counts, changes(lang)].filter(Boolean).join('; '));
  alert(
    lang,
    { id: 'Pengumuman hasil akhir', en: 'Final results announced' },
    {
      id: `Tab ${FINAL_ANNOUNCEMENT_TAB} dibuat: ${counts}.${changes('id') ? `\n\n${changes('id')}.` : ''}\n\nCetak: A4 tegak, 100 %, margin Normal.`,
      en: `The ${FINAL_ANNOUNCEMENT_TAB} tab was made: ${counts}.${changes('en') ? `\n\n${changes('en')}.` : ''}\n\nPrint: A4 portrait, 100 %, Normal margins.`,
    },
  );
}
