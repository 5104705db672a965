/**
 * Exact outcomes of the administrative validation on a realistic 77-row `Kandidat` tab. The
 * expectations are derived from docs/spec (WORKBOOK.md: the `Kandidat` tab, NIK and phone rules,
 * education levels and the Clarifications), not from the code: status per row, the rule codes per
 * row, the IDs assigned, and the exact `Catatan Validasi` text for a representative subset.
 */
import { parseSettings, type Settings } from '../../src/core/settings';
import type { CellValue, Grid } from '../../src/core/types';
import type { ValidationContext } from '../../src/core/validation/context';
import { RULES, type RuleCode } from '../../src/core/validation/findings';
import {
  countStatuses,
  notesText,
  type RowOutcome,
  SHOWN_COLUMNS,
  validateCandidates,
} from '../../src/core/validation/validate';
import { validationReport } from '../../src/core/validation/report';
import { matchHeaders } from '../../src/core/headers';
import { CANDIDATES_TAB } from '../../src/core/schema';
import { placeNames } from '../../src/core/placeNames';
import { villageIndex } from '../../src/core/validation/villages';
import {
  buildKandidat,
  DESA_SASARAN,
  FIXTURE_ROWS,
  type Header,
  KANDIDAT,
  KANDIDAT_HEADERS,
  rowOf,
  WITA,
} from './fixture';

function referenceSettings(): Settings {
  const parsed = parseSettings(
    [
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Tanggal acuan usia', '25/11/2019', ''],
    ],
    WITA,
  );
  if (!parsed.ok) throw new Error('settings fixture does not parse');
  return parsed.settings;
}

const settings = referenceSettings();
const ctx: ValidationContext = {
  settings,
  offsetMinutes: WITA,
  reference: { year: 2019, month: 11, day: 25 },
  villages: villageIndex(DESA_SASARAN),
};

function run(values: Grid, display: string[][] | undefined, context: ValidationContext = ctx): RowOutcome[] {
  const result = validateCandidates(values, display, context);
  if (!result.ok) throw new Error(`headers not matched: ${result.map.missing.map((m) => m.header).join(', ')}`);
  return result.rows;
}

const rows = run(KANDIDAT.values, KANDIDAT.display);
const byTag = (tag: string): RowOutcome => rows[rowOf(tag) - 2];
const codes = (row: RowOutcome) => row.findings.map((f) => f.rule).sort();

type Status = 'MS' | 'TMS' | 'Perlu Cek' | '';
const R = (n: number): RuleCode[] => Array<RuleCode>(n).fill('required');

/** Every fixture row: [status, sorted rule codes]. */
const EXPECTED: Record<string, [Status, RuleCode[]]> = {
  'ms-basic': ['MS', []],
  'ms-woman-pebruari': ['MS', []],
  'ms-nik-spaces-new-id': ['MS', []],
  'ms-nik-dots-agt': ['MS', []],
  'ms-nik-dashes-iso': ['MS', []],
  'ms-date-dashes': ['MS', []],
  'ms-date-slashes': ['MS', []],
  'ms-agustus': ['MS', []],
  'ms-age-18': ['MS', []],
  'ms-age-55': ['MS', []],
  'ms-sex-laki-laki': ['MS', []],
  'ms-sex-lk': ['MS', []],
  'ms-sex-pria': ['MS', []],
  'blank-empty': ['', []],
  'ms-sex-perempuan': ['MS', []],
  'ms-sex-pr': ['MS', []],
  'ms-sex-wanita': ['MS', []],
  'ms-sex-m': ['MS', []],
  'ms-sex-f': ['MS', []],
  'ms-phone-8': ['MS', []],
  'ms-phone-plus62-new-id': ['MS', []],
  'ms-phone-62': ['MS', []],
  'ms-phone-0062': ['MS', []],
  'ms-phone-number-cell': ['MS', []],
  'ms-kota-banjarbaru-lowercase-id': ['MS', []],
  'ms-uppercase-places': ['MS', []],
  'ms-old-papua': ['MS', ['nik.regency-old-papua']],
  'ms-other-province-other-id': ['MS', []],
  'ms-prefixed-places': ['MS', []],
  'w-nik-number-cell': ['Perlu Cek', ['nik.number-cell']],
  'w-nik-regency': ['Perlu Cek', ['nik.regency']],
  'w-nik-birthdate-mismatch': ['Perlu Cek', ['nik.birthdate-mismatch']],
  'w-nik-sex-mismatch': ['Perlu Cek', ['nik.sex-mismatch']],
  'w-landline': ['Perlu Cek', ['phone.landline']],
  'w-phone-shared-a': ['Perlu Cek', ['phone.shared']],
  'w-phone-shared-b': ['Perlu Cek', ['phone.shared']],
  'w-email': ['Perlu Cek', ['email.format']],
  'e-required-name-new-id': ['TMS', R(1)],
  'e-required-three': ['TMS', R(3)],
  'e-required-phone': ['TMS', R(1)],
  'blank-id-and-outputs': ['', []],
  'e-nik-short': ['TMS', ['nik.format']],
  'e-nik-letter': ['TMS', ['nik.format']],
  'e-nik-number-serial': ['TMS', ['nik.number-cell', 'nik.serial']],
  'e-nik-number-15': ['TMS', ['nik.format', 'nik.number-cell']],
  'e-nik-province': ['TMS', ['nik.province']],
  'e-nik-birthdate': ['TMS', ['nik.birthdate']],
  'e-nik-serial-text': ['TMS', ['nik.serial']],
  'e-nik-duplicate-a': ['TMS', ['nik.duplicate']],
  'e-nik-duplicate-b': ['TMS', ['nik.duplicate']],
  'e-id-duplicate-a': ['TMS', ['id.duplicate']],
  'e-id-duplicate-b': ['TMS', ['id.duplicate']],
  'e-sex-invalid': ['TMS', ['sex.invalid']],
  'e-birthdate-two-digit-year': ['TMS', ['birthdate.format']],
  'e-birthdate-not-real': ['TMS', ['birthdate.format']],
  'e-age-17': ['TMS', ['age.range']],
  'e-age-56': ['TMS', ['age.range']],
  'e-education-smp': ['TMS', ['education.below-minimum']],
  'e-education-sd': ['TMS', ['education.below-minimum']],
  'e-education-unknown-new-id': ['TMS', ['education.unknown']],
  'e-phone-084': ['TMS', ['phone.invalid']],
  'e-phone-short': ['TMS', ['phone.invalid']],
  'e-phone-number-landline': ['TMS', ['phone.invalid']],
  'e-domicile-unknown-village': ['TMS', ['domicile.not-target']],
  'e-domicile-wrong-district': ['TMS', ['domicile.not-target']],
  'e-domicile-wrong-regency': ['TMS', ['domicile.not-target']],
  'e-override-no-reason': ['TMS', ['override.invalid']],
  'e-override-other-value': ['TMS', ['override.invalid']],
  'ov-ms': ['MS', ['education.unknown', 'override.applied']],
  'ov-tms': ['TMS', ['override.applied']],
  'e-century-2019': ['TMS', ['age.range', 'nik.birthdate-mismatch']],
  'e-century-1919': ['TMS', ['age.range']],
  'e-messy-new-id': ['TMS', ['email.format', 'nik.number-cell', 'nik.serial']],
  'blank-whitespace': ['', []],
  'extra-column-only': ['TMS', R(12)],
  'ms-last-new-id': ['MS', []],
  'blank-trailing': ['', []],
};

describe('fixture', () => {
  it('is a realistic tab of at least 60 rows, each with an expectation', () => {
    expect(FIXTURE_ROWS.length).toBeGreaterThanOrEqual(60);
    expect(FIXTURE_ROWS.map((r) => r.tag).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(FIXTURE_ROWS.map((r) => r.tag)).size).toBe(FIXTURE_ROWS.length);
    expect(KANDIDAT.values).toHaveLength(FIXTURE_ROWS.length + 1);
    expect(KANDIDAT.display.every((row) => row.length === KANDIDAT_HEADERS.length)).toBe(true);
  });

  it('covers every rule code that row validation can produce (duplicate.pending is added by the live onEdit check only; row.unchecked only when a rule itself fails; nik.resubmission only on rows from the registration form, see test/core/registration.test.ts; documents.missing only from a filled Kelengkapan Berkas, see test/core/documents.test.ts; objection.accepted only with an objection accepted on Sanggah, see test/core/objections.test.ts)', () => {
    const seen = new Set(Object.values(EXPECTED).flatMap(([, c]) => c));
    const all = Object.keys(RULES) as RuleCode[];
    // documents.missing reads Kelengkapan Berkas, which the fixture leaves blank: see test/core/documents.test.ts.
    expect(all.filter((code) => !seen.has(code))).toEqual([
      'nik.resubmission',
      'documents.missing',
      'objection.accepted',
      'row.unchecked',
      'duplicate.pending',
    ]);
  });

  it('renders typed numbers and date cells the way Sheets shows them', () => {
    const col = (h: Header) => KANDIDAT_HEADERS.indexOf(h);
    expect(KANDIDAT.display[rowOf('w-nik-number-cell') - 1][col('NIK')]).toBe('6.30102E+15');
    expect(KANDIDAT.display[rowOf('e-nik-number-15') - 1][col('NIK')]).toBe('6.30104E+14');
    expect(KANDIDAT.display[rowOf('ms-basic') - 1][col('Tanggal Lahir')]).toBe('17/08/1990');
    expect(KANDIDAT.values[rowOf('ms-basic') - 1][col('Tanggal Lahir')]).toEqual(
      new Date(Date.UTC(1990, 7, 16, 16, 0)),
    );
    expect(KANDIDAT.display[rowOf('ms-phone-number-cell') - 1][col('No. HP')]).toBe('85249901234');
  });
});

describe('validateCandidates on the fixture (spec oracle)', () => {
  it.each(FIXTURE_ROWS.map((r, i) => [i + 2, r.tag] as const))(
    'row %i (%s): status and rule codes',
    (sheetRow, tag) => {
      const row = byTag(tag);
      const [status, expectedCodes] = EXPECTED[tag];
      expect(row.sheetRow).toBe(sheetRow);
      expect(row.status).toBe(status);
      expect(row.blank).toBe(status === '');
      expect(codes(row)).toEqual([...expectedCodes].sort());
    },
  );

  it('severity decides the status: any error → TMS, else any warning → Perlu Cek, else MS (overrides aside)', () => {
    for (const row of rows) {
      if (row.blank) continue;
      if (row.findings.some((f) => f.rule === 'override.applied')) continue;
      const sev = new Set(row.findings.map((f) => RULES[f.rule].severity));
      expect(row.status).toBe(sev.has('error') ? 'TMS' : sev.has('warning') ? 'Perlu Cek' : 'MS');
    }
  });

  it('counts statuses over the non-blank rows', () => {
    const statuses = Object.values(EXPECTED).map(([s]) => s);
    const expected = { rows: 73, MS: 30, TMS: 35, 'Perlu Cek': 8 };
    expect(statuses.filter((s) => s !== '')).toHaveLength(expected.rows);
    expect(statuses.filter((s) => s === 'MS')).toHaveLength(expected.MS);
    expect(statuses.filter((s) => s === 'TMS')).toHaveLength(expected.TMS);
    expect(statuses.filter((s) => s === 'Perlu Cek')).toHaveLength(expected['Perlu Cek']);
    expect(countStatuses(rows)).toEqual(expected);
  });
});

describe('IDs', () => {
  it('keeps every existing ID and gives new ones after the highest K- number, compared case-insensitively', () => {
    // Highest existing: "k-0090" (lower case, row 26); "K-0085" sits on a blank row. 7 rows need an ID.
    const assigned = rows.filter((r) => r.assignedId).map((r) => [r.sheetRow, r.id]);
    expect(assigned).toEqual([
      [rowOf('ms-nik-spaces-new-id'), 'K-0091'],
      [rowOf('ms-phone-plus62-new-id'), 'K-0092'],
      [rowOf('e-required-name-new-id'), 'K-0093'],
      [rowOf('e-education-unknown-new-id'), 'K-0094'],
      [rowOf('e-messy-new-id'), 'K-0095'],
      [rowOf('extra-column-only'), 'K-0096'],
      [rowOf('ms-last-new-id'), 'K-0097'],
    ]);
    expect(byTag('ms-kota-banjarbaru-lowercase-id').id).toBe('k-0090');
    expect(byTag('ms-other-province-other-id').id).toBe('REG-2019-027');
    expect(byTag('ms-basic').id).toBe('K-0001');
    for (const tag of ['blank-empty', 'blank-whitespace', 'blank-trailing'])
      expect(byTag(tag)).toMatchObject({ id: '', assignedId: false, status: '' });
    expect(byTag('blank-id-and-outputs')).toMatchObject({ id: 'K-0085', assignedId: false, status: '' });
  });

  it('never reuses an ID that sits on a blank row, even when it is the highest', () => {
    const { values } = buildKandidat([
      { tag: 'a', cells: { ...FIXTURE_ROWS[0].cells, ID: 'K-0003' } },
      { tag: 'old', cells: { ID: 'K-0012', 'Status Administrasi': 'TMS' } },
      { tag: 'new', cells: { ...FIXTURE_ROWS[1].cells, ID: '' } },
    ]);
    expect(run(values, undefined).map((r) => r.id)).toEqual(['K-0003', 'K-0012', 'K-0013']);
  });

  // Regression (found by these tests, fixed): "New IDs continue after the highest existing K- number and never reuse an existing ID". The highest
  // number is read as a JS number, so past 2^53 it loses precision: after "K-9007199254740993" both new rows get
  // "K-9007199254740992" (below the highest, and the same ID twice, which then reports id.duplicate on both).
  it('gives distinct new IDs above the highest even when the highest K- number is huge', () => {
    const { values } = buildKandidat([
      { tag: 'a', cells: { ...FIXTURE_ROWS[0].cells, ID: 'K-9007199254740993' } },
      { tag: 'b', cells: { ...FIXTURE_ROWS[1].cells, ID: '' } },
      { tag: 'c', cells: { ...FIXTURE_ROWS[3].cells, ID: '' } },
    ]);
    const out = run(values, undefined);
    expect(out.map((r) => r.id)).toEqual(['K-9007199254740993', 'K-9007199254740994', 'K-9007199254740995']);
    expect(out.flatMap((r) => r.findings).filter((f) => f.rule === 'id.duplicate')).toEqual([]);
  });

  it('continues after K-0007 with K-0008', () => {
    const { values } = buildKandidat([
      { tag: 'a', cells: { ...FIXTURE_ROWS[0].cells, ID: 'K-0007' } },
      { tag: 'b', cells: { ...FIXTURE_ROWS[1].cells, ID: '' } },
      { tag: 'c', cells: { ...FIXTURE_ROWS[3].cells, ID: 'K-0002' } },
      { tag: 'd', cells: { ...FIXTURE_ROWS[4].cells, ID: '' } },
    ]);
    expect(run(values, undefined).map((r) => r.id)).toEqual(['K-0007', 'K-0008', 'K-0002', 'K-0009']);
  });
});

const AGE_ID = (age: number) =>
  `✖ Usia ${age} tahun pada 25 November 2019, di luar batas 18–55 tahun. Kandidat tidak memenuhi syarat usia; periksa tanggal lahir bila keliru ketik.`;
const NUMBER_CELL_ID =
  '⚠ NIK tersimpan sebagai angka, sehingga digit terakhir bisa berubah. Format kolom NIK sebagai teks (Format › Angka › Teks biasa) lalu ketik ulang NIK dari KTP.';
const SERIAL_ID =
  '✖ Empat digit terakhir NIK adalah 0000 — biasanya tanda NIK terpotong karena diketik sebagai angka. Ketik ulang NIK dari KTP sebagai teks.';
const PESANTREN_ID =
  '✖ Pendidikan "Pesantren" tidak dikenali. Tulis salah satu: Tidak/Belum Sekolah, SD, SLTP, SLTA, D1/D2, D3, D4/S1, S2, S3 (atau SMA, SMK, MA, Paket C, S1, …).';

/** `Catatan Validasi` in Indonesian: one line per finding, errors first, then warnings, then info. */
const NOTES_ID: Record<string, string> = {
  'ms-basic': '',
  'ms-old-papua':
    'ℹ Kode wilayah NIK 9101 adalah kode lama Papua (sebelum pemekaran 2022), kini 9301 Kabupaten Merauke. NIK tetap sah.',
  'w-nik-number-cell': NUMBER_CELL_ID,
  'w-nik-regency':
    '⚠ Kode kabupaten/kota NIK (6312) tidak ada di daftar Kemendagri terkini. Cocokkan NIK dengan KTP; kode lama dari daerah yang dimekarkan bisa saja sah.',
  'w-nik-birthdate-mismatch':
    '⚠ Tanggal lahir dalam NIK (7 Januari 1991) berbeda dengan kolom Tanggal Lahir (1 Juli 1991). Cocokkan keduanya dengan KTP.',
  'w-nik-sex-mismatch':
    '⚠ NIK menunjukkan jenis kelamin L (tanggal lahir tanpa tambahan 40), tetapi kolom Jenis Kelamin berisi P. Periksa keduanya.',
  'w-landline':
    '⚠ "0512-21234" tampak seperti nomor telepon rumah/kantor, bukan HP. Minta nomor HP/WhatsApp yang aktif bila ada.',
  'w-phone-shared-a':
    '⚠ No. HP yang sama juga dipakai kandidat di baris 37. Pastikan setiap kandidat dapat dihubungi langsung.',
  'w-phone-shared-b':
    '⚠ No. HP yang sama juga dipakai kandidat di baris 36. Pastikan setiap kandidat dapat dihubungi langsung.',
  'w-email': '⚠ Email "rinawati@gmail" tidak berformat nama@domain.xx. Perbaiki atau kosongkan.',
  'e-required-name-new-id': '✖ Kolom Nama Lengkap kosong. Isi kolom ini.',
  'e-required-three':
    '✖ Kolom Tempat Lahir kosong. Isi kolom ini.\n✖ Kolom Alamat kosong. Isi kolom ini.\n✖ Kolom Kecamatan kosong. Isi kolom ini.',
  'e-nik-short': '✖ NIK "630103170890040" berisi 15 karakter; NIK harus 16 digit angka. Salin ulang dari KTP/KK.',
  'e-nik-letter':
    '✖ NIK "63O1012010880041" berisi 16 karakter dan bukan hanya angka; NIK harus 16 digit angka. Salin ulang dari KTP/KK.',
  'e-nik-number-serial': `${SERIAL_ID}\n${NUMBER_CELL_ID}`,
  'e-nik-number-15': `✖ NIK "6.30104E+14" berisi 15 karakter; NIK harus 16 digit angka. Salin ulang dari KTP/KK.\n${NUMBER_CELL_ID}`,
  'e-nik-province': '✖ Dua digit pertama NIK (69) bukan kode provinsi. Periksa NIK pada KTP.',
  'e-nik-birthdate':
    '✖ Digit 7–12 NIK (320890) bukan tanggal lahir yang sah (format TTBBTT, tanggal +40 untuk perempuan). Periksa NIK pada KTP.',
  'e-nik-serial-text': SERIAL_ID,
  'e-nik-duplicate-a':
    '✖ NIK yang sama juga ada di baris 51. Satu orang hanya boleh terdaftar sekali: hapus baris ganda atau perbaiki NIK yang salah.',
  'e-nik-duplicate-b':
    '✖ NIK yang sama juga ada di baris 50. Satu orang hanya boleh terdaftar sekali: hapus baris ganda atau perbaiki NIK yang salah.',
  'e-id-duplicate-a':
    '✖ ID yang sama juga dipakai di baris 53. Kosongkan ID pada baris yang baru agar add-on memberi ID baru.',
  'e-id-duplicate-b':
    '✖ ID yang sama juga dipakai di baris 52. Kosongkan ID pada baris yang baru agar add-on memberi ID baru.',
  'e-sex-invalid': '✖ Jenis kelamin "1" tidak dikenali. Tulis L atau P.',
  'e-birthdate-two-digit-year':
    '✖ Tanggal lahir "17/08/90" tidak terbaca. Tulis seperti 17/08/1990, 1990-08-17 atau 17 Agustus 1990.',
  'e-birthdate-not-real': '✖ Tanggal lahir "31/02/1990" bukan tanggal yang ada. Periksa hari dan bulannya.',
  'e-age-17': AGE_ID(17),
  'e-age-56': AGE_ID(56),
  'e-education-smp': '✖ Pendidikan SMP (SLTP) di bawah syarat minimum SLTA.',
  'e-education-sd': '✖ Pendidikan SD (SD) di bawah syarat minimum SLTA.',
  'e-education-unknown-new-id': PESANTREN_ID,
  'e-phone-084': '✖ "0841-2345-6789" bukan nomor HP Indonesia. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.',
  'e-phone-number-landline':
    '✖ "51221235" bukan nomor HP Indonesia. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.',
  'e-domicile-unknown-village':
    '✖ Desa Tambang Ulang (Kec. Tambang Ulang, Tanah Laut) tidak ada di tab Desa Sasaran. Periksa ejaan desa, kecamatan dan kabupaten; bila desa memang sasaran, tambahkan ke Desa Sasaran.',
  'e-domicile-wrong-district':
    '✖ Desa Kurau (Kec. Pelaihari, Tanah Laut) tidak ada di tab Desa Sasaran. Periksa ejaan desa, kecamatan dan kabupaten; bila desa memang sasaran, tambahkan ke Desa Sasaran.',
  'e-override-no-reason': '✖ Keputusan verifikator MS tanpa alasan diabaikan. Isi kolom Alasan Verifikator.',
  'e-override-other-value': '✖ Keputusan verifikator "Lulus" diabaikan: isi MS atau TMS, beserta alasannya.',
  'ov-ms': `${PESANTREN_ID}\nℹ Status ditetapkan verifikator: MS — Ijazah pesantren muadalah setara SLTA`,
  'ov-tms': 'ℹ Status ditetapkan verifikator: TMS — Pendamping PKH aktif',
  'e-century-2019': `${AGE_ID(100)}\n⚠ Tanggal lahir dalam NIK (25 November 2019) berbeda dengan kolom Tanggal Lahir (25 November 1919). Cocokkan keduanya dengan KTP.`,
  'e-century-1919': AGE_ID(99),
  'e-messy-new-id': `${SERIAL_ID}\n${NUMBER_CELL_ID}\n⚠ Email "iskandar@yahoo" tidak berformat nama@domain.xx. Perbaiki atau kosongkan.`,
};

const NOTES_EN: Record<string, string> = {
  'ms-old-papua':
    'ℹ NIK region code 9101 is an old Papua code (before the 2022 split), now 9301 Kabupaten Merauke. The NIK is still valid.',
  'w-phone-shared-b':
    '⚠ The same phone number is also used by the candidate on row 36. Make sure each candidate can be reached directly.',
  'e-nik-number-serial':
    '✖ The last four digits of the NIK are 0000 — usually a sign that the NIK was cut short by being typed as a number. Retype it from the ID card as text.\n' +
    '⚠ The NIK is stored as a number, so its last digit may have changed. Format the NIK column as plain text (Format › Number › Plain text) and retype the NIK from the ID card.',
  'e-age-56':
    '✖ Age 56 on 25 November 2019, outside the 18–55 limit. The candidate does not meet the age requirement; check the birth date in case of a typo.',
  'e-override-other-value': '✖ Verifier decision "Lulus" is ignored: write MS or TMS, with a reason.',
  'ov-tms': 'ℹ Status set by the verifier: TMS — Pendamping PKH aktif',
  'e-domicile-wrong-regency':
    '✖ Village Guntung Payung (district Landasan Ulin, Tanah Laut) is not on the Desa Sasaran tab. Check the spelling of village, district and regency; if it is a target village, add it to Desa Sasaran.',
};

describe('Catatan Validasi', () => {
  it('the subset spans every rule family', () => {
    const covered = new Set(Object.keys(NOTES_ID).flatMap((tag) => EXPECTED[tag][1]));
    const families = new Set([...covered].map((c) => c.split('.')[0]));
    expect([...families].sort()).toEqual([
      'age',
      'birthdate',
      'domicile',
      'education',
      'email',
      'id',
      'nik',
      'override',
      'phone',
      'required',
      'sex',
    ]);
    expect(Object.keys(NOTES_ID).length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(NOTES_ID))('%s (Indonesian)', (tag, text) => {
    expect(notesText(byTag(tag).findings, 'id')).toBe(text);
  });

  it.each(Object.entries(NOTES_EN))('%s (English)', (tag, text) => {
    expect(notesText(byTag(tag).findings, 'en')).toBe(text);
  });

  it('every finding names the contract column it is about (row-level findings aside)', () => {
    const byRule: Partial<Record<RuleCode, string>> = {
      'nik.format': 'NIK',
      'nik.serial': 'NIK',
      'nik.duplicate': 'NIK',
      'id.duplicate': 'ID',
      'phone.shared': 'No. HP',
      'phone.invalid': 'No. HP',
      'age.range': 'Tanggal Lahir',
      'birthdate.format': 'Tanggal Lahir',
      'domicile.not-target': 'Desa/Kelurahan',
      'education.unknown': 'Pendidikan Terakhir',
      'sex.invalid': 'Jenis Kelamin',
      'email.format': 'Email',
      'override.invalid': 'Keputusan Verifikator',
    };
    for (const row of rows)
      for (const f of row.findings) if (byRule[f.rule]) expect([f.rule, f.column]).toEqual([f.rule, byRule[f.rule]]);
    expect(byTag('e-required-three').findings.map((f) => f.column)).toEqual(['Tempat Lahir', 'Alamat', 'Kecamatan']);
  });
});

describe('context and headers', () => {
  it('skips the domicile rule when Desa Sasaran is empty; nothing else changes', () => {
    expect(villageIndex([['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan']])).toBeUndefined();
    const without = run(KANDIDAT.values, KANDIDAT.display, { ...ctx, villages: undefined });
    const domicile = ['e-domicile-unknown-village', 'e-domicile-wrong-district', 'e-domicile-wrong-regency'].map(rowOf);
    without.forEach((row) => {
      const tag = FIXTURE_ROWS[row.sheetRow - 2].tag;
      if (domicile.includes(row.sheetRow)) expect([tag, row.status, codes(row)]).toEqual([tag, 'MS', []]);
      else expect([tag, row.status, codes(row)]).toEqual([tag, EXPECTED[tag][0], [...EXPECTED[tag][1]].sort()]);
    });
    expect(countStatuses(without)).toEqual({ rows: 73, MS: 33, TMS: 32, 'Perlu Cek': 8 });
  });

  it('skips the domicile rule when the setting says it is not required', () => {
    const relaxed = parseSettings(
      [
        ['Pengaturan', 'Nilai'],
        ['Tanggal acuan usia', '25/11/2019'],
        ['Wajib domisili desa sasaran', 'Tidak'],
      ],
      WITA,
    );
    if (!relaxed.ok) throw new Error('settings');
    const out = run(KANDIDAT.values, KANDIDAT.display, { ...ctx, settings: relaxed.settings });
    expect(out.flatMap((r) => r.findings).filter((f) => f.rule === 'domicile.not-target')).toEqual([]);
  });

  it('decides every status and finding without the cells as shown, which only word the messages', () => {
    // The announcement validates without them (shell/validate.ts validateWholeTab, statusesOnly).
    const decided = (out: RowOutcome[]) => out.map((r) => [r.status, codes(r), r.id]);
    const without = run(KANDIDAT.values, undefined);
    expect(decided(without)).toEqual(decided(rows));
    // The fixture has rows whose shown text differs from the value's (NIKs stored as numbers, dates).
    const differs = KANDIDAT.values
      .slice(1)
      .some((row, i) => row.some((v, c) => KANDIDAT.display[i + 1][c] !== String(v)));
    expect(differs).toBe(true);
  });

  it('words every finding and the report alike from the cells shown in SHOWN_COLUMNS only', () => {
    // What the validation job and the menu read as shown (shell/validate.ts readShown).
    const { index } = matchHeaders(CANDIDATES_TAB, KANDIDAT.values[0]);
    const kept = new Set(SHOWN_COLUMNS.map((h) => index.get(h)));
    const partial = KANDIDAT.display.map((row) => {
      const out: string[] = [];
      row.forEach((text, c) => {
        if (kept.has(c)) out[c] = text;
      });
      return out;
    });
    const fewer = run(KANDIDAT.values, partial);
    for (const lang of ['id', 'en'] as const)
      expect(fewer.map((r) => notesText(r.findings, lang))).toEqual(rows.map((r) => notesText(r.findings, lang)));
    const report = (out: RowOutcome[], mask: boolean) =>
      validationReport({
        rows: out,
        lang: 'id',
        mask,
        places: placeNames(ctx.villages),
        offsetMinutes: WITA,
        stamp: 'stamp',
        notices: [],
      }).values;
    for (const mask of [true, false]) expect(report(fewer, mask)).toEqual(report(rows, mask));
    // The fixture has left-out cells that show other than their value (a date in Tanggal Daftar).
    const shownElsewhere = KANDIDAT.values.some((row, r) =>
      row.some((v, c) => r > 0 && !kept.has(c) && typeof v !== 'string' && KANDIDAT.display[r][c] !== String(v)),
    );
    expect(shownElsewhere).toBe(true);
  });

  it('reports missing NIK and No. HP columns by name, with aliases and the closest header', () => {
    const headers = KANDIDAT_HEADERS.map((h) => (h === 'NIK' ? 'Nomor NIK' : h === 'No. HP' ? 'No. Handphone' : h));
    const result = validateCandidates([headers, ...KANDIDAT.values.slice(1)], undefined, ctx);
    expect(result.ok).toBe(false);
    expect(result.map.missing.map((m) => ({ header: m.header, closest: m.closest }))).toEqual([
      { header: 'NIK', closest: 'Nomor NIK' },
      { header: 'No. HP', closest: 'No. Handphone' },
    ]);
    expect(result.map.missing[0].aliases).toEqual(expect.arrayContaining(['No. KTP', 'Nomor Induk Kependudukan']));
    expect(result.map.missing[1].aliases).toEqual(
      expect.arrayContaining(['No HP', 'Nomor HP', 'HP', 'Telepon', 'No Telp', 'WhatsApp']),
    );
  });

  it('reports missing columns even without a close header', () => {
    const headers = KANDIDAT_HEADERS.filter((h) => h !== 'NIK' && h !== 'No. HP');
    const result = validateCandidates([headers], undefined, ctx);
    expect(result.ok).toBe(false);
    expect(result.map.missing.map((m) => m.header)).toEqual(['NIK', 'No. HP']);
  });

  it('gives identical results with aliased headers in another order', () => {
    const ALIAS: Partial<Record<Header, string>> = {
      'No. HP': 'No HP',
      'Nama Lengkap': 'Nama',
      'Jenis Kelamin': 'L/P',
      'Tanggal Lahir': 'Tgl Lahir',
      'Desa/Kelurahan': 'Kelurahan',
      'Kabupaten/Kota': 'Kota',
      ID: 'ID Kandidat',
      'Pendidikan Terakhir': 'Pendidikan',
      Email: 'Surel',
      'Tanggal Daftar': 'Stempel waktu',
      NIK: 'No. KTP',
    };
    const order = [...KANDIDAT_HEADERS.keys()].reverse();
    order.splice(3, 0, ...order.splice(10, 4)); // not merely reversed
    const shuffle = <T>(row: readonly T[]) => order.map((i) => row[i]);
    const values: Grid = [
      shuffle(KANDIDAT_HEADERS.map((h) => ALIAS[h] ?? h)),
      ...KANDIDAT.values.slice(1).map((r) => shuffle(r as CellValue[])),
    ];
    const display = [
      shuffle(KANDIDAT_HEADERS.map((h) => ALIAS[h] ?? h)),
      ...KANDIDAT.display.slice(1).map((r) => shuffle(r)),
    ];
    const out = run(values, display);
    const summary = (list: RowOutcome[]) =>
      list.map((r) => ({
        row: r.sheetRow,
        id: r.id,
        status: r.status,
        assigned: r.assignedId,
        notes: notesText(r.findings, 'id'),
        en: notesText(r.findings, 'en'),
      }));
    expect(summary(out)).toEqual(summary(rows));
  });
});
