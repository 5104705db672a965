/**
 * What every batched job's dialog and the server say to each other (validation, summaries): the
 * continue request (a shape, checked on the server before anything else) and where a job stands. The
 * dialogs (src/ui/shared/jobDialog.ts) import only the types.
 */
import * as z from './shape';
import type { Lang } from './types';

/** Run the next step of the job the dialog was given. */
export const JobContinueRequest = z.object({
  job: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** Where a job stands: after it was found or started, and after each step. */
export interface JobProgress {
  lang: Lang;
  /** The job to continue ('' once finished). */
  job: string;
  /** Steps in the job, and how many are done. */
  total: number;
  done: number;
  finished: boolean;
  /** The job was found unfinished (a closed dialog, a cancel, a failure) and goes on from `done`. */
  resumed: boolean;
  /** Data rows on Kandidat when the job was planned (the dialog's introduction names them). */
  rows: number;
  /** What the next step does, in the workbook's language ("Memvalidasi baris 2–5.001"); '' once finished. */
  next: string;
  /** Once finished: the result in one line. */
  message: string;
}
