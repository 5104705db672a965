/**
 * How every menu action runs: find the language, take the document lock when it writes, run,
 * and turn any failure into a plain bilingual alert (never a stack trace). The lock is always
 * released, whatever happens.
 */
import { readLanguage } from '../core/settings';
import { SETTINGS_TAB } from '../core/schema';
import type { Bilingual, Grid, Lang } from '../core/types';
import { pick } from '../core/types';
import { LOCK_BUSY, UserError, unexpected } from './errors';
import { activeSpreadsheet, readTab } from './workbook';

export interface ActionContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  lang: Lang;
  /** The `Pengaturan` tab as read once at the start (undefined when there is none). */
  settingsRows: Grid | undefined;
}

const LOCK_WAIT_MS = 10_000;

/** Everything an execution needs to know before it starts: one read of `Pengaturan` gives the language and the settings. */
export function actionContext(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ActionContext {
  const settingsRows = readTab(ss, SETTINGS_TAB.name)?.values;
  return { ss, lang: readLanguage(settingsRows), settingsRows };
}

export function languageOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Lang {
  return actionContext(ss).lang;
}

export function alert(lang: Lang, title: Bilingual, message: Bilingual | string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(pick(title, lang), typeof message === 'string' ? message : pick(message, lang), ui.ButtonSet.OK);
}

export function toast(ctx: ActionContext, message: Bilingual, title: Bilingual): void {
  ctx.ss.toast(pick(message, ctx.lang), pick(title, ctx.lang), 6);
}

const PROBLEM_TITLE: Bilingual = { id: 'Seleksi & FGD — perlu perhatian', en: 'Seleksi & FGD — needs attention' };

/** Run a menu action that changes the workbook. Even a failure to get the spreadsheet or the lock is reported plainly. */
export function runWriteAction(body: (ctx: ActionContext) => void): void {
  let lang: Lang = 'id';
  let lock: GoogleAppsScript.Lock.Lock | undefined;
  try {
    const ctx = actionContext(activeSpreadsheet());
    lang = ctx.lang;
    lock = LockService.getDocumentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(LOCK_BUSY);
    body(ctx);
  } catch (error) {
    reportFailure(error, lang);
  } finally {
    releaseQuietly(lock);
  }
}

/** Release the lock; if even that fails, Apps Script releases it when the execution ends. */
export function releaseQuietly(lock: GoogleAppsScript.Lock.Lock | undefined): void {
  try {
    // Releasing a lock this execution no longer holds does nothing, so no hasLock() round trip first.
    lock?.releaseLock();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
}

/** Run a menu action that only shows something. */
export function runViewAction(body: (ctx: ActionContext) => void): void {
  let lang: Lang = 'id';
  try {
    const ctx = actionContext(activeSpreadsheet());
    lang = ctx.lang;
    body(ctx);
  } catch (error) {
    reportFailure(error, lang);
  }
}

function reportFailure(error: unknown, lang: Lang): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (!(error instanceof UserError)) console.error(error instanceof Error && error.stack ? error.stack : reason);
  try {
    alert(lang, PROBLEM_TITLE, error instanceof UserError ? error.text : unexpected(reason));
  } catch (uiError) {
    // Not even an alert can be shown (the Ui service itself failed): the log is all that is left.
    console.error(uiError instanceof Error ? uiError.message : String(uiError));
  }
}
