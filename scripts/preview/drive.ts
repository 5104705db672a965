/**
 * The preview's Drive (`npm start -- --coordinator`): the regency workbooks the coordinator's
 * workbook reads, who owns and may open each, and which files each user picked in the (stand-in)
 * Google Picker. Every menu action runs on a fresh Emulator and a copy of the active workbook, so
 * each new Emulator gets a new Drive holding the same regency files (they are only ever read) and
 * the copy under the active file's id, and the picks are granted again.
 *
 * Saved in `<stateDir>/drive/`: files.json (ids, names, access) and one workbook snapshot per file,
 * written once; the picks go in properties.json with the document's properties, as they change.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Drive, type Emulator, Workbook, type WorkbookSnapshot } from '../../emulator';

export interface DriveFile {
  id: string;
  owner: string;
  editors: string[];
  viewers: string[];
  workbook: Workbook;
}

/** Picked file ids by user (lower case), in the order first picked. */
export type Picks = Record<string, string[]>;

interface FilesJson {
  files: Array<Omit<DriveFile, 'workbook'> & { name: string; file: string }>;
}

const FILE_ID = /^[\w-]{10,100}$/;

/** A new Drive with the regency files and `active` (under its id, owned by `owner`); `picks` granted on `emu`. */
export function driveFor(files: readonly DriveFile[], active: Workbook, owner: string): Drive {
  const drive = new Drive();
  for (const f of files) drive.register(f.workbook, { owner: f.owner, editors: f.editors, viewers: f.viewers });
  if (!drive.idOf(active)) drive.register(active, { owner });
  return drive;
}

/** Grants `picks` again on a new Emulator (a file since removed from the Drive is left out). */
export function grantPicks(emu: Emulator, picks: Picks): void {
  for (const [user, ids] of Object.entries(picks)) {
    const open = ids.filter((id) => emu.drive.workbook(id) && emu.drive.role(id, user));
    if (open.length) emu.pickFiles(user, open);
  }
}

/** The picks in a saved file, or none when the entry is missing or damaged. */
export function parsePicks(value: unknown): Picks {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Picks = {};
  for (const [user, ids] of Object.entries(value as Record<string, unknown>))
    if (Array.isArray(ids)) out[user.toLowerCase()] = ids.filter((id): id is string => typeof id === 'string');
  return out;
}

export function addPicks(picks: Picks, user: string, ids: readonly string[]): void {
  const key = user.toLowerCase();
  const list = picks[key] ?? (picks[key] = []);
  for (const id of ids) if (!list.includes(id)) list.push(id);
}

export function saveDriveFiles(stateDir: string, files: readonly DriveFile[]): void {
  const dir = join(stateDir, 'drive');
  mkdirSync(dir, { recursive: true });
  const index: FilesJson = { files: [] };
  for (const f of files) {
    if (!FILE_ID.test(f.id)) throw new Error(`Unexpected file id ${f.id}`);
    const file = `${f.id}.json`;
    writeAtomic(join(dir, file), JSON.stringify(f.workbook.snapshot()));
    index.files.push({ id: f.id, name: f.workbook.name, owner: f.owner, editors: f.editors, viewers: f.viewers, file });
  }
  writeAtomic(join(dir, 'files.json'), JSON.stringify(index, null, 1));
}

/** The saved Drive files, or null when the state folder has none (a regency preview). */
export function loadDriveFiles(stateDir: string): DriveFile[] | null {
  const dir = join(stateDir, 'drive');
  const indexFile = join(dir, 'files.json');
  if (!existsSync(indexFile)) return null;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as FilesJson;
  return index.files.map((f) => {
    if (!FILE_ID.test(f.id) || f.file !== `${f.id}.json`) throw new Error(`Damaged ${indexFile}: file ${f.id}`);
    const workbook = Workbook.fromSnapshot(JSON.parse(readFileSync(join(dir, f.file), 'utf8')) as WorkbookSnapshot);
    if (workbook.id !== f.id) throw new Error(`Damaged ${indexFile}: ${f.file} holds ${workbook.id}`);
    return { id: f.id, owner: f.owner, editors: [...(f.editors ?? [])], viewers: [...(f.viewers ?? [])], workbook };
  });
}

function writeAtomic(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
