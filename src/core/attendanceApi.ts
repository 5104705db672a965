/**
 * The contract between the "Buat daftar hadir" dialog and the server: the request schema (zod,
 * checked on the server before anything else) and the shapes of the answers. The dialog imports
 * only the types.
 */
import * as z from 'zod/mini';
import type { Lang } from './types';

export const GenerateRequest = z.object({
  codes: z.nullable(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(1000))),
});

export interface SessionChoice {
  code: string;
  name: string;
  date: string;
  participants: number;
  tab: string;
  exists: boolean;
}

export interface AttendanceChoices {
  lang: Lang;
  sessions: SessionChoice[];
  problems: string[];
}

export interface AttendanceOutcome {
  built: Array<{ code: string; tab: string; participants: number; ticksKept: number; removed: string[] }>;
  problems: string[];
  message: string;
}

/** What the dialog may call: `src/main.ts` must provide exactly these endpoints. */
export interface AttendanceApi {
  /** The sessions to choose from. */
  attendanceChoices(): AttendanceChoices;
  /** Build the chosen sessions' sheets (`codes: null` = all). */
  generateAttendance(request: z.input<typeof GenerateRequest>): AttendanceOutcome;
}
