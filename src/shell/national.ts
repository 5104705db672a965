/**
 * The coordinator workbook: "Perbarui rekap nasional" reads each regency workbook's `Paket Rekap`
 * through the Sheets advanced service (the only file access the add-on has is `drive.file`: the
 * workbooks the coordinator chose in the Picker), keeps what it needs in two hidden archive tabs,
 * and builds `Rekap Nasional` (and `Daftar Lulus Nasional`) from them.
 *
 * A source whose package has not changed since the last reading costs one small read (its stamp);
 * a changed one, one more. Readings are appended to the archive before `Sumber Rekap` records
 * them, and only the last reading of each source's current package counts, so a batch that fails
 * and runs again never counts a regency twice.
 */
import { asText } from '../core/cells';
import { matchHeaders } from '../core/headers';
import { menuLabel } from '../core/menu';
import { PACKAGE_TAB, type PackageProblem, STAMP_KEYS, checksum, readPackage, readStamp } from '../core/rollup/package';
import { bandEnd, layoutSize } from '../core/layoutCells';
import {
  ARCHIVE_PASS_TAB,
  ARCHIVE_TAB,
  NATIONAL_PASS_TAB,
  SOURCE_STATUS,
  NATIONAL_TAB,
  type SourceStatus,
  archiveKey,
  archiveRows,
  currentRows,
  staleRuns,
  nationalFigures,
  nationalLayout,
  passListLayout,
  PASS_LIST_STAMP_ROW,
  samePassList,
  shortVersion,
} from '../core/rollup/national';
import { packageRegencies } from '../core/rollup/package';
import { CANDIDATES_TAB, type HeaderOf, SOURCES_TAB } from '../core/schema';
import { ensureOutputColumns } from './outputColumns';

export { SOURCE_STATUS };
import { cellText } from '../core/text';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import type { ActionContext } from './action';
import { UserError } from './errors';
import { appendLog } from './log';
import { drawRows, finishBuilding, isGenerated, renderLayout, startBuilding, tabBeingBuilt } from './render';
import { loadSettings, sheetClock } from './settings';
import { madeStamp, writeBlock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One listed regency workbook. */
export interface Source {
  row: number;
  url: string;
  id: string | undefined;
  province: string;
  regency: string;
  version: string;
  read: string;
  status: string;
  note: string;
}

export interface SourcesTab {
  sheet: Sheet;
  index: Map<string, number>;
  width: number;
  sources: Source[];
}

const NO_SOURCES_TAB: Bilingual = {
  id: `Tab ${SOURCES_TAB.name} belum ada. Jalankan menu ${menuLabel('setupCoordinatorWorkbook', 'id')} di workbook koordinator, lalu tambahkan workbook kabupaten/kota.`,
  en: `There is no ${SOURCES_TAB.name} tab yet. Run "${menuLabel('setupCoordinatorWorkbook', 'en')}" in the coordinator workbook, then add the regency workbooks.`,
};

/** The id in a spreadsheet's address (…/spreadsheets/d/<id>/…), or the id itself. */
export function fileIdOf(url: string): string | undefined {
  const text = url.trim();
  const m = /\/d\/([a-zA-Z0-9_-]{20,})/.exec(text) ?? /^([a-zA-Z0-9_-]{25,})$/.exec(text);
  return m?.[1];
}

export function readSources(ss: Spreadsheet): SourcesTab {
  const sheet = ss.getSheetByName(SOURCES_TAB.name);
  if (!sheet) throw new UserError(NO_SOURCES_TAB);
  const values = sheet.getDataRange().getValues() as Grid;
  const map = matchHeaders(SOURCES_TAB, values[0] ?? []);
  if (map.missing.length) throw new UserError(NO_SOURCES_TAB);
  const at = (row: readonly CellValue[], h: HeaderOf<typeof SOURCES_TAB>) => {
    const i = map.index.get(h);
    return i === undefined ? '' : cellText(row[i]);
  };
  const sources: Source[] = [];
  values.slice(1).forEach((row, i) => {
    const url = at(row, 'URL Workbook');
    if (url === '') return;
    sources.push({
      row: i + 2,
      url,
      id: fileIdOf(url),
      province: at(row, 'Provinsi'),
      regency: at(row, 'Kabupaten/Kota'),
      version: at(row, 'Versi Data'),
      read: at(row, 'Terakhir Dibaca'),
      status: at(row, 'Status'),
      note: at(row, 'Catatan'),
    });
  });
  // The add-on's four columns, added at the right end when a hand-made tab lacks them.
  const outputs = SOURCES_TAB.columns.filter((c) => c.output).map((c) => c.header);
  const index = ensureOutputColumns(sheet, map.index, values[0]?.length ?? 0, outputs);
  return { sheet, index, width: Math.max(values[0]?.length ?? 0, Math.max(...index.values()) + 1), sources };
}

// ---- Reading one regency workbook -------------------------------------------------------------

/** What reading one source gave. A problem keeps the source's last good reading counted. */
export type Reading =
  | { kind: 'read'; version: string; province: string; regency: string; made: string; summary: Grid; passed: Grid }
  | { kind: 'unchanged' }
  | { kind: 'problem'; status: string; note: Bilingual };

const READ_ERRORS: Array<{ match: RegExp; note: Bilingual }> = [
  {
    // Google's per-minute read quota (HTTP 429): the workbook is fine, the next run reads it.
    match: /quota|rate limit|too many requests|429/i,
    note: {
      id: 'Kuota baca Google per menit sedang habis, jadi workbook ini belum dibaca; bacaan terakhirnya tetap dipakai. Jalankan lagi Perbarui rekap nasional beberapa menit lagi.',
      en: 'Google’s per-minute read quota ran out, so this workbook was not read; its last reading still counts. Run "Update the national summary" again in a few minutes.',
    },
  },
  {
    match: /not found/i,
    note: {
      id: 'Workbook tidak ditemukan (dihapus, atau URL salah). Periksa URL-nya.',
      en: 'The workbook was not found (deleted, or a wrong URL). Check its address.',
    },
  },
  {
    match: /permission|insufficient authentication scopes|not sufficient/i,
    note: {
      id: `Add-on belum diizinkan membaca workbook ini. Pilih workbook ini dengan menu ${menuLabel('chooseRegencyWorkbooks', 'id')} (akun Anda juga harus dapat membukanya).`,
      en: `The add-on is not allowed to read this workbook yet. Choose it with "${menuLabel('chooseRegencyWorkbooks', 'en')}" (your account must be able to open it too).`,
    },
  },
];

function sheetsApi(): GoogleAppsScript.Sheets {
  return (globalThis as unknown as { Sheets: GoogleAppsScript.Sheets }).Sheets;
}

function batchGet(id: string, range: string): Grid {
  const response = sheetsApi().Spreadsheets!.Values!.batchGet(id, {
    ranges: [range],
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  return (response.valueRanges?.[0]?.values ?? []) as Grid;
}

const problemNotes: Record<PackageProblem['kind'], { status: string; note: Bilingual }> = {
  missing: {
    status: SOURCE_STATUS.notSummarised,
    note: {
      id: 'Tab Paket Rekap kosong. Di workbook itu jalankan menu Perbarui rekap.',
      en: 'The Paket Rekap tab is empty. Run "Update summaries" in that workbook.',
    },
  },
  format: {
    status: SOURCE_STATUS.notAddon,
    note: {
      id: 'Tab Paket Rekap di workbook itu bukan buatan add-on ini. Pastikan URL-nya workbook kabupaten/kota yang benar.',
      en: 'The Paket Rekap tab there was not made by this add-on. Make sure the address is the right regency workbook.',
    },
  },
  older: {
    status: SOURCE_STATUS.older,
    note: {
      id: 'Paket dibuat versi add-on yang lebih lama. Di workbook itu jalankan lagi menu Perbarui rekap.',
      en: 'The package was made by an older version of the add-on. Run "Update summaries" in that workbook again.',
    },
  },
  newer: {
    status: SOURCE_STATUS.newer,
    note: {
      id: 'Paket dibuat versi add-on yang lebih baru dari workbook ini. Perbarui add-on di workbook koordinator.',
      en: 'The package was made by a newer add-on version than this workbook has. Update the add-on in the coordinator workbook.',
    },
  },
  edited: {
    status: SOURCE_STATUS.edited,
    note: {
      id: 'Isi tab Paket Rekap di workbook itu diubah manual, jadi tidak dipakai. Di workbook itu jalankan lagi menu Perbarui rekap.',
      en: 'The Paket Rekap tab there was edited by hand, so it is not used. Run "Update summaries" in that workbook again.',
    },
  },
};

/** No `Paket Rekap` tab: an add-on workbook not summarised yet, or not an add-on workbook at all. */
function withoutPackage(id: string): { status: string; note: Bilingual } {
  const titles = (sheetsApi().Spreadsheets!.get(id, { fields: 'sheets.properties.title' }).sheets ?? []).map(
    (s) => s.properties?.title ?? '',
  );
  return titles.includes(CANDIDATES_TAB.name)
    ? {
        status: SOURCE_STATUS.notSummarised,
        note: {
          id: 'Workbook ini belum punya tab Paket Rekap. Di workbook itu jalankan menu Perbarui rekap.',
          en: 'This workbook has no Paket Rekap tab yet. Run "Update summaries" in that workbook.',
        },
      }
    : problemNotes.format;
}

const stampRange = `'${PACKAGE_TAB}'!A1:B${STAMP_KEYS.length}`;
const packageRange = `'${PACKAGE_TAB}'!A1:AG`;

/**
 * One source: its stamp first; the whole package only when it changed since the last reading and
 * that reading is still in the archive (`archived`: the archive's keys). A source taken off
 * `Sumber Rekap` loses its archived rows at the next update; put back as it was (an undo, a row
 * pasted back), its `Versi Data` matches its package again, but it must be read again to count.
 */
export function readSource(source: Source, byVillage: boolean, archived: ReadonlySet<string>): Reading {
  const id = source.id as string;
  try {
    let stampRows: Grid;
    try {
      stampRows = batchGet(id, stampRange);
    } catch (error) {
      if (/Unable to parse range/i.test(String(error))) return { kind: 'problem', ...withoutPackage(id) };
      throw error;
    }
    const stamp = readStamp(stampRows);
    const version = stamp ? shortVersion(stamp.checksum) : '';
    if (version !== '' && version === source.version && archived.has(archiveKey(id, version)))
      return { kind: 'unchanged' };
    const read = readPackage(batchGet(id, packageRange));
    if (!read.ok) return { kind: 'problem', ...problemNotes[read.problem.kind] };
    const readVersion = shortVersion(read.stamp.checksum);
    const rows = archiveRows(archiveKey(id, readVersion), read.pkg, byVillage);
    const main = packageRegencies(read.pkg)[0] ?? { province: '', regency: '' };
    return { kind: 'read', version: readVersion, ...main, made: read.stamp.made, ...rows };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const known = READ_ERRORS.find((e) => e.match.test(message));
    if (!known) console.error(`Sumber Rekap row ${source.row}: ${message}`);
    return {
      kind: 'problem',
      status: SOURCE_STATUS.unreachable,
      note: known?.note ?? {
        id: `Workbook tidak dapat dibaca: ${message.split('\n')[0].slice(0, 200)}. Coba lagi nanti.`,
        en: `The workbook could not be read: ${message.split('\n')[0].slice(0, 200)}. Try again later.`,
      },
    };
  }
}

// ---- The archive -------------------------------------------------------------------------------

const ARCHIVE_NOTE =
  'Seleksi & FGD — arsip bacaan paket rekap untuk Rekap Nasional; diisi dan dirapikan oleh add-on. Jangan diubah. / The national summary’s archive of package readings, kept by the add-on. Do not edit.';

/** A hidden generated tab (created on first use). */
function archiveSheet(ss: Spreadsheet, name: string): Sheet {
  const found = ss.getSheetByName(name);
  if (found) return found;
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1).setNote(ARCHIVE_NOTE);
  sheet.hideSheet();
  return sheet;
}

/** The keys (source and version) of the readings the archive holds: its first column, one read. */
function archivedKeys(ss: Spreadsheet): Set<string> {
  const sheet = ss.getSheetByName(ARCHIVE_TAB);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last === 0) return new Set();
  return new Set((sheet.getRange(1, 1, last, 1).getValues() as Grid).map((r) => cellText(r[0])));
}

/** Appends rows below the archive's last row (one write; rows padded to one width). */
export function appendArchive(ss: Spreadsheet, name: string, rows: Grid): void {
  if (rows.length === 0) return;
  const sheet = archiveSheet(ss, name);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const padded = rows.map((r) => [
    ...r.map((v) => (typeof v === 'string' ? asText(v) : v)),
    ...new Array<CellValue>(width - r.length).fill(''),
  ]);
  writeBlock(sheet, sheet.getLastRow() + 1, 1, padded);
}

/**
 * Stale runs deleted one `deleteRows` call each up to this many; past it the archive is rewritten
 * whole (one block write), as when many sources changed in an interleaved order.
 */
const MAX_STALE_RUNS = 50;

/**
 * The archive's rows that count, the rest taken out of the archive: each run of stale rows deleted
 * (a source read again leaves its old block as one run, so a whole update's worth of new readings
 * costs one call rather than rewriting every row kept), or, past MAX_STALE_RUNS, the kept rows
 * rewritten.
 */
function currentArchive(ss: Spreadsheet, name: string, current: ReadonlySet<string>): Grid {
  const sheet = ss.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  const all = sheet.getDataRange().getValues() as Grid;
  const kept = currentRows(all, current);
  if (!kept.stale) return kept.rows;
  const runs = staleRuns(all, current);
  if (kept.rows.length > 0 && runs.length <= MAX_STALE_RUNS) {
    for (const run of runs) sheet.deleteRows(run.row, run.rows);
    // Deleting the first row took its note along.
    if (runs[runs.length - 1].row === 1) sheet.getRange(1, 1).setNote(ARCHIVE_NOTE);
    return kept.rows;
  }
  sheet.clearContents();
  const width = kept.rows.reduce((w, r) => Math.max(w, r.length), 1);
  if (kept.rows.length)
    writeBlock(
      sheet,
      1,
      1,
      kept.rows.map((r) => [
        ...r.map((v) => (typeof v === 'string' ? asText(v) : v)),
        ...new Array<CellValue>(width - r.length).fill(''),
      ]),
    );
  return kept.rows;
}

// ---- Recording what was read ---------------------------------------------------------------

export interface Outcome {
  source: Source;
  status: string;
  note: string;
  read?: string;
  version?: string;
  province?: string;
  regency?: string;
}

/**
 * Writes each outcome on its `Sumber Rekap` row: the four add-on columns, and Provinsi /
 * Kabupaten/Kota from the package where the coordinator left them blank. One block write.
 */
export function recordOutcomes(tab: SourcesTab, outcomes: readonly Outcome[]): void {
  if (outcomes.length === 0) return;
  const col = (h: string) => tab.index.get(h) as number;
  const first = Math.min(...outcomes.map((o) => o.source.row));
  const last = Math.max(...outcomes.map((o) => o.source.row));
  const range = tab.sheet.getRange(first, 1, last - first + 1, tab.width);
  const grid = range.getValues() as Grid;
  for (const o of outcomes) {
    const row = grid[o.source.row - first];
    row[col('Status')] = o.status;
    row[col('Catatan')] = o.note;
    if (o.read !== undefined) row[col('Terakhir Dibaca')] = o.read;
    if (o.version !== undefined) row[col('Versi Data')] = o.version;
    if (o.province && cellText(row[col('Provinsi')]) === '') row[col('Provinsi')] = o.province;
    if (o.regency && cellText(row[col('Kabupaten/Kota')]) === '') row[col('Kabupaten/Kota')] = o.regency;
  }
  range.setValues(grid.map((r) => r.map((v) => (typeof v === 'string' ? asText(v) : v))));
}

/** Reads `sources` (a batch), archives the new readings, then records every outcome. */
export function readBatch(
  ctx: ActionContext,
  tab: SourcesTab,
  sources: readonly Source[],
  byVillage: boolean,
  when: string,
): Outcome[] {
  const outcomes: Outcome[] = [];
  const summary: Grid = [];
  const passed: Grid = [];
  const archived = archivedKeys(ctx.ss);
  for (const source of sources) {
    const reading = readSource(source, byVillage, archived);
    if (reading.kind === 'read') {
      summary.push(...reading.summary);
      passed.push(...reading.passed);
      outcomes.push({
        source,
        status: SOURCE_STATUS.read,
        note: pick({ id: `Paket dibuat ${reading.made}.`, en: `Package made ${reading.made}.` }, ctx.lang),
        read: when,
        version: reading.version,
        province: reading.province,
        regency: reading.regency,
      });
    } else if (reading.kind === 'unchanged')
      outcomes.push({
        source,
        status: SOURCE_STATUS.unchanged,
        note: pick(
          {
            id: 'Paket sama dengan bacaan terakhir: tidak dibaca ulang.',
            en: 'Same package as the last reading: not read again.',
          },
          ctx.lang,
        ),
      });
    else outcomes.push({ source, status: reading.status, note: pick(reading.note, ctx.lang) });
  }
  // The archive first: a failure before the versions are recorded only makes the next run read again.
  appendArchive(ctx.ss, ARCHIVE_TAB, summary);
  appendArchive(ctx.ss, ARCHIVE_PASS_TAB, passed);
  recordOutcomes(tab, outcomes);
  return outcomes;
}

/** Sources that cannot be read at all (no id in the address, or listed twice), and the ones to read. */
export function planSources(tab: SourcesTab, lang: Lang): { toRead: Source[]; refused: Outcome[] } {
  const seen = new Map<string, number>();
  const toRead: Source[] = [];
  const refused: Outcome[] = [];
  for (const source of tab.sources) {
    if (!source.id) {
      refused.push({
        source,
        status: SOURCE_STATUS.badUrl,
        note: pick(
          {
            id: `Alamat ini bukan alamat spreadsheet Google. Salin alamat workbook kabupaten/kota dari browser, atau pilih dengan menu ${menuLabel('chooseRegencyWorkbooks', 'id')}.`,
            en: `This is not a Google spreadsheet address. Copy the regency workbook's address from the browser, or choose it with "${menuLabel('chooseRegencyWorkbooks', 'en')}".`,
          },
          lang,
        ),
      });
      continue;
    }
    const earlier = seen.get(source.id);
    if (earlier !== undefined) {
      refused.push({
        source,
        status: SOURCE_STATUS.duplicate,
        note: pick(
          {
            id: `Workbook yang sama sudah ada di baris ${earlier}; baris ini tidak dihitung. Hapus salah satunya.`,
            en: `The same workbook is already on row ${earlier}; this row is not counted. Delete one of them.`,
          },
          lang,
        ),
      });
      continue;
    }
    seen.set(source.id, source.row);
    toRead.push(source);
  }
  return { toRead, refused };
}

// ---- Building the national tabs ----------------------------------------------------------------

/** The archive keys that count: each listed workbook's latest reading. */
function currentKeys(ctx: ActionContext): { tab: SourcesTab; current: Set<string> } {
  const tab = readSources(ctx.ss);
  const { toRead } = planSources(tab, ctx.lang);
  return { tab, current: new Set(toRead.filter((s) => s.version).map((s) => archiveKey(s.id as string, s.version))) };
}

/** Builds `Daftar Lulus Nasional` from its archive in one execution (the menu's update of a few workbooks). */
export function buildPassList(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  if (!loadSettings(ctx.settingsRows, sheetClock(ss)).nationalPassList) return;
  const passed = currentArchive(ss, ARCHIVE_PASS_TAB, currentKeys(ctx).current);
  renderLayout(ss, NATIONAL_PASS_TAB, passListLayout(passed, lang, madeStamp(ss, lang)));
}

/**
 * Where a `Daftar Lulus Nasional` built band by band stands between steps: the stamp it shows, a
 * checksum of everything else it will hold, the tab being built (its id: a tab of the same
 * temporary name made since is another one) and the first row not drawn on it yet.
 */
export interface PassListProgress {
  stamp: string;
  fingerprint: string;
  sheetId: number;
  next: number;
}

/** The list's checksum without its stamp line (which says when the building started). */
const listFingerprint = (values: Grid) => checksum(values.filter((_, i) => i !== PASS_LIST_STAMP_ROW - 1));

/**
 * One step of `Daftar Lulus Nasional` in the batched update: at most `maxRows` rows drawn on the
 * tab being built (under its temporary name, so a stopped update never leaves a tab that looks
 * complete), the last step putting it in the old tab's place. Each step recomputes the list from
 * the archive; when it is no longer the list the earlier steps drew (Sumber Rekap or the language
 * changed in between, or the half-built tab was deleted), the building starts over. A list equal
 * to the tab already there, value by value apart from its stamp line, is left as it is.
 * Returns the progress to keep for the next step, or undefined when the tab is done.
 */
export function buildPassListBand(
  ctx: ActionContext,
  progress: PassListProgress | undefined,
  maxRows: number,
): { progress?: PassListProgress; drawn: number; total: number } {
  const { ss, lang } = ctx;
  if (!loadSettings(ctx.settingsRows, sheetClock(ss)).nationalPassList) {
    // Turned off while it was being built: no half-built tab is left behind.
    const leftover = tabBeingBuilt(ss, NATIONAL_PASS_TAB);
    if (leftover) ss.deleteSheet(leftover);
    return { drawn: 0, total: 0 };
  }
  const passed = currentArchive(ss, ARCHIVE_PASS_TAB, currentKeys(ctx).current);
  let stamp = progress?.stamp ?? madeStamp(ss, lang);
  let layout = passListLayout(passed, lang, stamp);
  const fingerprint = listFingerprint(layout.values);
  const building = progress?.fingerprint === fingerprint ? tabBeingBuilt(ss, NATIONAL_PASS_TAB) : null;
  let sheet = building && building.getSheetId() === progress?.sheetId ? building : null;
  // Starting over: the stamp says when this list was made, in today's language.
  if (!sheet && progress) layout = passListLayout(passed, lang, (stamp = madeStamp(ss, lang)));
  const total = layoutSize(layout).rows;
  let from = progress?.next ?? 1;
  if (!sheet) {
    const found = ss.getSheetByName(NATIONAL_PASS_TAB);
    // The add-on's tab (its A1 note), read back whole: one block of values, no notes.
    if (found && isGenerated(found)) {
      if (samePassList(found.getDataRange().getValues() as Grid, layout.values)) {
        const leftover = tabBeingBuilt(ss, NATIONAL_PASS_TAB);
        if (leftover) ss.deleteSheet(leftover);
        return { drawn: total, total };
      }
    }
    sheet = startBuilding(ss, NATIONAL_PASS_TAB, layout);
    from = 1;
  }
  const to = bandEnd(layout, from, maxRows);
  drawRows(sheet, layout, from, to);
  if (to < total)
    return { progress: { stamp, fingerprint, sheetId: sheet.getSheetId(), next: to + 1 }, drawn: to, total };
  finishBuilding(ss, NATIONAL_PASS_TAB, sheet, layout);
  return { drawn: total, total };
}

/** Builds `Rekap Nasional` from the archive, as `Sumber Rekap` says each source stands. */
export function buildNational(ctx: ActionContext): { regencies: number; sources: number; statuses: string[] } {
  const { ss, lang } = ctx;
  const settings = loadSettings(ctx.settingsRows, sheetClock(ss));
  const { tab, current } = currentKeys(ctx);
  const figures = nationalFigures(currentArchive(ss, ARCHIVE_TAB, current));
  const sources: SourceStatus[] = tab.sources.map((s) => ({
    province: s.province,
    regency: s.regency,
    status: s.status,
    read: s.read,
    note: s.note,
  }));
  const stamp = madeStamp(ss, lang);
  renderLayout(
    ss,
    NATIONAL_TAB,
    nationalLayout({ figures, sources, byVillage: settings.nationalByVillage, lang, stamp }),
  );
  return {
    regencies: figures.regencies.length,
    sources: tab.sources.length,
    statuses: tab.sources.map((s) => s.status),
  };
}

/** The Log row and the closing line of an update. */
export function logNational(
  ctx: ActionContext,
  statuses: readonly string[],
  built: { regencies: number; sources: number },
): Bilingual {
  const by = (status: string) => statuses.filter((s) => s === status).length;
  const problems = statuses.length - by(SOURCE_STATUS.read) - by(SOURCE_STATUS.unchanged);
  const line: Bilingual = {
    id: `Rekap nasional diperbarui: ${built.regencies} kabupaten/kota dari ${built.sources} workbook (${by(SOURCE_STATUS.read)} dibaca, ${by(SOURCE_STATUS.unchanged)} tidak berubah, ${problems} bermasalah — lihat Sumber Rekap).`,
    en: `National summary updated: ${built.regencies} regencies from ${built.sources} workbooks (${by(SOURCE_STATUS.read)} read, ${by(SOURCE_STATUS.unchanged)} unchanged, ${problems} with a problem — see Sumber Rekap).`,
  };
  appendLog(ctx.ss, menuLabel('updateNationalSummary', ctx.lang), pick(line, ctx.lang));
  return line;
}
