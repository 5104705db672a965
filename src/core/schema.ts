/**
 * The workbook contract as data: every tab the add-in knows, its columns, their aliases and
 * how setup formats them. Header matching, setup, validation and the docs all read from here,
 * so a column is described once.
 */
import type { Bilingual } from './types';
import {
  ADMIN_DECISIONS,
  OBJECTION_DECISIONS,
  EDUCATION_LEVELS,
  REGISTRATION_SOURCES,
  SEX_VALUES,
  TIME_ZONES,
  UNSUR,
  YES_NO,
} from './vocab';

/** How setup prepares a column's data cells. */
export type ColumnFormat = 'text' | 'date' | 'datetime' | 'time' | 'number' | 'decimal';

export interface ColumnDef<H extends string = string> {
  /** The header setup writes (Indonesian: headers are part of the contract, not translated). */
  header: H;
  /** Other headers accepted for this column. */
  aliases?: string[];
  required?: boolean;
  /** Written by the add-in (created at the right end when missing). */
  output?: boolean;
  format?: ColumnFormat;
  /** Values offered in a dropdown (invalid values are warned about, not rejected: pastes must land). */
  dropdown?: readonly string[];
  checkbox?: boolean;
  /** Column width in pixels. */
  width: number;
  /** What the column is for, shown as the header's note. */
  help?: Bilingual;
}

export interface TabDef<H extends string = string> {
  name: string;
  kind: 'user' | 'written' | 'generated';
  columns: readonly ColumnDef<H>[];
}

/** The contract headers of a tab, as a union of string literals. */
export type HeaderOf<T> = T extends TabDef<infer H> ? H : never;

/**
 * A tab definition whose header names are kept as literal types, so code that reads a column by a
 * header that is not in the contract (a typo, a renamed column) stops compiling.
 */
function defineTab<const H extends string>(tab: TabDef<H>): TabDef<H> {
  return tab;
}

const PHONE_ALIASES = [
  'No HP',
  'No. HP',
  'Nomor HP',
  'HP',
  'Telepon',
  'No Telp',
  'No. Telp',
  'Nomor Telepon',
  'WhatsApp',
  'No WA',
  'Nomor WhatsApp',
  'Handphone',
  'Phone',
];
const EDUCATION_DROPDOWN = EDUCATION_LEVELS.map((level) => level.code);

export const SETTINGS_TAB = defineTab({
  name: 'Pengaturan',
  kind: 'user',
  columns: [
    { header: 'Pengaturan', aliases: ['Setting', 'Nama Pengaturan'], required: true, width: 230 },
    { header: 'Nilai', aliases: ['Value'], required: true, width: 330 },
    { header: 'Keterangan', aliases: ['Penjelasan', 'Explanation', 'Description'], width: 520 },
  ],
});

export const CANDIDATES_TAB = defineTab({
  name: 'Kandidat',
  kind: 'user',
  columns: [
    {
      header: 'ID',
      aliases: ['ID Kandidat', 'No. Registrasi', 'No Registrasi', 'Nomor Registrasi'],
      width: 80,
      format: 'text',
    },
    { header: 'Nama Lengkap', aliases: ['Nama', 'Nama Kandidat', 'Full Name', 'Name'], required: true, width: 200 },
    {
      header: 'NIK',
      aliases: ['No. KTP', 'No KTP', 'Nomor KTP', 'Nomor Induk Kependudukan'],
      required: true,
      width: 150,
      format: 'text',
    },
    {
      header: 'Jenis Kelamin',
      aliases: ['L/P', 'JK', 'Gender', 'Sex'],
      required: true,
      width: 70,
      dropdown: SEX_VALUES,
    },
    { header: 'Tempat Lahir', aliases: ['Place of Birth'], required: true, width: 120 },
    {
      header: 'Tanggal Lahir',
      aliases: ['Tgl Lahir', 'Tgl. Lahir', 'Date of Birth'],
      required: true,
      width: 110,
      format: 'date',
    },
    {
      header: 'Pendidikan Terakhir',
      aliases: ['Pendidikan', 'Ijazah Terakhir', 'Education'],
      required: true,
      width: 120,
      dropdown: EDUCATION_DROPDOWN,
    },
    { header: 'Alamat', aliases: ['Alamat Lengkap', 'Address'], required: true, width: 220 },
    { header: 'Desa/Kelurahan', aliases: ['Desa', 'Kelurahan', 'Village'], required: true, width: 140 },
    { header: 'Kecamatan', aliases: ['District'], required: true, width: 130 },
    { header: 'Kabupaten/Kota', aliases: ['Kabupaten', 'Kota', 'Kab/Kota', 'Regency'], required: true, width: 160 },
    { header: 'Provinsi', aliases: ['Province'], required: true, width: 150 },
    { header: 'No. HP', aliases: PHONE_ALIASES, required: true, width: 130, format: 'text' },
    { header: 'Email', aliases: ['Surel', 'E-mail', 'Alamat Email'], width: 190 },
    {
      header: 'Tanggal Daftar',
      aliases: ['Timestamp', 'Stempel waktu', 'Cap waktu', 'Tgl Daftar', 'Waktu Daftar'],
      width: 140,
      format: 'datetime',
    },
    { header: 'Keputusan Verifikator', aliases: ['Verifikasi Manual'], width: 110, dropdown: ADMIN_DECISIONS },
    { header: 'Alasan Verifikator', aliases: ['Alasan Verifikasi'], width: 200 },
    {
      header: 'Status Administrasi',
      output: true,
      width: 110,
      help: {
        id: 'Diisi add-on: MS, TMS atau Perlu Cek.',
        en: 'Written by the add-on: MS, TMS or Perlu Cek (needs checking).',
      },
    },
    {
      header: 'Catatan Validasi',
      output: true,
      width: 320,
      help: {
        id: 'Diisi add-on: setiap masalah pada baris ini.',
        en: 'Written by the add-on: every problem found on this row.',
      },
    },
    {
      header: 'Skor Akhir',
      output: true,
      width: 80,
      format: 'decimal',
      help: { id: 'Diisi add-on: skor akhir 0–100.', en: 'Written by the add-on: final score, 0–100.' },
    },
    {
      header: 'Peringkat',
      output: true,
      width: 80,
      help: {
        id: 'Diisi add-on: peringkat dalam unit kuota.',
        en: 'Written by the add-on: rank within the quota unit.',
      },
    },
    {
      header: 'Hasil Seleksi',
      output: true,
      width: 110,
      help: {
        id: 'Diisi add-on: Lulus, Cadangan, Tidak Lulus, Belum Lengkap atau TMS.',
        en: 'Written by the add-on: Lulus (passed), Cadangan (reserve), Tidak Lulus, Belum Lengkap (incomplete) or TMS.',
      },
    },
    {
      header: 'Sumber',
      aliases: ['Source', 'Sumber Data'],
      width: 90,
      dropdown: REGISTRATION_SOURCES,
      help: {
        id: 'Formulir = diimpor dari formulir pendaftaran online; Manual atau kosong = diketik petugas.',
        en: 'Formulir = imported from the online registration form; Manual or blank = typed by staff.',
      },
    },
    {
      header: 'Kunci Formulir',
      aliases: ['Form Key'],
      width: 170,
      format: 'text',
      help: {
        id: 'Diisi add-on saat impor formulir: cap waktu jawaban, agar setiap jawaban diimpor tepat satu kali. Jangan diubah.',
        en: 'Written by the add-on when it imports the form: the response’s timestamp, so each response is imported exactly once. Do not change it.',
      },
    },
    {
      header: 'Kelengkapan Berkas',
      aliases: ['Kelengkapan Dokumen', 'Berkas', 'Documents'],
      width: 260,
      help: {
        id: 'Diisi meja verifikasi: setiap berkas wajib dengan ✓ (ada) atau ✗ (tidak ada), mis. "KTP ✓; SKCK ✗". Berkas bertanda ✗ membuat kandidat TMS.',
        en: 'Written by the verification desk: each required document with ✓ (present) or ✗ (missing), e.g. "KTP ✓; SKCK ✗". A document marked ✗ makes the candidate TMS.',
      },
    },
    {
      header: 'Diverifikasi Oleh',
      aliases: ['Verified By'],
      width: 190,
      help: {
        id: 'Diisi meja verifikasi: siapa yang terakhir memeriksa baris ini.',
        en: 'Written by the verification desk: who last checked this row.',
      },
    },
    {
      header: 'Waktu Verifikasi',
      aliases: ['Verified At'],
      width: 140,
      format: 'datetime',
      help: {
        id: 'Diisi meja verifikasi: kapan baris ini terakhir diperiksa.',
        en: 'Written by the verification desk: when this row was last checked.',
      },
    },
  ],
});

export const VILLAGES_TAB = defineTab({
  name: 'Desa Sasaran',
  kind: 'user',
  columns: [
    { header: 'Provinsi', aliases: ['Province'], required: true, width: 160 },
    { header: 'Kabupaten/Kota', aliases: ['Kabupaten', 'Kota', 'Kab/Kota', 'Regency'], required: true, width: 170 },
    { header: 'Kecamatan', aliases: ['District'], required: true, width: 150 },
    { header: 'Desa/Kelurahan', aliases: ['Desa', 'Kelurahan', 'Village'], required: true, width: 170 },
    { header: 'Kuota', aliases: ['Quota'], width: 70, format: 'number' },
  ],
});

export const RUBRIC_TAB = defineTab({
  name: 'Kriteria',
  kind: 'user',
  columns: [
    { header: 'Kode', aliases: ['Code'], required: true, width: 60 },
    { header: 'Kriteria', aliases: ['Criterion', 'Nama Kriteria'], required: true, width: 260 },
    { header: 'Bobot', aliases: ['Weight'], required: true, width: 70, format: 'decimal' },
    { header: 'Skor Min', aliases: ['Min', 'Nilai Min'], required: true, width: 80, format: 'number' },
    { header: 'Skor Maks', aliases: ['Max', 'Skor Max', 'Nilai Maks'], required: true, width: 80, format: 'number' },
    { header: 'Panduan', aliases: ['Guidance', 'Pedoman'], width: 420 },
    { header: 'Urutan Penentu', aliases: ['Tie-break', 'Urutan Tie-break'], width: 110, format: 'number' },
  ],
});

export const PANEL_TAB = defineTab({
  name: 'Panel',
  kind: 'user',
  columns: [
    { header: 'Email', aliases: ['Surel', 'E-mail', 'Email Penilai'], required: true, width: 230 },
    { header: 'Nama', aliases: ['Nama Penilai', 'Name'], required: true, width: 200 },
    { header: 'Wilayah', aliases: ['Kabupaten/Kota', 'Region'], required: true, width: 180 },
    { header: 'Aktif', aliases: ['Active'], width: 70, dropdown: YES_NO },
  ],
});

/** The scores tab, written only by the scoring form. */
export const SCORES_TAB = 'Penilaian';

/** `Penilaian`'s own columns, by role: the one list of their names (reader, writer, rubric check). */
export const SCORE_HEADERS = {
  time: 'Waktu',
  candidate: 'ID Kandidat',
  email: 'Email Penilai',
  name: 'Nama Penilai',
  total: 'Total',
  recused: 'Konflik Kepentingan',
  note: 'Catatan',
  seal: 'Segel',
  /** How the panelist was identified: by Google ("Google") or by choosing their name ("Dipilih sendiri"). */
  identity: 'Identitas',
} as const;

/** Columns of `Penilaian` before and after the one-per-criterion block (codes come from `Kriteria`). */
export const SCORES_LEADING: ColumnDef[] = [
  { header: SCORE_HEADERS.time, width: 140, format: 'datetime' },
  { header: SCORE_HEADERS.candidate, width: 90, format: 'text' },
  { header: SCORE_HEADERS.email, width: 200 },
  { header: SCORE_HEADERS.name, width: 170 },
];
export const SCORES_TRAILING: ColumnDef[] = [
  { header: SCORE_HEADERS.total, width: 70, format: 'decimal' },
  { header: SCORE_HEADERS.recused, width: 90, dropdown: YES_NO },
  { header: SCORE_HEADERS.note, width: 240 },
  {
    header: SCORE_HEADERS.seal,
    width: 120,
    help: {
      id: 'Segel integritas: nilai yang diubah manual tidak dihitung sampai dikirim ulang dari formulir.',
      en: 'Integrity seal: a row edited by hand is not counted until it is re-submitted from the form.',
    },
  },
  {
    header: SCORE_HEADERS.identity,
    width: 110,
    help: {
      id: 'Google = email dari akun Google; Dipilih sendiri = penilai memilih namanya karena Google tidak memberi email.',
      en: 'Google = email from the Google account; Dipilih sendiri = the panelist chose their name because Google gave no email.',
    },
  },
];

export function scoresTab(criterionCodes: readonly string[]): TabDef {
  const criteria: ColumnDef[] = criterionCodes.map((code) => ({ header: code, width: 50, format: 'number' }));
  return { name: SCORES_TAB, kind: 'written', columns: [...SCORES_LEADING, ...criteria, ...SCORES_TRAILING] };
}

export const SESSIONS_TAB = defineTab({
  name: 'Sesi',
  kind: 'user',
  columns: [
    { header: 'Kode Sesi', aliases: ['Kode', 'Session Code'], required: true, width: 100, format: 'text' },
    { header: 'Nama Kegiatan', aliases: ['Kegiatan', 'Nama Sesi', 'Activity'], required: true, width: 200 },
    { header: 'Tanggal', aliases: ['Date', 'Hari/Tanggal'], required: true, width: 110, format: 'date' },
    { header: 'Jam Mulai', aliases: ['Mulai', 'Waktu Mulai', 'Start'], required: true, width: 80, format: 'text' },
    { header: 'Jam Selesai', aliases: ['Selesai', 'Waktu Selesai', 'End'], width: 80, format: 'text' },
    { header: 'Zona Waktu', aliases: ['Zona', 'Time Zone'], required: true, width: 80, dropdown: TIME_ZONES },
    { header: 'Tempat', aliases: ['Lokasi', 'Venue'], required: true, width: 240 },
    { header: 'Desa/Kelurahan', aliases: ['Desa', 'Kelurahan', 'Village'], width: 150 },
    { header: 'Kecamatan', aliases: ['District'], width: 140 },
    { header: 'Kabupaten/Kota', aliases: ['Kabupaten', 'Kota', 'Kab/Kota', 'Regency'], required: true, width: 160 },
    { header: 'Provinsi', aliases: ['Province'], required: true, width: 150 },
    { header: 'Fasilitator', aliases: ['Facilitator', 'Narasumber'], width: 180 },
    {
      header: 'Kota Penandatanganan',
      aliases: ['Tempat Penandatanganan', 'Kota TTD', 'Tempat TTD', 'Signing City'],
      width: 160,
      help: {
        id: 'Kota pada baris tanggal di atas tanda tangan daftar hadir sesi ini. Kosong = pengaturan Kota penandatanganan.',
        en: 'The city on the date line above the signature of this session’s attendance sheet. Blank = the Signing city setting.',
      },
    },
  ],
});

export const PARTICIPANTS_TAB = defineTab({
  name: 'Peserta',
  kind: 'user',
  columns: [
    { header: 'Kode Sesi', aliases: ['Kode', 'Session Code'], required: true, width: 100, format: 'text' },
    { header: 'Nama', aliases: ['Nama Lengkap', 'Nama Peserta', 'Name'], required: true, width: 200 },
    { header: 'Jenis Kelamin', aliases: ['L/P', 'JK', 'Gender', 'Sex'], width: 70, dropdown: SEX_VALUES },
    { header: 'Unsur', aliases: ['Kelompok', 'Group'], required: true, width: 190, dropdown: UNSUR },
    { header: 'Jabatan', aliases: ['Position'], width: 170 },
    { header: 'Instansi/Asal', aliases: ['Instansi', 'Asal', 'Lembaga', 'Institution'], width: 210 },
    { header: 'No. HP', aliases: PHONE_ALIASES, width: 130, format: 'text' },
    { header: 'ID Kandidat', aliases: ['ID'], width: 90, format: 'text' },
  ],
});

/** The registration form's questions and the `Kandidat` column each fills (written by the connect dialog). */
export const FORM_TAB = defineTab({
  name: 'Formulir',
  kind: 'user',
  columns: [
    { header: 'Pertanyaan', aliases: ['Question'], required: true, width: 320 },
    { header: 'Kolom Kandidat', aliases: ['Kandidat Column', 'Kolom'], width: 200 },
    { header: 'Keterangan', aliases: ['Notes', 'Description'], width: 360 },
  ],
});

/** The coordinator workbook's list of regency workbooks (written by its user; the last four columns by the add-on). */
export const SOURCES_TAB = defineTab({
  name: 'Sumber Rekap',
  kind: 'user',
  columns: [
    { header: 'Provinsi', aliases: ['Province'], width: 160 },
    { header: 'Kabupaten/Kota', aliases: ['Kabupaten', 'Kota', 'Kab/Kota', 'Regency'], width: 180 },
    {
      header: 'URL Workbook',
      aliases: ['URL', 'Workbook', 'Link', 'Tautan'],
      required: true,
      width: 360,
      help: {
        id: 'Alamat workbook kabupaten/kota. Tambahkan dengan menu Pilih workbook kabupaten agar add-on diizinkan membacanya.',
        en: 'The regency workbook’s address. Add it with "Choose regency workbooks" so the add-on is allowed to read it.',
      },
    },
    { header: 'Status', output: true, width: 150 },
    { header: 'Terakhir Dibaca', output: true, width: 140 },
    { header: 'Versi Data', output: true, width: 150, format: 'text' },
    { header: 'Catatan', output: true, width: 360 },
  ],
});

/** Objections (sanggah) to the administrative result: typed by staff, checked by Proses sanggah. */
export const OBJECTIONS_TAB = defineTab({
  name: 'Sanggah',
  kind: 'user',
  columns: [
    { header: 'Tanggal Masuk', aliases: ['Tanggal', 'Date Received'], required: true, width: 110, format: 'date' },
    { header: 'ID Kandidat', aliases: ['ID', 'No. Registrasi'], required: true, width: 100, format: 'text' },
    { header: 'Nama', aliases: ['Nama Lengkap', 'Nama Kandidat', 'Name'], required: true, width: 200 },
    { header: 'Isi Sanggahan', aliases: ['Sanggahan', 'Objection'], required: true, width: 360 },
    { header: 'Keputusan', aliases: ['Decision'], width: 100, dropdown: OBJECTION_DECISIONS },
    { header: 'Alasan Keputusan', aliases: ['Alasan', 'Reason'], width: 300 },
    {
      header: 'Status Sanggah',
      output: true,
      width: 120,
      help: {
        id: 'Diisi add-on: Menunggu, Diterima, Ditolak, Terlambat atau Tidak sah.',
        en: 'Written by the add-on: Menunggu (waiting), Diterima (accepted), Ditolak (rejected), Terlambat (late) or Tidak sah (invalid).',
      },
    },
    {
      header: 'Diputuskan Oleh',
      output: true,
      width: 190,
      help: {
        id: 'Diisi add-on: siapa yang menjalankan Proses sanggah saat status ini pertama kali tercatat atau berubah.',
        en: 'Written by the add-on: who ran Process objections when this status was first recorded or changed.',
      },
    },
    {
      header: 'Waktu Keputusan',
      output: true,
      width: 140,
      format: 'datetime',
      help: {
        id: 'Diisi add-on: kapan status ini pertama kali tercatat atau berubah.',
        en: 'Written by the add-on: when this status was first recorded or changed.',
      },
    },
  ],
});

export const LOG_TAB = defineTab({
  name: 'Log',
  kind: 'generated',
  columns: [
    { header: 'Waktu', width: 150, format: 'datetime' },
    { header: 'Pengguna', width: 210 },
    { header: 'Tindakan', width: 190 },
    { header: 'Rincian', width: 520 },
  ],
});

/** The rubric's default criteria (1–5 scale), as setup writes them into `Kriteria`. */
export const DEFAULT_RUBRIC: ReadonlyArray<{
  code: string;
  name: string;
  weight: number;
  guidance: string;
  tieBreak: number;
}> = [
  {
    code: 'K1',
    name: 'Pemahaman masalah sosial desa',
    weight: 25,
    tieBreak: 1,
    guidance:
      '1 = tidak dapat menyebut masalah sosial desa; 3 = menyebut beberapa masalah dengan contoh; 5 = menguraikan masalah, penyebab dan potensi desa secara runtut.',
  },
  {
    code: 'K2',
    name: 'Kemampuan komunikasi',
    weight: 20,
    tieBreak: 3,
    guidance:
      '1 = sulit menyampaikan gagasan; 3 = jelas tetapi kurang runtut; 5 = jelas, runtut, mendengarkan dan mudah dipahami warga.',
  },
  {
    code: 'K3',
    name: 'Pengalaman kegiatan sosial/kemasyarakatan',
    weight: 20,
    tieBreak: 4,
    guidance:
      '1 = belum pernah; 3 = pernah terlibat sebagai anggota (karang taruna, PKK, posyandu, TKSK); 5 = memimpin atau menggerakkan kegiatan sosial.',
  },
  {
    code: 'K4',
    name: 'Motivasi dan komitmen',
    weight: 20,
    tieBreak: 2,
    guidance:
      '1 = motivasi tidak jelas; 3 = bersedia bertugas tetapi terbatas waktu; 5 = alasan kuat dan bersedia bertugas penuh di desa.',
  },
  {
    code: 'K5',
    name: 'Penerimaan oleh tokoh masyarakat',
    weight: 15,
    tieBreak: 5,
    guidance:
      '1 = tidak dikenal tokoh masyarakat; 3 = dikenal dan diterima sebagian; 5 = didukung aparat desa dan tokoh masyarakat.',
  },
];
export const DEFAULT_SCORE_MIN = 1;
export const DEFAULT_SCORE_MAX = 5;

/** The user tabs in the order setup creates them (Penilaian is built from the rubric). */
export const USER_TABS: readonly TabDef[] = [
  SETTINGS_TAB,
  CANDIDATES_TAB,
  VILLAGES_TAB,
  RUBRIC_TAB,
  PANEL_TAB,
  SESSIONS_TAB,
  PARTICIPANTS_TAB,
  OBJECTIONS_TAB,
];

export type CandidateHeader = HeaderOf<typeof CANDIDATES_TAB>;
export type ParticipantHeader = HeaderOf<typeof PARTICIPANTS_TAB>;
export type SessionHeader = HeaderOf<typeof SESSIONS_TAB>;
export type ObjectionHeader = HeaderOf<typeof OBJECTIONS_TAB>;
