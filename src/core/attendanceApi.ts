/**
 * The contract between the "Buat daftar hadir" dialog and the server: the request schemas (src/core/shape.ts,
 * checked on the server before anything else) and the shapes of the answers. The dialog imports
 * only the types.
 */
import * as z from './shape';
import type { Lang } from './types';

/** The sessions to build (`codes: null` = all). Also the request that starts a batched job. */
export const GenerateRequest = z.object({
  codes: z.nullable(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(1000))),
});

/** Build the next batch of the job the dialog started (or found unfinished). */
export const ContinueRequest = z.object({
  job: z.string().check(z.minLength(1), z.maxLength(40)),
});

export interface SessionChoice {
  code: string;
  name: string;
  date: string;
  participants: number;
  tab: string;
  exists: boolean;
}

/** A job that stopped before its last batch: how far it got. */
export interface UnfinishedJob {
  job: string;
  total: number;
  done: number;
}

export interface AttendanceChoices {
  lang: Lang;
  sessions: SessionChoice[];
  problems: string[];
  /** Tabs per batch: a job of more sessions than this runs in several calls, with a progress bar. */
  batchSize: number;
  /** A job that stopped midway, which the dialog offers to continue. */
  unfinished: UnfinishedJob | null;
}

export interface AttendanceOutcome {
  built: Array<{ code: string; tab: string; participants: number; ticksKept: number; removed: string[] }>;
  problems: string[];
  message: string;
}

/** Where a batched job stands after a batch. */
export interface AttendanceProgress {
  /** The job to continue with `continueAttendanceJob` ('' once finished). */
  job: string;
  /** Sessions in the job, and how many are done (built, or skipped with a problem to check). */
  total: number;
  done: number;
  finished: boolean;
  /** The first and last tab the next batch builds (null once finished). */
  next: { first: string; last: string } | null;
  /** Once finished: how many sheets were built and how many things to check. */
  message: string;
  /** What to check so far (rows of Sesi or Peserta, tabs the add-on did not make). */
  problems: string[];
}

/** What the dialog may call: `src/main.ts` must provide exactly these endpoints. */
export interface AttendanceApi {
  /** The sessions to choose from, the batch size and any unfinished job. */
  attendanceChoices(): AttendanceChoices;
  /** Build the chosen sessions' sheets in one call (`codes: null` = all); scripts and tests use it. */
  generateAttendance(request: z.input<typeof GenerateRequest>): AttendanceOutcome;
  /** Start a job for the chosen sessions, replacing any unfinished one, and build its first batch. */
  startAttendanceJob(request: z.input<typeof GenerateRequest>): AttendanceProgress;
  /** Build the next batch of a job. */
  continueAttendanceJob(request: z.input<typeof ContinueRequest>): AttendanceProgress;
}
