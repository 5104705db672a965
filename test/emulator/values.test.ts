import { Workbook } from '../../emulator';
import { runBody, withData, emulatorFor } from './helpers';

describe('getValues types and precision', () => {
  const wb = withData([
    ['Nama', 'NIK', 'Aktif', 'Nilai', 'Tanggal'],
    ['Siti', 6301054708900001, true, 87.5, new Date(Date.UTC(2019, 10, 27, 3, 0, 0))],
    ['Budi', '', false, '1.5', ''],
  ]);

  it('returns numbers, booleans, Dates and strings, with "" for empty cells', () => {
    const r = runBody(
      `var v = SpreadsheetApp.getActive().getSheetByName('Data').getDataRange().getValues();
       return v.map(function (row) { return row.map(function (x) { return x instanceof Date ? 'Date' : typeof x + ':' + x; }); });`,
      wb,
    );
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([
      ['string:Nama', 'string:NIK', 'string:Aktif', 'string:Nilai', 'string:Tanggal'],
      ['string:Siti', 'number:6301054708900000', 'boolean:true', 'number:87.5', 'Date'],
      ['string:Budi', 'string:', 'boolean:false', 'number:1.5', 'string:'],
    ]);
  });

  it('keeps 15 significant digits: a 16-digit NIK loses its last digit', () => {
    expect(wb.sheet('Data')!.cell(2, 2).value).toBe(6301054708900000);
    const r = runBody(
      `var r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A5'); r.setValue(1234567890123456789); return r.getValue();`,
      withData(),
    );
    expect(r.value).toBe(1234567890123460000);
  });

  it('shows 16-digit numbers in scientific form and integers up to 15 digits in full', () => {
    const book = withData([[6301054708900001, 630105470890001, 1.5, 1234567]]);
    expect(book.sheet('Data')!.displayValues()).toEqual([['6,30105E+15', '630105470890001', '1,5', '1234567']]);
    const en = new Workbook({ locale: 'en_US' });
    en.addSheet('Data', [[6301054708900001, 1.5]]);
    expect(en.sheet('Data')!.displayValues()).toEqual([['6.30105E+15', '1.5']]);
  });
});

describe('typing rules on write', () => {
  it('makes "=" strings formulas, keeps apostrophe text, turns numeric strings into numbers unless the cell is "@"', () => {
    const r = runBody(`
      var sh = SpreadsheetApp.getActive().getSheetByName('Data');
      sh.getRange('B1:B2').setNumberFormat('@');
      sh.getRange(1, 1, 2, 4).setValues([['=SUM(1,2)', '0812', "'0812", '0812'], ['TRUE', '6301054708900001', '1.5', true]]);
      return [sh.getRange('A1:D2').getValues(), sh.getRange('A1:D1').getFormulas()];`);
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([
      [
        ['', '0812', '0812', 812],
        [true, '6301054708900001', 1.5, true],
      ],
      [['=SUM(1,2)', '', '', '']],
    ]);
  });

  it('host-side setValues applies the same rules', () => {
    const wb = new Workbook();
    const s = wb.addSheet('S');
    s.setNumberFormat(1, 2, 1, 1, '@');
    s.setValues(1, 1, [['081234', '081234', "'007", '=A1*2']]);
    expect(s.values()).toEqual([[81234, '081234', '007', '']]);
    expect(s.cell(1, 4).formula).toBe('=A1*2');
  });
});

describe('display values', () => {
  const tz = 'Asia/Makassar';
  const cases: Array<[number | boolean | string, string, string]> = [
    [1234.5, '0', '1235'],
    [1234.56, '0.0', '1234,6'],
    [1234.5, '0.00', '1234,50'],
    [1234567.891, '#,##0', '1.234.568'],
    [0.125, '0.0%', '12,5%'],
    [true, '', 'TRUE'],
    [false, '@', 'FALSE'],
    ['teks', '0.00', 'teks'],
  ];
  it.each(cases)('%p with format %p shows %p (id_ID)', (value, format, shown) => {
    const wb = new Workbook({ timeZone: tz });
    const s = wb.addSheet('S', [[value]]);
    if (format) s.setNumberFormat(1, 1, 1, 1, format);
    expect(s.displayValues()).toEqual([[shown]]);
  });

  it('formats dates and times with explicit formats and automatically per locale', () => {
    const wb = new Workbook();
    const s = wb.addSheet('S', [
      [
        '27/11/2019',
        '2019-11-27 19:05:09',
        '19:00',
        '27/11/2019',
        '27/11/2019',
        '2019-11-27 19:05:09',
        '2019-11-27 19:05:09',
        '5/1/2019',
      ],
    ]);
    s.setNumberFormat(1, 4, 1, 1, 'dd MMMM yyyy');
    s.setNumberFormat(1, 5, 1, 1, 'yyyy-MM-dd');
    s.setNumberFormat(1, 6, 1, 1, 'HH:mm');
    s.setNumberFormat(1, 7, 1, 1, 'd/M/yyyy H:mm:ss');
    s.setNumberFormat(1, 8, 1, 1, 'd/M/yyyy');
    expect(s.displayValues()).toEqual([
      [
        '27/11/2019',
        '27/11/2019 19.05.09',
        '19.00.00',
        '27 November 2019',
        '2019-11-27',
        '19:05',
        '27/11/2019 19:05:09',
        '5/1/2019',
      ],
    ]);
    const en = new Workbook({ locale: 'en_US' });
    const e = en.addSheet('S', [['11/27/2019', '19:00', '2019-11-27 19:05:09']]);
    expect(e.displayValues()).toEqual([['11/27/2019', '19:00:00', '11/27/2019 19:05:09']]);
    expect(en.sheet('S')!.values()[0][0]).toEqual(new Date('2019-11-27T00:00:00+08:00'));
  });

  it('uses Indonesian month names in id_ID and English ones in en_US', () => {
    const id = new Workbook();
    id.addSheet('S', [['2019-08-17']]).setNumberFormat(1, 1, 1, 1, 'd MMMM yyyy');
    expect(id.sheet('S')!.displayValues()).toEqual([['17 Agustus 2019']]);
    const en = new Workbook({ locale: 'en_US' });
    en.addSheet('S', [['2019-08-17']]).setNumberFormat(1, 1, 1, 1, 'd MMMM yyyy');
    expect(en.sheet('S')!.displayValues()).toEqual([['17 August 2019']]);
  });

  it('shows a number too large to be a date as the number, under a date format, instead of failing the read', () => {
    const wb = new Workbook();
    wb.addSheet('S', [[1e300, -1e16, 43796]]).setNumberFormat(1, 1, 1, 3, 'dd/MM/yyyy');
    expect(wb.sheet('S')!.displayValues()).toEqual([['1E+300', '-1E+16', '27/11/2019']]);
  });

  it('getDisplayValues goes through the service and counts', () => {
    const wb = withData([
      [1.5, 'x'],
      [true, 6301054708900001],
    ]);
    const r = runBody(
      `return SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:B2').getDisplayValues();`,
      wb,
    );
    expect(r.value).toEqual([
      ['1,5', 'x'],
      ['TRUE', '6,30105E+15'],
    ]);
    expect(r.calls['Range.getDisplayValues']).toBe(1);
    expect(r.cellsRead).toBe(4);
  });
});

describe('a time-only cell in Asia/Makassar (1899 local mean time)', () => {
  // The user types 19:00. Sheets stores the day fraction; getValues gives the Date 1899-12-30T11:00:00Z (the wall
  // clock converted with the modern +08:00 offset). Read in Asia/Makassar, whose 1899 offset is +07:57:36, that
  // instant is 18:57:36, so a script taking the time from the Date sees 18:58 (rounded) instead of 19:00.
  const wb = new Workbook();
  wb.addSheet('Sesi', [['Jam'], ['19:00']]);
  const emu = emulatorFor(
    `function main() {
      var r = SpreadsheetApp.getActive().getSheetByName('Sesi').getRange('A2');
      var d = r.getValue();
      return [d instanceof Date, d.getTime(), Utilities.formatDate(d, 'Asia/Makassar', 'yyyy-MM-dd HH:mm:ss'),
              Utilities.formatDate(d, 'GMT+08:00', 'HH:mm'), r.getDisplayValue()];
    }`,
    wb,
  );

  it('reads back as 18:57:36 in the zone but displays 19.00.00', () => {
    const r = emu.run('main');
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([true, Date.UTC(1899, 11, 30, 11, 0, 0), '1899-12-30 18:57:36', '19:00', '19.00.00']);
  });

  it('writing that Date back keeps the cell at 19:00', () => {
    const r = emulatorFor(
      `function main() { var r = SpreadsheetApp.getActive().getSheetByName('Sesi').getRange('A2'); r.setValue(r.getValue()); }`,
      wb,
    ).run('main');
    expect(r.error).toBeUndefined();
    expect(wb.sheet('Sesi')!.displayValues()[1]).toEqual(['19.00.00']);
  });
});
