import { Workbook } from '../../emulator';
import { emulatorFor, runBody, withData } from './helpers';

describe('LockService', () => {
  const code = `function locked() {
    var lock = LockService.getDocumentLock();
    try { lock.waitLock(10000); } catch (e) { return 'busy: ' + e.message; }
    var had = lock.hasLock(); lock.releaseLock(); return [had, lock.hasLock()];
  }
  function tryIt() { var l = LockService.getDocumentLock(); return [l.tryLock(500), l.hasLock(), LockService.getScriptLock().tryLock(1)]; }`;

  it('acquires and releases without contention', () => {
    expect(emulatorFor(code).run('locked').value).toEqual([true, false]);
  });

  it('times out while another process holds the document lock', () => {
    const emu = emulatorFor(code);
    emu.holdDocumentLock();
    expect(emu.run('locked').value).toBe('busy: Lock timeout: another process was holding the lock for too long.');
    expect(emu.run('tryIt').value).toEqual([false, false, true]);
    emu.releaseDocumentLock();
    expect(emu.run('tryIt').value).toEqual([true, true, true]);
  });

  it('releases locks at the end of an execution', () => {
    const emu = emulatorFor(
      `function take() { LockService.getDocumentLock().waitLock(1); } function has() { return LockService.getDocumentLock().hasLock(); }`,
    );
    emu.run('take');
    expect(emu.run('has').value).toBe(false);
  });
});

describe('PropertiesService', () => {
  it('persists document, script and per-user properties across executions, as strings', () => {
    const emu = emulatorFor(
      `function save() {
        PropertiesService.getDocumentProperties().setProperty('n', 5).setProperties({ a: 'x', b: true });
        PropertiesService.getScriptProperties().setProperty('s', 'y');
        PropertiesService.getUserProperties().setProperty('lang', 'en');
      }
      function load() {
        var d = PropertiesService.getDocumentProperties();
        return [d.getProperty('n'), d.getProperties(), d.getKeys().sort(), d.getProperty('missing'), PropertiesService.getUserProperties().getProperty('lang')];
      }
      function wipe() { PropertiesService.getDocumentProperties().deleteProperty('a').deleteAllProperties(); }`,
      new Workbook(),
      { user: 'a@x.id' },
    );
    emu.run('save');
    expect(emu.run('load').value).toEqual(['5', { n: '5', a: 'x', b: 'true' }, ['a', 'b', 'n'], null, 'en']);
    expect(emu.run('load', [], { user: 'b@x.id' }).value).toEqual([
      '5',
      { n: '5', a: 'x', b: 'true' },
      ['a', 'b', 'n'],
      null,
      null,
    ]);
    expect(emu.userProperties('a@x.id').get('lang')).toBe('en');
    expect(emu.scriptProperties.get('s')).toBe('y');
    emu.documentProperties.set('fromHost', '1');
    expect((emu.run('load').value as unknown[])[2]).toEqual(['a', 'b', 'fromHost', 'n']);
    emu.run('wipe');
    expect([...emu.documentProperties.keys()]).toEqual([]);
  });
});

describe('Session', () => {
  const code = `function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(), Session.getActiveUserLocale(), Session.getTemporaryActiveUserKey().length > 10]; }`;
  it('reports the users, time zone and locale', () => {
    expect(
      emulatorFor(code, new Workbook(), { user: 'panitia@example.id', effectiveUser: 'owner@example.id' }).run('who')
        .value,
    ).toEqual(['panitia@example.id', 'owner@example.id', 'Asia/Makassar', 'id', true]);
  });
  it("gives '' when the active user's email is hidden", () => {
    expect((emulatorFor(code, new Workbook(), { user: '' }).run('who').value as unknown[])[0]).toBe('');
  });
});

describe('Utilities', () => {
  it('formats dates with Java patterns in any zone', () => {
    const r = runBody(`var d = new Date(Date.UTC(2019, 10, 27, 11, 5, 9, 7));
      return [Utilities.formatDate(d, 'Asia/Makassar', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"), Utilities.formatDate(d, 'Asia/Jakarta', 'EEEE, d MMMM yyyy h:mm a'),
              Utilities.formatDate(d, 'UTC', 'EEE dd MMM yy Z'), Utilities.formatDate(d, 'GMT+9', 'HH:mm z')];`);
    expect(r.value).toEqual([
      '2019-11-27T19:05:09.007+08:00',
      'Wednesday, 27 November 2019 6:05 PM',
      'Wed 27 Nov 19 +0000',
      '20:05 GMT+09:00',
    ]);
  });

  it('computes digests and HMACs as signed byte arrays, and base64', () => {
    const r = runBody(`var d = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
      var h = Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
      var hex = function (bytes) { return bytes.map(function (b) { return ('0' + (b & 255).toString(16)).slice(-2); }).join(''); };
      return [d.slice(0, 4), hex(d), hex(h), Utilities.base64Encode('Halo, dunia?'), Utilities.base64EncodeWebSafe([251, 255]),
              Utilities.newBlob(Utilities.base64Decode('SGFsbw==')).getDataAsString(), Utilities.getUuid().length];`);
    expect(r.value).toEqual([
      [-70, 120, 22, -65],
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
      'SGFsbywgZHVuaWE/',
      '-_8=',
      'Halo',
      36,
    ]);
  });
});

describe('fault injection', () => {
  it('makes the n-th service call of the next run throw, then clears', () => {
    const emu = emulatorFor(
      `function go() { var sh = SpreadsheetApp.getActive().getSheetByName('Data'); sh.getRange('A1').setValue(1); sh.getRange('A2').setValue(2); }`,
      withData(),
    );
    emu.failAfter(4, 'Service Spreadsheets timed out while accessing document');
    const r = emu.run('go');
    expect(r.error).toEqual(
      expect.objectContaining({
        name: 'Exception',
        message: 'Service Spreadsheets timed out while accessing document',
      }),
    );
    expect(r.totalCalls).toBe(4);
    expect(emu.workbook.sheet('Data')!.values()).toEqual([['a']]);
    expect(emu.run('go').error).toBeUndefined();
    expect(emu.workbook.sheet('Data')!.values()).toEqual([[1], [2]]);
    emu.failAfter(1);
    expect(emu.run('go').error?.message).toBe('Service error: Spreadsheets');
  });
});
