/** The `Log` tab: an append-only audit trail of every action that changes data. */
import { asText, fitCell } from '../core/cells';
import { LOG_TAB } from '../core/schema';
import { protectWarningOnly } from './protection';
import { activeUserEmail, appendRowOut, writeBlock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const UNKNOWN_USER = '(email tidak tersedia / email not available)';

/** Append one line; the tab is created with its headers when missing. */
export function appendLog(ss: Spreadsheet, action: string, details: string): void {
  appendRowOut(logSheet(ss), [new Date(), activeUserEmail() || UNKNOWN_USER, asText(action), asText(fitCell(details))]);
}

/** Append one line per detail, all with the same time and user, in one write (nothing when there are none). */
export function appendLogLines(ss: Spreadsheet, action: string, details: readonly string[]): void {
  if (details.length === 0) return;
  const sheet = logSheet(ss);
  const now = new Date();
  const user = activeUserEmail() || UNKNOWN_USER;
  writeBlock(
    sheet,
    sheet.getLastRow() + 1,
    1,
    details.map((d) => [now, user, asText(action), asText(fitCell(d))]),
  );
}

/** Who the Log names when Google gives no email. */
export function logUser(): string {
  return activeUserEmail() || UNKNOWN_USER;
}

function logSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(LOG_TAB.name);
  if (!sheet) {
    sheet = ss.insertSheet(LOG_TAB.name);
    writeBlock(sheet, 1, 1, [LOG_TAB.columns.map((c) => c.header)]);
    sheet.getRange(1, 1, 1, LOG_TAB.columns.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    protectWarningOnly(sheet);
  }
  return sheet;
}
