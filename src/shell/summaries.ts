/** "Perbarui rekap": rebuild `Rekap Seleksi` and `Rekap Kehadiran` from what the workbook holds now. */
import { type PlaceNames, placeNames } from '../core/placeNames';
import { ATTENDANCE_PREFIX, attendanceTabName, readAttendanceRows } from '../core/attendance';
import { describeMissing, matchHeaders, rowRecord } from '../core/headers';
import { menuLabel } from '../core/menu';
import { agreementByRegency } from '../core/resultsReport';
import { CANDIDATES_TAB, SESSIONS_TAB, VILLAGES_TAB } from '../core/schema';
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
import { reportStamp } from '../core/freshness';

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

interface SelectionData {
  places: PlaceNames;
  candidates: SummaryCandidate[];
  keys: string[];
  villages: VillageTarget[];
  tmsReasons: Array<[string, number]>;
  notices: Bilingual[];
  agreement: ReturnType<typeof agreementByRegency> | undefined;
}

function selectionData(ss: Spreadsheet, settings: Settings, clock: SheetClock, lang: 'id' | 'en'): SelectionData {
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
  values.slice(1).forEach((row, i) => {
    if (isBlankRow(map, row)) return;
    const r = rowRecord(map, i + 2, row, undefined);
    const place = villageKey(index, r.text('Desa/Kelurahan'), r.text('Kecamatan'), r.text('Kabupaten/Kota'));
    const final = r.value('Skor Akhir');
    candidates.push({
      province: place.province ?? r.text('Provinsi'),
      regency: place.regency ?? places.regency(r.text('Kabupaten/Kota')),
      village: place.village ?? places.village(r.text('Desa/Kelurahan'), r.text('Kecamatan'), r.text('Kabupaten/Kota')),
      sex: parseSex(r.value('Jenis Kelamin')) ?? '',
      status: r.text('Status Administrasi'),
      result: r.text('Hasil Seleksi'),
      final: typeof final === 'number' ? final : undefined,
    });
    keys.push(place.key);
  });
  if (!candidates.some((c) => c.status)) notices.push(NOT_VALIDATED);
  if (!candidates.some((c) => c.result)) notices.push(NOT_RANKED);
  return {
    places,
    candidates,
    keys,
    villages,
    tmsReasons: tmsReasons(values, settings, clock, lang),
    notices,
    agreement: agreement(ss, settings, clock, candidates, { candidatesTab, villages: villageRows }),
  };
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
  candidates: SummaryCandidate[],
  sources: RankingSources,
): ReturnType<typeof agreementByRegency> | undefined {
  if (!candidates.some((c) => c.status)) return undefined;
  try {
    const data = loadRanking(ss, settings, clock, sources);
    return data.ranking.candidates.some((c) => c.totals.length)
      ? agreementByRegency(data.ranking.candidates)
      : undefined;
  } catch {
    return undefined; // a rubric problem is reported by the ranking action itself
  }
}

function attendanceData(
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

/** Menu: Perbarui rekap. */
export function refreshSummaries(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  toast(ctx, { id: 'Memperbarui rekap…', en: 'Updating the summaries…' }, { id: 'Seleksi & FGD', en: 'Seleksi & FGD' });
  const stamp = madeStamp(ss, lang);
  const selection = selectionData(ss, settings, clock, lang);
  renderLayout(
    ss,
    SELECTION_SUMMARY_TAB,
    selectionSummary({ ...selection, lang, stamp: reportStamp(stamp, SELECTION_SUMMARY_TAB, lang) }),
  );
  const attendance = attendanceData(ss, clock, selection.places);
  renderLayout(
    ss,
    ATTENDANCE_SUMMARY_TAB,
    attendanceSummary({ ...attendance, lang, stamp: reportStamp(stamp, ATTENDANCE_SUMMARY_TAB, lang) }),
  );
  const notes = [...selection.notices, ...attendance.notices].map((n) => pick(n, lang));
  appendLog(
    ss,
    menuLabel('refreshSummaries', lang),
    [
      `${SELECTION_SUMMARY_TAB}: ${selection.candidates.length}; ${ATTENDANCE_SUMMARY_TAB}: ${attendance.sessions.length}`,
      ...notes,
    ].join('\n'),
  );
  toast(
    ctx,
    {
      id: `Rekap diperbarui${notes.length ? ` (${notes.length} catatan di tab rekap)` : ''}.`,
      en: `Summaries updated${notes.length ? ` (${notes.length} note${notes.length === 1 ? '' : 's'} on the summary tabs)` : ''}.`,
    },
    { id: 'Selesai', en: 'Done' },
  );
}
