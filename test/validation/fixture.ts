/**
 * A realistic `Kandidat` tab for Kabupaten Tanah Laut (Kalimantan Selatan), as `getValues()` and
 * `getDisplayValues()` hand it over, plus a matching `Desa Sasaran` tab. Every row carries a tag
 * (kept out of the grid) so the tests can state the expected outcome of each row by name.
 *
 * Hand-written for the tests; nothing here is derived from the code under test.
 */
import type { CellValue, Grid } from '../../src/core/types';
import { KANDIDAT_INPUT_HEADERS } from '../support/contract';

/** Asia/Makassar (WITA), UTC+8, no DST. */
export const WITA = 480;

export const KANDIDAT_HEADERS = [
  ...KANDIDAT_INPUT_HEADERS,
  'Status Administrasi',
  'Catatan Validasi',
  'Skor Akhir',
  'Peringkat',
  'Hasil Seleksi',
  'Catatan Panitia',
] as const;

export type Header = (typeof KANDIDAT_HEADERS)[number];
export type Cells = Partial<Record<Header, CellValue>>;

/** The cell Sheets hands over for a date typed into a date-formatted cell: local midnight in WITA. */
export function dateCell(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - WITA * 60_000);
}

/** A date-time cell (e.g. a Forms timestamp), local WITA time. */
export function dateTimeCell(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - WITA * 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A NIK: district (6 digits) + DDMMYY (day + 40 for women) + serial. */
export function makeNik(
  district6: string,
  [y, m, d]: readonly [number, number, number],
  sex: 'L' | 'P',
  serial: string,
): string {
  return `${district6}${pad(sex === 'P' ? d + 40 : d)}${pad(m)}${pad(y % 100)}${serial}`;
}

/** Villages of Kabupaten Tanah Laut used below: village → [kecamatan, kecamatan code]. */
const VILLAGE: Record<string, readonly [string, string]> = {
  Angsau: ['Pelaihari', '630103'],
  'Karang Taruna': ['Pelaihari', '630103'],
  'Sarang Halang': ['Pelaihari', '630103'],
  Takisung: ['Takisung', '630101'],
  Batilai: ['Takisung', '630101'],
  Jorong: ['Jorong', '630102'],
  'Asam Asam': ['Jorong', '630102'],
  Kurau: ['Kurau', '630104'],
  'Bati Bati': ['Bati Bati', '630105'],
  'Banyu Irang': ['Bati Bati', '630105'],
};

const STREETS = [
  'Jl. A. Yani Km 3',
  'Jl. Datu Insan',
  'Jl. Pelabuhan',
  'Jl. Trans Kalimantan',
  'Jl. Bina Banua',
  'Jl. Pembangunan',
  'Jl. Mawar',
  'Gg. Sepakat',
];

/**
 * A clean candidate: ID K-<n>, NIK consistent with birth date and sex (serial = n), a unique
 * mobile 0812-5100-<n>, a target village, SLTA, birth date as a date cell.
 */
function person(
  n: number,
  nama: string,
  sex: 'L' | 'P',
  birth: readonly [number, number, number],
  village: string,
): Cells {
  const [kecamatan, code] = VILLAGE[village];
  const slug = nama
    .toLowerCase()
    .replace(/^(hj?\.)\s*/, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return {
    ID: `K-${pad(n, 4)}`,
    'Nama Lengkap': nama,
    NIK: makeNik(code, birth, sex, pad(n, 4)),
    'Jenis Kelamin': sex,
    'Tempat Lahir': kecamatan,
    'Tanggal Lahir': dateCell(...birth),
    'Pendidikan Terakhir': 'SMA',
    Alamat: `${STREETS[n % STREETS.length]} RT ${pad((n % 12) + 1)}`,
    'Desa/Kelurahan': village,
    Kecamatan: kecamatan,
    'Kabupaten/Kota': 'Tanah Laut',
    Provinsi: 'Kalimantan Selatan',
    'No. HP': `0812-5100-${pad(n, 4)}`,
    Email: `${slug}@gmail.com`,
    'Tanggal Daftar': dateTimeCell(2019, 11, 1 + (n % 20), 8 + (n % 9), (n * 7) % 60),
  };
}

export interface FixtureRow {
  tag: string;
  cells: Cells;
  /** Display text where it is not the default rendering of the value. */
  shown?: Partial<Record<Header, string>>;
}

/** The rows, in sheet order (row 2 onwards). */
export const FIXTURE_ROWS: FixtureRow[] = [
  // ── clean rows (MS) with every accepted shape ───────────────────────────────────────────
  { tag: 'ms-basic', cells: person(1, 'Ahmad Fauzi', 'L', [1990, 8, 17], 'Angsau') },
  {
    tag: 'ms-woman-pebruari',
    cells: {
      ...person(2, 'Siti Nurhaliza', 'P', [1988, 2, 3], 'Karang Taruna'),
      'Tanggal Lahir': '3 Pebruari 1988',
      'Pendidikan Terakhir': 'SMK',
    },
  },
  {
    tag: 'ms-nik-spaces-new-id',
    cells: {
      ...person(3, 'Rahmat Hidayat', 'L', [1991, 11, 12], 'Bati Bati'),
      ID: '',
      NIK: '6301 0512 1191 0003',
      'Tanggal Lahir': '12 Nopember 1991',
      'Pendidikan Terakhir': 'S1 Pendidikan',
      'Desa/Kelurahan': 'Desa Bati Bati',
      Kecamatan: 'Kec. Bati-Bati',
      'Kabupaten/Kota': 'Kabupaten Tanah Laut',
    },
  },
  {
    tag: 'ms-nik-dots-agt',
    cells: {
      ...person(4, 'Nurul Aini', 'P', [1993, 8, 5], 'Takisung'),
      NIK: '6301.01.450893.0004',
      'Tanggal Lahir': '5 Agt 1993',
      'Pendidikan Terakhir': 'Paket C',
    },
  },
  {
    tag: 'ms-nik-dashes-iso',
    cells: {
      ...person(5, 'Muhammad Rizki', 'L', [1995, 7, 20], 'Asam Asam'),
      NIK: '630102-200795-0005',
      'Tanggal Lahir': '1995-07-20',
      'Pendidikan Terakhir': 'D3',
    },
  },
  {
    tag: 'ms-date-dashes',
    cells: {
      ...person(6, 'Dewi Sartika', 'P', [1992, 9, 21], 'Kurau'),
      'Tanggal Lahir': '21-9-1992',
      'Kabupaten/Kota': 'Kab. Tanah Laut',
    },
  },
  {
    tag: 'ms-date-slashes',
    cells: {
      ...person(7, 'Yusuf Mansyur', 'L', [1987, 4, 1], 'Sarang Halang'),
      'Tanggal Lahir': '1/4/1987',
      'Pendidikan Terakhir': 'S1',
    },
  },
  {
    tag: 'ms-agustus',
    cells: {
      ...person(8, 'Fitri Handayani', 'P', [1990, 8, 17], 'Banyu Irang'),
      'Tanggal Lahir': '17 Agustus 1990',
      'Pendidikan Terakhir': 'D4',
    },
  },
  { tag: 'ms-age-18', cells: person(9, 'Andi Saputra', 'L', [2001, 11, 25], 'Batilai') },
  {
    tag: 'ms-age-55',
    cells: { ...person(10, 'Hj. Masitah', 'P', [1963, 11, 26], 'Jorong'), 'Tanggal Lahir': '26/11/1963' },
  },
  {
    tag: 'ms-sex-laki-laki',
    cells: { ...person(11, 'Syahrani', 'L', [1985, 5, 14], 'Angsau'), 'Jenis Kelamin': 'Laki-laki' },
  },
  { tag: 'ms-sex-lk', cells: { ...person(12, 'Gusti Rahmadi', 'L', [1989, 12, 30], 'Kurau'), 'Jenis Kelamin': 'LK' } },
  {
    tag: 'ms-sex-pria',
    cells: { ...person(13, 'Fajar Ramadhan', 'L', [1996, 1, 9], 'Takisung'), 'Jenis Kelamin': 'Pria' },
  },
  { tag: 'blank-empty', cells: {} },
  {
    tag: 'ms-sex-perempuan',
    cells: { ...person(14, 'Noor Hasanah', 'P', [1994, 6, 2], 'Sarang Halang'), 'Jenis Kelamin': 'Perempuan' },
  },
  { tag: 'ms-sex-pr', cells: { ...person(15, 'Rusmini', 'P', [1979, 3, 27], 'Bati Bati'), 'Jenis Kelamin': 'PR' } },
  {
    tag: 'ms-sex-wanita',
    cells: { ...person(16, 'Aulia Rahmah', 'P', [1998, 10, 11], 'Asam Asam'), 'Jenis Kelamin': 'Wanita' },
  },
  { tag: 'ms-sex-m', cells: { ...person(17, 'Hendra Gunawan', 'L', [1983, 7, 7], 'Jorong'), 'Jenis Kelamin': 'M' } },
  { tag: 'ms-sex-f', cells: { ...person(18, 'Kartini', 'P', [1991, 4, 21], 'Banyu Irang'), 'Jenis Kelamin': 'F' } },
  {
    tag: 'ms-phone-8',
    cells: { ...person(19, 'Muhammad Arsyad', 'L', [1986, 2, 28], 'Karang Taruna'), 'No. HP': '81349912001' },
  },
  {
    tag: 'ms-phone-plus62-new-id',
    cells: { ...person(20, 'Lina Marlina', 'P', [1990, 12, 1], 'Angsau'), ID: '', 'No. HP': '+62 813-4991-2002' },
  },
  {
    tag: 'ms-phone-62',
    cells: { ...person(21, 'Taufik Hidayat', 'L', [1992, 3, 15], 'Batilai'), 'No. HP': '6281349912003' },
  },
  {
    tag: 'ms-phone-0062',
    cells: { ...person(22, 'Ratna Sari', 'P', [1988, 9, 9], 'Kurau'), 'No. HP': '0062 813 4991 2004' },
  },
  {
    tag: 'ms-phone-number-cell',
    cells: { ...person(23, 'Ahmad Yani', 'L', [1984, 11, 30], 'Takisung'), 'No. HP': 85249901234 },
  },
  {
    tag: 'ms-kota-banjarbaru-lowercase-id',
    cells: {
      ...person(24, 'Rina Susanti', 'P', [1990, 6, 18], 'Angsau'),
      ID: 'k-0090',
      NIK: makeNik('637203', [1990, 6, 18], 'P', '0024'),
      'Tempat Lahir': 'Banjarbaru',
      'Desa/Kelurahan': 'Guntung Payung',
      Kecamatan: 'Landasan Ulin',
      'Kabupaten/Kota': 'Banjarbaru',
    },
  },
  {
    tag: 'ms-uppercase-places',
    cells: {
      ...person(25, 'Irwan Setiawan', 'L', [1981, 8, 8], 'Angsau'),
      'Desa/Kelurahan': 'ANGSAU',
      Kecamatan: 'PELAIHARI',
      'Kabupaten/Kota': 'KABUPATEN TANAH LAUT',
      Provinsi: 'KALIMANTAN SELATAN',
    },
  },
  {
    tag: 'ms-old-papua',
    cells: {
      ...person(26, 'Yohanis Gebze', 'L', [1985, 3, 15], 'Sarang Halang'),
      NIK: '9101011503850026',
      'Tempat Lahir': 'Merauke',
    },
  },
  {
    tag: 'ms-other-province-other-id',
    cells: {
      ...person(27, 'Slamet Riyadi', 'L', [1980, 1, 20], 'Kurau'),
      ID: 'REG-2019-027',
      NIK: makeNik('337401', [1980, 1, 20], 'L', '0027'),
      'Tempat Lahir': 'Semarang',
      'Pendidikan Terakhir': 'SLTA',
      Email: '',
    },
  },
  {
    tag: 'ms-prefixed-places',
    cells: {
      ...person(28, 'Hairani', 'P', [1993, 2, 14], 'Angsau'),
      'Desa/Kelurahan': 'Kel. Angsau',
      Kecamatan: 'Kec. Pelaihari',
      'Kabupaten/Kota': 'Kab. Tanah Laut',
    },
  },

  // ── warnings only (Perlu Cek) ───────────────────────────────────────────────────────────
  // Typed 6301020506890029 into a number cell: Sheets kept 15 significant digits.
  {
    tag: 'w-nik-number-cell',
    cells: { ...person(29, 'Suriansyah', 'L', [1989, 6, 5], 'Jorong'), NIK: 6301020506890020 },
  },
  {
    tag: 'w-nik-regency',
    cells: {
      ...person(30, 'Akhmad Rifani', 'L', [1987, 10, 10], 'Kurau'),
      NIK: makeNik('631204', [1987, 10, 10], 'L', '0030'),
    },
  },
  // Day and month swapped in the Tanggal Lahir column.
  {
    tag: 'w-nik-birthdate-mismatch',
    cells: { ...person(31, 'Mahdiannor', 'L', [1991, 1, 7], 'Takisung'), 'Tanggal Lahir': '01/07/1991' },
  },
  {
    tag: 'w-nik-sex-mismatch',
    cells: {
      ...person(32, 'Nor Jannah', 'P', [1995, 5, 23], 'Bati Bati'),
      NIK: makeNik('630105', [1995, 5, 23], 'L', '0032'),
    },
  },
  {
    tag: 'w-landline',
    cells: { ...person(33, 'H. Abdul Muis', 'L', [1970, 4, 4], 'Takisung'), 'No. HP': '0512-21234' },
  },
  {
    tag: 'w-phone-shared-a',
    cells: { ...person(34, 'Eka Wahyuni', 'P', [1997, 5, 5], 'Batilai'), 'No. HP': '0853-4800-1234' },
  },
  {
    tag: 'w-phone-shared-b',
    cells: { ...person(35, 'Dwi Wahyuni', 'P', [1999, 9, 19], 'Batilai'), 'No. HP': '+62 853 4800 1234' },
  },
  { tag: 'w-email', cells: { ...person(36, 'Rina Wati', 'P', [1994, 1, 31], 'Kurau'), Email: 'rinawati@gmail' } },

  // ── errors (TMS) ────────────────────────────────────────────────────────────────────────
  {
    tag: 'e-required-name-new-id',
    cells: { ...person(37, 'Nama Dihapus', 'L', [1986, 8, 12], 'Jorong'), ID: '', 'Nama Lengkap': '' },
  },
  {
    tag: 'e-required-three',
    cells: {
      ...person(38, 'Samsul Bahri', 'L', [1982, 12, 12], 'Kurau'),
      'Tempat Lahir': '',
      Alamat: '   ',
      Kecamatan: '',
    },
  },
  { tag: 'e-required-phone', cells: { ...person(39, 'Nurhayati', 'P', [1990, 3, 3], 'Angsau'), 'No. HP': '' } },
  {
    tag: 'blank-id-and-outputs',
    cells: {
      ID: 'K-0085',
      'Status Administrasi': 'MS',
      'Catatan Validasi': 'ℹ baris lama',
      'Skor Akhir': 72.5,
      Peringkat: 1,
      'Hasil Seleksi': 'Lulus',
    },
  },
  // 15 digits typed as text (one digit dropped).
  { tag: 'e-nik-short', cells: { ...person(40, 'Agus Salim', 'L', [1990, 8, 17], 'Angsau'), NIK: '630103170890040' } },
  // Letter O typed for a zero.
  {
    tag: 'e-nik-letter',
    cells: { ...person(41, 'Rusdiansyah', 'L', [1988, 10, 20], 'Takisung'), NIK: '63O1012010880041' },
  },
  // Typed 6301031209850042 into a number cell: stored with the last digits zeroed.
  {
    tag: 'e-nik-number-serial',
    cells: {
      ...person(42, 'Muhammad Ilmi', 'L', [1985, 9, 12], 'Sarang Halang'),
      NIK: 6301031209850000,
      'Jenis Kelamin': 'Pria',
    },
  },
  // A 15-digit NIK in a number cell.
  { tag: 'e-nik-number-15', cells: { ...person(43, 'Hamdani', 'L', [1988, 10, 10], 'Kurau'), NIK: 630104101088004 } },
  {
    tag: 'e-nik-province',
    cells: {
      ...person(44, 'Arbainah', 'P', [1986, 7, 1], 'Jorong'),
      NIK: makeNik('690102', [1986, 7, 1], 'P', '0044'),
    },
  },
  {
    tag: 'e-nik-birthdate',
    cells: { ...person(45, 'Jumberi', 'L', [1990, 8, 1], 'Bati Bati'), NIK: '6301053208900045' },
  },
  {
    tag: 'e-nik-serial-text',
    cells: {
      ...person(46, 'Sri Wahyuni', 'P', [1993, 4, 9], 'Banyu Irang'),
      NIK: makeNik('630105', [1993, 4, 9], 'P', '0000'),
    },
  },
  { tag: 'e-nik-duplicate-a', cells: person(47, 'Budi Santoso', 'L', [1987, 3, 14], 'Kurau') },
  {
    tag: 'e-nik-duplicate-b',
    cells: {
      ...person(48, 'Budi Santoso', 'L', [1987, 3, 14], 'Kurau'),
      NIK: '6301 0414 0387 0047',
      'No. HP': '0812-5100-0148',
    },
  },
  { tag: 'e-id-duplicate-a', cells: person(49, 'Zainal Arifin', 'L', [1984, 2, 2], 'Angsau') },
  { tag: 'e-id-duplicate-b', cells: { ...person(50, 'Norhayati', 'P', [1989, 8, 8], 'Karang Taruna'), ID: 'K-0049' } },
  { tag: 'e-sex-invalid', cells: { ...person(51, 'Saprudin', 'L', [1983, 6, 6], 'Jorong'), 'Jenis Kelamin': '1' } },
  {
    tag: 'e-birthdate-two-digit-year',
    cells: { ...person(52, 'Marliani', 'P', [1990, 8, 17], 'Takisung'), 'Tanggal Lahir': '17/08/90' },
  },
  {
    tag: 'e-birthdate-not-real',
    cells: { ...person(53, 'Supiani', 'P', [1990, 2, 28], 'Batilai'), 'Tanggal Lahir': '31/02/1990' },
  },
  { tag: 'e-age-17', cells: person(54, 'Rizky Maulana', 'L', [2001, 11, 26], 'Angsau') },
  {
    tag: 'e-age-56',
    cells: { ...person(55, 'Hj. Rabiah', 'P', [1963, 11, 25], 'Kurau'), 'Tanggal Lahir': '25/11/1963' },
  },
  {
    tag: 'e-education-smp',
    cells: { ...person(56, 'Saiful Anwar', 'L', [1992, 1, 1], 'Asam Asam'), 'Pendidikan Terakhir': 'SMP' },
  },
  {
    tag: 'e-education-sd',
    cells: { ...person(57, 'Masrani', 'L', [1978, 5, 17], 'Jorong'), 'Pendidikan Terakhir': 'SD' },
  },
  {
    tag: 'e-education-unknown-new-id',
    cells: { ...person(58, 'Ahmad Zaki', 'L', [1994, 9, 3], 'Bati Bati'), ID: '', 'Pendidikan Terakhir': 'Pesantren' },
  },
  {
    tag: 'e-phone-084',
    cells: { ...person(59, 'Firdaus', 'L', [1991, 10, 28], 'Takisung'), 'No. HP': '0841-2345-6789' },
  },
  { tag: 'e-phone-short', cells: { ...person(60, 'Wahyudi', 'L', [1987, 7, 17], 'Kurau'), 'No. HP': '0812-345' } },
  {
    tag: 'e-phone-number-landline',
    cells: { ...person(61, 'Junaidi', 'L', [1980, 11, 11], 'Angsau'), 'No. HP': 51221235 },
  },
  {
    tag: 'e-domicile-unknown-village',
    cells: {
      ...person(62, 'Hairul Anam', 'L', [1990, 2, 2], 'Kurau'),
      'Desa/Kelurahan': 'Tambang Ulang',
      Kecamatan: 'Tambang Ulang',
    },
  },
  {
    tag: 'e-domicile-wrong-district',
    cells: { ...person(63, 'Siti Aisyah', 'P', [1996, 3, 8], 'Kurau'), Kecamatan: 'Pelaihari' },
  },
  {
    tag: 'e-domicile-wrong-regency',
    cells: {
      ...person(64, 'Bayu Pratama', 'L', [1993, 12, 20], 'Angsau'),
      'Desa/Kelurahan': 'Guntung Payung',
      Kecamatan: 'Landasan Ulin',
      'Kabupaten/Kota': 'Tanah Laut',
    },
  },
  {
    tag: 'e-override-no-reason',
    cells: { ...person(65, 'Mariani', 'P', [1989, 4, 4], 'Sarang Halang'), 'Keputusan Verifikator': 'MS' },
  },
  {
    tag: 'e-override-other-value',
    cells: {
      ...person(66, 'Sulaiman', 'L', [1986, 6, 16], 'Banyu Irang'),
      'Keputusan Verifikator': 'Lulus',
      'Alasan Verifikator': 'Sudah diwawancara',
    },
  },
  {
    tag: 'ov-ms',
    cells: {
      ...person(67, 'Ahmad Zainuddin', 'L', [1992, 7, 7], 'Takisung'),
      'Pendidikan Terakhir': 'Pesantren',
      'Keputusan Verifikator': 'MS',
      'Alasan Verifikator': 'Ijazah pesantren muadalah setara SLTA',
    },
  },
  {
    tag: 'ov-tms',
    cells: {
      ...person(68, 'Riduan', 'L', [1985, 10, 5], 'Jorong'),
      'Keputusan Verifikator': 'TMS',
      'Alasan Verifikator': 'Pendamping PKH aktif',
    },
  },
  // NIK year 19 on the reference date itself (25 Nov 2019 is not after it) → 2019.
  {
    tag: 'e-century-2019',
    cells: { ...person(69, 'Ahmad Fahmi', 'L', [2019, 11, 25], 'Kurau'), 'Tanggal Lahir': '25/11/1919' },
  },
  // NIK year 19, a day after the reference date → 1919.
  {
    tag: 'e-century-1919',
    cells: { ...person(70, 'Abdul Gani', 'L', [1919, 11, 26], 'Angsau'), 'Tanggal Lahir': '26/11/1919' },
  },
  {
    tag: 'e-messy-new-id',
    cells: {
      ...person(71, 'Iskandar Zulkarnain', 'L', [1988, 10, 10], 'Bati Bati'),
      ID: '',
      NIK: 6301051010880000,
      'Jenis Kelamin': 'Pria',
      'No. HP': 85249905678,
      Email: 'iskandar@yahoo',
    },
  },
  { tag: 'blank-whitespace', cells: { 'Nama Lengkap': '  ', Alamat: ' ', 'Catatan Validasi': '✖ lama' } },
  { tag: 'extra-column-only', cells: { 'Catatan Panitia': 'berkas menyusul' } },
  { tag: 'ms-last-new-id', cells: { ...person(72, 'Noorlatifah', 'P', [1997, 12, 24], 'Karang Taruna'), ID: '' } },
  { tag: 'blank-trailing', cells: {} },
];

/** 1-based sheet row of a tagged fixture row. */
export function rowOf(tag: string): number {
  const i = FIXTURE_ROWS.findIndex((r) => r.tag === tag);
  if (i < 0) throw new Error(`no fixture row ${tag}`);
  return i + 2;
}

/** What `getDisplayValues()` shows for a value in an automatic-format column. */
export function displayOf(header: Header, value: CellValue | undefined): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const local = new Date(value.getTime() + WITA * 60_000);
    const date = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
    return header === 'Tanggal Daftar'
      ? `${date} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
      : date;
  }
  if (typeof value === 'number') {
    if (Math.abs(value) >= 1e12) {
      const [mantissa, exponent] = value.toExponential(5).split('e');
      return `${mantissa.replace(/\.?0+$/, '')}E${exponent.startsWith('-') ? '' : '+'}${exponent.replace('+', '')}`;
    }
    return String(value);
  }
  return value;
}

export function buildKandidat(
  rows: readonly FixtureRow[] = FIXTURE_ROWS,
  headers: readonly Header[] = KANDIDAT_HEADERS,
): { values: Grid; display: string[][] } {
  const values: Grid = [[...headers]];
  const display: string[][] = [[...headers]];
  for (const row of rows) {
    values.push(headers.map((h) => row.cells[h] ?? ''));
    display.push(headers.map((h) => row.shown?.[h] ?? displayOf(h, row.cells[h])));
  }
  return { values, display };
}

export const KANDIDAT = buildKandidat();

/** `Desa Sasaran`, with the prefixes and spellings people use. */
export const DESA_SASARAN: Grid = [
  ['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Kuota'],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Kecamatan Pelaihari', 'Kelurahan Angsau', 1],
  ['Kalimantan Selatan', 'Kab. Tanah Laut', 'Pelaihari', 'Karang Taruna', ''],
  ['Kalimantan Selatan', 'Tanah Laut', 'Kec. Pelaihari', 'Desa Sarang Halang', 2],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Takisung', 'Takisung', 1],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Takisung', 'Batilai', 1],
  ['', '', '', '', ''],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Jorong', 'Jorong', 1],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Jorong', 'Asam-Asam', 1],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Kurau', 'Kurau', 1],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Bati-Bati', 'Bati-Bati', 1],
  ['Kalimantan Selatan', 'Kabupaten Tanah Laut', 'Bati Bati', 'Banyu Irang', 1],
  ['Kalimantan Selatan', 'Kota Banjarbaru', 'Landasan Ulin', 'Guntung Payung', 1],
];
