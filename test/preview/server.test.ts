/**
 * The preview server: bound to 127.0.0.1 only, refuses requests from any other origin, saves the
 * work on every change and reloads it at the next start (unless fresh), and round-trips .xlsx.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '../../emulator';
import { startPreview, type Preview } from '../../scripts/preview/preview';
import { frameHtml } from '../../scripts/preview/api';
import { ensureBuilt } from '../support/dist';

function tinyWorkbook(): Workbook {
  const wb = new Workbook({ name: 'Kecil' });
  wb.addSheet('Kandidat', [
    ['Nama', 'Kota'],
    ['Siti', 'Banjarbaru'],
  ]);
  return wb;
}

function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let dir: string;
let preview: Preview | undefined;
beforeAll(() => ensureBuilt());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'preview-server-'));
});
afterEach(async () => {
  await preview?.close();
  preview = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('preview server', () => {
  it('listens on 127.0.0.1 only and refuses foreign origins and hosts', async () => {
    preview = await startPreview({ port: 0, workbook: tinyWorkbook(), fresh: true, stateDir: dir });
    const { port } = preview;
    expect(preview.host).toBe('127.0.0.1');
    expect(preview.url).toBe(`http://127.0.0.1:${port}/`);
    const own = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' };
    const edit = JSON.stringify({ sheet: 'Kandidat', a1: 'A2', value: 'Dirusak' });

    const foreign = await call(port, 'POST', '/api/edit', { ...own, Origin: 'http://evil.example' }, edit);
    expect(foreign.status).toBe(403);
    expect(
      (await call(port, 'POST', '/api/edit', { ...own, Origin: `http://127.0.0.1:${port + 1}` }, edit)).status,
    ).toBe(403);
    expect((await call(port, 'POST', '/api/edit', own, edit)).status).toBe(403); // a POST must say where it comes from
    expect((await call(port, 'GET', '/api/state', { Host: `evil.example:${port}` })).status).toBe(403); // DNS rebinding
    expect(
      (await call(port, 'GET', '/api/state', { Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(preview.session.workbook.sheet('Kandidat')!.values()[1][0]).toBe('Siti');

    const ok = await call(
      port,
      'POST',
      '/api/edit',
      { ...own, Host: `localhost:${port}`, Origin: `http://localhost:${port}` },
      edit,
    );
    expect(ok.status).toBe(200);
    expect(preview.session.workbook.sheet('Kandidat')!.values()[1][0]).toBe('Dirusak');
    expect((await call(port, 'GET', '/', { Host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('types like Sheets on edit, saves every change and reloads it at the next start', async () => {
    preview = await startPreview({ port: 0, workbook: tinyWorkbook(), fresh: true, stateDir: dir });
    const { port } = preview;
    const headers = {
      Host: `127.0.0.1:${port}`,
      Origin: `http://127.0.0.1:${port}`,
      'Content-Type': 'application/json',
    };
    const res = await call(
      port,
      'POST',
      '/api/edit',
      headers,
      JSON.stringify({ sheet: 'Kandidat', a1: 'B3', value: '0812' }),
    );
    expect(res.status).toBe(200);
    expect(preview.session.workbook.sheet('Kandidat')!.values()[2][1]).toBe(812); // a number, as Sheets types it
    await preview.close();
    expect(existsSync(join(dir, 'workbook.json'))).toBe(true);

    preview = await startPreview({ port: 0, stateDir: dir });
    expect(preview.session.workbook.name).toBe('Kecil');
    expect(preview.session.workbook.sheet('Kandidat')!.values()[2][1]).toBe(812);
    await preview.close();

    preview = await startPreview({ port: 0, workbook: tinyWorkbook(), fresh: true, stateDir: dir });
    expect(preview.session.workbook.sheet('Kandidat')!.values()).toHaveLength(2);
  });

  it('downloads the workbook as .xlsx and uploads one to replace it', async () => {
    preview = await startPreview({ port: 0, workbook: tinyWorkbook(), fresh: true, stateDir: dir });
    const { port } = preview;
    const download = await call(port, 'GET', '/api/download', { Host: `127.0.0.1:${port}` });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('.xlsx');
    expect(download.body.subarray(0, 2).toString()).toBe('PK');
    preview.session.edit('Kandidat', 'A2', 'Diubah');
    const upload = await call(
      port,
      'POST',
      '/api/upload?name=Unggahan.xlsx',
      { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/octet-stream' },
      download.body,
    );
    expect(upload.status).toBe(200);
    expect(preview.session.workbook.name).toBe('Unggahan');
    expect(preview.session.workbook.sheet('Kandidat')!.values()[1]).toEqual(['Siti', 'Banjarbaru']);
  });

  it('injects the google.script bridge before the frame’s own scripts', () => {
    const html = frameHtml(
      '<!DOCTYPE html><html><head><title>x</title><script>google.script.run.f()</script></head></html>',
      'f1',
      'RUNNER',
    );
    expect(html.indexOf('RUNNER')).toBeLessThan(html.indexOf('google.script.run.f'));
    expect(html.startsWith('<!DOCTYPE html><html><head><script>')).toBe(true);
  });
});
