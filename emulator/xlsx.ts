/**
 * Excel export/import of a Workbook with exceljs: values (text-formatted cells as text, Dates as dates), number
 * formats, fonts, fills, borders, merges, wrap, alignment, column widths ((px − 5)/7 characters), row heights (px×0.75 pt),
 * frozen panes, notes (as comments), list/checkbox validations, hidden sheets and A4 page setup.
 * Embedded charts are exported too (not imported): exceljs cannot write charts, so exportXlsx adds them to the
 * package exceljs wrote (xlsxCharts.ts).
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { addChartsToXlsx } from './xlsxCharts';
import { DAY_MS, dateToSerial, serialToDate } from './time';
import { isAutomaticFormat } from './format';
import { DEFAULTS, Workbook, type BorderSide, type CellData, type CellValue } from './workbook';

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

const BORDER_TO_XLSX: Record<string, ExcelJS.BorderStyle> = {
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DASHED: 'dashed',
  DOTTED: 'dotted',
  DOUBLE: 'double',
};
const BORDER_FROM_XLSX: Record<string, string> = {
  thin: 'SOLID',
  hair: 'SOLID',
  medium: 'SOLID_MEDIUM',
  thick: 'SOLID_THICK',
  dashed: 'DASHED',
  mediumDashed: 'DASHED',
  dotted: 'DOTTED',
  double: 'DOUBLE',
};

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase().padStart(6, '0')}`;
const hexOf = (color: Partial<ExcelJS.Color> | undefined): string | undefined =>
  color?.argb ? `#${color.argb.slice(-6).toLowerCase()}` : undefined;

/** Sheets date tokens → Excel (lower-case month/day/year tokens; Excel reads m after h as minutes too). */
function toExcelFormat(format: string): string {
  return format.replace(/"[^"]*"|[dDyYM]+/g, (m) => (m.startsWith('"') ? m : m.toLowerCase()));
}

function wallDate(d: Date, tz: string): Date {
  return new Date(SERIAL_EPOCH_UTC + dateToSerial(d, tz) * DAY_MS);
}

function automaticDateFormat(d: Date, tz: string): string {
  const serial = dateToSerial(d, tz);
  if (serial >= 0 && serial < 1) return 'h:mm:ss';
  return Math.abs(serial - Math.round(serial)) < 1e-9 ? 'dd/mm/yyyy' : 'dd/mm/yyyy h:mm:ss';
}

function border(side: BorderSide | undefined): Partial<ExcelJS.Border> | undefined {
  return side ? { style: BORDER_TO_XLSX[side.style] ?? 'thin', color: { argb: argb(side.color) } } : undefined;
}

export async function exportXlsx(wb: Workbook, path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Apps Script emulator';
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views:
        sheet.frozenRows || sheet.frozenColumns
          ? [
              {
                state: 'frozen',
                xSplit: sheet.frozenColumns,
                ySplit: sheet.frozenRows,
                showGridLines: !sheet.hiddenGridlines,
              },
            ]
          : [{ showGridLines: !sheet.hiddenGridlines }],
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    });
    if (sheet.pageSetup) {
      ws.pageSetup = {
        paperSize: (sheet.pageSetup.paperSize === 'A4' ? 9 : undefined) as ExcelJS.PaperSize | undefined,
        orientation: sheet.pageSetup.orientation,
        ...(sheet.pageSetup.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        // Sheets' "Normal" margins preset (0.75 in top and bottom, 0.7 in left and right): what Sheets prints
        // by default, which the add-on's printed tabs are laid out for (src/core/printPages.ts).
        margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      };
    }
    // Excel widths are in characters of the default font (Calibri 11: 7 px per digit plus 5 px padding).
    for (const [col, px] of Object.entries(sheet.colWidths))
      ws.getColumn(Number(col)).width = Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
    for (const [row, px] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = px * 0.75;
    sheet.rows.forEach((line, r) =>
      line?.forEach((data, c) => {
        if (data) writeCell(ws.getCell(r + 1, c + 1), data, wb.timeZone);
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
  }
  const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
  await writeFile(path, await addChartsToXlsx(xlsx, wb));
}

const CHECKED = '☑';
const UNCHECKED = '☐';

function writeCell(cell: ExcelJS.Cell, data: CellData, tz: string): void {
  const text = data.numberFormat === '@';
  if (data.formula) cell.value = { formula: data.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  else if (data.value instanceof Date) {
    cell.value = wallDate(data.value, tz);
    cell.numFmt = isAutomaticFormat(data.numberFormat)
      ? automaticDateFormat(data.value, tz)
      : toExcelFormat(data.numberFormat as string);
  } else if (data.dataValidation?.criteria === 'CHECKBOX') {
    // Excel has no checkbox cell: a ballot box prints and reads like Sheets' checkbox (TRUE/FALSE would print as words).
    cell.value = data.value === true ? CHECKED : UNCHECKED;
  } else if (data.value !== '') cell.value = text ? String(data.value) : data.value;
  if (data.numberFormat && !isAutomaticFormat(data.numberFormat) && !(data.value instanceof Date))
    cell.numFmt = toExcelFormat(data.numberFormat);
  // Sheets' defaults are Arial 10; say so on every cell so Excel/LibreOffice render what Sheets shows.
  const font: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
  if (data.fontWeight === 'bold') font.bold = true;
  if (data.fontStyle === 'italic') font.italic = true;
  if (data.fontColor) font.color = { argb: argb(data.fontColor) };
  if (data.fontSize) font.size = data.fontSize;
  if (data.fontFamily) font.name = data.fontFamily;
  if (data.fontLine === 'underline') font.underline = true;
  if (data.fontLine === 'line-through') font.strike = true;
  cell.font = font;
  if (data.background && data.background !== DEFAULTS.background) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(data.background) } };
  }
  if (data.border) {
    const b: Partial<ExcelJS.Borders> = {};
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      const x = border(data.border[side]);
      if (x) b[side] = x;
    }
    cell.border = b;
  }
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (data.horizontalAlignment && data.horizontalAlignment !== 'general') {
    alignment.horizontal = data.horizontalAlignment.replace('normal', 'left') as ExcelJS.Alignment['horizontal'];
  }
  if (data.verticalAlignment)
    alignment.vertical = (
      data.verticalAlignment === 'center' ? 'middle' : data.verticalAlignment
    ) as ExcelJS.Alignment['vertical'];
  if (data.wrap || data.wrapStrategy === 'WRAP') alignment.wrapText = true;
  if (Object.keys(alignment).length) cell.alignment = alignment;
  if (data.note) cell.note = data.note;
  const dv = data.dataValidation;
  if (dv && (dv.criteria === 'VALUE_IN_LIST' || dv.criteria === 'CHECKBOX')) {
    const values = dv.criteria === 'CHECKBOX' ? [CHECKED, UNCHECKED] : (dv.criteriaValues[0] as string[]);
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.map((v) => String(v).replace(/"/g, '""')).join(',')}"`],
      showErrorMessage: !dv.allowInvalid,
      ...(dv.helpText ? { showInputMessage: true, prompt: dv.helpText } : {}),
    };
  }
}

/** Reads values and basic formats back into a Workbook (time zone and locale are the Workbook defaults). */
export async function importXlsx(path: string, opts: { timeZone?: string; locale?: string } = {}): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const wb = new Workbook(opts);
  book.eachSheet((ws) => {
    const sheet = wb.createSheet(ws.name, wb.sheets.length);
    sheet.maxRows = Math.max(DEFAULTS.rows, ws.rowCount);
    sheet.maxCols = Math.max(DEFAULTS.columns, ws.columnCount);
    sheet.hidden = ws.state !== 'visible';
    const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenColumns = view.xSplit ?? 0;
    }
    if (ws.pageSetup?.paperSize === 9)
      sheet.pageSetup = {
        paperSize: 'A4',
        orientation: ws.pageSetup.orientation === 'landscape' ? 'landscape' : 'portrait',
      };
    ws.columns?.forEach((col, i) => {
      if (col.width) sheet.colWidths[i + 1] = Math.round(col.width * 7 + 5);
    });
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) sheet.rowHeights[r] = Math.round(row.height / 0.75);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const data = sheet.cellData(r, c);
        readCell(cell, data, wb.timeZone);
      });
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const ref of merges) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (!m) continue;
      const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      sheet.merges.push({
        row: Number(m[2]),
        col: col(m[1]),
        numRows: Number(m[4]) - Number(m[2]) + 1,
        numCols: col(m[3]) - col(m[1]) + 1,
      });
    }
  });
  return wb;
}

function readCell(cell: ExcelJS.Cell, data: CellData, tz: string): void {
  const v = cell.value;
  let value: CellValue = '';
  if (v instanceof Date) value = serialToDate((v.getTime() - SERIAL_EPOCH_UTC) / DAY_MS, tz);
  else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') value = v;
  else if (v && typeof v === 'object') {
    if ('formula' in v) data.formula = `=${(v as ExcelJS.CellFormulaValue).formula}`;
    else if ('richText' in v) value = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    else if ('text' in v) value = String((v as ExcelJS.CellHyperlinkValue).text);
  }
  data.value = value;
  if (cell.numFmt) {
    data.numberFormat =
      value instanceof Date && /^(dd\/mm\/yyyy|h:mm:ss|dd\/mm\/yyyy h:mm:ss)$/.test(cell.numFmt)
        ? undefined
        : cell.numFmt.replace(/yyyy|dd|mmmm/g, (m) => (m === 'mmmm' ? 'MMMM' : m));
    if (data.numberFormat === undefined) delete data.numberFormat;
    else if (/^d+\/m+\/y+$/i.test(data.numberFormat) || /^y+-m+-d+$/i.test(data.numberFormat))
      data.numberFormat = data.numberFormat.replace(/m+/g, (m) => m.toUpperCase());
  }
  if (cell.font?.bold) data.fontWeight = 'bold';
  if (cell.font?.italic) data.fontStyle = 'italic';
  const fc = hexOf(cell.font?.color);
  if (fc) data.fontColor = fc;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = hexOf(fill.fgColor);
    if (bg) data.background = bg;
  }
  if (cell.alignment?.horizontal) data.horizontalAlignment = cell.alignment.horizontal;
  if (cell.alignment?.vertical)
    data.verticalAlignment = cell.alignment.vertical === 'middle' ? 'middle' : cell.alignment.vertical;
  if (cell.alignment?.wrapText) {
    data.wrap = true;
    data.wrapStrategy = 'WRAP';
  }
  if (cell.border) {
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      const b = cell.border[side];
      if (b?.style)
        (data.border ??= {})[side] = {
          style: BORDER_FROM_XLSX[b.style] ?? 'SOLID',
          color: hexOf(b.color) ?? '#000000',
        };
    }
  }
  const note = cell.note as string | { texts?: Array<{ text: string }> } | undefined;
  if (typeof note === 'string') data.note = note;
  else if (note?.texts) data.note = note.texts.map((t) => t.text).join('');
  const dv = cell.dataValidation;
  if (dv?.type === 'list' && dv.formulae?.[0]) {
    const f = String(dv.formulae[0]);
    if (f.startsWith('"')) {
      const values = f
        .slice(1, -1)
        .split(',')
        .map((s) => s.replace(/""/g, '"'));
      const checkbox = values.join(',') === 'TRUE,FALSE' || values.join(',') === `${CHECKED},${UNCHECKED}`;
      if (checkbox && (data.value === CHECKED || data.value === UNCHECKED)) data.value = data.value === CHECKED;
      data.dataValidation = checkbox
        ? { criteria: 'CHECKBOX', criteriaValues: [], allowInvalid: false, helpText: '' }
        : {
            criteria: 'VALUE_IN_LIST',
            criteriaValues: [values, true],
            allowInvalid: !dv.showErrorMessage,
            helpText: dv.prompt ?? '',
          };
    }
  }
}
