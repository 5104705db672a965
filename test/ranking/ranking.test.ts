/**
 * Exact-output tests of `rankCandidates`: aggregation methods, quota units, per-village quotas,
 * reserves, the pass mark, Belum Lengkap, TMS, the spread flag, hand-edited rows and the tie-break
 * chain. Every expected number is worked out by hand from WORKBOOK.md and the issue text; the
 * arithmetic is in the comments. Panelist total = 12.5·(K1−1) + 7.5·(K2−1) + 5·(K3−1).
 */
import { weightedTotal } from '../../src/core/rubric';
import {
  type Cand,
  T,
  byId,
  flagsId,
  handTotal,
  input,
  panel,
  rubric,
  run,
  score,
  sealedFlags,
  summary,
  tampered,
  witaDateTime,
} from './fixtures';
import { rankCandidates } from '../../src/core/ranking';

const UNSEALED_1 = '1 nilai diubah manual (segel tidak cocok), tidak dihitung sampai dikirim ulang';

describe('fixture arithmetic', () => {
  test('the hand totals of the T triples equal the weighted totals bit for bit', () => {
    const criteria = rubric().criteria;
    expect(criteria.map((c) => [c.code, c.weight, c.tieBreak])).toEqual([
      ['K1', 0.5, 1],
      ['K2', 0.3, 2],
      ['K3', 0.2, undefined],
    ]);
    for (const [key, t] of Object.entries(T)) {
      expect(handTotal(t)).toBe(Number(key));
      expect(weightedTotal(criteria, { K1: t[0], K2: t[1], K3: t[2] })).toBe(Number(key));
    }
  });
});

describe('Metode agregasi', () => {
  test('Rata-rata: plain mean of the panelist totals, one decimal', () => {
    const r = run({
      candidates: [{ id: 'K-0001' }, { id: 'K-0002', village: 'Takisung', district: 'Takisung' }],
      // K-0001: (60 + 75 + 80) / 3 = 215 / 3 = 71.666… → 71.7
      // K-0002: (62.5 + 70) / 2 = 66.25 → 66.3 (half up)
      scores: [...panel('K-0001', T[60], T[75], T[80]), ...panel('K-0002', T[62.5], T[70])],
    });
    const a = byId(r, 'K-0001');
    expect(a.final).toBe(71.7);
    expect(a.totals.map((t) => t.total)).toEqual([60, 75, 80]);
    expect(a.totals.map((t) => t.adjusted)).toEqual([60, 75, 80]);
    expect(a.totals.map((t) => t.email)).toEqual(['p1@panel.id', 'p2@panel.id', 'p3@panel.id']);
    // criterion means: K1 (4+4+5)/3 = 4.333…, K2 (4+4+5)/3, K3 (1+4+1)/3 = 2
    expect(a.criterionMeans.K1).toBeCloseTo(13 / 3, 12);
    expect(a.criterionMeans.K2).toBeCloseTo(13 / 3, 12);
    expect(a.criterionMeans.K3).toBe(2);
    expect(a.spread).toBe(20); // 80 − 60
    expect(byId(r, 'K-0002').final).toBe(66.3);
    expect(r.fallbacks).toEqual([]);
  });

  test('Rata-rata terpangkas with 4 scores drops the highest and the lowest', () => {
    const r = run({
      settings: { 'Metode agregasi': 'Rata-rata terpangkas' },
      candidates: [{ id: 'K-0001' }, { id: 'K-0002', village: 'Takisung' }, { id: 'K-0003', village: 'Kurau' }],
      scores: [
        // 40, 60, 70, 100 → drop 40 and 100 → (60 + 70) / 2 = 65.0   (plain mean would be 67.5)
        ...panel('K-0001', T[40], T[100], T[60], T[70]),
        // 20, 40, 60, 70, 100 → drop 20 and 100 → (40 + 60 + 70) / 3 = 56.666… → 56.7
        ...panel('K-0002', T[60], T[20], T[100], T[40], T[70]),
        // 60, 60, 80, 80 → drop one 60 and one 80 → (60 + 80) / 2 = 70.0
        ...panel('K-0003', T[60], T[80], T[60], T[80]),
      ],
    });
    expect(byId(r, 'K-0001').final).toBe(65);
    expect(byId(r, 'K-0002').final).toBe(56.7);
    expect(byId(r, 'K-0003').final).toBe(70);
    // spread is still on all counted totals: 100 − 40 = 60
    expect(byId(r, 'K-0001').spread).toBe(60);
  });

  test('Rata-rata terpangkas with only 3 scores keeps them all (plain mean)', () => {
    const r = run({
      settings: { 'Metode agregasi': 'Rata-rata terpangkas' },
      candidates: [{ id: 'K-0001' }],
      // 40, 60, 100 → fewer than 4 → mean 200 / 3 = 66.666… → 66.7   (trimming would give 60)
      scores: panel('K-0001', T[40], T[60], T[100]),
    });
    expect(byId(r, 'K-0001').final).toBe(66.7);
  });

  describe('Skor-z', () => {
    // L (lenient) and S (strict) score C1..C5; F scores only C1 and C3 (2 scores → fallback).
    //   L: 60, 70, 80, 90, 100   mean 80, sample SD √(1000/4) = √250 = 15.8114
    //   S: 40, 50, 60, 70, 80    mean 60, sample SD √250
    //   F: 70 (C1), 70 (C3)      fewer than 5 → raw totals
    // Pool = all 12 counted totals: sum 400 + 300 + 140 = 840 → mean 70;
    //   squared deviations L 100+0+100+400+900 = 1500, S 900+400+100+0+100 = 1500, F 0 → 3000;
    //   sample SD √(3000/11) = √272.727… = 16.5145.
    // adjusted = 70 + (t − panelist mean) × 16.5145 / 15.8114 = 70 + dev × √(272.727/250) = 70 + dev × 1.0444659
    //   dev −20 → 49.110682, −10 → 59.555341, 0 → 70, +10 → 80.444659, +20 → 90.889318 (same for L and S).
    // C1: (49.110682 + 49.110682 + 70) / 3 = 168.221364 / 3 = 56.0738 → 56.1
    // C2: 59.555341 → 59.6      C3: (70 + 70 + 70) / 3 = 70.0
    // C4: 80.444659 → 80.4      C5: 90.889318 → 90.9
    // (with the population SD the factor would be √(250/200) = 1.118 and C1 would be 55.0.)
    const L = [60, 70, 80, 90, 100] as const;
    const S = [40, 50, 60, 70, 80] as const;
    const ids = ['C1', 'C2', 'C3', 'C4', 'C5'];
    const scores = [
      ...ids.map((id, i) => score(id, 'l@panel.id', T[L[i]])),
      ...ids.map((id, i) => score(id, 's@panel.id', T[S[i]])),
      score('C1', 'F@Panel.id', T[70]),
      score('C3', 'f@panel.id', T[70]),
    ];
    const r = run({ settings: { 'Metode agregasi': 'Skor-z' }, candidates: ids.map((id) => ({ id })), scores });

    test('finals, ranks and results', () => {
      expect(summary(r)).toEqual({
        C1: [56.1, 5, 'Tidak Lulus'],
        C2: [59.6, 4, 'Tidak Lulus'], // below 60 under Skor-z (plain mean would be (70 + 50) / 2 = 60)
        C3: [70, 3, 'Tidak Lulus'],
        C4: [80.4, 2, 'Cadangan'],
        C5: [90.9, 1, 'Lulus'],
      });
    });

    test('adjusted totals per panelist; the fallback panelist keeps raw totals', () => {
      const c1 = byId(r, 'C1');
      expect(c1.totals.map((t) => t.total)).toEqual([60, 40, 70]);
      expect(c1.totals[0].adjusted).toBeCloseTo(49.110682, 5);
      expect(c1.totals[1].adjusted).toBeCloseTo(49.110682, 5);
      expect(c1.totals[2].adjusted).toBe(70);
      // spread stays on raw totals: 70 − 40 = 30 > 20
      expect(c1.spread).toBe(30);
      expect(flagsId(c1)).toEqual(['selisih penilai 30 > 20']);
    });

    test('ranking.fallbacks names the panelist with fewer than 5 scores and their count', () => {
      expect(r.fallbacks).toEqual([{ email: 'f@panel.id', count: 2 }]);
    });

    test('no fallbacks are reported under Rata-rata', () => {
      const mean = run({ candidates: ids.map((id) => ({ id })), scores });
      expect(mean.fallbacks).toEqual([]);
      // C1 plain mean (60 + 40 + 70) / 3 = 56.666… → 56.7; C2 (70 + 50) / 2 = 60.0 (passes the mark)
      expect(byId(mean, 'C1').final).toBe(56.7);
      expect(byId(mean, 'C2').final).toBe(60);
    });
  });

  test('Skor-z: zero-spread panelist falls back (raw), adjusted totals are clipped to 100', () => {
    // P: 100 (X), 50 (Y1..Y4): mean 60, sample SD √((4·10² + 40²)/4) = √500 = 22.3607
    // Q: 100 on all five → SD 0 → fallback (raw), count 5
    // Pool: 50 ×4, 100 ×6 → mean 800/10 = 80; squared deviations 4·900 + 6·400 = 6000 → SD √(6000/9) = 25.8199
    // P's 100: 80 + (40 / 22.3607) × 25.8199 = 80 + 46.188 = 126.188 → clipped to 100
    // P's 50:  80 − (10 / 22.3607) × 25.8199 = 80 − 11.547 = 68.453
    // X: (100 + 100) / 2 = 100.0;  Y: (68.453 + 100) / 2 = 84.2265 → 84.2
    const ids = ['X', 'Y1', 'Y2', 'Y3', 'Y4'];
    const scores = [
      ...ids.map((id) => score(id, 'p@panel.id', id === 'X' ? T[100] : T[50])),
      ...ids.map((id) => score(id, 'q@panel.id', T[100])),
    ];
    const r = run({
      settings: { 'Metode agregasi': 'Skor-z', 'Kuota per unit': 5 },
      candidates: ids.map((id) => ({ id })),
      scores,
    });
    expect(r.fallbacks).toEqual([{ email: 'q@panel.id', count: 5 }]);
    const x = byId(r, 'X');
    expect(x.totals.map((t) => t.adjusted)).toEqual([100, 100]);
    expect(x.final).toBe(100);
    for (const id of ids.slice(1)) {
      expect(byId(r, id).totals[0].adjusted).toBeCloseTo(68.453, 3);
      expect(byId(r, id).final).toBe(84.2);
    }
  });
});

describe('Unit kuota', () => {
  // Two identical panel scores each, so each final is the total itself.
  const cands: Cand[] = [
    { id: 'A1', village: 'Angsau', district: 'Pelaihari' }, // 90
    { id: 'A2', village: 'Angsau', district: 'Pelaihari' }, // 80
    { id: 'A3', village: 'Angsau', district: 'Pelaihari' }, // 70
    { id: 'B1', village: 'Karang Taruna', district: 'Pelaihari' }, // 75
    { id: 'C1', village: 'Takisung', district: 'Takisung' }, // 65
    { id: 'D1', village: 'Jawa', district: 'Martapura', regency: 'Banjar' }, // 62.5
  ];
  const scores = [
    ...panel('A1', T[90], T[90]),
    ...panel('A2', T[80], T[80]),
    ...panel('A3', T[70], T[70]),
    ...panel('B1', T[75], T[75]),
    ...panel('C1', T[65], T[65]),
    ...panel('D1', T[62.5], T[62.5]),
  ];

  test('Desa (default): each village is ranked alone', () => {
    const r = run({ candidates: cands, scores });
    expect(summary(r)).toEqual({
      A1: [90, 1, 'Lulus'],
      A2: [80, 2, 'Cadangan'],
      A3: [70, 3, 'Tidak Lulus'],
      B1: [75, 1, 'Lulus'],
      C1: [65, 1, 'Lulus'],
      D1: [62.5, 1, 'Lulus'],
    });
    expect(byId(r, 'A1').unit).toMatchObject({
      label: 'Angsau, Kec. Pelaihari, Tanah Laut',
      regency: 'Tanah Laut',
      quota: 1,
    });
    expect(byId(r, 'D1').unit).toMatchObject({ label: 'Jawa, Kec. Martapura, Banjar', regency: 'Banjar', quota: 1 });
  });

  test('Kecamatan: villages of one district compete', () => {
    const r = run({ settings: { 'Unit kuota': 'Kecamatan' }, candidates: cands, scores });
    expect(summary(r)).toEqual({
      A1: [90, 1, 'Lulus'],
      A2: [80, 2, 'Cadangan'],
      B1: [75, 3, 'Tidak Lulus'],
      A3: [70, 4, 'Tidak Lulus'],
      C1: [65, 1, 'Lulus'],
      D1: [62.5, 1, 'Lulus'],
    });
    expect(byId(r, 'B1').unit).toMatchObject({ label: 'Kec. Pelaihari, Tanah Laut', quota: 1 });
    expect(byId(r, 'B1').unit.key).toBe(byId(r, 'A1').unit.key);
  });

  test('Kabupaten/Kota: the whole regency competes; regency spellings normalise', () => {
    const spelled = cands.map((c) => (c.id === 'C1' ? { ...c, regency: 'Kab. Tanah Laut' } : c));
    const r = run({ settings: { 'Unit kuota': 'Kabupaten/Kota' }, candidates: spelled, scores });
    expect(summary(r)).toEqual({
      A1: [90, 1, 'Lulus'],
      A2: [80, 2, 'Cadangan'],
      B1: [75, 3, 'Tidak Lulus'],
      A3: [70, 4, 'Tidak Lulus'],
      C1: [65, 5, 'Tidak Lulus'],
      D1: [62.5, 1, 'Lulus'],
    });
    expect(byId(r, 'A1').unit).toMatchObject({ label: 'Tanah Laut', quota: 1 });
  });

  test('Kabupaten/Kota with Kuota per unit 2', () => {
    const r = run({ settings: { 'Unit kuota': 'Kabupaten/Kota', 'Kuota per unit': 2 }, candidates: cands, scores });
    expect(summary(r)).toEqual({
      A1: [90, 1, 'Lulus'],
      A2: [80, 2, 'Lulus'],
      B1: [75, 3, 'Cadangan'],
      A3: [70, 4, 'Tidak Lulus'],
      C1: [65, 5, 'Tidak Lulus'],
      D1: [62.5, 1, 'Lulus'],
    });
  });

  test('the same village name in two districts is two units', () => {
    const r = run({
      candidates: [
        { id: 'S1', village: 'Sungai Rasau', district: 'Pelaihari' },
        { id: 'S2', village: 'Sungai Rasau', district: 'Bati Bati' },
      ],
      scores: [...panel('S1', T[70], T[70]), ...panel('S2', T[80], T[80])],
    });
    expect(summary(r)).toEqual({ S1: [70, 1, 'Lulus'], S2: [80, 1, 'Lulus'] });
  });
});

describe('per-village Kuota on Desa Sasaran', () => {
  const cands: Cand[] = [
    { id: 'A1', village: 'Angsau' }, // 90
    { id: 'A2', village: 'Angsau' }, // 80
    { id: 'A3', village: 'Angsau' }, // 70
    { id: 'B1', village: 'Karang Taruna' }, // 75
    { id: 'B2', village: 'Karang Taruna' }, // 65
    { id: 'C1', village: 'Takisung', district: 'Takisung' }, // 65
    { id: 'D1', village: 'Jawa', district: 'Martapura', regency: 'Banjar' }, // 62.5, not listed
  ];
  const scores = [
    ...panel('A1', T[90], T[90]),
    ...panel('A2', T[80], T[80]),
    ...panel('A3', T[70], T[70]),
    ...panel('B1', T[75], T[75]),
    ...panel('B2', T[65], T[65]),
    ...panel('C1', T[65], T[65]),
    ...panel('D1', T[62.5], T[62.5]),
  ];
  const desa = [
    ['Kalimantan Selatan', 'Kab. Tanah Laut', 'Kec. Pelaihari', 'Desa Angsau', 2], // names normalise
    ['Kalimantan Selatan', 'Tanah Laut', 'Pelaihari', 'Karang Taruna', ''], // blank → setting
    ['Kalimantan Selatan', 'Tanah Laut', 'Takisung', 'Takisung', 0], // nobody passes here
  ];

  test('Kuota overrides Kuota per unit for that village only', () => {
    const r = run({ candidates: cands, scores, villages: desa });
    expect(summary(r)).toEqual({
      A1: [90, 1, 'Lulus'],
      A2: [80, 2, 'Lulus'],
      A3: [70, 3, 'Cadangan'],
      B1: [75, 1, 'Lulus'],
      B2: [65, 2, 'Cadangan'],
      C1: [65, 1, 'Cadangan'],
      D1: [62.5, 1, 'Lulus'],
    });
    expect(['A1', 'B1', 'C1', 'D1'].map((id) => byId(r, id).unit.quota)).toEqual([2, 1, 0, 1]);
  });

  test('a blank Kuota follows the Kuota per unit setting', () => {
    const r = run({ settings: { 'Kuota per unit': 3 }, candidates: cands, scores, villages: desa });
    expect(['A1', 'B1', 'C1', 'D1'].map((id) => byId(r, id).unit.quota)).toEqual([2, 3, 0, 3]);
    expect(byId(r, 'B2').result).toBe('Lulus');
    expect(byId(r, 'A3').result).toBe('Cadangan');
  });
});

describe('Jumlah cadangan', () => {
  test('reserves follow those who pass, up to the setting', () => {
    const r = run({
      settings: { 'Jumlah cadangan': 2 },
      candidates: ['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => ({ id })),
      scores: [
        ...panel('R1', T[90], T[90]),
        ...panel('R2', T[82.5], T[82.5]),
        ...panel('R3', T[75], T[75]),
        ...panel('R4', T[70], T[70]),
        ...panel('R5', T[50], T[50]),
      ],
    });
    expect(summary(r)).toEqual({
      R1: [90, 1, 'Lulus'],
      R2: [82.5, 2, 'Cadangan'],
      R3: [75, 3, 'Cadangan'],
      R4: [70, 4, 'Tidak Lulus'],
      R5: [50, 5, 'Tidak Lulus'],
    });
  });

  test('a reserve must also reach the pass mark', () => {
    const r = run({
      settings: { 'Jumlah cadangan': 2 },
      candidates: ['R1', 'R2', 'R3'].map((id) => ({ id })),
      scores: [...panel('R1', T[90], T[90]), ...panel('R2', T[65], T[65]), ...panel('R3', T[50], T[50])],
    });
    expect(summary(r)).toEqual({ R1: [90, 1, 'Lulus'], R2: [65, 2, 'Cadangan'], R3: [50, 3, 'Tidak Lulus'] });
  });

  test('Jumlah cadangan 0: no reserves', () => {
    const r = run({
      settings: { 'Jumlah cadangan': 0 },
      candidates: ['R1', 'R2'].map((id) => ({ id })),
      scores: [...panel('R1', T[90], T[90]), ...panel('R2', T[80], T[80])],
    });
    expect(summary(r)).toEqual({ R1: [90, 1, 'Lulus'], R2: [80, 2, 'Tidak Lulus'] });
  });
});

describe('Ambang lulus', () => {
  test('exactly at the pass mark passes; below it does not, even with quota left', () => {
    const r = run({
      settings: { 'Kuota per unit': 3, 'Jumlah cadangan': 0 },
      candidates: ['P1', 'P2'].map((id) => ({ id })),
      // P1: (60 + 60) / 2 = 60.0 = Ambang lulus → Lulus; P2: (60 + 50) / 2 = 55.0 → Tidak Lulus
      scores: [...panel('P1', T[60], [5, 1, 3]), ...panel('P2', T[60], T[50])], // [5,1,3] = 50 + 0 + 10 = 60
    });
    expect(summary(r)).toEqual({ P1: [60, 1, 'Lulus'], P2: [55, 2, 'Tidak Lulus'] });
  });

  test('a decimal pass mark ("62,5"); the rounded final is what is compared', () => {
    const r = run({
      settings: { 'Ambang lulus': '62,5', 'Kuota per unit': 5, 'Jumlah cadangan': 0 },
      candidates: ['P1', 'P2', 'P3'].map((id) => ({ id })),
      scores: [
        ...panel('P1', T[62.5], T[62.5]), // 62.5 → Lulus
        ...panel('P2', T[60], T[65]), //     (60 + 65) / 2 = 62.5 → Lulus
        ...panel('P3', T[60], T[62.5]), //   (60 + 62.5) / 2 = 61.25 → 61.3 < 62.5 → Tidak Lulus
      ],
    });
    expect(summary(r)).toEqual({ P1: [62.5, 2, 'Lulus'], P2: [62.5, 1, 'Lulus'], P3: [61.3, 3, 'Tidak Lulus'] });
    // P1 and P2 tie on 62.5; K1 means P1 2, P2 (4 + 3) / 2 = 3.5 → P2 first
    expect(byId(r, 'P1').tieBreak?.id).toBe('seri dengan P2, diputus oleh K1 (A)');
    const at613 = run({
      settings: { 'Ambang lulus': 61.3 },
      candidates: [{ id: 'P3' }],
      scores: panel('P3', T[60], T[62.5]), // 61.25 shows as 61.3 → what people see passes
    });
    expect(summary(at613)).toEqual({ P3: [61.3, 1, 'Lulus'] });
  });
});

describe('Belum Lengkap', () => {
  test('fewer non-recused scores than Jumlah penilai minimum; recusals do not count', () => {
    const r = run({
      candidates: [{ id: 'B1' }, { id: 'B2' }, { id: 'B3' }],
      scores: [
        score('B1', 'p1@panel.id', T[90]),
        score('B1', 'p2@panel.id', T[90], { recused: true }), // recusal: not a score
        ...panel('B2', T[60], T[60]),
      ],
    });
    const b1 = byId(r, 'B1');
    expect([b1.final, b1.rank, b1.result]).toEqual([undefined, undefined, 'Belum Lengkap']);
    expect(b1.totals.map((t) => t.total)).toEqual([90]);
    expect(b1.recusals).toBe(1);
    expect(summary(r).B2).toEqual([60, 1, 'Lulus']);
    expect(summary(r).B3).toEqual([undefined, undefined, 'Belum Lengkap']); // no scores at all
    expect(byId(r, 'B3').spread).toBeUndefined();
  });

  test('Jumlah penilai minimum 3', () => {
    const r = run({
      settings: { 'Jumlah penilai minimum': 3 },
      candidates: [{ id: 'B1' }, { id: 'B2' }],
      scores: [...panel('B1', T[90], T[90]), ...panel('B2', T[70], T[70], T[80])],
    });
    // B1 has 2 < 3 → Belum Lengkap (and does not take the quota); B2 (70 + 70 + 80) / 3 = 73.333… → 73.3
    expect(summary(r)).toEqual({ B1: [undefined, undefined, 'Belum Lengkap'], B2: [73.3, 1, 'Lulus'] });
  });

  test('Status Administrasi Perlu Cek or blank: Belum Lengkap with a flag (documented choice)', () => {
    const r = run({
      candidates: [{ id: 'V1', status: 'Perlu Cek' }, { id: 'V2', status: '' }, { id: 'V3' }],
      scores: [...panel('V1', T[100], T[100]), ...panel('V2', T[95], T[95]), ...panel('V3', T[60], T[60])],
    });
    expect(byId(r, 'V1').result).toBe('Belum Lengkap');
    expect(byId(r, 'V1').rank).toBeUndefined();
    expect(flagsId(byId(r, 'V1'))).toEqual(['status administrasi Perlu Cek: selesaikan verifikasi']);
    expect(byId(r, 'V1').flags[0].en).toBe('administrative status Perlu Cek: finish the verification');
    expect(byId(r, 'V2').result).toBe('Belum Lengkap');
    expect(flagsId(byId(r, 'V2'))).toEqual(['belum divalidasi']);
    expect(summary(r).V3).toEqual([60, 1, 'Lulus']);
  });
});

describe('TMS', () => {
  test('TMS stays TMS with top scores and takes no rank or quota', () => {
    const r = run({
      candidates: [{ id: 'T1', status: 'TMS' }, { id: 'T2' }, { id: 'T3' }],
      scores: [...panel('T1', T[100], T[100]), ...panel('T2', T[70], T[70]), ...panel('T3', T[65], T[65])],
    });
    expect(byId(r, 'T1').result).toBe('TMS');
    expect(byId(r, 'T1').rank).toBeUndefined();
    expect(summary(r).T2).toEqual([70, 1, 'Lulus']);
    expect(summary(r).T3).toEqual([65, 2, 'Cadangan']);
  });

  test('TMS without any scores is TMS, not Belum Lengkap', () => {
    const r = run({ candidates: [{ id: 'T1', status: 'TMS' }], scores: [] });
    expect(byId(r, 'T1').result).toBe('TMS');
  });
});

describe('Batas selisih penilai', () => {
  test('max − min above the limit flags; equal to the limit does not', () => {
    const r = run({
      candidates: ['X1', 'X2'].map((id) => ({ id })),
      scores: [
        ...panel('X1', T[50], T[72.5]), // 72.5 − 50 = 22.5 > 20 → flag
        ...panel('X2', T[60], T[80]), //   80 − 60 = 20, not above → no flag
      ],
    });
    expect(byId(r, 'X1').spread).toBe(22.5);
    expect(flagsId(byId(r, 'X1'))).toEqual(['selisih penilai 22,5 > 20']);
    expect(byId(r, 'X1').flags[0].en).toBe('panel spread 22.5 > 20');
    expect(byId(r, 'X2').spread).toBe(20);
    expect(byId(r, 'X2').flags).toEqual([]);
  });

  test('a configured limit of 10', () => {
    const r = run({
      settings: { 'Batas selisih penilai': 10 },
      candidates: ['X1', 'X2'].map((id) => ({ id })),
      scores: [...panel('X1', T[70], T[80]), ...panel('X2', T[70], T[82.5])],
    });
    expect(byId(r, 'X1').flags).toEqual([]); // 10 = limit
    expect(flagsId(byId(r, 'X2'))).toEqual(['selisih penilai 12,5 > 10']);
  });

  // Regression (fixed in e88ea80 while these tests were written, "spread compared as shown"):
  // "flag a candidate when max − min of panelist totals exceeds this". Totals 40 (K 1,5,3:
  // 0 + 30 + 10) and 60 (K 3,3,5: 25 + 15 + 20) differ by exactly 20 = the limit, so no flag. The
  // floating-point sum gives 60.00000000000001 and a spread of 20.00000000000001, which used to be
  // flagged as "selisih penilai 20 > 20".
  test('a spread of exactly the limit is not flagged whatever criteria make up the totals', () => {
    const r = run({ candidates: [{ id: 'X1' }], scores: panel('X1', [1, 5, 3], [3, 3, 5]) });
    expect(byId(r, 'X1').flags).toEqual([]);
  });
});

describe('Segel (hand-edited rows)', () => {
  test('a row whose seal does not verify is not counted and the candidate is flagged', () => {
    const good = panel('U1', T[70], T[70]);
    const edited = tampered(score('U1', 'p3@panel.id', T[70]), T[100]); // 70 edited to 100 by hand
    const scores = [...good, edited];
    expect(sealedFlags(scores)).toEqual([true, true, false]);
    const r = run({ candidates: [{ id: 'U1' }], scores });
    const u = byId(r, 'U1');
    expect(u.totals.map((t) => t.total)).toEqual([70, 70]); // the 100 is not counted
    expect(u.final).toBe(70);
    expect(u.unsealed).toBe(1);
    expect(u.spread).toBe(0);
    expect(flagsId(u)).toEqual([UNSEALED_1]);
    expect(u.flags[0].en).toBe('1 score(s) edited by hand (seal mismatch), not counted until re-submitted');
  });

  test('an unsealed row does not count towards the minimum; a blank seal does not verify', () => {
    const blank = { ...score('U2', 'p2@panel.id', T[80]), seal: '' };
    const scores = [
      score('U2', 'p1@panel.id', T[80]),
      blank,
      score('U3', 'p1@panel.id', T[80]),
      tampered(score('U3', 'p2@panel.id', T[80]), T[80]),
    ];
    // U3's second row was "edited" to the same values: the seal still verifies, it counts
    expect(sealedFlags(scores)).toEqual([true, false, true, true]);
    const r = run({ candidates: [{ id: 'U2' }, { id: 'U3' }], scores });
    expect(summary(r).U2).toEqual([undefined, undefined, 'Belum Lengkap']);
    expect(flagsId(byId(r, 'U2'))).toEqual([UNSEALED_1]);
    expect(summary(r).U3).toEqual([80, 1, 'Lulus']);
  });

  test('once re-submitted (sealed again) the row counts', () => {
    const scores = [...panel('U1', T[70], T[70]), score('U1', 'p3@panel.id', T[100])];
    const r = run({ candidates: [{ id: 'U1' }], scores });
    // (70 + 70 + 100) / 3 = 80.0; spread 30 > 20
    expect(byId(r, 'U1').final).toBe(80);
    expect(flagsId(byId(r, 'U1'))).toEqual(['selisih penilai 30 > 20']);
  });

  test('the sealed flags given by the caller decide, in score order', () => {
    const scores = panel('U1', T[70], T[90], T[80]);
    const r = rankCandidates(input({ candidates: [{ id: 'U1' }], scores, sealed: [true, false, true] }));
    if ('missing' in r) throw new Error('missing');
    // (70 + 80) / 2 = 75.0
    expect(byId(r, 'U1').final).toBe(75);
    expect(byId(r, 'U1').unsealed).toBe(1);
  });
});

describe('ties and the tie-break chain', () => {
  // 70 three ways: [4,4,3] = 37.5 + 22.5 + 10; [5,1,5] = 50 + 0 + 20;
  // [4,3,5] = 72.5 and [4,3,4] = 67.5 → mean 70.
  test('broken by the first Urutan Penentu criterion (K1)', () => {
    const r = run({
      candidates: [{ id: 'K-0001' }, { id: 'K-0002' }],
      scores: [...panel('K-0001', T[70], T[70]), ...panel('K-0002', [5, 1, 5], [5, 1, 5])],
    });
    // K1 means: K-0001 4, K-0002 5 → K-0002 first
    expect(summary(r)).toEqual({ 'K-0001': [70, 2, 'Cadangan'], 'K-0002': [70, 1, 'Lulus'] });
    expect(byId(r, 'K-0001').tieBreak).toEqual({
      id: 'seri dengan K-0002, diputus oleh K1 (A)',
      en: 'tied with K-0002, broken by K1 (A)',
    });
    expect(byId(r, 'K-0002').tieBreak).toBeUndefined();
    expect(byId(r, 'K-0001').flags).toEqual([]);
  });

  test('broken by the second criterion (K2) when K1 means are equal', () => {
    const r = run({
      candidates: [{ id: 'K-0004' }, { id: 'K-0003' }],
      scores: [...panel('K-0003', T[70], T[70]), ...panel('K-0004', [4, 3, 5], [4, 3, 4])],
    });
    // K1 means 4 and 4; K2 means K-0003 4, K-0004 3 → K-0003 first
    expect(summary(r)).toEqual({ 'K-0003': [70, 1, 'Lulus'], 'K-0004': [70, 2, 'Cadangan'] });
    expect(byId(r, 'K-0004').criterionMeans).toEqual({ K1: 4, K2: 3, K3: 4.5 });
    expect(byId(r, 'K-0004').tieBreak).toEqual({
      id: 'seri dengan K-0003, diputus oleh K2 (B)',
      en: 'tied with K-0003, broken by K2 (B)',
    });
  });

  test('Urutan Penentu order, not row order, decides which criterion comes first', () => {
    const swapped = [
      ['Kode', 'Kriteria', 'Bobot', 'Skor Min', 'Skor Maks', 'Panduan', 'Urutan Penentu'],
      ['K1', 'A', 50, 1, 5, '', 2],
      ['K2', 'B', 30, 1, 5, '', 1],
      ['K3', 'C', 20, 1, 5, '', ''],
    ];
    // K-0001: K1 4, K2 4; K-0002: K1 5, K2 1. With K2 first, K-0001 wins (4 > 1).
    const r = run({
      rubric: swapped,
      candidates: [{ id: 'K-0001' }, { id: 'K-0002' }],
      scores: [...panel('K-0001', T[70], T[70]), ...panel('K-0002', [5, 1, 5], [5, 1, 5])],
    });
    expect(summary(r)).toEqual({ 'K-0001': [70, 1, 'Lulus'], 'K-0002': [70, 2, 'Cadangan'] });
    expect(byId(r, 'K-0002').tieBreak?.id).toBe('seri dengan K-0001, diputus oleh K2 (B)');
  });

  test('broken by the earlier Tanggal Daftar, times of day included', () => {
    const r = run({
      candidates: [
        { id: 'K-0005', registered: witaDateTime(2019, 11, 4, 10, 30) },
        { id: 'K-0006', registered: witaDateTime(2019, 11, 4, 8, 15) }, // same day, earlier
      ],
      scores: [...panel('K-0005', T[70], T[70]), ...panel('K-0006', T[70], T[70])],
    });
    expect(summary(r)).toEqual({ 'K-0005': [70, 2, 'Cadangan'], 'K-0006': [70, 1, 'Lulus'] });
    expect(byId(r, 'K-0005').tieBreak).toEqual({
      id: 'seri dengan K-0006, diputus oleh Tanggal Daftar lebih awal',
      en: 'tied with K-0006, broken by earlier Tanggal Daftar',
    });
  });

  test('a typed date (3/11/2019, day-first) is earlier than a date cell on 4 November', () => {
    const r = run({
      candidates: [
        { id: 'K-0007', registered: witaDateTime(2019, 11, 4, 7, 0) },
        { id: 'K-0008', registered: '3/11/2019' },
      ],
      scores: [...panel('K-0007', T[70], T[70]), ...panel('K-0008', T[70], T[70])],
    });
    expect(summary(r)).toEqual({ 'K-0007': [70, 2, 'Cadangan'], 'K-0008': [70, 1, 'Lulus'] });
    expect(byId(r, 'K-0007').tieBreak?.id).toBe('seri dengan K-0008, diputus oleh Tanggal Daftar lebih awal');
  });

  test('broken by ID, numeric-aware (K-0009 before K-0010; K-9 before K-10)', () => {
    const when = witaDateTime(2019, 11, 4, 9, 0);
    const r = run({
      candidates: [
        { id: 'K-0010', registered: when },
        { id: 'K-0009', registered: when },
        { id: 'K-10', village: 'Kurau', district: 'Kurau' },
        { id: 'K-9', village: 'Kurau', district: 'Kurau' },
      ],
      scores: [
        ...panel('K-0010', T[70], T[70]),
        ...panel('K-0009', T[70], T[70]),
        ...panel('K-10', T[70], T[70]),
        ...panel('K-9', T[70], T[70]),
      ],
    });
    expect(summary(r)).toEqual({
      'K-0010': [70, 2, 'Cadangan'],
      'K-0009': [70, 1, 'Lulus'],
      'K-10': [70, 2, 'Cadangan'],
      'K-9': [70, 1, 'Lulus'],
    });
    expect(byId(r, 'K-0010').tieBreak).toEqual({
      id: 'seri dengan K-0009, diputus oleh ID',
      en: 'tied with K-0009, broken by ID',
    });
    expect(byId(r, 'K-10').tieBreak?.id).toBe('seri dengan K-9, diputus oleh ID');
  });

  test('a blank Tanggal Daftar on one side falls through to ID', () => {
    const r = run({
      candidates: [{ id: 'K-0012', registered: witaDateTime(2019, 11, 1, 8, 0) }, { id: 'K-0011' }],
      scores: [...panel('K-0012', T[70], T[70]), ...panel('K-0011', T[70], T[70])],
    });
    expect(byId(r, 'K-0012').tieBreak?.id).toBe('seri dengan K-0011, diputus oleh ID');
  });

  test('a three-way tie: each step named against the candidate just above', () => {
    const r = run({
      candidates: [
        { id: 'K-0021' },
        { id: 'K-0022', registered: witaDateTime(2019, 11, 2, 10, 0) },
        { id: 'K-0023', registered: witaDateTime(2019, 11, 2, 9, 0) },
      ],
      scores: [
        ...panel('K-0021', [5, 1, 5], [5, 1, 5]),
        ...panel('K-0022', T[70], T[70]),
        ...panel('K-0023', T[70], T[70]),
      ],
    });
    expect(summary(r)).toEqual({
      'K-0021': [70, 1, 'Lulus'],
      'K-0023': [70, 2, 'Cadangan'],
      'K-0022': [70, 3, 'Tidak Lulus'],
    });
    expect(byId(r, 'K-0023').tieBreak?.id).toBe('seri dengan K-0021, diputus oleh K1 (A)');
    expect(byId(r, 'K-0022').tieBreak?.id).toBe('seri dengan K-0023, diputus oleh Tanggal Daftar lebih awal');
  });

  test('no tie: no tie-break text', () => {
    const r = run({
      candidates: [{ id: 'K-0001' }, { id: 'K-0002' }],
      scores: [...panel('K-0001', T[70], T[70]), ...panel('K-0002', T[75], T[75])],
    });
    expect(r.candidates.map((c) => c.tieBreak)).toEqual([undefined, undefined]);
  });

  test('an exact (unbreakable) tie shares the rank; the next rank skips; the committee is asked', () => {
    // The same ID twice (stale MS statuses): both rows get the same scores and the same Tanggal Daftar.
    const r = run({
      candidates: [{ id: 'K-0030' }, { id: 'K-0030' }, { id: 'K-0031' }],
      scores: [...panel('K-0030', T[80], T[80]), ...panel('K-0031', T[70], T[70])],
    });
    const [first, second, third] = r.candidates;
    expect([first.rank, second.rank, third.rank]).toEqual([1, 1, 3]);
    expect([first.final, second.final, third.final]).toEqual([80, 80, 70]);
    expect([first.result, second.result].sort()).toEqual(['Cadangan', 'Lulus']);
    expect(third.result).toBe('Tidak Lulus');
    const tied = [first, second].find((c) => c.tieBreak);
    expect(tied?.tieBreak).toEqual({
      id: 'seri dengan K-0030 (tidak dapat diputus)',
      en: 'tied with K-0030 (cannot be broken)',
    });
    expect(flagsId(tied as (typeof r.candidates)[number])).toEqual(['seri tak terputus: putuskan oleh panitia']);
  });

  // Regression (fixed in e88ea80 while these tests were written, "IDs always break ties"):
  // "Ties are broken by the configured chain (criteria …, then earlier Tanggal Daftar, then ID)".
  // K-01 and K-1 are different IDs, so the ID step must break the tie (ranks 1 and 2). A numeric
  // localeCompare alone treats 01 and 1 as equal and used to report an unbreakable tie (both rank 1).
  // Now the numeric comparison falls back to code points: "K-01" < "K-1" ('0' < '1').
  test('different IDs always break a tie (K-01 vs K-1)', () => {
    const r = run({
      candidates: [{ id: 'K-1' }, { id: 'K-01' }],
      scores: [...panel('K-1', T[70], T[70]), ...panel('K-01', T[70], T[70])],
    });
    expect(summary(r)).toEqual({ 'K-01': [70, 1, 'Lulus'], 'K-1': [70, 2, 'Cadangan'] });
    expect(byId(r, 'K-1').tieBreak).toEqual({
      id: 'seri dengan K-01, diputus oleh ID',
      en: 'tied with K-01, broken by ID',
    });
    expect(r.candidates.flatMap((c) => c.flags)).toEqual([]);
  });

  // Regression (fixed): the same panel totals must give the same final score ("Panelist total = weighted rubric
  // score rescaled to 0–100"; final scores rounded to one decimal; ties broken by the chain). Both
  // candidates have panel totals 77.5 and 45: mean 122.5 / 2 = 61.25 → 61.3 (as the code gives for
  // 62.5 & 60). K-0041: [4,5,3] = 37.5 + 30 + 10 = 77.5, [1,5,4] = 0 + 30 + 15 = 45.
  //          K-0042: [5,2,5] = 50 + 7.5 + 20 = 77.5,  [1,5,4] = 45.
  // Tied at 61.3 → K1 means: K-0041 (4 + 1)/2 = 2.5, K-0042 (5 + 1)/2 = 3 → K-0042 first, passes.
  // The code sums floating-point weight × fraction: [5,2,5] gives 77.49999999999999, the mean
  // 61.249999999999996 rounds to 61.2, so K-0042 ranks second (Cadangan) and K-0041 passes instead.
  test('Regression (fixed): equal panel totals give equal final scores and go to the tie-break', () => {
    const r = run({
      candidates: [{ id: 'K-0041' }, { id: 'K-0042' }],
      scores: [...panel('K-0041', [4, 5, 3], [1, 5, 4]), ...panel('K-0042', [5, 2, 5], [1, 5, 4])],
    });
    expect(handTotal([4, 5, 3])).toBe(77.5);
    expect(handTotal([5, 2, 5])).toBe(77.5);
    expect(summary(r)).toEqual({ 'K-0041': [61.3, 2, 'Cadangan'], 'K-0042': [61.3, 1, 'Lulus'] });
    expect(byId(r, 'K-0041').tieBreak?.id).toBe('seri dengan K-0042, diputus oleh K1 (A)');
  });
});

describe('input shape', () => {
  test('a Kandidat tab without required columns reports them', () => {
    const base = input({ candidates: [{ id: 'K-0001' }], scores: [] });
    const out = rankCandidates({ ...base, candidates: [['ID', 'Nama Lengkap']] });
    expect('missing' in out && out.missing).toEqual(
      expect.arrayContaining(['NIK', 'Desa/Kelurahan', 'Kecamatan', 'Kabupaten/Kota']),
    );
  });

  test('score rows match candidate IDs case-insensitively; blank rows get no result', () => {
    const base = input({
      candidates: [{ id: 'K-0001' }],
      scores: [score('k-0001', 'p1@panel.id', T[70]), score('K-0001', 'p2@panel.id', T[70])],
    });
    const out = rankCandidates({ ...base, candidates: [...base.candidates, base.candidates[0].map(() => '')] });
    if ('missing' in out) throw new Error('missing');
    expect(out.candidates.map((c) => [c.id, c.final, c.result])).toEqual([['K-0001', 70, 'Lulus']]);
  });
});
