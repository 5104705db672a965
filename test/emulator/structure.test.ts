import { Workbook } from '../../emulator';
import { emulatorFor, withData } from './helpers';

describe('formats, merges, validations, protections and charts', () => {
  const wb = withData([
    ['Nama', 'Hadir', 'Nilai'],
    ['Siti', '', 80],
    ['Budi', '', 75],
  ]);
  const emu = emulatorFor(
    `function build() {
      var sh = SpreadsheetApp.getActive().getSheetByName('Data');
      sh.getRange('A1:C1').setFontWeight('bold').setBackground('#D9EAD3').setFontColor('#000').setHorizontalAlignment('center').setWrap(true);
      sh.getRange('A1').setNote('Diisi panitia');
      sh.getRange('A5:C5').merge().setValue('Judul');
      sh.getRange('B2:B3').insertCheckboxes();
      sh.getRange('B2').check();
      sh.getRange('C2:C3').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).setAllowInvalid(false).setHelpText('0–100').build());
      sh.getRange('A2:A3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Siti', 'Budi'], true).build());
      sh.getRange('A1:C3').setBorder(true, true, true, true, true, true, '#666666', SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
      sh.setFrozenRows(1); sh.setColumnWidth(1, 180); sh.setRowHeight(1, 40);
      sh.getRange('A1:C1').protect().setDescription('Header').setWarningOnly(true);
      var chart = sh.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sh.getRange('A1:C3')).setPosition(7, 1, 0, 0).setOption('title', 'Nilai').build();
      sh.insertChart(chart);
      var dv = sh.getRange('C2').getDataValidation();
      return [sh.getRange('A5:C5').isPartOfMerge(), sh.getRange('B5').getMergedRanges()[0].getA1Notation(), sh.getRange('B2:B3').isChecked(), sh.getRange('B2').isChecked(),
              String(dv.getCriteriaType()), dv.getCriteriaValues(), dv.getHelpText(), dv.getAllowInvalid(),
              sh.getRange('A2').getDataValidation().getCriteriaValues(), sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getDescription(),
              sh.getCharts()[0].getOptions().get('title'), sh.getRange('A1:C1').getFontWeights(), sh.getRange('B1').getBackground(), sh.getRange('A1').getNote(),
              sh.getRange('B2:B3').getValues()];
    }
    function unmerge() { SpreadsheetApp.getActive().getSheetByName('Data').getRange('A5:C5').breakApart(); }`,
    wb,
  );
  const r = emu.run('build');

  it('returns what the script reads back', () => {
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([
      true,
      'A5:C5',
      null,
      true,
      'NUMBER_BETWEEN',
      [0, 100],
      '0–100',
      false,
      [['Siti', 'Budi'], true],
      'Header',
      'Nilai',
      [['bold', 'bold', 'bold']],
      '#d9ead3',
      'Diisi panitia',
      [[true], [false]],
    ]);
  });

  it('records everything on the model', () => {
    const s = wb.sheet('Data')!;
    expect(s.cell(1, 2)).toMatchObject({
      fontWeight: 'bold',
      background: '#d9ead3',
      fontColor: '#000000',
      horizontalAlignment: 'center',
      wrap: true,
    });
    expect(s.cell(1, 1).note).toBe('Diisi panitia');
    expect(s.merges).toEqual([{ row: 5, col: 1, numRows: 1, numCols: 3 }]);
    expect(s.cell(2, 2).dataValidation).toEqual({
      criteria: 'CHECKBOX',
      criteriaValues: [],
      allowInvalid: false,
      helpText: '',
    });
    expect(s.cell(2, 1).dataValidation).toEqual({
      criteria: 'VALUE_IN_LIST',
      criteriaValues: [['Siti', 'Budi'], true],
      allowInvalid: true,
      helpText: '',
    });
    expect(s.cell(1, 1).border).toEqual({
      top: { color: '#666666', style: 'SOLID_MEDIUM' },
      bottom: { color: '#666666', style: 'SOLID_MEDIUM' },
      left: { color: '#666666', style: 'SOLID_MEDIUM' },
      right: { color: '#666666', style: 'SOLID_MEDIUM' },
    });
    expect([s.frozenRows, s.columnWidth(1), s.columnWidth(2), s.rowHeight(1), s.rowHeight(2)]).toEqual([
      1, 180, 100, 40, 21,
    ]);
    expect(s.protections).toEqual([
      expect.objectContaining({
        type: 'RANGE',
        range: { row: 1, col: 1, numRows: 1, numCols: 3 },
        description: 'Header',
        warningOnly: true,
      }),
    ]);
    expect(s.charts).toEqual([
      expect.objectContaining({
        type: 'COLUMN',
        ranges: ['A1:C3'],
        position: { row: 7, col: 1, offsetX: 0, offsetY: 0 },
        options: { title: 'Nilai' },
      }),
    ]);
  });

  it('snapshots are JSON-able deep copies that restore the same workbook', () => {
    const snap = wb.snapshot();
    const restored = Workbook.fromSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(restored.snapshot()).toEqual(snap);
    emu.run('unmerge');
    expect(wb.sheet('Data')!.merges).toEqual([]);
    expect(restored.sheet('Data')!.merges).toHaveLength(1);
  });

  it('refuses to merge across part of an existing merge', () => {
    const e = emulatorFor(
      `function f() { var sh = SpreadsheetApp.getActive().getSheetByName('Data'); sh.getRange('A1:B1').merge(); sh.getRange('B1:C1').merge(); }`,
      withData(),
    ).run('f');
    expect(e.error?.message).toBe('You must select all cells in a merged range to merge or unmerge them.');
  });
});

describe('sheets and the spreadsheet', () => {
  it('inserts, renames, moves, hides and deletes sheets; A1 with sheet names', () => {
    const wb = withData([['x']]);
    const r = emulatorFor(
      `function f() {
      var ss = SpreadsheetApp.getActive();
      var a = ss.insertSheet('Peserta Sesi 1', 0);
      var out = [ss.getSheets().map(function (s) { return s.getName(); }), ss.getActiveSheet().getName(), a.getIndex()];
      ss.getRange("'Peserta Sesi 1'!B2").setValue('ok');
      out.push(a.getRange('B2').getValue(), ss.getRange('Data!A1').getValue());
      a.setName('Peserta'); a.hideSheet(); out.push(a.isSheetHidden());
      try { ss.deleteSheet(ss.getSheetByName('Data')); } catch (e) { out.push(e.message); }
      a.showSheet(); ss.deleteSheet(ss.getSheetByName('Data'));
      out.push(ss.getNumSheets(), ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale());
      return out;
    }`,
      wb,
    ).run('f');
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([
      ['Peserta Sesi 1', 'Data'],
      'Peserta Sesi 1',
      1,
      'ok',
      'x',
      true,
      "You can't remove all the visible sheets in a document.",
      1,
      'Asia/Makassar',
      'id_ID',
    ]);
    expect(wb.sheetNames()).toEqual(['Peserta']);
  });

  it('clears contents and formats separately', () => {
    const wb = withData([['a', 'b']]);
    wb.sheet('Data')!.setBackground(1, 1, '#ff0000');
    emulatorFor(
      `function f() { var r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:B1'); r.clearContent(); }`,
      wb,
    ).run('f');
    expect(wb.sheet('Data')!.cell(1, 1)).toMatchObject({ value: '', background: '#ff0000' });
    emulatorFor(
      `function f() { SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:B1').clear(); }`,
      wb,
    ).run('f');
    expect(wb.sheet('Data')!.cell(1, 1).background).toBe('#ffffff');
  });
});
