/** A registration form as the tests use it: the demo form's questions, and a clean response per candidate number. */
import { FORM_HEADERS } from '../../scripts/demo-data/form';
import type { CellValue } from '../../src/core/types';

export const TAB = 'Form Responses 1';
/** The response tab's header row: the timestamp, then the questions worded as the README advises. */
export const QUESTIONS: string[] = [...FORM_HEADERS];

/** A response, by question; `n` makes the NIK, name and phone unique. */
export function answers(n: number, over: Record<string, CellValue> = {}): Record<string, CellValue> {
  const serial = String(1000 + n).padStart(4, '0');
  return {
    'Nama lengkap (sesuai KTP)': `Kandidat ${n}`,
    'NIK (16 digit, sesuai KTP)': `630103470890${serial}`,
    'Jenis kelamin': 'P',
    'Tempat lahir': 'Pelaihari',
    'Tanggal lahir': '1990-08-07',
    'Pendidikan terakhir': 'SMA',
    'Alamat lengkap': `Jl. A. Yani RT ${n}`,
    'Desa/Kelurahan': 'Angsau',
    Kecamatan: 'Pelaihari',
    'Kabupaten/Kota': 'Kabupaten Tanah Laut',
    Provinsi: 'Kalimantan Selatan',
    'Nomor HP/WhatsApp aktif': `0812${String(5000000 + n).padStart(8, '0')}`,
    Email: `k${n}@example.id`,
    'Unggah scan KTP': `https://drive.google.com/open?id=ktp${n}`,
    ...over,
  };
}
