/**
 * One name per place. The demo types its regencies, districts and villages in many spellings
 * ("Kab. Aceh Besar", "KABUPATEN ACEH BESAR", "atu-atu"); after the whole workflow every report,
 * the scoring form's village list and every printed sheet use the spelling on Desa Sasaran.
 */
import { placeNames, tidyPlaceName } from '../../src/core/placeNames';
import type { ScoringContext } from '../../src/core/scoringApi';
import { placeKey, unitKey, villageIndex } from '../../src/core/validation/villages';
import { ensureBuilt } from '../support/dist';
import { fullWorkflow, smallDemo } from '../hardening/workflow';

beforeAll(ensureBuilt);

const bare = (cell: unknown) =>
  String(cell ?? '')
    .replace(/^'/, '')
    .trim();

describe('one name per place across the workbook', () => {
  const { wb, emu } = smallDemo(240);
  fullWorkflow(emu);
  const desa = wb.sheet('Desa Sasaran')!.values();
  const regencies = new Map(desa.slice(1).map((r) => [placeKey(String(r[1])), String(r[1])]));
  const typedRegencies = new Set(
    wb
      .sheet('Kandidat')!
      .values()
      .slice(1)
      .map((r) => String(r[11] ?? '')),
  );

  it('the demo really types regencies in several spellings', () => {
    expect(typedRegencies.size).toBeGreaterThan(regencies.size);
  });

  it('Laporan Validasi, Rekap Seleksi and Rekap Kehadiran name each target regency as Desa Sasaran does', () => {
    const variants: string[] = [];
    for (const tab of ['Laporan Validasi', 'Rekap Seleksi', 'Rekap Kehadiran']) {
      const cells = wb.sheet(tab)!.values().flat().map(bare);
      for (const text of cells) {
        const canonical = regencies.get(placeKey(text));
        if (canonical && text !== canonical && !/^\d+$/.test(text)) variants.push(`${tab}: ${text}`);
      }
    }
    expect(variants).toEqual([]);
  });

  it('Laporan Validasi has one row per regency', () => {
    const cells = wb
      .sheet('Laporan Validasi')!
      .values()
      .map((r) => bare(r[0]));
    const listed = cells.filter((c) => regencies.has(placeKey(c)));
    expect(listed.length).toBe(new Set(listed.map(placeKey)).size);
  });

  it('the scoring form lists each village once, spelt as on Desa Sasaran', () => {
    const panelist = wb
      .sheet('Panel')!
      .values()
      .find((r) => /Semua|Tanah Laut/.test(String(r[2])) && r[0]);
    const ctx = emu.runRpc('scoringContext', [{}], { user: String(panelist![0]) }) as ScoringContext;
    const villages = [...new Set(ctx.candidates.map((c) => c.village))];
    expect(villages.length).toBeGreaterThan(1);
    expect(villages.length).toBe(new Set(villages.map(placeKey)).size);
  });

  it('participants added from the results print their village and district as Desa Sasaran spells them', () => {
    const index = villageIndex(desa)!;
    const known = new Set(index.villages.map((v) => `Desa ${v.village}, Kec. ${v.district}`));
    const districts = new Set(index.villages.map((v) => unitKey(v.district)));
    const peserta = wb.sheet('Peserta')!.values();
    const header = peserta[0].map(String);
    const added = peserta
      .slice(1)
      .filter((r) => r[header.indexOf('ID Kandidat')])
      .map((r) => bare(r[header.indexOf('Instansi/Asal')]));
    expect(added.length).toBeGreaterThan(0);
    // The add-on writes "Desa <village>, Kec. <district>"; rows typed by hand are left as typed.
    const written = added.map((text) => /^Desa (.+), Kec\. (.+)$/.exec(text)).filter((m) => m !== null);
    expect(written.length).toBeGreaterThan(0);
    const odd = written.filter((m) => districts.has(unitKey(m[2])) && !known.has(m[0])).map((m) => m[0]);
    expect(odd).toEqual([]);
  });
});

describe('placeNames', () => {
  const places = placeNames(
    villageIndex([
      ['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan'],
      ['Aceh', 'Kab. Aceh Besar', 'Darul Imarah', 'Lamreung'],
    ]),
  );

  it('gives the Desa Sasaran spelling for any variant of a target place', () => {
    expect(['Aceh Besar', 'KABUPATEN ACEH BESAR', 'kab aceh-besar'].map((n) => places.regency(n))).toEqual([
      'Kab. Aceh Besar',
      'Kab. Aceh Besar',
      'Kab. Aceh Besar',
    ]);
    expect(places.district('kec. DARUL IMARAH', 'Aceh Besar')).toBe('Darul Imarah');
    expect(places.village('LAMREUNG', 'darul imarah', 'aceh besar')).toBe('Lamreung');
  });

  it('tidies a place that is not a target', () => {
    expect(places.regency('KOTA BANDA ACEH')).toBe('Kota Banda Aceh');
    expect(['atu-atu', 'Desa bingkulu', 'DKI Jakarta', 'SUKAMAJU II', 'kab  pidie'].map(tidyPlaceName)).toEqual([
      'Atu-Atu',
      'Desa Bingkulu',
      'DKI Jakarta',
      'Sukamaju II',
      'Kab. Pidie',
    ]);
  });
});
