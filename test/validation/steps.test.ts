/** The steps of a batched validation as data (core/validation/batches.ts). */
import {
  REPORT_AGAIN,
  REPORT_STEP,
  extendSteps,
  parseStep,
  plannedRows,
  reworkSteps,
  stepText,
  validationSteps,
} from '../../src/core/validation/batches';

describe('the steps of a batched validation', () => {
  it('are blocks of rows from row 2 to the last row, then the report', () => {
    expect(validationSteps(302, 50)).toEqual([
      '2-51',
      '52-101',
      '102-151',
      '152-201',
      '202-251',
      '252-301',
      '302-302',
      REPORT_STEP,
    ]);
    expect(validationSteps(1, 50)).toEqual([REPORT_STEP]);
    expect(plannedRows(validationSteps(50_101, 5000))).toBe(50_100);
    expect(validationSteps(50_101, 5000)).toHaveLength(12);
  });

  it('grow by the rows appended since a job was planned, before the report', () => {
    const items = validationSteps(101, 50);
    expect(extendSteps(items, 101, 50)).toEqual(items);
    expect(extendSteps(items, 90, 50)).toEqual(items);
    expect(extendSteps(items, 180, 50)).toEqual(['2-51', '52-101', '102-151', '152-180', REPORT_STEP]);
  });

  it('after a report that found many rows differing: the done items, blocks over their span, the report once more', () => {
    const items = validationSteps(302, 50);
    expect(reworkSteps(items, 7, [40, 130, 140], 50)).toEqual([
      ...items.slice(0, 7),
      '40-89',
      '90-139',
      '140-140',
      REPORT_AGAIN,
    ]);
  });

  it('are read back from their items, and anything else is no step', () => {
    expect(parseStep('2-51')).toEqual({ kind: 'rows', first: 2, last: 51 });
    expect(parseStep(REPORT_STEP)).toEqual({ kind: 'report', again: false });
    expect(parseStep(REPORT_AGAIN)).toEqual({ kind: 'report', again: true });
    for (const bad of ['', '1-5', '9-3', 'x', '2-', 'report!']) expect(parseStep(bad)).toBeUndefined();
  });

  it('are said in the workbook language, numbers written its way', () => {
    expect(stepText(parseStep('2-5001'), 'id')).toBe('Memvalidasi baris 2–5.001');
    expect(stepText(parseStep('2-5001'), 'en')).toBe('Validating rows 2–5,001');
    expect(stepText(parseStep(REPORT_STEP), 'id')).toBe('Menyusun Laporan Validasi');
    expect(stepText(parseStep(REPORT_STEP), 'en')).toBe('Building the Laporan Validasi report');
    expect(stepText(undefined, 'id')).toBe('');
  });
});
