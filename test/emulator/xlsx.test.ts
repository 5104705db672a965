import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportXlsx, importXlsx, Workbook } from '../../emulator';
import { emulatorFor } from './helpers';

function sample(): Workbook {
  const wb = new Workbook({ name: 'Daftar Hadir' });
  const s = wb.addSheet('Daftar Hadir');
  s.setNumberFormat(2, 3, 2, 1, '@');
  s.setValues(1, 1, [
    ['No', 'Nama', 'No. HP', 'Tanggal', 'Jam'],
    [1, 'Siti', '081234567890', '27/11/2019', '19:00'],
    [2, 'Budi', '6301054708900001', '28/11/2019', '8:30'],
  ]);
  s.pageSetup = { paperSize: 'A4', orientation: 'portrait' };
  const emu = emulatorFor(
    `function f() {
    var sh = SpreadsheetApp.getActive().getSheetByName('Daftar Hadir');
    sh.getRange('A1:E1').setFontWeight('bold').setBackground('#d9ead3').setFontColor('#1155cc').setBorder(true, true, true, true, true, true);
    sh.getRange('D2:D3').setNumberFormat('dd MMMM yyyy');
    sh.getRange('A5:E5').merge().setValue('Pelaihari, 27 November 2019').setHorizontalAlignment('right').setWrap(true);
    sh.getRange('A1').setNote('Dibuat add-on');
    sh.getRange('F2:F3').insertCheckboxes();
    sh.getRange('B2:B3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Siti', 'Budi']).setAllowInvalid(false).build());
    sh.setFrozenRows(1); sh.setColumnWidth(2, 210); sh.setRowHeight(1, 40);
    SpreadsheetApp.getActive().insertSheet('Tersembunyi').hideSheet();
  }`,
    wb,
  );
  const r = emu.run('f');
  if (r.error) throw new Error(r.error.message);
  return wb;
}

describe('xlsx export and import', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-xlsx-'));
  const file = path.join(dir, 'out.xlsx');
  const wb = sample();

  beforeAll(async () => {
    await exportXlsx(wb, file);
  });

  it('writes values, formats and layout that Excel understands', async () => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(file);
    const ws = x.getWorksheet('Daftar Hadir')!;
    expect(ws.getCell('C3').value).toBe('6301054708900001');
    expect(ws.getCell('C3').numFmt).toBe('@');
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(2019, 10, 27)));
    expect(ws.getCell('D2').numFmt).toBe('dd mmmm yyyy');
    expect(ws.getCell('E2').numFmt).toBe('h:mm:ss');
    expect((ws.getCell('E2').value as Date).toISOString()).toBe('1899-12-30T19:00:00.000Z');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF1155CC' } });
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } });
    expect(ws.getCell('A1').border.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A5').alignment).toMatchObject({ horizontal: 'right', wrapText: true });
    expect(ws.getCell('A5').isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(29.29); // (210 px − 5 px padding) / 7 px per character
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
    expect(ws.getCell('B2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Siti,Budi"'],
      showErrorMessage: true,
    });
    // A checkbox prints as a ballot box (Excel has no checkbox cell); importXlsx reads it back as a boolean.
    expect(ws.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"☑,☐"'] });
    expect(ws.getCell('F2').value).toBe('☐');
    expect(x.getWorksheet('Tersembunyi')!.state).toBe('hidden');
  });

  it('round-trips values and basic formats through importXlsx', async () => {
    const back = await importXlsx(file);
    expect(back.sheetNames()).toEqual(['Daftar Hadir', 'Tersembunyi']);
    const s = back.sheet('Daftar Hadir')!;
    expect(s.values()).toEqual(wb.sheet('Daftar Hadir')!.values());
    expect(s.displayValues()).toEqual(wb.sheet('Daftar Hadir')!.displayValues());
    expect(s.cell(1, 1)).toMatchObject({
      fontWeight: 'bold',
      background: '#d9ead3',
      fontColor: '#1155cc',
      note: 'Dibuat add-on',
    });
    expect(s.cell(3, 3).numberFormat).toBe('@');
    expect(s.merges).toEqual([{ row: 5, col: 1, numRows: 1, numCols: 5 }]);
    expect([s.frozenRows, s.columnWidth(2), s.rowHeight(1)]).toEqual([1, 210, 40]);
    expect(s.cell(2, 2).dataValidation).toEqual({
      criteria: 'VALUE_IN_LIST',
      criteriaValues: [['Siti', 'Budi'], true],
      allowInvalid: false,
      helpText: '',
    });
    expect(back.sheet('Tersembunyi')!.hidden).toBe(true);
    expect(s.pageSetup).toEqual({ paperSize: 'A4', orientation: 'portrait' });
  });
});
