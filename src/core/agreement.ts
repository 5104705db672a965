/**
 * Panel agreement: Krippendorff's alpha with the interval metric, for any number of panelists and
 * missing values (recusals, panelists who did not score a candidate). Units with fewer than two
 * values are not pairable and are left out, as the method prescribes.
 *
 *   alpha = 1 − D_o / D_e
 *   D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} (v_i − v_j)²      (observed disagreement within units)
 *   D_e = 1/(n(n − 1)) Σ_{i≠j over all pairable values} (v_i − v_j)²   (expected disagreement)
 * where m_u is the number of values in unit u and n the number of pairable values.
 * Verified against Krippendorff's worked example (Computing Krippendorff's Alpha-Reliability, 2011).
 */
export interface AlphaResult {
  /** Undefined when there is nothing to compare (fewer than two pairable values, or no variation). */
  alpha: number | undefined;
  /** Units (candidates) with at least two values. */
  units: number;
  /** Pairable values. */
  values: number;
}

export function krippendorffAlphaInterval(units: ReadonlyArray<readonly number[]>): AlphaResult {
  const pairable = units.filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return { alpha: undefined, units: pairable.length, values: n };
  let observed = 0;
  for (const u of pairable) {
    let within = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) within += (u[i] - u[j]) ** 2;
    observed += within / (u.length - 1);
  }
  observed /= n;
  // Σ_{i≠j} (v_i − v_j)² = 2n Σ v² − 2 (Σ v)², computed in O(n).
  let sum = 0;
  let squares = 0;
  for (const v of all) {
    sum += v;
    squares += v * v;
  }
  const expected = (2 * n * squares - 2 * sum * sum) / (n * (n - 1));
  if (expected <= 0) return { alpha: undefined, units: pairable.length, values: n };
  return { alpha: 1 - observed / expected, units: pairable.length, values: n };
}

/** A plain-language reading of alpha (Krippendorff's own thresholds). */
export function alphaReading(alpha: number | undefined): { id: string; en: string } {
  if (alpha === undefined)
    return { id: 'belum dapat dihitung (nilai belum cukup)', en: 'cannot be computed yet (not enough scores)' };
  if (alpha >= 0.8) return { id: 'kesepakatan panel baik', en: 'good panel agreement' };
  if (alpha >= 0.667)
    return {
      id: 'kesepakatan panel cukup; bahas kriteria yang sering berbeda',
      en: 'tentative agreement; discuss the criteria where scores differ',
    };
  return {
    id: 'kesepakatan panel rendah; samakan pemahaman rubrik sebelum memutuskan',
    en: 'low agreement; align the panel on the rubric before deciding',
  };
}
