/** A small, validated workbook ready for scoring: Tanah Laut candidates, a panel of three, one outsider. */
import { Emulator, Workbook } from '../../emulator';
import type { CellValue } from '../../src/core/types';

export const PANEL = {
  ani: 'ani.rahmawati@example.go.id',
  budi: 'budi.santoso@example.go.id',
  citra: 'citra.lestari@example.go.id',
  dedi: 'dedi.garut@example.go.id',
};

const midnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);

function candidate(
  name: string,
  nik: string,
  sex: string,
  born: Date,
  village: string,
  district: string,
  regency: string,
  phone: string,
  registered: Date,
): CellValue[] {
  return [
    '',
    name,
    nik,
    sex,
    'Pelaihari',
    born,
    'SMA',
    'Jl. Ahmad Yani',
    village,
    district,
    regency,
    'Kalimantan Selatan',
    phone,
    '',
    registered,
    '',
    '',
  ];
}

export function scoringWorkbook(opts: { user?: string; candidates?: CellValue[][] } = {}): {
  wb: Workbook;
  emu: Emulator;
} {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: opts.user ?? 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  wb.sheet('Pengaturan')!.setValues(4, 2, [['25/11/2019']]);
  wb.sheet('Desa Sasaran')!.setValues(2, 1, [
    ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Pelaihari', 'Angsau', ''],
    ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Takisung', 'Takisung', 2],
    ['Jawa Barat', 'Kabupaten Garut', 'Tarogong Kidul', 'Pataruman', ''],
  ]);
  wb.sheet('Panel')!.setValues(2, 1, [
    [PANEL.ani, 'Ani Rahmawati', 'Kabupaten Tanah Laut', 'Ya'],
    [PANEL.budi, 'Budi Santoso', 'Tanah Laut', 'Ya'],
    [PANEL.citra, 'Citra Lestari', 'Semua', 'Ya'],
    [PANEL.dedi, 'Dedi Supriadi', 'Kabupaten Garut', 'Ya'],
    ['lama@example.go.id', 'Panelis Lama', 'Kabupaten Tanah Laut', 'Tidak'],
  ]);
  const rows = opts.candidates ?? [
    candidate(
      'Siti Aminah',
      '6301034708900001',
      'P',
      midnight(1990, 8, 7),
      'Angsau',
      'Pelaihari',
      'Kabupaten Tanah Laut',
      '081234560001',
      new Date(Date.UTC(2019, 10, 20, 1)),
    ),
    candidate(
      'Rahmat Hidayat',
      '6301031708900002',
      'L',
      midnight(1990, 8, 17),
      'Angsau',
      'Pelaihari',
      'Kabupaten Tanah Laut',
      '081234560002',
      new Date(Date.UTC(2019, 10, 20, 2)),
    ),
    candidate(
      '<img src=x onerror=alert(1)>',
      '6301014301950003',
      'P',
      midnight(1995, 1, 3),
      'Takisung',
      'Takisung',
      'Kabupaten Tanah Laut',
      '081234560003',
      new Date(Date.UTC(2019, 10, 21, 3)),
    ),
    candidate(
      'Muhammad Rizky',
      '6301012002930004',
      'L',
      midnight(1993, 2, 20),
      'Takisung',
      'Takisung',
      'Kabupaten Tanah Laut',
      '081234560004',
      new Date(Date.UTC(2019, 10, 21, 4)),
    ),
    candidate(
      'Terlalu Muda',
      '6301015005050005',
      'P',
      midnight(2005, 5, 10),
      'Takisung',
      'Takisung',
      'Kabupaten Tanah Laut',
      '081234560005',
      new Date(Date.UTC(2019, 10, 22, 5)),
    ),
    candidate(
      'Asep Sunandar',
      '3205061203910006',
      'L',
      midnight(1991, 3, 12),
      'Pataruman',
      'Tarogong Kidul',
      'Kabupaten Garut',
      '081234560006',
      new Date(Date.UTC(2019, 10, 22, 6)),
    ),
  ];
  wb.sheet('Kandidat')!.setValues(2, 1, rows);
  const validated = emu.run('validateCandidates');
  if (validated.error || validated.ui.alerts.length)
    throw new Error(`fixture validation failed: ${validated.error?.message ?? validated.ui.alerts[0].prompt}`);
  return { wb, emu };
}

/** Rows of Penilaian as plain values, header first. */
export function scoreRows(wb: Workbook): CellValue[][] {
  return wb.sheet('Penilaian')!.values();
}
