/**
 * The per-row rules of the administrative selection. Each is one small function from a row to
 * its findings; each message says what is wrong and what to do. Rules skip blank cells that the
 * `required` rule already reports, so a problem is never reported twice.
 */
import { type CalendarDate, ageOn, compareDates, formatLongDate, parseDateCell } from '../dates';
import { educationChoices, educationLevel } from '../education';
import { isNikShape, nikBirth, nikSerial, nikText, provinceName, regencyStatus } from '../nik';
import { parsePhone } from '../phone';
import { CANDIDATES_TAB, type CandidateHeader } from '../schema';
import { matchKey } from '../text';
import type { CellValue } from '../types';
import { EDUCATION_LEVELS } from '../vocab';
import type { ValidationContext } from './context';
import { type Finding, finding } from './findings';
import type { RowRecord } from '../headers';
import { findTargetVillage } from './villages';
import { missingDocuments } from '../documents';
import { requiredDocuments } from '../settings';
import { objectionKey } from '../objections';

export type RowRule = (row: RowRecord<CandidateHeader>, ctx: ValidationContext) => Finding[];

const REQUIRED = CANDIDATES_TAB.columns.filter((c) => c.required).map((c) => c.header);

export const requiredFields: RowRule = (row) =>
  REQUIRED.filter((header) => row.text(header) === '').map((header) =>
    finding('required', header, {
      id: `Kolom ${header} kosong. Isi kolom ini.`,
      en: `${header} is empty. Fill it in.`,
    }),
  );

const SEX_WORDS: Record<string, 'L' | 'P'> = {
  l: 'L',
  lk: 'L',
  laki: 'L',
  lakilaki: 'L',
  pria: 'L',
  m: 'L',
  male: 'L',
  man: 'L',
  p: 'P',
  pr: 'P',
  perempuan: 'P',
  wanita: 'P',
  f: 'P',
  female: 'P',
  woman: 'P',
  w: 'P',
};

/** L or P from what staff type ("Laki-laki", "PR", "Wanita", "M", "F"). */
export function parseSex(value: CellValue): 'L' | 'P' | undefined {
  return SEX_WORDS[matchKey(String(value ?? ''))];
}

export const sexRule: RowRule = (row) => {
  const text = row.text('Jenis Kelamin');
  if (text === '' || parseSex(text)) return [];
  return [
    finding('sex.invalid', 'Jenis Kelamin', {
      id: `Jenis kelamin "${text}" tidak dikenali. Tulis L atau P.`,
      en: `Sex "${text}" is not recognised. Write L or P.`,
    }),
  ];
};

/** The birth date column, when it reads as a date. */
export function birthDateOf(row: RowRecord<CandidateHeader>, ctx: ValidationContext): CalendarDate | undefined {
  const parsed = parseDateCell(row.value('Tanggal Lahir'), ctx.offsetMinutes);
  return parsed.ok ? parsed.date : undefined;
}

export const birthDateRule: RowRule = (row, ctx) => {
  const value = row.value('Tanggal Lahir');
  const parsed = parseDateCell(value, ctx.offsetMinutes);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return [];
    const shown = row.shown('Tanggal Lahir');
    return [
      finding('birthdate.format', 'Tanggal Lahir', {
        id:
          parsed.reason === 'invalid'
            ? `Tanggal lahir "${shown}" bukan tanggal yang ada. Periksa hari dan bulannya.`
            : `Tanggal lahir "${shown}" tidak terbaca. Tulis seperti 17/08/1990, 1990-08-17 atau 17 Agustus 1990.`,
        en:
          parsed.reason === 'invalid'
            ? `Birth date "${shown}" is not a real date. Check the day and month.`
            : `Birth date "${shown}" cannot be read. Write it like 17/08/1990, 1990-08-17 or 17 Agustus 1990.`,
      }),
    ];
  }
  const { minAge, maxAge } = ctx.settings;
  const age = ageOn(parsed.date, ctx.reference);
  if (age >= minAge && age <= maxAge) return [];
  const on = formatLongDate(ctx.reference, 'id');
  const onEn = formatLongDate(ctx.reference, 'en');
  return [
    finding('age.range', 'Tanggal Lahir', {
      id: `Usia ${age} tahun pada ${on}, di luar batas ${minAge}–${maxAge} tahun. Kandidat tidak memenuhi syarat usia; periksa tanggal lahir bila keliru ketik.`,
      en: `Age ${age} on ${onEn}, outside the ${minAge}–${maxAge} limit. The candidate does not meet the age requirement; check the birth date in case of a typo.`,
    }),
  ];
};

export const educationRule: RowRule = (row, ctx) => {
  const text = row.text('Pendidikan Terakhir');
  if (text === '') return [];
  const level = educationLevel(text);
  if (!level) {
    return [
      finding('education.unknown', 'Pendidikan Terakhir', {
        id: `Pendidikan "${text}" tidak dikenali. Tulis salah satu: ${educationChoices()} (atau SMA, SMK, MA, Paket C, S1, …).`,
        en: `Education "${text}" is not recognised. Write one of: ${educationChoices()} (or SMA, SMK, MA, Paket C, S1, …).`,
      }),
    ];
  }
  const minimum = EDUCATION_LEVELS.findIndex((l) => l.code === ctx.settings.minEducation);
  if (level.rank >= minimum) return [];
  return [
    finding('education.below-minimum', 'Pendidikan Terakhir', {
      id: `Pendidikan ${text} (${level.code}) di bawah syarat minimum ${ctx.settings.minEducation}.`,
      en: `Education ${text} (${level.code}) is below the required minimum ${ctx.settings.minEducation}.`,
    }),
  ];
};

export const nikRule: RowRule = (row, ctx) => {
  const value = row.value('NIK');
  if (row.text('NIK') === '') return [];
  const { cleaned, fromNumber } = nikText(value);
  const out: Finding[] = [];
  if (fromNumber) {
    out.push(
      finding('nik.number-cell', 'NIK', {
        id: 'NIK tersimpan sebagai angka, sehingga digit terakhir bisa berubah. Format kolom NIK sebagai teks (Format › Angka › Teks biasa) lalu ketik ulang NIK dari KTP.',
        en: 'The NIK is stored as a number, so its last digit may have changed. Format the NIK column as plain text (Format › Number › Plain text) and retype the NIK from the ID card.',
      }),
    );
  }
  if (!isNikShape(cleaned)) {
    out.push(
      finding('nik.format', 'NIK', {
        id: `NIK "${row.shown('NIK')}" berisi ${cleaned.length} karakter${/\D/.test(cleaned) ? ' dan bukan hanya angka' : ''}; NIK harus 16 digit angka. Salin ulang dari KTP/KK.`,
        en: `NIK "${row.shown('NIK')}" has ${cleaned.length} characters${/\D/.test(cleaned) ? ' and not only digits' : ''}; a NIK is 16 digits. Copy it again from the ID card or family card.`,
      }),
    );
    return out;
  }
  out.push(...nikRegionFindings(cleaned));
  out.push(...nikBirthFindings(cleaned, row, ctx));
  if (nikSerial(cleaned) === '0000') {
    out.push(
      finding('nik.serial', 'NIK', {
        id: 'Empat digit terakhir NIK adalah 0000 — biasanya tanda NIK terpotong karena diketik sebagai angka. Ketik ulang NIK dari KTP sebagai teks.',
        en: 'The last four digits of the NIK are 0000 — usually a sign that the NIK was cut short by being typed as a number. Retype it from the ID card as text.',
      }),
    );
  }
  return out;
};

function nikRegionFindings(nik: string): Finding[] {
  if (!provinceName(nik)) {
    return [
      finding('nik.province', 'NIK', {
        id: `Dua digit pertama NIK (${nik.slice(0, 2)}) bukan kode provinsi. Periksa NIK pada KTP.`,
        en: `The first two digits of the NIK (${nik.slice(0, 2)}) are not a province code. Check the NIK on the ID card.`,
      }),
    ];
  }
  const regency = regencyStatus(nik);
  if (regency.kind === 'old-papua') {
    return [
      finding('nik.regency-old-papua', 'NIK', {
        id: `Kode wilayah NIK ${nik.slice(0, 4)} adalah kode lama Papua (sebelum pemekaran 2022), kini ${regency.now} ${regency.name}. NIK tetap sah.`,
        en: `NIK region code ${nik.slice(0, 4)} is an old Papua code (before the 2022 split), now ${regency.now} ${regency.name}. The NIK is still valid.`,
      }),
    ];
  }
  if (regency.kind === 'unknown') {
    return [
      finding('nik.regency', 'NIK', {
        id: `Kode kabupaten/kota NIK (${nik.slice(0, 4)}) tidak ada di daftar Kemendagri terkini. Cocokkan NIK dengan KTP; kode lama dari daerah yang dimekarkan bisa saja sah.`,
        en: `The NIK regency code (${nik.slice(0, 4)}) is not in the current Home Affairs list. Compare the NIK with the ID card; an old code from a since-split region can still be genuine.`,
      }),
    ];
  }
  return [];
}

function nikBirthFindings(nik: string, row: RowRecord<CandidateHeader>, ctx: ValidationContext): Finding[] {
  const encoded = nikBirth(nik, ctx.reference);
  if (!encoded) {
    return [
      finding('nik.birthdate', 'NIK', {
        id: `Digit 7–12 NIK (${nik.slice(6, 12)}) bukan tanggal lahir yang sah (format TTBBTT, tanggal +40 untuk perempuan). Periksa NIK pada KTP.`,
        en: `Digits 7–12 of the NIK (${nik.slice(6, 12)}) are not a valid birth date (DDMMYY, day + 40 for women). Check the NIK on the ID card.`,
      }),
    ];
  }
  const out: Finding[] = [];
  const birth = birthDateOf(row, ctx);
  if (birth && compareDates(birth, encoded.date) !== 0) {
    out.push(
      finding('nik.birthdate-mismatch', 'NIK', {
        id: `Tanggal lahir dalam NIK (${formatLongDate(encoded.date, 'id')}) berbeda dengan kolom Tanggal Lahir (${formatLongDate(birth, 'id')}). Cocokkan keduanya dengan KTP.`,
        en: `The birth date in the NIK (${formatLongDate(encoded.date, 'en')}) differs from Tanggal Lahir (${formatLongDate(birth, 'en')}). Check both against the ID card.`,
      }),
    );
  }
  const sex = parseSex(row.value('Jenis Kelamin'));
  if (sex && sex !== encoded.sex) {
    out.push(
      finding('nik.sex-mismatch', 'NIK', {
        id: `NIK menunjukkan jenis kelamin ${encoded.sex} (tanggal lahir ${encoded.sex === 'P' ? 'ditambah 40' : 'tanpa tambahan 40'}), tetapi kolom Jenis Kelamin berisi ${sex}. Periksa keduanya.`,
        en: `The NIK encodes sex ${encoded.sex} (birth day ${encoded.sex === 'P' ? 'plus 40' : 'without the +40'}), but Jenis Kelamin says ${sex}. Check both.`,
      }),
    );
  }
  return out;
}

export const phoneRule: RowRule = (row) => {
  const value = row.value('No. HP');
  const phone = parsePhone(value);
  const shown = row.shown('No. HP');
  if (phone.kind === 'empty' || phone.kind === 'mobile') return [];
  if (phone.kind === 'landline') {
    return [
      finding('phone.landline', 'No. HP', {
        id: `"${shown}" tampak seperti nomor telepon rumah/kantor, bukan HP. Minta nomor HP/WhatsApp yang aktif bila ada.`,
        en: `"${shown}" looks like a landline, not a mobile. Ask for an active mobile/WhatsApp number if there is one.`,
      }),
    ];
  }
  return [
    finding('phone.invalid', 'No. HP', {
      id: `"${shown}" bukan nomor HP Indonesia. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.`,
      en: `"${shown}" is not an Indonesian phone number. Write it like 0812-3456-7890 or +62 812 3456 7890.`,
    }),
  ];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export const emailRule: RowRule = (row) => {
  const text = row.text('Email');
  if (text === '' || EMAIL.test(text)) return [];
  return [
    finding('email.format', 'Email', {
      id: `Email "${text}" tidak berformat nama@domain.xx. Perbaiki atau kosongkan.`,
      en: `Email "${text}" is not of the form name@domain.xx. Fix it or leave it blank.`,
    }),
  ];
};

/** A required document marked missing (✗) in `Kelengkapan Berkas` (written by the desk or by hand). */
export const documentsRule: RowRule = (row, ctx) => {
  const missing = missingDocuments(requiredDocuments(ctx.settings), row.text('Kelengkapan Berkas'));
  if (missing.length === 0) return [];
  return [
    finding('documents.missing', 'Kelengkapan Berkas', {
      id: `berkas belum lengkap: ${missing.join(', ')}. Minta berkasnya; setelah diterima, tandai Ada di meja verifikasi (atau ✓ di kolom Kelengkapan Berkas).`,
      en: `documents missing: ${missing.join(', ')}. Ask for them; once received, mark them Ada at the verification desk (or ✓ in the Kelengkapan Berkas column).`,
    }),
  ];
};

export const domicileRule: RowRule = (row, ctx) => {
  if (!ctx.settings.requireDomicile || !ctx.villages) return [];
  const village = row.text('Desa/Kelurahan');
  if (village === '') return [];
  if (findTargetVillage(ctx.villages, village, row.text('Kecamatan'), row.text('Kabupaten/Kota'))) return [];
  return [
    finding('domicile.not-target', 'Desa/Kelurahan', {
      id: `Desa ${village} (Kec. ${row.text('Kecamatan') || '?'}, ${row.text('Kabupaten/Kota') || '?'}) tidak ada di tab Desa Sasaran. Periksa ejaan desa, kecamatan dan kabupaten; bila desa memang sasaran, tambahkan ke Desa Sasaran.`,
      en: `Village ${village} (district ${row.text('Kecamatan') || '?'}, ${row.text('Kabupaten/Kota') || '?'}) is not on the Desa Sasaran tab. Check the spelling of village, district and regency; if it is a target village, add it to Desa Sasaran.`,
    }),
  ];
};

export type Override = { decision: 'MS' | 'TMS'; reason: string } | undefined;

/** A verifier's decision, when it is valid (MS or TMS with a reason). */
export function overrideOf(row: RowRecord<CandidateHeader>): Override {
  const decision = row.text('Keputusan Verifikator').toUpperCase().replace(/\s+/g, '');
  const reason = row.text('Alasan Verifikator');
  return (decision === 'MS' || decision === 'TMS') && reason !== '' ? { decision, reason } : undefined;
}

export const overrideRule: RowRule = (row) => {
  const typed = row.text('Keputusan Verifikator');
  if (typed === '') return [];
  const valid = overrideOf(row);
  if (valid) {
    return [
      finding('override.applied', 'Keputusan Verifikator', {
        id: `Status ditetapkan verifikator: ${valid.decision} — ${valid.reason}`,
        en: `Status set by the verifier: ${valid.decision} — ${valid.reason}`,
      }),
    ];
  }
  const decision = typed.toUpperCase().replace(/\s+/g, '');
  const problem =
    decision === 'MS' || decision === 'TMS'
      ? {
          id: `Keputusan verifikator ${decision} tanpa alasan diabaikan. Isi kolom Alasan Verifikator.`,
          en: `Verifier decision ${decision} without a reason is ignored. Fill in Alasan Verifikator.`,
        }
      : {
          id: `Keputusan verifikator "${typed}" diabaikan: isi MS atau TMS, beserta alasannya.`,
          en: `Verifier decision "${typed}" is ignored: write MS or TMS, with a reason.`,
        };
  return [finding('override.invalid', 'Keputusan Verifikator', problem)];
};

/** The reason of an accepted objection for this row's candidate, if any. */
export function acceptedObjection(row: RowRecord<CandidateHeader>, ctx: ValidationContext): string | undefined {
  const id = row.text('ID');
  return id === '' ? undefined : ctx.objections?.get(objectionKey(id));
}

/**
 * An accepted objection acts as the verifier's decision MS with the reason "Sanggah diterima: …",
 * and it wins over a decision typed in Keputusan Verifikator: the objection is the appeal against
 * that very result, decided later and logged. To undo it, change the objection's decision on Sanggah.
 */
export const objectionRule: RowRule = (row, ctx) => {
  const reason = acceptedObjection(row, ctx);
  if (reason === undefined) return [];
  const set = overrideOf(row);
  const aside =
    set && set.decision !== 'MS'
      ? {
          id: ` (menggantikan keputusan verifikator ${set.decision})`,
          en: ` (in place of the verifier's decision ${set.decision})`,
        }
      : { id: '', en: '' };
  return [
    finding('objection.accepted', undefined, {
      id: `Status MS karena sanggah diterima: ${reason}${aside.id}`,
      en: `Status MS because the objection was accepted: ${reason}${aside.en}`,
    }),
  ];
};

/** Every per-row rule, in the order their findings are listed. */
/** Every row rule, with the column it reads (named in the message when the rule cannot handle a row). */
export const ROW_RULES: ReadonlyArray<{ check: RowRule; column?: CandidateHeader }> = [
  { check: requiredFields },
  { check: nikRule, column: 'NIK' },
  { check: sexRule, column: 'Jenis Kelamin' },
  { check: birthDateRule, column: 'Tanggal Lahir' },
  { check: educationRule, column: 'Pendidikan Terakhir' },
  { check: domicileRule, column: 'Desa/Kelurahan' },
  { check: documentsRule, column: 'Kelengkapan Berkas' },
  { check: phoneRule, column: 'No. HP' },
  { check: emailRule, column: 'Email' },
  { check: overrideRule, column: 'Keputusan Verifikator' },
  { check: objectionRule, column: 'ID' },
];
