/**
 * A layout drawn a band of rows at a time (core/layoutCells.ts bandEnd, clipRows): bands cover the
 * tab, stay within their size, and never cut a merge or an outline, whose look depends on the whole block.
 */
import type { Layout } from '../../src/core/layout';
import { bandEnd, clipRows } from '../../src/core/layoutCells';

const layout = (rows: number, formats: Layout['formats']): Layout => ({
  values: Array.from({ length: rows }, (_, i) => [i + 1]),
  formats,
  widths: [100],
  frozenRows: 0,
  note: '',
});

const bands = (l: Layout, size: number) => {
  const out: Array<[number, number]> = [];
  for (let from = 1; from <= l.values.length;) {
    const to = bandEnd(l, from, size);
    out.push([from, to]);
    from = to + 1;
  }
  return out;
};

describe('bandEnd', () => {
  it('cuts plain rows every `size` rows, the last band shorter', () => {
    expect(bands(layout(25, [{ row: 1, column: 1, rows: 25, columns: 1, wrap: true }]), 10)).toEqual([
      [1, 10],
      [11, 20],
      [21, 25],
    ]);
  });

  it('ends a band before a merge or an outline it would cut, and takes in whole one taller than a band', () => {
    const l = layout(30, [
      { row: 8, column: 1, rows: 4, columns: 1, merge: true },
      { row: 15, column: 1, rows: 12, columns: 1, borders: 'outline' },
      { row: 1, column: 1, rows: 30, columns: 1, borders: true },
    ]);
    expect(bands(l, 10)).toEqual([
      [1, 7],
      [8, 14],
      [15, 26],
      [27, 30],
    ]);
  });
});

describe('clipRows', () => {
  it("keeps a range's rows inside the band, or none", () => {
    expect(clipRows({ row: 5, rows: 10, column: 2, columns: 3 }, 8, 20)).toEqual({
      row: 8,
      rows: 7,
      column: 2,
      columns: 3,
    });
    expect(clipRows({ row: 5, rows: 2 }, 8, 20)).toBeUndefined();
  });
});
