import { buildDemoWorkbook, type DemoWorkbook } from '../../scripts/demo-data';
import { DISTRICTS, kandidatRows, makassarYmd, villagesOfRegency, norm, type Cell } from './helpers';
import { KANDIDAT_INPUT_HEADERS } from '../support/contract';

const UNSUR = [
  'Peneliti',
  'Penyuluh Sosial',
  'Perwakilan Instansi Terkait',
  'Aparat Desa',
  'Calon Penyuluh Sosial',
  'Tokoh Masyarakat',
  'Lainnya',
];
const REGENCIES: Array<[string, string, string, string]> = [
  // code, regency, province, zone
  ['11.06', 'Kabupaten Aceh Besar', 'Aceh', 'WIB'],
  ['32.05', 'Kabupaten Garut', 'Jawa Barat', 'WIB'],
  ['53.07', 'Kabupaten Sikka', 'Nusa Tenggara Timur', 'WITA'],
  ['63.01', 'Kabupaten Tanah Laut', 'Kalimantan Selatan', 'WITA'],
  ['73.08', 'Kabupaten Bone', 'Sulawesi Selatan', 'WITA'],
  ['81.01', 'Kabupaten Maluku Tengah', 'Maluku', 'WIT'],
  ['91.03', 'Kabupaten Jayapura', 'Papua', 'WIT'],
];

let wb: DemoWorkbook;
beforeAll(() => {
  wb = buildDemoWorkbook();
});

describe('determinism', () => {
  it('gives identical output for the same seed, including Dates', () => {
    const a = buildDemoWorkbook({ seed: 7 });
    const b = buildDemoWorkbook({ seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(b);
    expect(JSON.stringify(buildDemoWorkbook())).toBe(JSON.stringify(wb));
  });

  it('gives different candidates for a different seed but the same target villages', () => {
    const a = buildDemoWorkbook({ seed: 1 });
    const b = buildDemoWorkbook({ seed: 2 });
    expect(JSON.stringify(a.tabs.Kandidat)).not.toBe(JSON.stringify(b.tabs.Kandidat));
    expect(JSON.stringify(a.faults)).not.toBe(JSON.stringify(b.faults));
    expect(a.tabs['Desa Sasaran']).toEqual(b.tabs['Desa Sasaran']);
  });

  it('does not depend on Math.random or the clock', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      expect(buildDemoWorkbook({ seed: 3, candidates: 300 }).tabs.Kandidat.length).toBeGreaterThan(300);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });
});

describe('tabs and headers', () => {
  it('has exactly the user tabs with the contract headers', () => {
    expect(Object.keys(wb.tabs)).toEqual(['Pengaturan', 'Desa Sasaran', 'Kandidat', 'Panel', 'Sesi', 'Peserta']);
    expect(wb.tabs['Desa Sasaran'][0]).toEqual(['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Kuota']);
    expect(wb.tabs.Kandidat[0]).toEqual(KANDIDAT_INPUT_HEADERS);
    expect(wb.tabs.Panel[0]).toEqual(['Email', 'Nama', 'Wilayah', 'Aktif']);
    expect(wb.tabs.Sesi[0]).toEqual([
      'Kode Sesi',
      'Nama Kegiatan',
      'Tanggal',
      'Jam Mulai',
      'Jam Selesai',
      'Zona Waktu',
      'Tempat',
      'Desa/Kelurahan',
      'Kecamatan',
      'Kabupaten/Kota',
      'Provinsi',
      'Fasilitator',
      'Kota Penandatanganan',
    ]);
    expect(wb.tabs.Peserta[0]).toEqual([
      'Kode Sesi',
      'Nama',
      'Jenis Kelamin',
      'Unsur',
      'Jabatan',
      'Instansi/Asal',
      'No. HP',
      'ID Kandidat',
    ]);
    for (const [name, table] of Object.entries(wb.tabs)) {
      const width = table[0].length;
      for (const row of table) expect([name, row.length]).toEqual([name, width]);
    }
  });

  it('has the Pengaturan rows', () => {
    const p = wb.tabs.Pengaturan;
    expect(p[0]).toEqual(['Pengaturan', 'Nilai', 'Keterangan']);
    expect(p.map((r) => r[0])).toEqual([
      'Pengaturan',
      'Tanggal acuan usia',
      'Kota penandatanganan',
      'Penanggung jawab',
      'NIP penanggung jawab',
    ]);
    expect(p[1][1]).toBeInstanceOf(Date);
    expect(makassarYmd(p[1][1] as Date)).toEqual({ y: 2019, m: 11, d: 25 });
    expect((p[1][1] as Date).toISOString()).toBe('2019-11-24T16:00:00.000Z');
    expect(p[2][1]).toBe('Pelaihari');
    expect(typeof p[3][1]).toBe('string');
    expect(p[4][1]).toMatch(/^\d{18}$/);
  });
});

describe('Desa Sasaran', () => {
  const data = () => wb.tabs['Desa Sasaran'].slice(1);

  it('has 7 regencies in 7 provinces, 30 real villages each, 210 in all', () => {
    const rows = data();
    expect(rows).toHaveLength(210);
    expect([...new Set(rows.map((r) => r[1]))]).toEqual(REGENCIES.map((r) => r[1]));
    expect(new Set(rows.map((r) => r[0])).size).toBe(7);
    for (const [code, regency, province] of REGENCIES) {
      const mine = rows.filter((r) => r[1] === regency);
      expect(mine).toHaveLength(30);
      expect(new Set(mine.map((r) => r[0]))).toEqual(new Set([province]));
      const real = villagesOfRegency(code);
      const districts = DISTRICTS.filter((d) => d.regency === code);
      for (const r of mine) {
        const district = districts.find((d) => norm(d.name) === norm(String(r[2])));
        expect([regency, r[2], district !== undefined]).toEqual([regency, r[2], true]);
        const found = real.some((v) => v.district === district!.code && norm(v.name) === norm(String(r[3])));
        expect([r[2], r[3], found]).toEqual([r[2], r[3], true]);
      }
      // Spread across the regency: every district is used when there are at most 30 districts.
      expect(new Set(mine.map((r) => r[2])).size).toBe(Math.min(districts.length, 30));
      expect(new Set(mine.map((r) => `${norm(String(r[2]))}|${norm(String(r[3]))}`)).size).toBe(30);
    }
  });

  it('uses Tanah Laut real kecamatan, nicely cased', () => {
    const tl = data().filter((r) => r[1] === 'Kabupaten Tanah Laut');
    const realKec = [
      'Takisung',
      'Jorong',
      'Pelaihari',
      'Kurau',
      'Bati Bati',
      'Panyipatan',
      'Kintap',
      'Tambang Ulang',
      'Batu Ampar',
      'Bajuin',
      'Bumi Makmur',
    ];
    expect(new Set(tl.map((r) => r[2]))).toEqual(new Set(realKec));
    expect(tl.every((r) => r[0] === 'Kalimantan Selatan')).toBe(true);
    for (const r of data()) expect(String(r[3])).toMatch(/^[A-Z0-9]/);
  });

  it('has a quota of 2 for one village per regency and blank elsewhere', () => {
    const kuota = data().map((r) => r[4]);
    expect(kuota.filter((k) => k === 2)).toHaveLength(7);
    expect(kuota.filter((k) => k === '')).toHaveLength(203);
  });
});

describe('Kandidat size', () => {
  it('has 1,500 candidates, 5–20 per target village, a few blank rows and IDs on the first 100', () => {
    const rows = kandidatRows(wb.tabs.Kandidat);
    expect(rows).toHaveLength(1500);
    expect(wb.tabs.Kandidat.length - 1 - rows.length).toBe(3);
    const dupIdRows = new Set(wb.faults.filter((f) => f.kind === 'duplicate-id').map((f) => f.row));
    const firstWithDupId = rows.slice(0, 100).filter((r) => dupIdRows.has(r.row)).length;
    expect(rows.filter((r) => r.id !== '' && !dupIdRows.has(r.row))).toHaveLength(100 - firstWithDupId);
    rows.slice(0, 100).forEach((r, i) => {
      if (!dupIdRows.has(r.row)) expect(r.id).toBe(`K-${String(i + 1).padStart(4, '0')}`);
    });
    expect(rows.slice(100).filter((r) => r.id !== '' && !dupIdRows.has(r.row))).toEqual([]);
    const targets = new Map<string, number>();
    for (const r of wb.tabs['Desa Sasaran'].slice(1)) targets.set(`${norm(String(r[1]))}|${norm(String(r[3]))}`, 0);
    for (const r of rows) {
      const key = `${norm(String(r.regency))}|${norm(String(r.village))}`;
      if (targets.has(key)) targets.set(key, targets.get(key)! + 1);
    }
    const counts = [...targets.values()];
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
  });
});

describe('Panel', () => {
  it('has 3 active panelists per regency, one inactive extra and one for every region', () => {
    const rows = wb.tabs.Panel.slice(1);
    for (const [, regency] of REGENCIES) {
      expect(rows.filter((r) => r[2] === regency && r[3] === 'Ya')).toHaveLength(3);
    }
    expect(rows.filter((r) => r[3] === 'Tidak')).toHaveLength(1);
    expect(rows.filter((r) => r[2] === 'Semua')).toEqual([
      [expect.stringMatching(/@example\.go\.id$/), expect.any(String), 'Semua', 'Ya'],
    ]);
    expect(rows).toHaveLength(23);
    const emails = rows.map((r) => String(r[0]));
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z]+\.[a-z]+\d*@example\.go\.id$/);
  });
});

describe('Sesi', () => {
  it('has a briefing and three FGD days per regency, 28 sessions', () => {
    const rows = wb.tabs.Sesi.slice(1);
    expect(rows).toHaveLength(28);
    expect(new Set(rows.map((r) => r[0])).size).toBe(28);
    for (const [, regency, province, zone] of REGENCIES) {
      const mine = rows.filter((r) => r[9] === regency);
      expect(mine.map((r) => r[1])).toEqual([
        'Pembekalan & Rekrutmen Calon Penyuluh Sosial',
        'FGD Hari 1',
        'FGD Hari 2',
        'FGD Hari 3',
      ]);
      expect(mine.map((r) => makassarYmd(r[2] as Date).d)).toEqual([26, 27, 28, 29]);
      expect(mine.every((r) => r[10] === province && r[5] === zone)).toBe(true);
      for (const r of mine) {
        expect(String(r[3])).toMatch(/^\d{2}[.:]\d{2}$/);
        expect(String(r[4])).toMatch(/^(\d{2}[.:]\d{2}|selesai)$/);
      }
    }
    const tlt = rows.find((r) => r[0] === 'TLT-FGD1')!;
    expect(tlt.slice(1, 11).map((c) => (c instanceof Date ? c.toISOString() : c))).toEqual([
      'FGD Hari 1',
      '2019-11-26T16:00:00.000Z',
      '19.00',
      'selesai',
      'WITA',
      'Balai Diklat Loka Bina Praja, Pelaihari',
      'Pelaihari',
      'Pelaihari',
      'Kabupaten Tanah Laut',
      'Kalimantan Selatan',
    ]);
    const times = rows.flatMap((r) => [String(r[3]), String(r[4])]);
    expect(times.some((t) => /^\d{2}:\d{2}$/.test(t))).toBe(true);
    expect(times.some((t) => /^\d{2}\.\d{2}$/.test(t))).toBe(true);
  });
});

describe('Peserta', () => {
  it('has 15–30 participants per session covering every unsur, linked to real candidates', () => {
    const rows = wb.tabs.Peserta.slice(1);
    const codes = wb.tabs.Sesi.slice(1).map((r) => r[0]);
    const byId = new Map<string, Cell>();
    const dupIdRows = new Set(wb.faults.filter((f) => f.kind === 'duplicate-id').map((f) => f.row));
    for (const r of kandidatRows(wb.tabs.Kandidat)) if (r.id && !dupIdRows.has(r.row)) byId.set(r.id, r.name);
    for (const code of codes) {
      const mine = rows.filter((r) => r[0] === code);
      expect([code, mine.length >= 15 && mine.length <= 30]).toEqual([code, true]);
      expect(new Set(mine.map((r) => r[3]))).toEqual(new Set(UNSUR));
      expect(new Set(mine.map((r) => r[1])).size).toBe(mine.length);
    }
    expect(rows.every((r) => codes.includes(r[0]))).toBe(true);
    expect(rows.every((r) => r[2] === 'L' || r[2] === 'P')).toBe(true);
    const linked = rows.filter((r) => r[7] !== '');
    expect(linked.length).toBeGreaterThan(28);
    for (const r of linked) {
      expect(r[3]).toBe('Calon Penyuluh Sosial');
      expect(byId.get(String(r[7]))).toBe(r[1]);
    }
    const tlt = rows.filter((r) => String(r[0]).startsWith('TLT-')).map((r) => String(r[5]));
    expect(tlt).toContain('Dinas Sosial Kabupaten Tanah Laut');
  });
});
