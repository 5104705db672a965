/**
 * The value blocks a copy of a template needs (core/templates.ts valueBlocks): every cell that
 * differs is written, at most MAX_VALUE_BLOCKS blocks, and the cheapest cover in the bench's model
 * (two calls a block, priced at CELLS_PER_CALL cells each, plus the cells).
 */
import { CELLS_PER_CALL, copiedValues, MAX_VALUE_BLOCKS, type ValueBlock, valueBlocks } from '../../src/core/templates';
import type { CellValue } from '../../src/core/types';

/** What blocks cost in the bench's model, in cells: two calls each and their cells. */
const blocksCost = (blocks: readonly ValueBlock[]) =>
  blocks.reduce((n, b) => n + 2 * CELLS_PER_CALL + b.values.length * b.values[0].length, 0);

const blank = (rows: number, columns: number): CellValue[][] =>
  Array.from({ length: rows }, () => new Array<CellValue>(columns).fill(''));

/** `base` with the blocks written over it. */
function apply(base: readonly (readonly CellValue[])[], blocks: readonly ValueBlock[]): CellValue[][] {
  const out = base.map((r) => [...r]);
  for (const b of blocks)
    b.values.forEach((row, i) => row.forEach((v, j) => (out[b.row - 1 + i][b.column - 1 + j] = v)));
  return out;
}

/** A grid like a DH tab's: a title, a table of people, a footer far below. */
function tab(title: string, people: string[], footer: string): CellValue[][] {
  const g = blank(48, 10);
  g[0][0] = 'KEMENTERIAN SOSIAL';
  g[2][0] = title;
  people.forEach((p, i) => {
    g[11 + i][0] = i + 1;
    g[11 + i][1] = p;
    g[11 + i][9] = false;
  });
  g[47][9] = footer;
  return g;
}

describe('valueBlocks', () => {
  it('writes the whole tab on a fresh sheet, and nothing where the copy is already right', () => {
    const t = tab('FGD 1', ['Siti', 'Budi'], 'S-01 · Halaman 1 dari 1');
    expect(valueBlocks(t)).toEqual([{ row: 1, column: 1, values: t }]);
    expect(
      valueBlocks(
        t,
        t.map((r) => [...r]),
      ),
    ).toEqual([]);
  });

  it('writes a single cell that differs as a block of one', () => {
    const base = tab('FGD 1', ['Siti'], 'x');
    const target = tab('FGD 2', ['Siti'], 'x');
    expect(valueBlocks(target, base)).toEqual([{ row: 3, column: 1, values: [['FGD 2']] }]);
  });

  it('compares dates by their time and treats a missing base cell as blank', () => {
    const day = (d: number) => new Date(Date.UTC(2019, 10, d));
    expect(valueBlocks([[day(27), '']], [[day(27)]])).toEqual([]);
    expect(valueBlocks([[day(27), 'a']], [[day(28)]])).toEqual([{ row: 1, column: 1, values: [[day(27), 'a']] }]);
  });

  it('covers every cell that differs, in at most MAX_VALUE_BLOCKS blocks, and turns the copy into the target', () => {
    const base = tab('FGD 1', ['Siti', 'Budi', 'Ani'], 'S-01 · Halaman 1 dari 1');
    const cases = [
      tab('FGD 2', ['Rina', 'Budi', 'Joko'], 'S-02 · Halaman 1 dari 1'),
      tab('FGD 1', ['Siti', 'Budi', 'Ani'], 'S-09 · Halaman 1 dari 1'),
      tab(
        'FGD 3',
        Array.from({ length: 30 }, (_, i) => `Orang ${i}`),
        'S-03 · Halaman 1 dari 1',
      ),
    ];
    for (const target of cases) {
      const blocks = valueBlocks(target, base);
      expect(blocks.length).toBeGreaterThan(0);
      expect(blocks.length).toBeLessThanOrEqual(MAX_VALUE_BLOCKS);
      expect(apply(base, blocks)).toEqual(target);
    }
  });

  it('splits far-apart differences when that costs less than the blanks between them, and not otherwise', () => {
    const base = tab('FGD 1', ['Siti'], 'S-01');
    // The title (row 3) and the footer (row 48): one block would write 46 × 10 cells.
    const apart = valueBlocks(tab('FGD 2', ['Siti'], 'S-02'), base);
    expect(apart.map((b) => [b.row, b.column, b.values.length, b.values[0].length])).toEqual([
      [3, 1, 1, 1],
      [48, 10, 1, 1],
    ]);
    expect(blocksCost(apart)).toBe(2 * (2 * CELLS_PER_CALL + 1));
    // Two neighbouring cells: a second block would cost more than the one blank between them.
    const near = blank(3, 3);
    near[0][0] = 'a';
    near[0][2] = 'b';
    expect(valueBlocks(near, blank(3, 3))).toEqual([{ row: 1, column: 1, values: [['a', '', 'b']] }]);
  });

  it('never costs more than one block over everything that differs', () => {
    const base = tab('FGD 1', ['Siti', 'Budi', 'Ani', 'Dewi'], 'S-01');
    for (let n = 0; n < 12; n++) {
      const people = Array.from({ length: 4 + n }, (_, i) =>
        i % 3 === n % 3 ? `Baru ${i}` : ['Siti', 'Budi', 'Ani', 'Dewi'][i % 4],
      );
      const target = tab(n % 2 ? 'FGD 1' : 'FGD 2', people, n % 4 ? 'S-01' : 'S-02');
      const blocks = valueBlocks(target, base);
      const differing = target.flatMap((row, r) => row.flatMap((v, c) => (v === base[r][c] ? [] : [[r, c]])));
      const rows = differing.map(([r]) => r);
      const columns = differing.map(([, c]) => c);
      const one = (Math.max(...rows) - Math.min(...rows) + 1) * (Math.max(...columns) - Math.min(...columns) + 1);
      expect(blocksCost(blocks)).toBeLessThanOrEqual(2 * CELLS_PER_CALL + one);
      expect(apply(base, blocks)).toEqual(target);
    }
  });
});

describe('copiedValues', () => {
  it('keeps the top rows, the first middle rows and the bottom rows, as a copy cut to length does', () => {
    const template = [['top'], ['m1'], ['m2'], ['m3'], ['bottom']];
    expect(copiedValues(template, 4, { top: 1, bottom: 1 })).toEqual([['top'], ['m1'], ['m2'], ['bottom']]);
    expect(copiedValues(template, 2, { top: 1, bottom: 1 })).toEqual([['top'], ['bottom']]);
  });
});
