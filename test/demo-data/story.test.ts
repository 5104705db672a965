/**
 * `npm run demo` runs the open selection end to end (scripts/demo-data/story.ts): the desk, the
 * administrative announcement, objections of every kind, and the final announcement. What the demo
 * workbook (out/demo.xlsx) must then show, checked against its own tabs.
 */
import { runDemo } from '../../scripts/demo-data/run';
import { announcedResults } from '../../src/core/announcedResults';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

describe('the demo story', () => {
  const { workbook } = runDemo();
  const table = (name: string) => {
    const [header, ...rows] = workbook.sheet(name)!.values();
    const at = (h: string) => header.findIndex((c) => String(c) === h);
    return { rows, at };
  };
  const kandidat = table('Kandidat');
  const byId = new Map(kandidat.rows.map((r) => [String(r[kandidat.at('ID')]), r]));
  const status = (id: string) => String(byId.get(id)![kandidat.at('Status Administrasi')]);

  it('verifiers decided candidates at the desk, recorded with who and when, and a missing SKCK made one TMS', () => {
    const checked = kandidat.rows.filter((r) => r[kandidat.at('Waktu Verifikasi')] !== '');
    expect(checked).toHaveLength(8);
    for (const r of checked) expect(String(r[kandidat.at('Diverifikasi Oleh')])).toMatch(/^verifikator[12]@/);
    const missing = checked.filter((r) => /SKCK ✗/.test(String(r[kandidat.at('Kelengkapan Berkas')])));
    expect(missing).toHaveLength(1);
    expect(missing[0][kandidat.at('Status Administrasi')]).toBe('TMS');
    expect(String(missing[0][kandidat.at('Catatan Validasi')])).toMatch(/berkas belum lengkap: SKCK/);
  });

  it('announced every candidate with their status on Kandidat, and fixed the announcement date', () => {
    const announced = announcedResults(workbook.sheet('Pengumuman Administrasi')!.values());
    const ids = kandidat.rows.map((r) => String(r[kandidat.at('ID')])).filter((id) => id !== '');
    expect(announced.size).toBe(new Set(ids).size);
    // Since then only the accepted objections changed a status (a deliberate duplicate ID names two rows).
    const sanggah = table('Sanggah');
    const accepted = new Set(
      sanggah.rows.filter((r) => r[sanggah.at('Status Sanggah')] === 'Diterima').map((r) => String(r[1])),
    );
    const once = ids.filter((id) => ids.indexOf(id) === ids.lastIndexOf(id) && !accepted.has(id));
    expect(once.length).toBeGreaterThan(1400);
    for (const id of once) expect([id, announced.get(id)]).toEqual([id, status(id)]);
    for (const id of accepted) expect([announced.get(id), status(id)]).toEqual(['TMS', 'MS']);
    const settings = workbook.sheet('Pengaturan')!.values();
    const date = settings.find((r) => r[0] === 'Tanggal pengumuman administrasi')!;
    expect(String(date[1])).toBe('27/11/2019');
  });

  it('processed eight objections of every kind, and the accepted ones made their candidates MS', () => {
    const sanggah = table('Sanggah');
    const statuses = sanggah.rows.map((r) => String(r[sanggah.at('Status Sanggah')]));
    expect(statuses).toEqual([
      'Diterima',
      'Ditolak',
      'Tidak sah',
      'Tidak sah',
      'Tidak sah',
      'Tidak sah',
      'Diterima',
      'Terlambat',
    ]);
    for (const r of sanggah.rows.filter((row) => row[sanggah.at('Status Sanggah')] === 'Diterima')) {
      expect(status(String(r[sanggah.at('ID Kandidat')]))).toBe('MS');
      expect(String(r[sanggah.at('Diputuskan Oleh')])).not.toBe('');
    }
    const rejected = sanggah.rows.find((row) => row[sanggah.at('Status Sanggah')] === 'Ditolak')!;
    expect(status(String(rejected[sanggah.at('ID Kandidat')]))).toBe('TMS');
  });

  it('announced the final results once the period was over: exactly the Lulus and Cadangan of Kandidat', () => {
    const final = announcedResults(workbook.sheet('Pengumuman Hasil Akhir')!.values());
    const passed = kandidat.rows.filter((r) => ['Lulus', 'Cadangan'].includes(String(r[kandidat.at('Hasil Seleksi')])));
    expect(final.size).toBe(passed.length);
    for (const r of passed) expect(final.get(String(r[kandidat.at('ID')]))).toBe(r[kandidat.at('Hasil Seleksi')]);
  });
});
