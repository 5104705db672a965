import { rowsOfA1 } from '../../src/core/text';

describe('rowsOfA1: the rows an edit spans, from its A1 reference', () => {
  it('reads one cell, a block, whole rows and absolute references', () => {
    expect(rowsOfA1('B2')).toEqual({ first: 2, last: 2 });
    expect(rowsOfA1('B2:D5')).toEqual({ first: 2, last: 5 });
    expect(rowsOfA1('AA10:AB12')).toEqual({ first: 10, last: 12 });
    expect(rowsOfA1('3:7')).toEqual({ first: 3, last: 7 });
    expect(rowsOfA1('$C$4:$E$9')).toEqual({ first: 4, last: 9 });
  });

  it('names no rows for whole columns or an open-ended block (the caller asks the range instead)', () => {
    expect(rowsOfA1('B:D')).toBeUndefined();
    expect(rowsOfA1('B2:D')).toBeUndefined();
    expect(rowsOfA1('Kandidat!B2')).toBeUndefined();
    expect(rowsOfA1('')).toBeUndefined();
  });
});
