/** The `Log` tab: an append-only audit trail of every action that changes data. */
import { asText, fitCell } from '../core/cells';
import { LOG_TAB } from '../core/schema';
import { protectWarningOnly } from './protection';
import { activeUserEmail, appendRowOut, writeBlock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const UNKNOWN_USER = '(email tidak tersedia / email not available)';

/** Append one line; the tab is created with its headers when missing. */
export function appendLog(ss: Spreadsheet, action: string, details: string): void {
  let sheet = ss.getSheetByName(LOG_TAB.name);
  if (!sheet) {
    sheet = ss.insertSheet(LOG_TAB.name);
    writeBlock(sheet, 1, 1, [LOG_TAB.columns.map((c) => c.header)]);
    sheet.getRange(1, 1, 1, LOG_TAB.columns.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    protectWarningOnly(sheet);
  }
  appendRowOut(sheet, [new Date(), activeUserEmail() || UNKNOWN_USER, asText(action), asText(fitCell(details))]);
}
