import { describeWindow, isInsideWindow, objectionWindow, windowClosed } from '../../src/core/objectionWindow';
import { parseSettings, type Settings } from '../../src/core/settings';

function settings(overrides: Partial<Settings>): Settings {
  const parsed = parseSettings(undefined, 480);
  if (!parsed.ok) throw new Error('defaults must parse');
  return { ...parsed.settings, ...overrides };
}

describe('objectionWindow', () => {
  it('is undefined until the administrative results are announced', () => {
    expect(objectionWindow(settings({}))).toBeUndefined();
  });

  it('runs Masa sanggah calendar days from the day after the announcement, across a month end', () => {
    const window = objectionWindow(settings({ adminAnnouncementDate: { year: 2019, month: 11, day: 27 } }))!;
    expect(window).toEqual({ first: { year: 2019, month: 11, day: 28 }, last: { year: 2019, month: 11, day: 30 } });
    expect(describeWindow(window, 'id')).toBe('Kamis, 28 November 2019 s.d. Sabtu, 30 November 2019');
    expect(describeWindow(window, 'en')).toBe('Thursday, 28 November 2019 to Saturday, 30 November 2019');
    const longer = objectionWindow(
      settings({ adminAnnouncementDate: { year: 2019, month: 11, day: 29 }, objectionDays: 3 }),
    )!;
    expect(longer.last).toEqual({ year: 2019, month: 12, day: 2 });
  });

  it('includes both ends, excludes the announcement day itself, and closes after the last day', () => {
    const window = objectionWindow(settings({ adminAnnouncementDate: { year: 2019, month: 11, day: 27 } }))!;
    expect(isInsideWindow(window, { year: 2019, month: 11, day: 27 })).toBe(false);
    expect(isInsideWindow(window, { year: 2019, month: 11, day: 28 })).toBe(true);
    expect(isInsideWindow(window, { year: 2019, month: 11, day: 30 })).toBe(true);
    expect(isInsideWindow(window, { year: 2019, month: 12, day: 1 })).toBe(false);
    expect(windowClosed(window, { year: 2019, month: 11, day: 30 })).toBe(false);
    expect(windowClosed(window, { year: 2019, month: 12, day: 1 })).toBe(true);
  });

  it('is empty with a period of 0 days: nothing arrives inside it and it is closed the day after', () => {
    const window = objectionWindow(
      settings({ adminAnnouncementDate: { year: 2019, month: 11, day: 27 }, objectionDays: 0 }),
    )!;
    expect(isInsideWindow(window, { year: 2019, month: 11, day: 28 })).toBe(false);
    expect(isInsideWindow(window, { year: 2019, month: 11, day: 27 })).toBe(false);
    expect(windowClosed(window, { year: 2019, month: 11, day: 28 })).toBe(true);
    expect(describeWindow(window, 'id')).toBe('tanpa masa sanggah');
  });
});
