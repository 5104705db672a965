/**
 * The endpoint names of each surface, as values: the sidebars build their typed server client from
 * them and the contract test checks each against the built bundle. The `satisfies` clauses and the
 * `Complete` checks make a list that misses, misspells or adds a name fail to compile. Types only
 * are imported, so a sidebar that uses this carries no schema code.
 */
import type { AttendanceApi } from './attendanceApi';
import type { DeskApi } from './deskApi';
import type { FormImportApi, RegistrationApi } from './registrationApi';
import type { NationalApi, PickerApi } from './rollupApi';
import type { ScoringApi } from './scoringApi';
import type { SummariesApi } from './summariesApi';
import type { ValidationApi } from './validationApi';

/** Compiles only when `List` names every key of `Api`. */
type Complete<Api, List extends readonly (keyof Api)[]> = Exclude<keyof Api, List[number]> extends never ? List : never;

const scoring = ['scoringContext', 'myScore', 'submitScore'] as const satisfies readonly (keyof ScoringApi)[];
const attendance = [
  'attendanceChoices',
  'generateAttendance',
  'startAttendanceJob',
  'continueAttendanceJob',
] as const satisfies readonly (keyof AttendanceApi)[];

export const SCORING_ENDPOINTS: Complete<ScoringApi, typeof scoring> = scoring;
export const ATTENDANCE_ENDPOINTS: Complete<AttendanceApi, typeof attendance> = attendance;
const validation = ['startValidationJob', 'continueValidationJob'] as const satisfies readonly (keyof ValidationApi)[];
export const VALIDATION_ENDPOINTS: Complete<ValidationApi, typeof validation> = validation;
const summaries = ['startSummariesJob', 'continueSummariesJob'] as const satisfies readonly (keyof SummariesApi)[];
export const SUMMARIES_ENDPOINTS: Complete<SummariesApi, typeof summaries> = summaries;
const registration = [
  'registrationChoices',
  'connectRegistration',
] as const satisfies readonly (keyof RegistrationApi)[];
export const REGISTRATION_ENDPOINTS: Complete<RegistrationApi, typeof registration> = registration;
const formImport = ['startFormImport', 'continueFormImport'] as const satisfies readonly (keyof FormImportApi)[];
export const FORM_IMPORT_ENDPOINTS: Complete<FormImportApi, typeof formImport> = formImport;
const picker = ['pickerConfig', 'addRegencyWorkbooks'] as const satisfies readonly (keyof PickerApi)[];
export const PICKER_ENDPOINTS: Complete<PickerApi, typeof picker> = picker;
const national = ['startNationalJob', 'continueNationalJob'] as const satisfies readonly (keyof NationalApi)[];
export const NATIONAL_ENDPOINTS: Complete<NationalApi, typeof national> = national;
const desk = [
  'deskQueue',
  'deskCandidate',
  'deskRevealNik',
  'deskSetName',
  'deskSave',
] as const satisfies readonly (keyof DeskApi)[];
export const DESK_ENDPOINTS: Complete<DeskApi, typeof desk> = desk;
