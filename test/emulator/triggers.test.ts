import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator, TOO_MANY_TRIGGERS, Workbook } from '../../emulator';
import { emulatorFor } from './helpers';

const SCRIPTAPP = 'https://www.googleapis.com/auth/script.scriptapp';
const denied = (method: string) => `You do not have permission to call ${method}. Required permissions: ${SCRIPTAPP}`;

const code = `
function install() {
  var t = ScriptApp.newTrigger('onResponse').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
  return { uid: t.getUniqueId(), handler: t.getHandlerFunction(), type: String(t.getEventType()),
    isFormSubmit: t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
    source: String(t.getTriggerSource()), isSheets: t.getTriggerSource() === ScriptApp.TriggerSource.SPREADSHEETS,
    sourceId: t.getTriggerSourceId() };
}
function installFor(id, kind) {
  var b = ScriptApp.newTrigger('onResponse').forSpreadsheet(id);
  return b[kind]().create().getUniqueId();
}
function createOnly() {
  return ScriptApp.newTrigger('onResponse').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
}
function remove(t) { ScriptApp.deleteTrigger(t); return ScriptApp.getProjectTriggers().length; }
function list() {
  return {
    project: ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }),
    user: ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getUniqueId(); }),
  };
}
function removeAll() {
  var ts = ScriptApp.getProjectTriggers();
  ts.forEach(function (t) { ScriptApp.deleteTrigger(t); });
  ScriptApp.deleteTrigger(ts[0]);
  return ScriptApp.getProjectTriggers().length;
}
function fill(n) {
  for (var i = 1; i <= n; i++) {
    try { ScriptApp.newTrigger('f' + i).forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
    catch (err) { return { at: i, message: err.message, name: err.name }; }
  }
  return { at: 0 };
}
function tryScoped() {
  var out = {};
  var attempts = {
    newTrigger: function () { ScriptApp.newTrigger('x'); },
    getProjectTriggers: function () { ScriptApp.getProjectTriggers(); },
    getUserTriggers: function () { ScriptApp.getUserTriggers(SpreadsheetApp.getActive()); },
    getAuthorizationInfo: function () { ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL); },
    getScriptId: function () { ScriptApp.getScriptId(); },
  };
  Object.keys(attempts).forEach(function (k) {
    try { attempts[k](); out[k] = 'ok'; } catch (err) { out[k] = err.message; }
  });
  return out;
}
function auth(mode) {
  var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode[mode]);
  var s = info.getAuthorizationStatus();
  return { status: String(s), required: s === ScriptApp.AuthorizationStatus.REQUIRED,
    notRequired: s === ScriptApp.AuthorizationStatus.NOT_REQUIRED, url: info.getAuthorizationUrl() };
}
function formUrls() {
  var ss = SpreadsheetApp.getActive();
  return [ss.getSheetByName('Jawaban').getFormUrl(), ss.getSheetByName('Data').getFormUrl(), ss.getFormUrl()];
}
function onResponse(e) {
  var ui;
  try { SpreadsheetApp.getUi(); ui = 'ok'; } catch (err) { ui = err.name + ': ' + err.message; }
  var lock = LockService.getDocumentLock().tryLock(100);
  return {
    authMode: String(e.authMode), full: e.authMode === ScriptApp.AuthMode.FULL,
    values: e.values, namedValues: e.namedValues, a1: e.range.getA1Notation(), row: e.range.getRow(),
    sheet: e.range.getSheet().getName(), triggerUid: e.triggerUid, source: e.source.getId(),
    active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
    ui: ui, lock: lock, keys: Object.keys(e).sort(),
  };
}`;

const HEADERS = ['Stempel waktu', 'Nama', 'No HP', 'Tanggal lahir'];

function book(): Workbook {
  const wb = new Workbook({ name: 'Seleksi', id: 'sheet-123' });
  wb.addSheet('Data', [['a']]);
  wb.addFormResponses('Jawaban', HEADERS, 'https://docs.google.com/forms/d/e/abc/viewform');
  return wb;
}

describe('ScriptApp installable triggers', () => {
  it('creates a form-submit trigger for the spreadsheet and lists it', () => {
    const emu = emulatorFor(code, book(), { user: 'op@example.id' });
    const r = emu.run('install');
    expect(r.error).toBeUndefined();
    const t = r.value as Record<string, unknown>;
    expect(t).toEqual({
      uid: expect.stringMatching(/^\d+$/),
      handler: 'onResponse',
      type: 'ON_FORM_SUBMIT',
      isFormSubmit: true,
      source: 'SPREADSHEETS',
      isSheets: true,
      sourceId: 'sheet-123',
    });
    expect(emu.triggers()).toEqual([
      { uid: t.uid, user: 'op@example.id', handler: 'onResponse', eventType: 'ON_FORM_SUBMIT', sourceId: 'sheet-123' },
    ]);
    expect(emu.run('list').value).toEqual({ project: [t.uid], user: [t.uid] });
    // A copy: changing it changes nothing.
    emu.triggers().pop();
    expect(emu.triggers()).toHaveLength(1);
  });

  it('getUserTriggers is per spreadsheet, getProjectTriggers covers every document', () => {
    const emu = emulatorFor(code, book());
    const mine = emu.run('installFor', ['sheet-123', 'onEdit']).value;
    const other = emu.run('installFor', ['other-sheet', 'onChange']).value;
    expect(emu.run('installFor', ['sheet-123', 'onOpen']).error).toBeUndefined();
    const v = emu.run('list').value as { project: string[]; user: string[] };
    expect(v.project).toHaveLength(3);
    expect(v.project).toContain(other);
    expect(v.user).toHaveLength(2);
    expect(v.user).toContain(mine);
    expect(emu.triggers().map((t) => t.eventType)).toEqual(['ON_EDIT', 'ON_CHANGE', 'ON_OPEN']);
  });

  it('deletes a trigger, also one returned by an earlier execution; deleting again is a no-op', () => {
    const emu = emulatorFor(code, book());
    const created = emu.run('createOnly');
    expect(created.error).toBeUndefined();
    emu.run('createOnly');
    const r = emu.run('remove', [created.value]);
    expect(r.error).toBeUndefined();
    expect(r.value).toBe(1);
    expect(emu.run('remove', [created.value]).value).toBe(1);
    const all = emu.run('removeAll');
    expect(all.error).toBeUndefined();
    expect(all.value).toBe(0);
    expect(emu.triggers()).toEqual([]);
  });

  it('scopes triggers to their owner', () => {
    const emu = emulatorFor(code, book());
    const a = emu.run('install', [], { user: 'a@example.id' }).value as { uid: string };
    const b = emu.run('install', [], { user: 'b@example.id' }).value as { uid: string };
    expect(emu.run('list', [], { user: 'a@example.id' }).value).toEqual({ project: [a.uid], user: [a.uid] });
    expect(emu.run('list', [], { user: 'b@example.id' }).value).toEqual({ project: [b.uid], user: [b.uid] });
    expect(emu.run('list', [], { user: 'c@example.id' }).value).toEqual({ project: [], user: [] });
    // c cannot delete a's trigger, even holding the object; a can.
    const t = emu.run('createOnly', [], { user: 'a@example.id' }).value;
    expect(emu.run('remove', [t], { user: 'c@example.id' }).value).toBe(0);
    expect(emu.triggers()).toHaveLength(3);
    expect(emu.run('remove', [t], { user: 'a@example.id' }).value).toBe(1);
    expect(emu.triggers().map((x) => x.user)).toEqual(['a@example.id', 'b@example.id']);
  });

  it('allows 20 triggers per user per script; the 21st create() throws Apps Script error', () => {
    const emu = emulatorFor(code, book());
    const r = emu.run('fill', [25], { user: 'a@example.id' });
    expect(r.value).toEqual({ at: 21, message: TOO_MANY_TRIGGERS, name: 'Exception' });
    expect(TOO_MANY_TRIGGERS).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(emu.triggers()).toHaveLength(20);
    // Another user has their own 20.
    expect(emu.run('fill', [20], { user: 'b@example.id' }).value).toEqual({ at: 0 });
    // Deleting makes room again.
    emu.run('removeAll', [], { user: 'a@example.id' });
    expect(emu.run('fill', [1], { user: 'a@example.id' }).value).toEqual({ at: 0 });
  });

  it('a second trigger of the same type for the same user and document is allowed (add-on rule not emulated)', () => {
    const emu = emulatorFor(code, book());
    emu.run('install');
    expect(emu.run('install').error).toBeUndefined();
    expect(emu.triggers()).toHaveLength(2);
  });

  it('needs FULL authorization', () => {
    const emu = emulatorFor(code, book());
    const r = emu.run('tryScoped', [], { authMode: 'LIMITED' });
    expect(r.value).toEqual({
      newTrigger: denied('ScriptApp.newTrigger'),
      getProjectTriggers: denied('ScriptApp.getProjectTriggers'),
      getUserTriggers: denied('ScriptApp.getUserTriggers'),
      getAuthorizationInfo: 'ok',
      getScriptId: 'ok',
    });
  });

  it('checks script.scriptapp against the manifest oauthScopes when it lists scopes', () => {
    const scopes = ['https://www.googleapis.com/auth/spreadsheets.currentonly'];
    const emu = emulatorFor(code, book(), { oauthScopes: scopes });
    expect(emu.run('tryScoped').value).toEqual({
      newTrigger: denied('ScriptApp.newTrigger'),
      getProjectTriggers: denied('ScriptApp.getProjectTriggers'),
      getUserTriggers: denied('ScriptApp.getUserTriggers'),
      getAuthorizationInfo: 'ok',
      getScriptId: 'ok',
    });
    const r = emu.run('install');
    expect(r.error).toMatchObject({ name: 'Exception', message: denied('ScriptApp.newTrigger') });
    expect(r.calls['ScriptApp.newTrigger']).toBe(1);
    expect(emu.triggers()).toEqual([]);
    const ok = emulatorFor(code, book(), { oauthScopes: [...scopes, SCRIPTAPP] });
    expect(ok.run('install').error).toBeUndefined();
  });

  it('reads oauthScopes from <distDir>/appsscript.json; a code snippet without distDir is not checked', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-manifest-'));
    try {
      fs.writeFileSync(path.join(dir, 'Code.js'), code);
      const manifest = { timeZone: 'Asia/Makassar', oauthScopes: ['https://www.googleapis.com/auth/userinfo.email'] };
      fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
      const fromDist = new Emulator({ distDir: dir, workbook: book() });
      expect(fromDist.oauthScopes).toEqual(manifest.oauthScopes);
      expect(fromDist.run('install').error?.message).toBe(denied('ScriptApp.newTrigger'));
      // The option wins over the file.
      const overridden = new Emulator({ distDir: dir, workbook: book(), oauthScopes: [SCRIPTAPP] });
      expect(overridden.run('install').error).toBeUndefined();
      // A manifest without oauthScopes: no checks.
      fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Makassar' }));
      expect(new Emulator({ distDir: dir, workbook: book() }).oauthScopes).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(emulatorFor(code, book()).oauthScopes).toBeNull();
  });

  it('counts every call on ScriptApp, builders and triggers; enum reads are free', () => {
    const emu = emulatorFor(code, book());
    const r = emu.run('install');
    expect(r.calls).toMatchObject({
      'ScriptApp.newTrigger': 1,
      'TriggerBuilder.forSpreadsheet': 1,
      'SpreadsheetTriggerBuilder.onFormSubmit': 1,
      'SpreadsheetTriggerBuilder.create': 1,
      'Trigger.getUniqueId': 1,
      'Trigger.getHandlerFunction': 1,
      'Trigger.getEventType': 2,
      'Trigger.getTriggerSource': 2,
      'Trigger.getTriggerSourceId': 1,
      'SpreadsheetApp.getActive': 1,
    });
    expect(r.totalCalls).toBe(12);
    const list = emu.run('list');
    expect(list.calls).toMatchObject({ 'ScriptApp.getProjectTriggers': 1, 'ScriptApp.getUserTriggers': 1 });
    const a = emu.run('auth', ['FULL']);
    expect(a.calls).toEqual({
      'ScriptApp.getAuthorizationInfo': 1,
      'AuthorizationInfo.getAuthorizationStatus': 1,
      'AuthorizationInfo.getAuthorizationUrl': 1,
    });
  });
});

describe('ScriptApp.getAuthorizationInfo', () => {
  it('reports NOT_REQUIRED with a null URL, and REQUIRED with a URL after an update that needs authorization', () => {
    const emu = emulatorFor(code, book());
    expect(emu.run('auth', ['FULL']).value).toEqual({
      status: 'NOT_REQUIRED',
      required: false,
      notRequired: true,
      url: null,
    });
    emu.authorizationRequired = true;
    expect(emu.run('auth', ['FULL']).value).toEqual({
      status: 'REQUIRED',
      required: true,
      notRequired: false,
      url: expect.stringMatching(/^https:\/\/script\.google\.com\//),
    });
    // No other mode requires authorization.
    expect((emu.run('auth', ['LIMITED']).value as { status: string }).status).toBe('NOT_REQUIRED');
    emu.authorizationRequired = false;
    expect((emu.run('auth', ['FULL']).value as { status: string }).status).toBe('NOT_REQUIRED');
  });
});

describe('form responses', () => {
  it('Sheet.getFormUrl: the linked form URL, or null; Spreadsheet.getFormUrl too', () => {
    const emu = emulatorFor(code, book());
    const r = emu.run('formUrls');
    expect(r.value).toEqual([
      'https://docs.google.com/forms/d/e/abc/viewform',
      null,
      'https://docs.google.com/forms/d/e/abc/viewform',
    ]);
    expect(r.calls['Sheet.getFormUrl']).toBe(2);
    expect(r.calls['Spreadsheet.getFormUrl']).toBe(1);
  });

  it('addFormResponses: headers as text in row 1, frozen, linked; the link survives clone()', () => {
    const wb = new Workbook();
    const s = wb.addFormResponses('Form Responses 1', ['Timestamp', '2024', 'Email']);
    expect(s.values()).toEqual([['Timestamp', '2024', 'Email']]);
    expect(s.frozenRows).toBe(1);
    expect(s.formUrl).toBe('https://docs.google.com/forms/d/e/EMULATED/viewform');
    expect(wb.addSheet('Plain').formUrl).toBeNull();
    expect(wb.clone().sheet('Form Responses 1')!.formUrl).toBe(s.formUrl);
    expect(wb.clone().sheet('Plain')!.formUrl).toBeNull();
  });

  it('submitForm appends a typed row and fires the trigger as its owner, FULL, without a UI', () => {
    const emu = emulatorFor(code, book(), { user: 'admin@example.id' });
    const uid = (emu.run('install').value as { uid: string }).uid;
    const at = new Date('2024-05-01T02:30:15.123Z');
    const runs = emu.submitForm(
      'Jawaban',
      { Nama: 'Siti', 'No HP': '081234567890', 'Tanggal lahir': '2000-05-17' },
      { at, user: 'pelamar@example.id' },
    );
    expect(runs).toHaveLength(1);
    const r = runs[0];
    expect(r.error).toBeUndefined();
    expect(r.fnName).toBe('onResponse');
    expect(r.authMode).toBe('FULL');
    expect(r.value).toEqual({
      authMode: 'FULL',
      full: true,
      values: ['01/05/2024 10.30.15', 'Siti', '81234567890', '17/05/2000'],
      namedValues: {
        'Stempel waktu': ['01/05/2024 10.30.15'],
        Nama: ['Siti'],
        'No HP': ['81234567890'],
        'Tanggal lahir': ['17/05/2000'],
      },
      a1: 'A2:D2',
      row: 2,
      sheet: 'Jawaban',
      triggerUid: uid,
      source: 'sheet-123',
      active: '',
      effective: 'admin@example.id',
      ui: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
      lock: true,
      keys: ['authMode', 'namedValues', 'range', 'source', 'triggerUid', 'values'],
    });
    expect(r.calls['SpreadsheetApp.getUi']).toBe(1);
    const row = emu.workbook.sheet('Jawaban')!.values()[1];
    expect((row[0] as Date).getTime()).toBe(at.getTime());
    expect(row[1]).toBe('Siti');
    expect(row[2]).toBe(81234567890);
    expect(row[3]).toBeInstanceOf(Date);
    // getUi still works in an ordinary run.
    expect(emu.run('formUrls').error).toBeUndefined();
  });

  it('an array of answers fills columns 2..n; the next submission goes below; the clock gives the timestamp', () => {
    const emu = emulatorFor(code, book());
    emu.run('install');
    const before = Date.now();
    emu.submitForm('Jawaban', ['Budi', "'0812", '']);
    const runs = emu.submitForm('Jawaban', ['Ani']);
    const v = runs[0].value as { row: number; values: string[] };
    expect(v.row).toBe(3);
    expect(v.values.slice(1)).toEqual(['Ani', '', '']);
    const values = emu.workbook.sheet('Jawaban')!.values();
    expect(values[1].slice(1)).toEqual(['Budi', '0812', '']);
    expect((values[1][0] as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect(() => emu.submitForm('Jawaban', ['a', 'b', 'c', 'd'])).toThrow(/4 answers for 3 question columns/);
    expect(() => emu.submitForm('Jawaban', { Umur: 20 })).toThrow(/No question column "Umur"/);
  });

  it('a question appended later by the host is filled by later submissions', () => {
    const emu = emulatorFor(code, book());
    emu.run('install');
    emu.submitForm('Jawaban', { Nama: 'Siti' });
    emu.workbook.sheet('Jawaban')!.setValues(1, 5, [['Alamat']]);
    const v = emu.submitForm('Jawaban', { Nama: 'Budi', Alamat: 'Jl. Ahmad Yani 1' })[0].value as {
      a1: string;
      values: string[];
      namedValues: Record<string, string[]>;
    };
    expect(v.a1).toBe('A3:E3');
    expect(v.values.slice(1)).toEqual(['Budi', '', '', 'Jl. Ahmad Yani 1']);
    expect(v.namedValues.Alamat).toEqual(['Jl. Ahmad Yani 1']);
    expect(emu.workbook.sheet('Jawaban')!.values()[1][4]).toBe('');
  });

  it('fires only this spreadsheet form-submit triggers, one run per trigger, each as its owner', () => {
    const emu = emulatorFor(code, book());
    emu.run('install', [], { user: 'a@example.id' });
    emu.run('install', [], { user: 'b@example.id' });
    emu.run('installFor', ['other-sheet', 'onFormSubmit']);
    emu.run('installFor', ['sheet-123', 'onEdit']);
    const runs = emu.submitForm('Jawaban', ['Siti']);
    expect(runs.map((r) => (r.value as { effective: string }).effective)).toEqual(['a@example.id', 'b@example.id']);
  });

  it('with no trigger the row is still appended and no run happens', () => {
    const emu = emulatorFor(code, book());
    expect(emu.submitForm('Jawaban', ['Siti'])).toEqual([]);
    expect(emu.workbook.sheet('Jawaban')!.lastRow()).toBe(2);
    expect(() => emu.submitForm('Data', ['x'])).toThrow(/not linked to a form/);
    expect(() => emu.submitForm('Nope', ['x'])).toThrow(/No sheet named "Nope"/);
  });

  it('fireFormSubmit repeats the event for a row; blank sends empty values', () => {
    const emu = emulatorFor(code, book());
    emu.run('install');
    const at = new Date('2024-05-01T02:30:15Z');
    emu.submitForm('Jawaban', ['Siti', '0812', '2000-05-17'], { at });
    const again = emu.fireFormSubmit('Jawaban', 2)[0].value as { values: string[]; a1: string };
    expect(again.values).toEqual(['01/05/2024 10.30.15', 'Siti', '812', '17/05/2000']);
    expect(again.a1).toBe('A2:D2');
    const blank = emu.fireFormSubmit('Jawaban', 2, { blank: true })[0].value as Record<string, unknown>;
    expect(blank.values).toEqual(['', '', '', '']);
    expect(blank.namedValues).toEqual({ 'Stempel waktu': [''], Nama: [''], 'No HP': [''], 'Tanggal lahir': [''] });
    expect(blank.a1).toBe('A2:D2');
    expect(emu.workbook.sheet('Jawaban')!.lastRow()).toBe(2);
  });

  it('trigger runs meet held locks and injected faults like other runs', () => {
    const emu = emulatorFor(code, book());
    emu.run('install');
    emu.holdDocumentLock();
    expect((emu.submitForm('Jawaban', ['Siti'])[0].value as { lock: boolean }).lock).toBe(false);
    emu.releaseDocumentLock();
    // The 1st call (getUi) is inside the handler's try; the 2nd is not.
    emu.failAfter(2, 'Service Spreadsheets timed out while accessing document');
    const r = emu.submitForm('Jawaban', ['Budi'])[0];
    expect(r.error?.message).toBe('Service Spreadsheets timed out while accessing document');
    expect(emu.submitForm('Jawaban', ['Ani'])[0].error).toBeUndefined();
  });

  it('duplicate question titles share one namedValues entry', () => {
    const wb = new Workbook();
    wb.addFormResponses('R', ['Timestamp', 'Pilihan', 'Pilihan']);
    const emu = emulatorFor(code, wb, { oauthScopes: [SCRIPTAPP] });
    emu.run('install');
    const v = emu.submitForm('R', ['A', 'B'])[0].value as { namedValues: Record<string, string[]> };
    expect(v.namedValues.Pilihan).toEqual(['A', 'B']);
  });

  it('reports a handler that does not exist', () => {
    const emu = emulatorFor(
      'function setup() { ScriptApp.newTrigger("gone").forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }',
      book(),
    );
    emu.run('setup');
    const r = emu.submitForm('Jawaban', ['Siti']);
    expect(r[0].error?.message).toBe('Script function not found: gone');
  });
});
