/** What validation says about a cell: a stable rule code, a severity and a bilingual message. */
import type { Bilingual } from '../types';
import type { CandidateHeader } from '../schema';

export type Severity = 'error' | 'warning' | 'info';

/** Stable rule codes: they appear on `Laporan Validasi` and in the docs, so they never change meaning. */
export const RULES = {
  required: { severity: 'error', title: { id: 'Kolom wajib kosong', en: 'Required field empty' } },
  'id.duplicate': { severity: 'error', title: { id: 'ID ganda', en: 'Duplicate ID' } },
  'sex.invalid': { severity: 'error', title: { id: 'Jenis kelamin tidak dikenali', en: 'Sex not recognised' } },
  'nik.format': { severity: 'error', title: { id: 'NIK bukan 16 digit', en: 'NIK is not 16 digits' } },
  'nik.province': {
    severity: 'error',
    title: { id: 'Kode provinsi NIK tidak dikenal', en: 'Unknown NIK province code' },
  },
  'nik.birthdate': {
    severity: 'error',
    title: { id: 'Tanggal lahir dalam NIK tidak sah', en: 'Invalid birth date inside the NIK' },
  },
  'nik.serial': {
    severity: 'error',
    title: { id: 'Nomor urut NIK 0000 (NIK terpotong)', en: 'NIK serial 0000 (truncated NIK)' },
  },
  'nik.duplicate': { severity: 'error', title: { id: 'NIK ganda', en: 'Duplicate NIK' } },
  'nik.resubmission': {
    severity: 'info',
    title: { id: 'Pendaftaran ulang lewat formulir', en: 'Registered again through the form' },
  },
  'nik.regency': {
    severity: 'warning',
    title: {
      id: 'Kode kabupaten/kota NIK tidak ada di daftar terkini',
      en: 'NIK regency code not in the current list',
    },
  },
  'nik.regency-old-papua': {
    severity: 'info',
    title: { id: 'Kode lama Papua pada NIK', en: 'Old Papua code in the NIK' },
  },
  'nik.birthdate-mismatch': {
    severity: 'warning',
    title: {
      id: 'Tanggal lahir NIK berbeda dengan kolom Tanggal Lahir',
      en: 'NIK birth date differs from Tanggal Lahir',
    },
  },
  'nik.sex-mismatch': {
    severity: 'warning',
    title: { id: 'Jenis kelamin NIK berbeda dengan kolom Jenis Kelamin', en: 'NIK sex differs from Jenis Kelamin' },
  },
  'nik.number-cell': {
    severity: 'warning',
    title: { id: 'NIK tersimpan sebagai angka', en: 'NIK stored as a number' },
  },
  'birthdate.format': { severity: 'error', title: { id: 'Tanggal lahir tidak terbaca', en: 'Birth date unreadable' } },
  'age.range': { severity: 'error', title: { id: 'Usia di luar batas', en: 'Age out of range' } },
  'education.unknown': {
    severity: 'error',
    title: { id: 'Pendidikan tidak dikenali', en: 'Education not recognised' },
  },
  'education.below-minimum': {
    severity: 'error',
    title: { id: 'Pendidikan di bawah minimum', en: 'Education below minimum' },
  },
  'phone.invalid': { severity: 'error', title: { id: 'No. HP tidak sah', en: 'Invalid phone number' } },
  'phone.landline': {
    severity: 'warning',
    title: { id: 'Nomor telepon rumah/kantor, bukan HP', en: 'Landline, not a mobile' },
  },
  'phone.shared': {
    severity: 'warning',
    title: { id: 'No. HP dipakai kandidat lain', en: 'Phone shared with another candidate' },
  },
  'email.format': { severity: 'warning', title: { id: 'Format email salah', en: 'Malformed email' } },
  'domicile.not-target': {
    severity: 'error',
    title: { id: 'Desa bukan desa sasaran', en: 'Village is not a target village' },
  },
  'documents.missing': {
    severity: 'error',
    title: { id: 'Berkas wajib belum lengkap', en: 'Required documents missing' },
  },
  'override.invalid': {
    severity: 'error',
    title: { id: 'Keputusan verifikator tidak sah', en: 'Invalid verifier decision' },
  },
  'override.applied': { severity: 'info', title: { id: 'Diputuskan verifikator', en: 'Decided by the verifier' } },
  'objection.accepted': {
    severity: 'info',
    title: { id: 'Sanggah diterima', en: 'Objection accepted' },
  },
  'row.unchecked': {
    severity: 'warning',
    title: { id: 'Baris tidak dapat diperiksa otomatis', en: 'Row could not be checked automatically' },
  },
  'duplicate.pending': {
    severity: 'info',
    title: { id: 'Baris kembaran ditandai pada validasi penuh', en: 'Twin row marked on the full validation' },
  },
} as const satisfies Record<string, { severity: Severity; title: Bilingual }>;

export type RuleCode = keyof typeof RULES;

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  /** The contract header of the offending column (undefined for row-level findings). */
  column?: CandidateHeader;
  message: Bilingual;
  /** For the maintainers' log only, never shown in a cell: why a rule could not check the row. */
  detail?: string;
}

export function finding(rule: RuleCode, column: CandidateHeader | undefined, message: Bilingual): Finding {
  return { rule, severity: RULES[rule].severity, column, message };
}
