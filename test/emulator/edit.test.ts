import { Workbook } from '../../emulator';
import { emulatorFor } from './helpers';

const code = `function onEdit(e) {
  var r = e.range;
  Logger.log([String(e.authMode), r.getSheet().getName(), r.getA1Notation(), e.value, e.oldValue, e.user.getEmail(), e.source.getName(),
              typeof r.getValue()].join('|'));
  if (r.getColumn() === 2 && r.getNumRows() === 1) r.offset(0, 1).setValue('diubah');
}`;

function book(): Workbook {
  const wb = new Workbook({ name: 'Seleksi' });
  const s = wb.addSheet('Kandidat', [
    ['Nama', 'NIK', 'Status'],
    ['Siti', '', ''],
  ]);
  s.setNumberFormat(2, 2, 999, 1, '@');
  return wb;
}

describe('emu.edit', () => {
  it('types the value like a user and fires onEdit in LIMITED mode with a full event', () => {
    const emu = emulatorFor(code, book(), { user: 'op@example.id' });
    const r = emu.edit('Kandidat', 'B2', '6301054708900001');
    expect(r.error).toBeUndefined();
    expect(r.logs).toEqual(['LIMITED|Kandidat|B2|6301054708900001||op@example.id|Seleksi|string']);
    expect(emu.workbook.sheet('Kandidat')!.values()[1]).toEqual(['Siti', '6301054708900001', 'diubah']);
    expect(r.calls['Range.setValue']).toBe(1);
  });

  it('gives oldValue for single cells and numbers for numeric typing in general cells', () => {
    const emu = emulatorFor(code, book());
    const r = emu.edit('Kandidat', 'A2', '0812');
    expect(r.logs).toEqual(['LIMITED|Kandidat|A2|812|Siti|user@example.com|Seleksi|number']);
  });

  it('pastes a block: no value/oldValue, range covers the paste', () => {
    const emu = emulatorFor(code, book());
    const r = emu.edit('Kandidat', 'A3', [
      ['Budi', "'0812"],
      ['Ani', '=1+1'],
    ]);
    expect(r.logs).toEqual(['LIMITED|Kandidat|A3:B4|||user@example.com|Seleksi|string']);
    const s = emu.workbook.sheet('Kandidat')!;
    expect(s.values().slice(2)).toEqual([
      ['Budi', '0812', ''],
      ['Ani', '=1+1', ''],
    ]);
    expect(s.cell(4, 2).formula).toBe('');
    expect(s.cell(4, 2).value).toBe('=1+1'); // text-formatted column keeps it as text
  });

  it('just edits when the bundle has no onEdit', () => {
    const emu = emulatorFor('function other() {}', book());
    const r = emu.edit('Kandidat', 'C2', true);
    expect(r.totalCalls).toBe(0);
    expect(emu.workbook.sheet('Kandidat')!.cell(2, 3).value).toBe(true);
  });

  it('onEdit cannot open a sidebar (simple trigger)', () => {
    const emu = emulatorFor(
      `function onEdit(e) { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x')); }`,
      book(),
    );
    expect(emu.edit('Kandidat', 'A2', 'x').error?.message).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});
