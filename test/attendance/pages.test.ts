/**
 * Attendance sheets as printed pages: every page but the last is exactly PAGE_BODY tall (so a
 * printer breaks where the plan does), every page repeats the table header and ends with the
 * session code and page number, the signature block never stands alone, and rows are as tall as
 * their text.
 */
import fc from 'fast-check';
import { attendanceLayout, readAttendanceRows, tickKey } from '../../src/core/attendance';
import type { Layout } from '../../src/core/layout';
import {
  A4_PORTRAIT,
  fillerHeights,
  HEIGHT_STEP,
  PAGE_BODY,
  paginate,
  ROW_UNIT,
  wrappedLines,
} from '../../src/core/printPages';
import type { Participant } from '../../src/core/sessions';
import { heightOf } from '../support/layout';
import { defaultSettings, session as sessionWith } from './fixtures';
import type { CellValue } from '../../src/core/types';

const settings = defaultSettings;
const session = sessionWith({
  sheetRow: 2,
  code: 'FGD-TL-2',
  name: 'FGD Hari 2',
  date: { year: 2019, month: 11, day: 28 },
  start: '08.00',
  end: '12.00',
  zone: 'WITA',
  venue: 'Aula Kantor Desa Bingkulu',
  village: 'Bingkulu',
  district: 'Pelaihari',
  regency: 'Tanah Laut',
  province: 'Kalimantan Selatan',
  facilitator: '',
  signingCity: 'Pelaihari',
});
const person = (i: number, institution = `Desa ${i}`): Participant => ({
  sheetRow: i + 2,
  code: 'FGD-TL-2',
  name: `Peserta ${String(i).padStart(3, '0')}`,
  sex: i % 2 ? 'L' : 'P',
  unsur: 'Lainnya',
  position: 'Warga',
  institution,
  phone: '',
  phoneShown: '',
  candidateId: '',
});

function build(n: number, walkIns = 3, ticks = new Map<string, boolean>(), institution?: (i: number) => string) {
  return attendanceLayout({
    session,
    participants: Array.from({ length: n }, (_, i) => person(i + 1, institution?.(i + 1))),
    settings: { ...settings, walkInRows: walkIns },
    lang: 'id',
    ticks,
  });
}

const text = (c: CellValue) => (typeof c === 'string' ? c.replace(/^'/, '') : String(c));

/** The layout cut into pages at its footers ("… Halaman k dari n" in the last column). */
function pages(layout: Layout): Array<{ rows: CellValue[][]; height: number; footer: string }> {
  const out: Array<{ rows: CellValue[][]; height: number; footer: string }> = [];
  let start = 0;
  layout.values.forEach((r, i) => {
    if (!/Halaman \d+ dari \d+$/.test(text(r[9]))) return;
    let height = 0;
    for (let row = start + 1; row <= i + 1; row++) height += heightOf(layout, row);
    out.push({ rows: layout.values.slice(start, i + 1), height, footer: text(r[9]) });
    start = i + 1;
  });
  expect(start).toBe(layout.values.length); // nothing after the last footer
  return out;
}

const numbered = (rows: CellValue[][]) => rows.filter((r) => typeof r[0] === 'number');

describe('attendance sheets as printed pages', () => {
  it('fills every page but the last to exactly the page body, and no page is taller than A4', () => {
    const layout = build(60);
    const printed = pages(layout);
    // 63 numbered rows (60 people, 3 walk-ins): 16 under the header block, 21 on a full page.
    expect(printed.map((p) => numbered(p.rows).length)).toEqual([16, 21, 21, 5]);
    printed.slice(0, -1).forEach((p) => expect(p.height).toBe(PAGE_BODY));
    printed.forEach((p) => expect(p.height).toBeLessThanOrEqual(A4_PORTRAIT.height));
    // One more row of the next page would not fit: the printer must break where the plan does.
    expect(PAGE_BODY + ROW_UNIT).toBeGreaterThan(A4_PORTRAIT.height);
  });

  it('repeats the table header on every page and names the session and page at the foot of each', () => {
    const printed = pages(build(60));
    printed.forEach((p, i) => {
      expect(p.rows.filter((r) => r[0] === 'No' && r[9] === 'Hadir')).toHaveLength(1);
      expect(p.footer).toBe(`FGD-TL-2 · Halaman ${i + 1} dari ${printed.length}`);
    });
    printed.slice(1).forEach((p) => expect(text(p.rows[0][0])).toBe('DAFTAR HADIR · FGD Hari 2 (FGD-TL-2) — lanjutan'));
    expect(numbered(printed.flatMap((p) => p.rows)).map((r) => r[0])).toEqual(
      Array.from({ length: 63 }, (_, i) => i + 1),
    );
  });

  it('never leaves the signature block alone on the last page, whatever the number of people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 12 }), (n, walkIns) => {
        const printed = pages(build(n, walkIns));
        const last = printed[printed.length - 1];
        expect(last.rows.some((r) => text(r[6]) === 'Penanggung jawab,')).toBe(true);
        expect(numbered(last.rows).length).toBeGreaterThanOrEqual(Math.min(2, n + walkIns));
        printed.slice(0, -1).forEach((p) => expect(p.height).toBe(PAGE_BODY));
        expect(last.height).toBeLessThanOrEqual(PAGE_BODY);
      }),
      { numRuns: 120 },
    );
  });

  it('gives a long institution name a row tall enough for its wrapped text', () => {
    const long = 'Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Tanah Laut Provinsi Kalimantan Selatan';
    const layout = build(3, 0, new Map(), (i) => (i === 2 ? long : 'Desa'));
    const row = layout.values.findIndex((r) => text(r[5]) === long) + 1;
    const lines = wrappedLines(long, layout.widths[5], 8);
    expect(lines).toBeGreaterThanOrEqual(5);
    expect(heightOf(layout, row)).toBeGreaterThanOrEqual(lines * 12 + 4);
    expect(heightOf(layout, row) % HEIGHT_STEP).toBe(0);
    expect(heightOf(layout, row - 1)).toBe(ROW_UNIT);
  });

  it('reads back every tick on every page', () => {
    const ticks = new Map([5, 30, 58].map((i) => [tickKey(person(i).name, person(i).institution, 'Lainnya'), true]));
    const layout = build(60, 3, ticks);
    const read = readAttendanceRows(layout.values.map((r) => r.map((c) => (typeof c === 'string' ? text(c) : c))));
    expect(read).toHaveLength(60);
    expect(read.filter((r) => r.ticked).map((r) => r.name)).toEqual(['Peserta 005', 'Peserta 030', 'Peserta 058']);
  });
});

describe('paginate', () => {
  const space = { first: 400, next: 800, closing: 300, keep: 2 };
  it('puts whole rows on each page and the closing block with at least two rows', () => {
    expect(paginate([], space)).toEqual([0]);
    expect(paginate([40, 40], space)).toEqual([2]);
    // 10 rows fill the first page; the last two go over with the closing block.
    expect(paginate(new Array(10).fill(40), space)).toEqual([8, 2]);
    expect(paginate(new Array(30).fill(40), space)).toEqual([10, 18, 2]);
  });
  it('fills the rest of a page exactly with blank rows of 40 px (and one of 20 when needed)', () => {
    expect(fillerHeights(0)).toEqual([]);
    expect(fillerHeights(40)).toEqual([40]);
    expect(fillerHeights(60)).toEqual([40, 20]);
    expect(fillerHeights(100)).toEqual([40, 40, 20]);
    expect(fillerHeights(120)).toEqual([40, 40, 40]);
  });
  it('gives a row taller than a page a page of its own instead of looping', () => {
    expect(paginate([40, 2000, 40], space)).toEqual([1, 1, 1]);
  });
});
