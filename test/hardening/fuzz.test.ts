/**
 * A seeded fuzz suite (issue 11): random values of every kind `getValues()` can return — finite
 * numbers of any size and sign, booleans, Dates 1900–2100, text up to 50,000 characters, error
 * strings, formula-like text — planted in random cells of every input tab, then every menu
 * action, endpoint and the live check run over the workbook. Whatever the values:
 *  - no exception escapes a menu action, and no alert or sidebar message is an "unexpected error"
 *    or carries raw JavaScript error text;
 *  - no formula is written anywhere (planted strings are typed as text, so any formula found is
 *    the add-on's);
 *  - after a validation that ran, every non-blank candidate row has a status.
 * Every run is reproducible from its seed: a failure prints the seed, the step and the cells planted.
 * FUZZ_SEED=<n> runs one more seed of your choosing.
 */
import { ensureBuilt } from '../support/dist';
import {
  INPUT_TABS,
  RAW_ERROR,
  describeFailure,
  exercise,
  formulas,
  plant,
  rng,
  shares,
  statuslessRows,
} from './fuzzing';
import { smallDemo } from './workflow';

beforeAll(ensureBuilt);

const coverage = { rows: 0, cases: 0, validated: 0, ranked: 0, scored: 0 };

function fuzzCase(
  seed: number,
  candidates: number,
  share: number,
  reach?: { panelists: number; candidates: number },
): void {
  const next = rng(seed);
  const { wb, emu } = smallDemo(candidates);
  emu.alertResponder = () => (next() < 0.5 ? 'YES' : 'NO');
  const planted = plant(wb, next, shares(next, share));
  coverage.rows += INPUT_TABS.reduce((n, t) => n + Math.max(0, (wb.sheet(t)?.lastRow() ?? 1) - 1), 0);
  const { steps, validated, ranked, scored } = exercise(emu, wb, next, reach);
  coverage.cases++;
  coverage.validated += validated ? 1 : 0;
  coverage.ranked += ranked ? 1 : 0;
  coverage.scored += scored;
  const where = describeFailure(seed, planted);
  for (const step of steps) {
    expect({ where, step: step.name, error: step.error }).toEqual({ where, step: step.name, error: undefined });
    for (const message of step.messages)
      expect({ where, step: step.name, raw: RAW_ERROR.test(message) ? message.slice(0, 300) : '' }).toEqual({
        where,
        step: step.name,
        raw: '',
      });
  }
  expect({ where, formulas: formulas(wb) }).toEqual({ where, formulas: [] });
  if (validated) expect({ where, statusless: statuslessRows(wb) }).toEqual({ where, statusless: [] });
}

const SMALL_SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);
const LARGE_SEEDS = Array.from({ length: 18 }, (_, i) => 9000 + i);
const EXTRA = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [];

describe('fuzz: every input tab, every action and endpoint', () => {
  it.each([...SMALL_SEEDS, ...EXTRA])('small workbook, heavy fuzz, seed %i', (seed) => fuzzCase(seed, 240, 0.12));
  it.each(LARGE_SEEDS)('5,000 candidates, light fuzz, seed %i', (seed) =>
    fuzzCase(seed, 5000, 0.01, { panelists: 1, candidates: 2 }),
  );
  it('covered at least 100,000 rows, and reached validation, scoring and ranking often', () => {
    expect(coverage.rows).toBeGreaterThanOrEqual(100_000);
    // Not only the first refusal: a good share of cases get through to the deeper paths.
    expect(coverage.validated).toBeGreaterThanOrEqual(coverage.cases * 0.5);
    expect(coverage.ranked).toBeGreaterThanOrEqual(coverage.cases * 0.3);
    expect(coverage.scored).toBeGreaterThanOrEqual(100);
  });
});
