/**
 * The `Kandidat` tab's input columns in their contract order (docs/WORKBOOK.md), written out by hand
 * rather than imported from src/core/schema.ts, so that a change to the product's contract is
 * caught by the tests instead of followed by them. Fixtures add the add-on's output columns they
 * need after these.
 */
export const KANDIDAT_INPUT_HEADERS = [
  'ID',
  'Nama Lengkap',
  'NIK',
  'Jenis Kelamin',
  'Tempat Lahir',
  'Tanggal Lahir',
  'Pendidikan Terakhir',
  'Alamat',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Provinsi',
  'No. HP',
  'Email',
  'Tanggal Daftar',
  'Keputusan Verifikator',
  'Alasan Verifikator',
] as const;
