/**
 * Fixed vocabularies of the workbook contract: the values offered in dropdowns and accepted
 * when reading cells. One place for each list, so setup, validation and reports agree.
 */
import type { Bilingual } from './types';

export const YES = 'Ya';
export const NO = 'Tidak';
export const YES_NO = [YES, NO] as const;

export const SEX_VALUES = ['L', 'P'] as const;

/** Where a `Kandidat` row came from (the `Sumber` column): the registration form, or typed by staff. */
export const FROM_FORM = 'Formulir';
export const REGISTRATION_SOURCES = [FROM_FORM, 'Manual'] as const;

/** Education levels, lowest first, with the spellings staff actually type. */
export const EDUCATION_LEVELS: ReadonlyArray<{ code: string; label: Bilingual; aliases: string[] }> = [
  {
    code: 'Tidak/Belum Sekolah',
    label: { id: 'Tidak/Belum Sekolah', en: 'No schooling' },
    aliases: ['Tidak Sekolah', 'Belum Sekolah', 'Tidak Tamat SD', 'Belum Tamat SD', 'Tidak Tamat', 'None'],
  },
  {
    code: 'SD',
    label: { id: 'SD', en: 'Primary school' },
    aliases: ['SD', 'MI', 'Paket A', 'SD/MI', 'SD Sederajat', 'Sekolah Dasar', 'Primary'],
  },
  {
    code: 'SLTP',
    label: { id: 'SLTP', en: 'Junior secondary' },
    aliases: [
      'SLTP',
      'SMP',
      'MTs',
      'MTS',
      'Paket B',
      'SMP/MTs',
      'SMP Sederajat',
      'SLTP Sederajat',
      'Sekolah Menengah Pertama',
      'Junior High School',
    ],
  },
  {
    code: 'SLTA',
    label: { id: 'SLTA', en: 'Senior secondary' },
    aliases: [
      'SLTA',
      'SMA',
      'SMK',
      'MA',
      'MAK',
      'STM',
      'SMEA',
      'SPG',
      'Paket C',
      'SMA/SMK',
      'SMA/MA',
      'SMA/SMK/MA',
      'SMA Sederajat',
      'SLTA Sederajat',
      'Sekolah Menengah Atas',
      'Sekolah Menengah Kejuruan',
      'Madrasah Aliyah',
      'High School',
      'Senior High School',
    ],
  },
  {
    code: 'D1/D2',
    label: { id: 'D1/D2', en: 'Diploma 1/2' },
    aliases: ['D1', 'D2', 'D-1', 'D-2', 'D I', 'D II', 'Diploma 1', 'Diploma 2', 'Diploma I', 'Diploma II'],
  },
  {
    code: 'D3',
    label: { id: 'D3', en: 'Diploma 3' },
    aliases: ['D3', 'D-3', 'D III', 'Diploma 3', 'Diploma III', 'Ahli Madya', 'Sarjana Muda'],
  },
  {
    code: 'D4/S1',
    label: { id: 'D4/S1', en: "Bachelor's (D4/S1)" },
    aliases: [
      'S1',
      'S-1',
      'D4',
      'D-4',
      'D IV',
      'Diploma 4',
      'Diploma IV',
      'Sarjana',
      'Sarjana Terapan',
      'Strata 1',
      'Strata Satu',
      'Bachelor',
      'S.Sos',
      'S.Pd',
      'S.E.',
      'S.H.',
      'S.Kom',
    ],
  },
  {
    code: 'S2',
    label: { id: 'S2', en: "Master's (S2)" },
    aliases: ['S2', 'S-2', 'Magister', 'Master', 'Strata 2', 'Strata Dua', 'Pascasarjana'],
  },
  {
    code: 'S3',
    label: { id: 'S3', en: 'Doctorate (S3)' },
    aliases: ['S3', 'S-3', 'Doktor', 'Doctor', 'PhD', 'Strata 3', 'Strata Tiga'],
  },
];

/** Participant groups (unsur), in the order attendance sheets list them. */
export const UNSUR = [
  'Peneliti',
  'Penyuluh Sosial',
  'Perwakilan Instansi Terkait',
  'Aparat Desa',
  'Calon Penyuluh Sosial',
  'Tokoh Masyarakat',
  'Lainnya',
] as const;

export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;

/** Aggregation methods (setting `Metode agregasi`). */
export const AGGREGATION_METHODS = ['Rata-rata', 'Rata-rata terpangkas', 'Skor-z'] as const;

/** Quota units (setting `Unit kuota`). */
export const QUOTA_UNITS = ['Desa', 'Kecamatan', 'Kabupaten/Kota'] as const;

export const LANGUAGES = ['Indonesia', 'English'] as const;

/** Manual verifier decisions. */
export const ADMIN_DECISIONS = ['MS', 'TMS'] as const;

/** What the verifier found for one required document at the desk. */
export const DOCUMENT_STATES = ['Ada', 'Tidak ada', 'Belum dicek'] as const;

/** A decision on an objection, typed on `Sanggah`. */
export const OBJECTION_DECISIONS = ['Diterima', 'Ditolak'] as const;

/** `Status Sanggah`, written by Proses sanggah. */
export const OBJECTION_STATUSES = ['Menunggu', 'Diterima', 'Ditolak', 'Terlambat', 'Tidak sah'] as const;
