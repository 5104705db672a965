/**
 * Education values as people type them, with the level each one means (lowest to highest:
 * Tidak/Belum Sekolah, SD, SLTP, SLTA, D1/D2, D3, D4/S1, S2, S3). Weights are relative frequencies among candidates.
 */
export type EducationLevel = 'Tidak/Belum Sekolah' | 'SD' | 'SLTP' | 'SLTA' | 'D1/D2' | 'D3' | 'D4/S1' | 'S2' | 'S3';

export interface EducationSpelling {
  value: string;
  level: EducationLevel;
  weight: number;
}

/** Accepted values (level SLTA or higher) — what valid candidate rows carry. */
export const EDUCATION_ACCEPTED: readonly EducationSpelling[] = [
  { value: 'SMA', level: 'SLTA', weight: 30 },
  { value: 'SMK', level: 'SLTA', weight: 14 },
  { value: 'MA', level: 'SLTA', weight: 6 },
  { value: 'SLTA', level: 'SLTA', weight: 8 },
  { value: 'SMA/Sederajat', level: 'SLTA', weight: 4 },
  { value: 'Paket C', level: 'SLTA', weight: 4 },
  { value: 'sma', level: 'SLTA', weight: 2 },
  { value: 'D1', level: 'D1/D2', weight: 1 },
  { value: 'D2', level: 'D1/D2', weight: 1 },
  { value: 'D3', level: 'D3', weight: 5 },
  { value: 'D-III', level: 'D3', weight: 2 },
  { value: 'Diploma III', level: 'D3', weight: 1 },
  { value: 'D4', level: 'D4/S1', weight: 1 },
  { value: 'S1', level: 'D4/S1', weight: 14 },
  { value: 'S-1', level: 'D4/S1', weight: 2 },
  { value: 'Sarjana', level: 'D4/S1', weight: 3 },
  { value: 'S1 Pendidikan', level: 'D4/S1', weight: 2 },
  { value: 'S1 Ekonomi', level: 'D4/S1', weight: 1 },
  { value: 'S1 Kesejahteraan Sosial', level: 'D4/S1', weight: 1 },
  { value: 'S2', level: 'S2', weight: 1 },
];

/** Below the default minimum (SLTA): fault `education-too-low`. */
export const EDUCATION_TOO_LOW: readonly EducationSpelling[] = [
  { value: 'SMP', level: 'SLTP', weight: 4 },
  { value: 'SD', level: 'SD', weight: 2 },
  { value: 'SLTP', level: 'SLTP', weight: 1 },
  { value: 'MTs', level: 'SLTP', weight: 1 },
  { value: 'Paket B', level: 'SLTP', weight: 1 },
];

/** Values that map to no level: fault `education-unknown`. */
export const EDUCATION_UNKNOWN: readonly string[] = [
  'Pesantren',
  'Pondok Pesantren',
  'Kursus Komputer',
  'Kursus Menjahit',
];
