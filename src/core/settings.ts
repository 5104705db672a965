/**
 * The `Pengaturan` tab: one typed, validated view of the coordinator's configuration.
 * Cells are read forgivingly ("60", 60, "60,5"; "ya", TRUE; "rata rata"), then checked by one shape
 * schema. Every problem names the row, the setting and the values it accepts, in both languages;
 * an operation that needs settings stops before writing anything when there is one.
 */
import * as z from './shape';
import { type CalendarDate, formatShortDate, parseDateCell } from './dates';
import { educationChoices, educationLevel } from './education';
import { matchHeaders } from './headers';
import { SETTINGS_TAB } from './schema';
import { cellText, closest, matchKey, quote } from './text';
import type { Bilingual, CellValue, Grid, Lang } from './types';
import { AGGREGATION_METHODS, EDUCATION_LEVELS, LANGUAGES, QUOTA_UNITS } from './vocab';
import { parseYesNo } from './yesno';

type Kind = 'text' | 'int' | 'number' | 'yesno' | 'choice' | 'date' | 'education';

interface SettingDef {
  key: keyof Settings;
  label: string;
  labelEn: string;
  kind: Kind;
  /** What setup writes into `Nilai` (and what a blank cell means). */
  defaultValue: CellValue;
  choices?: readonly string[];
  min?: number;
  max?: number;
  explain: Bilingual;
}

/** How many may pass per unit: the setting `Kuota per unit` and each `Kuota` on `Desa Sasaran` alike. */
export const QUOTA_RANGE = { min: 0, max: 1000 } as const;

/** The range of every numeric setting, in one place: the schema and the setting's description are built from it. */
const RANGES = {
  minAge: { min: 0, max: 120 },
  maxAge: { min: 0, max: 120 },
  minPanelists: { min: 1, max: 20 },
  passMark: { min: 0, max: 100 },
  quotaPerUnit: QUOTA_RANGE,
  reserves: { min: 0, max: 1000 },
  spreadLimit: { min: 0, max: 100 },
  walkInRows: { min: 0, max: 200 },
  objectionDays: { min: 0, max: 30 },
  objectionsPerCandidate: { min: 1, max: 10 },
} as const;

const wholeIn = (r: { min: number; max: number }) => z.int().check(z.gte(r.min), z.lte(r.max));
const numberIn = (r: { min: number; max: number }) => z.number().check(z.gte(r.min), z.lte(r.max));

const EDUCATION_CODES = EDUCATION_LEVELS.map((level) => level.code) as [string, ...string[]];

export const SettingsSchema = z.object({
  activityName: z.string().check(z.minLength(1), z.maxLength(300)),
  organiser: z.string().check(z.minLength(1), z.maxLength(300)),
  ageReferenceDate: z.nullable(z.object({ year: z.int(), month: z.int(), day: z.int() })),
  minAge: wholeIn(RANGES.minAge),
  maxAge: wholeIn(RANGES.maxAge),
  minEducation: z.enum(EDUCATION_CODES),
  requireDomicile: z.boolean(),
  minPanelists: wholeIn(RANGES.minPanelists),
  aggregation: z.enum(AGGREGATION_METHODS),
  passMark: numberIn(RANGES.passMark),
  quotaUnit: z.enum(QUOTA_UNITS),
  quotaPerUnit: wholeIn(RANGES.quotaPerUnit),
  reserves: wholeIn(RANGES.reserves),
  spreadLimit: numberIn(RANGES.spreadLimit),
  maskPersonalData: z.boolean(),
  walkInRows: wholeIn(RANGES.walkInRows),
  signingCity: z.string().check(z.maxLength(100)),
  responsibleName: z.string().check(z.maxLength(200)),
  responsibleNip: z.string().check(z.maxLength(40)),
  requiredDocuments: z.string().check(z.maxLength(1000)),
  adminAnnouncementNumber: z.string().check(z.maxLength(100)),
  adminAnnouncementDate: z.nullable(z.object({ year: z.int(), month: z.int(), day: z.int() })),
  objectionDays: wholeIn(RANGES.objectionDays),
  objectionsPerCandidate: wholeIn(RANGES.objectionsPerCandidate),
  showScoreInAnnouncement: z.boolean(),
  nationalByVillage: z.boolean(),
  nationalPassList: z.boolean(),
  language: z.enum(LANGUAGES),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** `Berkas wajib` when the coordinator has not changed it. */
export const DEFAULT_REQUIRED_DOCUMENTS = 'KTP, Ijazah terakhir, Surat keterangan sehat, SKCK, Pas foto';

/** The documents of `Berkas wajib`, in its order, each once (compared ignoring case). */
export function requiredDocuments(settings: Settings): string[] {
  const seen = new Set<string>();
  return settings.requiredDocuments
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name && !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

const between = (min: number, max: number): Bilingual => ({ id: `${min}–${max}`, en: `${min}–${max}` });

export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: 'activityName',
    label: 'Nama kegiatan',
    labelEn: 'Activity name',
    kind: 'text',
    defaultValue: 'Rekrutmen Calon Penyuluh Sosial — Desa Berketahanan Sosial',
    explain: {
      id: 'Judul kegiatan pada tab yang dibuat add-on (daftar hadir, hasil, rekap).',
      en: 'Activity title on the tabs the add-on generates (attendance, results, summaries).',
    },
  },
  {
    key: 'organiser',
    label: 'Penyelenggara',
    labelEn: 'Organiser',
    kind: 'text',
    defaultValue: 'Kementerian Sosial Republik Indonesia',
    explain: {
      id: 'Lembaga penyelenggara, dicetak di kepala daftar hadir.',
      en: 'Organising institution, printed at the top of attendance sheets.',
    },
  },
  {
    key: 'ageReferenceDate',
    label: 'Tanggal acuan usia',
    labelEn: 'Age reference date',
    kind: 'date',
    defaultValue: '',
    explain: {
      id: 'Usia dihitung pada tanggal ini (biasanya tanggal penutupan pendaftaran). Kosong = hari ini.',
      en: 'Age is computed on this date (usually the registration closing date). Blank = today.',
    },
  },
  {
    key: 'minAge',
    label: 'Usia minimum',
    labelEn: 'Minimum age',
    kind: 'int',
    defaultValue: 18,
    ...RANGES.minAge,
    explain: {
      id: 'Usia terendah yang diterima, dalam tahun penuh (termasuk batas).',
      en: 'Lowest accepted age in whole years (inclusive).',
    },
  },
  {
    key: 'maxAge',
    label: 'Usia maksimum',
    labelEn: 'Maximum age',
    kind: 'int',
    defaultValue: 55,
    ...RANGES.maxAge,
    explain: {
      id: 'Usia tertinggi yang diterima, dalam tahun penuh (termasuk batas).',
      en: 'Highest accepted age in whole years (inclusive).',
    },
  },
  {
    key: 'minEducation',
    label: 'Pendidikan minimum',
    labelEn: 'Minimum education',
    kind: 'education',
    defaultValue: 'SLTA',
    choices: EDUCATION_CODES,
    explain: {
      id: `Jenjang pendidikan terendah yang diterima: ${educationChoices()}.`,
      en: `Lowest accepted education level: ${educationChoices()}.`,
    },
  },
  {
    key: 'requireDomicile',
    label: 'Wajib domisili desa sasaran',
    labelEn: 'Must live in a target village',
    kind: 'yesno',
    defaultValue: 'Ya',
    explain: {
      id: 'Ya = desa kandidat harus tercantum di tab Desa Sasaran.',
      en: "Ya = the candidate's village must be listed on the Desa Sasaran tab.",
    },
  },
  {
    key: 'minPanelists',
    label: 'Jumlah penilai minimum',
    labelEn: 'Minimum number of panelists',
    kind: 'int',
    defaultValue: 2,
    ...RANGES.minPanelists,
    explain: {
      id: 'Kandidat dengan nilai panel (tanpa konflik kepentingan) lebih sedikit dari ini berstatus "Belum Lengkap".',
      en: 'A candidate with fewer panel scores (excluding recusals) is "Belum Lengkap" (incomplete).',
    },
  },
  {
    key: 'aggregation',
    label: 'Metode agregasi',
    labelEn: 'Aggregation method',
    kind: 'choice',
    defaultValue: 'Rata-rata',
    choices: AGGREGATION_METHODS,
    explain: {
      id: 'Rata-rata; Rata-rata terpangkas (buang nilai tertinggi dan terendah bila ada ≥ 4 penilai); Skor-z (menyetarakan penilai yang longgar/ketat).',
      en: 'Rata-rata (mean); Rata-rata terpangkas (trimmed mean: drop highest and lowest with ≥ 4 scores); Skor-z (z-scores per panelist, evens out lenient and strict raters).',
    },
  },
  {
    key: 'passMark',
    label: 'Ambang lulus',
    labelEn: 'Pass mark',
    kind: 'number',
    defaultValue: 60,
    ...RANGES.passMark,
    explain: { id: 'Skor akhir minimum (0–100) untuk lulus.', en: 'Minimum final score (0–100) to pass.' },
  },
  {
    key: 'quotaUnit',
    label: 'Unit kuota',
    labelEn: 'Quota unit',
    kind: 'choice',
    defaultValue: 'Desa',
    choices: QUOTA_UNITS,
    explain: {
      id: 'Peringkat dan kuota dihitung per Desa, Kecamatan atau Kabupaten/Kota.',
      en: 'Ranking and quota are per Desa (village), Kecamatan (district) or Kabupaten/Kota (regency).',
    },
  },
  {
    key: 'quotaPerUnit',
    label: 'Kuota per unit',
    labelEn: 'Quota per unit',
    kind: 'int',
    defaultValue: 1,
    ...RANGES.quotaPerUnit,
    explain: {
      id: 'Jumlah yang lulus per unit. Kolom Kuota di tab Desa Sasaran mengganti nilai ini untuk desa tertentu.',
      en: 'How many pass per unit. A Kuota column on Desa Sasaran overrides this per village.',
    },
  },
  {
    key: 'reserves',
    label: 'Jumlah cadangan',
    labelEn: 'Number of reserves',
    kind: 'int',
    defaultValue: 1,
    ...RANGES.reserves,
    explain: { id: 'Jumlah cadangan per unit setelah yang lulus.', en: 'Reserves per unit after those who pass.' },
  },
  {
    key: 'spreadLimit',
    label: 'Batas selisih penilai',
    labelEn: 'Panel spread limit',
    kind: 'number',
    defaultValue: 20,
    ...RANGES.spreadLimit,
    explain: {
      id: 'Tandai kandidat bila selisih nilai tertinggi dan terendah antarpenilai (skala 0–100) melebihi angka ini.',
      en: 'Flag a candidate when the highest minus the lowest panelist total (0–100) exceeds this.',
    },
  },
  {
    key: 'maskPersonalData',
    label: 'Samarkan data pribadi',
    labelEn: 'Mask personal data',
    kind: 'yesno',
    defaultValue: 'Ya',
    explain: {
      id: 'Ya = NIK dan No. HP disamarkan di tab yang dibuat add-on (UU 27/2022 Pelindungan Data Pribadi).',
      en: 'Ya = NIK and phone numbers are masked on generated tabs (Law 27/2022 on personal data protection).',
    },
  },
  {
    key: 'walkInRows',
    label: 'Baris cadangan daftar hadir',
    labelEn: 'Blank rows on attendance sheets',
    kind: 'int',
    defaultValue: 5,
    ...RANGES.walkInRows,
    explain: {
      id: 'Jumlah baris kosong bernomor untuk peserta yang datang tanpa undangan.',
      en: 'Blank numbered rows for walk-in participants.',
    },
  },
  {
    key: 'signingCity',
    label: 'Kota penandatanganan',
    labelEn: 'Signing city',
    kind: 'text',
    defaultValue: 'Pelaihari',
    explain: {
      id: 'Tempat pada baris "Pelaihari, 27 November 2019" di atas tanda tangan, untuk sesi yang kolom Kota Penandatanganan-nya di tab Sesi kosong.',
      en: 'Place in the "Pelaihari, 27 November 2019" line above signatures, for sessions whose Kota Penandatanganan column on the Sesi tab is blank.',
    },
  },
  {
    key: 'responsibleName',
    label: 'Penanggung jawab',
    labelEn: 'Person responsible',
    kind: 'text',
    defaultValue: '',
    explain: { id: 'Nama penanda tangan daftar hadir.', en: 'Name of the person who signs attendance sheets.' },
  },
  {
    key: 'responsibleNip',
    label: 'NIP penanggung jawab',
    labelEn: 'NIP of person responsible',
    kind: 'text',
    defaultValue: '',
    explain: {
      id: 'NIP penanda tangan (ketik sebagai teks).',
      en: 'Civil-servant number (NIP) of the signer (type it as text).',
    },
  },
  {
    key: 'requiredDocuments',
    label: 'Berkas wajib',
    labelEn: 'Required documents',
    kind: 'text',
    defaultValue: DEFAULT_REQUIRED_DOCUMENTS,
    explain: {
      id: 'Berkas yang diperiksa verifikator untuk setiap kandidat, dipisah koma. Berkas yang ditandai Tidak ada membuat kandidat TMS.',
      en: 'Documents the verifier checks for every candidate, separated by commas. A document marked Tidak ada (missing) makes the candidate TMS.',
    },
  },
  {
    key: 'adminAnnouncementNumber',
    label: 'Nomor pengumuman administrasi',
    labelEn: 'Administrative announcement number',
    kind: 'text',
    defaultValue: '',
    explain: {
      id: 'Nomor surat pengumuman hasil seleksi administrasi, dicetak di kepala pengumuman.',
      en: 'Reference number of the administrative results announcement, printed in its heading.',
    },
  },
  {
    key: 'adminAnnouncementDate',
    label: 'Tanggal pengumuman administrasi',
    labelEn: 'Administrative announcement date',
    kind: 'date',
    defaultValue: '',
    explain: {
      id: 'Diisi add-on saat hasil administrasi pertama kali diumumkan; masa sanggah dihitung dari hari berikutnya.',
      en: 'Written by the add-on when the administrative results are first announced; the objection period starts the day after.',
    },
  },
  {
    key: 'objectionDays',
    label: 'Masa sanggah (hari)',
    labelEn: 'Objection period (days)',
    kind: 'int',
    defaultValue: 3,
    ...RANGES.objectionDays,
    explain: {
      id: 'Lama masa sanggah dalam hari kalender, mulai hari setelah pengumuman administrasi.',
      en: 'Length of the objection period in calendar days, starting the day after the administrative announcement.',
    },
  },
  {
    key: 'objectionsPerCandidate',
    label: 'Sanggah per kandidat',
    labelEn: 'Objections per candidate',
    kind: 'int',
    defaultValue: 1,
    ...RANGES.objectionsPerCandidate,
    explain: {
      id: 'Berapa sanggahan yang boleh diajukan satu kandidat; sanggahan berikutnya Tidak sah.',
      en: 'How many objections one candidate may file; any further one is Tidak sah (invalid).',
    },
  },
  {
    key: 'showScoreInAnnouncement',
    label: 'Tampilkan skor di pengumuman',
    labelEn: 'Show scores in the announcement',
    kind: 'yesno',
    defaultValue: 'Ya',
    explain: {
      id: 'Ya = pengumuman hasil akhir memuat skor akhir setiap kandidat.',
      en: 'Ya = the final results announcement shows each candidate’s final score.',
    },
  },
  {
    key: 'nationalByVillage',
    label: 'Rekap nasional per desa',
    labelEn: 'National summary by village',
    kind: 'yesno',
    defaultValue: 'Tidak',
    explain: {
      id: 'Workbook koordinator saja: Ya = Rekap Nasional juga memuat tabel per desa/kelurahan.',
      en: 'Coordinator workbook only: Ya = the national summary also has a table per village.',
    },
  },
  {
    key: 'nationalPassList',
    label: 'Daftar lulus nasional',
    labelEn: 'National pass list',
    kind: 'yesno',
    defaultValue: 'Ya',
    explain: {
      id: 'Workbook koordinator saja: Ya = Perbarui rekap nasional juga membuat tab Daftar Lulus Nasional (nama, ID, desa, hasil, NIK disamarkan).',
      en: 'Coordinator workbook only: Ya = "Update the national summary" also builds Daftar Lulus Nasional (name, ID, village, result, masked NIK).',
    },
  },
  {
    key: 'language',
    label: 'Bahasa',
    labelEn: 'Language',
    kind: 'choice',
    defaultValue: 'Indonesia',
    choices: LANGUAGES,
    explain: {
      id: 'Bahasa menu, formulir, pesan dan tab yang dibuat: Indonesia atau English.',
      en: 'Language of menus, forms, messages and generated tabs: Indonesia or English.',
    },
  },
];

export interface SettingProblem {
  /** 1-based row on `Pengaturan`, when the problem is on a row. */
  row?: number;
  message: Bilingual;
}

export type SettingsResult =
  | { ok: true; settings: Settings; rows: Map<keyof Settings, number> }
  | { ok: false; problems: SettingProblem[]; language: Lang };

const DEF_BY_KEY = new Map<string, SettingDef>();
for (const def of SETTING_DEFS) {
  DEF_BY_KEY.set(matchKey(def.label), def);
  DEF_BY_KEY.set(matchKey(def.labelEn), def);
}

/** Which setting a label names (Indonesian or English label, forgivingly). */
export function settingByLabel(label: string): SettingDef | undefined {
  return DEF_BY_KEY.get(matchKey(label));
}

function defaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of SETTING_DEFS) out[def.key] = readCell(def, def.defaultValue, 0);
  return out;
}

/** Cell → the JS value the schema checks; `undefined` when the cell cannot be read as that kind. */
function readCell(def: SettingDef, value: CellValue, offsetMinutes: number): unknown {
  const text = cellText(value);
  switch (def.kind) {
    case 'text':
      return text;
    case 'int':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(text.replace(',', '.'));
      return text === '' || !Number.isFinite(n) ? undefined : n;
    }
    case 'yesno':
      return parseYesNo(value);
    case 'choice':
      return def.choices?.find((c) => matchKey(c) === matchKey(text));
    case 'education':
      return educationLevel(text)?.code;
    case 'date': {
      if (text === '') return null;
      const parsed = parseDateCell(value, offsetMinutes);
      return parsed.ok ? parsed.date : undefined;
    }
  }
}

/** What a setting accepts, for messages. */
function expectation(def: SettingDef): Bilingual {
  switch (def.kind) {
    case 'int': {
      const range = between(def.min ?? 0, def.max ?? 0);
      return { id: `bilangan bulat ${range.id}`, en: `a whole number ${range.en}` };
    }
    case 'number': {
      const range = between(def.min ?? 0, def.max ?? 0);
      return { id: `angka ${range.id}`, en: `a number ${range.en}` };
    }
    case 'yesno':
      return { id: 'Ya atau Tidak', en: 'Ya or Tidak (yes or no)' };
    case 'choice':
    case 'education':
      return { id: `salah satu dari: ${def.choices?.join(', ')}`, en: `one of: ${def.choices?.join(', ')}` };
    case 'date':
      return {
        id: 'tanggal (misalnya 25/11/2019 atau 25 November 2019) atau kosong',
        en: 'a date (e.g. 25/11/2019 or 25 November 2019) or blank',
      };
    case 'text':
      return { id: 'teks yang tidak terlalu panjang', en: 'a reasonably short text' };
  }
}

function badValue(def: SettingDef, row: number | undefined, value: CellValue): SettingProblem {
  const where = row ? { id: `baris ${row}`, en: `row ${row}` } : { id: 'nilai bawaan', en: 'default value' };
  const shown = quote(cellText(value));
  const expects = expectation(def);
  return {
    row,
    message: {
      id: `Pengaturan "${def.label}" (tab Pengaturan, ${where.id}, kolom Nilai) berisi ${shown}, padahal harus ${expects.id}. Perbaiki nilainya lalu jalankan lagi.`,
      en: `Setting "${def.label}" (Pengaturan tab, ${where.en}, Nilai column) holds ${shown} but must be ${expects.en}. Fix the value and run again.`,
    },
  };
}

/** Only the language, read leniently so that even a broken settings tab gets messages in the right language. */
export function readLanguage(rows: Grid | undefined): Lang {
  if (!rows) return 'id';
  for (const row of rows.slice(1)) {
    if (settingByLabel(cellText(row[0]))?.key === 'language')
      return matchKey(cellText(row[1])) === 'english' ? 'en' : 'id';
  }
  return 'id';
}

/**
 * Parse the whole settings tab. `rows` is the tab's values (header row first), or undefined when
 * the tab does not exist (all defaults). `offsetMinutes` is the spreadsheet's UTC offset, for date cells.
 */
export function parseSettings(rows: Grid | undefined, offsetMinutes: number): SettingsResult {
  const values = defaults();
  const rowOf = new Map<keyof Settings, number>();
  const problems: SettingProblem[] = [];
  const language = readLanguage(rows);
  const raw = new Map<keyof Settings, CellValue>();

  if (rows && rows.length > 0) {
    const map = matchHeaders(SETTINGS_TAB, rows[0]);
    const nameCol = map.index.get('Pengaturan') ?? 0;
    const valueCol = map.index.get('Nilai') ?? 1;
    rows.slice(1).forEach((row, i) => {
      const sheetRow = i + 2;
      const name = cellText(row[nameCol]);
      if (name === '') return;
      const def = settingByLabel(name);
      if (!def) {
        problems.push(unknownSetting(name, sheetRow));
        return;
      }
      if (rowOf.has(def.key)) {
        problems.push(duplicateSetting(def, sheetRow, rowOf.get(def.key) ?? 0));
        return;
      }
      rowOf.set(def.key, sheetRow);
      const cell = row[valueCol] ?? '';
      raw.set(def.key, cell);
      if (cellText(cell) === '') return; // blank = default
      const read = readCell(def, cell, offsetMinutes);
      if (read === undefined) problems.push(badValue(def, sheetRow, cell));
      else values[def.key] = read;
    });
  }

  const checked = SettingsSchema.safeParse(values);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const def = SETTING_DEFS.find((d) => d.key === issue.path[0]);
      if (!def) continue;
      problems.push(badValue(def, rowOf.get(def.key), raw.get(def.key) ?? def.defaultValue));
    }
  }
  // A rule across two settings, checked whenever both values are readable.
  const { minAge, maxAge } = values as { minAge: unknown; maxAge: unknown };
  if (typeof minAge === 'number' && typeof maxAge === 'number' && maxAge < minAge)
    problems.push(ageOrder(rowOf.get('maxAge'), minAge, maxAge));
  if (problems.length > 0 || !checked.success)
    return { ok: false, problems: problems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity)), language };
  return { ok: true, settings: checked.data, rows: rowOf };
}

function unknownSetting(name: string, row: number): SettingProblem {
  const guess = closest(
    name,
    SETTING_DEFS.map((d) => d.label),
  );
  return {
    row,
    message: {
      id: `Tab Pengaturan baris ${row}: pengaturan "${name}" tidak dikenal.${guess ? ` Mungkin maksud Anda "${guess}"?` : ''} Perbaiki namanya atau hapus baris itu.`,
      en: `Pengaturan tab row ${row}: unknown setting "${name}".${guess ? ` Did you mean "${guess}"?` : ''} Fix the name or delete the row.`,
    },
  };
}

function duplicateSetting(def: SettingDef, row: number, first: number): SettingProblem {
  return {
    row,
    message: {
      id: `Tab Pengaturan baris ${row}: "${def.label}" sudah ada di baris ${first}. Hapus salah satunya.`,
      en: `Pengaturan tab row ${row}: "${def.label}" already appears on row ${first}. Delete one of them.`,
    },
  };
}

function ageOrder(row: number | undefined, min: number, max: number): SettingProblem {
  const where = row ? ` (baris ${row})` : '';
  const whereEn = row ? ` (row ${row})` : '';
  return {
    row,
    message: {
      id: `Tab Pengaturan${where}: Usia maksimum (${max}) lebih kecil dari Usia minimum (${min}). Perbaiki salah satunya.`,
      en: `Pengaturan tab${whereEn}: Usia maksimum (${max}) is lower than Usia minimum (${min}). Fix one of them.`,
    },
  };
}

/** The language code of validated settings. */
export function langOf(settings: Settings): Lang {
  return settings.language === 'English' ? 'en' : 'id';
}

/** The reference date for ages: the setting, or today. */
export function ageReference(settings: Settings, today: CalendarDate): CalendarDate {
  return settings.ageReferenceDate ?? today;
}

/** A date setting shown back to the user. */
export function showSettingDate(date: CalendarDate | null): string {
  return date ? formatShortDate(date) : '';
}
