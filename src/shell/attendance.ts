/**
 * Attendance sheets ("Buat daftar hadir") and adding selected candidates to sessions
 * ("Tambahkan peserta dari hasil seleksi"): the reads, writes, prompts and log lines around the
 * decisions in core/attendancePlan.ts. Each DH tab is rebuilt in a fixed number of calls.
 */
import { attendanceLayout, attendanceTabName, readAttendanceRows } from '../core/attendance';
import type { AttendanceChoices, AttendanceOutcome } from '../core/attendanceApi';
import {
  participantAdditions,
  planSheets,
  refreshChanges,
  selectedCandidates,
  ticksOf,
  withPlaceNames,
} from '../core/attendancePlan';
import { type PlaceNames, placeNames } from '../core/placeNames';
import { formatShortDate } from '../core/dates';
import { menuLabel } from '../core/menu';
import { type Participant, type Session, parseParticipants, parseSessions } from '../core/sessions';
import { CANDIDATES_TAB, PARTICIPANTS_TAB, SESSIONS_TAB } from '../core/schema';
import type { Settings } from '../core/settings';
import { type Bilingual, type Grid, pick } from '../core/types';
import type { ActionContext } from './action';
import { alert, toast } from './action';
import { UserError } from './errors';
import { markReportsStale } from './freshness';
import { appendLog } from './log';
import { isGenerated, renderLayout } from './render';
import { loadSettings, sheetClock } from './settings';
import { readTargetVillages, writeBlock } from './workbook';

interface EventData {
  settings: Settings;
  /** Sessions with their place as spelt on Desa Sasaran. */
  sessions: Session[];
  places: PlaceNames;
  participants: Participant[];
  problems: Bilingual[];
}

function readEventData(ctx: ActionContext): EventData {
  const { ss } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const sesi = ss.getSheetByName(SESSIONS_TAB.name);
  if (!sesi || sesi.getLastRow() < 2)
    throw new UserError({
      id: 'Tab Sesi kosong. Isi sesi (kode, nama kegiatan, tanggal, jam, zona waktu, tempat) lalu coba lagi.',
      en: 'The Sesi tab is empty. Enter the sessions (code, activity, date, time, time zone, venue), then try again.',
    });
  const sesiRange = sesi.getDataRange();
  const parsedSessions = parseSessions(
    sesiRange.getValues() as Grid,
    sesiRange.getDisplayValues(),
    clock.offsetMinutes,
  );
  const peserta = ss.getSheetByName(PARTICIPANTS_TAB.name);
  const pesertaRange = peserta?.getDataRange();
  const codes = new Set(parsedSessions.sessions.map((s) => s.code.toUpperCase()));
  const parsedPeople = parseParticipants(
    pesertaRange?.getValues() as Grid | undefined,
    pesertaRange?.getDisplayValues(),
    codes,
    parsedSessions.unreadable,
  );
  const places = placeNames(readTargetVillages(ss));
  return {
    settings,
    sessions: parsedSessions.sessions.map((session) => withPlaceNames(session, places)),
    places,
    participants: parsedPeople.participants,
    problems: [...parsedSessions.problems, ...parsedPeople.problems].map((p) => p.message),
  };
}

/** RPC for the dialog: the sessions to choose from. */
export function attendanceChoices(ctx: ActionContext): AttendanceChoices {
  const { ss, lang } = ctx;
  const data = readEventData(ctx);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  return {
    lang,
    sessions: data.sessions.map((s) => ({
      code: s.code,
      name: s.name,
      date: formatShortDate(s.date),
      participants: data.participants.filter((p) => p.code === s.code.toUpperCase()).length,
      tab: attendanceTabName(s.code),
      exists: names.has(attendanceTabName(s.code)),
    })),
    problems: data.problems.map((p) => pick(p, lang)),
  };
}

/** Build or refresh the DH tabs of the chosen sessions (all when `codes` is null). */
export function buildAttendance(ctx: ActionContext, codes: readonly string[] | null): AttendanceOutcome {
  const { ss, lang } = ctx;
  const data = readEventData(ctx);
  const { plans, problems: planProblems } = planSheets(data.sessions, data.participants, codes);
  const problems = [...data.problems, ...planProblems].map((p) => pick(p, lang));
  const built: AttendanceOutcome['built'] = [];
  for (const { session, people, tab } of plans) {
    const existing = ss.getSheetByName(tab);
    if (existing && !isGenerated(existing)) {
      problems.push(
        pick(
          {
            id: `Tab "${tab}" sudah ada dan bukan buatan add-on; tab itu tidak diubah. Ganti namanya agar daftar hadir sesi ${session.code} dapat dibuat.`,
            en: `A tab "${tab}" exists that the add-on did not make; it was left alone. Rename it so session ${session.code} can get its sheet.`,
          },
          lang,
        ),
      );
      continue;
    }
    const old = existing ? readAttendanceRows(existing.getDataRange().getValues() as Grid) : [];
    renderLayout(
      ss,
      tab,
      attendanceLayout({ session, participants: people, settings: data.settings, lang, ticks: ticksOf(old) }),
      { existing },
    );
    built.push({ code: session.code, tab, participants: people.length, ...refreshChanges(old, people) });
  }
  // Any DH tab stands for all of them as a source of Rekap Kehadiran.
  if (built.length > 0) markReportsStale(ss, built[0].tab);
  const removedText = built
    .filter((b) => b.removed.length)
    .map((b) => `${b.tab}: ${pick({ id: 'dihapus', en: 'removed' }, lang)} ${b.removed.join(', ')}`);
  appendLog(
    ss,
    menuLabel('buildAttendanceSheets', lang),
    [
      `${built.length} ${pick({ id: 'daftar hadir', en: 'attendance sheets' }, lang)}: ${built.map((b) => b.tab).join(', ')}`,
      ...removedText,
      ...problems,
    ].join('\n'),
  );
  const message = pick(
    {
      id: `${built.length} daftar hadir dibuat/diperbarui${problems.length ? `; ${problems.length} hal perlu diperiksa` : ''}.`,
      en: `${built.length} attendance sheets built or refreshed${problems.length ? `; ${problems.length} thing(s) to check` : ''}.`,
    },
    lang,
  );
  return { built, problems, message };
}

/** Menu: Tambahkan peserta dari hasil seleksi. */
export function addSelectedParticipants(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  // Everything that can be wrong (no sessions, no Peserta tab, nobody passed) is said before asking anything.
  const plan = planAdditions(ctx);
  if (plan.passed === 0) {
    alert(
      lang,
      { id: 'Belum ada yang lulus', en: 'Nobody has passed yet' },
      {
        id: 'Belum ada kandidat berhasil Lulus. Jalankan Hitung skor & peringkat dulu.',
        en: 'No candidate is marked Lulus yet. Run "Compute scores & ranking" first.',
      },
    );
    return;
  }
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    pick({ id: 'Tambahkan peserta dari hasil seleksi', en: 'Add participants from the selection results' }, lang),
    pick(
      {
        id: 'Kandidat berstatus Lulus ditambahkan ke tab Peserta untuk setiap sesi di kabupaten/kotanya, sebagai Calon Penyuluh Sosial.\n\nSertakan juga kandidat Cadangan?',
        en: 'Candidates marked Lulus are added to the Peserta tab for every session in their regency, as Calon Penyuluh Sosial.\n\nInclude the Cadangan (reserve) candidates too?',
      },
      lang,
    ),
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
  const withReserves = answer === ui.Button.YES;
  const added = plan.add(withReserves);
  if (added.rows > 0) markReportsStale(ss, PARTICIPANTS_TAB.name);
  appendLog(
    ss,
    menuLabel('addParticipantsFromResults', lang),
    `${added.rows} ${pick({ id: 'baris ditambahkan', en: 'rows added' }, lang)} (${withReserves ? 'Lulus + Cadangan' : 'Lulus'}); ${added.skipped} ${pick({ id: 'sudah ada', en: 'already present' }, lang)}`,
  );
  const text: Bilingual = {
    id: `${added.rows} peserta ditambahkan ke tab Peserta (${added.skipped} sudah ada).`,
    en: `${added.rows} participants added to the Peserta tab (${added.skipped} were already there).`,
  };
  toast(ctx, text, { id: 'Peserta', en: 'Participants' });
}

/** Read what adding needs, then add Lulus (and, if asked, Cadangan) candidates to every session of their regency. */
function planAdditions(ctx: ActionContext): {
  passed: number;
  add: (withReserves: boolean) => { rows: number; skipped: number };
} {
  const { ss, lang } = ctx;
  const data = readEventData(ctx);
  const values = ss.getSheetByName(CANDIDATES_TAB.name)?.getDataRange().getValues() as Grid | undefined;
  if (!values || values.length < 2)
    throw new UserError({ id: 'Tab Kandidat kosong.', en: 'The Kandidat tab is empty.' });
  const selection = selectedCandidates(values);
  const peserta = ss.getSheetByName(PARTICIPANTS_TAB.name);
  if (!peserta)
    throw new UserError({
      id: 'Tab Peserta belum ada. Jalankan Siapkan lembar kerja dulu.',
      en: 'There is no Peserta tab yet. Run "Set up the workbook" first.',
    });
  const add = (withReserves: boolean) => {
    const pesertaHeader = (peserta.getDataRange().getValues() as Grid)[0] ?? [];
    const selected = withReserves ? selection.withReserves : selection.passed;
    const additions = participantAdditions({
      places: data.places,
      pesertaHeader,
      sessions: data.sessions,
      participants: data.participants,
      selected,
      lang,
    });
    if (additions.newHeaders.length)
      writeBlock(peserta, 1, Math.max(pesertaHeader.length, 1) + 1, [additions.newHeaders]);
    if (additions.rows.length) writeBlock(peserta, Math.max(peserta.getLastRow(), 1) + 1, 1, additions.rows);
    return { rows: additions.rows.length, skipped: additions.skipped };
  };
  return { passed: selection.passed.length, add };
}
