import fc from 'fast-check';
import {
  ADMIN_WIDTHS,
  FINAL_WIDTHS,
  ROW,
  adminAnnouncementLayout,
  adminHeader,
  announcementChanges,
  describeChanges,
  REASON_ORDER,
  reasonCode,
} from '../../src/core/announcements';
import { ANNOUNCED_HEADERS, announcedResults } from '../../src/core/announcedResults';
import { matchHeaders, rowRecord } from '../../src/core/headers';
import type { Layout } from '../../src/core/layout';
import { objectionWindow } from '../../src/core/objectionWindow';
import { placeNames } from '../../src/core/placeNames';
import { A4_PORTRAIT, PAGE_BODY, heightForLines, wrappedLines } from '../../src/core/printPages';
import { CANDIDATES_TAB } from '../../src/core/schema';
import type { CellValue } from '../../src/core/types';
import { RULES, finding } from '../../src/core/validation/findings';
import type { RowOutcome } from '../../src/core/validation/validate';
import { defaultSettings } from '../attendance/fixtures';
import { heightOf } from '../support/layout';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('announcement tables', () => {
  it('fit the width of A4 portrait, and every header label fits one line of its column in both languages', () => {
    for (const widths of [ADMIN_WIDTHS, FINAL_WIDTHS.withScore, FINAL_WIDTHS.noScore])
      expect(sum(widths)).toBeLessThanOrEqual(A4_PORTRAIT.width);
    for (const lang of ['id', 'en'] as const)
      adminHeader(lang).forEach((label, i) => expect(wrappedLines(String(label), ADMIN_WIDTHS[i], 8, true)).toBe(1));
    const final = {
      id: [
        'Peringkat',
        ANNOUNCED_HEADERS.id.id,
        'Nama',
        'NIK',
        'Desa/Kelurahan',
        'Skor Akhir',
        ANNOUNCED_HEADERS.result.id,
      ],
      en: [
        'Rank',
        ANNOUNCED_HEADERS.id.en,
        'Name',
        'NIK',
        'Desa/Kelurahan',
        'Final score',
        ANNOUNCED_HEADERS.result.en,
      ],
    };
    for (const labels of [final.id, final.en])
      labels.forEach((label, i) => expect(wrappedLines(label, FINAL_WIDTHS.withScore[i], 8, true)).toBe(1));
    // A masked NIK, every result and a number up to 99,999 fit one line of a 24 px row.
    expect(wrappedLines('99999', ADMIN_WIDTHS[0], 8)).toBe(1);
    expect(wrappedLines('99999', FINAL_WIDTHS.withScore[0], 8)).toBe(1);
    expect(wrappedLines('630103******0001', ADMIN_WIDTHS[3], 8)).toBe(1);
    expect(wrappedLines('Perlu Cek', ADMIN_WIDTHS[5], 8)).toBe(1);
    expect(wrappedLines('Cadangan', FINAL_WIDTHS.withScore[6], 8)).toBe(1);
    expect(heightForLines(1, 10)).toBeLessThanOrEqual(24);
  });
});

describe('reason codes', () => {
  it('are short, one per rule, and numbered once: every rule appears exactly once in their order', () => {
    expect([...REASON_ORDER].sort()).toEqual(Object.keys(RULES).sort());
    const codes = Object.keys(RULES).map((r) => reasonCode(r as keyof typeof RULES));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^A\d\d$/.test(c))).toBe(true);
    expect(reasonCode('required')).toBe('A01');
    expect(reasonCode('age.range')).toBe('A16');
    expect(reasonCode('override.applied')).toBe('A25');
    // Rules added after the codes were first published come last.
    expect(reasonCode('documents.missing')).toBe('A28');
    expect(reasonCode('objection.accepted')).toBe('A29');
  });
});

describe('what changed since the last announcement', () => {
  const before = new Map([
    ['K-0001', 'MS'],
    ['K-0002', 'TMS'],
    ['K-0010', 'Perlu Cek'],
  ]);
  const after = new Map([
    ['K-0001', 'MS'],
    ['K-0002', 'MS'],
    ['K-0009', 'TMS'],
    ['K-0011', 'MS'],
  ]);
  it('lists added, removed and changed candidates in ID order', () => {
    expect(announcementChanges(before, after)).toEqual({
      added: ['K-0009', 'K-0011'],
      removed: ['K-0010'],
      changed: [{ id: 'K-0002', from: 'TMS', to: 'MS' }],
    });
    expect(describeChanges(announcementChanges(before, after), 'id')).toBe(
      '2 ditambahkan (K-0009, K-0011); 1 dihapus (K-0010); 1 status berubah (K-0002 TMS → MS)',
    );
    expect(describeChanges(announcementChanges(before, after), 'en')).toBe(
      '2 added (K-0009, K-0011); 1 removed (K-0010); 1 status changed (K-0002 TMS → MS)',
    );
    expect(describeChanges(announcementChanges(after, after), 'en')).toBe('no changes');
  });
  it('names at most `max` IDs per kind and counts the rest', () => {
    const many = new Map(Array.from({ length: 40 }, (_, i) => [`K-${i + 1}`, 'MS']));
    expect(describeChanges(announcementChanges(new Map(), many), 'id', 3)).toBe(
      '40 ditambahkan (K-1, K-2, K-3, … (+37))',
    );
  });
});

describe('the administrative announcement as printed pages', () => {
  const settings = defaultSettings;
  const header = CANDIDATES_TAB.columns.map((c) => c.header);
  const map = matchHeaders(CANDIDATES_TAB, header);
  const col = (h: (typeof header)[number]) => header.indexOf(h);
  const longName = 'Raden Roro Ayu Kusumaningrum Wulandari Sekarlangit Puspitasari Handayani';

  function outcome(i: number, villages: number, long: boolean): RowOutcome {
    const row: CellValue[] = header.map(() => '');
    row[col('ID')] = `K-${String(i + 1).padStart(4, '0')}`;
    row[col('Nama Lengkap')] = long ? longName : `Kandidat ${i + 1}`;
    row[col('NIK')] = `630103470890${String(i).padStart(4, '0')}`;
    row[col('Desa/Kelurahan')] = `Desa ${i % villages}`;
    row[col('Kecamatan')] = 'Pelaihari';
    row[col('Kabupaten/Kota')] = 'Kabupaten Tanah Laut';
    const status = i % 7 === 0 ? 'TMS' : 'MS';
    const findings = status === 'TMS' ? [finding('age.range', 'Tanggal Lahir', { id: 'x', en: 'x' })] : [];
    return {
      sheetRow: i + 2,
      blank: false,
      id: String(row[col('ID')]),
      assignedId: false,
      status,
      findings,
      record: rowRecord(map, i + 2, row),
    };
  }

  function build(n: number, villages: number, longEvery = 0) {
    const window = objectionWindow({ ...settings, adminAnnouncementDate: { year: 2019, month: 11, day: 27 } })!;
    return adminAnnouncementLayout({
      rows: Array.from({ length: n }, (_, i) => outcome(i, villages, longEvery > 0 && i % longEvery === 0)),
      settings,
      lang: 'id',
      date: { year: 2019, month: 11, day: 27 },
      window,
      places: placeNames(undefined),
    });
  }

  const text = (c: CellValue) => (typeof c === 'string' ? c.replace(/^'/, '') : String(c));

  /** The layout cut into pages at its footers. */
  function pages(layout: Layout) {
    const out: Array<{ rows: CellValue[][]; height: number }> = [];
    let start = 0;
    layout.values.forEach((r, i) => {
      if (!/Halaman \d+ dari \d+$/.test(text(r[r.length - 1]))) return;
      let height = 0;
      for (let row = start + 1; row <= i + 1; row++) height += heightOf(layout, row);
      out.push({ rows: layout.values.slice(start, i + 1), height });
      start = i + 1;
    });
    expect(start).toBe(layout.values.length);
    return out;
  }

  it('fills every page to exactly the page body, repeats the table header, and lists every candidate once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 160 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 9 }),
        (n, villages, longEvery) => {
          const layout = build(n, villages, longEvery);
          const printed = pages(layout);
          printed.forEach((p, i) => {
            expect(p.height).toBe(PAGE_BODY);
            expect(text(p.rows[p.rows.length - 1][6])).toBe(
              `Pengumuman Administrasi · Halaman ${i + 1} dari ${printed.length}`,
            );
            const listed = p.rows.filter((r) => /^K-\d+$/.test(text(r[1])));
            if (listed.length) expect(p.rows.some((r) => r[1] === 'ID Kandidat' && r[5] === 'Hasil')).toBe(true);
            if (i > 0) expect(text(p.rows[0][0])).toMatch(/^Pengumuman Administrasi — lanjutan/);
          });
          const read = announcedResults(layout.values.map((r) => r.map((c) => (typeof c === 'string' ? text(c) : c))));
          expect(read.size).toBe(n);
          // Every height is a whole number of 24 px rows: a page never needs an odd filler row.
          for (const h of layout.rowHeights ?? []) expect(h.height % ROW).toBe(0);
          // The signature block is on the last page.
          expect(printed[printed.length - 1].rows.some((r) => text(r[3]) === 'Penanggung jawab,')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives a long name a row tall enough for its wrapped text, at the same one-call-per-run heights', () => {
    const layout = build(3, 1, 2);
    const at = layout.values.findIndex((r) => text(r[2]) === longName) + 1;
    const lines = wrappedLines(longName, ADMIN_WIDTHS[2], 8);
    expect(lines).toBeGreaterThan(1);
    expect(heightOf(layout, at)).toBeGreaterThanOrEqual(heightForLines(lines, 8));
    expect(heightOf(layout, at + 1)).toBe(ROW);
    // Only the taller row wraps: a cell that fits on its line looks the same either way.
    const wraps = (row: number) =>
      layout.formats.some((f) => f.wrap && row >= f.row && row < f.row + f.rows && f.column === 1);
    expect(wraps(at)).toBe(true);
    expect(wraps(at + 1)).toBe(false);
    // while the font and alignment cover that row as the rest of the table.
    const font = layout.formats.find((f) => f.fontSize === 8 && at + 1 >= f.row && at + 1 < f.row + f.rows);
    expect(font).toMatchObject({ vertical: 'middle', column: 1 });
  });

  it('prints each TMS reason code once in the legend, with the rule title and nothing else', () => {
    const layout = build(30, 3);
    const legend = layout.values.map((r) => text(r[0])).filter((t) => /^A\d\d — /.test(t));
    expect(legend).toEqual(['A16 — Usia di luar batas']);
    expect(layout.values.filter((r) => text(r[5]) === 'TMS').every((r) => r[6] === 'A16')).toBe(true);
  });
});
