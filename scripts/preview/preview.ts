/**
 * startPreview: loads the workbook (saved state, an .xlsx, or the raw demo data) into the emulator
 * with the built add-in and serves the spreadsheet page on 127.0.0.1. With `coordinator`, the
 * workbook is the national coordinator's (set up, the seven demo regency workbooks picked and
 * listed on Sumber Rekap but not read yet) in a Drive holding those seven. Every request must come from
 * the page itself: Host must be 127.0.0.1:<port> or localhost:<port>, and an Origin (required on
 * anything but GET) must be http:// one of those; everything else gets 403.
 */
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Drive, importXlsx, Workbook } from '../../emulator';
import {
  buildCoordinator,
  buildRegencyWorkbooks,
  NATIONAL_CANDIDATES,
  NATIONAL_COORDINATOR,
} from '../demo-data/national';
import { loadDemoWorkbook } from '../demo-data/workbook';
import { handle, sendJson, type Assets } from './api';
import { saveTriggers } from './triggers';
import { PreviewSession } from './session';

export const ROOT = resolve(__dirname, '../..');
export const DEFAULT_STATE_DIR = join(ROOT, 'out', 'preview');
export const DEFAULT_COORDINATOR_STATE_DIR = join(ROOT, 'out', 'preview-coordinator');
/** Workbooks per step of "Perbarui rekap nasional" in the coordinator preview, so its dialog shows. */
export const PREVIEW_NATIONAL_BATCH = 2;
/** Script properties the Picker dialog needs before it loads Google's script (here the stand-in). */
export const STAND_IN_PICKER_KEYS = { PICKER_API_KEY: 'preview-stand-in-key', PICKER_APP_ID: '000000000000' };

export interface PreviewOptions {
  port?: number;
  /** An .xlsx path or a Workbook; default: the saved preview, else the raw demo data. */
  workbook?: string | Workbook;
  /** Ignore the saved preview and start again from `workbook` or the demo. */
  fresh?: boolean;
  /** Where workbook.json is saved (default out/preview). */
  stateDir?: string;
  /** Demo size when starting from the demo (default 1500 candidates; NATIONAL_CANDIDATES with `coordinator`). */
  candidates?: number;
  /**
   * The national coordinator's workbook with the seven regency workbooks in its Drive (saved in
   * out/preview-coordinator unless `stateDir` says otherwise). `workbook` is not used.
   */
  coordinator?: boolean;
  /** 'national:batchSize' of a new coordinator workbook (default PREVIEW_NATIONAL_BATCH). */
  nationalBatchSize?: number;
  /** Progress while a new coordinator preview builds its regency workbooks. */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  port: number;
  /** The address the server listens on (always 127.0.0.1). */
  host: string;
  session: PreviewSession;
  close: () => Promise<void>;
}

let assetsCache: Assets | null = null;

function bundle(entry: string): string {
  const out = buildSync({
    entryPoints: [join(__dirname, 'client', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
  });
  return out.outputFiles[0].text;
}

function assets(): Assets {
  if (!assetsCache) {
    const page = readFileSync(join(__dirname, 'client', 'page.html'), 'utf8').replace(
      '/*STYLE*/',
      readFileSync(join(__dirname, 'client', 'style.css'), 'utf8'),
    );
    assetsCache = {
      page,
      app: bundle('app.ts'),
      runner: bundle('gasRunner.ts'),
      form: bundle('form.ts'),
      picker: bundle('pickerStandIn.ts'),
    };
  }
  return assetsCache;
}

async function initialSession(options: PreviewOptions, stateDir: string): Promise<PreviewSession> {
  const fromSaved = !options.fresh && (options.coordinator || options.workbook === undefined);
  const saved = fromSaved ? PreviewSession.loadSaved(stateDir) : null;
  if (saved?.drive)
    return new PreviewSession(saved.workbook, stateDir, saved.properties, {
      owner: NATIONAL_COORDINATOR,
      drive: saved.drive,
      driveSaved: true,
    });
  if (options.coordinator) return coordinatorSession(options, stateDir);
  if (saved) return new PreviewSession(saved.workbook, stateDir, saved.properties);
  let workbook: Workbook;
  if (options.workbook instanceof Workbook) workbook = options.workbook;
  else if (typeof options.workbook === 'string') workbook = await importXlsx(resolve(options.workbook));
  else workbook = loadDemoWorkbook({ candidates: options.candidates ?? 1500 }).workbook;
  if (workbook.sheets.length)
    workbook.activeSheetIndex = Math.max(
      0,
      workbook.sheets.findIndex((s) => s.name === 'Kandidat'),
    );
  const session = new PreviewSession(workbook, stateDir);
  session.save();
  return session;
}

/**
 * A new coordinator preview: the seven regency workbooks built and run (about 20 s), a coordinator
 * workbook set up that picked them all and lists them on Sumber Rekap, not read yet; the batch size
 * lowered so "Perbarui rekap nasional" opens its progress dialog; the Picker's script properties
 * set, so its dialog loads (the stand-in for Google's script, see api.ts).
 */
function coordinatorSession(options: PreviewOptions, stateDir: string): PreviewSession {
  const drive = new Drive();
  const log = options.log ?? (() => undefined);
  log('Building the seven regency workbooks (once; saved with the preview)…');
  const regencies = buildRegencyWorkbooks(drive, { candidates: options.candidates ?? NATIONAL_CANDIDATES, log });
  const { emu, workbook } = buildCoordinator(drive, regencies);
  emu.documentProperties.set('national:batchSize', String(options.nationalBatchSize ?? PREVIEW_NATIONAL_BATCH));
  for (const [key, value] of Object.entries(STAND_IN_PICKER_KEYS))
    if (!emu.scriptProperties.get(key)) emu.scriptProperties.set(key, value);
  const sources = workbook.sheets.findIndex((s) => s.name === 'Sumber Rekap');
  if (sources >= 0) workbook.activeSheetIndex = sources;
  const session = new PreviewSession(
    workbook,
    stateDir,
    {
      document: Object.fromEntries(emu.documentProperties),
      script: Object.fromEntries(emu.scriptProperties),
      triggers: saveTriggers(emu),
      picked: { [NATIONAL_COORDINATOR]: emu.pickedFiles(NATIONAL_COORDINATOR) },
    },
    {
      owner: NATIONAL_COORDINATOR,
      drive: regencies.map((r) => ({
        id: r.id,
        owner: r.owner,
        editors: drive.editors(r.id),
        viewers: drive.viewers(r.id),
        workbook: r.workbook,
      })),
    },
  );
  session.save();
  return session;
}

/** True when the request comes from the page served on `port`. */
export function sameOrigin(req: IncomingMessage, port: number): boolean {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return req.method === 'GET' || req.method === 'HEAD';
  return hosts.some((h) => origin === `http://${h}`);
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const stateDir = options.stateDir ?? (options.coordinator ? DEFAULT_COORDINATOR_STATE_DIR : DEFAULT_STATE_DIR);
  const session = await initialSession(options, stateDir);
  const files = assets();
  let port = 0;
  // One request at a time: the emulator runs executions one after another, as Sheets queues them.
  let queue: Promise<void> = Promise.resolve();
  const server = createServer((req, res) => {
    if (!sameOrigin(req, port)) {
      sendJson(res, 403, { error: 'Forbidden: requests must come from the preview page' });
      req.resume();
      return;
    }
    queue = queue
      .then(() => handle(req, res, session, files))
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8780, '127.0.0.1', () => ok());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    host: address.address,
    session,
    close: () =>
      new Promise<void>((ok) => {
        session.flush();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
