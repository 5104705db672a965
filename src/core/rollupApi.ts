/**
 * The contract between the coordinator's dialogs and the server: the Picker (choosing regency
 * workbooks) and the batched "Perbarui rekap nasional" job. The dialogs import only the types.
 */
import type * as z from './shape';
import { JobContinueRequest, type JobProgress } from './jobApi';
import type { Lang } from './types';

export interface PickerConfig {
  lang: Lang;
  /** This user's OAuth token: the Picker grants the add-on (drive.file) the files picked with it. */
  token: string;
  /** The deployment's API key and Cloud project number; '' when not set up (the dialog says how). */
  apiKey: string;
  appId: string;
}

export interface PickedWorkbooks {
  added: number;
  already: number;
  message: string;
}

export interface PickerApi {
  pickerConfig(): PickerConfig;
  addRegencyWorkbooks(request: { files: Array<{ id: string; name?: string }> }): PickedWorkbooks;
}

export const NationalContinueRequest = JobContinueRequest;

export interface NationalApi {
  startNationalJob(): JobProgress;
  continueNationalJob(request: z.input<typeof NationalContinueRequest>): JobProgress;
}
