/**
 * Laying out tabs that are meant to be printed. Apps Script cannot set a sheet's print settings or
 * page breaks, so a printed tab must work with what Sheets does by default (A4, Normal margins,
 * scale 100 %): every row gets an explicit height that fits its text, columns add up to no more than
 * the printable width, and pages are planned here, in rows, so that each printed page ends exactly
 * where the plan says (see `paginate`).
 */
import { ADMIN_ANNOUNCEMENT_TAB, FINAL_ANNOUNCEMENT_TAB } from './announcedResults';

/**
 * The printable area of an A4 page at Sheets' default print settings (Normal margins: 0.75 in top
 * and bottom, 0.7 in left and right; 100 %), in sheet pixels (96 per inch).
 */
export const A4_PORTRAIT = { width: 659, height: 978 } as const;
export const A4_LANDSCAPE = { width: 987, height: 650 } as const;

/**
 * Rows on a planned page are at least ROW_UNIT tall and grow in steps of HEIGHT_STEP, and a page's
 * rows add up to exactly `PAGE_BODY`. A printer fills a page with as many whole rows as fit: 960 px
 * fit in 978, and 960 plus the next page's first row (ROW_UNIT) do not, so the break falls where
 * the plan put it, with 18 px to spare for rounding.
 */
export const ROW_UNIT = 40;
export const HEIGHT_STEP = 20;
export const PAGE_BODY = 960;

/** Cell padding Sheets leaves on each side of wrapped text, and the height of one line per point of font. */
const CELL_PADDING = 3;
const LINE_HEIGHT_PER_PT = 1.6;

/**
 * An upper estimate of a character's width in Arial (Liberation Sans prints the same), in ems.
 * Over-estimating only makes a row a little taller; under-estimating would clip the text.
 */
function charWidth(ch: string): number {
  if (ch === ' ') return 0.28;
  if (/[mwMW@%]/.test(ch)) return 0.9;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[il.,:;'|!]/.test(ch)) return 0.3;
  if (/[a-z]/.test(ch)) return 0.56;
  return 0.62;
}

function textWidth(text: string, fontPt: number, bold: boolean): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * fontPt * (96 / 72) * (bold ? 1.08 : 1);
}

/**
 * How many lines a wrapped cell of `widthPx` needs for `text`: words go on a line while they fit,
 * and a word longer than the line is broken, as Sheets does.
 */
export function wrappedLines(text: string, widthPx: number, fontPt: number, bold = false): number {
  const room = Math.max(8, widthPx - 2 * CELL_PADDING);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const width = textWidth(word, fontPt, bold);
      const gap = used > 0 ? textWidth(' ', fontPt, bold) : 0;
      if (used + gap + width <= room) {
        used += gap + width;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line fills whole lines, then starts the next one.
      lines += Math.floor(width / room);
      used = width % room;
    }
  }
  return Math.max(1, lines);
}

/** The height (px) a row needs to show `lines` lines of text at `fontPt`. */
export function heightForLines(lines: number, fontPt: number): number {
  return Math.ceil(lines * fontPt * LINE_HEIGHT_PER_PT + 2 * CELL_PADDING);
}

/** The smallest height in steps of HEIGHT_STEP, and at least `minimum`, that is at least `px`. */
export function inRowUnits(px: number, minimum = ROW_UNIT): number {
  return Math.max(minimum, Math.ceil(px / HEIGHT_STEP) * HEIGHT_STEP);
}

/** Blank rows (ROW_UNIT tall, the last one HEIGHT_STEP when needed) that fill `px` exactly. */
export function fillerHeights(px: number): number[] {
  const out: number[] = [];
  let left = px;
  while (left >= ROW_UNIT + HEIGHT_STEP || left === ROW_UNIT) {
    out.push(ROW_UNIT);
    left -= ROW_UNIT;
  }
  if (left > 0) out.push(left);
  return out;
}

export interface PageSpace {
  /** Room for table rows on the first page, and on each following page (px). */
  first: number;
  next: number;
  /** The block that closes the document (summary, signatures): it goes on the last page. */
  closing: number;
  /** Table rows that must stand on the last page with the closing block, so it never stands alone. */
  keep: number;
}

/**
 * Splits table rows (their heights) into pages: as many whole rows as fit on each page, the closing
 * block on the last page together with at least `keep` rows. Returns the number of rows per page
 * (one entry per page; a table with no rows still has one page). A row taller than a page gets a
 * page of its own rather than looping.
 */
export function paginate(heights: readonly number[], space: PageSpace): number[] {
  const pages: number[] = [];
  let start = 0;
  let room = space.first;
  for (;;) {
    let end = start;
    let used = 0;
    while (end < heights.length && used + heights[end] <= room) used += heights[end++];
    if (end === start && end < heights.length) used += heights[end++]; // taller than a page
    if (end === heights.length) {
      if (used + space.closing <= room) {
        pages.push(end - start);
        return pages;
      }
      // The closing block does not fit: carry the last rows over so it does not stand alone.
      const carried = Math.min(space.keep, end - start);
      const cut = end - carried;
      if (cut === start && pages.length > 0) {
        // Nothing would stay on this page: it would be an empty page, so put everything on it.
        pages.push(end - start);
        return pages;
      }
      pages.push(cut - start);
      start = cut;
      room = space.next;
      continue;
    }
    // Fewer than `keep` rows would be left for the last page: leave it `keep`.
    if (heights.length - end < space.keep) end = Math.max(start + 1, heights.length - space.keep);
    pages.push(end - start);
    start = end;
    room = space.next;
  }
}

/** How a generated tab is meant to be printed (the tab's note says so; Apps Script cannot set it). */
export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Whether the tab needs "Fit to width"; the others print at 100 %. */
  fitToWidth: boolean;
}

/**
 * The print setting of each generated tab: attendance sheets and the two announcements on A4
 * portrait at 100 % (their pages are planned), the summaries and the validation report on A4
 * landscape at 100 % (their columns fit), and the wide Hasil Seleksi (one column per criterion) on
 * A4 landscape fitted to width.
 */
export function printSetupOf(tab: string): PrintSetup | undefined {
  if (tab.startsWith('DH ')) return { orientation: 'portrait', fitToWidth: false };
  // The announcements' pages are planned like the attendance sheets' (core/announcements.ts).
  if (tab === ADMIN_ANNOUNCEMENT_TAB || tab === FINAL_ANNOUNCEMENT_TAB)
    return { orientation: 'portrait', fitToWidth: false };
  if (['Rekap Seleksi', 'Rekap Kehadiran', 'Laporan Validasi'].includes(tab))
    return { orientation: 'landscape', fitToWidth: false };
  if (tab === 'Hasil Seleksi') return { orientation: 'landscape', fitToWidth: true };
  return undefined;
}

/** The print setting in words, for the tab's note: "Cetak/Print: A4 lanskap/landscape, 100 %". */
export function printHint(tab: string): string {
  const setup = printSetupOf(tab);
  if (!setup) return '';
  const paper = setup.orientation === 'portrait' ? 'A4 tegak/portrait' : 'A4 lanskap/landscape';
  const scale = setup.fitToWidth ? 'Sesuaikan dengan lebar/Fit to width' : 'Normal 100 %';
  return `Cetak/Print: ${paper}, ${scale}, margin Normal.`;
}
