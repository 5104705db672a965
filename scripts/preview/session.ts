/**
 * The preview's state: one emulator running the built add-in on the workbook, the active user, the
 * sidebars and dialogs currently open, and the saved copy on disk. Menu actions run on a copy of the
 * workbook so that a question the add-in asks (Ui.alert with YES/NO…, Ui.prompt) can be answered in
 * the browser: when the run reaches a question with no answer yet, the copy is dropped and the
 * question goes back to the page, which runs the action again with the answers so far plus the new one.
 *
 * What outlives an execution besides the workbook — the document's and the script's properties and
 * the installable triggers — goes along to each new emulator and is saved next to the workbook, so a
 * registration form connected in the preview stays connected across actions and restarts.
 *
 * With a Drive (`npm start -- --coordinator`) the workbook is the national coordinator's: each new
 * emulator also gets the regency workbooks and the files each user picked (see drive.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Emulator,
  Workbook,
  type AlertRecord,
  type ButtonName,
  type HtmlRecord,
  type MenuRecord,
  type PromptRecord,
  type RunResult,
  type WorkbookSnapshot,
} from '../../emulator';
import {
  addPicks,
  type DriveFile,
  driveFor,
  grantPicks,
  loadDriveFiles,
  parsePicks,
  type Picks,
  saveDriveFiles,
} from './drive';
import { parseTriggers, restoreTriggers, saveTriggers, type SavedTriggers } from './triggers';

export const COORDINATOR = 'koordinator@example.go.id';

export interface Answer {
  button: ButtonName;
  text?: string;
}

export interface Question {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}

/** A sidebar or dialog the page shows in an iframe, served at /frame/<id>. */
export interface Frame {
  id: string;
  kind: 'sidebar' | 'dialog';
  title: string;
  width: number;
  height: number;
  user: string;
  content: string;
}

/** What the page needs after anything ran. */
export interface Outcome {
  ok: boolean;
  error?: string;
  toasts: Array<{ title: string; message: string; timeout: number }>;
  alerts: Array<{ title: string; prompt: string }>;
  frames: Array<Omit<Frame, 'content' | 'user'>>;
  pending?: Question;
}

class NeedsAnswer extends Error {}

export interface SavedProperties {
  document: Record<string, string>;
  script: Record<string, string>;
  /** Installable triggers (absent in files saved before the preview kept them). */
  triggers?: SavedTriggers;
  /** Files each user picked in the Google Picker (a preview with a Drive). */
  picked?: Picks;
}

export interface SessionOptions {
  /** The account that owns the workbook and is at the keyboard first (default COORDINATOR). */
  owner?: string;
  /** The other spreadsheets of the Drive (the regency workbooks of a coordinator preview). */
  drive?: DriveFile[];
  /** The Drive files are in `stateDir` already (loaded from there). */
  driveSaved?: boolean;
}

/** A spreadsheet the Picker lists to a user. */
export interface DriveListing {
  id: string;
  name: string;
  owner: string;
  role: string;
  /** Already picked by this user (the add-on may read it). */
  picked: boolean;
  /** The workbook the preview shows. */
  active: boolean;
}

/** A response sent through the preview's candidate form (/form), and what the add-on did with it. */
export interface FormOutcome {
  tab: string;
  /** The response tab's row it landed on. */
  row: number;
  /** Google's timestamp, to the millisecond (ISO). */
  at: string;
  /** Form-submit triggers of this spreadsheet that ran (0: the form is not connected). */
  triggers: number;
  /** The `Kandidat` row holding the response, when a trigger imported it. */
  kandidatRow?: number;
  /** Trigger runs that failed, with their error. */
  errors: string[];
}

export class PreviewSession {
  emu: Emulator;
  /** The workbook's owner, the effective user of every execution. */
  readonly owner: string;
  user: string;
  menu: MenuRecord | null = null;
  readonly frames = new Map<string, Frame>();
  private nextFrame = 1;
  private saveTimer: NodeJS.Timeout | null = null;
  /** The other spreadsheets of the Drive (none in a regency preview). */
  private readonly driveFiles: DriveFile[];
  private readonly picks: Picks;
  private driveSaved: boolean;

  constructor(
    workbook: Workbook,
    readonly stateDir: string,
    properties?: SavedProperties,
    options: SessionOptions = {},
  ) {
    this.owner = options.owner ?? COORDINATOR;
    this.user = this.owner;
    this.driveFiles = options.drive ?? [];
    this.driveSaved = options.driveSaved ?? false;
    this.picks = parsePicks(properties?.picked);
    this.emu = this.newEmulator(workbook, properties);
    this.refreshMenu();
  }

  /** The saved workbook, properties and Drive files in `stateDir`, if any. */
  static loadSaved(
    stateDir: string,
  ): { workbook: Workbook; properties?: SavedProperties; drive: DriveFile[] | null } | null {
    const file = join(stateDir, 'workbook.json');
    if (!existsSync(file)) return null;
    const workbook = Workbook.fromSnapshot(JSON.parse(readFileSync(file, 'utf8')) as WorkbookSnapshot);
    const propsFile = join(stateDir, 'properties.json');
    const properties = existsSync(propsFile)
      ? (JSON.parse(readFileSync(propsFile, 'utf8')) as SavedProperties)
      : undefined;
    return { workbook, properties, drive: loadDriveFiles(stateDir) };
  }

  get workbook(): Workbook {
    return this.emu.workbook;
  }

  /** True when the preview has other spreadsheets (a coordinator's). */
  get hasDrive(): boolean {
    return this.driveFiles.length > 0;
  }

  /** How many other spreadsheets the Drive holds. */
  get driveSize(): number {
    return this.driveFiles.length;
  }

  private newEmulator(workbook: Workbook, properties?: SavedProperties): Emulator {
    const drive = this.hasDrive ? { drive: driveFor(this.driveFiles, workbook, this.owner) } : {};
    const emu = new Emulator({ workbook, user: this.user, effectiveUser: this.owner, ...drive });
    for (const [k, v] of Object.entries(properties?.document ?? {})) emu.documentProperties.set(k, v);
    for (const [k, v] of Object.entries(properties?.script ?? {})) emu.scriptProperties.set(k, v);
    restoreTriggers(emu, parseTriggers(properties?.triggers));
    grantPicks(emu, this.picks);
    return emu;
  }

  private properties(): SavedProperties {
    return {
      document: Object.fromEntries(this.emu.documentProperties),
      script: Object.fromEntries(this.emu.scriptProperties),
      triggers: saveTriggers(this.emu),
      ...(this.hasDrive || Object.keys(this.picks).length ? { picked: this.picks } : {}),
    };
  }

  /** The spreadsheets the Google Picker lists to the user of an open dialog: those they can open. */
  driveListing(frameId: string): DriveListing[] {
    const user = this.frameUser(frameId);
    const drive = this.emu.drive;
    const picked = new Set(this.emu.pickedFiles(user));
    return drive.ids().flatMap((id) => {
      const role = drive.role(id, user);
      if (!role) return [];
      const workbook = drive.workbook(id)!;
      return [
        {
          id,
          name: workbook.name,
          owner: drive.owner(id),
          role,
          picked: picked.has(id),
          active: workbook === this.workbook,
        },
      ];
    });
  }

  /**
   * The user of an open dialog picks `ids` in the Google Picker: the add-on may read them from now
   * on (drive.file), in this and every later execution. Returns what the Picker hands the page.
   */
  pick(frameId: string, ids: unknown): Array<{ id: string; name: string; url: string; mimeType: string }> {
    const user = this.frameUser(frameId);
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string'))
      throw new Error('Choose at least one spreadsheet');
    const list = [...new Set(ids as string[])];
    this.emu.pickFiles(user, list);
    addPicks(this.picks, user, list);
    this.changed();
    return list.map((id) => ({
      id,
      name: this.emu.drive.workbook(id)!.name,
      url: this.emu.drive.url(id),
      mimeType: 'application/vnd.google-apps.spreadsheet',
    }));
  }

  private frameUser(frameId: string): string {
    const frame = this.frames.get(frameId);
    if (!frame) throw new Error('This sidebar or dialog is closed.');
    return frame.user;
  }

  /** onOpen as Sheets runs it for an installed add-on (the language setting may have changed). */
  refreshMenu(): void {
    const open = this.emu.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED', user: this.user });
    this.menu = open.ui.menus.find((m) => m.addon) ?? open.ui.menus[0] ?? null;
  }

  setUser(user: string): void {
    this.user = user;
    this.emu.user = user;
    // Another person at the keyboard: what the previous one had open is theirs.
    this.frames.clear();
  }

  /** Runs a menu item, answering its questions from `answers`; see the file comment. */
  runMenu(functionName: string, answers: Answer[]): Outcome {
    const items = flatItems(this.menu?.items ?? []);
    if (!items.includes(functionName))
      return { ...emptyOutcome(), ok: false, error: `Not on the add-on menu: ${functionName}` };
    const trial = this.newEmulator(this.workbook.clone(), this.properties());
    trial.user = this.user;
    let used = 0;
    let pending: Question | undefined;
    const next = (q: Question): Answer => {
      if (pending) throw new NeedsAnswer('waiting for an answer');
      if (used < answers.length) return answers[used++];
      pending = q;
      throw new NeedsAnswer('waiting for an answer');
    };
    trial.alertResponder = (a: AlertRecord) => (a.buttons === 'OK' ? 'OK' : next(question('alert', a)).button);
    trial.promptResponder = (p: PromptRecord) => {
      const answer = next(question('prompt', p));
      return { button: answer.button, text: answer.text ?? '' };
    };
    const run = trial.run(functionName, [], { user: this.user });
    if (pending) return { ...emptyOutcome(), pending };
    // Questions outside a menu action (none today) get the answer that changes nothing.
    trial.alertResponder = (a) => (a.buttons === 'OK' ? 'OK' : a.buttons === 'YES_NO' ? 'NO' : 'CANCEL');
    trial.promptResponder = () => ({ button: 'CANCEL', text: '' });
    this.emu = trial;
    this.changed();
    return this.outcome(run);
  }

  /** The user typed `value` into `a1` (or ticked a checkbox); onEdit runs as in Sheets. */
  edit(sheet: string, a1: string, value: string | boolean): Outcome {
    const run = this.emu.edit(sheet, a1, value, { user: this.user });
    this.changed();
    return this.outcome(run);
  }

  /** google.script.run from a frame, as the user who opened it. */
  rpc(frameId: string, name: string, args: unknown[]): unknown {
    const frame = this.frames.get(frameId);
    if (!frame) throw new Error('This sidebar or dialog is closed.');
    try {
      return this.emu.runRpc(name, args, { user: frame.user });
    } finally {
      this.changed();
    }
  }

  /** The tabs a Google Form writes to (linked: Sheet.getFormUrl), in tab order. */
  formTabs(): string[] {
    return this.workbook.sheets.filter((s) => s.formUrl).map((s) => s.name);
  }

  /** True when a form-submit trigger of this spreadsheet will run on the next response. */
  formConnected(): boolean {
    return this.emu.triggers().some((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === this.workbook.id);
  }

  /**
   * A candidate sends the form: the response goes on `tab` as Google writes it (the timestamp now,
   * answers typed under their questions) and every form-submit trigger of the spreadsheet runs as
   * its owner. `answers` are by question title.
   */
  submitForm(tab: string, answers: Record<string, string>, at = new Date()): FormOutcome {
    if (!this.formTabs().includes(tab)) throw new Error(`No form response tab "${tab}"`);
    const row = this.workbook.sheet(tab)!.lastRow() + 1;
    const looking = this.workbook.activeSheet;
    const runs = this.emu.submitForm(tab, answers, { at });
    // A trigger has no screen: a tab it inserts (Log…) does not become the one the user looks at.
    const index = looking ? this.workbook.sheets.indexOf(looking) : -1;
    if (index >= 0) this.workbook.activeSheetIndex = index;
    this.changed();
    const kandidatRow = rowWithKey(this.workbook, at.toISOString());
    return {
      tab,
      row,
      at: at.toISOString(),
      triggers: runs.length,
      ...(kandidatRow ? { kandidatRow } : {}),
      errors: runs.flatMap((r) => (r.error ? [r.error.message] : [])),
    };
  }

  closeFrame(id: string): void {
    this.frames.delete(id);
  }

  setActiveSheet(name: string): void {
    const index = this.workbook.sheets.findIndex((s) => s.name === name);
    if (index >= 0) this.workbook.activeSheetIndex = index;
  }

  /** Replaces the workbook (an uploaded .xlsx); the document's properties stay, and so does its file id. */
  replaceWorkbook(workbook: Workbook): void {
    workbook.id = this.workbook.id;
    this.emu = this.newEmulator(workbook, this.properties());
    this.emu.user = this.user;
    this.frames.clear();
    this.changed();
    this.refreshMenu();
  }

  private outcome(run: RunResult): Outcome {
    const frames: Outcome['frames'] = [];
    const add = (kind: Frame['kind'], rec: HtmlRecord) => {
      const id = `f${this.nextFrame++}`;
      // A new sidebar replaces the one that was open, as in Sheets.
      if (kind === 'sidebar') for (const [key, f] of this.frames) if (f.kind === 'sidebar') this.frames.delete(key);
      const frame: Frame = {
        id,
        kind,
        title: rec.title,
        width: rec.width,
        height: rec.height,
        user: this.user,
        content: rec.content,
      };
      this.frames.set(id, frame);
      frames.push({ id, kind, title: rec.title, width: rec.width, height: rec.height });
    };
    for (const rec of run.ui.sidebars) add('sidebar', rec);
    for (const rec of run.ui.dialogs) add('dialog', rec);
    this.refreshMenu();
    return {
      ok: !run.error,
      ...(run.error ? { error: run.error.message } : {}),
      toasts: run.ui.toasts.map((t) => ({ title: t.title, message: t.message, timeout: t.timeout })),
      alerts: run.ui.alerts.filter((a) => a.buttons === 'OK').map((a) => ({ title: a.title ?? '', prompt: a.prompt })),
      frames,
    };
  }

  /** Saves soon (changes come in bursts: a panelist saving score after score). */
  private changed(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.save(), 150);
  }

  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    mkdirSync(this.stateDir, { recursive: true });
    // The regency workbooks are only read: written once.
    if (this.hasDrive && !this.driveSaved) saveDriveFiles(this.stateDir, this.driveFiles);
    this.driveSaved = true;
    writeAtomic(join(this.stateDir, 'workbook.json'), JSON.stringify(this.workbook.snapshot()));
    writeAtomic(join(this.stateDir, 'properties.json'), JSON.stringify(this.properties()));
  }

  /** Writes what is pending now (at shutdown). */
  flush(): void {
    if (this.saveTimer) this.save();
  }
}

/** The `Kandidat` row whose `Kunci Formulir` is the response key `key` (or a twin of it), bottom up. */
function rowWithKey(workbook: Workbook, key: string): number | undefined {
  const values = workbook.sheet('Kandidat')?.values() ?? [];
  const col = (values[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === 'kunci formulir');
  if (col < 0) return undefined;
  for (let r = values.length - 1; r >= 1; r--) {
    const text = String(values[r][col] ?? '');
    if (text === key || text.startsWith(`${key}#`)) return r + 1;
  }
  return undefined;
}

function writeAtomic(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

function question(kind: Question['kind'], a: AlertRecord): Question {
  return { kind, title: a.title ?? '', prompt: a.prompt, buttons: a.buttons };
}

function flatItems(items: MenuRecord['items']): string[] {
  return items.flatMap((i) => (i.type === 'item' ? [i.functionName] : i.type === 'submenu' ? flatItems(i.items) : []));
}

function emptyOutcome(): Outcome {
  return { ok: true, toasts: [], alerts: [], frames: [] };
}
