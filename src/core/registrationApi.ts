/**
 * The contract between the "Hubungkan formulir pendaftaran" dialog and the server: what the
 * dialog shows, the mapping it sends back, and the answer. The dialog imports only the types.
 */
import * as z from './shape';
import { JobContinueRequest, type JobProgress } from './jobApi';
import type { Lang } from './types';

/** One question of the response tab and the `Kandidat` column it fills ('' = not imported). */
const MappingLine = z.object({
  question: z.string().check(z.maxLength(2000)),
  column: z.string().check(z.maxLength(500)),
});

export const ChoicesRequest = z.optional(z.object({ tab: z.optional(z.string().check(z.maxLength(200))) }));

export const ConnectRequest = z.object({
  tab: z.string().check(z.minLength(1), z.maxLength(200)),
  mapping: z.array(MappingLine).check(z.maxLength(500)),
});

/** A `Kandidat` column a question can fill. */
export interface ColumnChoice {
  header: string;
  required: boolean;
}

export interface RegistrationChoices {
  lang: Lang;
  /** Tabs that hold form responses (linked to a form, or starting with a timestamp column). */
  tabs: string[];
  /** The tab shown: the connected one, the one asked for, or the first. '' when there is none. */
  tab: string;
  /** Whether the add-on's form trigger is installed for this user on this spreadsheet. */
  connected: boolean;
  /** The questions of `tab`, each with its proposed or saved column. */
  mapping: Array<{ question: string; column: string }>;
  columns: ColumnChoice[];
  /** What the trigger could not do since the last import, in the user's language. */
  problems: string[];
}

export interface ConnectOutcome {
  /** What happened, in the user's language: the trigger, the responses imported and already there. */
  message: string;
  imported: number;
  alreadyImported: number;
}

/** What the dialog may call: `src/main.ts` must provide exactly these endpoints. */
export interface RegistrationApi {
  registrationChoices(request?: z.input<typeof ChoicesRequest>): RegistrationChoices;
  connectRegistration(request: z.input<typeof ConnectRequest>): ConnectOutcome;
}

/** "Impor jawaban formulir" when more responses wait than one step imports: the batched job's dialog. */
export const FormImportContinueRequest = JobContinueRequest;

/** Where the import stands; `rows` is the number of responses waiting when it was planned. */
export type FormImportProgress = JobProgress;

export interface FormImportApi {
  /** The unfinished import (extended to what waits now), or a new one; no step runs. */
  startFormImport(): FormImportProgress;
  /** Import the next batch. */
  continueFormImport(request: z.input<typeof FormImportContinueRequest>): FormImportProgress;
}
