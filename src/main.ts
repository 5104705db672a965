/**
 * Every function Apps Script calls. The build turns each export into a top-level function stub
 * (`function onOpen(e) { return App.onOpen(e) }`), so this list is the add-on's whole surface:
 * simple triggers, menu actions and (later) google.script.run endpoints.
 */
import { MENU } from './core/menu';
import { readLanguage } from './core/settings';
import { CANDIDATES_TAB, SETTINGS_TAB } from './core/schema';
import { pick, type Lang } from './core/types';
import { languageOf, releaseQuietly, runViewAction, runWriteAction } from './shell/action';
import { showHelpSidebar } from './shell/help';
import { setupWorkbook as setup } from './shell/setup';
import { validateAll, validateEditedRows } from './shell/validate';
import { computeRanking as rank } from './shell/ranking';
import { scoringContext as context, submitScore as submit } from './shell/scoring';
import { showScoringSidebar } from './shell/scoringSidebar';
import type { ScoringContext, SubmitResponse } from './core/scoringApi';
import { PlainMessage, UserError, unexpected } from './shell/errors';
import { addSelectedParticipants } from './shell/attendance';
import { choices, generate, showAttendanceDialog } from './shell/attendanceDialog';
import { pick as pickText } from './core/types';
import { activeSpreadsheet } from './shell/workbook';
import { refreshSummaries as summaries } from './shell/summaries';

/**
 * Builds the menu. It runs with limited authorization (and with none before the add-on is
 * enabled in a document), so it only reads the language setting when it is allowed to, and
 * falls back to Indonesian otherwise.
 */
export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode | string }): void {
  const noAuthorization = e !== undefined && (String(e.authMode) === 'NONE' || (typeof ScriptApp !== 'undefined' && e.authMode === ScriptApp.AuthMode.NONE));
  const lang = noAuthorization ? 'id' : menuLanguage();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU.forEach((group, i) => {
    if (i > 0) menu.addSeparator();
    for (const entry of group) menu.addItem(pick(entry.label, lang), entry.functionName);
  });
  menu.addToUi();
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

/** Menu: Siapkan lembar kerja. */
export function setupWorkbook(): void {
  runWriteAction(setup);
}

/** Menu: Panduan. */
export function showHelp(): void {
  runViewAction(showHelpSidebar);
}

/** Menu: Validasi data kandidat. */
export function validateCandidates(): void {
  runWriteAction(validateAll);
}

/**
 * Simple trigger: re-validate the `Kandidat` rows an edit or paste touched. Edits on other tabs
 * return after two calls. It runs with limited authorization and 30 seconds, so it takes the
 * lock only briefly and never shows a dialog.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const sheet = e.range.getSheet();
  if (sheet.getName() !== CANDIDATES_TAB.name) return;
  const first = e.range.getRow();
  const last = first + e.range.getNumRows() - 1;
  if (last < 2) return;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) return;
  try {
    const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
    validateEditedRows(ss, sheet, first, last, languageOf(ss));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  } finally {
    releaseQuietly(lock);
  }
}

/** Menu: Buka formulir penilaian. */
export function openScoringForm(): void {
  runViewAction(showScoringSidebar);
}

/** Menu: Hitung skor & peringkat. */
export function computeRanking(): void {
  runWriteAction(rank);
}

/**
 * RPC endpoints of the scoring sidebar (google.script.run). Their input is validated with zod
 * inside; an unexpected failure reaches the sidebar as a plain message, never a stack trace.
 */
export function scoringContext(request?: unknown): ScoringContext {
  return rpc(() => context(request));
}

export function submitScore(request: unknown): SubmitResponse {
  return rpc(() => submit(request));
}

/** Menu: Buat daftar hadir (a dialog to choose the sessions). */
export function buildAttendanceSheets(): void {
  runViewAction(showAttendanceDialog);
}

/** Menu: Tambahkan peserta dari hasil seleksi. */
export function addParticipantsFromResults(): void {
  runWriteAction(addSelectedParticipants);
}

/** Menu: Perbarui rekap. */
export function refreshSummaries(): void {
  runWriteAction(summaries);
}

/** RPC of the attendance dialog: the sessions to choose from. */
export function attendanceChoices(): ReturnType<typeof choices> {
  return rpc(() => choices());
}

/** RPC of the attendance dialog: build the chosen sessions' sheets ({ codes: null } = all). */
export function generateAttendance(request: unknown): ReturnType<typeof generate> {
  return rpc(() => generate(request));
}

function rpc<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(error instanceof Error && error.stack ? error.stack : reason);
    // Messages meant for the user (a held lock, a problem to fix) pass through; anything else is wrapped.
    // google.script.run passes only the message on, so no `cause` is attached.
    // eslint-disable-next-line preserve-caught-error
    if (error instanceof PlainMessage) throw new Error(error.message);
    if (error instanceof UserError) {
      // eslint-disable-next-line preserve-caught-error
      throw new Error(pickText(error.text, languageOfSafe()));
    }
    const text = unexpected(reason);
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`${text.id}\n\n${text.en}`);
  }
}

function languageOfSafe(): 'id' | 'en' {
  try {
    return languageOf(activeSpreadsheet());
  } catch {
    return 'id';
  }
}
