/** Shared types: run results, UI records and the emulator state that persists across executions. */
import type { Drive } from './drive';
import type { Workbook } from './workbook';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export type MenuEntry =
  | { type: 'item'; label: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; title: string; items: MenuEntry[] };

export interface MenuRecord {
  title: string;
  /** true for SpreadsheetApp.getUi().createAddonMenu() */
  addon: boolean;
  items: MenuEntry[];
}

export interface HtmlRecord {
  title: string;
  width: number;
  height: number;
  /** The evaluated HTML. */
  content: string;
  /** Sidebars: false; showModalDialog: true; showModelessDialog: false. */
  modal: boolean;
}

export interface AlertRecord {
  title?: string;
  prompt: string;
  /** ButtonSet name: OK, OK_CANCEL, YES_NO, YES_NO_CANCEL. */
  buttons: string;
  /** The button the responder chose. */
  response?: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  text?: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeout: number;
}

export interface UiRecord {
  menus: MenuRecord[];
  toasts: ToastRecord[];
  alerts: AlertRecord[];
  prompts: PromptRecord[];
  sidebars: HtmlRecord[];
  dialogs: HtmlRecord[];
}

export interface RunError {
  message: string;
  name: string;
  stack?: string;
}

export interface RunResult {
  value: unknown;
  error?: RunError;
  calls: Record<string, number>;
  totalCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** What a naive cell-by-cell adapter would have called for the same work (see CallCounter.naiveTotal). */
  naiveCalls: number;
  /** Calls that waited for Sheets while writes were queued (see CallCounter.flushes). */
  flushes: number;
  /** Milliseconds the script asked `Utilities.sleep` for, in all (the emulator does not wait). */
  sleptMs: number;
  ui: UiRecord;
  logs: string[];
  authMode: AuthMode;
  fnName: string;
  /** Locks the script acquired and did not release itself (Apps Script releases them at the end). */
  unreleasedLocks: string[];
}

export interface CacheEntry {
  value: string;
  expires: number;
}

/** The event types of the installable spreadsheet triggers the emulator keeps. */
export type TriggerEventType = 'ON_FORM_SUBMIT' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_OPEN';

/** An installable trigger: owned by one user, for one spreadsheet. */
export interface TriggerRecord {
  /** Apps Script's unique id: a string of digits. */
  uid: string;
  /** The account that created it (the trigger runs as this account). */
  user: string;
  handler: string;
  eventType: TriggerEventType;
  /** The spreadsheet's id. */
  sourceId: string;
}

/** What survives between executions (the context does not). */
export interface EmulatorState {
  workbook: Workbook;
  documentProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
  userPropertyStores: Map<string, Map<string, string>>;
  caches: Map<string, Map<string, CacheEntry>>;
  heldLocks: Set<'document' | 'script' | 'user'>;
  effectiveUser: string;
  scriptTimeZone: string;
  alertResponder: (alert: AlertRecord) => ButtonName;
  promptResponder: (prompt: PromptRecord) => { button: ButtonName; text: string };
  /** Reads `<distDir>/<name>.html` (name with or without '.html'). */
  readHtmlFile: (name: string) => string;
  /** Virtual clock for Utilities.sleep and caches (ms). */
  now: () => number;
  /** Added to the host's clock wherever a script or the emulator asks for the time (`emu.setNow`); 0 = real time. */
  clockShift: number;
  /** Installable triggers of this script, all users, in creation order. */
  triggers: TriggerRecord[];
  /** Sequence behind the next trigger's unique id. */
  nextTriggerSeq: number;
  /** The manifest's oauthScopes (null: none declared, so no scope checks). */
  oauthScopes: string[] | null;
  /** Simulates an add-on update that needs the user to authorize again (ScriptApp.getAuthorizationInfo). */
  authorizationRequired: boolean;
  /** Every spreadsheet the script may name by id; holds the active workbook too. */
  drive: Drive;
  /** Per user (lower-case email): file ids the user granted this app through the Picker (drive.file), in order. */
  pickedFiles: Map<string, string[]>;
  /** Per user (lower-case email): file ids this app created for the user (drive.file reaches them too). */
  createdFiles: Map<string, string[]>;
}

/** An entry of the manifest's dependencies.enabledAdvancedServices. */
export interface AdvancedServiceConfig {
  /** The global the service is installed as, e.g. 'Sheets'. */
  userSymbol: string;
  /** e.g. 'sheets' (the only one emulated). */
  serviceId: string;
  /** e.g. 'v4'. */
  version: string;
}

export function emptyUi(): UiRecord {
  return { menus: [], toasts: [], alerts: [], prompts: [], sidebars: [], dialogs: [] };
}
