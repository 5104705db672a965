/**
 * Every function Apps Script calls. The build turns each export into a top-level function stub
 * (`function onOpen() { return App.onOpen.apply(null, arguments) }`), so this file is the add-on's
 * whole surface: simple triggers, menu actions (in menu order) and google.script.run endpoints.
 * Each is a few lines; the work happens in src/shell (services) and src/core (logic).
 */
import type { AttendanceApi, AttendanceChoices, AttendanceOutcome, AttendanceProgress } from './core/attendanceApi';
import { MENU } from './core/menu';
import { CANDIDATES_TAB, SCORES_TAB, SETTINGS_TAB } from './core/schema';
import type { OwnScore, ScoringApi, ScoringContext, SubmitResponse } from './core/scoringApi';
import type { ValidationApi, ValidationProgress } from './core/validationApi';
import type { DeskApi, DeskCandidate, DeskQueue, SaveResponse } from './core/deskApi';
import * as desk from './shell/desk';
import type { JobProgress } from './core/jobApi';
import type { SummariesApi } from './core/summariesApi';
import { readLanguage } from './core/settings';
import { rowsOfA1 } from './core/text';
import { type Lang, pick } from './core/types';
import { actionContext, releaseQuietly, runViewAction, runWriteAction } from './shell/action';
import * as announcements from './shell/announcements';
import { addSelectedParticipants } from './shell/attendance';
import * as attendanceDialog from './shell/attendanceDialog';
import { markReportsStale } from './shell/freshness';
import { tabEdited } from './shell/tabVersions';
import { showHelpSidebar } from './shell/help';
import { drainPendingEdits, queueEditedRows, settlingPendingEdits } from './shell/pendingEdits';
import * as ranking from './shell/ranking';
import * as registration from './shell/registrationMenu';
import type {
  ConnectOutcome,
  FormImportApi,
  FormImportProgress,
  RegistrationApi,
  RegistrationChoices,
} from './core/registrationApi';
import * as formImportJob from './shell/formImportJob';
import * as nationalJob from './shell/nationalJob';
import * as objections from './shell/objections';
import * as picker from './shell/picker';
import type { NationalApi, PickedWorkbooks, PickerApi, PickerConfig } from './core/rollupApi';
import { rpc } from './shell/rpc';
import * as scoring from './shell/scoring';
import { showScoringSidebar } from './shell/scoringSidebar';
import * as setup from './shell/setup';
import * as summariesJob from './shell/summariesJob';
import { validateEditedRows } from './shell/validate';
import * as validationJob from './shell/validationJob';

// ---- Simple triggers -------------------------------------------------------------------------

/**
 * Builds the menu. It runs with limited authorization (and with none before the add-on is
 * enabled in a document), so it only reads the language setting when it is allowed to, and
 * falls back to Indonesian otherwise.
 */
export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode | string }): void {
  try {
    const noAuthorization =
      e !== undefined &&
      (String(e.authMode) === 'NONE' || (typeof ScriptApp !== 'undefined' && e.authMode === ScriptApp.AuthMode.NONE));
    const lang = noAuthorization ? 'id' : menuLanguage();
    const menu = SpreadsheetApp.getUi().createAddonMenu();
    MENU.forEach((group, i) => {
      if (i > 0) menu.addSeparator();
      for (const entry of group) menu.addItem(pick(entry.label, lang), entry.functionName);
    });
    menu.addToUi();
  } catch (error) {
    // Called from a sidebar (google.script.run), there is no menu to build: answer nothing.
    console.error(error instanceof Error ? error.message : String(error));
  }
}

function menuLanguage(): Lang {
  try {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SETTINGS_TAB.name);
    return sheet ? readLanguage(sheet.getDataRange().getValues()) : 'id';
  } catch {
    return 'id';
  }
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode | string }): void {
  onOpen(e);
}

/**
 * Re-validates the `Kandidat` rows an edit or paste touched, and marks the reports built from the
 * edited tab as needing an update. Edits on tabs no report is built from return after two calls.
 * A simple trigger has limited authorization and 30 seconds: it takes the lock only briefly and
 * never shows a dialog.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Only a real edit event gets through: a call from a sidebar (google.script.run) passes plain data.
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return;
  let lock: GoogleAppsScript.Lock.Lock | undefined;
  let edited: string | undefined;
  try {
    const sheet = e.range.getSheet();
    const name = sheet.getName();
    const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
    // A hand edit: what the add-on cached from this tab no longer holds (see the finally block).
    edited = name === SCORES_TAB || name === CANDIDATES_TAB.name ? name : undefined;
    // Reports built from this tab now say they need updating (nothing to do for most tabs).
    if (name !== CANDIDATES_TAB.name) return markReportsStale(ss, name);
    // The edited rows from one call (the A1 reference); a whole-column edit names no rows: ask for them.
    const span = rowsOfA1(e.range.getA1Notation()) ?? {
      first: e.range.getRow(),
      last: e.range.getRow() + e.range.getNumRows() - 1,
    };
    const { first, last } = span;
    if (last < 2) return;
    markReportsStale(ss, name);
    const ctx = actionContext(ss);
    lock = LockService.getDocumentLock();
    if (!lock.tryLock(5000)) {
      queueEditedRows(sheet, first, last, ctx.lang);
      return;
    }
    validateEditedRows(ctx, sheet, first, last);
    drainPendingEdits(ctx.ss, ctx);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  } finally {
    releaseQuietly(lock);
    // After the live check's own writes (which change the version themselves), whatever happened.
    try {
      if (edited) tabEdited(edited);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * The installable form-submit trigger the connect dialog installs (not a simple trigger: it runs
 * with full authorization but no UI). One response becomes one validated Kandidat row.
 */
export function onRegistrationSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  try {
    registration.onSubmit(e);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
}

// ---- Menu actions ----------------------------------------------------------------------------

/** Siapkan lembar kerja. */
export function setupWorkbook(): void {
  runWriteAction(settlingPendingEdits(setup.setupWorkbook));
}

/** Validasi data kandidat: one step on a short tab; on a long one, a dialog that runs it in batches. */
export function validateCandidates(): void {
  runWriteAction(settlingPendingEdits(validationJob.validateFromMenu));
}

/** Hubungkan formulir pendaftaran: a dialog to map the form's questions to Kandidat columns. */
export function connectRegistrationForm(): void {
  runViewAction(settlingPendingEdits(registration.showConnectDialog));
}

/** Impor jawaban formulir: every response not yet on Kandidat (the trigger's own path). */
export function importFormResponses(): void {
  runWriteAction(settlingPendingEdits(registration.importFromMenu));
}

/** Putuskan formulir: removes the add-on's form trigger; everything imported stays. */
export function disconnectRegistrationForm(): void {
  runWriteAction(registration.disconnectFromMenu);
}

/** Buka meja verifikasi: the verifiers' sidebar (checklist, decision, one candidate at a time). */
export function openVerificationDesk(): void {
  runViewAction(desk.showDeskSidebar);
}

/** Umumkan hasil administrasi: Pengumuman Administrasi from the current statuses; fixes the announcement date. */
export function announceAdministrativeResults(): void {
  runWriteAction(settlingPendingEdits(announcements.announceAdministrative));
}

/** Proses sanggah: judge every objection on Sanggah and record the decisions. */
export function processObjections(): void {
  runWriteAction(settlingPendingEdits(objections.processObjectionsFromMenu));
}

/** Buka formulir penilaian. */
export function openScoringForm(): void {
  runViewAction(showScoringSidebar);
}

/** Hitung skor & peringkat. */
export function computeRanking(): void {
  runWriteAction(settlingPendingEdits(ranking.computeRanking));
}

/** Umumkan hasil akhir: Pengumuman Hasil Akhir, once the objection period is over and decided. */
export function announceFinalResults(): void {
  runWriteAction(settlingPendingEdits(announcements.announceFinal));
}

/** Tambahkan peserta dari hasil seleksi. */
export function addParticipantsFromResults(): void {
  runWriteAction(settlingPendingEdits(addSelectedParticipants));
}

/** Buat daftar hadir: a dialog to choose the sessions. */
export function buildAttendanceSheets(): void {
  runViewAction(attendanceDialog.showAttendanceDialog);
}

/** Perbarui rekap: one step on a small workbook; on a large one, a dialog that runs it in steps. */
export function refreshSummaries(): void {
  runWriteAction(settlingPendingEdits(summariesJob.refreshFromMenu));
}

/** Siapkan workbook koordinator: Pengaturan, Sumber Rekap and the Log, in a workbook of the coordinator's own. */
export function setupCoordinatorWorkbook(): void {
  runWriteAction(setup.setupCoordinator);
}

/** Pilih workbook kabupaten: the Google Picker (the add-on reads only the workbooks chosen there). */
export function chooseRegencyWorkbooks(): void {
  runViewAction(picker.showPicker);
}

/** Perbarui rekap nasional: few workbooks in one step; many, a dialog that reads them in batches. */
export function updateNationalSummary(): void {
  runWriteAction(nationalJob.updateFromMenu);
}

/** Panduan. */
export function showHelp(): void {
  runViewAction(showHelpSidebar);
}

// ---- google.script.run endpoints (input checked against its shape inside) --------------------------

/** Scoring sidebar: everything it shows, for the caller only. */
export function scoringContext(request?: unknown): ScoringContext {
  return rpc(() => scoring.scoringContext(request));
}

/** Scoring sidebar: the caller's own earlier score for one candidate, when they reopen it. */
export function myScore(request: unknown): OwnScore | null {
  return rpc(() => scoring.myScore(request));
}

/** Scoring sidebar: save one score. */
export function submitScore(request: unknown): SubmitResponse {
  return rpc(() => scoring.submitScore(request));
}

/** Verification desk: the verifier and the queue (ID, status, regency, village, checked). */
export function deskQueue(request?: unknown): DeskQueue {
  return rpc(() => desk.deskQueue(request));
}

/** Verification desk: one candidate (that row only). */
export function deskCandidate(request: unknown): DeskCandidate {
  return rpc(() => desk.deskCandidate(request));
}

/** Verification desk: the full NIK of one candidate (logged). */
export function deskRevealNik(request: unknown): string {
  return rpc(() => desk.deskRevealNik(request));
}

/** Verification desk: the name of a verifier Google does not name. */
export function deskSetName(request: unknown): DeskQueue {
  return rpc(() => desk.deskSetName(request));
}

/** Verification desk: save one candidate's checklist and decision. */
export function deskSave(request: unknown): SaveResponse {
  return rpc(() => desk.deskSave(request));
}

/** Registration dialog: the response tabs, the questions and their columns. */
export function registrationChoices(request?: unknown): RegistrationChoices {
  return rpc(() => registration.choices(request));
}

/** Registration dialog: save the mapping, install the trigger once, import what waits. */
export function connectRegistration(request: unknown): ConnectOutcome {
  return rpc(() => registration.connect(request));
}

/** Form import dialog (more responses wait than one step imports): the unfinished import, or a new one. */
export function startFormImport(): FormImportProgress {
  return rpc(() => formImportJob.start());
}

/** Form import dialog: import the next batch ({ job }). */
export function continueFormImport(request: unknown): FormImportProgress {
  return rpc(() => formImportJob.resume(request));
}

/** Picker dialog: the token, key and app id the Google Picker needs. */
export function pickerConfig(): PickerConfig {
  return rpc(() => picker.config());
}

/** Picker dialog: add the picked regency workbooks to Sumber Rekap. */
export function addRegencyWorkbooks(request: unknown): PickedWorkbooks {
  return rpc(() => picker.addPicked(request));
}

/** National summary dialog: the unfinished update, or a new one. */
export function startNationalJob(): JobProgress {
  return rpc(() => nationalJob.start());
}

/** National summary dialog: read the next batch of workbooks, or build the tabs. */
export function continueNationalJob(request: unknown): JobProgress {
  return rpc(() => nationalJob.resume(request));
}

/** Attendance dialog: the sessions to choose from. */
export function attendanceChoices(): AttendanceChoices {
  return rpc(() => attendanceDialog.choices());
}

/** Attendance: build the chosen sessions' sheets in one call ({ codes: null } = all). */
export function generateAttendance(request: unknown): AttendanceOutcome {
  return rpc(() => attendanceDialog.generate(request));
}

/** Attendance dialog: start building the chosen sessions' sheets in batches; builds the first batch. */
export function startAttendanceJob(request: unknown): AttendanceProgress {
  return rpc(() => attendanceDialog.start(request));
}

/** Attendance dialog: build the next batch ({ job }). */
export function continueAttendanceJob(request: unknown): AttendanceProgress {
  return rpc(() => attendanceDialog.resume(request));
}

/** Validation dialog (a long Kandidat tab): the unfinished job, or a new one; no step runs. */
export function startValidationJob(): ValidationProgress {
  return rpc(() => validationJob.start());
}

/** Validation dialog: the next step of the job ({ job }). */
export function continueValidationJob(request: unknown): ValidationProgress {
  return rpc(() => validationJob.resume(request));
}

/** Summaries dialog (a large workbook): the unfinished job, or a new one; no step runs. */
export function startSummariesJob(): JobProgress {
  return rpc(() => summariesJob.start());
}

/** Summaries dialog: the next step of the job ({ job }). */
export function continueSummariesJob(request: unknown): JobProgress {
  return rpc(() => summariesJob.resume(request));
}

/**
 * Compile-time proof that these endpoints are exactly what the sidebars call: renaming one, or
 * changing what it returns, stops the build here (and the sidebars type their calls on the same
 * interfaces, so a changed payload stops them too).
 */
export type Endpoints = Implements<
  ScoringApi &
    AttendanceApi &
    ValidationApi &
    SummariesApi &
    RegistrationApi &
    FormImportApi &
    PickerApi &
    NationalApi &
    DeskApi,
  {
    deskQueue: typeof deskQueue;
    deskCandidate: typeof deskCandidate;
    deskRevealNik: typeof deskRevealNik;
    deskSetName: typeof deskSetName;
    deskSave: typeof deskSave;
    pickerConfig: typeof pickerConfig;
    addRegencyWorkbooks: typeof addRegencyWorkbooks;
    startNationalJob: typeof startNationalJob;
    continueNationalJob: typeof continueNationalJob;
    startFormImport: typeof startFormImport;
    continueFormImport: typeof continueFormImport;
    registrationChoices: typeof registrationChoices;
    connectRegistration: typeof connectRegistration;
    scoringContext: typeof scoringContext;
    myScore: typeof myScore;
    submitScore: typeof submitScore;
    attendanceChoices: typeof attendanceChoices;
    generateAttendance: typeof generateAttendance;
    startAttendanceJob: typeof startAttendanceJob;
    continueAttendanceJob: typeof continueAttendanceJob;
    startValidationJob: typeof startValidationJob;
    continueValidationJob: typeof continueValidationJob;
    startSummariesJob: typeof startSummariesJob;
    continueSummariesJob: typeof continueSummariesJob;
  }
>;
type Implements<Api, Actual extends Api> = Actual;
