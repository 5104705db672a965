/** Settings for an action: read once, and stop the action before any write when they are wrong. */
import { type CalendarDate, calendarDateOfInstant } from '../core/dates';
import { type Settings, parseSettings } from '../core/settings';
import type { Grid } from '../core/types';
import { UserError } from './errors';
import { utcOffsetMinutes } from './workbook';

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
