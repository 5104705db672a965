/**
 * A tab as it prints and as a script reads it back, for comparing two tabs cell by cell: every
 * cell's value, formats (each property with Sheets' default where none was set, so "never set"
 * and "set to the default" compare equal), borders, note and validation; merges, every row's
 * height, every column's width, the size and the frozen rows.
 */
import type { SheetModel } from '../../emulator/workbook';

export function sheetState(sheet: SheetModel): Record<string, unknown> {
  const cells: unknown[] = [];
  for (let r = 1; r <= sheet.maxRows; r++) {
    for (let c = 1; c <= sheet.maxCols; c++) cells.push(cellOf(sheet, r, c));
  }
  return {
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    frozenRows: sheet.frozenRows,
    hidden: sheet.hidden,
    heights: Array.from({ length: sheet.maxRows }, (_, i) => sheet.rowHeights[i + 1] ?? 21),
    widths: Array.from({ length: sheet.maxCols }, (_, i) => sheet.colWidths[i + 1] ?? 100),
    merges: sheet.merges
      .map((m) => `${m.row},${m.col},${m.numRows},${m.numCols}`)
      .sort()
      .join(' '),
    cells,
    charts: sheet.charts.length,
  };
}

function cellOf(sheet: SheetModel, row: number, column: number): unknown {
  const d = sheet.getCell(row, column);
  const border = d?.border ?? {};
  return {
    value: d?.value ?? '',
    formula: d?.formula ?? '',
    numberFormat: d?.numberFormat ?? '',
    background: d?.background ?? '#ffffff',
    fontWeight: d?.fontWeight ?? 'normal',
    fontStyle: d?.fontStyle ?? 'normal',
    fontSize: d?.fontSize ?? 10,
    fontLine: d?.fontLine ?? 'none',
    fontColor: d?.fontColor ?? '#000000',
    fontFamily: d?.fontFamily ?? 'Arial',
    horizontal: d?.horizontalAlignment ?? 'general',
    vertical: d?.verticalAlignment ?? 'bottom',
    wrap: d?.wrap ?? false,
    wrapStrategy: d?.wrapStrategy ?? (d?.wrap ? 'WRAP' : 'OVERFLOW'),
    note: d?.note ?? '',
    validation: d?.dataValidation ? JSON.stringify(d.dataValidation) : '',
    border: (['top', 'left', 'bottom', 'right'] as const)
      .map((side) => (border[side] ? `${side}:${border[side]!.color}:${border[side]!.style}` : ''))
      .join('|'),
  };
}
