/** Settings for an action: read once, and stop the action before any write when they are wrong. */
import { type CalendarDate, calendarDateOfInstant } from '../core/dates';
import { matchHeaders } from '../core/headers';
import { SETTINGS_TAB } from '../core/schema';
import { SETTING_DEFS, type Settings, parseSettings, readLanguage, settingByLabel } from '../core/settings';
import { cellText } from '../core/text';
import { type CellValue, type Grid, pick } from '../core/types';
import { UserError } from './errors';
import { utcOffsetMinutes, writeBlock } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SheetClock {
  offsetMinutes: number;
  today: CalendarDate;
}

export function sheetClock(ss: Spreadsheet): SheetClock {
  const offsetMinutes = utcOffsetMinutes(ss);
  return { offsetMinutes, today: calendarDateOfInstant(new Date(), offsetMinutes) };
}

/** The settings from the `Pengaturan` rows read at the start of the execution; any problem stops the action. */
export function loadSettings(rows: Grid | undefined, clock: SheetClock): Settings {
  const result = parseSettings(rows, clock.offsetMinutes);
  if (result.ok) return result.settings;
  const lines = result.problems.map((p) => `• ${p.message.id}`);
  const linesEn = result.problems.map((p) => `• ${p.message.en}`);
  throw new UserError({
    id: `Tab Pengaturan perlu diperbaiki dulu; tidak ada yang diubah:\n${lines.join('\n')}`,
    en: `The Pengaturan tab needs fixing first; nothing was changed:\n${linesEn.join('\n')}`,
  });
}

/**
 * Write one setting's `Nilai` cell (the add-on's own settings, e.g. the announcement date): on its
 * row when `Pengaturan` has one, else on a new row at the end with its label and explanation. One
 * write; the value goes through the write guard. `rows` are the tab's values as read at the start.
 */
export function writeSetting(ss: Spreadsheet, rows: Grid | undefined, key: keyof Settings, value: CellValue): void {
  const def = SETTING_DEFS.find((d) => d.key === key);
  const sheet = ss.getSheetByName(SETTINGS_TAB.name);
  if (!def || !sheet || !rows || rows.length === 0)
    throw new UserError({
      id: 'Tab Pengaturan belum ada. Jalankan Siapkan lembar kerja dulu, lalu coba lagi.',
      en: 'There is no Pengaturan tab yet. Run "Set up the workbook" first, then try again.',
    });
  const map = matchHeaders(SETTINGS_TAB, rows[0]);
  const nameCol = map.index.get('Pengaturan') ?? 0;
  const valueCol = map.index.get('Nilai') ?? 1;
  const at = rows.findIndex((row, i) => i > 0 && settingByLabel(cellText(row[nameCol]))?.key === key);
  if (at > 0) {
    writeBlock(sheet, at + 1, valueCol + 1, [[value]]);
    return;
  }
  const row: CellValue[] = new Array<CellValue>(Math.max(2, rows[0].length)).fill('');
  row[nameCol] = def.label;
  row[valueCol] = value;
  const explainCol = map.index.get('Keterangan');
  if (explainCol !== undefined) row[explainCol] = pick(def.explain, readLanguage(rows));
  writeBlock(sheet, rows.length + 1, 1, [row]);
}
