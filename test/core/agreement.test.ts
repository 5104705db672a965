import { krippendorffAlphaInterval } from '../../src/core/agreement';

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
 * 12 units, values 1–5 with missing data. Published interval alpha: 0.849.
 */
const NA = undefined;
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
  [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
];
const units = OBSERVERS[0].map((_, u) => OBSERVERS.map((o) => o[u]).filter((v): v is number => v !== undefined));

describe("Krippendorff's alpha (interval)", () => {
  it('reproduces the published worked example: 0.849', () => {
    const result = krippendorffAlphaInterval(units);
    expect(result.alpha!.toFixed(3)).toBe('0.849');
    expect(result.units).toBe(11); // unit 12 has a single value
    expect(result.values).toBe(40);
  });

  it('is 1 for perfect agreement and undefined when nothing varies or nothing pairs', () => {
    expect(
      krippendorffAlphaInterval([
        [70, 70],
        [55, 55, 55],
        [90, 90],
      ]).alpha,
    ).toBe(1);
    expect(
      krippendorffAlphaInterval([
        [60, 60],
        [60, 60],
      ]).alpha,
    ).toBeUndefined();
    expect(krippendorffAlphaInterval([[60], [70]]).alpha).toBeUndefined();
  });

  it('does not depend on the order of units or of values within a unit', () => {
    const shuffled = [...units].reverse().map((u) => [...u].reverse());
    expect(krippendorffAlphaInterval(shuffled).alpha).toBeCloseTo(krippendorffAlphaInterval(units).alpha!, 12);
  });
});
