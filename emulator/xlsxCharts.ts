/**
 * Adds the workbook's embedded charts to an .xlsx package written by exceljs, which has no chart support.
 *
 * For every sheet with charts: one xl/charts/chartN.xml per chart (see xlsxChartsXml.ts), anchored by an
 * `xdr:oneCellAnchor` (the model's row/column and pixel offsets, extent = options.width × height, Sheets' 600 × 371
 * px by default) in the sheet's drawing part, the drawing → chart and sheet → drawing relationships, the sheet's
 * `<drawing r:id>` element (in its schema position, before `legacyDrawing`, which carries the comments' VML) and the
 * [Content_Types].xml overrides. A sheet that already has a drawing (exceljs writes one for images) gets its
 * charts appended to that drawing.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { chartSpaceXml, escapeXml } from './xlsxChartsXml';
import type { ChartModel, SheetModel, Workbook } from './workbook';

const NS = {
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const EMU_PER_PX = 9525;
const DEFAULT_SIZE = { width: 600, height: 371 };

/** Worksheet children that come after `drawing` (CT_Worksheet sequence). */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

interface Relationship {
  id: string;
  type: string;
  target: string;
}

// ---- small XML and package helpers ------------------------------------------------------------------------------

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** The root element's direct children, by name and offset (enough to place an element in schema order). */
function topLevelChildren(xml: string): Array<{ name: string; index: number; tag: string }> {
  const children: Array<{ name: string; index: number; tag: string }> = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g)) {
    const [tag, closing, name, selfClosing] = m;
    if (closing) depth--;
    else {
      if (depth === 1) children.push({ name, index: m.index, tag });
      if (!selfClosing) depth++;
    }
  }
  return children;
}

/** Adds xmlns:prefix declarations the root element of `xml` lacks. */
function withNamespaces(xml: string, prefixes: Array<keyof typeof NS>): string {
  const root = /<(?!\?)[A-Za-z_][^>]*>/.exec(xml);
  if (!root) return xml;
  const missing = prefixes.filter((p) => !root[0].includes(`xmlns:${p}=`));
  if (!missing.length) return xml;
  const decls = missing.map((p) => ` xmlns:${p}="${NS[p]}"`).join('');
  const end = root.index + root[0].length - (root[0].endsWith('/>') ? 2 : 1);
  return xml.slice(0, end) + decls + xml.slice(end);
}

const relsPathOf = (part: string) => `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
const relativeTarget = (from: string, to: string) => path.posix.relative(path.posix.dirname(from), to);
const resolveTarget = (from: string, target: string) =>
  target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));

async function readText(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async('string');
}

async function readRels(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = (await readText(zip, relsPathOf(part))) ?? '';
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.Id, type: a.Type, target: a.Target };
  });
}

/** Adds a relationship from `part` to `target` (a package path) and returns its id. */
async function addRelationship(zip: JSZip, part: string, type: string, target: string): Promise<string> {
  const relsPath = relsPathOf(part);
  const xml =
    (await readText(zip, relsPath)) ??
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
  zip.file(relsPath, xml.replace('</Relationships>', `${rel}</Relationships>`));
  return id;
}

/** The first free N of parts named like `prefix` N `.xml`. */
function nextPartNumber(zip: JSZip, prefix: string): number {
  let max = 0;
  zip.forEach((name) => {
    const m = name.startsWith(prefix) ? /^(\d+)\.xml$/.exec(name.slice(prefix.length)) : null;
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

async function addContentTypes(zip: JSZip, overrides: Array<{ part: string; type: string }>): Promise<void> {
  let xml = (await readText(zip, '[Content_Types].xml')) ?? '';
  for (const { part, type } of overrides) {
    if (xml.includes(`PartName="/${part}"`)) continue;
    xml = xml.replace('</Types>', `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/></Types>`);
  }
  zip.file('[Content_Types].xml', xml);
}

/**
 * The worksheets in workbook order: their names in the file (exceljs cuts names to Excel's 31 characters) and parts
 * (xl/worksheets/sheetN.xml), from the workbook part and its relationships.
 */
async function worksheetParts(zip: JSZip): Promise<Array<{ name: string; part: string }>> {
  const workbook = (await readText(zip, 'xl/workbook.xml')) ?? '';
  const rels = new Map((await readRels(zip, 'xl/workbook.xml')).map((r) => [r.id, r.target]));
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { name: a.name ?? '', part: resolveTarget('xl/workbook.xml', rels.get(a['r:id']) ?? '') };
  });
}

// ---- drawing ----------------------------------------------------------------------------------------------------

/** Anchor cell (0-based) and the offsets within it, moving on to later cells while an offset exceeds the cell. */
export function anchorOf(sheet: SheetModel, chart: ChartModel): { col: number; row: number; dx: number; dy: number } {
  let col = Math.max(1, chart.position.col || 1);
  let row = Math.max(1, chart.position.row || 1);
  let dx = Math.max(0, chart.position.offsetX || 0);
  let dy = Math.max(0, chart.position.offsetY || 0);
  while (dx >= sheet.columnWidth(col) && sheet.columnWidth(col) > 0) dx -= sheet.columnWidth(col++);
  while (dy >= sheet.rowHeight(row) && sheet.rowHeight(row) > 0) dy -= sheet.rowHeight(row++);
  return { col: col - 1, row: row - 1, dx, dy };
}

function sizeOf(chart: ChartModel): { width: number; height: number } {
  const px = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
  return {
    width: px(chart.options.width, DEFAULT_SIZE.width),
    height: px(chart.options.height, DEFAULT_SIZE.height),
  };
}

function anchorXml(sheet: SheetModel, chart: ChartModel, relId: string, shapeId: number): string {
  const at = anchorOf(sheet, chart);
  const { width, height } = sizeOf(chart);
  const emu = (px: number) => Math.round(px * EMU_PER_PX);
  const name = escapeXml(typeof chart.options.title === 'string' && chart.options.title ? chart.options.title : '');
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>${emu(at.dx)}</xdr:colOff>` +
    `<xdr:row>${at.row}</xdr:row><xdr:rowOff>${emu(at.dy)}</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${emu(width)}" cy="${emu(height)}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="Chart ${shapeId}"` +
    `${name ? ` descr="${name}"` : ''}/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

/**
 * The sheet's drawing part: the one its `<drawing r:id>` names, or a new xl/drawings/drawingN.xml that the sheet
 * now points at (content type and relationship included).
 */
async function drawingFor(zip: JSZip, sheetPart: string, newParts: Array<{ part: string; type: string }>) {
  const sheetXml = (await readText(zip, sheetPart)) ?? '';
  const children = topLevelChildren(sheetXml);
  const existing = children.find((c) => c.name === 'drawing');
  if (existing) {
    const rel = (await readRels(zip, sheetPart)).find((r) => r.id === attributes(existing.tag)['r:id']);
    if (rel) return resolveTarget(sheetPart, rel.target);
  }
  const drawingPart = `xl/drawings/drawing${nextPartNumber(zip, 'xl/drawings/drawing')}.xml`;
  zip.file(drawingPart, `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`);
  newParts.push({ part: drawingPart, type: CONTENT_TYPE.drawing });
  const id = await addRelationship(zip, sheetPart, REL.drawing, drawingPart);
  const before = children.find((c) => AFTER_DRAWING.has(c.name));
  const at = before ? before.index : sheetXml.lastIndexOf('</');
  const element = `<drawing r:id="${id}"/>`;
  zip.file(sheetPart, withNamespaces(sheetXml.slice(0, at) + element + sheetXml.slice(at), ['r']));
  return drawingPart;
}

/** Writes one chart part per chart of `sheet` and appends their anchors to the sheet's drawing. */
async function addSheetCharts(
  zip: JSZip,
  sheet: SheetModel,
  worksheet: { name: string; part: string },
  newParts: Array<{ part: string; type: string }>,
): Promise<void> {
  const drawingPart = await drawingFor(zip, worksheet.part, newParts);
  let drawing = (await readText(zip, drawingPart)) ?? '';
  let shapeId = Math.max(1, ...[...drawing.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const anchors: string[] = [];
  for (const chart of sheet.charts) {
    const chartPart = `xl/charts/chart${nextPartNumber(zip, 'xl/charts/chart')}.xml`;
    zip.file(chartPart, chartSpaceXml(sheet, chart, worksheet.name));
    newParts.push({ part: chartPart, type: CONTENT_TYPE.chart });
    const relId = await addRelationship(zip, drawingPart, REL.chart, chartPart);
    anchors.push(anchorXml(sheet, chart, relId, shapeId++));
  }
  drawing = withNamespaces(drawing, ['xdr', 'a', 'c', 'r']);
  const end = drawing.lastIndexOf('</xdr:wsDr>');
  zip.file(drawingPart, drawing.slice(0, end) + anchors.join('') + drawing.slice(end));
}

/** The package `xlsx` with the charts of `wb` added (unchanged when there are none). */
export async function addChartsToXlsx(xlsx: Uint8Array, wb: Workbook): Promise<Uint8Array> {
  if (!wb.sheets.some((s) => s.charts.length > 0)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  // exceljs writes the worksheets in the order they were added, which is wb.sheets' order.
  const worksheets = await worksheetParts(zip);
  const newParts: Array<{ part: string; type: string }> = [];
  for (const [i, sheet] of wb.sheets.entries()) {
    const worksheet = worksheets[i];
    if (sheet.charts.length && worksheet && zip.file(worksheet.part))
      await addSheetCharts(zip, sheet, worksheet, newParts);
  }
  await addContentTypes(zip, newParts);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
