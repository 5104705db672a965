/**
 * "Proses sanggah": reads `Sanggah` whole (a small tab), of `Kandidat` only the ID and name columns,
 * and the administrative announcement; lets the core judge every row (core/objections.ts); writes
 * only the add-on's three columns on `Sanggah`; logs every decision recorded or changed, one Log line
 * each; and reports the rows that need attention in one alert.
 */
import { ADMIN_ANNOUNCEMENT_TAB, announcedResults } from '../core/announcedResults';
import { describeMissing, matchHeaders } from '../core/headers';
import { menuLabel } from '../core/menu';
import { type ObjectionOutcome, countObjections, objectionKey, processObjections } from '../core/objections';
import { describeWindow, objectionWindow } from '../core/objectionWindow';
import { CANDIDATES_TAB, OBJECTIONS_TAB } from '../core/schema';
import { cellText, clip, formatNumber } from '../core/text';
import { type Bilingual, type Grid, type Lang, pick } from '../core/types';
import { OBJECTION_STATUSES } from '../core/vocab';
import { type ActionContext, alert, toast } from './action';
import { UserError } from './errors';
import { markReportsStale } from './freshness';
import { appendLogLines, logUser } from './log';
import { ensureOutputColumns, writeColumns } from './outputColumns';
import { sheetClock, loadSettings } from './settings';
import { readColumns, readHeader } from './sheetLookup';
import { readTab } from './workbook';
import { deleteDocProperty, docProperty, setDocProperty } from './properties';
import { acceptedObjections } from '../core/objections';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Set by Proses sanggah while its last run accepted at least one objection, removed when it accepted
 * none. Validation reads `Sanggah` only while it is set, so the live check of a workbook without an
 * accepted objection costs nothing more (document properties are read once per execution anyway).
 * It is only a gate: what counts is always read from the tab itself (see `acceptedObjections`), so a
 * decision changed, a row deleted or the tab removed since the last run is never missed.
 */
const ACCEPTED_FLAG = 'SELEKSI_FGD_OBJECTIONS_ACCEPTED';

/** The accepted objections validation applies (ID key → reason): none unless Proses sanggah accepted some. */
export function readAcceptedObjections(ss: Spreadsheet): Map<string, string> {
  if (docProperty(ACCEPTED_FLAG) === undefined) return new Map();
  return acceptedObjections(readTab(ss, OBJECTIONS_TAB.name)?.values);
}

const OUTPUTS = ['Status Sanggah', 'Diputuskan Oleh', 'Waktu Keputusan'] as const;
const TITLE: Bilingual = { id: 'Proses sanggah', en: 'Process objections' };
/** Rows listed in the alert; the rest are counted (the Log lists every decision). */
const SHOWN_PROBLEMS = 25;

const NO_TAB: Bilingual = {
  id: 'Tab Sanggah belum ada. Jalankan menu Siapkan lembar kerja, lalu catat sanggahan di tab Sanggah.',
  en: 'There is no Sanggah tab yet. Run "Set up the workbook", then record the objections on the Sanggah tab.',
};
const NO_CANDIDATES: Bilingual = {
  id: 'Tab Kandidat belum ada. Jalankan menu Siapkan lembar kerja.',
  en: 'There is no Kandidat tab yet. Run "Set up the workbook".',
};

function notAnnounced(): Bilingual {
  const announce = { id: 'Umumkan hasil administrasi', en: 'Announce the administrative results' };
  return {
    id: `Hasil administrasi belum diumumkan: tab ${ADMIN_ANNOUNCEMENT_TAB} atau pengaturan Tanggal pengumuman administrasi belum ada. Sanggahan dinilai terhadap pengumuman itu dan masa sanggah dihitung dari tanggalnya. Jalankan menu ${announce.id} dulu. Tidak ada yang diubah.`,
    en: `The administrative results have not been announced: the ${ADMIN_ANNOUNCEMENT_TAB} tab or the setting Tanggal pengumuman administrasi is missing. Objections are judged against that announcement and the objection period counts from its date. Run "${announce.en}" first. Nothing was changed.`,
  };
}

/** Menu: Proses sanggah. */
export function processObjectionsFromMenu(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const sheet = ss.getSheetByName(OBJECTIONS_TAB.name);
  if (!sheet) throw new UserError(NO_TAB);
  const window = objectionWindow(settings);
  const announcement = readTab(ss, ADMIN_ANNOUNCEMENT_TAB);
  const announcedRaw = announcement ? announcedResults(announcement.values) : new Map<string, string>();
  if (!window || announcedRaw.size === 0) throw new UserError(notAnnounced());
  const announced = new Map([...announcedRaw].map(([id, result]) => [objectionKey(id), result]));

  const range = sheet.getDataRange();
  const values = range.getValues() as Grid;
  const display = range.getDisplayValues();
  const formulas = range.getFormulas();
  const result = processObjections({
    values,
    display,
    formulas,
    candidates: readCandidates(ss),
    announced,
    window,
    perCandidate: settings.objectionsPerCandidate,
    today: clock.today,
    offsetMinutes: clock.offsetMinutes,
    user: logUser(),
    now: new Date(),
  });
  if (!result.ok) throw new UserError(describeMissing(OBJECTIONS_TAB.name, result.map.missing));
  const rows = result.rows;
  const live = rows.filter((r) => !r.blank);

  const index = ensureOutputColumns(sheet, result.map.index, values[0].length, [...OUTPUTS]);
  const col = (h: (typeof OUTPUTS)[number]) => index.get(h) as number;
  writeColumns(
    sheet,
    2,
    [
      { column: col('Status Sanggah'), values: rows.map((r) => r.status) },
      { column: col('Diputuskan Oleh'), values: rows.map((r) => r.decidedBy) },
      { column: col('Waktu Keputusan'), values: rows.map((r) => r.decidedAt) },
    ],
    OBJECTIONS_TAB.name,
  );
  // Rekap Seleksi counts the objections.
  markReportsStale(ss, OBJECTIONS_TAB.name);

  const counts = countObjections(rows);
  if (counts.Diterima > 0) setDocProperty(ACCEPTED_FLAG, '1');
  else if (docProperty(ACCEPTED_FLAG) !== undefined) deleteDocProperty(ACCEPTED_FLAG);
  if (live.length === 0) {
    // Rows emptied by hand lost their status above; there is no decision to log.
    alert(lang, TITLE, {
      id: `Tab Sanggah belum berisi sanggahan. Catat setiap sanggahan satu baris: Tanggal Masuk, ID Kandidat, Nama, Isi Sanggahan. Masa sanggah: ${describeWindow(window, 'id')}.`,
      en: `The Sanggah tab holds no objections yet. Record each objection on a row: Tanggal Masuk, ID Kandidat, Nama, Isi Sanggahan. Objection period: ${describeWindow(window, 'en')}.`,
    });
    return;
  }
  const summary = countsText(counts);
  const label = menuLabel('processObjections', lang);
  const attention = live.filter((r) => r.problems.length).map((r) => r.sheetRow);
  const attentionText = attention.length
    ? `; ${lang === 'en' ? 'rows needing attention' : 'baris perlu perhatian'}: ${attention.join(', ')}`
    : '';
  appendLogLines(ss, label, [
    ...rows.filter((r) => r.changed).map((r) => decisionLine(r, lang)),
    `${pick(summary, lang)}${attentionText}`,
  ]);
  toast(ctx, summary, TITLE);
  alert(lang, TITLE, report(live, summary, counts.Diterima > 0, lang));
}

/** `Kandidat`'s ID and name columns only, by ID key (the first row of an ID typed twice). */
function readCandidates(ss: Spreadsheet): Map<string, { name: string; sheetRow: number }> {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (!sheet) throw new UserError(NO_CANDIDATES);
  const map = matchHeaders(CANDIDATES_TAB, readHeader(sheet));
  const id = map.index.get('ID');
  const name = map.index.get('Nama Lengkap');
  if (map.missing.length || name === undefined) throw new UserError(describeMissing(CANDIDATES_TAB.name, map.missing));
  // No ID column: no candidate has an ID yet, so every objection names an unknown one (and says so).
  if (id === undefined) return new Map();
  const last = sheet.getLastRow();
  const columns = readColumns(sheet, [id, name], 2, last);
  const ids = columns.get(id) ?? [];
  const names = columns.get(name) ?? [];
  const out = new Map<string, { name: string; sheetRow: number }>();
  ids.forEach((value, i) => {
    const key = objectionKey(cellText(value));
    if (key && !out.has(key)) out.set(key, { name: cellText(names[i]), sheetRow: i + 2 });
  });
  return out;
}

function countsText(counts: Record<(typeof OBJECTION_STATUSES)[number], number>): Bilingual {
  const n = (x: number, lang: Lang) => formatNumber(x, lang);
  const total = OBJECTION_STATUSES.reduce((a, s) => a + counts[s], 0);
  return {
    id: `${n(total, 'id')} sanggahan: ${n(counts.Diterima, 'id')} Diterima, ${n(counts.Ditolak, 'id')} Ditolak, ${n(counts.Terlambat, 'id')} Terlambat, ${n(counts['Tidak sah'], 'id')} Tidak sah, ${n(counts.Menunggu, 'id')} Menunggu`,
    en: `${n(total, 'en')} objections: ${n(counts.Diterima, 'en')} accepted, ${n(counts.Ditolak, 'en')} rejected, ${n(counts.Terlambat, 'en')} late, ${n(counts['Tidak sah'], 'en')} invalid, ${n(counts.Menunggu, 'en')} waiting`,
  };
}

/** One Log line per decision recorded or changed: which row and ID, what, and why. */
function decisionLine(r: ObjectionOutcome, lang: Lang): string {
  const who = `${lang === 'en' ? 'Sanggah row' : 'Sanggah baris'} ${r.sheetRow}, ${r.id || '?'} (${clip(r.name, 40)})`;
  const was = r.previous ? ` (${lang === 'en' ? 'was' : 'sebelumnya'} ${r.previous})` : '';
  const why = r.reason
    ? ` — ${clip(r.reason, 300)}`
    : r.problems.length
      ? ` — ${clip(pick(r.problems[0], lang), 300)}`
      : '';
  return `${who}: ${r.status}${was}${why}`;
}

function problemLines(rows: readonly ObjectionOutcome[], lang: Lang, max: number): string[] {
  const lines = rows
    .filter((r) => r.problems.length)
    .map(
      (r) =>
        `• ${lang === 'en' ? 'Row' : 'Baris'} ${r.sheetRow} (${r.id || '?'}, ${r.status}): ${r.problems.map((p) => pick(p, lang)).join(' ')}`,
    );
  if (lines.length <= max) return lines;
  const more = lines.length - max;
  return [
    ...lines.slice(0, max),
    lang === 'en' ? `… and ${more} more rows (see the Log tab).` : `… dan ${more} baris lagi (lihat tab Log).`,
  ];
}

function report(rows: readonly ObjectionOutcome[], summary: Bilingual, accepted: boolean, lang: Lang): string {
  const problems = problemLines(rows, lang, SHOWN_PROBLEMS);
  const parts = [`${pick(summary, lang)}.`];
  if (problems.length)
    parts.push(
      lang === 'en'
        ? `Rows on the Sanggah tab that need attention (fix them and run "Process objections" again):\n${problems.join('\n')}`
        : `Baris di tab Sanggah yang perlu perhatian (perbaiki lalu jalankan lagi Proses sanggah):\n${problems.join('\n')}`,
    );
  if (accepted)
    parts.push(
      lang === 'en'
        ? 'An accepted objection makes the candidate MS at the next "Validate candidate data" (and when the row is edited).'
        : 'Sanggahan yang diterima membuat kandidat MS pada Validasi data kandidat berikutnya (dan saat barisnya diubah).',
    );
  return parts.join('\n\n');
}
