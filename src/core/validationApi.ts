/**
 * The contract between the "Validasi data kandidat" dialog (a long Kandidat tab, validated in
 * batches) and the server: the request and answer of every batched job (core/jobApi.ts), and the
 * endpoints. The dialog imports only the types.
 */
import type * as z from './shape';
import { JobContinueRequest, type JobProgress } from './jobApi';

/** Run the next step of the job the dialog was given. */
export const ValidationContinueRequest = JobContinueRequest;

/** Where the job stands; `next` reads "Memvalidasi baris 2–5.001", `message` names rows, MS, TMS, Perlu Cek and new IDs. */
export type ValidationProgress = JobProgress;

/** What the dialog may call: `src/main.ts` must provide exactly these endpoints. */
export interface ValidationApi {
  /** The unfinished job, or a new one for the whole tab (no step is run). */
  startValidationJob(): ValidationProgress;
  /** Run the next step of a job. */
  continueValidationJob(request: z.input<typeof ValidationContinueRequest>): ValidationProgress;
}
