/**
 * The objection (sanggah) period, in one place: the administrative announcement's date is fixed on
 * `Pengaturan` when it is first made, and the period runs `Masa sanggah (hari)` calendar days from the
 * day after. The announcement prints it, Proses sanggah judges arrivals by it, and the final
 * announcement waits for it to end.
 */
import { type CalendarDate, compareDates, dayNumber, formatDayAndDate, fromDayNumber } from './dates';
import type { Settings } from './settings';
import type { Lang } from './types';

export interface ObjectionWindow {
  /** The first and last day an objection may arrive, both included. */
  first: CalendarDate;
  last: CalendarDate;
}

/** The window, or undefined while nothing has been announced yet. An objection period of 0 days is empty (last < first). */
export function objectionWindow(settings: Settings): ObjectionWindow | undefined {
  const announced = settings.adminAnnouncementDate;
  if (!announced) return undefined;
  const day = dayNumber(announced);
  return { first: fromDayNumber(day + 1), last: fromDayNumber(day + settings.objectionDays) };
}

export function isInsideWindow(window: ObjectionWindow, date: CalendarDate): boolean {
  return compareDates(date, window.first) >= 0 && compareDates(date, window.last) <= 0;
}

/** True once the last day of the window has passed (today is after it). */
export function windowClosed(window: ObjectionWindow, today: CalendarDate): boolean {
  return compareDates(today, window.last) > 0;
}

/** "Kamis, 28 November 2019 s.d. Sabtu, 30 November 2019" / "Thursday, 28 November 2019 to Saturday, 30 November 2019". */
export function describeWindow(window: ObjectionWindow, lang: Lang): string {
  if (compareDates(window.last, window.first) < 0) return lang === 'en' ? 'no objection period' : 'tanpa masa sanggah';
  const joiner = lang === 'en' ? ' to ' : ' s.d. ';
  return `${formatDayAndDate(window.first, lang)}${joiner}${formatDayAndDate(window.last, lang)}`;
}
