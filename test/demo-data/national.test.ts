/**
 * The demo's national roll-up (npm run demo → out/rekap-nasional.xlsx): the demo data cut into the
 * seven programme regencies, every row in exactly one regency workbook, each workbook run through
 * the workflow and publishing Paket Rekap; the coordinator workbook picks all seven and its Rekap
 * Nasional and Daftar Lulus Nasional add up to what the regencies decided. Smaller than the demo's
 * 490 candidates, to keep the test quick.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportXlsx, importXlsx, type Workbook } from '../../emulator';
import { buildDemoWorkbook, buildWorld, TAB_ORDER } from '../../scripts/demo-data';
import {
  NATIONAL_COORDINATOR,
  regencyTabs,
  runNationalDemo,
  type NationalDemo,
} from '../../scripts/demo-data/national';
import { ensureBuilt } from '../support/dist';

const CANDIDATES = 140;
const world = buildWorld();
let national: NationalDemo;

beforeAll(() => {
  ensureBuilt();
  national = runNationalDemo({ candidates: CANDIDATES });
}, 180_000);

const rowsOf = (wb: Workbook, tab: string) => wb.sheet(tab)!.values();
const nonBlank = (rows: unknown[][]) => rows.filter((r) => r.some((c) => c !== ''));

/** The counts after "Lulus"… in the ranking's toast: "6 Lulus, 0 Cadangan, …". */
function rankingCount(toast: string, label: string): number {
  const m = new RegExp(`(\\d+) ${label}`).exec(toast);
  if (!m) throw new Error(`no ${label} in ${toast}`);
  return Number(m[1]);
}

describe('the regency workbooks', () => {
  it('put every generated row of the demo data in exactly one of the seven', () => {
    const demo = buildDemoWorkbook({ candidates: CANDIDATES });
    const cuts = world.regencies.map((r) => regencyTabs(demo.tabs, r));
    for (const tab of ['Kandidat', 'Desa Sasaran', 'Sesi', 'Peserta'] as const) {
      const all = nonBlank(demo.tabs[tab].slice(1)).map((r) => JSON.stringify(r));
      const cut = cuts.flatMap((c) => c[tab].slice(1)).map((r) => JSON.stringify(r));
      expect(cut.sort()).toEqual(all.sort());
    }
    for (const [i, cut] of cuts.entries()) {
      expect(Object.keys(cut)).toEqual([...TAB_ORDER]);
      expect(cut['Desa Sasaran']).toHaveLength(31);
      expect(new Set(cut.Sesi.slice(1).map((r) => r[9]))).toEqual(new Set([world.regencies[i].name]));
      // The regency's own panel and the member for every region.
      expect(new Set(cut.Panel.slice(1).map((r) => r[2]))).toEqual(new Set([world.regencies[i].name, 'Semua']));
    }
  });

  it('are run through the workflow, scored by their own panel, and publish Paket Rekap', () => {
    expect(national.regencies.map((r) => r.regency.name)).toEqual(world.regencies.map((r) => r.name));
    expect(national.regencies.reduce((n, r) => n + r.candidates, 0)).toBe(CANDIDATES);
    for (const r of national.regencies) {
      expect(r.workbook.name).toBe(`Seleksi & FGD — ${r.regency.name}`);
      expect(national.drive.owner(r.id)).toBe(r.owner);
      expect(national.drive.role(r.id, NATIONAL_COORDINATOR)).toBe('viewer');
      expect(rankingCount(r.ranking, 'Lulus')).toBeGreaterThan(0);
      const pkg = rowsOf(r.workbook, 'Paket Rekap');
      expect(pkg[0]).toEqual(expect.arrayContaining(['Format', 'seleksi-fgd/paket-rekap']));
      // Attendance ticked on every session of the regency.
      const ticked = r.workbook.sheets
        .filter((s) => s.name.startsWith(`DH ${r.regency.config.short}-`))
        .map(
          (s) =>
            s
              .values()
              .flat()
              .filter((c) => c === true).length,
        );
      expect(ticked).toHaveLength(4);
      for (const n of ticked) expect(n).toBeGreaterThan(0);
    }
  });
});

describe('the coordinator workbook', () => {
  it('read all seven: Sumber Rekap, the alert and the Log say so', () => {
    const { workbook, emu } = national.coordinator;
    expect(national.update?.ui.alerts[0]?.prompt).toMatch(
      /^Rekap nasional diperbarui: 7 kabupaten\/kota dari 7 workbook \(7 dibaca, 0 tidak berubah, 0 bermasalah/,
    );
    expect(emu.pickedFiles(NATIONAL_COORDINATOR)).toEqual(national.regencies.map((r) => r.id));
    const [head, ...sources] = nonBlank(rowsOf(workbook, 'Sumber Rekap'));
    const col = (h: string) => head.indexOf(h);
    expect(sources.map((s) => s[col('Status')])).toEqual(new Array(7).fill('Terbaca'));
    expect(sources.map((s) => s[col('Kabupaten/Kota')])).toEqual(world.regencies.map((r) => r.name));
    expect(sources.map((s) => s[col('URL Workbook')])).toEqual(national.regencies.map((r) => national.drive.url(r.id)));
    const log = rowsOf(workbook, 'Log').map((r) => String(r[2]));
    expect(log).toEqual(
      expect.arrayContaining(['Siapkan workbook koordinator', 'Pilih workbook kabupaten', 'Perbarui rekap nasional']),
    );
  });

  it('has Rekap Nasional with the seven regencies, adding up to the demo data', () => {
    const rows = rowsOf(national.coordinator.workbook, 'Rekap Nasional');
    const start = rows.findIndex((r) => String(r[0]).startsWith('Per provinsi dan kabupaten/kota — semua'));
    expect(start).toBeGreaterThan(0);
    const header = rows[start + 1].map(String);
    const regencies = new Map<string, number[]>();
    let total: number[] = [];
    for (const r of rows.slice(start + 2)) {
      if (String(r[0]).startsWith('JUMLAH NASIONAL')) {
        total = r.slice(2).map(Number);
        break;
      }
      if (!String(r[0]).startsWith('Jumlah')) regencies.set(String(r[1]), r.slice(2).map(Number));
    }
    expect([...regencies.keys()].sort()).toEqual(world.regencies.map((r) => r.name).sort());
    const at = (h: string) => header.indexOf(h) - 2;
    expect(total[at('Terdaftar')]).toBe(CANDIDATES);
    expect(total[at('Desa sasaran')]).toBe(7 * 30);
    for (const r of national.regencies) {
      const counts = regencies.get(r.regency.name)!;
      expect(counts[at('Terdaftar')]).toBe(r.candidates);
      expect(counts[at('Lulus')]).toBe(rankingCount(r.ranking, 'Lulus'));
      expect(counts[at('Cadangan')]).toBe(rankingCount(r.ranking, 'Cadangan'));
      expect(counts[at('TMS')]).toBe(rankingCount(r.ranking, 'TMS'));
    }
  });

  it('has Daftar Lulus Nasional with every regency’s Lulus, NIKs masked', () => {
    const rows = rowsOf(national.coordinator.workbook, 'Daftar Lulus Nasional');
    const h = rows.findIndex((r) => r.includes('Hasil'));
    const head = rows[h];
    const list = rows.slice(h + 1).filter((r) => r[head.indexOf('Hasil')] === 'Lulus');
    for (const r of national.regencies)
      expect(list.filter((row) => row[head.indexOf('Kabupaten/Kota')] === r.regency.name)).toHaveLength(
        rankingCount(r.ranking, 'Lulus'),
      );
    for (const row of list) expect(String(row[head.indexOf('NIK')])).toMatch(/^\d{6}\*{6}\d{4}$/);
  });

  it('exports to .xlsx with its tabs (as out/rekap-nasional.xlsx)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rekap-nasional-'));
    try {
      const file = join(dir, 'rekap-nasional.xlsx');
      await exportXlsx(national.coordinator.workbook, file);
      const back = await importXlsx(file);
      expect(back.sheetNames()).toEqual(
        expect.arrayContaining(['Sumber Rekap', 'Rekap Nasional', 'Daftar Lulus Nasional']),
      );
      const text = back.sheet('Rekap Nasional')!.values().flat().join('\n');
      for (const r of world.regencies) expect(text).toContain(r.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
