import { ageOn, calendarDateOfCell, formatDayAndDate, parseDateCell, parseDateText } from '../../src/core/dates';

const WITA = 8 * 60;

describe('parseDateText', () => {
  it.each([
    ['17/08/1990', { year: 1990, month: 8, day: 17 }],
    ['7-8-1990', { year: 1990, month: 8, day: 7 }],
    ['1990-08-17', { year: 1990, month: 8, day: 17 }],
    ['17 Agustus 1990', { year: 1990, month: 8, day: 17 }],
    ['3 Pebruari 1988', { year: 1988, month: 2, day: 3 }],
    ['12 Nopember 1991', { year: 1991, month: 11, day: 12 }],
    ['5 Agt 1993', { year: 1993, month: 8, day: 5 }],
    ['9 March 1990', { year: 1990, month: 3, day: 9 }],
    ['1 Okt 2000', { year: 2000, month: 10, day: 1 }],
    ['29/02/2000', { year: 2000, month: 2, day: 29 }],
  ])('reads %s', (text, date) => {
    expect(parseDateText(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['31/02/1990', 'invalid'],
    ['29/02/1999', 'invalid'],
    ['17 Agustusan 1990', 'format'],
    ['17/08/90', 'format'],
    ['kemarin', 'format'],
  ])('rejects %s as %s', (text, reason) => {
    expect(parseDateText(text)).toEqual({ ok: false, reason });
  });
});

describe('date cells', () => {
  it('reads a date cell as the calendar date the spreadsheet shows, whatever the machine zone', () => {
    // Midnight 17 Aug 1990 in Asia/Makassar is 16 Aug 16:00 UTC.
    expect(calendarDateOfCell(new Date(Date.UTC(1990, 7, 16, 16, 0)), WITA)).toEqual({ year: 1990, month: 8, day: 17 });
    // A historical offset an hour off (before 1964) still lands on the same day.
    expect(calendarDateOfCell(new Date(Date.UTC(1950, 0, 1, 15, 0)), WITA)).toEqual({ year: 1950, month: 1, day: 2 });
    expect(parseDateCell(new Date(Date.UTC(1990, 7, 16, 16, 0)), WITA)).toEqual({
      ok: true,
      date: { year: 1990, month: 8, day: 17 },
    });
  });

  it('treats blank as empty and numbers as not a date', () => {
    expect(parseDateCell('', WITA)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateCell('   ', WITA)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateCell(32874, WITA)).toEqual({ ok: false, reason: 'format' });
    expect(parseDateCell(true, WITA)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('ageOn and Indonesian dates', () => {
  it('counts whole years, the day before a birthday being one less', () => {
    expect(ageOn({ year: 2001, month: 11, day: 25 }, { year: 2019, month: 11, day: 25 })).toBe(18);
    expect(ageOn({ year: 2001, month: 11, day: 26 }, { year: 2019, month: 11, day: 25 })).toBe(17);
  });

  it('writes day and month names in Indonesian and English', () => {
    expect(formatDayAndDate({ year: 2019, month: 11, day: 27 }, 'id')).toBe('Rabu, 27 November 2019');
    expect(formatDayAndDate({ year: 2019, month: 8, day: 17 }, 'id')).toBe('Sabtu, 17 Agustus 2019');
    expect(formatDayAndDate({ year: 2019, month: 11, day: 27 }, 'en')).toBe('Wednesday, 27 November 2019');
  });
});
