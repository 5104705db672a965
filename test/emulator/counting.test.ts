import { Workbook } from '../../emulator';
import { emulatorFor } from './helpers';

function book(rows: number): Workbook {
  const wb = new Workbook();
  const data: (string | number)[][] = [['Nama', 'Nilai']];
  for (let i = 1; i <= rows; i++) data.push([`Orang ${i}`, i]);
  wb.addSheet('Data', data);
  return wb;
}

const batched = `function total() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Data');
  var values = sh.getRange(2, 1, sh.getLastRow() - 1, 2).getValues();
  var out = values.map(function (r) { return [r[1] * 2]; });
  sh.getRange(2, 3, out.length, 1).setValues(out);
  return out.length;
}
function perCell() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Data');
  for (var r = 2; r <= sh.getLastRow(); r++) sh.getRange(r, 3).setValue(sh.getRange(r, 2).getValue() * 2);
}`;

describe('counting', () => {
  it('counts each service call by Class.method, and the cells moved', () => {
    const r = emulatorFor(batched, book(3)).run('total');
    expect(r.calls).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.setValues': 1,
    });
    expect(r.totalCalls).toBe(7);
    expect(r.cellsRead).toBe(6);
    expect(r.cellsWritten).toBe(3);
  });

  it('a batched job keeps a call budget that does not grow with the rows', () => {
    const small = emulatorFor(batched, book(10)).run('total');
    const large = emulatorFor(batched, book(2000)).run('total');
    expect(large.value).toBe(2000);
    expect(large.totalCalls).toBe(small.totalCalls);
    expect(large.cellsRead).toBe(4000);
  });

  it('a per-cell loop shows up in the counts', () => {
    const r = emulatorFor(batched, book(50)).run('perCell');
    expect(r.calls['Range.setValue']).toBe(50);
    expect(r.calls['Range.getValue']).toBe(50);
    expect(r.calls['Sheet.getLastRow']).toBe(51);
    expect(r.totalCalls).toBe(2 + 51 + 100 + 100);
  });

  it('counts builders, HtmlOutput and Utilities calls too; enum reads are free', () => {
    const r = emulatorFor(`function f() {
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Ya', 'Tidak']).setAllowInvalid(true).build();
      var s = SpreadsheetApp.BorderStyle.SOLID; var b = SpreadsheetApp.getUi().ButtonSet.OK;
      HtmlService.createHtmlOutput('x').setTitle('t');
      Utilities.formatDate(new Date(), 'UTC', 'yyyy');
    }`).run('f');
    expect(r.calls).toEqual({
      'SpreadsheetApp.newDataValidation': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'DataValidationBuilder.build': 1,
      'SpreadsheetApp.getUi': 1,
      'HtmlService.createHtmlOutput': 1,
      'HtmlOutput.setTitle': 1,
      'Utilities.formatDate': 1,
    });
  });

  it('host-side Workbook helpers are not counted', () => {
    const wb = book(2);
    const emu = emulatorFor('function f() {}', wb);
    wb.sheet('Data')!.setValues(5, 1, [['x']]);
    expect(emu.run('f').totalCalls).toBe(0);
  });
});
