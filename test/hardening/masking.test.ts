/**
 * Personal data stays on `Kandidat`. After the whole workflow on the demo workbook, no cell of any
 * tab the add-on generates — messages included — holds a candidate's NIK, phone number or birth
 * date, in any of the forms the add-on writes them.
 */
import { formatLongDate, formatShortDate, parseDateCell } from '../../src/core/dates';
import { nikBirth, nikText } from '../../src/core/nik';
import { parsePhone } from '../../src/core/phone';
import { maskPersonalText } from '../../src/core/privacy';
import { USER_TABS } from '../../src/core/schema';
import type { CellValue } from '../../src/core/types';
import { ensureBuilt } from '../support/dist';
import { fullWorkflow, smallDemo } from './workflow';

beforeAll(ensureBuilt);

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Every form in which one candidate's personal data could be written. */
function secretsOf(header: string[], row: unknown[]): { digits: string[]; texts: string[] } {
  const at = (h: string) => row[header.indexOf(h)];
  const digits: string[] = [];
  const texts: string[] = [];
  const nik = nikText(at('NIK')).cleaned;
  if (digitsOf(nik).length >= 8) digits.push(digitsOf(nik));
  const phone = parsePhone(at('No. HP'));
  const phoneDigits = phone.national || digitsOf(String(at('No. HP') ?? ''));
  if (phoneDigits.length >= 7) digits.push(phoneDigits);
  const dates = [];
  const birth = parseDateCell(at('Tanggal Lahir') as never, 0);
  if (birth.ok) dates.push(birth.date);
  const encoded = /^\d{16}$/.test(nik) ? nikBirth(nik, { year: 2026, month: 1, day: 1 }) : undefined;
  if (encoded) dates.push(encoded.date);
  for (const d of dates) texts.push(formatLongDate(d, 'id'), formatLongDate(d, 'en'), formatShortDate(d));
  return { digits, texts };
}

describe('personal data on generated tabs', () => {
  it('no generated cell holds a NIK, phone or birth date of the demo candidates', () => {
    const { wb, emu } = smallDemo(240);
    fullWorkflow(emu);
    const kandidat = wb.sheet('Kandidat')!.values();
    const header = kandidat[0].map(String);
    const secrets = kandidat.slice(1).map((row) => secretsOf(header, row));
    const digitSecrets = new Set(secrets.flatMap((s) => s.digits));
    const textSecrets = [...new Set(secrets.flatMap((s) => s.texts))];
    const userTabs = new Set(USER_TABS.map((t) => t.name));
    // Not generated: the user tabs, Penilaian, and a form's response tab (Google's, holding what candidates typed).
    const generated = wb
      .sheetNames()
      .filter((name) => !userTabs.has(name) && name !== 'Penilaian' && !wb.sheet(name)!.formUrl);
    expect(generated).toEqual(expect.arrayContaining(['Laporan Validasi', 'Hasil Seleksi']));

    const leaks: string[] = [];
    for (const name of generated) {
      wb.sheet(name)!
        .values()
        .forEach((cells, r) =>
          cells.forEach((cell, c) => {
            const text = cell instanceof Date ? '' : String(cell ?? '');
            if (text === '') return;
            // Digits in a run (spaces, dashes, dots and brackets between them are how numbers are written).
            const runs = (text.match(/[+\d][\d\s().-]{5,}\d/g) ?? []).map(digitsOf);
            const digitLeak = runs.find((run) => [...digitSecrets].some((s) => run.includes(s)));
            const textLeak = textSecrets.find((s) => text.includes(s));
            if (digitLeak || textLeak) leaks.push(`${name}!R${r + 1}C${c + 1}: ${text.slice(0, 160)}`);
          }),
        );
    }
    expect(leaks).toEqual([]);
  });
});

describe('maskPersonalText', () => {
  const cells = (nik: CellValue, phone: CellValue, birth: CellValue) => {
    const values: Record<string, CellValue> = { NIK: nik, 'No. HP': phone, 'Tanggal Lahir': birth };
    return { value: (h: string) => values[h], shown: (h: string) => String(values[h]) };
  };

  it('masks the NIK as typed and cleaned, its date digits and the dates they encode', () => {
    const c = cells('3205034603861', '', '9/8/1991');
    expect(maskPersonalText('NIK "3205034603861" berisi 13 karakter', c)).toBe(
      'NIK "3205*********" berisi 13 karakter',
    );
    const full = cells('3205034809910001', '', '9/8/1991');
    expect(
      maskPersonalText(
        'Tanggal lahir dalam NIK (8 September 1991) berbeda dengan kolom Tanggal Lahir (9 Agustus 1991); digit 7–12 (480991)',
        full,
      ),
    ).toBe('Tanggal lahir dalam NIK (**/**/1991) berbeda dengan kolom Tanggal Lahir (**/**/1991); digit 7–12 (******)');
  });

  it('masks a phone number as typed, keeping what tells numbers apart', () => {
    expect(maskPersonalText('"0967-38151" tampak seperti nomor telepon rumah', cells('', '0967-38151', ''))).toBe(
      '"0967-**151" tampak seperti nomor telepon rumah',
    );
  });

  it('leaves text without the candidate’s data alone', () => {
    expect(
      maskPersonalText(
        'Umur pada 1 Januari 2026 di bawah 18 tahun.',
        cells('3205034809910001', '081234567890', '9/8/1991'),
      ),
    ).toBe('Umur pada 1 Januari 2026 di bawah 18 tahun.');
  });
});
