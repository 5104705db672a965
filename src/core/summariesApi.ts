/**
 * The contract between the "Perbarui rekap" dialog (a large workbook, its summaries built in
 * steps) and the server: the request and answer of every batched job (core/jobApi.ts), and the
 * endpoints. The dialog imports only the types.
 */
import type * as z from './shape';
import type { JobContinueRequest, JobProgress } from './jobApi';

/** What the dialog may call: `src/main.ts` must provide exactly these endpoints. */
export interface SummariesApi {
  /** The unfinished job, or a new one (no step is run). */
  startSummariesJob(): JobProgress;
  /** Run the next step of a job. */
  continueSummariesJob(request: z.input<typeof JobContinueRequest>): JobProgress;
}
