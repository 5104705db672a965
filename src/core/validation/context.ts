/** What the rules need besides the row: settings, dates and the target villages. */
import type { CalendarDate } from '../dates';
import type { Settings } from '../settings';
import type { VillageIndex } from './villages';

export interface ValidationContext {
  settings: Settings;
  /** Ages are computed on this date. */
  reference: CalendarDate;
  /** The spreadsheet's UTC offset, to read date cells. */
  offsetMinutes: number;
  /** Undefined when `Desa Sasaran` is empty (the domicile check is skipped, and the run says so). */
  villages: VillageIndex | undefined;
  /** Objections accepted on `Sanggah` (core/objections.ts `acceptedObjections`): ID key → the reason. */
  objections?: ReadonlyMap<string, string>;
}
