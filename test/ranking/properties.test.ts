/**
 * Properties of `rankCandidates` over random candidates, score sets, seals and settings: one
 * result each, quotas and reserves respected, nobody below the pass mark or without MS passes,
 * and ranks 1..n per unit without gaps except for exact ties.
 */
import fc from 'fast-check';
import type { ScoreRow } from '../../src/core/scores';
import type { CellValue } from '../../src/core/types';
import { type Cand, type Triple, run, score, tampered, witaDateTime } from './fixtures';

const PLACES = [
  { village: 'Angsau', district: 'Pelaihari', regency: 'Tanah Laut' },
  { village: 'Karang Taruna', district: 'Pelaihari', regency: 'Tanah Laut' },
  { village: 'Takisung', district: 'Takisung', regency: 'Tanah Laut' },
  { village: 'Jawa', district: 'Martapura', regency: 'Banjar' },
] as const;

const RESULTS = ['Lulus', 'Cadangan', 'Tidak Lulus', 'Belum Lengkap', 'TMS'];

const triple = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }));

const candidateArb = fc.record({
  place: fc.integer({ min: 0, max: PLACES.length - 1 }),
  status: fc.constantFrom('MS', 'MS', 'MS', 'MS', 'TMS', 'Perlu Cek', ''),
  registered: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  // per panelist p1..p6: absent, or a row with scores, recusal and whether it was edited by hand
  rows: fc.array(
    fc.option(
      fc.record({
        t: triple,
        recused: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        edited: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { nil: undefined },
    ),
    { minLength: 6, maxLength: 6 },
  ),
});

const settingsArb = fc.record({
  'Metode agregasi': fc.constantFrom('Rata-rata', 'Rata-rata terpangkas', 'Skor-z'),
  'Unit kuota': fc.constantFrom('Desa', 'Kecamatan', 'Kabupaten/Kota'),
  'Kuota per unit': fc.integer({ min: 0, max: 3 }),
  'Jumlah cadangan': fc.integer({ min: 0, max: 2 }),
  'Ambang lulus': fc.constantFrom(0, 40, 50, 60, 62.5, 75, 100),
  'Jumlah penilai minimum': fc.integer({ min: 1, max: 3 }),
});

const kuotaArb = fc.option(
  fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), {
    minLength: PLACES.length,
    maxLength: PLACES.length,
  }),
  { nil: undefined },
);

describe('ranking properties', () => {
  test('results, quotas, reserves, pass mark, status and ranks are consistent', () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { minLength: 1, maxLength: 12 }),
        settingsArb,
        kuotaArb,
        (specs, settingValues, kuota) => {
          const cands: Cand[] = specs.map((s, i) => ({
            id: `K-${String(i + 1).padStart(4, '0')}`,
            ...PLACES[s.place],
            status: s.status,
            registered: s.registered === undefined ? '' : witaDateTime(2019, 11, 1 + s.registered, 8 + i, 0),
          }));
          const scores: ScoreRow[] = [];
          specs.forEach((s, i) =>
            s.rows.forEach((row, p) => {
              if (!row) return;
              const sealed = score(cands[i].id, `p${p + 1}@panel.id`, row.t as Triple, { recused: row.recused });
              scores.push(row.edited ? tampered(sealed, [row.t[0] === 5 ? 1 : 5, row.t[1], row.t[2]]) : sealed);
            }),
          );
          const villages = kuota
            ? PLACES.map((pl, i): CellValue[] => [
                'Kalimantan Selatan',
                pl.regency,
                pl.district,
                pl.village,
                kuota[i] ?? '',
              ])
            : undefined;
          const settings = settingValues as Record<string, CellValue>;
          const ranking = run({ candidates: cands, scores, settings, villages });
          const passMark = settingValues['Ambang lulus'];

          // every candidate gets exactly one result
          expect(ranking.candidates.map((c) => c.id)).toEqual(cands.map((c) => c.id));
          for (const c of ranking.candidates) {
            expect(RESULTS).toContain(c.result);
            expect(c.result === 'TMS').toBe(c.adminStatus === 'TMS');
            if (c.result === 'Lulus' || c.result === 'Cadangan') {
              expect(c.adminStatus).toBe('MS');
              expect(c.final).toBeDefined();
              expect(c.final as number).toBeGreaterThanOrEqual(passMark);
            }
            if (c.final !== undefined) {
              expect(c.final).toBeGreaterThanOrEqual(0);
              expect(c.final).toBeLessThanOrEqual(100);
              expect(Math.round(c.final * 10) / 10).toBe(c.final);
            }
            const rankable = c.adminStatus === 'MS' && c.final !== undefined;
            expect(c.rank !== undefined).toBe(rankable);
            if (c.adminStatus !== 'TMS' && !rankable) expect(c.result).toBe('Belum Lengkap');
            if (c.final === undefined) expect(c.totals.length).toBeLessThan(settingValues['Jumlah penilai minimum']);
          }

          const units = new Map<string, typeof ranking.candidates>();
          for (const c of ranking.candidates) units.set(c.unit.key, [...(units.get(c.unit.key) ?? []), c]);
          for (const list of units.values()) {
            const quota = list[0].unit.quota;
            expect(list.every((c) => c.unit.quota === quota)).toBe(true);
            const lulus = list.filter((c) => c.result === 'Lulus').length;
            const cadangan = list.filter((c) => c.result === 'Cadangan').length;
            expect(lulus).toBeLessThanOrEqual(quota);
            expect(cadangan).toBeLessThanOrEqual(settingValues['Jumlah cadangan']);
            // nobody eligible is left out while places remain
            const eligible = list.filter((c) => c.rank !== undefined && (c.final as number) >= passMark).length;
            expect(lulus + cadangan).toBe(Math.min(eligible, quota + settingValues['Jumlah cadangan']));

            // ranks 1..n, no gaps except for exact ties (then the next rank skips)
            const ranked = list
              .filter((c) => c.rank !== undefined)
              .sort((a, b) => (a.rank as number) - (b.rank as number));
            ranked.forEach((c, i) => {
              if (i === 0) expect(c.rank).toBe(1);
              else if (c.rank === ranked[i - 1].rank) {
                expect(c.final).toBe(ranked[i - 1].final);
                expect(c.tieBreak?.id).toMatch(/tidak dapat diputus/);
              } else {
                expect(c.rank).toBe(i + 1);
                expect(c.final as number).toBeLessThanOrEqual(ranked[i - 1].final as number);
              }
            });
            // with distinct IDs there are no exact ties
            expect(ranked.map((c) => c.rank)).toEqual(ranked.map((_, i) => i + 1));
            // results follow rank order: Lulus, then Cadangan, then Tidak Lulus
            const order = ranked.map((c) => ['Lulus', 'Cadangan', 'Tidak Lulus'].indexOf(c.result));
            expect(order.every((v) => v >= 0)).toBe(true);
            expect([...order].sort((a, b) => a - b)).toEqual(order);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
