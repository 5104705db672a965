import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Drive,
  Emulator,
  Workbook,
  dateToSerial,
  type AdvancedServiceConfig,
  type EmulatorOptions,
} from '../../emulator';

const AUTH = 'https://www.googleapis.com/auth/';
const CURRENTONLY = `${AUTH}spreadsheets.currentonly`;
const SPREADSHEETS = `${AUTH}spreadsheets`;
const DRIVE_FILE = `${AUTH}drive.file`;
const UI = `${AUTH}script.container.ui`;
const SHEETS: AdvancedServiceConfig = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };
/** The roll-up's least-privilege manifest. */
const LEAST = [CURRENTONLY, UI, DRIVE_FILE];

const COORD = 'koordinator@x.id';
const KAB_A = 'kab-a@x.id';
const KAB_B = 'kab-b@x.id';

const code = `
function batch(id, ranges, opts) {
  var o = opts || {};
  o.ranges = ranges;
  return Sheets.Spreadsheets.Values.batchGet(id, o);
}
function meta(id, fields) { return Sheets.Spreadsheets.get(id, fields ? { fields: fields } : {}); }
function single(id, range) { return Sheets.Spreadsheets.Values.get(id, range); }
function attempt(id, ranges) {
  try { batch(id, ranges); return 'ok'; }
  catch (e) { return { name: e.name, message: e.message, text: String(e), details: e.details }; }
}
function hasSheets() { return typeof Sheets; }
function openRead(id, name) {
  var ss = SpreadsheetApp.openById(id);
  return { id: ss.getId(), name: ss.getName(), values: ss.getSheetByName(name).getDataRange().getValues() };
}
function openUrl(url) { return SpreadsheetApp.openByUrl(url).getName(); }
function tryOpen(id) {
  try { return SpreadsheetApp.openById(id).getName(); } catch (e) { return { name: e.name, message: e.message }; }
}
function active() { var ss = SpreadsheetApp.getActive(); return { id: ss.getId(), url: ss.getUrl(), owner: ss.getOwner().getEmail() }; }
function parentOfOpened(id) { return SpreadsheetApp.openById(id).getSheets()[0].getParent().getName(); }
function createOne() {
  var ss = SpreadsheetApp.create('Baru');
  return { id: ss.getId(), sheets: ss.getSheets().map(function (s) { return s.getName(); }) };
}
function makeFile() {
  var r = Sheets.Spreadsheets.create({ properties: { title: 'Keluaran' }, sheets: [{ properties: { title: 'Data' } }] });
  return { id: r.spreadsheetId, read: batch(r.spreadsheetId, ['Data']).valueRanges[0].range };
}
`;

function notFound(method: string) {
  const message = 'Requested entity was not found.';
  return {
    name: 'GoogleJsonResponseException',
    message: `API call to ${method} failed with error: ${message}`,
    text: `GoogleJsonResponseException: API call to ${method} failed with error: ${message}`,
    details: { code: 404, message, errors: [{ message, domain: 'global', reason: 'notFound' }] },
  };
}
function forbidden(method: string) {
  const message = 'The caller does not have permission';
  return {
    name: 'GoogleJsonResponseException',
    message: `API call to ${method} failed with error: ${message}`,
    text: `GoogleJsonResponseException: API call to ${method} failed with error: ${message}`,
    details: { code: 403, message, errors: [{ message, domain: 'global', reason: 'forbidden' }] },
  };
}
function insufficient(method: string) {
  const message = 'Request had insufficient authentication scopes.';
  return {
    name: 'GoogleJsonResponseException',
    message: `API call to ${method} failed with error: ${message}`,
    text: `GoogleJsonResponseException: API call to ${method} failed with error: ${message}`,
    details: { code: 403, message, errors: [{ message, domain: 'global', reason: 'forbidden' }] },
  };
}

const BATCH = 'sheets.spreadsheets.values.batchGet';

/** A coordinator workbook (active) and two regency workbooks in one Drive. */
function world(opts: Omit<EmulatorOptions, 'code' | 'workbook' | 'drive' | 'user'> = {}) {
  const drive = new Drive();
  const kabA = new Workbook({ name: 'Kabupaten A' });
  const rekap = kabA.addSheet('Paket Rekap', [
    ['Paket', 'Peserta', 'Lulus', 'Tanggal', 'Catatan', ''],
    ['P-01', 12, true, '2024-05-01', '', ''],
    ['P-02', 3.5, false, '', 'ulang', ''],
    [],
    ['P-04', 7, '', '', '', ''],
  ]);
  rekap.setValues(6, 2, [['=SUM(B2:B5)']]);
  kabA.addSheet('Lain', [['x', 'y']]);
  const small = kabA.addSheet('Kecil', [['a']]);
  small.maxRows = 3;
  small.maxCols = 4;
  const kabAId = drive.add(kabA, { owner: KAB_A, viewers: [COORD] });
  const kabB = new Workbook({ name: 'Kabupaten B' });
  kabB.addSheet('Paket Rekap', [['Paket'], ['Q-01']]);
  const kabBId = drive.add(kabB, { owner: KAB_B });
  const coord = new Workbook({ name: 'Rekap Nasional' });
  coord.addSheet('Ringkasan', [['Kabupaten']]);
  const emu = new Emulator({
    code,
    workbook: coord,
    drive,
    user: COORD,
    oauthScopes: LEAST,
    advancedServices: [SHEETS],
    ...opts,
  });
  return { drive, emu, kabA, kabAId, kabB, kabBId, coord };
}

describe('Drive registry', () => {
  it('gives deterministic 44-character ids in add order, urls, roles and deletion', () => {
    const { drive, kabAId, kabBId, coord, emu } = world();
    expect(kabAId).toHaveLength(44);
    expect(kabAId).toMatch(/^1EmuDrv001/);
    expect(kabBId).toMatch(/^1EmuDrv002/);
    expect(coord.id).toMatch(/^1EmuDrv003/); // the active workbook was added by the Emulator
    expect(drive.url(kabAId)).toBe(`https://docs.google.com/spreadsheets/d/${kabAId}/edit`);
    expect(drive.role(kabAId, COORD)).toBe('viewer');
    expect(drive.role(kabAId, 'KAB-A@x.id')).toBe('owner');
    expect(drive.role(coord.id, COORD)).toBe('owner');
    drive.share(kabBId, COORD, 'editor');
    expect(drive.role(kabBId, COORD)).toBe('editor');
    drive.unshare(kabBId, COORD);
    expect(drive.role(kabBId, COORD)).toBeNull();
    expect(() => drive.unshare(kabBId, KAB_B)).toThrow(/owns/);
    drive.remove(kabBId);
    expect(drive.workbook(kabBId)).toBeUndefined();
    expect(drive.ids()).toEqual([kabAId, coord.id]);
    expect(emu.drive).toBe(drive);
  });

  it('the active spreadsheet reports its Drive id, url and owner', () => {
    const { emu, coord } = world();
    expect(emu.run('active').value).toEqual({
      id: coord.id,
      url: `https://docs.google.com/spreadsheets/d/${coord.id}/edit`,
      owner: COORD,
    });
  });

  it('keeps an explicit workbook id; without a Drive nothing changes', () => {
    const drive = new Drive();
    const wb = new Workbook({ id: 'my-own-id' });
    expect(drive.add(wb, { owner: 'a@x.id' })).toBe('my-own-id');
    const plain = new Workbook();
    const emu = new Emulator({ code, workbook: plain, user: 'u@x.id' });
    expect(emu.run('active').value).toEqual({
      id: '1EmuLat0rSpreadsheetId000000000000000000000',
      url: 'https://docs.google.com/spreadsheets/d/1EmuLat0rSpreadsheetId000000000000000000000/edit',
      owner: 'u@x.id',
    });
    expect(emu.run('hasSheets').value).toBe('undefined');
  });
});

describe('Sheets.Spreadsheets.Values.batchGet', () => {
  it('returns formatted values by default, trailing empty cells and rows left out, ranges normalised', () => {
    const { emu, kabAId } = world();
    emu.pickFiles(COORD, [kabAId]);
    const r = emu.run('batch', [kabAId, ["'Paket Rekap'!A1:F", 'Lain!A1:C2']]);
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual({
      spreadsheetId: kabAId,
      valueRanges: [
        {
          range: "'Paket Rekap'!A1:F1000",
          majorDimension: 'ROWS',
          values: [
            ['Paket', 'Peserta', 'Lulus', 'Tanggal', 'Catatan'],
            ['P-01', '12', 'TRUE', '01/05/2024'],
            ['P-02', '3,5', 'FALSE', '', 'ulang'],
            [],
            ['P-04', '7'],
            ['', ''], // a formula: not evaluated by the emulator, so "" (but not an empty cell)
          ],
        },
        { range: 'Lain!A1:C2', majorDimension: 'ROWS', values: [['x', 'y']] },
      ],
    });
  });

  it('UNFORMATTED_VALUE gives numbers, booleans and strings; dates as serial numbers or formatted strings', () => {
    const { emu, kabAId, kabA } = world();
    emu.pickFiles(COORD, [kabAId]);
    const serial = dateToSerial(kabA.sheet('Paket Rekap')!.cell(2, 4).value as Date, 'Asia/Makassar');
    expect(serial).toBe(45413);
    const unformatted = emu.run('batch', [kabAId, ["'Paket Rekap'!A1:D3"], { valueRenderOption: 'UNFORMATTED_VALUE' }]);
    expect(unformatted.value).toEqual({
      spreadsheetId: kabAId,
      valueRanges: [
        {
          range: "'Paket Rekap'!A1:D3",
          majorDimension: 'ROWS',
          values: [
            ['Paket', 'Peserta', 'Lulus', 'Tanggal'],
            ['P-01', 12, true, 45413],
            ['P-02', 3.5, false],
          ],
        },
      ],
    });
    const formattedDates = emu.run('batch', [
      kabAId,
      ["'Paket Rekap'!B2:D2"],
      { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' },
    ]);
    expect((formattedDates.value as { valueRanges: Array<{ values: unknown }> }).valueRanges[0].values).toEqual([
      [12, true, '01/05/2024'],
    ]);
    const formulas = emu.run('batch', [kabAId, ["'Paket Rekap'!B5:B6"], { valueRenderOption: 'FORMULA' }]);
    expect((formulas.value as { valueRanges: Array<{ values: unknown }> }).valueRanges[0].values).toEqual([
      [7],
      ['=SUM(B2:B5)'],
    ]);
  });

  it('whole columns, whole sheets, clipping, columns as the major dimension and empty ranges', () => {
    const { emu, kabAId } = world({ oauthScopes: [SPREADSHEETS] });
    const r = emu.run('batch', [
      kabAId,
      ["'Paket Rekap'!A:Z", "'Paket Rekap'", 'Kecil!A1:D5', "'Paket Rekap'!G1:H9", "'Paket Rekap'!2:3"],
    ]);
    const ranges = (r.value as { valueRanges: Array<Record<string, unknown>> }).valueRanges;
    expect(ranges.map((v) => v.range)).toEqual([
      "'Paket Rekap'!A1:Z1000",
      "'Paket Rekap'!A1:Z1000",
      'Kecil!A1:D3',
      "'Paket Rekap'!G1:H9",
      "'Paket Rekap'!A2:Z3",
    ]);
    expect(ranges[1].values).toEqual(ranges[0].values);
    expect(ranges[2].values).toEqual([['a']]);
    expect(ranges[3]).toEqual({ range: "'Paket Rekap'!G1:H9", majorDimension: 'ROWS' }); // no values at all
    const cols = emu.run('batch', [kabAId, ["'Paket Rekap'!A1:C3"], { majorDimension: 'COLUMNS' }]);
    expect((cols.value as { valueRanges: unknown[] }).valueRanges[0]).toEqual({
      range: "'Paket Rekap'!A1:C3",
      majorDimension: 'COLUMNS',
      values: [
        ['Paket', 'P-01', 'P-02'],
        ['Peserta', '12', '3,5'],
        ['Lulus', 'TRUE', 'FALSE'],
      ],
    });
    expect(emu.run('single', [kabAId, 'A1:B1']).value).toEqual({
      range: "'Paket Rekap'!A1:B1",
      majorDimension: 'ROWS',
      values: [['Paket', 'Peserta']],
    });
  });

  it('a range on a sheet that does not exist: Unable to parse range', () => {
    const { emu, kabAId } = world();
    emu.pickFiles(COORD, [kabAId]);
    const message = "Unable to parse range: 'Rekap Lama'!A1:F";
    expect(emu.run('attempt', [kabAId, ["'Paket Rekap'!A1", "'Rekap Lama'!A1:F"]]).value).toEqual({
      name: 'GoogleJsonResponseException',
      message: `API call to ${BATCH} failed with error: ${message}`,
      text: `GoogleJsonResponseException: API call to ${BATCH} failed with error: ${message}`,
      details: { code: 400, message, errors: [{ message, domain: 'global', reason: 'badRequest' }] },
    });
  });

  it('an unknown or deleted file: Requested entity was not found', () => {
    const { emu, drive, kabAId } = world({ oauthScopes: [SPREADSHEETS] });
    expect(emu.run('attempt', ['1NoSuchFile', ['A1']]).value).toEqual(notFound(BATCH));
    drive.remove(kabAId);
    expect(emu.run('attempt', [kabAId, ['A1']]).value).toEqual(notFound(BATCH));
    const r = emu.run('batch', [kabAId, ['A1']]);
    expect(r.error).toEqual(expect.objectContaining({ name: 'GoogleJsonResponseException' }));
    expect(r.error!.message).toBe(`API call to ${BATCH} failed with error: Requested entity was not found.`);
  });

  it('a file the user has no role on: The caller does not have permission, whatever the scope', () => {
    const { emu, drive, kabBId } = world({ oauthScopes: [SPREADSHEETS] });
    expect(emu.run('attempt', [kabBId, ['A1']]).value).toEqual(forbidden(BATCH));
    drive.share(kabBId, COORD, 'viewer');
    expect(emu.run('attempt', [kabBId, ['A1']]).value).toBe('ok');
    drive.unshare(kabBId, COORD);
    expect(emu.run('attempt', [kabBId, ['A1']]).value).toEqual(forbidden(BATCH));
  });

  it('drive.file reaches only picked files (and the active spreadsheet)', () => {
    const { emu, drive, kabAId, kabBId, coord } = world();
    expect(emu.run('attempt', [kabAId, ['A1']]).value).toEqual(forbidden(BATCH));
    expect(emu.run('attempt', [coord.id, ['Ringkasan!A1']]).value).toBe('ok');
    emu.pickFiles(COORD, [kabAId]);
    expect(emu.pickedFiles(COORD)).toEqual([kabAId]);
    expect(emu.pickedFiles('someone@else.id')).toEqual([]);
    expect(emu.run('attempt', [kabAId, ['A1']]).value).toBe('ok');
    // The grant is per user: another user of the same add-on has not picked it.
    drive.share(kabAId, 'lain@x.id', 'viewer');
    expect(emu.run('attempt', [kabAId, ['A1']], { user: 'lain@x.id' }).value).toEqual(forbidden(BATCH));
    // The Picker only lists files the user can open.
    expect(() => emu.pickFiles(COORD, [kabBId])).toThrow(/cannot open/);
    expect(() => emu.pickFiles(COORD, ['1NoSuchFile'])).toThrow(/no file/);
    // Losing access to a picked file loses the app's access too.
    drive.unshare(kabAId, COORD);
    expect(emu.run('attempt', [kabAId, ['A1']]).value).toEqual(forbidden(BATCH));
  });

  it('spreadsheets, spreadsheets.readonly, drive and drive.readonly reach any file the user can open', () => {
    for (const scope of ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly']) {
      const { emu, kabAId, kabBId } = world({ oauthScopes: [CURRENTONLY, `${AUTH}${scope}`] });
      expect(emu.run('attempt', [kabAId, ['A1']]).value).toBe('ok');
      expect(emu.run('attempt', [kabBId, ['A1']]).value).toEqual(forbidden(BATCH));
    }
  });

  it('spreadsheets.currentonly is no Sheets API scope: insufficient scopes, for other files and the active one', () => {
    const { emu, kabAId, coord } = world({ oauthScopes: [CURRENTONLY, UI] });
    expect(emu.run('attempt', [kabAId, ['A1']]).value).toEqual(insufficient(BATCH));
    expect(emu.run('attempt', [coord.id, ['A1']]).value).toEqual(insufficient(BATCH));
  });

  it('without declared scopes everything the user can open is reached', () => {
    const drive = new Drive();
    const other = new Workbook({ name: 'Lain' });
    other.addSheet('S', [['v']]);
    const id = drive.add(other, { owner: 'x@x.id', editors: [COORD] });
    const emu = new Emulator({ code, workbook: new Workbook(), drive, user: COORD, advancedServices: [SHEETS] });
    expect(emu.oauthScopes).toBeNull();
    expect((emu.run('batch', [id, ['S']]).value as { valueRanges: unknown[] }).valueRanges).toEqual([
      { range: 'S!A1:Z1000', majorDimension: 'ROWS', values: [['v']] },
    ]);
  });

  it('is counted, adds the returned cells to cellsRead, and needs FULL authorization', () => {
    const { emu, kabAId } = world();
    emu.pickFiles(COORD, [kabAId]);
    const r = emu.run('batch', [kabAId, ["'Paket Rekap'!A1:F", 'Lain!A1:B1']]);
    expect(r.calls).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    expect(r.totalCalls).toBe(1);
    // 5 + 4 + 5 + 0 + 2 + 2 cells in the first range, 2 in the second.
    expect(r.cellsRead).toBe(20);
    const limited = emu.run('attempt', [kabAId, ['A1']], { authMode: 'LIMITED' });
    expect(limited.value).toEqual({
      name: 'Exception',
      message: `You do not have permission to call Sheets.Spreadsheets.Values.batchGet. Required permissions: ${SPREADSHEETS}`,
      text: `Exception: You do not have permission to call Sheets.Spreadsheets.Values.batchGet. Required permissions: ${SPREADSHEETS}`,
    });
    expect(limited.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
  });
});

describe('Sheets.Spreadsheets.get and create', () => {
  it('returns the spreadsheet resource, filtered by fields', () => {
    const { emu, kabA, kabAId } = world();
    emu.pickFiles(COORD, [kabAId]);
    kabA.sheet('Paket Rekap')!.frozenRows = 1;
    const full = emu.run('meta', [kabAId]);
    expect(full.calls).toEqual({ 'Sheets.Spreadsheets.get': 1 });
    expect(full.cellsRead).toBe(0);
    const sheets = kabA.sheets;
    expect(full.value).toEqual({
      spreadsheetId: kabAId,
      properties: { title: 'Kabupaten A', locale: 'id_ID', autoRecalc: 'ON_CHANGE', timeZone: 'Asia/Makassar' },
      sheets: [
        {
          properties: {
            sheetId: sheets[0].id,
            title: 'Paket Rekap',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
          },
        },
        {
          properties: {
            sheetId: sheets[1].id,
            title: 'Lain',
            index: 1,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
        {
          properties: {
            sheetId: sheets[2].id,
            title: 'Kecil',
            index: 2,
            sheetType: 'GRID',
            gridProperties: { rowCount: 3, columnCount: 4 },
          },
        },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${kabAId}/edit`,
    });
    expect(emu.run('meta', [kabAId, 'sheets(properties(title,sheetId))']).value).toEqual({
      sheets: sheets.map((s) => ({ properties: { title: s.name, sheetId: s.id } })),
    });
    expect(emu.run('meta', [kabAId, 'properties.title,sheets.properties.title']).value).toEqual({
      properties: { title: 'Kabupaten A' },
      sheets: sheets.map((s) => ({ properties: { title: s.name } })),
    });
  });

  it('get has the same access rules', () => {
    const { emu, kabAId, kabBId } = world();
    const r = emu.run('meta', [kabAId]);
    expect(r.error).toEqual(
      expect.objectContaining({
        name: 'GoogleJsonResponseException',
        message: 'API call to sheets.spreadsheets.get failed with error: The caller does not have permission',
      }),
    );
    expect(emu.run('meta', [kabBId]).error!.message).toBe(
      'API call to sheets.spreadsheets.get failed with error: The caller does not have permission',
    );
    expect(emu.run('meta', ['1Gone']).error!.message).toBe(
      'API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
    );
  });

  it('a spreadsheet the app creates is reachable under drive.file', () => {
    const { emu, drive } = world();
    const r = emu.run('makeFile');
    expect(r.error).toBeUndefined();
    const { id, read } = r.value as { id: string; read: string };
    expect(read).toBe('Data!A1:Z1000');
    expect(drive.role(id, COORD)).toBe('owner');
    expect(drive.workbook(id)!.name).toBe('Keluaran');
    expect(emu.createdFiles(COORD)).toEqual([id]);
    expect(emu.pickedFiles(COORD)).toEqual([]);
  });
});

describe('the manifest enables the advanced service', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-drive-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('installs it under its userSymbol only when dependencies.enabledAdvancedServices lists it', () => {
    fs.writeFileSync(
      path.join(dir, 'Code.js'),
      `${code}\nfunction symbols() { return [typeof Sheets, typeof SheetsApi]; }`,
    );
    fs.writeFileSync(
      path.join(dir, 'appsscript.json'),
      JSON.stringify({
        timeZone: 'Asia/Makassar',
        dependencies: { enabledAdvancedServices: [{ userSymbol: 'SheetsApi', serviceId: 'sheets', version: 'v4' }] },
        oauthScopes: LEAST,
      }),
    );
    const emu = new Emulator({ distDir: dir, workbook: new Workbook(), user: COORD });
    expect(emu.enabledAdvancedServices).toEqual([{ userSymbol: 'SheetsApi', serviceId: 'sheets', version: 'v4' }]);
    expect(emu.oauthScopes).toEqual(LEAST);
    expect(emu.run('symbols').value).toEqual(['undefined', 'object']);
    // The option wins over the manifest.
    const viaOption = new Emulator({ distDir: dir, workbook: new Workbook(), advancedServices: [SHEETS] });
    expect(viaOption.run('symbols').value).toEqual(['object', 'undefined']);
    const none = new Emulator({ distDir: dir, workbook: new Workbook(), advancedServices: [] });
    expect(none.run('symbols').value).toEqual(['undefined', 'undefined']);
  });

  it('counts under Sheets.* whatever the userSymbol', () => {
    const emu = new Emulator({
      code: 'function f() { return SheetsApi.Spreadsheets.get(SpreadsheetApp.getActive().getId()).properties.title; }',
      workbook: new Workbook({ name: 'Aktif' }),
      advancedServices: [{ userSymbol: 'SheetsApi', serviceId: 'sheets', version: 'v4' }],
    });
    const r = emu.run('f');
    expect(r.value).toBe('Aktif');
    expect(r.calls).toEqual({ 'SpreadsheetApp.getActive': 1, 'Spreadsheet.getId': 1, 'Sheets.Spreadsheets.get': 1 });
  });
});

describe('SpreadsheetApp.openById / openByUrl', () => {
  const insufficientOpen = (method: string) =>
    `Specified permissions are not sufficient to call SpreadsheetApp.${method}. Required permissions: ${SPREADSHEETS}`;

  it('need the full spreadsheets scope: drive.file and currentonly are not enough, even for the own id', () => {
    const { emu, kabAId, coord, drive } = world();
    emu.pickFiles(COORD, [kabAId]);
    const r = emu.run('openRead', [kabAId, 'Paket Rekap']);
    expect(r.error).toEqual(expect.objectContaining({ name: 'Exception', message: insufficientOpen('openById') }));
    expect(r.calls).toEqual({ 'SpreadsheetApp.openById': 1 });
    expect(emu.run('tryOpen', [coord.id]).value).toEqual({ name: 'Exception', message: insufficientOpen('openById') });
    expect(emu.run('openUrl', [drive.url(kabAId)]).error!.message).toBe(insufficientOpen('openByUrl'));
  });

  it('with the full scope: another workbook, read and counted as usual', () => {
    const { emu, kabAId, kabBId, drive } = world({ oauthScopes: [SPREADSHEETS, UI] });
    const r = emu.run('openRead', [kabAId, 'Lain']);
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual({ id: kabAId, name: 'Kabupaten A', values: [['x', 'y']] });
    expect(r.calls).toEqual({
      'SpreadsheetApp.openById': 1,
      'Spreadsheet.getId': 1,
      'Spreadsheet.getName': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
    expect(r.cellsRead).toBe(2);
    expect(emu.run('openUrl', [drive.url(kabAId)]).value).toBe('Kabupaten A');
    expect(emu.run('parentOfOpened', [kabAId]).value).toBe('Kabupaten A');
    expect(emu.run('tryOpen', [kabBId]).value).toEqual({
      name: 'Exception',
      message: 'You do not have permission to access the requested document.',
    });
    expect(emu.run('tryOpen', ['1NoSuchFile']).value).toEqual({
      name: 'Exception',
      message: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    });
    drive.remove(kabAId);
    expect(emu.run('tryOpen', [kabAId]).value).toEqual({
      name: 'Exception',
      message: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    });
  });

  it('SpreadsheetApp.create makes a file the running account owns and the app created', () => {
    const { emu, drive } = world({ oauthScopes: [SPREADSHEETS] });
    const r = emu.run('createOne');
    expect(r.error).toBeUndefined();
    const { id, sheets } = r.value as { id: string; sheets: string[] };
    expect(sheets).toEqual(['Sheet1']);
    expect(drive.workbook(id)!.name).toBe('Baru');
    expect(drive.role(id, COORD)).toBe('owner');
    expect(emu.createdFiles(COORD)).toEqual([id]);
    const denied = world().emu.run('createOne');
    expect(denied.error!.message).toBe(insufficientOpen('create'));
  });

  it('is refused in a simple trigger (LIMITED)', () => {
    const { emu, kabAId } = world({ oauthScopes: [SPREADSHEETS] });
    expect(emu.run('tryOpen', [kabAId], { authMode: 'LIMITED' }).value).toEqual({
      name: 'Exception',
      message: insufficientOpen('openById'),
    });
  });
});
