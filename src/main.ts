/**
 * Every function Apps Script calls. The build turns each export into a top-level function stub
 * (`function onOpen(e) { return App.onOpen(e) }`), so this list is the add-on's whole surface:
 * simple triggers, menu actions and (later) google.script.run endpoints.
 */
import { MENU } from './core/menu';
import { readLanguage } from './core/settings';
import { SETTINGS_TAB } from './core/schema';
import { pick, type Lang } from './core/types';
import { runViewAction, runWriteAction } from './shell/action';
import { showHelpSidebar } from './shell/help';
import { setupWorkbook as setup } from './shell/setup';

/**
 * Builds the menu. It runs with limited authorization (and with none before the add-on is
 * enabled in a document), so it only reads the language setting when it is allowed to, and
 * falls back to Indonesian otherwise.
 */
export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode | string }): void {
  const noAuthorization = e !== undefined && String(e.authMode) === 'NONE';
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
