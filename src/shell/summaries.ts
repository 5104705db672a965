/** "Perbarui rekap": rebuild `Rekap Seleksi` and `Rekap Kehadiran` from what the workbook holds now. */
import { type PlaceNames, placeNames } from '../core/placeNames';
import { ATTENDANCE_PREFIX, attendanceTabName, readAttendanceRows } from '../core/attendance';
import { describeMissing, matchHeaders, rowRecord } from '../core/headers';
import { menuLabel } from '../core/menu';
import { agreementByRegency } from '../core/resultsReport';
import { CANDIDATES_TAB, OBJECTIONS_TAB, SESSIONS_TAB, VILLAGES_TAB } from '../core/schema';
import { objectionKey, writtenStatuses } from '../core/objections';
import { parseSessions } from '../core/sessions';
import type { Settings } from '../core/settings';
import {
  ATTENDANCE_SUMMARY_TAB,
  SELECTION_SUMMARY_TAB,
  type SessionAttendance,
  type SummaryCandidate,
  type VillageTarget,
  attendanceSummary,
  selectionSummary,
} from '../core/summaries';
import { type Bilingual, type Grid, pick } from '../core/types';
import { RULES } from '../core/validation/findings';
import { isBlankRow } from '../core/validation/record';
import { parseSex } from '../core/validation/rules';
import { validateCandidates } from '../core/validation/validate';
import { type VillageIndex, findTargetVillage, unitKey, villageIndex } from '../core/validation/villages';
import { ageReference } from '../core/settings';
import type { ActionContext } from './action';
import { toast } from './action';
import { UserError } from './errors';
import { appendLog } from './log';
import { type RankingSources, loadRanking } from './ranking';
import { renderLayout } from './render';
import { type SheetClock, loadSettings, sheetClock } from './settings';
import { madeStamp, readTab } from './workbook';
import { readColumns, readHeader, sparseGrid } from './sheetLookup';
import { cellText } from '../core/text';
import { reportStamp } from '../core/freshness';
import { maskNik, nikText } from '../core/nik';
import type { PassedCandidate } from '../core/rollup/package';
import { publishPackage } from './rollupPackage';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NOT_VALIDATED: Bilingual = {
  id: 'Kandidat belum divalidasi: jalankan Validasi data kandidat agar MS/TMS terhitung.',
  en: 'Candidates are not validated yet: run "Validate candidate data" to count MS/TMS.',
};
const NOT_RANKED: Bilingual = {
  id: 'Peringkat belum dihitung: jalankan Hitung skor & peringkat agar hasil seleksi terhitung.',
  en: 'The ranking has not been computed: run "Compute scores & ranking" to count the results.',
};
const NO_CANDIDATES: Bilingual = { id: 'Tab Kandidat belum berisi data.', en: 'The Kandidat tab holds no data yet.' };

function villageKey(
  index: VillageIndex | undefined,
  village: string,
  district: string,
  regency: string,
): { key: string; province?: string; regency?: string; village?: string } {
  const target = index ? findTargetVillage(index, village, district, regency) : undefined;
  if (target)
    return { key: `v${target.sheetRow}`, province: target.province, regency: target.regency, village: target.village };
  return { key: unitKey(regency, district, village) };
}

/** The panel agreement per regency, as the summary shows it (undefined: nothing to show). */
export type Agreement = ReturnType<typeof agreementByRegency> | undefined;

export interface SelectionData {
  places: PlaceNames;
  /** Lulus and Cadangan candidates with masked NIKs, for `Paket Rekap`. */
  passed: PassedCandidate[];
  candidates: SummaryCandidate[];
  keys: string[];
  villages: VillageTarget[];
  tmsReasons: Array<[string, number]>;
  objections?: Array<{ regency: string; status: string }>;
  notices: Bilingual[];
  agreement: Agreement;
}

/**
 * Everything `Rekap Seleksi` shows. The panel agreement is computed here from the tab just read,
 * unless `known` carries it (a batched job computed it in an earlier step, see summariesJob.ts).
 */
export function selectionData(
  ss: Spreadsheet,
  settings: Settings,
  clock: SheetClock,
  lang: 'id' | 'en',
  known?: { agreement: Agreement },
): SelectionData {
  const candidatesTab = readTab(ss, CANDIDATES_TAB.name);
  const values = candidatesTab?.values ?? [];
  const villageRows = readTab(ss, VILLAGES_TAB.name)?.values;
  const index = villageIndex(villageRows);
  const places = placeNames(index);
  const villages: VillageTarget[] = (index?.villages ?? []).map((v) => ({
    province: v.province,
    regency: v.regency,
    village: v.village,
    quota: v.quota ?? settings.quotaPerUnit,
    key: `v${v.sheetRow}`,
  }));
  const notices: Bilingual[] = [];
  if (values.length < 2)
    return {
      places,
      passed: [],
      candidates: [],
      keys: [],
      villages,
      tmsReasons: [],
      notices: [NO_CANDIDATES],
      agreement: undefined,
    };
  const map = matchHeaders(CANDIDATES_TAB, values[0]);
  if (map.missing.length) throw new UserError(describeMissing(CANDIDATES_TAB.name, map.missing));
  const candidates: SummaryCandidate[] = [];
  const keys: string[] = [];
  const passed: PassedCandidate[] = [];
  const regencyById = new Map<string, string>();
  values.slice(1).forEach((row, i) => {
    if (isBlankRow(map, row)) return;
    const r = rowRecord(map, i + 2, row, undefined);
    const place = villageKey(index, r.text('Desa/Kelurahan'), r.text('Kecamatan'), r.text('Kabupaten/Kota'));
    const final = r.value('Skor Akhir');
    const candidate: SummaryCandidate = {
      province: place.province ?? r.text('Provinsi'),
      regency: place.regency ?? places.regency(r.text('Kabupaten/Kota')),
      village: place.village ?? places.village(r.text('Desa/Kelurahan'), r.text('Kecamatan'), r.text('Kabupaten/Kota')),
      sex: parseSex(r.value('Jenis Kelamin')) ?? '',
      status: r.text('Status Administrasi'),
      result: r.text('Hasil Seleksi'),
      final: typeof final === 'number' ? final : undefined,
    };
    candidates.push(candidate);
    keys.push(place.key);
    const id = objectionKey(r.text('ID'));
    if (id && !regencyById.has(id)) regencyById.set(id, candidate.regency);
    if (candidate.result === 'Lulus' || candidate.result === 'Cadangan') {
      const rank = r.value('Peringkat');
      passed.push({
        province: candidate.province,
        regency: candidate.regency,
        village: candidate.village,
        id: r.text('ID'),
        name: r.text('Nama Lengkap'),
        // Masked whatever the masking setting: the package leaves this workbook.
        nik: maskNik(nikText(r.value('NIK')).cleaned),
        result: candidate.result,
        rank: typeof rank === 'number' ? rank : undefined,
        score: candidate.final,
      });
    }
  });
  const validated = candidates.some((c) => c.status);
  if (!validated) notices.push(NOT_VALIDATED);
  if (!candidates.some((c) => c.result)) notices.push(NOT_RANKED);
  return {
    places,
    passed,
    candidates,
    keys,
    villages,
    tmsReasons: tmsReasons(values, settings, clock, lang),
    objections: objectionsByRegency(ss, regencyById, lang),
    notices,
    agreement: known
      ? known.agreement
      : agreement(ss, settings, clock, validated, { candidatesTab, villages: villageRows }),
  };
}

/** Every objection on `Sanggah` with its candidate's regency (an unknown ID under its own line); undefined without the tab. */
function objectionsByRegency(
  ss: Spreadsheet,
  regencyById: ReadonlyMap<string, string>,
  lang: 'id' | 'en',
): Array<{ regency: string; status: string }> | undefined {
  const values = readTab(ss, OBJECTIONS_TAB.name)?.values;
  if (!values) return undefined;
  const unknown = lang === 'en' ? '(ID not on Kandidat)' : '(ID tidak ada di Kandidat)';
  return writtenStatuses(values).map((o) => ({ regency: regencyById.get(o.key) ?? unknown, status: o.status }));
}

/** The reasons behind today's TMS rows: the core validation run again (nothing is written). */
function tmsReasons(values: Grid, settings: Settings, clock: SheetClock, lang: 'id' | 'en'): Array<[string, number]> {
  const result = validateCandidates(values, undefined, {
    settings,
    reference: ageReference(settings, clock.today),
    offsetMinutes: clock.offsetMinutes,
    villages: undefined,
  });
  if (!result.ok) return [];
  const counts = new Map<string, number>();
  for (const row of result.rows) {
    if (row.blank || row.record.text('Status Administrasi') !== 'TMS') continue;
    const rules = new Set(row.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    if (rules.size === 0) rules.add('override.applied');
    for (const rule of rules) {
      const title = pick(RULES[rule].title, lang);
      counts.set(title, (counts.get(title) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
}

function agreement(
  ss: Spreadsheet,
  settings: Settings,
  clock: SheetClock,
  validated: boolean,
  sources: RankingSources,
): Agreement {
  if (!validated) return undefined;
  try {
    const data = loadRanking(ss, settings, clock, sources);
    return data.ranking.candidates.some((c) => c.totals.length)
      ? agreementByRegency(data.ranking.candidates)
      : undefined;
  } catch {
    return undefined; // a rubric problem is reported by the ranking action itself
  }
}

/** Kandidat columns the panel agreement rests on: a candidate's ID (its scores), place (its regency) and status. */
const AGREEMENT_COLUMNS = ['ID', 'Desa/Kelurahan', 'Kecamatan', 'Kabupaten/Kota', 'Status Administrasi'] as const;

/**
 * The panel agreement on its own (a batched job's first step), reading of Kandidat only the header
 * and AGREEMENT_COLUMNS (five of some twenty columns); the other cells are left blank for the
 * ranking, which takes from them nothing the agreement uses. A row blank in all five columns has
 * no ID, so no scores of its own, and adds nothing to the agreement: the result is the one the
 * whole tab gives (a validated row always has an ID).
 */
export function panelAgreement(ss: Spreadsheet, settings: Settings, clock: SheetClock): Agreement {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (!sheet) return undefined;
  const header = readHeader(sheet);
  const last = sheet.getLastRow();
  if (last < 2) return undefined;
  const map = matchHeaders(CANDIDATES_TAB, header);
  const columns = AGREEMENT_COLUMNS.map((h) => map.index.get(h)).filter((c): c is number => c !== undefined);
  const values = sparseGrid(header, last, readColumns(sheet, columns, 2, last));
  const status = map.index.get('Status Administrasi');
  const validated =
    status !== undefined && values.some((row, i) => i > 0 && !isBlankRow(map, row) && cellText(row[status]) !== '');
  return agreement(ss, settings, clock, validated, { candidatesTab: { sheet, values } });
}

export function attendanceData(
  ss: Spreadsheet,
  clock: SheetClock,
  places: PlaceNames,
): { sessions: SessionAttendance[]; notices: Bilingual[] } {
  const tab = ss.getSheetByName(SESSIONS_TAB.name);
  if (!tab || tab.getLastRow() < 2)
    return { sessions: [], notices: [{ id: 'Tab Sesi masih kosong.', en: 'The Sesi tab is still empty.' }] };
  const range = tab.getDataRange();
  const parsed = parseSessions(range.getValues() as Grid, range.getDisplayValues(), clock.offsetMinutes);
  const sheets = new Map(
    ss
      .getSheets()
      .filter((s) => s.getName().startsWith(ATTENDANCE_PREFIX))
      .map((s) => [s.getName(), s]),
  );
  const sessions = parsed.sessions.map((s): SessionAttendance => {
    const sheet = sheets.get(attendanceTabName(s.code));
    return {
      code: s.code,
      name: s.name,
      date: s.date,
      regency: places.regency(s.regency),
      rows: sheet ? readAttendanceRows(sheet.getDataRange().getValues() as Grid) : undefined,
    };
  });
  const notices: Bilingual[] = parsed.problems.map((p) => p.message);
  if (sessions.length && sessions.every((s) => !s.rows))
    notices.push({
      id: 'Daftar hadir belum dibuat: jalankan Buat daftar hadir.',
      en: 'No attendance sheets yet: run "Create attendance sheets".',
    });
  return { sessions, notices };
}

/** What a summary built: how many rows it counted, and the notes shown on its tab. */
export interface Built {
  count: number;
  notices: Bilingual[];
}

/** Build `Rekap Seleksi` (with the agreement `known` from an earlier step, or computed here). */
export function buildSelectionSummary(
  ctx: ActionContext,
  clock: SheetClock,
  stamp: string,
  known?: { agreement: Agreement },
): Built & { places: PlaceNames; data: SelectionData } {
  const { ss, lang } = ctx;
  const settings = loadSettings(ctx.settingsRows, clock);
  const selection = selectionData(ss, settings, clock, lang, known);
  renderLayout(
    ss,
    SELECTION_SUMMARY_TAB,
    selectionSummary({ ...selection, lang, stamp: reportStamp(stamp, SELECTION_SUMMARY_TAB, lang) }),
  );
  return { count: selection.candidates.length, notices: selection.notices, places: selection.places, data: selection };
}

/** Build `Rekap Kehadiran`; regency names as `Rekap Seleksi` writes them (`places`, read again when not given). */
export function buildAttendanceSummary(
  ctx: ActionContext,
  clock: SheetClock,
  stamp: string,
  places?: PlaceNames,
): Built & { sessions: SessionAttendance[] } {
  const { ss, lang } = ctx;
  const names = places ?? placeNames(villageIndex(readTab(ss, VILLAGES_TAB.name)?.values));
  const attendance = attendanceData(ss, clock, names);
  renderLayout(
    ss,
    ATTENDANCE_SUMMARY_TAB,
    attendanceSummary({ ...attendance, lang, stamp: reportStamp(stamp, ATTENDANCE_SUMMARY_TAB, lang) }),
  );
  return { count: attendance.sessions.length, notices: attendance.notices, sessions: attendance.sessions };
}

/** The Log row of a refresh, and the line that ends it (a toast, or the dialog's last line). */
export function logSummaries(ctx: ActionContext, selection: Built, attendance: Built): Bilingual {
  const { ss, lang } = ctx;
  const notes = [...selection.notices, ...attendance.notices].map((n) => pick(n, lang));
  appendLog(
    ss,
    menuLabel('refreshSummaries', lang),
    [`${SELECTION_SUMMARY_TAB}: ${selection.count}; ${ATTENDANCE_SUMMARY_TAB}: ${attendance.count}`, ...notes].join(
      '\n',
    ),
  );
  return {
    id: `Rekap diperbarui${notes.length ? ` (${notes.length} catatan di tab rekap)` : ''}.`,
    en: `Summaries updated${notes.length ? ` (${notes.length} note${notes.length === 1 ? '' : 's'} on the summary tabs)` : ''}.`,
  };
}

/** Perbarui rekap in one execution (a workbook small enough; see summariesJob.ts for a large one). */
export function refreshSummaries(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  // A setting that cannot be read stops the action before anything is said or written.
  loadSettings(ctx.settingsRows, clock);
  toast(ctx, { id: 'Memperbarui rekap…', en: 'Updating the summaries…' }, { id: 'Seleksi & FGD', en: 'Seleksi & FGD' });
  const stamp = madeStamp(ss, lang);
  const selection = buildSelectionSummary(ctx, clock, stamp);
  const attendance = buildAttendanceSummary(ctx, clock, stamp, selection.places);
  publishPackage(ctx, selection.data, attendance.sessions);
  toast(ctx, logSummaries(ctx, selection, attendance), { id: 'Selesai', en: 'Done' });
}
