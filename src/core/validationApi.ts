/**
 * The contract between the "Validasi data kandidat" dialog (a long Kandidat tab, validated in
 * batches) and the server: the request schema (zod, checked on the server before anything else)
 * and the shape of the answers. The dialog imports only the types.
 */
import * as z from 'zod/mini';
import type { Lang } from './types';

/** Run the next step of the job the dialog was given. */
export const ValidationContinueRequest = z.object({
  job: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** Where the job stands: after it was found or started, and after each step. */
export interface ValidationProgress {
  lang: Lang;
  /** The job to continue ('' once finished). */
  job: string;
  /** Steps in the job (blocks of rows, then the report), and how many are done. */
  total: number;
  done: number;
  finished: boolean;
  /** The job was found unfinished (a closed dialog, a cancel, a failure) and goes on from `done`. */
  resumed: boolean;
  /** Data rows on Kandidat when the job was planned. */
  rows: number;
  /** What the next step does, in the workbook's language ("Memvalidasi baris 2–5.001"); '' once finished. */
  next: string;
  /** Once finished: the result in one line (rows, MS, TMS, Perlu Cek, new IDs). */
  message: string;
}

/** What the dialog may call: `src/main.ts` must provide exactly these endpoints. */
export interface ValidationApi {
  /** The unfinished job, or a new one for the whole tab (no step is run). */
  startValidationJob(): ValidationProgress;
  /** Run the next step of a job. */
  continueValidationJob(request: z.input<typeof ValidationContinueRequest>): ValidationProgress;
}
