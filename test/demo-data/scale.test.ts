import { buildDemoWorkbook, FAULT_KINDS } from '../../scripts/demo-data';
import { kandidatRows } from './helpers';

describe('benchmark sizes', () => {
  it('builds 10,000 candidates with faults at the same rate and the same target villages', () => {
    const small = buildDemoWorkbook({ seed: 5 });
    const wb = buildDemoWorkbook({ seed: 5, candidates: 10_000 });
    const rows = kandidatRows(wb.tabs.Kandidat);
    expect(rows).toHaveLength(10_000);
    expect(wb.tabs.Kandidat.length).toBe(1 + 10_000 + 20);
    expect(wb.faults).toHaveLength(1000);
    expect(new Set(wb.faults.map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
    expect(new Set(wb.faults.map((f) => f.row)).size).toBe(1000);
    for (const f of wb.faults) expect(wb.tabs.Kandidat[f.row - 1].slice(1).some((c) => c !== '')).toBe(true);
    expect(wb.tabs['Desa Sasaran']).toEqual(small.tabs['Desa Sasaran']);
    expect(wb.tabs.Sesi).toEqual(small.tabs.Sesi);
    const niks = rows.filter((r) => typeof r.nik === 'string').map((r) => String(r.nik).replace(/\s/g, ''));
    expect(niks.length).toBeGreaterThan(9_800);
  });

  it('builds 50,000 candidates', () => {
    const wb = buildDemoWorkbook({ seed: 5, candidates: 50_000 });
    expect(kandidatRows(wb.tabs.Kandidat)).toHaveLength(50_000);
    expect(wb.faults).toHaveLength(5000);
  });

  it('handles tiny and empty builds', () => {
    expect(kandidatRows(buildDemoWorkbook({ candidates: 0 }).tabs.Kandidat)).toHaveLength(0);
    const tiny = buildDemoWorkbook({ candidates: 50 });
    expect(kandidatRows(tiny.tabs.Kandidat)).toHaveLength(50);
    expect(tiny.faults).toHaveLength(5);
    expect(tiny.tabs.Peserta.length).toBeGreaterThan(28 * 15);
  });
});
