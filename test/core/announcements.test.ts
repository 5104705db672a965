import {
  ADMIN_WIDTHS,
  FINAL_WIDTHS,
  adminHeader,
  announcementChanges,
  describeChanges,
  reasonCode,
} from '../../src/core/announcements';
import { ANNOUNCED_HEADERS } from '../../src/core/announcedResults';
import { A4_PORTRAIT, heightForLines, wrappedLines } from '../../src/core/printPages';
import { RULES } from '../../src/core/validation/findings';

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
  it('are short, one per rule, in the order of the rules', () => {
    const codes = Object.keys(RULES).map((r) => reasonCode(r as keyof typeof RULES));
    expect(new Set(codes).size).toBe(codes.length);
    expect(reasonCode('required')).toBe('A01');
    expect(reasonCode('age.range')).toBe('A16');
    expect(reasonCode('override.applied')).toBe('A25');
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
