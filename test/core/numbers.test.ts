/** Numbers written into text: Indonesian decimal comma and thousands point, English the other way. */
import { selectionSummary } from '../../src/core/summaries';
import { formatNumber } from '../../src/core/text';

describe('formatNumber', () => {
  it('writes decimals and thousands the way each language does', () => {
    expect([9.9, 0.376, 1500, 1234567.5, -2.25, 20, 0].map((n) => formatNumber(n, 'id'))).toEqual([
      '9,9',
      '0,38',
      '1.500',
      '1.234.567,5',
      '-2,25',
      '20',
      '0',
    ]);
    expect([9.9, 0.376, 1500, 1234567.5, -2.25].map((n) => formatNumber(n, 'en'))).toEqual([
      '9.9',
      '0.38',
      '1,500',
      '1,234,567.5',
      '-2.25',
    ]);
    expect(formatNumber(0.3764, 'id', 3)).toBe('0,376');
  });

  it('labels the score bins of Rekap Seleksi with the comma in Indonesian and the point in English', () => {
    const bins = (lang: 'id' | 'en') =>
      selectionSummary({
        candidates: [],
        keys: [],
        villages: [],
        tmsReasons: [],
        agreement: undefined,
        notices: [],
        lang,
        stamp: 'x',
      })
        .values.flat()
        .filter((c) => typeof c === 'string' && /^'?0–/.test(c));
    expect(bins('id')).toEqual(["'0–9,9"]);
    expect(bins('en')).toEqual(["'0–9.9"]);
  });
});
