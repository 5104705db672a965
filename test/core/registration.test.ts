/** The registration form's pure rules: matching questions to columns, keys, the import plan and the row. */
import {
  candidateRow,
  isTimestampHeader,
  mappingProblems,
  mappingTab,
  planImport,
  proposeMapping,
  readMapping,
  responseKey,
  unfilledRequired,
} from '../../src/core/registration';
import { matchHeaders } from '../../src/core/headers';
import { CANDIDATES_TAB } from '../../src/core/schema';
import type { CellValue, Grid } from '../../src/core/types';
import { parseSettings } from '../../src/core/settings';
import { validateCandidates } from '../../src/core/validation/validate';

describe('proposeMapping', () => {
  it('matches questions by header first, then alias, ignoring what is in brackets and after a slash', () => {
    const rows = proposeMapping([
      'Nama (sesuai KTP)',
      'Nama Lengkap',
      'NIK [16 digit]',
      'No. HP / WhatsApp',
      'Alamat Lengkap: jalan, RT/RW',
      'Motivasi mendaftar',
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.question, r.column]))).toEqual({
      // The exact header wins even though the alias came first in the form.
      'Nama Lengkap': 'Nama Lengkap',
      'Nama (sesuai KTP)': 'Nama (sesuai KTP)',
      'NIK [16 digit]': 'NIK',
      'No. HP / WhatsApp': 'No. HP',
      'Alamat Lengkap: jalan, RT/RW': 'Alamat',
      'Motivasi mendaftar': 'Motivasi mendaftar',
    });
  });

  it('keeps a saved line, even a cleared one, and does not give its column to a new question', () => {
    const saved = new Map([
      ['NIK KTP', 'NIK'],
      ['Email', ''],
    ]);
    const rows = proposeMapping(['NIK KTP', 'Email', 'NIK'], saved);
    expect(rows).toEqual([
      { question: 'NIK KTP', column: 'NIK' },
      { question: 'Email', column: '' },
      // "NIK" is taken by the saved line: the new question's answers keep a column of their own.
      { question: 'NIK', column: 'NIK (formulir)' },
    ]);
    expect(mappingProblems(rows)).toEqual([]);
  });

  it('never proposes a column the add-on or a verifier writes, nor one that would collide with it', () => {
    const rows = proposeMapping(['ID', 'Status Administrasi', 'Keputusan Verifikator', 'Tanggal Daftar']);
    expect(rows.map((r) => r.column)).toEqual([
      'ID (formulir)',
      'Status Administrasi (formulir)',
      'Keputusan Verifikator (formulir)',
      'Tanggal Daftar (formulir)',
    ]);
    expect(mappingProblems(rows)).toEqual([]);
    // Chosen by hand, such a column is refused with the reason.
    expect(mappingProblems([{ question: 'Status', column: 'Status Administrasi' }])[0].en).toMatch(
      /which the add-on or a verifier fills/,
    );
  });
});

describe('mapping checks', () => {
  it('names the required columns no question fills', () => {
    expect(unfilledRequired([{ question: 'Nama', column: 'Nama Lengkap' }])).toContain('NIK');
    expect(unfilledRequired([{ question: 'Nama', column: 'Nama Lengkap' }])).not.toContain('Nama Lengkap');
  });

  it('refuses one column for two questions, in both languages', () => {
    const [p] = mappingProblems([
      { question: 'A', column: 'NIK' },
      { question: 'B', column: 'No. KTP' },
    ]);
    expect(p.id).toMatch(/"A" dan "B" sama-sama diarahkan ke kolom NIK/);
    expect(p.en).toMatch(/"A" and "B" both point at the NIK column/);
  });

  it('round-trips through the Formulir tab', () => {
    const rows = [
      { question: 'NIK (16 digit)', column: 'NIK' },
      { question: 'Foto', column: '' },
      { question: 'Berkas KTP', column: 'Berkas KTP' },
    ];
    const tab = mappingTab(rows, 'id');
    expect(tab.map((r) => r[2])).toEqual([
      'Keterangan',
      'Kolom wajib.',
      'Tidak diimpor (jawaban tetap ada di tab jawaban).',
      'Kolom tambahan di Kandidat.',
    ]);
    expect([...readMapping(tab)]).toEqual(rows.map((r) => [r.question, r.column]));
  });
});

describe('keys and the import plan', () => {
  const t = (s: number) => new Date(Date.UTC(2019, 10, 20, 1, 0, s, 123));
  const response = (sheetRow: number, stamp: CellValue, nik = '6301034708900001') => ({
    sheetRow,
    values: [stamp, 'Siti', nik],
  });

  it('recognises the timestamp header in the form owner’s language', () => {
    for (const h of ['Timestamp', 'Stempel waktu', 'Cap waktu', 'stempel  WAKTU'])
      expect(isTimestampHeader(h)).toBe(true);
    expect(isTimestampHeader('Tanggal')).toBe(false);
  });

  it('keys by the stamp to the millisecond, whatever order the tab is in; twins get #2, #3', () => {
    const plan = planImport([response(2, t(5)), response(3, t(1)), response(4, t(5), '6301034708900002')], new Set());
    expect(plan.pending.map((p) => [p.key, p.response.sheetRow])).toEqual([
      [responseKey(t(1)), 3],
      [responseKey(t(5)), 2],
      [`${t(5).toISOString()}#2`, 4],
    ]);
  });

  it('skips what is already imported and blank rows, and reports rows without a stamp', () => {
    const plan = planImport(
      [response(2, t(1)), { sheetRow: 3, values: ['', '', ''] }, response(4, 'kemarin'), response(5, t(2))],
      new Set([responseKey(t(1))]),
    );
    expect(plan.pending.map((p) => p.response.sheetRow)).toEqual([5]);
    expect(plan).toMatchObject({ imported: 1, unstamped: [4] });
  });

  it('builds the Kandidat row: answers as they stand, the stamp, the source and the key', () => {
    const header = ['Timestamp', 'Nama', 'NIK (16 digit)', 'Foto'];
    const mapping = [
      { question: 'Nama', column: 'Nama Lengkap' },
      { question: 'NIK (16 digit)', column: 'NIK' },
      { question: 'Foto', column: '' },
    ];
    const columns = new Map([
      ['Nama Lengkap', 0],
      ['NIK', 1],
      ['Tanggal Daftar', 2],
      ['Sumber', 3],
      ['Kunci Formulir', 4],
    ]);
    const row = candidateRow(
      { key: 'k', response: { sheetRow: 2, values: [t(1), '=1+1', '6301 0347'] } },
      header,
      mapping,
      (h) => columns.get(h) as number,
      6,
    );
    expect(row).toEqual(['=1+1', '6301 0347', t(1), 'Formulir', 'k', '']);
  });
});

describe('a candidate who registers twice through the form', () => {
  const header = CANDIDATES_TAB.columns.map((c) => c.header);
  const row = (over: Record<string, CellValue>): CellValue[] => header.map((h) => over[h] ?? '');
  const base = { 'Nama Lengkap': 'Siti', NIK: '6301034708900001', 'No. HP': '081234567890' };

  function notes(rows: CellValue[][]): string[][] {
    const parsed = parseSettings(undefined, 480);
    if (!parsed.ok) throw new Error('default settings');
    const result = validateCandidates([header, ...rows] as Grid, undefined, {
      settings: parsed.settings,
      reference: { year: 2019, month: 11, day: 25 },
      offsetMinutes: 480,
      villages: undefined,
    });
    if (!result.ok) throw new Error('headers');
    return result.rows.map((r) => r.findings.map((f) => f.rule));
  }

  it('the later form row names the first, whatever the first’s source; a typed twin gets no such note', () => {
    expect(matchHeaders(CANDIDATES_TAB, header).missing).toEqual([]);
    const rules = notes([
      row({ ...base, ID: 'K-1', Sumber: 'Manual' }),
      row({ ...base, ID: 'K-2', Sumber: 'Formulir' }),
      row({ ...base, ID: 'K-3' }),
    ]);
    expect(rules[0]).not.toContain('nik.resubmission');
    expect(rules[1]).toContain('nik.resubmission');
    expect(rules[2]).not.toContain('nik.resubmission');
    expect(rules.every((r) => r.includes('nik.duplicate'))).toBe(true);
  });
});
