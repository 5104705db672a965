/**
 * Score integrity, tried as a dishonest or careless user would (issue 11, items 1–5): copied
 * rows, self-declared identities, rubric edits after scoring, criterion codes that collide with
 * Penilaian's own columns, and rubrics the request schema could not carry.
 */
import { PANEL, scoreRows, scoringWorkbook } from '../support/scoringWorkbook';
import type { Emulator, Workbook } from '../../emulator';
import type { OwnScore, ScoringContext, SubmitResponse } from '../../src/core/scoringApi';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const five = (v: number) => ({ K1: v, K2: v, K3: v, K4: v, K5: v });

function submit(
  emu: Emulator,
  user: string,
  candidateId: string,
  scores: Record<string, number>,
  declaredEmail?: string,
): SubmitResponse {
  return emu.runRpc(
    'submitScore',
    [{ candidateId, scores, recused: false, note: '', ...(declaredEmail ? { declaredEmail } : {}) }],
    { user },
  ) as SubmitResponse;
}

/** Kandidat's result columns for one candidate, after "Hitung skor & peringkat". */
function result(wb: Workbook, id: string): { score: unknown; result: unknown } {
  const values = wb.sheet('Kandidat')!.values();
  const header = values[0].map(String);
  const row = values.find((r) => r[header.indexOf('ID')] === id)!;
  return { score: row[header.indexOf('Skor Akhir')], result: row[header.indexOf('Hasil Seleksi')] };
}

const resultsText = (wb: Workbook) => JSON.stringify(wb.sheet('Hasil Seleksi')!.values());

describe('1. a copied Penilaian row counts once', () => {
  it('an exact copy of a sealed row is flagged and does not make a second panelist', () => {
    const { wb, emu } = scoringWorkbook();
    expect(submit(emu, PANEL.ani, 'K-0001', five(5)).ok).toBe(true);
    const sheet = wb.sheet('Penilaian')!;
    sheet.setValues(3, 1, [sheet.values()[1]]);
    expect(scoreRows(wb)).toHaveLength(3);
    const run = emu.run('computeRanking');
    expect(run.error).toBeUndefined();
    expect(result(wb, 'K-0001')).toEqual({ score: '', result: 'Belum Lengkap' });
    const text = resultsText(wb);
    expect(text).toContain('Baris Penilaian 3 adalah salinan penilaian yang sudah ada');
    expect(text).toContain(
      'baris Penilaian 3 adalah salinan penilaian Ani Rahmawati (yang dihitung baris 2); hapus salinannya',
    );
    expect(text).not.toContain('diubah manual');
  });

  it('with a second genuine panelist the copy still counts once, so the mean is unchanged', () => {
    const { wb, emu } = scoringWorkbook();
    submit(emu, PANEL.ani, 'K-0001', five(5));
    submit(emu, PANEL.budi, 'K-0001', five(3));
    const sheet = wb.sheet('Penilaian')!;
    sheet.setValues(4, 1, [sheet.values()[1]]);
    emu.run('computeRanking');
    // (100 + 50) / 2, not (100 + 100 + 50) / 3.
    expect(result(wb, 'K-0001').score).toBe(75);
  });
});

describe('2. a self-declared identity never touches a Google panelist', () => {
  it('cannot read or replace a score written under Google, nor claim that panelist at all', () => {
    const { wb, emu } = scoringWorkbook();
    expect(submit(emu, PANEL.ani, 'K-0001', five(5)).ok).toBe(true);
    const ctx = emu.runRpc('scoringContext', [{ declaredEmail: PANEL.ani }], { user: '' }) as ScoringContext;
    expect(ctx.status).toBe('refused');
    expect(ctx.message).toContain('Ani Rahmawati pernah masuk dengan akun Google');
    expect(ctx.candidates).toEqual([]);
    expect(() => emu.runRpc('myScore', [{ candidateId: 'K-0001', declaredEmail: PANEL.ani }], { user: '' })).toThrow(
      /pernah masuk dengan akun Google/,
    );
    const forged = submit(emu, '', 'K-0001', five(1), PANEL.ani);
    expect(forged.ok).toBe(false);
    const rows = scoreRows(wb);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(4, 9)).toEqual([5, 5, 5, 5, 5]);
    expect(rows[1][13]).toBe('Google');
  });

  it('a panelist who only opened the form with Google is no longer offered to self-declared callers', () => {
    const { emu } = scoringWorkbook();
    emu.runRpc('scoringContext', [{}], { user: PANEL.budi });
    const choose = emu.runRpc('scoringContext', [{}], { user: '' }) as ScoringContext;
    expect(choose.status).toBe('choose');
    expect(choose.choices.map((c) => c.email)).toEqual([PANEL.ani, PANEL.citra, PANEL.dedi]);
    expect(submit(emu, '', 'K-0002', five(4), PANEL.budi).ok).toBe(false);
  });

  it('a self-declared panelist still reads and replaces their own self-declared score', () => {
    const { wb, emu } = scoringWorkbook();
    expect(submit(emu, '', 'K-0002', five(4), PANEL.budi).ok).toBe(true);
    const mine = emu.runRpc('myScore', [{ candidateId: 'K-0002', declaredEmail: PANEL.budi }], {
      user: '',
    }) as OwnScore;
    expect(mine.scores).toEqual(five(4));
    expect(submit(emu, '', 'K-0002', five(2), PANEL.budi)).toMatchObject({ ok: true, replaced: true });
    // Later Budi signs in with Google: his Google identity takes the row over, and self-declaration ends.
    expect(submit(emu, PANEL.budi, 'K-0002', five(3))).toMatchObject({ ok: true, replaced: true });
    expect(scoreRows(wb)[1][13]).toBe('Google');
    expect(submit(emu, '', 'K-0002', five(5), PANEL.budi).ok).toBe(false);
  });
});

describe('3. a rubric edit after scoring is explained, never called tampering', () => {
  function scoredByTwo() {
    const fixture = scoringWorkbook();
    for (const id of ['K-0001', 'K-0002']) {
      submit(fixture.emu, PANEL.ani, id, five(4));
      submit(fixture.emu, PANEL.budi, id, five(5));
    }
    return fixture;
  }

  it('swapping the rows of K1 and K2 changes nothing', () => {
    const { wb, emu } = scoredByTwo();
    emu.run('computeRanking');
    const before = result(wb, 'K-0001');
    const k = wb.sheet('Kriteria')!;
    const [, k1, k2] = k.values();
    k.setValues(2, 1, [k2, k1]);
    emu.run('computeRanking');
    expect(result(wb, 'K-0001')).toEqual(before);
    expect(resultsText(wb)).not.toContain('segel');
  });

  it('adding K6 says which criterion is new, which scores miss it, and what the ranking does', () => {
    const { wb, emu } = scoredByTwo();
    wb.sheet('Kriteria')!.setValues(7, 1, [['K6', 'Kerja sama tim', 10, 1, 5, '', '']]);
    const run = emu.run('computeRanking');
    expect(run.ui.alerts).toEqual([]);
    expect(result(wb, 'K-0001').result).toBe('Belum Lengkap');
    const text = resultsText(wb);
    expect(text).toContain('kriteria baru K6. 4 baris Penilaian belum punya nilai untuk kriteria itu');
    expect(text).toContain('Ini bukan pengubahan manual');
    expect(text).toContain('rubrik berubah sesudah Ani Rahmawati menilai: belum ada nilai untuk kriteria baru K6');
    expect(text).not.toContain('diubah manual');
    // The panelist completes the score: the form gives back the old values with K6 empty.
    const mine = emu.runRpc('myScore', [{ candidateId: 'K-0001' }], { user: PANEL.ani }) as OwnScore;
    expect(mine.scores).toEqual({ ...five(4), K6: null });
    submit(emu, PANEL.ani, 'K-0001', { ...five(4), K6: 4 });
    submit(emu, PANEL.budi, 'K-0001', { ...five(5), K6: 5 });
    emu.run('computeRanking');
    expect(result(wb, 'K-0001')).toEqual({ score: 87.5, result: 'Lulus' });
  });

  it('removing a criterion keeps every seal valid and says its scores are no longer used', () => {
    const { wb, emu } = scoredByTwo();
    wb.sheet('Kriteria')!.deleteRows(6, 1);
    emu.run('computeRanking');
    expect(result(wb, 'K-0001').score).toBe(87.5);
    expect(resultsText(wb)).toContain('Kriteria K5 tidak ada lagi di tab Kriteria');
  });

  it('a hand edit of a sealed score is still caught', () => {
    const { wb, emu } = scoredByTwo();
    wb.sheet('Penilaian')!.setValues(2, 5, [[1]]);
    emu.run('computeRanking');
    expect(resultsText(wb)).toContain('1 baris Penilaian tidak cocok dengan segelnya (diubah manual)');
  });
});

describe('4–5. rubrics the form could not score are refused at the rubric check', () => {
  const cases: Array<[string, string[][], RegExp]> = [
    ['Total', [['Total']], /Kode "Total" sama dengan nama kolom tab Penilaian/],
    ['Segel', [['Segel']], /Kode "Segel" sama dengan nama kolom/],
    ['Waktu', [['Waktu']], /Kode "Waktu" sama dengan nama kolom/],
    ['ID Kandidat', [['ID-Kandidat']], /Kode "ID-Kandidat" sama dengan nama kolom/],
    ['Email Penilai', [['Email_Penilai']], /Kode "Email_Penilai" sama dengan nama kolom/],
    ['K-1 beside K1', [['K1'], ['K-1']], /kode "K-1" terbaca sama dengan kode "K1" di baris 2/],
    ['a 21-character code', [['K'.repeat(21)]], /terlalu panjang \(21 karakter; paling banyak 20\)/],
    ['__proto__', [['__proto__']], /Kode "__proto__" hanya boleh berisi huruf, angka/],
    ['=1+1', [['=1+1']], /Kode "=1\+1" hanya boleh berisi huruf, angka/],
  ];

  it.each(cases)('refuses %s with a clear message, in the menu and in the form', (_name, codes, message) => {
    const { wb, emu } = scoringWorkbook();
    const k = wb.sheet('Kriteria')!;
    codes.forEach((code, i) => k.setValues(2 + i, 1, [[`'${code[0]}`]]));
    const run = emu.run('computeRanking');
    expect(run.ui.alerts[0].prompt).toMatch(message);
    const ctx = emu.runRpc('scoringContext', [{}], { user: PANEL.ani }) as ScoringContext;
    expect(ctx.status).toBe('refused');
    expect(ctx.message).toContain('Rubrik di tab Kriteria belum lengkap atau bermasalah');
    expect(submit(emu, PANEL.ani, 'K-0001', five(3)).ok).toBe(false);
    expect(
      scoreRows(wb)
        .slice(1)
        .filter((r) => r[1] !== ''),
    ).toEqual([]);
  });

  it('refuses more than 50 criteria, and scores 50 of them', () => {
    const { wb, emu } = scoringWorkbook();
    const k = wb.sheet('Kriteria')!;
    k.deleteRows(2, 5);
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => [`C${i + 1}`, `Kriteria ${i + 1}`, 2, 1, 5, '', '']);
    k.setValues(2, 1, rows(51));
    expect(emu.run('computeRanking').ui.alerts[0].prompt).toContain(
      'Tab Kriteria berisi 51 kriteria; paling banyak 50',
    );
    k.deleteRows(52, 1);
    const scores = Object.fromEntries(rows(50).map((r) => [r[0], 3]));
    expect(submit(emu, PANEL.ani, 'K-0001', scores).ok).toBe(true);
  });

  it('a 20-character code is scored, and the value lands in its own column', () => {
    const { wb, emu } = scoringWorkbook();
    const code = 'KOMUNIKASI-LISAN-123';
    expect(code).toHaveLength(20);
    wb.sheet('Kriteria')!.setValues(2, 1, [[code]]);
    expect(submit(emu, PANEL.ani, 'K-0001', { [code]: 2, K2: 3, K3: 4, K4: 5, K5: 1 }).ok).toBe(true);
    const [header, row] = scoreRows(wb);
    expect(row[header.indexOf(code)]).toBe(2);
    expect(row[header.indexOf('K5')]).toBe(1);
  });

  it('weights are bounded: two weights of 1e308 are refused instead of overflowing to 0', () => {
    const { wb, emu } = scoringWorkbook();
    wb.sheet('Kriteria')!.setValues(2, 3, [[1e308], [1e308]]);
    const run = emu.run('computeRanking');
    expect(run.ui.alerts[0].prompt).toContain('Tab Kriteria baris 2: Bobot harus angka 0 sampai 1000.');
    expect(run.ui.alerts[0].prompt).toContain('Tab Kriteria baris 3: Bobot harus angka 0 sampai 1000.');
  });
});

describe('Penilaian headers respelled by hand', () => {
  it('a header typed "ID  Kandidat" is still the key column: a re-score replaces the row', () => {
    const { wb, emu } = scoringWorkbook();
    submit(emu, PANEL.ani, 'K-0001', five(3));
    wb.sheet('Penilaian')!.setValues(1, 2, [['ID  Kandidat']]);
    expect(submit(emu, PANEL.ani, 'K-0001', five(5))).toMatchObject({ ok: true, replaced: true });
    const rows = scoreRows(wb);
    expect(rows).toHaveLength(2);
    expect(rows[0].filter((h) => /kandidat/i.test(String(h)))).toHaveLength(1);
  });
});
