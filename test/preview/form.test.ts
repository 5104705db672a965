/**
 * The registration form in the preview: the demo's linked response tab, the candidate's form page
 * (/form) and its endpoint, the form connected through the connect dialog's own endpoints (as the
 * page's dialog calls them), and the add-on's trigger kept across menu actions and restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../emulator';
import { formAccuracy } from '../../scripts/demo-data/accuracy';
import { buildDemoWorkbook } from '../../scripts/demo-data';
import { FORM_HEADERS, FORM_TAB, FORM_URL, TEXT_QUESTIONS, type DemoForm } from '../../scripts/demo-data/form';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { startPreview, type Preview } from '../../scripts/preview/preview';
import type { FormOutcome, PreviewSession } from '../../scripts/preview/session';
import type { FormInfo } from '../../scripts/preview/formPage';
import type { ConnectOutcome, RegistrationChoices } from '../../src/core/registrationApi';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const NIK_Q = 'NIK (16 digit, sesuai KTP)';
const PHONE_Q = 'Nomor HP/WhatsApp aktif';
const NAME_Q = 'Nama lengkap (sesuai KTP)';

interface Reply<T> {
  status: number;
  body: T & { error?: string };
  headers: Headers;
}

/** The preview's HTTP API, as the page calls it (same origin). */
function http(preview: Preview) {
  const base = preview.url.replace(/\/$/, '');
  const call = async <T>(path: string, body?: unknown, origin = base): Promise<Reply<T>> => {
    const res = await fetch(
      base + path,
      body === undefined
        ? {}
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: origin },
            body: JSON.stringify(body),
          },
    );
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: (type.includes('json') ? JSON.parse(text) : { text }) as never,
      headers: res.headers,
    };
  };
  return {
    get: <T>(path: string) => call<T>(path),
    post: <T>(path: string, body: unknown, origin?: string) => call<T>(path, body, origin),
  };
}

/**
 * "Hubungkan formulir pendaftaran" through the page's API: the menu item opens the dialog, and the
 * dialog's google.script.run calls go through /api/rpc as the user who opened it.
 */
async function connectThroughDialog(api: ReturnType<typeof http>): Promise<ConnectOutcome> {
  const run = await api.post<{ outcome: { frames: Array<{ id: string; kind: string }>; error?: string } }>('/api/run', {
    fn: 'connectRegistrationForm',
    answers: [],
  });
  expect(run.body.outcome.error).toBeUndefined();
  const frame = run.body.outcome.frames.find((f) => f.kind === 'dialog')!;
  const rpc = async <T>(name: string, args: unknown[]): Promise<T> => {
    const reply = await api.post<{ ok: boolean; value: T; message?: string }>('/api/rpc', {
      frame: frame.id,
      name,
      args,
    });
    if (!reply.body.ok) throw new Error(reply.body.message);
    return reply.body.value;
  };
  const choices = await rpc<RegistrationChoices>('registrationChoices', [{}]);
  expect(choices.tab).toBe(FORM_TAB);
  const outcome = await rpc<ConnectOutcome>('connectRegistration', [{ tab: choices.tab, mapping: choices.mapping }]);
  await api.post('/api/close', { frame: frame.id });
  return outcome;
}

/** The same, straight on the session (no HTTP). */
function connectOnSession(session: PreviewSession): ConnectOutcome {
  const outcome = session.runMenu('connectRegistrationForm', []);
  const frame = outcome.frames.find((f) => f.kind === 'dialog')!;
  const choices = session.rpc(frame.id, 'registrationChoices', [{}]) as RegistrationChoices;
  return session.rpc(frame.id, 'connectRegistration', [
    { tab: choices.tab, mapping: choices.mapping },
  ]) as ConnectOutcome;
}

/** Kandidat as records by header (data rows, with their sheet row). */
function kandidat(session: PreviewSession): Array<Record<string, CellValue> & { row: number }> {
  const [header, ...rows] = session.workbook.sheet('Kandidat')!.values();
  return rows.map((r, i) => ({ ...Object.fromEntries(header.map((h, c) => [String(h), r[c]])), row: i + 2 }));
}

function answers(name: string, nik: string): Record<string, string> {
  return {
    [NAME_Q]: name,
    [NIK_Q]: nik,
    'Jenis kelamin': 'Perempuan',
    'Tempat lahir': 'Pelaihari',
    'Tanggal lahir': '07/08/1990',
    'Pendidikan terakhir': 'SMA',
    'Alamat lengkap': 'Jl. A. Yani Km 5 RT 03',
    'Desa/Kelurahan': 'Angsau',
    Kecamatan: 'Pelaihari',
    'Kabupaten/Kota': 'Kabupaten Tanah Laut',
    Provinsi: 'Kalimantan Selatan',
    [PHONE_Q]: '0812 5550 1234',
    Email: 'siti.pratinjau@gmail.com',
    'Unggah scan KTP': 'ktp-siti.jpg',
  };
}

describe("the demo workbook's registration form", () => {
  let form: DemoForm;
  let loaded: ReturnType<typeof loadDemoWorkbook>;
  beforeAll(() => {
    loaded = loadDemoWorkbook();
    form = loaded.demo.form;
  });

  it('ships a linked response tab, Google-style, with a few hundred responses none of which is on Kandidat', () => {
    const sheet = loaded.workbook.sheet(FORM_TAB)!;
    expect(sheet.formUrl).toBe(FORM_URL);
    expect(sheet.frozenRows).toBe(1);
    const [header, ...rows] = sheet.values();
    expect(header).toEqual(FORM_HEADERS);
    expect(header[0]).toBe('Timestamp');
    expect(rows).toHaveLength(300);
    // Oldest first, each stamped to the millisecond, no two alike.
    const stamps = rows.map((r) => (r[0] as Date).getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(rows.length);
    expect(stamps.some((t) => t % 1000 !== 0)).toBe(true);
    const kandidatHeader = loaded.workbook.sheet('Kandidat')!.values()[0];
    expect(kandidatHeader).not.toContain('Kunci Formulir');
    // Drive links for the KTP scans, as a file-upload question writes them.
    for (const r of rows) expect(r[14]).toMatch(/^https:\/\/drive\.google\.com\/open\?id=1[\w-]{32}$/);
  });

  it('keeps NIK and phone answers as text, except the few sent before the columns were formatted', () => {
    const sheet = loaded.workbook.sheet(FORM_TAB)!;
    const nikCol = FORM_HEADERS.indexOf(NIK_Q) + 1;
    const phoneCol = FORM_HEADERS.indexOf(PHONE_Q) + 1;
    expect(TEXT_QUESTIONS).toEqual([NIK_Q, PHONE_Q]);
    expect(form.unformatted).toBe(6);
    const values = sheet.values();
    const early = values.slice(1, 1 + form.unformatted);
    const later = values.slice(1 + form.unformatted);
    expect(early.filter((r) => typeof r[nikCol - 1] === 'number').length).toBeGreaterThanOrEqual(4);
    for (const r of later) {
      expect(typeof r[nikCol - 1]).toBe('string');
      expect(typeof r[phoneCol - 1]).toBe('string');
    }
    // The whole columns are plain text now, so later responses stay text too.
    for (const col of [nikCol, phoneCol]) {
      expect(sheet.getCell(2 + form.unformatted, col)?.numberFormat).toBe('@');
      expect(sheet.getCell(sheet.maxRows, col)?.numberFormat).toBe('@');
    }
    const numberFaults = form.faults.filter((f) => f.kind === 'nik-number');
    expect(numberFaults.length).toBeGreaterThanOrEqual(4);
    for (const f of numberFaults) expect(f.row).toBeLessThanOrEqual(1 + form.unformatted);
  });

  it('has the same slips as the typed candidates, plus resubmissions and people already typed from paper', () => {
    const kinds = new Set(form.faults.map((f) => f.kind));
    for (const kind of [
      'nik-bad-length',
      'nik-bad-province',
      'nik-truncated',
      'nik-birthdate-mismatch',
      'bad-birthdate',
      'phone-bad',
      'village-not-targeted',
      'duplicate-nik',
      'resubmission',
      'already-on-kandidat',
    ])
      expect([kind, kinds.has(kind as never)]).toEqual([kind, true]);
    // Nothing a form cannot produce: no ID, no verifier's decision, and the sex question is multiple choice.
    for (const kind of ['duplicate-id', 'override-no-reason', 'override-valid', 'bad-sex'])
      expect(kinds.has(kind as never)).toBe(false);
    const rows = loaded.workbook.sheet(FORM_TAB)!.values().slice(1);
    const col = (q: string) => FORM_HEADERS.indexOf(q);
    expect(rows.some((r) => /^\+62/.test(String(r[col(PHONE_Q)])))).toBe(true);
    expect(new Set(rows.map((r) => r[col('Jenis kelamin')]))).toEqual(new Set(['Laki-laki', 'Perempuan']));
    // Birth dates: most typed as dates (Sheets made them dates), some in words, some impossible.
    const births = rows.map((r) => r[col('Tanggal lahir')]);
    expect(births.filter((b) => b instanceof Date).length).toBeGreaterThan(150);
    expect(births.some((b) => typeof b === 'string' && /^\d{1,2} [A-Za-z]+ \d{4}$/.test(b))).toBe(true);
    // A resubmission repeats the NIK of an earlier response; a paper registrant's NIK is on Kandidat.
    const kandidatNiks = new Set(
      loaded.workbook
        .sheet('Kandidat')!
        .values()
        .slice(1)
        .map((r) => String(r[2]).replace(/\s/g, '')),
    );
    for (const f of form.faults.filter((x) => x.kind === 'resubmission')) {
      expect(f.twin!.row).toBeLessThan(f.row);
      expect(rows[f.row - 2][col(NIK_Q)]).toBe(rows[f.twin!.row - 2][col(NIK_Q)]);
    }
    for (const f of form.faults.filter((x) => x.kind === 'already-on-kandidat'))
      expect(kandidatNiks.has(String(rows[f.row - 2][col(NIK_Q)]).replace(/\s/g, ''))).toBe(true);
  });

  it('is deterministic and leaves Kandidat exactly as it was', () => {
    const a = buildDemoWorkbook({ seed: 11, candidates: 400 });
    const b = buildDemoWorkbook({ seed: 11, candidates: 400 });
    expect(JSON.stringify(a.form)).toBe(JSON.stringify(b.form));
    expect(a.form.responses).toHaveLength(80);
    const none = buildDemoWorkbook({ seed: 11, candidates: 400, formResponses: 0 });
    expect(none.form.responses).toHaveLength(0);
    expect(none.tabs).toEqual(a.tabs);
    expect(none.faults).toEqual(a.faults);
    expect(loadDemoWorkbook({ candidates: 50, noForm: true }).workbook.sheet(FORM_TAB)).toBeUndefined();
  });
});

describe("the candidate's form page", () => {
  let dir: string;
  let preview: Preview;
  let api: ReturnType<typeof http>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-form-'));
    preview = await startPreview({
      port: 0,
      workbook: loadDemoWorkbook({ candidates: 300 }).workbook,
      fresh: true,
      stateDir: dir,
    });
    api = http(preview);
  });
  afterAll(async () => {
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every question of the response tab, labelled, with nothing loaded from elsewhere', async () => {
    const page = await api.get<{ text: string }>('/form');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = page.body.text;
    const info = (await api.get<FormInfo>('/api/form')).body;
    expect(info.tab).toBe(FORM_TAB);
    expect(info.connected).toBe(false);
    expect(info.responses).toBe(60);
    expect(info.questions.map((q) => q.title)).toEqual(FORM_HEADERS.slice(1));
    for (const q of info.questions) {
      const escaped = q.title.replace(/&/g, '&amp;');
      if (q.kind === 'choice') expect(html).toContain(`<legend>${escaped}</legend>`);
      else expect(html).toContain(`<label for="${q.id}">${escaped}</label>`);
    }
    expect(info.questions.find((q) => q.title === 'Jenis kelamin')!.kind).toBe('choice');
    expect(info.questions.find((q) => q.title === 'Unggah scan KTP')!.kind).toBe('file');
    expect(html).toContain('Formulir belum dihubungkan');
    // Same-origin only: no http(s) address in any src or href.
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect((await api.get<{ text: string }>('/form.js')).status).toBe(200);
    // The spreadsheet page links to it when a tab is a form's.
    const state = (await api.get<{ book: { tabs: Array<{ name: string; form: boolean }> } }>('/api/state')).body;
    expect(state.book.tabs.filter((t) => t.form).map((t) => t.name)).toEqual([FORM_TAB]);
    expect((await api.get<{ text: string }>('/')).body.text).toContain('href="/form"');
    const sample = (await api.get<{ answers: Record<string, string> }>('/api/form/sample')).body.answers;
    expect(Object.keys(sample)).toEqual(FORM_HEADERS.slice(1));
    expect(sample[NIK_Q]).toMatch(/^\d{16}$|^\d{4}( \d{4}){3}$/);
  });

  it('keeps a response sent before the form is connected on the response tab, for the import', async () => {
    const sent = await api.post<{ outcome: FormOutcome; connected: boolean }>('/api/form', {
      tab: FORM_TAB,
      answers: answers('Siti Sebelum Terhubung', '6301054708900011'),
    });
    expect(sent.status).toBe(200);
    expect(sent.body.connected).toBe(false);
    expect(sent.body.outcome).toMatchObject({ tab: FORM_TAB, row: 62, triggers: 0, errors: [] });
    expect(sent.body.outcome.kandidatRow).toBeUndefined();
    const row = preview.session.workbook.sheet(FORM_TAB)!.values()[61];
    expect((row[0] as Date).toISOString()).toBe(sent.body.outcome.at);
    expect(row[1]).toBe('Siti Sebelum Terhubung');
    expect(row[2]).toBe('6301054708900011'); // the column is plain text: the NIK stays whole
    expect(row[14]).toMatch(/^https:\/\/drive\.google\.com\/open\?id=/); // the file's name became a Drive link
    expect(kandidat(preview.session).some((r) => r['Nama Lengkap'] === 'Siti Sebelum Terhubung')).toBe(false);
  });

  it('connects through the dialog: what waited is imported, and each new response arrives on Kandidat', async () => {
    const outcome = await connectThroughDialog(api);
    expect(outcome).toMatchObject({ imported: 61, alreadyImported: 0 });
    expect(preview.session.emu.triggers()).toEqual([
      expect.objectContaining({ handler: 'onRegistrationSubmit', eventType: 'ON_FORM_SUBMIT' }),
    ]);
    const before = kandidat(preview.session).find((r) => r['Nama Lengkap'] === 'Siti Sebelum Terhubung');
    expect(before).toMatchObject({ Sumber: 'Formulir' });

    const sent = await api.post<{ outcome: FormOutcome; connected: boolean }>('/api/form', {
      tab: FORM_TAB,
      answers: answers('Siti Lewat Formulir', '6301054708900022'),
    });
    expect(sent.body.connected).toBe(true);
    expect(sent.body.outcome).toMatchObject({ row: 63, triggers: 1, errors: [] });
    const landed = kandidat(preview.session).find((r) => r.row === sent.body.outcome.kandidatRow)!;
    expect(landed).toMatchObject({
      'Nama Lengkap': 'Siti Lewat Formulir',
      Sumber: 'Formulir',
      'Kunci Formulir': sent.body.outcome.at,
    });
    expect((landed['Tanggal Daftar'] as Date).toISOString()).toBe(sent.body.outcome.at);
    expect(String(landed['Status Administrasi'])).toMatch(/\S/); // validated on arrival
    // The sheet view shows it.
    const view = (
      await api.get<{ cells: Array<Array<[string, number, string, number] | null>> }>(
        `/api/sheet?name=Kandidat&rows=${sent.body.outcome.kandidatRow! + 5}`,
      )
    ).body;
    expect(view.cells[sent.body.outcome.kandidatRow! - 1].some((c) => c?.[0] === 'Siti Lewat Formulir')).toBe(true);
    expect((await api.get<{ text: string }>('/form')).body.text).not.toMatch(/<p class="status connected"[^>]* hidden/);
  });

  it('keeps the form connected across a menu action and a restart', async () => {
    const validated = await api.post<{ outcome: { ok: boolean } }>('/api/run', {
      fn: 'validateCandidates',
      answers: [],
    });
    expect(validated.body.outcome.ok).toBe(true);
    const afterMenu = await api.post<{ outcome: FormOutcome }>('/api/form', {
      tab: FORM_TAB,
      answers: answers('Siti Setelah Validasi', '6301054708900033'),
    });
    expect(afterMenu.body.outcome.kandidatRow).toBeGreaterThan(1);
    const triggers = preview.session.emu.triggers();
    await preview.close();

    preview = await startPreview({ port: 0, stateDir: dir });
    api = http(preview);
    expect(preview.session.emu.triggers()).toEqual(triggers);
    const afterRestart = await api.post<{ outcome: FormOutcome }>('/api/form', {
      tab: FORM_TAB,
      answers: answers('Siti Setelah Mulai Ulang', '6301054708900044'),
    });
    expect(afterRestart.body.outcome).toMatchObject({ triggers: 1, errors: [] });
    expect(kandidat(preview.session).find((r) => r.row === afterRestart.body.outcome.kandidatRow)).toMatchObject({
      'Nama Lengkap': 'Siti Setelah Mulai Ulang',
    });
    // Disconnecting (a menu item with an alert) removes it for good.
    const disconnected = await api.post<{ outcome: { ok: boolean } }>('/api/run', {
      fn: 'disconnectRegistrationForm',
      answers: [],
    });
    expect(disconnected.body.outcome.ok).toBe(true);
    expect(preview.session.emu.triggers()).toEqual([]);
    const after = await api.post<{ outcome: FormOutcome }>('/api/form', {
      tab: FORM_TAB,
      answers: answers('Siti Setelah Diputus', '6301054708900055'),
    });
    expect(after.body.outcome).toMatchObject({ triggers: 0 });
  });

  it('refuses unknown questions, answers that are not text, and requests from elsewhere', async () => {
    const rows = preview.session.workbook.sheet(FORM_TAB)!.lastRow();
    const unknown = await api.post('/api/form', { tab: FORM_TAB, answers: { 'Pertanyaan lain': 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('Pertanyaan lain');
    expect((await api.post('/api/form', { tab: FORM_TAB, answers: { [NAME_Q]: 5 } })).status).toBe(400);
    expect((await api.post('/api/form', { tab: 'Kandidat', answers: {} })).status).toBe(404);
    expect(
      (await api.post('/api/form', { tab: FORM_TAB, answers: { [NAME_Q]: 'x' } }, 'http://evil.example')).status,
    ).toBe(403);
    expect(preview.session.workbook.sheet(FORM_TAB)!.lastRow()).toBe(rows);
  });
});

describe("the demo's responses, imported", () => {
  let dir: string;
  let preview: Preview;
  let form: DemoForm;
  let outcome: ConnectOutcome;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-form-demo-'));
    const loaded = loadDemoWorkbook();
    form = loaded.demo.form;
    preview = await startPreview({ port: 0, workbook: loaded.workbook, fresh: true, stateDir: dir });
    outcome = connectOnSession(preview.session);
  });
  afterAll(async () => {
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every response once and flags every deliberate fault among them', () => {
    expect(outcome).toMatchObject({ imported: 300, alreadyImported: 0 });
    const accuracy = formAccuracy(preview.session.workbook, form);
    expect(accuracy.notImported).toEqual([]);
    expect(accuracy.missed).toEqual([]);
  });

  // Fails today: the import writes each answer with setValues, so a NIK ('6301…') landing in a
  // Kandidat row below the rows formatted as text becomes a number (last digit lost) and every
  // clean response is flagged "NIK stored as a number". Passes once the import writes answers as
  // text (src/shell/registration.ts) — then drop `.failing`.
  it('raises no false alarm on a clean response', () => {
    expect(formAccuracy(preview.session.workbook, form).falseAlarms).toEqual([]);
  });
});
