import { describeMissing, matchHeaders } from '../../src/core/headers';
import { CANDIDATES_TAB, PARTICIPANTS_TAB } from '../../src/core/schema';

describe('matchHeaders', () => {
  it('matches case, spacing, punctuation and order forgivingly, through aliases', () => {
    const map = matchHeaders(CANDIDATES_TAB, [
      'nomor hp',
      'NAMA',
      ' nik ',
      'L/P',
      'Tgl. Lahir',
      'tempat_lahir',
      'Ijazah Terakhir',
      'alamat',
      'Kelurahan',
      'KECAMATAN',
      'Kota',
      'provinsi',
      'Catatan Saya',
    ]);
    expect(map.index.get('No. HP')).toBe(0);
    expect(map.index.get('Nama Lengkap')).toBe(1);
    expect(map.index.get('NIK')).toBe(2);
    expect(map.index.get('Jenis Kelamin')).toBe(3);
    expect(map.index.get('Tanggal Lahir')).toBe(4);
    expect(map.index.get('Tempat Lahir')).toBe(5);
    expect(map.index.get('Pendidikan Terakhir')).toBe(6);
    expect(map.index.get('Desa/Kelurahan')).toBe(8);
    expect(map.index.get('Kabupaten/Kota')).toBe(10);
    expect(map.index.has('Email')).toBe(false);
    expect(map.missing).toEqual([]);
  });

  it('prefers an exact header over an alias wherever it stands', () => {
    // "Nama" is an alias of "Nama Lengkap" on Kandidat; with both present each maps to itself.
    const map = matchHeaders(PARTICIPANTS_TAB, ['Nama Lengkap', 'Nama', 'Kode Sesi', 'Unsur']);
    expect(map.index.get('Nama')).toBe(1);
  });

  it('uses each sheet column once', () => {
    const map = matchHeaders(CANDIDATES_TAB, ['Kabupaten', 'Kota']);
    expect(map.index.get('Kabupaten/Kota')).toBe(0);
    expect([...map.index.values()].filter((i) => i === 1)).toEqual([]);
  });

  it('reports missing required columns with aliases and the closest existing header', () => {
    const map = matchHeaders(CANDIDATES_TAB, [
      'Nama Lengkap',
      'NIKK',
      'Jenis Kelamin',
      'Tempat Lahir',
      'Tanggal Lahir',
      'Pendidikan',
      'Alamat',
      'Desa',
      'Kecamatan',
      'Kabupaten',
      'Provinsi',
      'Telpon',
    ]);
    expect(map.missing.map((m) => [m.header, m.closest])).toEqual([
      ['NIK', 'NIKK'],
      ['No. HP', 'Telpon'],
    ]);
    const text = describeMissing('Kandidat', map.missing);
    expect(text.id).toContain(
      '• NIK (juga diterima: No. KTP, No KTP, Nomor KTP, Nomor Induk Kependudukan) — mungkin maksud Anda "NIKK"?',
    );
    expect(text.en).toContain('Required columns are missing from row 1 of the "Kandidat" tab:');
    expect(text.en).toContain('did you mean "Telpon"?');
  });
});
