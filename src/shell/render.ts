/** Draws a core Layout onto a generated tab in a fixed number of calls, whatever its size. */
import type { Layout } from '../core/layout';
import { ensureSize } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Replace the tab's whole content and formatting with the layout (creating the tab at the end if needed). */
export function renderLayout(ss: Spreadsheet, name: string, layout: Layout): Sheet {
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name, ss.getNumSheets());
  sheet.clear();
  sheet.clearNotes();
  const rows = layout.values.length;
  const columns = layout.values[0]?.length ?? 1;
  ensureSize(sheet, rows, Math.max(columns, layout.widths.length));
  const all = sheet.getRange(1, 1, rows, columns);
  all.setValues(layout.values);
  for (const f of layout.formats) {
    const block = sheet.getRange(f.row, f.column, f.rows, f.columns);
    if (f.bold) block.setFontWeight('bold');
    if (f.background) block.setBackground(f.background);
    if (f.fontSize) block.setFontSize(f.fontSize);
    if (f.wrap) block.setWrap(true);
    if (f.numberFormat) block.setNumberFormat(f.numberFormat);
  }
  for (const b of layout.backgrounds ?? []) {
    if (b.colors.length) sheet.getRange(b.row, b.column, b.colors.length, b.colors[0].length).setBackgrounds(b.colors);
  }
  layout.widths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  sheet.setFrozenRows(layout.frozenRows);
  sheet.getRange(1, 1).setNote(layout.note);
  return sheet;
}
