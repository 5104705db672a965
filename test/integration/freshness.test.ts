/**
 * Reports that know they are out of date: after the demo workflow every report is current and says
 * what it was built from; an edit or an action that changes a source replaces the stamp of each
 * report built from it with "perlu diperbarui" (naming the tab and the menu item), once; the
 * report's own menu item makes it current again.
 */
import type { Workbook } from '../../emulator';
import { columnLetter } from '../../src/core/text';
import { runDemo } from '../../scripts/demo-data/run';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const STALE = '⚠ PERLU DIPERBARUI';
const REPORTS = ['Laporan Validasi', 'Hasil Seleksi', 'Rekap Seleksi', 'Rekap Kehadiran'];

/** The report's stamp line: "Dibuat …" when current, the notice when stale. */
function stampOf(wb: Workbook, tab: string): string {
  const first = wb
    .sheet(tab)!
    .values()
    .slice(0, 4)
    .map((r) => String(r[0]))
    .find((c) => c.startsWith('Dibuat') || c.startsWith(STALE));
  return first ?? '';
}
const stale = (wb: Workbook) => REPORTS.filter((tab) => stampOf(wb, tab).startsWith(STALE));

describe('reports that say when they need updating', () => {
  const { workbook: wb, emu } = runDemo({ candidates: 300 });
  const kandidat = wb.sheet('Kandidat')!.values();
  const status = `${columnLetter(kandidat[0].indexOf('Status Administrasi') + 1)}5`;

  it('start current, each stamped with the tabs it was built from', () => {
    expect(stale(wb)).toEqual([]);
    expect(stampOf(wb, 'Rekap Seleksi')).toMatch(
      /^Dibuat pada .* dari tab Kandidat, Penilaian, Desa Sasaran dan Sanggah\./,
    );
    expect(stampOf(wb, 'Rekap Kehadiran')).toContain('dari tab Sesi, Peserta dan tab-tab DH');
    expect(stampOf(wb, 'Hasil Seleksi')).toContain('dari tab Kandidat, Penilaian, Kriteria, Panel, Desa Sasaran dan');
  });

  let marking = 0;
  it('a status edited by hand on Kandidat marks every report built from Kandidat, naming what to run', () => {
    const run = emu.edit('Kandidat', status, 'TMS');
    expect(run.error).toBeUndefined();
    marking = run.totalCalls;
    expect(stale(wb)).toEqual(['Laporan Validasi', 'Hasil Seleksi', 'Rekap Seleksi']);
    expect(stampOf(wb, 'Hasil Seleksi')).toMatch(
      /^⚠ PERLU DIPERBARUI: tab Kandidat berubah pada \d\d\/\d\d\/\d{4} \d\d:\d\d, setelah tab ini dibuat; .* Jalankan Ekstensi › Seleksi & FGD › Hitung skor & peringkat\.$/,
    );
    expect(stampOf(wb, 'Rekap Seleksi')).toMatch(/Jalankan Ekstensi › Seleksi & FGD › Perbarui rekap\.$/);
  });

  it('marks once, at four calls a report and one to record them: the next edit costs nothing more', () => {
    const first = stampOf(wb, 'Hasil Seleksi');
    const again = emu.edit('Kandidat', status, 'MS');
    expect(again.error).toBeUndefined();
    expect(stampOf(wb, 'Hasil Seleksi')).toBe(first);
    // getSheetByName, getRange, setValue and setBackground for each of the three reports, and one
    // setProperties recording all three; the time of the change is the wall clock the live check
    // reads anyway (no formatDate).
    expect(marking - again.totalCalls).toBe(3 * 4 + 1);
  });

  it('the report’s own menu item makes it current again; what it writes marks the summary', () => {
    expect(emu.run('computeRanking').error).toBeUndefined();
    expect(stale(wb)).toEqual(['Laporan Validasi', 'Rekap Seleksi']);
    expect(emu.run('validateCandidates').error).toBeUndefined();
    // New statuses: the ranking is out of date again, the validation report is current.
    expect(stale(wb)).toEqual(['Hasil Seleksi', 'Rekap Seleksi']);
    emu.run('computeRanking');
    emu.run('refreshSummaries');
    expect(stale(wb)).toEqual([]);
  });

  it('a tick on a DH tab marks only the attendance summary; an edit on Log marks nothing', () => {
    const dh = wb.sheetNames().find((n) => n.startsWith('DH '))!;
    const box = wb
      .sheet(dh)!
      .values()
      .findIndex((r) => typeof r[9] === 'boolean');
    expect(emu.edit(dh, `J${box + 1}`, true).error).toBeUndefined();
    expect(stale(wb)).toEqual(['Rekap Kehadiran']);
    const log = emu.edit('Log', 'A1', 'catatan');
    expect(log.error).toBeUndefined();
    expect(log.totalCalls).toBeLessThanOrEqual(4);
    expect(stale(wb)).toEqual(['Rekap Kehadiran']);
  });

  it('a panel score marks the ranking and the selection summary', () => {
    emu.run('refreshSummaries');
    expect(stale(wb)).toEqual([]);
    const sheet = wb.sheet('Penilaian')!;
    const row = sheet.values().length;
    expect(emu.edit('Penilaian', `H${row}`, 3).error).toBeUndefined();
    expect(stale(wb)).toEqual(['Hasil Seleksi', 'Rekap Seleksi']);
  });
});
