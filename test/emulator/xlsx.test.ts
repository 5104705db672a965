import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportXlsx, importXlsx, Workbook } from '../../emulator';
import { addChartsToXlsx } from '../../emulator/xlsxCharts';
import { chartSpaceXml } from '../../emulator/xlsxChartsXml';
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

// ---- charts ------------------------------------------------------------------------------------------------------

const SEASON = "Rekap Kehadiran (Jum'at)";

/** 'Rekap Seleksi' with a note on A1 and three charts; a second sheet with a line chart placed by pixel offsets. */
function withCharts(): Workbook {
  const wb = new Workbook({ name: 'Rekap' });
  const s = wb.addSheet('Rekap Seleksi');
  s.setValues(1, 1, [
    ['Rekap Seleksi'],
    [''],
    [''],
    ['Kabupaten/Kota', 'Lulus', 'Cadangan', 'Tidak Lulus'],
    ['Banjar', 4, 2, 1],
    ['Tanah Laut', 3, 1, 5],
    ['Tapin', 2, 0, 3],
    [''],
    ['Jenis kelamin', 'Jumlah'],
    ['Laki-laki (L)', 7],
    ['Perempuan (P)', 5],
    [''],
    ['Sesi', 'Kehadiran'],
    ['Sesi 1', 0.5],
    ['Sesi 2', 0.8],
    ['Sesi 3', 1],
  ]);
  s.setNumberFormat(14, 2, 3, 1, '0%');
  wb.addSheet(SEASON, [
    ['Tanggal', 'Hadir', 'Diundang'],
    ['Senin', 12, 20],
    ['Selasa', 15, 20],
  ]);
  const emu = emulatorFor(
    `function f() {
    var ss = SpreadsheetApp.getActive();
    var sh = ss.getSheetByName('Rekap Seleksi');
    sh.getRange('A1').setNote('Dibuat add-on');
    sh.insertChart(sh.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sh.getRange('A4:D7'))
      .setPosition(4, 6, 0, 0).setOption('title', 'Hasil per kabupaten/kota').setNumHeaders(1)
      .setOption('isStacked', true).setOption('vAxis', {format: '0', title: 'Kandidat'}).build());
    sh.insertChart(sh.newChart().setChartType(Charts.ChartType.PIE).addRange(sh.getRange('A9:B11'))
      .setPosition(24, 6, 0, 0).setOption('title', 'Kandidat menurut jenis kelamin')
      .setOption('width', 400).setOption('height', 300).setOption('legend', {position: 'bottom'}).build());
    sh.insertChart(sh.newChart().setChartType(Charts.ChartType.BAR).addRange(sh.getRange('A13:A16'))
      .addRange(sh.getRange('B13:B16')).setPosition(4, 16, 10, 5).setOption('title', 'Tingkat kehadiran')
      .setOption('hAxis', {format: '0%'}).setOption('legend', 'none').build());
    var other = ss.getSheetByName("${SEASON}");
    other.insertChart(other.newChart().asLineChart().addRange(other.getRange('A1:C3'))
      .setPosition(2, 2, 150, 30).setOption('title', 'Hadir per hari').build());
  }`,
    wb,
  );
  const r = emu.run('f');
  if (r.error) throw new Error(r.error.message);
  return wb;
}

const text = async (zip: JSZip, name: string) => {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is not in the package`);
  return file.async('string');
};
const attrsOf = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])) as Record<string, string>;
const tags = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const between = (xml: string, open: string, close: string) =>
  [...xml.matchAll(new RegExp(`<${open}>(.*?)</${close}>`, 'g'))].map((m) => m[1]);

/** Relationship id → {type (last path segment), target (package path)} of `part`. */
async function relsOf(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const dir = path.posix.dirname(part);
  const xml = await text(zip, `${dir}/_rels/${path.posix.basename(part)}.rels`);
  return new Map(
    tags(xml, 'Relationship').map((t) => {
      const a = attrsOf(t);
      return [a.Id, { type: a.Type.split('/').pop()!, target: path.posix.join(dir, a.Target) }];
    }),
  );
}

/** The chart parts a drawing's anchors point at, in anchor order, with the anchors' placement. */
async function anchorsOf(zip: JSZip, drawing: string) {
  const xml = await text(zip, drawing);
  const rels = await relsOf(zip, drawing);
  return [...xml.matchAll(/<xdr:oneCellAnchor>(.*?)<\/xdr:oneCellAnchor>/g)].map(([, a]) => ({
    from: ['col', 'colOff', 'row', 'rowOff'].map((k) => Number(new RegExp(`<xdr:${k}>(\\d+)<`).exec(a)![1])),
    ext: attrsOf(tags(a, 'xdr:ext')[0]),
    chart: rels.get(attrsOf(tags(a, 'c:chart')[0])['r:id'])!,
  }));
}

describe('xlsx export of charts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-xlsx-charts-'));
  const file = path.join(dir, 'charts.xlsx');
  const wb = withCharts();
  let zip: JSZip;
  let sheet1: string;
  let drawing1: string;

  beforeAll(async () => {
    await exportXlsx(wb, file);
    zip = await JSZip.loadAsync(fs.readFileSync(file));
    sheet1 = await text(zip, 'xl/worksheets/sheet1.xml');
    const rels = await relsOf(zip, 'xl/worksheets/sheet1.xml');
    drawing1 = rels.get(attrsOf(tags(sheet1, 'drawing')[0])['r:id'])!.target;
  });

  it('writes one chart part per chart, each referenced once from its sheet’s drawing', async () => {
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
    ]);
    const sheet2 = await text(zip, 'xl/worksheets/sheet2.xml');
    const drawing2 = (await relsOf(zip, 'xl/worksheets/sheet2.xml')).get(attrsOf(tags(sheet2, 'drawing')[0])['r:id'])!;
    expect(drawing2.type).toBe('drawing');
    expect(drawing2.target).not.toBe(drawing1);
    const targets = [...(await anchorsOf(zip, drawing1)), ...(await anchorsOf(zip, drawing2.target))].map(
      (a) => a.chart,
    );
    expect(targets.every((t) => t.type === 'chart')).toBe(true);
    expect(targets.map((t) => t.target).sort()).toEqual(charts.sort());
  });

  it('declares every new part in [Content_Types].xml', async () => {
    const types = new Map(
      tags(await text(zip, '[Content_Types].xml'), 'Override').map((t) => [
        attrsOf(t).PartName,
        attrsOf(t).ContentType,
      ]),
    );
    for (let n = 1; n <= 4; n++)
      expect(types.get(`/xl/charts/chart${n}.xml`)).toBe(
        'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
      );
    expect(types.get(`/${drawing1}`)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    expect(types.get('/xl/drawings/drawing2.xml')).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    for (const part of types.keys()) expect(zip.file(part.slice(1))).not.toBeNull();
  });

  it('maps type, stacking, title, axes and legend of each chart', async () => {
    const [column, pie, bar] = await Promise.all(
      (await anchorsOf(zip, drawing1)).map((a) => text(zip, a.chart.target)),
    );
    expect(column).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(column).toContain('<c:overlap val="100"/>');
    expect(between(column, 'c:title><c:tx><c:rich>.*?<a:t', 'a:t')[0]).toBe('Hasil per kabupaten/kota');
    expect(column).toMatch(
      /<c:valAx>.*<a:t>Kandidat<\/a:t>.*<c:numFmt formatCode="0" sourceLinked="0"\/>.*<c:majorUnit val="1"\/>/,
    );
    expect(column).toContain('<c:legendPos val="r"/>');

    expect(pie).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(pie).not.toContain('<c:catAx>');
    expect(tags(pie, 'c:ser')).toHaveLength(1);
    expect(pie).toContain('<c:legendPos val="b"/>');
    expect(pie).toContain('<a:t>Kandidat menurut jenis kelamin</a:t>');

    expect(bar).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(bar).not.toContain('<c:overlap');
    // hAxis is the horizontal axis, which on a BAR chart is the value axis (as in Google Charts).
    expect(bar).toMatch(/<c:valAx>.*<c:numFmt formatCode="0%" sourceLinked="0"\/>.*<\/c:valAx>/);
    expect(bar).not.toContain('<c:majorUnit');
    // Bars start at 0, as in Sheets (Excel and LibreOffice would start bars of 50–100 % near 50 %).
    expect(bar).toMatch(/<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><c:min val="0"\/>/);
    expect(bar).not.toContain('<c:legend>');
  });

  it('points series, names and categories at the right cells of the right sheet, with cached values', async () => {
    const [column, , bar] = await Promise.all((await anchorsOf(zip, drawing1)).map((a) => text(zip, a.chart.target)));
    const formulas = (xml: string) => between(xml, 'c:f', 'c:f');
    expect(formulas(column)).toEqual([
      "'Rekap Seleksi'!$B$4",
      "'Rekap Seleksi'!$A$5:$A$7",
      "'Rekap Seleksi'!$B$5:$B$7",
      "'Rekap Seleksi'!$C$4",
      "'Rekap Seleksi'!$A$5:$A$7",
      "'Rekap Seleksi'!$C$5:$C$7",
      "'Rekap Seleksi'!$D$4",
      "'Rekap Seleksi'!$A$5:$A$7",
      "'Rekap Seleksi'!$D$5:$D$7",
    ]);
    const firstSeries = between(column, 'c:ser', 'c:ser')[0];
    expect(between(firstSeries, 'c:v', 'c:v')).toEqual(['Lulus', 'Banjar', 'Tanah Laut', 'Tapin', '4', '3', '2']);
    // Two one-column ranges: the first gives the categories, the second the series.
    expect(formulas(bar)).toEqual([
      "'Rekap Seleksi'!$B$13",
      "'Rekap Seleksi'!$A$14:$A$16",
      "'Rekap Seleksi'!$B$14:$B$16",
    ]);
    expect(bar).toContain('<c:formatCode>0%</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>0.5</c:v>');
    const line = await text(zip, 'xl/charts/chart4.xml');
    expect(line).toContain('<c:lineChart>');
    expect(formulas(line)).toContain("'Rekap Kehadiran (Jum''at)'!$C$2:$C$3");
  });

  it('anchors each chart at its row and column, with its offsets and size', async () => {
    const anchors = await anchorsOf(zip, drawing1);
    expect(anchors.map((a) => a.from)).toEqual([
      [5, 0, 3, 0], // F4
      [5, 0, 23, 0], // F24
      [15, 10 * 9525, 3, 5 * 9525], // P4 + (10 px, 5 px)
    ]);
    expect(anchors.map((a) => [Number(a.ext.cx), Number(a.ext.cy)])).toEqual([
      [600 * 9525, 371 * 9525],
      [400 * 9525, 300 * 9525],
      [600 * 9525, 371 * 9525],
    ]);
    // 150 px right of B2 is 50 px into C (columns are 100 px); 30 px down is 9 px into row 3 (rows are 21 px).
    expect((await anchorsOf(zip, 'xl/drawings/drawing2.xml')).map((a) => a.from)).toEqual([
      [2, 50 * 9525, 2, 9 * 9525],
    ]);
  });

  it('keeps the notes (comments, VML legacy drawing) of a sheet that also has charts', async () => {
    const order = [...sheet1.matchAll(/<(drawing|legacyDrawing|pageSetup)\b/g)].map((m) => m[1]);
    expect(order).toEqual(['pageSetup', 'drawing', 'legacyDrawing']);
    const rels = await relsOf(zip, 'xl/worksheets/sheet1.xml');
    expect(rels.get(attrsOf(tags(sheet1, 'legacyDrawing')[0])['r:id'])?.type).toBe('vmlDrawing');
    expect([...rels.values()].map((r) => r.type).sort()).toEqual(['comments', 'drawing', 'vmlDrawing']);
    expect(new Set(rels.keys()).size).toBe(3);
    expect(await text(zip, 'xl/comments1.xml')).toContain('Dibuat add-on');
  });

  it('still opens in exceljs and importXlsx', async () => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(file);
    expect(x.getWorksheet('Rekap Seleksi')!.getCell('A1').note).toBe('Dibuat add-on');
    expect(x.getWorksheet(SEASON)!.getCell('B3').value).toBe(15);
    const back = await importXlsx(file);
    expect(back.sheet('Rekap Seleksi')!.cell(1, 1).note).toBe('Dibuat add-on');
    expect(back.sheet('Rekap Seleksi')!.values()).toEqual(wb.sheet('Rekap Seleksi')!.values());
  });

  it('adds charts to a drawing exceljs already wrote (an image) instead of a second drawing', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Rekap Seleksi');
    ws.getCell('A1').value = 'x';
    const png = Uint8Array.from(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    ).buffer; // a 1×1 PNG
    ws.addImage(book.addImage({ buffer: png, extension: 'png' }), 'C3:D5');
    const out = await addChartsToXlsx(new Uint8Array(await book.xlsx.writeBuffer()), withCharts());
    const z = await JSZip.loadAsync(out);
    const sheet = await text(z, 'xl/worksheets/sheet1.xml');
    expect(tags(sheet, 'drawing')).toHaveLength(1);
    expect(Object.keys(z.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toEqual([
      'xl/drawings/drawing1.xml',
    ]);
    const drawing = await text(z, 'xl/drawings/drawing1.xml');
    expect(drawing).toContain('<xdr:pic>');
    expect(await anchorsOf(z, 'xl/drawings/drawing1.xml')).toHaveLength(3);
    const ids = tags(drawing, 'xdr:cNvPr').map((t) => attrsOf(t).id);
    expect(new Set(ids).size).toBe(4);
    const types = [...(await relsOf(z, 'xl/drawings/drawing1.xml')).values()].map((r) => r.type);
    expect(types.sort()).toEqual(['chart', 'chart', 'chart', 'image']);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(out.slice().buffer);
    expect(reread.getWorksheet('Rekap Seleksi')!.getImages()).toHaveLength(1);
  });

  it('writes no drawing for a workbook without charts', async () => {
    const plain = path.join(dir, 'plain.xlsx');
    await exportXlsx(sample(), plain);
    const z = await JSZip.loadAsync(fs.readFileSync(plain));
    expect(Object.keys(z.files).filter((n) => /^xl\/(charts|drawings)\/.*\.xml$/.test(n))).toEqual([]);
    expect(await text(z, 'xl/worksheets/sheet1.xml')).not.toMatch(/<drawing\b/);
  });

  it('sets whole-number steps on an integer value axis only while the maximum is small, and the axis range', () => {
    const small = wb.sheet('Rekap Seleksi')!;
    const chart = small.charts[0];
    expect(chartSpaceXml(small, chart)).toContain('<c:majorUnit val="1"/>');
    const big = new Workbook().addSheet('Besar', [
      ['Kab', 'Lulus'],
      ['Banjar', 40],
      ['Tapin', 3],
    ]);
    const onBig = { ...chart, ranges: ['A1:B3'], options: { vAxis: { format: '0' } } };
    expect(chartSpaceXml(big, onBig)).not.toContain('<c:majorUnit');
    expect(chartSpaceXml(big, { ...onBig, options: {} })).not.toContain('<c:numFmt');
    const windowed = { ...onBig, options: { vAxis: { viewWindow: { min: 5, max: 50 }, minValue: 1 } } };
    expect(chartSpaceXml(big, windowed)).toContain(
      '<c:scaling><c:orientation val="minMax"/><c:max val="50"/><c:min val="5"/>',
    );
  });
});
