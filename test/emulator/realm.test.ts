import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator, Workbook } from '../../emulator';
import { emulatorFor, runBody, withData } from './helpers';

describe('the execution context', () => {
  it('has only ECMAScript builtins and Apps Script globals', () => {
    const r =
      runBody(`return ['require', 'process', 'module', 'exports', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'URL',
      'TextEncoder', 'TextDecoder', 'structuredClone', 'Buffer', 'global', 'queueMicrotask', '__dirname']
      .map(function (n) { return n + ':' + typeof globalThis[n]; });`);
    expect(r.value).toEqual([
      'require:undefined',
      'process:undefined',
      'module:undefined',
      'exports:undefined',
      'setTimeout:undefined',
      'setInterval:undefined',
      'setImmediate:undefined',
      'fetch:undefined',
      'URL:undefined',
      'TextEncoder:undefined',
      'TextDecoder:undefined',
      'structuredClone:undefined',
      'Buffer:undefined',
      'global:undefined',
      'queueMicrotask:undefined',
      '__dirname:undefined',
    ]);
    const g =
      runBody(`return ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'LockService', 'Session', 'Utilities', 'Logger',
      'ScriptApp', 'CacheService', 'Charts', 'console', 'JSON', 'Intl'].map(function (n) { return typeof globalThis[n]; });`);
    expect(g.value).toEqual(new Array(13).fill('object'));
  });

  it('does not leak host constructors through service objects', () => {
    const r = runBody(`var f = SpreadsheetApp.getActive;
      return [f.constructor === Function, Object.getPrototypeOf(SpreadsheetApp) === Object.prototype,
              console.log.constructor === Function, Object.keys(SpreadsheetApp).length, typeof SpreadsheetApp.BorderStyle.SOLID.constructor === 'function' && SpreadsheetApp.BorderStyle.SOLID.constructor === Object];`);
    expect(r.value).toEqual([true, true, true, 0, true]);
  });

  it('hands the script Dates and Arrays of its own realm', () => {
    const wb = withData([[new Date(Date.UTC(2020, 0, 2)), 'x']]);
    const r = runBody(
      `var v = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:B1').getValues();
      return [v instanceof Array, v[0] instanceof Array, v[0][0] instanceof Date, Object.getPrototypeOf(v[0][0]) === Date.prototype,
              Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'x') instanceof Array];`,
      wb,
    );
    expect(r.value).toEqual([true, true, true, true, true]);
  });

  it('copies values written by the script into the workbook (no shared references)', () => {
    const wb = withData();
    const r = runBody(
      `var row = [new Date(Date.UTC(2021, 5, 1)), 'a']; var sh = SpreadsheetApp.getActive().getSheetByName('Data');
      sh.getRange('A2:B2').setValues([row]); row[1] = 'changed'; row[0].setFullYear(1990); return sh.getRange('A2:B2').getValues()[0][1];`,
      wb,
    );
    expect(r.value).toBe('a');
    const v = wb.sheet('Data')!.values()[1][0] as Date;
    expect(v).toBeInstanceOf(Date);
    expect(v.getTime()).toBe(Date.UTC(2021, 5, 1));
  });

  it('starts every execution with a fresh context: globals do not survive, the workbook does', () => {
    const emu = emulatorFor(
      `var counter = 0; function bump() { counter++; globalThis.extra = 1; SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').setValue(counter); return [counter, typeof leftover]; }
      function mark() { globalThis.leftover = true; }`,
      withData(),
    );
    emu.run('mark');
    expect(emu.run('bump').value).toEqual([1, 'undefined']);
    expect(emu.run('bump').value).toEqual([1, 'undefined']);
    expect(emu.workbook.sheet('Data')!.values()).toEqual([[1]]);
  });

  it('lists the top-level functions the code declares', () => {
    const emu = emulatorFor(
      'function onOpen(e) {} function helper_() {} var notAFunction = 1; var App = (function () { function inner() {} return {}; })();',
    );
    expect(emu.topLevelFunctions().sort()).toEqual(['helper_', 'onOpen']);
  });

  it('returns "Script function not found" for an unknown function', () => {
    const r = emulatorFor('function a() {}').run('b');
    expect(r.error).toEqual(expect.objectContaining({ message: 'Script function not found: b' }));
  });

  it('records console and Logger output', () => {
    const r = runBody(
      `console.log('a', 1, {b: 2}); console.warn('hati-hati'); Logger.log('x=%s y=%s', 3, 'z'); console.error(new Error('boom'));`,
    );
    expect(r.logs).toEqual(['a 1 {"b":2}', '[warn] hati-hati', 'x=3 y=z', '[error] Error: boom']);
  });

  it('reads the bundle from distDir', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-'));
    fs.writeFileSync(
      path.join(dir, 'Code.js'),
      'function hello() { return HtmlService.createHtmlOutputFromFile("Page").getContent(); }',
    );
    fs.writeFileSync(path.join(dir, 'Page.html'), '<p>Halo</p>');
    const emu = new Emulator({ distDir: dir, workbook: new Workbook() });
    expect(emu.run('hello').value).toBe('<p>Halo</p>');
    const missing = new Emulator({
      distDir: dir,
      code: 'function f() { HtmlService.createHtmlOutputFromFile("Nope"); }',
    }).run('f');
    expect(missing.error?.message).toBe('No HTML file named Nope was found.');
  });
});

describe('the script clock (emu.setNow)', () => {
  const body = `function main() {
    var d = new Date();
    var cell = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').getValue();
    return [d.getTime(), Date.now(), d instanceof Date, cell instanceof Date, new Date(2019, 10, 27).getFullYear(),
      new Date('2020-01-02T00:00:00Z').getTime(), Date.UTC(2019, 0, 1), typeof Date(), Object.prototype.toString.call(d)];
  }`;

  it('shifts new Date() and Date.now() in the scripts, and nothing else', () => {
    const emu = emulatorFor(body, withData([[new Date(Date.UTC(2001, 0, 1))]]));
    emu.setNow(new Date('2019-11-27T02:00:00Z'));
    const [created, now, isDate, cellIsDate, year, parsed, utc, called, tag] = emu.run('main').value as unknown[];
    const at = Date.parse('2019-11-27T02:00:00Z');
    expect(created as number).toBeGreaterThanOrEqual(at);
    expect(created as number).toBeLessThan(at + 60_000);
    expect(now as number).toBeGreaterThanOrEqual(created as number);
    expect([isDate, cellIsDate, year, parsed, utc, called, tag]).toEqual([
      true,
      true,
      2019,
      Date.parse('2020-01-02T00:00:00Z'),
      Date.UTC(2019, 0, 1),
      'string',
      '[object Date]',
    ]);
  });

  it('keeps real time until it is set, and goes back to it with null', () => {
    const emu = emulatorFor(body, withData([[1]]));
    const real = () => (emu.run('main').value as number[])[0];
    expect(Math.abs(real() - Date.now())).toBeLessThan(60_000);
    emu.setNow(new Date('2019-11-27T02:00:00Z'));
    expect(real()).toBeLessThan(Date.parse('2019-11-28T00:00:00Z'));
    emu.setNow(null);
    expect(Math.abs(real() - Date.now())).toBeLessThan(60_000);
  });
});

describe('Utilities.sleep', () => {
  it('does not wait, records what the script asked for, and refuses more than 5 minutes as Apps Script does', () => {
    const slept = runBody('Utilities.sleep(1500); Utilities.sleep(250); return 1;');
    expect(slept.value).toBe(1);
    expect(slept.sleptMs).toBe(1750);
    expect(runBody('return 1;').sleptMs).toBe(0);
    expect(runBody('Utilities.sleep(300001);').error?.message).toBe('Invalid argument: milliseconds');
  });
});
