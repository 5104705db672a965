/**
 * Drive: the host's registry of spreadsheets and who may open them. Several workbooks live in one Drive; each has an
 * owner, editors and viewers. Host-side only (tests build it; scripts reach it through SpreadsheetApp.openById and the
 * Sheets advanced service). Emails compare case-insensitively, as Google accounts do.
 */
import { Workbook } from './workbook';

export type DriveRole = 'owner' | 'editor' | 'viewer';

export interface DriveAccess {
  owner: string;
  editors?: string[];
  viewers?: string[];
}

interface DriveFile {
  id: string;
  workbook: Workbook;
  owner: string;
  editors: Set<string>;
  viewers: Set<string>;
  deleted: boolean;
}

/** The placeholder id every Workbook gets unless given one: Drive.add replaces it. */
export const PLACEHOLDER_ID = new Workbook().id;

const norm = (email: string): string => String(email).trim().toLowerCase();

export class Drive {
  private readonly files = new Map<string, DriveFile>();
  private seq = 0;

  /**
   * Adds a workbook and returns its file id. The workbook keeps an id it was given (WorkbookOptions.id) unless another
   * file of this Drive already has it; the placeholder id is replaced by a deterministic 44-character id (the n-th
   * add gets `1EmuDrv<n>…`), so the Spreadsheet service's getId()/getUrl() return the Drive's id.
   */
  add(workbook: Workbook, access: DriveAccess): string {
    const existing = this.idOf(workbook);
    if (existing) throw new Error(`This workbook is already in the Drive as ${existing}`);
    this.seq++;
    let id = workbook.id;
    if (id === PLACEHOLDER_ID || this.files.has(id)) {
      id = `1EmuDrv${String(this.seq).padStart(3, '0')}SpreadsheetFile${'0'.repeat(44)}`.slice(0, 44);
      while (this.files.has(id)) id = `${id.slice(0, 43)}${(Number(id[43]) + 1) % 10}`;
      workbook.id = id;
    }
    this.register(workbook, access);
    return id;
  }

  /** Registers a workbook under its current id, unchanged (the Emulator's own Drive when none is passed). */
  register(workbook: Workbook, access: DriveAccess): string {
    if (!access || !access.owner) throw new Error('Drive.add needs an owner');
    if (this.files.has(workbook.id)) throw new Error(`The Drive already holds a file ${workbook.id}`);
    this.files.set(workbook.id, {
      id: workbook.id,
      workbook,
      owner: norm(access.owner),
      editors: new Set((access.editors ?? []).map(norm)),
      viewers: new Set((access.viewers ?? []).map(norm)),
      deleted: false,
    });
    return workbook.id;
  }

  /** `https://docs.google.com/spreadsheets/d/<id>/edit` */
  url(id: string): string {
    return `https://docs.google.com/spreadsheets/d/${id}/edit`;
  }

  /** The workbook of a file that exists (undefined for unknown or deleted ids). */
  workbook(id: string): Workbook | undefined {
    const f = this.files.get(String(id));
    return f && !f.deleted ? f.workbook : undefined;
  }

  /** The id of a workbook in this Drive (deleted files too), or undefined. */
  idOf(workbook: Workbook): string | undefined {
    for (const f of this.files.values()) if (f.workbook === workbook) return f.id;
    return undefined;
  }

  /** Ids of the files that exist, in the order they were added. */
  ids(): string[] {
    return [...this.files.values()].filter((f) => !f.deleted).map((f) => f.id);
  }

  /** Deletes a file for good: its id is then unknown to every service (not found). */
  remove(id: string): void {
    this.file(id).deleted = true;
  }

  /** Gives `user` a role; 'owner' transfers ownership (the old owner stays on as an editor). */
  share(id: string, user: string, role: DriveRole): void {
    const f = this.file(id);
    const who = norm(user);
    if (role === 'owner') {
      if (f.owner !== who) f.editors.add(f.owner);
      f.owner = who;
      f.editors.delete(who);
      f.viewers.delete(who);
      return;
    }
    if (role !== 'editor' && role !== 'viewer') throw new Error(`Unknown role ${String(role)}`);
    if (f.owner === who) return;
    f.editors.delete(who);
    f.viewers.delete(who);
    (role === 'editor' ? f.editors : f.viewers).add(who);
  }

  /** Removes a user's access (the owner cannot be removed; transfer ownership first). */
  unshare(id: string, user: string): void {
    const f = this.file(id);
    const who = norm(user);
    if (f.owner === who) throw new Error(`${user} owns ${id}; transfer ownership before removing them`);
    f.editors.delete(who);
    f.viewers.delete(who);
  }

  /** The user's role on an existing file, or null (no access, unknown or deleted file). */
  role(id: string, user: string): DriveRole | null {
    const f = this.files.get(String(id));
    if (!f || f.deleted || !user) return null;
    const who = norm(user);
    if (f.owner === who) return 'owner';
    if (f.editors.has(who)) return 'editor';
    if (f.viewers.has(who)) return 'viewer';
    return null;
  }

  owner(id: string): string {
    return this.file(id).owner;
  }

  editors(id: string): string[] {
    return [...this.file(id).editors];
  }

  viewers(id: string): string[] {
    return [...this.file(id).viewers];
  }

  private file(id: string): DriveFile {
    const f = this.files.get(String(id));
    if (!f || f.deleted) throw new Error(`No file ${id} in this Drive`);
    return f;
  }
}
