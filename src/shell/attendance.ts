/**
 * Attendance sheets ("Buat daftar hadir") and adding selected candidates to sessions
 * ("Tambahkan peserta dari hasil seleksi"): the reads, writes, prompts and log lines around the
 * decisions in core/attendancePlan.ts. Each DH tab is rebuilt in a fixed number of calls.
 */
import { attendanceLayout, attendanceTabName, type OldRow, readAttendanceRows } from '../core/attendance';
import type { AttendanceChoices, AttendanceOutcome, AttendanceProgress, UnfinishedJob } from '../core/attendanceApi';
import {
  ATTENDANCE_BATCH,
  participantAdditions,
  planSheets,
  refreshChanges,
  selectedCandidates,
  type SheetPlan,
  ticksOf,
  withPlaceNames,
} from '../core/attendancePlan';
import { advance, batchesOf, finished, type Job, newJob, nextItems } from '../core/jobs';
import { type PlaceNames, placeNames } from '../core/placeNames';
import { formatShortDate } from '../core/dates';
import { menuLabel } from '../core/menu';
import {
  type Participant,
  type Session,
  parseParticipants,
  parseSessions,
  SHOWN_PARTICIPANT_COLUMN,
} from '../core/sessions';
import { matchHeaders } from '../core/headers';
import { CANDIDATES_TAB, PARTICIPANTS_TAB, SESSIONS_TAB } from '../core/schema';
import type { Settings } from '../core/settings';
import { type Bilingual, type Grid, type Lang, pick } from '../core/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
import type { ActionContext } from './action';
import { alert, toast } from './action';
import { UserError } from './errors';
import { markReportsStale } from './freshness';
import { appendLog } from './log';
import { clearJob, currentJob, loadJob, newJobId, saveJob, tuning } from './jobs';
import { readGeneratedTab } from './render';
import { type TabSpec, tabBuilder } from './templates';
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

/**
 * The Peserta tab's values, and as shown only the column parseParticipants reads that way (the
 * others left empty): at 6,000 participants a read of 6,000 cells instead of 48,000.
 */
function readParticipantsTab(ss: Spreadsheet): { values?: Grid; display?: string[][] } {
  const sheet = ss.getSheetByName(PARTICIPANTS_TAB.name);
  if (!sheet) return {};
  const values = sheet.getDataRange().getValues() as Grid;
  const column =
    values.length < 2 ? undefined : matchHeaders(PARTICIPANTS_TAB, values[0]).index.get(SHOWN_PARTICIPANT_COLUMN);
  if (column === undefined) return { values };
  const shown = sheet.getRange(1, column + 1, values.length, 1).getDisplayValues();
  return {
    values,
    display: shown.map(([text]) => {
      const row: string[] = [];
      row[column] = text;
      return row;
    }),
  };
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
  const peserta = readParticipantsTab(ss);
  const codes = new Set(parsedSessions.sessions.map((s) => s.code.toUpperCase()));
  const parsedPeople = parseParticipants(peserta.values, peserta.display, codes, parsedSessions.unreadable);
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
    batchSize: attendanceBatchSize(),
    unfinished: unfinishedAttendanceJob(),
  };
}

type Built = AttendanceOutcome['built'][number];

/** What a run of DH tabs did: each built tab, and the sessions skipped because a tab of another maker has the name. */
interface SheetsBuilt {
  built: Built[];
  skipped: SheetPlan[];
}

/** A tab named like a DH tab that the add-on did not make is left alone; this says so. */
function foreignTab(plan: SheetPlan): Bilingual {
  return {
    id: `Tab "${plan.tab}" sudah ada dan bukan buatan add-on; tab itu tidak diubah. Ganti namanya agar daftar hadir sesi ${plan.session.code} dapat dibuat.`,
    en: `A tab "${plan.tab}" exists that the add-on did not make; it was left alone. Rename it so session ${plan.session.code} can get its sheet.`,
  };
}

/**
 * Tab names looked at, at most, per tab wanted. In the bench's model a getSheetByName (it waits
 * for Sheets' answer) costs 40 ms and a tab's getName 5 ms: at 4 names a tab, reading every name
 * costs at most half the lookups, and a refreshed tab stays within 20 calls (12 of its own).
 */
const NAMES_PER_LOOKUP = 4;

/**
 * The tab of each name, if any, and where it stands (1-based), read now: one getSheets() and, when
 * the spreadsheet has at most NAMES_PER_LOOKUP tabs per name wanted, every tab's name (a call
 * each); else a getSheetByName per name. Names are compared as Sheets does, without case.
 */
function findTabs(
  ss: Spreadsheet,
  names: readonly string[],
): { found: Array<{ sheet: Sheet; position?: number } | null>; count: number } {
  const sheets = ss.getSheets();
  const count = sheets.length;
  if (count > NAMES_PER_LOOKUP * names.length)
    return {
      count,
      found: names.map((n) => {
        const sheet = ss.getSheetByName(n);
        return sheet && { sheet };
      }),
    };
  const at = new Map<string, number>();
  sheets.forEach((sheet, i) => {
    const key = sheet.getName().toUpperCase();
    if (!at.has(key)) at.set(key, i);
  });
  const found = names.map((n) => {
    const i = at.get(n.toUpperCase());
    return i === undefined ? null : { sheet: sheets[i], position: i + 1 };
  });
  return { found, count };
}

/**
 * Build or refresh the DH tabs of `plans`, in order. Every existing tab is read first (is it the
 * add-on's, and which boxes are ticked), then the tabs are built from templates (shell/templates.ts).
 */
function buildSheets(ctx: ActionContext, data: EventData, plans: readonly SheetPlan[]): SheetsBuilt {
  const { ss, lang } = ctx;
  const skipped: SheetPlan[] = [];
  // The old rows are where the ticks come from (kept by reference: a recovered leftover replaces them).
  const ready: Array<{ entry: { plan: SheetPlan; old: OldRow[] }; spec: TabSpec }> = [];
  const { found, count } = findTabs(
    ss,
    plans.map((p) => p.tab),
  );
  for (const [i, plan] of plans.entries()) {
    const existing = found[i]?.sheet ?? null;
    const read = existing ? readGeneratedTab(existing) : { generated: true, values: [] };
    if (!read.generated) {
      skipped.push(plan);
      continue;
    }
    const layoutWith = (old: OldRow[]) =>
      attendanceLayout({
        session: plan.session,
        participants: plan.people,
        settings: data.settings,
        lang,
        ticks: ticksOf(old),
      });
    const entry = { plan, old: readAttendanceRows(read.values) };
    const layout = layoutWith(entry.old);
    // A run killed between deleting the old tab and renaming its replacement left the ticks there.
    const recover = (leftover: Sheet) =>
      layoutWith((entry.old = readAttendanceRows(leftover.getDataRange().getValues() as Grid)));
    const position = found[i]?.position;
    ready.push({ entry, spec: { name: plan.tab, layout, frame: layout.frame, existing, position, recover } });
  }
  const builder = tabBuilder(
    ss,
    ready.map((r) => r.spec),
    count,
  );
  const built: Built[] = [];
  try {
    ready.forEach(({ entry }, i) => {
      builder.build(i);
      const { plan, old } = entry;
      built.push({
        code: plan.session.code,
        tab: plan.tab,
        participants: plan.people.length,
        ...refreshChanges(old, plan.people),
      });
    });
  } finally {
    builder.finish();
  }
  // Any DH tab stands for all of them as a source of Rekap Kehadiran; marking twice changes nothing.
  if (built.length > 0) markReportsStale(ss, built[0].tab);
  return { built, skipped };
}

/** The Log line of a run (or of one batch of a job: `part` says which sessions of how many). */
function logBuilt(
  ctx: ActionContext,
  result: SheetsBuilt,
  problems: readonly string[],
  part?: { from: number; to: number; total: number },
): void {
  const { ss, lang } = ctx;
  const { built } = result;
  const removedText = built
    .filter((b) => b.removed.length)
    .map((b) => `${b.tab}: ${pick({ id: 'dihapus', en: 'removed' }, lang)} ${b.removed.join(', ')}`);
  const range = part ? ` (${part.from}–${part.to} ${pick({ id: 'dari', en: 'of' }, lang)} ${part.total})` : '';
  appendLog(
    ss,
    menuLabel('buildAttendanceSheets', lang),
    [
      `${built.length} ${pick({ id: 'daftar hadir', en: 'attendance sheets' }, lang)}${range}: ${built.map((b) => b.tab).join(', ')}`,
      ...removedText,
      ...problems,
    ].join('\n'),
  );
}

function summary(built: number, problems: number, lang: Lang): string {
  return pick(
    {
      id: `${built} daftar hadir dibuat/diperbarui${problems ? `; ${problems} hal perlu diperiksa` : ''}.`,
      en: `${built} attendance sheets built or refreshed${problems ? `; ${problems} thing(s) to check` : ''}.`,
    },
    lang,
  );
}

/** Build or refresh the DH tabs of the chosen sessions (all when `codes` is null), in one execution. */
export function buildAttendance(ctx: ActionContext, codes: readonly string[] | null): AttendanceOutcome {
  const { lang } = ctx;
  const data = readEventData(ctx);
  const { plans, problems: planProblems } = planSheets(data.sessions, data.participants, codes);
  const result = buildSheets(ctx, data, plans);
  const problems = [...data.problems, ...planProblems, ...result.skipped.map(foreignTab)].map((p) => pick(p, lang));
  logBuilt(ctx, result, problems);
  return { built: result.built, problems, message: summary(result.built.length, problems.length, lang) };
}

// ---- The same, in batches (the dialog): a job whose checkpoint is in document properties ----------

const JOB = 'attendance';
/** Set only by tests and to tune a very slow spreadsheet: tabs per batch instead of ATTENDANCE_BATCH. */
const BATCH_OVERRIDE = 'attendance:batchSize';

/** Tabs per batch (see ATTENDANCE_BATCH for why). */
export function attendanceBatchSize(): number {
  return tuning(BATCH_OVERRIDE, ATTENDANCE_BATCH, 1000);
}

const ATTENDANCE_GONE: Bilingual = {
  id: 'Pembuatan daftar hadir ini sudah selesai atau digantikan oleh pembuatan lain. Tutup dialog ini, lalu buka lagi Buat daftar hadir.',
  en: 'This build of attendance sheets has finished or was replaced by another one. Close this dialog, then open Create attendance sheets again.',
};

/** The job left unfinished, for the dialog to offer. */
export function unfinishedAttendanceJob(): UnfinishedJob | null {
  const job = loadJob(JOB);
  return job && !finished(job) ? { job: job.id, total: job.items.length, done: job.done } : null;
}

/**
 * Start a job for the chosen sessions (all when `codes` is null) and build its first batch. A job of
 * one batch finishes here and leaves no checkpoint; a longer one replaces any unfinished job.
 * The caller holds the document lock.
 */
export function startAttendanceJob(ctx: ActionContext, codes: readonly string[] | null): AttendanceProgress {
  const data = readEventData(ctx);
  const { plans } = planSheets(data.sessions, data.participants, codes);
  const job = newJob(
    newJobId(),
    plans.map((p) => p.session.code),
  );
  const size = attendanceBatchSize();
  if (batchesOf(job.items.length, size) > 1) saveJob(JOB, job, true);
  else clearJob(JOB);
  return runBatch(ctx, data, job, size);
}

/** Build the next batch of job `id`. The caller holds the document lock. */
export function continueAttendanceJob(ctx: ActionContext, id: string): AttendanceProgress {
  const job = currentJob(JOB, id, ATTENDANCE_GONE);
  return runBatch(ctx, readEventData(ctx), job, attendanceBatchSize());
}

/**
 * One batch: the job's sessions are planned as a whole each time (so tab names come out as in one
 * run), and the next `size` of them built. The checkpoint advances only once the batch is built; a
 * batch that fails is built again by the next call, which gives the same tabs.
 */
function runBatch(ctx: ActionContext, data: EventData, job: Job, size: number): AttendanceProgress {
  const { lang } = ctx;
  const { plans, problems: planProblems } = planSheets(data.sessions, data.participants, job.items);
  const batch = new Set(nextItems(job, size).map((c) => c.toUpperCase()));
  const result = buildSheets(
    ctx,
    data,
    plans.filter((p) => batch.has(p.session.code.toUpperCase())),
  );
  const after = advance(
    job,
    batch.size,
    result.built.length,
    result.skipped.map((p) => p.session.code),
  );
  const done = finished(after);
  if (done) clearJob(JOB);
  else saveJob(JOB, after, false);
  const dataProblems = [...data.problems, ...planProblems];
  const skippedProblems = plans.filter((p) => after.skipped.includes(p.session.code)).map(foreignTab);
  const problems = [...dataProblems, ...skippedProblems].map((p) => pick(p, lang));
  // Problems with the data are the same in every batch: the job's last batch logs them.
  const logged = [...(done ? dataProblems : []), ...result.skipped.map(foreignTab)].map((p) => pick(p, lang));
  const whole = job.done === 0 && done;
  logBuilt(ctx, result, logged, whole ? undefined : { from: job.done + 1, to: after.done, total: job.items.length });
  const next = plans.filter((p) => nextItems(after, size).includes(p.session.code));
  return {
    job: done ? '' : after.id,
    total: after.items.length,
    done: after.done,
    finished: done,
    next: next.length ? { first: next[0].tab, last: next[next.length - 1].tab } : null,
    message: done ? summary(after.built, problems.length, lang) : '',
    problems,
  };
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
