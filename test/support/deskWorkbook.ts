/**
 * A small validated workbook for the verification desk: candidates of every status the desk
 * walks (Perlu Cek, TMS, MS) in two regencies, a hostile name, and a file-upload column holding a
 * Google Drive link beside an address that must stay text.
 */
import { Emulator, Workbook } from '../../emulator';
import type { CellValue } from '../../src/core/types';

export const VERIFIER = 'verifikator@example.go.id';
export const OTHER_VERIFIER = 'verifikator.dua@example.go.id';
export const UPLOAD_HEADER = 'Unggah KTP';
export const DRIVE_LINK = 'https://drive.google.com/open?id=1AbCdEfGhIjKlMnOpQrStUvWxYz';

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
  email: string,
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
    email,
    new Date(Date.UTC(2019, 10, 20, 1)),
    '',
    '',
  ];
}

export const CANDIDATES = {
  /** K-0001: MS. */
  siti: 'Siti Aminah',
  /** K-0002: Perlu Cek (a landline). */
  rahmat: 'Rahmat Hidayat',
  /** K-0003: Perlu Cek (a malformed email); the name is markup that must stay text. */
  hostile: '<img src=x onerror=alert(1)>',
  /** K-0004: TMS (too young). */
  muda: 'Terlalu Muda',
  /** K-0005: Perlu Cek, in Garut. */
  asep: 'Asep Sunandar',
  /** K-0006: MS. */
  rizky: 'Muhammad Rizky',
};

export function deskWorkbook(opts: { user?: string; language?: 'Indonesia' | 'English' } = {}): {
  wb: Workbook;
  emu: Emulator;
} {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: opts.user ?? VERIFIER });
  emu.run('setupWorkbook', [], { user: 'koordinator@example.go.id' });
  const settings = wb.sheet('Pengaturan')!;
  settings.setValues(4, 2, [['25/11/2019']]);
  if (opts.language) {
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa');
    settings.setValues(row + 1, 2, [[opts.language]]);
  }
  wb.sheet('Desa Sasaran')!.setValues(2, 1, [
    ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Pelaihari', 'Angsau', ''],
    ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Takisung', 'Takisung', 2],
    ['Jawa Barat', 'Kabupaten Garut', 'Tarogong Kidul', 'Pataruman', ''],
  ]);
  const TL = 'Kabupaten Tanah Laut';
  const rows = [
    candidate(
      CANDIDATES.siti,
      '6301034708900001',
      'P',
      midnight(1990, 8, 7),
      'Angsau',
      'Pelaihari',
      TL,
      '081234560001',
      '',
    ),
    candidate(
      CANDIDATES.rahmat,
      '6301031708900002',
      'L',
      midnight(1990, 8, 17),
      'Angsau',
      'Pelaihari',
      TL,
      '0512-21234',
      '',
    ),
    candidate(
      CANDIDATES.hostile,
      '6301014301950003',
      'P',
      midnight(1995, 1, 3),
      'Takisung',
      'Takisung',
      TL,
      '081234560003',
      'bukan-email',
    ),
    candidate(
      CANDIDATES.muda,
      '6301015005050005',
      'P',
      midnight(2005, 5, 10),
      'Takisung',
      'Takisung',
      TL,
      '081234560005',
      '',
    ),
    candidate(
      CANDIDATES.asep,
      '3205061203910006',
      'L',
      midnight(1991, 3, 12),
      'Pataruman',
      'Tarogong Kidul',
      'Kabupaten Garut',
      '081234560006',
      'asep@',
    ),
    candidate(
      CANDIDATES.rizky,
      '6301012002930004',
      'L',
      midnight(1993, 2, 20),
      'Takisung',
      'Takisung',
      TL,
      '081234560004',
      '',
    ),
  ];
  const kandidat = wb.sheet('Kandidat')!;
  kandidat.setValues(2, 1, rows);
  // A file-upload question of the registration form: Drive links, comma-separated, after the add-on's columns.
  const uploadColumn = kandidat.lastColumn() + 1;
  kandidat.setValues(1, uploadColumn, [
    [UPLOAD_HEADER],
    [''],
    [''],
    [`${DRIVE_LINK}, javascript:alert(1), http://drive.google.com/insecure, https://evil.example/drive.google.com/x`],
  ]);
  const validated = emu.run('validateCandidates', [], { user: 'koordinator@example.go.id' });
  if (validated.error || validated.ui.alerts.length)
    throw new Error(`fixture validation failed: ${validated.error?.message ?? validated.ui.alerts[0].prompt}`);
  return { wb, emu };
}

/** The Kandidat row holding this ID, by header. */
export function rowById(wb: Workbook, id: string): Record<string, CellValue> {
  const values = wb.sheet('Kandidat')!.values();
  const header = values[0].map(String);
  const row = values.find((r) => r[0] === id);
  if (!row) throw new Error(`no row ${id}`);
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}
