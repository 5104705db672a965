/**
 * The page's JSON endpoints, the sidebar/dialog frames, and the .xlsx download/upload; and, for the
 * "Pilih workbook kabupaten" dialog, a stand-in for Google's api.js (which the preview cannot load)
 * whose Picker lists the preview Drive's spreadsheets and picks the chosen ones (/api/drive,
 * /api/pick).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportXlsx, importXlsx } from '../../emulator';
import { answersFrom, formInfo, formPageHtml, sample } from './formPage';
import { COORDINATOR, type Answer, type PreviewSession } from './session';
import { bookView, sheetView } from './view';

const MAX_JSON = 5 * 1024 * 1024;
const MAX_UPLOAD = 60 * 1024 * 1024;

export interface Assets {
  page: string;
  app: string;
  runner: string;
  /** The candidate's form page's script. */
  form: string;
  /** The stand-in for https://apis.google.com/js/api.js (gapi.load('picker') and google.picker). */
  picker: string;
}

/** Google's script the Picker dialog loads, and where the preview serves its stand-in instead. */
export const GOOGLE_API_JS = 'https://apis.google.com/js/api.js';
export const STAND_IN_API_JS = '/gapi/api.js';

/** The candidate's form loads nothing from elsewhere, and its script only talks to this server. */
const FORM_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('Request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, MAX_JSON);
  const value = JSON.parse(body.toString('utf8') || '{}') as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('Expected a JSON object');
  return value as Record<string, unknown>;
}

/** Who can be tried: the Panel tab's emails, the coordinator, and no email at all. */
export function users(session: PreviewSession): Array<{ email: string; label: string }> {
  const role = session.owner === COORDINATOR ? 'koordinator' : 'koordinator nasional';
  const out = [{ email: session.owner, label: `${session.owner} (${role})` }];
  const values = session.workbook.sheet('Panel')?.values() ?? [];
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const email = header.indexOf('email');
  const name = header.indexOf('nama');
  const region = header.indexOf('wilayah');
  for (const row of values.slice(1)) {
    const address = String(row[email] ?? '').trim();
    if (!address || out.some((u) => u.email === address)) continue;
    out.push({
      email: address,
      label: `${address} — ${String(row[name] ?? '')}${region >= 0 && row[region] ? `, ${String(row[region])}` : ''}`,
    });
  }
  out.push({ email: '', label: '(tanpa email)' });
  if (!out.some((u) => u.email === session.user)) out.splice(1, 0, { email: session.user, label: session.user });
  return out;
}

function state(session: PreviewSession) {
  return { book: bookView(session.workbook), menu: session.menu, user: session.user, users: users(session) };
}

/**
 * The frame's HTML with google.script.run/host bridged to /api/rpc, before any of its own scripts,
 * and Google's api.js replaced by the preview's stand-in.
 */
export function frameHtml(content: string, frameId: string, runner: string): string {
  content = content.split(GOOGLE_API_JS).join(STAND_IN_API_JS);
  const script = `<script>window.__frameId=${JSON.stringify(frameId)};${runner}</script>`;
  const head = /<head[^>]*>/i.exec(content);
  if (head) return content.slice(0, head.index + head[0].length) + script + content.slice(head.index + head[0].length);
  const doctype = /<!doctype[^>]*>/i.exec(content);
  if (doctype)
    return (
      content.slice(0, doctype.index + doctype[0].length) + script + content.slice(doctype.index + doctype[0].length)
    );
  return script + content;
}

export async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  session: PreviewSession,
  assets: Assets,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method} ${url.pathname}`;
  try {
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', assets.page);
      case 'GET /favicon.ico':
        res.writeHead(204);
        return void res.end();
      case 'GET /app.js':
        return send(res, 200, 'text/javascript; charset=utf-8', assets.app);
      case 'GET /api/state':
        return sendJson(res, 200, state(session));
      case 'GET /form':
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          formPageHtml(formInfo(session, url.searchParams.get('tab')), session.workbook.name),
          { 'Content-Security-Policy': FORM_CSP },
        );
      case 'GET /form.js':
        return send(res, 200, 'text/javascript; charset=utf-8', assets.form);
      case 'GET /api/form':
        return sendJson(res, 200, formInfo(session, url.searchParams.get('tab')));
      case 'GET /api/form/sample': {
        const info = formInfo(session, url.searchParams.get('tab'));
        if (!info.tab) return sendJson(res, 404, { error: 'No form response tab' });
        return sendJson(res, 200, { answers: sample(info) });
      }
      case 'POST /api/form': {
        // A candidate sends the form: the response lands on the tab and the add-on's trigger runs.
        const body = await readJson(req);
        const info = formInfo(session, typeof body.tab === 'string' ? body.tab : null);
        if (!info.tab) return sendJson(res, 404, { error: 'This spreadsheet has no linked form response tab' });
        if (typeof body.tab === 'string' && body.tab !== '' && body.tab !== info.tab)
          return sendJson(res, 404, { error: `No form response tab "${body.tab}"` });
        const outcome = session.submitForm(info.tab, answersFrom(info, body.answers ?? {}));
        return sendJson(res, 200, { outcome, connected: session.formConnected() });
      }
      case 'GET /api/sheet': {
        const view = sheetView(
          session.workbook,
          url.searchParams.get('name') ?? '',
          Number(url.searchParams.get('rows')) || 500,
        );
        return view ? sendJson(res, 200, view) : sendJson(res, 404, { error: 'No such tab' });
      }
      case 'POST /api/active': {
        const body = await readJson(req);
        session.setActiveSheet(String(body.sheet ?? ''));
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /api/user': {
        const body = await readJson(req);
        session.setUser(String(body.user ?? ''));
        return sendJson(res, 200, state(session));
      }
      case 'POST /api/run': {
        const body = await readJson(req);
        const answers = Array.isArray(body.answers) ? (body.answers as Answer[]) : [];
        const outcome = session.runMenu(String(body.fn ?? ''), answers);
        return sendJson(res, 200, { outcome, ...state(session) });
      }
      case 'POST /api/edit': {
        const body = await readJson(req);
        const value = typeof body.value === 'boolean' ? body.value : String(body.value ?? '');
        const outcome = session.edit(String(body.sheet ?? ''), String(body.a1 ?? ''), value);
        return sendJson(res, 200, { outcome, ...state(session) });
      }
      case 'POST /api/rpc': {
        const body = await readJson(req);
        try {
          const value = session.rpc(
            String(body.frame ?? ''),
            String(body.name ?? ''),
            Array.isArray(body.args) ? body.args : [],
          );
          return sendJson(res, 200, { ok: true, value: value === undefined ? null : value });
        } catch (error) {
          return sendJson(res, 200, { ok: false, message: error instanceof Error ? error.message : String(error) });
        }
      }
      case 'GET /gapi/api.js':
        return send(res, 200, 'text/javascript; charset=utf-8', assets.picker);
      case 'GET /api/drive':
        // What the stand-in Picker lists to the user of an open dialog.
        return sendJson(res, 200, { files: session.driveListing(url.searchParams.get('frame') ?? '') });
      case 'POST /api/pick': {
        const body = await readJson(req);
        return sendJson(res, 200, { docs: session.pick(String(body.frame ?? ''), body.ids) });
      }
      case 'POST /api/close': {
        const body = await readJson(req);
        session.closeFrame(String(body.frame ?? ''));
        return sendJson(res, 200, { ok: true });
      }
      case 'GET /api/download': {
        const dir = mkdtempSync(join(tmpdir(), 'preview-'));
        try {
          const file = join(dir, 'workbook.xlsx');
          await exportXlsx(session.workbook, file);
          const name = `${session.workbook.name.replace(/[^\w.-]+/g, '_') || 'workbook'}.xlsx`;
          return send(
            res,
            200,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            readFileSync(file),
            { 'Content-Disposition': `attachment; filename="${name}"` },
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      case 'POST /api/upload': {
        const bytes = await readBody(req, MAX_UPLOAD);
        const dir = mkdtempSync(join(tmpdir(), 'preview-'));
        try {
          const file = join(dir, 'upload.xlsx');
          writeFileSync(file, bytes);
          const workbook = await importXlsx(file, {
            timeZone: session.workbook.timeZone,
            locale: session.workbook.locale,
          });
          const name = decodeURIComponent(url.searchParams.get('name') ?? '').replace(/\.xlsx$/i, '');
          if (name) workbook.name = name;
          session.replaceWorkbook(workbook);
          return sendJson(res, 200, state(session));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    const frame = /^GET \/frame\/([\w-]+)$/.exec(route);
    if (frame) {
      const record = session.frames.get(frame[1]);
      if (!record) return send(res, 404, 'text/plain; charset=utf-8', 'This sidebar or dialog is closed.');
      return send(res, 200, 'text/html; charset=utf-8', frameHtml(record.content, record.id, assets.runner));
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  } catch (error) {
    return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
