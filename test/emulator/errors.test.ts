import { Workbook } from '../../emulator';
import { runBody, withData } from './helpers';

const sheet = `var sh = SpreadsheetApp.getActive().getSheetByName('Data');`;
const errorOf = (body: string, wb?: Workbook) => {
  const r = runBody(`${sheet}\n${body}`, wb);
  return r.error ? `${r.error.name}: ${r.error.message}` : 'no error';
};

describe("Apps Script's error texts", () => {
  it.each([
    [
      'sh.getRange(1, 1, 2, 2).setValues([[1, 2]]);',
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ],
    [
      'sh.getRange(1, 1, 1, 4).setValues([[1, 2, 3]]);',
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 4.',
    ],
    ['sh.getRange(0, 1);', 'The starting row of the range is too small.'],
    ['sh.getRange(1, 0);', 'The starting column of the range is too small.'],
    ['sh.getRange(1, 1, 0, 1);', 'The number of rows in the range must be at least 1.'],
    ['sh.getRange(1, 1, 1, 0);', 'The number of columns in the range must be at least 1.'],
    ['sh.getRange(1001, 1);', 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['sh.getRange(1, 27);', 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['sh.getRange("A999:A1002").getValues();', 'The coordinates of the range are outside the dimensions of the sheet.'],
    [
      'SpreadsheetApp.getActive().insertSheet("data");',
      'A sheet with the name "data" already exists. Please enter another name.',
    ],
    [
      'sh.setName("DATA "); SpreadsheetApp.getActive().insertSheet("Data ");',
      'A sheet with the name "Data " already exists. Please enter another name.',
    ],
    [
      'sh.getRange("A1").setValue(new Array(50002).join("x"));',
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    ],
    [
      'sh.getRange("A1:A2").setValues([["ok"], [new Array(50002).join("x")]]);',
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    ],
  ])('%s', (body, message) => {
    expect(errorOf(body)).toBe(`Exception: ${message}`);
  });

  it('accepts exactly 50,000 characters', () => {
    expect(errorOf('sh.getRange("A1").setValue(new Array(50001).join("x"));')).toBe('no error');
  });

  it('stops at 10,000,000 cells in the workbook', () => {
    const wb = withData();
    wb.sheet('Data')!.maxRows = 380_000; // 380,000 × 26 = 9,880,000 cells
    expect(errorOf('SpreadsheetApp.getActive().insertSheet("Baru");', wb)).toBe('no error'); // + 26,000
    expect(errorOf('sh.insertRowsAfter(10, 3000);', wb)).toBe('no error'); // + 78,000 = 9,984,000
    expect(errorOf('sh.insertRowsAfter(10, 1000);', wb)).toBe(
      'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(wb.sheet('Data')!.maxRows).toBe(383_000);
  });

  it('counts the new column against the limit too', () => {
    const wb = withData();
    wb.sheet('Data')!.maxRows = 384_000; // 9,984,000 cells
    expect(errorOf('sh.insertColumnsAfter(26, 1);', wb)).toBe(
      'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('is an Error of the script realm that scripts can catch and inspect', () => {
    const r = runBody(
      `${sheet} try { sh.getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message, String(e)]; }`,
    );
    expect(r.value).toEqual([
      true,
      'Exception',
      'The starting row of the range is too small.',
      'Exception: The starting row of the range is too small.',
    ]);
  });

  it('reports errors thrown by the script itself with their own names', () => {
    const r = runBody('null.x;');
    expect(r.error?.name).toBe('TypeError');
    expect(r.error?.message).toBe("Cannot read properties of null (reading 'x')");
    const thrown = runBody('throw new Error("Kuota harus angka");');
    expect(thrown.error).toMatchObject({ name: 'Error', message: 'Kuota harus angka' });
  });
});

describe('sheet growth', () => {
  it('new sheets have 1000 × 26 cells; insertRows/Columns and appendRow grow them', () => {
    const r = runBody(`${sheet}
      var ss = SpreadsheetApp.getActive(); var n = ss.insertSheet('Baru');
      var out = [n.getMaxRows(), n.getMaxColumns()];
      n.insertRowsAfter(1000, 5); n.insertColumnsAfter(26, 2);
      out.push(n.getMaxRows(), n.getMaxColumns());
      n.getRange(1005, 28).setValue('ujung');
      sh.insertRowsBefore(1, 1);
      sh.appendRow(['x', 1]);
      out.push(sh.getLastRow(), sh.getRange('A1').getValue(), sh.getRange('A2').getValue(), n.getLastRow(), n.getLastColumn());
      return out;`);
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([1000, 26, 1005, 28, 3, '', 'a', 1005, 28]);
  });

  it('appendRow past the last row adds a row', () => {
    const wb = withData();
    wb.sheet('Data')!.maxRows = 1;
    const r = runBody(`${sheet} sh.appendRow(['b']); return [sh.getMaxRows(), sh.getLastRow()];`, wb);
    expect(r.value).toEqual([2, 2]);
  });
});
