/**
 * One attendance sheet (daftar hadir) as a layout, ready to print on A4 portrait: header block,
 * numbered table with the classic zig-zag signature column (odd numbers sign on the left, even on
 * the right), blank numbered rows for walk-ins, a summary line and the signature block. A `Hadir`
 * tick column records attendance afterwards; ticks are carried over when the tab is rebuilt.
 */
import { asText } from './cells';
import { formatDayAndDate, formatLongDate } from './dates';
import { type BlockFormat, type Layout, type RowHeights, rectangular } from './layout';
import type { FrameRows } from './templates';
import { fillerHeights, heightForLines, inRowUnits, PAGE_BODY, paginate, ROW_UNIT, wrappedLines } from './printPages';
import { showPersonal } from './privacy';
import type { Participant, Session } from './sessions';
import type { Settings } from './settings';
import { cellText, clip, matchKey } from './text';
import { type CellValue, type Grid, type Lang, pick } from './types';
import { UNSUR } from './vocab';

export const ATTENDANCE_PREFIX = 'DH ';
/** Column widths (px): 648 px, inside A4 portrait's 659 px at Sheets' Normal margins (core/printPages.ts). */
// Unsur and Jabatan are wide enough for "Calon Penyuluh Sosial" on two lines of 8-point text.
export const ATTENDANCE_WIDTHS = [26, 108, 26, 86, 86, 100, 80, 48, 48, 40];
const COLUMNS = ATTENDANCE_WIDTHS.length;
const TICK_COLUMN = 10;
const HEADER_BG = '#e8eaed';

/** `DH <Kode Sesi>`, within Sheets' 100-character limit. */
export function attendanceTabName(code: string): string {
  return `${ATTENDANCE_PREFIX}${code}`.slice(0, 100);
}

export function tickKey(name: string, institution: string, unsur: string): string {
  return `${matchKey(name)}|${matchKey(institution)}|${matchKey(unsur)}`;
}

const HEADERS = {
  id: ['No', 'Nama', 'L/P', 'Unsur', 'Jabatan', 'Instansi/Asal', 'No. HP', 'Tanda Tangan', '', 'Hadir'],
  en: ['No', 'Name', 'Sex', 'Group', 'Position', 'Institution', 'Phone', 'Signature', '', 'Hadir'],
};

export interface OldRow {
  name: string;
  sex: string;
  institution: string;
  unsur: string;
  ticked: boolean;
}

/**
 * The participant rows of an existing attendance tab, with their ticks: every numbered row below
 * the first table header, on every page (repeated headers, continuation lines and page footers
 * are not numbered).
 */
export function readAttendanceRows(values: Grid | undefined): OldRow[] {
  if (!values) return [];
  const header = values.findIndex((r) => cellText(r[0]) === 'No' && cellText(r[TICK_COLUMN - 1]) === 'Hadir');
  if (header < 0) return [];
  const out: OldRow[] = [];
  for (const row of values.slice(header + 1)) {
    if (typeof row[0] !== 'number' && !/^\d+$/.test(cellText(row[0]))) continue;
    if (cellText(row[1]) === '') continue; // a blank walk-in row
    out.push({
      name: cellText(row[1]),
      sex: cellText(row[2]),
      institution: cellText(row[5]),
      unsur: cellText(row[3]),
      ticked: row[TICK_COLUMN - 1] === true,
    });
  }
  return out;
}

/** Groups in the contract's order, then names alphabetically. */
export function orderParticipants(list: readonly Participant[]): Participant[] {
  return [...list].sort(
    (a, b) =>
      UNSUR.indexOf(a.unsur) - UNSUR.indexOf(b.unsur) || a.name.localeCompare(b.name, 'id') || a.sheetRow - b.sheetRow,
  );
}

export interface AttendanceInput {
  session: Session;
  participants: readonly Participant[];
  settings: Settings;
  lang: Lang;
  /** Ticks from the tab as it was, by tickKey. */
  ticks: ReadonlyMap<string, boolean>;
}

function timeText(session: Session, lang: Lang): string {
  const end = session.end ? `${session.end} ${session.zone}` : lang === 'en' ? 'until finished' : 'selesai';
  return `${lang === 'en' ? 'at' : 'pukul'} ${session.start} ${session.zone} – ${end}`;
}

function areaText(session: Session, lang: Lang): string {
  const parts = [
    session.village && `${lang === 'en' ? 'Village' : 'Desa/Kel.'} ${session.village}`,
    session.district && `Kec. ${session.district}`,
    session.regency,
    session.province,
  ];
  return parts.filter(Boolean).join(', ');
}

/** One row of the printed sheet: its cells, height and formats (columns are 1-based). */
interface PrintRow {
  values: CellValue[];
  height: number;
  formats: Array<Omit<BlockFormat, 'row' | 'rows'>>;
}

/** One line of 10-point text, and of a title: most rows share these, so their heights cost few calls. */
const LINE = heightForLines(1, 10);
const TITLE = 28;

/** Picks the sheet's language: t('Hadir', 'Present'). */
type Say = (id: string, en: string) => string;

type CellFormat = Omit<BlockFormat, 'row' | 'rows' | 'column' | 'columns'>;

function printRow(height: number, values: CellValue[] = [], ...formats: Array<Omit<BlockFormat, 'row' | 'rows'>>) {
  const cells = new Array<CellValue>(COLUMNS).fill('');
  values.forEach((v, i) => (cells[i] = v));
  return { values: cells, height, formats };
}

/** A line of text across the page (merged), as tall as its wrapped text needs. */
function bannerRow(text: string, format: CellFormat, from = 1, span = COLUMNS, minHeight = LINE): PrintRow {
  const width = ATTENDANCE_WIDTHS.slice(from - 1, from - 1 + span).reduce((a, b) => a + b, 0);
  const fontPt = format.fontSize ?? 10;
  const lines = format.wrap ? wrappedLines(text, width, fontPt, format.bold) : 1;
  const row = printRow(Math.max(minHeight, heightForLines(lines, fontPt)));
  row.values[from - 1] = asText(text);
  row.formats.push({ column: from, columns: span, merge: true, ...format });
  return row;
}

function headerBlock(input: AttendanceInput, t: Say): PrintRow[] {
  const { session, settings, lang } = input;
  const rows: PrintRow[] = [
    bannerRow(settings.organiser.toUpperCase(), { bold: true, horizontal: 'center', wrap: true }),
    bannerRow(
      t('DAFTAR HADIR', 'ATTENDANCE LIST (DAFTAR HADIR)'),
      { bold: true, fontSize: 14, horizontal: 'center' },
      1,
      COLUMNS,
      TITLE,
    ),
    bannerRow(
      session.name || session.code,
      { bold: true, fontSize: 12, horizontal: 'center', wrap: true },
      1,
      COLUMNS,
      TITLE,
    ),
    bannerRow(settings.activityName, { horizontal: 'center', wrap: true }),
    printRow(LINE),
  ];
  const info: Array<[string, string]> = [
    [t('Hari/Tanggal', 'Day/Date'), formatDayAndDate(session.date, lang)],
    [t('Waktu', 'Time'), timeText(session, lang)],
    [t('Tempat', 'Venue'), session.venue],
    [t('Wilayah', 'Area'), areaText(session, lang)],
  ];
  if (session.facilitator) info.push([t('Fasilitator', 'Facilitator'), session.facilitator]);
  for (const [label, value] of info) {
    const row = bannerRow(`: ${value}`, { wrap: true, vertical: 'top' }, 3, COLUMNS - 2);
    row.values[0] = label;
    row.formats.push({ column: 1, columns: 2, merge: true, bold: true, vertical: 'top' });
    rows.push(row);
  }
  // The gap before the table takes up the slack, so the block is a whole number of ROW_UNITs and
  // pages of equal rows need no odd filler row (each odd height costs a call).
  const height = rows.reduce((sum, r) => sum + r.height, 0);
  rows.push(printRow(Math.ceil((height + LINE) / ROW_UNIT) * ROW_UNIT - height));
  return rows;
}

function tableHeaderRow(lang: Lang): PrintRow {
  return printRow(
    ROW_UNIT,
    HEADERS[lang],
    { column: 1, columns: COLUMNS, bold: true, background: HEADER_BG, vertical: 'middle', fontSize: 9 },
    { column: 1, columns: 7, horizontal: 'center', wrap: true },
    { column: TICK_COLUMN, columns: 1, horizontal: 'center' },
    // "Tanda Tangan" spans both signature columns by overflowing into the empty right one (a merge
    // would cost a call per page); the line between them is taken out.
    { column: 8, columns: 2, borders: 'outline' },
  );
}

/** The columns whose wrapped text decides a participant row's height. */
const TEXT_COLUMNS = [2, 4, 5, 6] as const;

function participantRow(p: Participant, n: number, input: AttendanceInput): PrintRow {
  const { settings } = input;
  const phone =
    cellText(p.phone) === '' ? '' : showPersonal('No. HP', p.phone, p.phoneShown, settings.maskPersonalData);
  const ticked = input.ticks.get(tickKey(p.name, p.institution, p.unsur)) === true;
  const values: CellValue[] = [
    n,
    asText(p.name),
    p.sex,
    p.unsur,
    asText(p.position),
    asText(p.institution),
    asText(phone),
    ...zigzag(n),
    ticked,
  ];
  const lines = Math.max(
    ...TEXT_COLUMNS.map((c) => wrappedLines(cellText(values[c - 1]).replace(/^'/, ''), ATTENDANCE_WIDTHS[c - 1], 8)),
  );
  return printRow(inRowUnits(heightForLines(lines, 8)), values);
}

function walkInRow(n: number): PrintRow {
  return printRow(ROW_UNIT, [n, '', '', '', '', '', '', ...zigzag(n), '']);
}

function closingBlock(input: AttendanceInput, people: readonly Participant[], t: Say): PrintRow[] {
  const { session, settings, lang } = input;
  // Each regency signs its own sheets: the session's city first, the setting when it is blank.
  const signing = session.signingCity || settings.signingCity;
  const city = signing ? `${signing}, ` : '';
  const signer = (text: string, extra: CellFormat = {}, height = LINE) =>
    bannerRow(text, { horizontal: 'center', ...extra }, 7, 4, height);
  return [
    printRow(LINE),
    bannerRow(summaryText(people, lang), { wrap: true, italic: true }),
    printRow(LINE),
    signer(`${city}${formatLongDate(session.date, lang)}`),
    signer(t('Penanggung jawab,', 'Person responsible,')),
    printRow(64),
    signer(settings.responsibleName || '(.................................)', {
      bold: true,
      underline: settings.responsibleName !== '',
    }),
    signer(settings.responsibleNip ? `NIP. ${settings.responsibleNip}` : 'NIP. ..............................'),
  ];
}

function continuationRow(session: Session, t: Say): PrintRow {
  const title = `${t('DAFTAR HADIR', 'ATTENDANCE LIST')} · ${clip(session.name || session.code, 50)} (${session.code}) — ${t('lanjutan', 'continued')}`;
  return printRow(ROW_UNIT, [asText(title)], { column: 1, columns: 1, bold: true, vertical: 'bottom' });
}

/** The last row of every page: which session and which page, so loose pages find their place. */
function pageFooterRow(session: Session, page: number, pages: number, t: Say): PrintRow {
  const text = `${session.code} · ${t(`Halaman ${page} dari ${pages}`, `Page ${page} of ${pages}`)}`;
  const row = printRow(ROW_UNIT);
  row.values[COLUMNS - 1] = asText(text);
  row.formats.push({ column: COLUMNS, columns: 1, italic: true, fontSize: 8, horizontal: 'right', vertical: 'bottom' });
  return row;
}

/**
 * A sheet's layout and its frame: the header block at the top and the closing block with the last
 * footer at the bottom, which sheets of a run share (their merges are there), while the pages of
 * the table between them vary in length. Sheets are copied from one another on that basis
 * (core/templates.ts).
 */
export type AttendanceLayout = Layout & { frame: FrameRows };

/**
 * The sheet, page by page: the header block on page 1, a continuation line on the others, the
 * table header on every page, the rows that fit, the closing block on the last page with at least
 * two rows above it, and a footer naming the session and the page. Every page but the last is
 * exactly PAGE_BODY tall, so a printer breaks where the plan does (see core/printPages.ts).
 */
export function attendanceLayout(input: AttendanceInput): AttendanceLayout {
  const { session, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const people = orderParticipants(input.participants);
  const table = [
    ...people.map((p, i) => participantRow(p, i + 1, input)),
    ...Array.from({ length: input.settings.walkInRows }, (_, i) => walkInRow(people.length + i + 1)),
  ];
  const head = headerBlock(input, t);
  const closing = closingBlock(input, people, t);
  const height = (rows: readonly PrintRow[]) => rows.reduce((sum, r) => sum + r.height, 0);
  const pageFrame = 2 * ROW_UNIT; // the table header and the page footer
  const perPage = paginate(
    table.map((r) => Math.min(r.height, PAGE_BODY - pageFrame - ROW_UNIT)),
    {
      first: PAGE_BODY - height(head) - pageFrame,
      next: PAGE_BODY - ROW_UNIT - pageFrame,
      closing: height(closing),
      keep: 2,
    },
  );

  const sheet: PrintRow[] = [];
  const tables: Array<{ header: number; first: number; rows: number }> = [];
  const checkboxes: Array<{ row: number; column: number; rows: number }> = [];
  let next = 0;
  perPage.forEach((count, page) => {
    const pageStart = sheet.length;
    sheet.push(...(page === 0 ? head : [continuationRow(session, t)]));
    const header = sheet.length + 1;
    sheet.push(tableHeaderRow(lang), ...table.slice(next, next + count));
    tables.push({ header, first: header + 1, rows: count });
    // Only listed people get a Hadir box; blank walk-in rows are ticked on paper.
    const listed = Math.max(0, Math.min(count, people.length - next));
    if (listed > 0) checkboxes.push({ row: header + 1, column: TICK_COLUMN, rows: listed });
    next += count;
    const last = page === perPage.length - 1;
    if (last) sheet.push(...closing);
    else sheet.push(...fillerHeights(PAGE_BODY - ROW_UNIT - height(sheet.slice(pageStart))).map((h) => printRow(h)));
    sheet.push(pageFooterRow(session, page + 1, perPage.length, t));
  });
  return {
    values: rectangular(sheet.map((r) => r.values)),
    formats: [...sheetFormats(sheet), ...tables.flatMap(tableFormats)],
    widths: ATTENDANCE_WIDTHS,
    frozenRows: 0,
    defaultRowHeight: ROW_UNIT,
    rowHeights: heightRuns(sheet.map((r) => r.height)),
    checkboxes,
    frame: { top: head.length, bottom: closing.length + 1 },
    // The same on every DH tab (the title and each page's footer name the session), so a copy keeps
    // its template's note and writes none.
    note: t(
      `Dibuat oleh add-on Seleksi & FGD dari tab Sesi dan Peserta. Centang kolom Hadir setelah kegiatan; centang tetap ada saat daftar dibuat ulang. Peserta tambahan: tambahkan ke tab Peserta.`,
      `Generated by the Seleksi & FGD add-on from the Sesi and Peserta tabs. Tick Hadir after the event; ticks are kept when the sheet is rebuilt. Walk-ins: add them to the Peserta tab.`,
    ),
  };
}

function sheetFormats(sheet: readonly PrintRow[]): BlockFormat[] {
  return sheet.flatMap((r, i) => r.formats.map((f) => ({ ...f, row: i + 1, rows: 1 })));
}

function tableFormats(b: { header: number; first: number; rows: number }): BlockFormat[] {
  const formats: BlockFormat[] = [{ row: b.header, column: 1, rows: b.rows + 1, columns: COLUMNS, borders: true }];
  if (b.rows === 0) return formats;
  const block = { row: b.first, rows: b.rows };
  formats.push(
    { ...block, column: 1, columns: 7, vertical: 'middle', wrap: true, fontSize: 8 },
    { ...block, column: 1, columns: 1, horizontal: 'center' },
    { ...block, column: 3, columns: 1, horizontal: 'center' },
    { ...block, column: 8, columns: 2, vertical: 'top', horizontal: 'left', fontSize: 9 },
    { ...block, column: TICK_COLUMN, columns: 1, vertical: 'middle', horizontal: 'center' },
  );
  return formats;
}

/** Row heights as runs, leaving out rows at the default height (each run is one call). */
export function heightRuns(heights: readonly number[], defaultHeight = ROW_UNIT): RowHeights[] {
  const runs: RowHeights[] = [];
  heights.forEach((height, i) => {
    const last = runs[runs.length - 1];
    if (height === defaultHeight) return;
    if (last && last.height === height && last.row + last.rows === i + 1) last.rows++;
    else runs.push({ row: i + 1, rows: 1, height });
  });
  return runs;
}

/** The classic zig-zag: odd numbers sign in the left half of the signature column, even in the right. */
function zigzag(n: number): [CellValue, CellValue] {
  const label = asText(`${n}.`); // "1." would otherwise be read as the number 1
  return n % 2 === 1 ? [label, ''] : ['', label];
}

export function summaryText(people: readonly Participant[], lang: Lang): string {
  const men = people.filter((p) => p.sex === 'L').length;
  const women = people.filter((p) => p.sex === 'P').length;
  const groups = UNSUR.map((u) => [u, people.filter((p) => p.unsur === u).length] as const).filter(([, n]) => n > 0);
  const head = pick(
    {
      id: `Jumlah peserta terdaftar: ${people.length} orang (L ${men}, P ${women})`,
      en: `Registered participants: ${people.length} (M ${men}, F ${women})`,
    },
    lang,
  );
  return groups.length ? `${head}. ${groups.map(([u, n]) => `${u} ${n}`).join(' · ')}.` : `${head}.`;
}
