import { emulatorFor, withData } from './helpers';

const code = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Siapkan', 'setup').addSeparator()
    .addSubMenu(SpreadsheetApp.getUi().createMenu('Lainnya').addItem('Bantuan', 'help')).addToUi();
  return String(e && e.authMode);
}
function tryAll() {
  var attempts = {
    getActive: function () { return SpreadsheetApp.getActive().getName(); },
    getActiveSpreadsheet: function () { return SpreadsheetApp.getActiveSpreadsheet().getName(); },
    properties: function () { return PropertiesService.getDocumentProperties().getProperty('x'); },
    session: function () { return Session.getActiveUser().getEmail(); },
    lock: function () { return LockService.getDocumentLock().tryLock(100); },
    toast: function () { return SpreadsheetApp.getActive().toast('hai'); },
    sidebar: function () { return SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x')); },
    dialog: function () { return SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('x'), 'T'); },
    alert: function () { return SpreadsheetApp.getUi().alert('hai'); },
    prompt: function () { return SpreadsheetApp.getUi().prompt('hai'); },
    write: function () { return SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').setValue('ok').getValue(); },
  };
  var out = {};
  Object.keys(attempts).forEach(function (k) {
    try { attempts[k](); out[k] = 'ok'; } catch (err) { out[k] = err.message; }
  });
  return out;
}`;

const denied = (method: string, scope = 'https://www.googleapis.com/auth/spreadsheets.currentonly') =>
  `You do not have permission to call ${method}. Required permissions: ${scope}`;

describe('authorization modes', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('builds menus in %s', (authMode) => {
    const emu = emulatorFor(code, withData());
    const r = emu.run('onOpen', [{ authMode }], { authMode });
    expect(r.error).toBeUndefined();
    expect(r.ui.menus).toEqual([
      {
        title: '',
        addon: true,
        items: [
          { type: 'item', label: 'Siapkan', functionName: 'setup' },
          { type: 'separator' },
          { type: 'submenu', title: 'Lainnya', items: [{ type: 'item', label: 'Bantuan', functionName: 'help' }] },
        ],
      },
    ]);
  });

  it('NONE: everything but menu building is refused', () => {
    const r = emulatorFor(code, withData()).run('tryAll', [], { authMode: 'NONE' });
    expect(r.value).toEqual({
      getActive: denied('SpreadsheetApp.getActive'),
      getActiveSpreadsheet: denied('SpreadsheetApp.getActiveSpreadsheet'),
      properties: denied('PropertiesService.getDocumentProperties', 'https://www.googleapis.com/auth/script.storage'),
      session: denied('Session.getActiveUser', 'https://www.googleapis.com/auth/userinfo.email'),
      lock: denied('LockService.getDocumentLock'),
      toast: denied('SpreadsheetApp.getActive'),
      sidebar: denied('Ui.showSidebar', 'https://www.googleapis.com/auth/script.container.ui'),
      dialog: denied('Ui.showModalDialog', 'https://www.googleapis.com/auth/script.container.ui'),
      alert: denied('Ui.alert', 'https://www.googleapis.com/auth/script.container.ui'),
      prompt: denied('Ui.prompt', 'https://www.googleapis.com/auth/script.container.ui'),
      write: denied('SpreadsheetApp.getActive'),
    });
  });

  it('LIMITED: the spreadsheet, properties, session and locks work; dialogs and sidebars do not', () => {
    const emu = emulatorFor(code, withData());
    const r = emu.run('tryAll', [], { authMode: 'LIMITED' });
    expect(r.value).toEqual({
      getActive: 'ok',
      getActiveSpreadsheet: 'ok',
      properties: 'ok',
      session: 'ok',
      lock: 'ok',
      toast: 'ok',
      sidebar: denied('Ui.showSidebar', 'https://www.googleapis.com/auth/script.container.ui'),
      dialog: denied('Ui.showModalDialog', 'https://www.googleapis.com/auth/script.container.ui'),
      alert: denied('Ui.alert', 'https://www.googleapis.com/auth/script.container.ui'),
      prompt: denied('Ui.prompt', 'https://www.googleapis.com/auth/script.container.ui'),
      write: 'ok',
    });
    expect(emu.workbook.sheet('Data')!.values()).toEqual([['ok']]);
    expect(r.ui.toasts).toEqual([{ message: 'hai', title: '', timeout: 5 }]);
  });

  it('FULL: everything works', () => {
    const r = emulatorFor(code, withData()).run('tryAll');
    expect(Object.values(r.value as Record<string, string>)).toEqual(new Array(11).fill('ok'));
    expect(r.ui.sidebars).toHaveLength(1);
    expect(r.ui.dialogs).toHaveLength(1);
    expect(r.ui.alerts).toEqual([{ prompt: 'hai', buttons: 'OK', response: 'OK' }]);
    expect(r.ui.prompts).toEqual([{ prompt: 'hai', buttons: 'OK', response: 'OK', text: '' }]);
  });

  it('an unguarded call in onOpen fails the whole run in NONE', () => {
    const emu = emulatorFor(
      `function onOpen() { SpreadsheetApp.getActiveSpreadsheet(); SpreadsheetApp.getUi().createMenu('X').addItem('a', 'b').addToUi(); }`,
    );
    const r = emu.run('onOpen', [], { authMode: 'NONE' });
    expect(r.error?.message).toBe(denied('SpreadsheetApp.getActiveSpreadsheet'));
    expect(r.ui.menus).toEqual([]);
  });
});
