/**
 * The small parsers under the validation rules, where WORKBOOK.md is precise: phone shapes, the
 * NIK birth date (century and +40 rule), and the masks on generated tabs.
 */
import fc from 'fast-check';
import { maskNik, nikBirth, nikText } from '../../src/core/nik';
import { maskPhone, parsePhone } from '../../src/core/phone';

describe('parsePhone', () => {
  // "strip spaces and punctuation; accept 08…, 8…, +62…, 62…, 0062…; a mobile is 8[1-35-9] followed by 7–10 digits"
  it.each([
    ['0812-3456-7890', '81234567890'],
    ['081234567890', '81234567890'],
    ['81234567890', '81234567890'],
    ['+62 812 3456 7890', '81234567890'],
    ['+6281234567890', '81234567890'],
    ['62 812-3456-7890', '81234567890'],
    ['6281234567890', '81234567890'],
    ['0062 812 3456 7890', '81234567890'],
    ['(0812) 3456.7890', '81234567890'],
    ['  0852 4990 1234 ', '85249901234'],
    ['0812345678', '812345678'], // 8, 1 + 7 digits: the shortest mobile
    ['0812345678901', '812345678901'], // 8, 1 + 10 digits: the longest
  ])('%s is a mobile', (text, national) => {
    expect(parsePhone(text)).toEqual({ kind: 'mobile', national });
  });

  it.each(['1', '2', '3', '5', '6', '7', '8', '9'])('08%s… is a mobile prefix', (d) => {
    expect(parsePhone(`08${d}1234567`).kind).toBe('mobile');
  });

  it.each(['0841-2345-6789', '0801234567', '081234567', '08123456789012', '+62 841 2345 6789'])(
    '%s is not a mobile (error)',
    (text) => {
      expect(parsePhone(text).kind).toBe('invalid');
    },
  );

  // "a landline is a national number of 7–11 digits starting with 2–7 or 9 (area codes)"
  it.each([
    ['0512-21234', '51221234'],
    ['(0511) 3252525', '5113252525'],
    ['021 12345', '2112345'],
    ['021123456789', '21123456789'],
    ['+62 21 5551234', '215551234'],
    ['0062 511 3252525', '5113252525'],
    ['0911 321456', '911321456'],
  ])('%s is a landline (warning)', (text, national) => {
    expect(parsePhone(text)).toEqual({ kind: 'landline', national });
  });

  it.each([
    '021 1234',
    '0211234567890',
    '0112345678',
    '1234567',
    'nomor HP',
    '08xx-xxxx',
    '+1 212 555 0100',
    '#N/A',
    '0812 3456 7890 (WA)',
  ])('%s is neither (error)', (text) => {
    expect(parsePhone(text)).toEqual({ kind: 'invalid', national: '' });
  });

  it('an empty cell is empty', () => {
    expect(parsePhone('')).toEqual({ kind: 'empty', national: '' });
    expect(parsePhone('   ')).toEqual({ kind: 'empty', national: '' });
  });

  // "A phone cell holding a number has lost its leading 0: accept it when it then reads as a mobile."
  it('accepts a number cell that reads as a mobile, and nothing else in a number cell', () => {
    expect(parsePhone(81234567890)).toEqual({ kind: 'mobile', national: '81234567890' });
    expect(parsePhone(85249901234)).toEqual({ kind: 'mobile', national: '85249901234' });
    for (const n of [51221234, 84123456789, 0, -81234567890, 8123456789.5, Number.NaN, Infinity, 1e21])
      expect(parsePhone(n).kind).toBe('invalid');
  });

  it('gives the same national number for every written form of one phone', () => {
    const forms = [
      '0812-3456-7890',
      '81234567890',
      '+62 812 3456 7890',
      '6281234567890',
      '0062 812 3456 7890',
      81234567890,
    ];
    expect(new Set(forms.map((f) => parsePhone(f).national))).toEqual(new Set(['81234567890']));
  });

  // Regression (found by these tests, fixed): "62…" is an accepted prefix and a landline is a warning, but "62 511 4772345" is rejected as invalid (error).
  it('accepts the 62… prefix for a landline too', () => {
    expect(parsePhone('62 511 4772345')).toEqual({ kind: 'landline', national: '5114772345' });
  });

  // Regression (found by these tests, fixed): "strip spaces and punctuation" — an en dash (common when pasted from a word processor) or an underscore is not stripped.
  it.each(['0812–3456–7890', '0812_3456_7890'])('strips any punctuation: %s', (text) => {
    expect(parsePhone(text)).toEqual({ kind: 'mobile', national: '81234567890' });
  });

  // Regression (found by these tests, fixed): "+6281234567890" typed into a number cell becomes 6281234567890, which reads as a
  // mobile through the accepted 62… prefix; "accept it when it then reads as a mobile".
  it('accepts a number cell holding 62 + mobile', () => {
    expect(parsePhone(6281234567890)).toEqual({ kind: 'mobile', national: '81234567890' });
  });

  it('never throws and classifies every string into one of the four kinds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 ()./-]{0,20}$/)), (text) => {
        const p = parsePhone(text);
        expect(['mobile', 'landline', 'invalid', 'empty']).toContain(p.kind);
        if (p.kind === 'mobile') expect(p.national).toMatch(/^8[1-35-9]\d{7,10}$/);
        if (p.kind === 'landline') expect(p.national).toMatch(/^[2-79]\d{6,10}$/);
        if (p.kind === 'invalid' || p.kind === 'empty') expect(p.national).toBe('');
      }),
    );
  });
});

describe('nikBirth', () => {
  const REF = { year: 2019, month: 11, day: 25 };
  const nik = (ddmmyy: string) => `630103${ddmmyy}0001`;

  it('reads DDMMYY for men', () => {
    expect(nikBirth(nik('170890'), REF)).toEqual({ date: { year: 1990, month: 8, day: 17 }, sex: 'L' });
    expect(nikBirth(nik('010185'), REF)).toEqual({ date: { year: 1985, month: 1, day: 1 }, sex: 'L' });
    expect(nikBirth(nik('311299'), REF)).toEqual({ date: { year: 1999, month: 12, day: 31 }, sex: 'L' });
  });

  it('adds 40 to the day for women', () => {
    expect(nikBirth(nik('570890'), REF)).toEqual({ date: { year: 1990, month: 8, day: 17 }, sex: 'P' });
    expect(nikBirth(nik('410185'), REF)).toEqual({ date: { year: 1985, month: 1, day: 1 }, sex: 'P' });
    expect(nikBirth(nik('711299'), REF)).toEqual({ date: { year: 1999, month: 12, day: 31 }, sex: 'P' });
  });

  it.each([
    '000190',
    '320190',
    '400190',
    '720190',
    '991290',
    '171390',
    '170090',
    '310490',
    '300290',
    '290201',
    '690201',
  ])('%s is no birth date', (ddmmyy) => {
    expect(nikBirth(nik(ddmmyy), REF)).toBeUndefined();
  });

  it('20YY when that is not after the reference date, else 19YY', () => {
    expect(nikBirth(nik('251101'), REF)?.date).toEqual({ year: 2001, month: 11, day: 25 });
    expect(nikBirth(nik('251119'), REF)?.date).toEqual({ year: 2019, month: 11, day: 25 }); // on the reference date
    expect(nikBirth(nik('261119'), REF)?.date).toEqual({ year: 1919, month: 11, day: 26 }); // a day after
    expect(nikBirth(nik('661119'), REF)).toEqual({ date: { year: 1919, month: 11, day: 26 }, sex: 'P' });
    expect(nikBirth(nik('010120'), REF)?.date).toEqual({ year: 1920, month: 1, day: 1 });
    expect(nikBirth(nik('010120'), { year: 2020, month: 1, day: 1 })?.date).toEqual({ year: 2020, month: 1, day: 1 });
    expect(nikBirth(nik('010100'), REF)?.date).toEqual({ year: 2000, month: 1, day: 1 });
    expect(nikBirth(nik('290200'), REF)?.date).toEqual({ year: 2000, month: 2, day: 29 });
    expect(nikBirth(nik('290296'), REF)?.date).toEqual({ year: 1996, month: 2, day: 29 });
    expect(nikBirth(nik('170863'), REF)?.date).toEqual({ year: 1963, month: 8, day: 17 });
  });

  it('agrees with the century rule for every valid DDMMYY', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
        (yy, month, day, woman) => {
          const text = `${String(woman ? day + 40 : day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(yy).padStart(2, '0')}`;
          const in2000s = Date.UTC(2000 + yy, month - 1, day) <= Date.UTC(2019, 10, 25);
          expect(nikBirth(nik(text), REF)).toEqual({
            date: { year: (in2000s ? 2000 : 1900) + yy, month, day },
            sex: woman ? 'P' : 'L',
          });
        },
      ),
    );
  });
});

describe('nikText', () => {
  it('removes spaces, dots and dashes only', () => {
    expect(nikText('6301 0512 1191 0003')).toEqual({ cleaned: '6301051211910003', fromNumber: false });
    expect(nikText('6301.05.121191.0003')).toEqual({ cleaned: '6301051211910003', fromNumber: false });
    expect(nikText('630105-121191-0003')).toEqual({ cleaned: '6301051211910003', fromNumber: false });
    expect(nikText('63O1051211910003').cleaned).toBe('63O1051211910003');
  });

  it('reads a number cell as its digits and says it was a number', () => {
    expect(nikText(6301051211910000)).toEqual({ cleaned: '6301051211910000', fromNumber: true });
    expect(nikText(630105121191000)).toEqual({ cleaned: '630105121191000', fromNumber: true });
  });
});

describe('masks for generated tabs', () => {
  it('maskNik keeps the area and the serial, hides the birth date', () => {
    expect(maskNik('6301054708900001')).toBe('630105******0001');
    expect(maskNik('6301030000000000')).toBe('630103******0000');
  });

  it('maskNik never shows the encoded birth date of a 16-digit NIK and keeps the length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const masked = maskNik(nik);
        expect(masked).toHaveLength(16);
        expect(masked.slice(6, 12)).toBe('******');
        expect(masked.slice(0, 6) + masked.slice(12)).toBe(nik.slice(0, 6) + nik.slice(12));
      }),
    );
  });

  it('maskNik hides a short value completely', () => {
    expect(maskNik('123456')).toBe('******');
    expect(maskNik('')).toBe('');
  });

  // Regression (found by these tests, fixed): "Samarkan data pribadi — mask NIK and phone on generated tabs". A malformed NIK of 7–10 characters
  // (shown on Laporan Validasi next to its nik.format finding) comes back with every digit visible — and for 7–9
  // characters longer than the input, with digits repeated: maskNik('6301031') === '6301031031'.
  it.each(['6301031', '63010317', '630103170', '6301031708'])(
    'maskNik masks a malformed NIK of %s too (same length, something hidden)',
    (text) => {
      const masked = maskNik(text);
      expect(masked).toHaveLength(text.length);
      expect(masked).toContain('*');
    },
  );

  it('maskNik keeps the length and hides something for any value longer than 10 characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,20}$/), (text) => {
        const masked = maskNik(text);
        expect(masked).toHaveLength(text.length);
        expect(masked).toContain('*');
      }),
    );
  });

  it('maskPhone keeps the punctuation and the operator prefix, hides the middle', () => {
    const masked = maskPhone('0812-3456-7890');
    expect(masked).toMatch(/^0812-\*{4}-[*\d]{4}$/);
    expect(masked.slice(-2)).toBe('90');
  });

  it('maskPhone never reveals a whole number, keeps every non-digit and the length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+0-9 ()-]{0,24}$/), (text) => {
        const masked = maskPhone(text);
        expect(masked).toHaveLength(text.length);
        expect(masked.replace(/[\d*]/g, '#')).toBe(text.replace(/\d/g, '#'));
        const digits = text.replace(/\D/g, '').length;
        if (digits > 0) expect(masked).toContain('*');
        [...masked].forEach((c, i) => {
          if (c !== '*') expect(c).toBe(text[i]);
        });
      }),
    );
  });
});
