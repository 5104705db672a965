import { emulatorFor, withData } from './helpers';

const code = `
function echo(x) { return x; }
function today() { return new Date(0); }
function rows() { return SpreadsheetApp.getActive().getSheetByName('Data').getDataRange().getValues(); }
function rowsAsText() { return SpreadsheetApp.getActive().getSheetByName('Data').getDataRange().getDisplayValues(); }
function fails() { throw new Error('NIK tidak valid'); }
function instance() { function P() { this.a = 1; } return new P(); }
function fn() { return { f: function () {} }; }
function secret_() { return 'rahasia'; }
function nested() { return { a: [1, { b: null, c: 'x', d: true }] }; }`;

describe('runRpc (google.script.run)', () => {
  const emu = emulatorFor(
    code,
    withData([
      ['Tanggal', 'Nama'],
      [new Date('2019-11-27T00:00:00+08:00'), 'Siti'],
    ]),
  );

  it('passes primitives, plain objects and arrays both ways', () => {
    expect(emu.runRpc('echo', [{ a: [1, 'b', null, true], n: 2.5 }])).toEqual({ a: [1, 'b', null, true], n: 2.5 });
    expect(emu.runRpc('nested')).toEqual({ a: [1, { b: null, c: 'x', d: true }] });
    expect(emu.runRpc('rowsAsText')).toEqual([
      ['Tanggal', 'Nama'],
      ['27/11/2019', 'Siti'],
    ]);
  });

  it('fails the call on a Date, a function or a class instance, in either direction', () => {
    expect(() => emu.runRpc('echo', [new Date()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => emu.runRpc('echo', [{ when: new Date() }])).toThrow('Failed due to illegal value in property: when');
    expect(() => emu.runRpc('echo', [() => 1])).toThrow('Failed due to illegal value in property: 0');
    expect(() => emu.runRpc('today')).toThrow('Failed due to illegal value in property: result');
    expect(() => emu.runRpc('rows')).toThrow('Failed due to illegal value in property: 0');
    expect(() => emu.runRpc('instance')).toThrow('Failed due to illegal value in property: result');
    expect(() => emu.runRpc('fn')).toThrow('Failed due to illegal value in property: f');
  });

  it('refuses private and unknown functions', () => {
    expect(() => emu.runRpc('secret_')).toThrow('google.script.run.secret_ is not a function');
    expect(() => emu.runRpc('nope')).toThrow('google.script.run.nope is not a function');
    expect(emu.run('secret_').value).toBe('rahasia');
  });

  it('rethrows server errors with their message (the failure handler)', () => {
    expect(() => emu.runRpc('fails')).toThrow('NIK tidak valid');
    expect(emu.lastRun?.error?.message).toBe('NIK tidak valid');
  });

  it('counts like run()', () => {
    emu.runRpc('rowsAsText');
    expect(emu.lastRun?.calls).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getDisplayValues': 1,
    });
  });
});
