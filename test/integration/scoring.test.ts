/** The scoring sidebar's server side and "Hitung skor & peringkat", through google.script.run rules. */
import { PANEL, scoreRows, scoringWorkbook } from '../support/scoringWorkbook';
import type { ScoringContext, SubmitResponse } from '../../src/core/scoringApi';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const scores = (k1: number, k2: number, k3: number, k4: number, k5: number) => ({
  K1: k1,
  K2: k2,
  K3: k3,
  K4: k4,
  K5: k5,
});

describe('who may score what', () => {
  it('shows a panelist only the MS candidates of their region, with progress and no one else’s scores', () => {
    const { emu } = scoringWorkbook();
    emu.runRpc('submitScore', [{ candidateId: 'K-0001', scores: scores(5, 5, 5, 5, 5), recused: false, note: '' }], {
      user: PANEL.budi,
    });
    const ctx = emu.runRpc('scoringContext', [{}], { user: PANEL.ani }) as ScoringContext;
    expect(ctx.status).toBe('ok');
    expect(ctx.identity).toEqual({
      email: PANEL.ani,
      name: 'Ani Rahmawati',
      region: 'Kabupaten Tanah Laut',
      selfDeclared: false,
    });
    // K-0001 was scored by Budi, not by Ani: for Ani it is still unscored.
    expect(ctx.candidates.map((c) => [c.id, c.name, c.village, c.scored, c.mine])).toEqual([
      ['K-0001', 'Siti Aminah', 'Angsau', false, null],
      ['K-0002', 'Rahmat Hidayat', 'Angsau', false, null],
      ['K-0003', '<img src=x onerror=alert(1)>', 'Takisung', false, null],
      ['K-0004', 'Muhammad Rizky', 'Takisung', false, null],
    ]);
    expect(ctx.rubric.map((c) => [c.code, c.min, c.max])).toEqual([
      ['K1', 1, 5],
      ['K2', 1, 5],
      ['K3', 1, 5],
      ['K4', 1, 5],
      ['K5', 1, 5],
    ]);
    expect(JSON.stringify(ctx)).not.toContain(PANEL.budi);
  });

  it('gives "Semua" panelists every region and refuses someone not on the panel', () => {
    const { emu } = scoringWorkbook();
    const all = emu.runRpc('scoringContext', [{}], { user: PANEL.citra }) as ScoringContext;
    expect(all.candidates.map((c) => c.id)).toEqual(['K-0001', 'K-0002', 'K-0003', 'K-0004', 'K-0006']);
    const stranger = emu.runRpc('scoringContext', [{}], { user: 'orang.lain@gmail.com' }) as ScoringContext;
    expect(stranger.status).toBe('refused');
    expect(stranger.message).toBe(
      'Akun orang.lain@gmail.com tidak terdaftar sebagai penilai aktif di tab Panel. Untuk menilai, tambahkan satu baris di tab Panel: Email orang.lain@gmail.com, Nama Anda, Wilayah (kabupaten/kota yang Anda nilai, atau Semua) dan Aktif Ya; bila Anda bukan koordinator, minta koordinator menambahkannya. Lalu buka lagi formulir penilaian.',
    );
    expect(stranger.candidates).toEqual([]);
    const inactive = emu.runRpc('scoringContext', [{}], { user: 'lama@example.go.id' }) as ScoringContext;
    expect(inactive.status).toBe('refused');
  });

  it('lets a panelist without a Google email choose a name, recorded as self-declared', () => {
    const { wb, emu } = scoringWorkbook();
    const first = emu.runRpc('scoringContext', [{}], { user: '' }) as ScoringContext;
    expect(first.status).toBe('choose');
    expect(first.choices.map((c) => c.name)).toEqual([
      'Ani Rahmawati',
      'Budi Santoso',
      'Citra Lestari',
      'Dedi Supriadi',
    ]);
    const chosen = emu.runRpc('scoringContext', [{ declaredEmail: PANEL.budi }], { user: '' }) as ScoringContext;
    expect(chosen.identity).toEqual({
      email: PANEL.budi,
      name: 'Budi Santoso',
      region: 'Tanah Laut',
      selfDeclared: true,
    });
    const saved = emu.runRpc(
      'submitScore',
      [{ candidateId: 'K-0002', scores: scores(4, 4, 4, 4, 4), recused: false, note: '', declaredEmail: PANEL.budi }],
      { user: '' },
    ) as SubmitResponse;
    expect(saved.ok).toBe(true);
    const row = scoreRows(wb)[1];
    expect([row[1], row[2], row[3], row[13]]).toEqual(['K-0002', PANEL.budi, 'Budi Santoso', 'Dipilih sendiri']);
  });
});

describe('submitting', () => {
  it('writes one sealed row, replaces it on re-submission and logs the old values', () => {
    const { wb, emu } = scoringWorkbook();
    const first = emu.runRpc(
      'submitScore',
      [{ candidateId: 'K-0001', scores: scores(4, 3, 5, 4, 2), recused: false, note: 'aktif di karang taruna' }],
      { user: PANEL.ani },
    ) as SubmitResponse;
    expect(first).toMatchObject({ ok: true, candidateId: 'K-0001', replaced: false });
    let rows = scoreRows(wb);
    expect(rows).toHaveLength(2);
    // Total = 100 × (0.25×3/4 + 0.20×2/4 + 0.20×4/4 + 0.20×3/4 + 0.15×1/4) = 100 × 0.675 = 67.5
    expect(rows[1].slice(1, 12)).toEqual([
      'K-0001',
      PANEL.ani,
      'Ani Rahmawati',
      4,
      3,
      5,
      4,
      2,
      67.5,
      'Tidak',
      'aktif di karang taruna',
    ]);
    expect(rows[1][13]).toBe('Google');
    expect(String(rows[1][12])).toMatch(/^2\|K1,K2,K3,K4,K5\|[A-Za-z0-9_-]{43}$/);
    const again = emu.runRpc(
      'submitScore',
      [{ candidateId: 'k-0001', scores: scores(5, 5, 5, 5, 5), recused: false, note: '' }],
      { user: PANEL.ani },
    ) as SubmitResponse;
    expect(again).toMatchObject({ ok: true, replaced: true });
    rows = scoreRows(wb);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(4, 10)).toEqual([5, 5, 5, 5, 5, 100]);
    const log = wb.sheet('Log')!.values();
    expect(log.at(-1)!.slice(2)).toEqual([
      'Penilaian dikirim',
      'K-0001 — ani.rahmawati@example.go.id: mengganti K1=4, K2=3, K3=5, K4=4, K5=2, Total=67.5, konflik=Tidak',
    ]);
    // The form marks the candidate as scored and, when reopened, shows the panelist's own latest score.
    const ctx = emu.runRpc('scoringContext', [{}], { user: PANEL.ani }) as ScoringContext;
    expect(ctx.candidates[0].scored).toBe(true);
    expect(emu.runRpc('myScore', [{ candidateId: 'K-0001' }], { user: PANEL.ani })).toEqual({
      scores: scores(5, 5, 5, 5, 5),
      recused: false,
      note: '',
    });
    expect(emu.runRpc('myScore', [{ candidateId: 'K-0001' }], { user: PANEL.budi })).toBeNull();
    expect(() => emu.runRpc('myScore', [{ candidateId: 'K-0001' }], { user: 'orang.lain@gmail.com' })).toThrow(
      'tidak terdaftar sebagai penilai aktif',
    );
  });

  it('records a recusal without scores', () => {
    const { wb, emu } = scoringWorkbook();
    const saved = emu.runRpc(
      'submitScore',
      [{ candidateId: 'K-0003', scores: {}, recused: true, note: 'sepupu saya' }],
      { user: PANEL.ani },
    ) as SubmitResponse;
    expect(saved.ok).toBe(true);
    expect(scoreRows(wb)[1].slice(1, 12)).toEqual([
      'K-0003',
      PANEL.ani,
      'Ani Rahmawati',
      '',
      '',
      '',
      '',
      '',
      '',
      'Ya',
      'sepupu saya',
    ]);
  });

  it('stores a note that looks like a formula as text', () => {
    const { wb, emu } = scoringWorkbook();
    emu.runRpc(
      'submitScore',
      [{ candidateId: 'K-0001', scores: scores(3, 3, 3, 3, 3), recused: false, note: '=HYPERLINK("http://x","klik")' }],
      { user: PANEL.ani },
    );
    const cell = wb.sheet('Penilaian')!.cell(2, 12);
    expect(cell.value).toBe('=HYPERLINK("http://x","klik")');
    expect(cell.formula).toBe('');
  });

  it.each([
    [
      'a TMS candidate',
      { candidateId: 'K-0005', scores: scores(3, 3, 3, 3, 3), recused: false, note: '' },
      PANEL.ani,
      null,
      'Kandidat K-0005 berstatus TMS, bukan MS, sehingga tidak dinilai.',
    ],
    [
      'a candidate outside the region',
      { candidateId: 'K-0006', scores: scores(3, 3, 3, 3, 3), recused: false, note: '' },
      PANEL.ani,
      null,
      'Kandidat K-0006 (Kabupaten Garut) di luar wilayah Anda (Kabupaten Tanah Laut).',
    ],
    [
      'an unknown candidate',
      { candidateId: 'K-9999', scores: scores(3, 3, 3, 3, 3), recused: false, note: '' },
      PANEL.ani,
      null,
      'Kandidat K-9999 tidak ditemukan di tab Kandidat.',
    ],
    [
      'an out-of-range score',
      { candidateId: 'K-0001', scores: scores(3, 6, 3, 3, 3), recused: false, note: '' },
      PANEL.ani,
      'K2',
      'K2: isi bilangan bulat 1–5.',
    ],
    [
      'a missing criterion',
      { candidateId: 'K-0001', scores: { K1: 3 }, recused: false, note: '' },
      PANEL.ani,
      'K2',
      'K2: isi bilangan bulat 1–5.',
    ],
    [
      'a fractional score',
      { candidateId: 'K-0001', scores: scores(3, 3.5, 3, 3, 3), recused: false, note: '' },
      PANEL.ani,
      'K2',
      'K2: isi bilangan bulat 1–5.',
    ],
    [
      'an oversized note',
      { candidateId: 'K-0001', scores: scores(3, 3, 3, 3, 3), recused: false, note: 'x'.repeat(1001) },
      PANEL.ani,
      'note',
      'Catatan terlalu panjang (maksimal 1000 karakter).',
    ],
    [
      'another panelist’s identity claimed by a Google user',
      { candidateId: 'K-0001', scores: scores(3, 3, 3, 3, 3), recused: false, note: '', declaredEmail: PANEL.budi },
      'orang.lain@gmail.com',
      null,
      'Akun orang.lain@gmail.com tidak terdaftar sebagai penilai aktif di tab Panel. Untuk menilai, tambahkan satu baris di tab Panel: Email orang.lain@gmail.com, Nama Anda, Wilayah (kabupaten/kota yang Anda nilai, atau Semua) dan Aktif Ya; bila Anda bukan koordinator, minta koordinator menambahkannya. Lalu buka lagi formulir penilaian.',
    ],
    [
      'a malformed payload',
      { candidateId: 42, scores: 'lima', recused: 'ya' },
      PANEL.ani,
      null,
      'Permintaan dari formulir tidak sah. Tutup dan buka lagi formulir penilaian.',
    ],
  ])('refuses %s with a clear message and writes nothing', (_label, payload, user, field, message) => {
    const { wb, emu } = scoringWorkbook();
    const response = emu.runRpc('submitScore', [payload], { user }) as SubmitResponse;
    expect(response).toEqual({ ok: false, field, message });
    expect(scoreRows(wb)).toHaveLength(1);
  });

  it('answers a held lock with a retry message (the sidebar keeps the form) and writes nothing', () => {
    const { wb, emu } = scoringWorkbook();
    emu.holdDocumentLock();
    expect(() =>
      emu.runRpc('submitScore', [{ candidateId: 'K-0001', scores: scores(3, 3, 3, 3, 3), recused: false, note: '' }], {
        user: PANEL.ani,
      }),
    ).toThrow(
      'Penyimpanan tertunda karena penilai lain sedang menyimpan. Nilai Anda masih di formulir: tekan Simpan lagi.',
    );
    emu.releaseDocumentLock();
    expect(scoreRows(wb)).toHaveLength(1);
  });

  it('makes a small fixed number of service calls per submission, whatever the number of candidates', () => {
    const calls = (extraCandidates: number) => {
      const { wb, emu } = scoringWorkbook();
      const extra = Array.from({ length: extraCandidates }, (_, i) => [
        '',
        `Kandidat ${i}`,
        `630103470890${String(1000 + i).padStart(4, '0')}`,
        'P',
        'Pelaihari',
        '07/08/1990',
        'SMA',
        'Jl',
        'Angsau',
        'Pelaihari',
        'Kabupaten Tanah Laut',
        'Kalimantan Selatan',
        `0813${10000000 + i}`,
      ]);
      if (extra.length) wb.sheet('Kandidat')!.setValues(8, 1, extra);
      emu.runRpc('submitScore', [{ candidateId: 'K-0001', scores: scores(3, 3, 3, 3, 3), recused: false, note: '' }], {
        user: PANEL.ani,
      });
      return emu.lastRun!.totalCalls;
    };
    const small = calls(0);
    expect(small).toBeLessThanOrEqual(62); // a few more calls than one whole-tab read, for a fraction of the cells
    expect(calls(2000)).toBe(small);
  });
});

describe('20 panelists submitting interleaved, with lock contention', () => {
  it('loses and duplicates no row', () => {
    const { wb, emu } = scoringWorkbook();
    const panel = Array.from({ length: 20 }, (_, i) => [
      `panelis${i + 1}@example.go.id`,
      `Panelis ${i + 1}`,
      'Semua',
      'Ya',
    ]);
    wb.sheet('Panel')!.setValues(7, 1, panel);
    const emails = panel.map((p) => String(p[0]));
    const retries: string[] = [];
    // Round-robin over panelists and candidates; every third call finds the lock held and must be retried.
    let call = 0;
    for (let round = 0; round < 3; round++) {
      for (const candidateId of ['K-0001', 'K-0002', 'K-0003', 'K-0004']) {
        for (const email of emails) {
          const payload = {
            candidateId,
            scores: scores(1 + ((round + call) % 5), 3, 4, 2, 5),
            recused: false,
            note: `ronde ${round}`,
          };
          if (++call % 3 === 0) {
            emu.holdDocumentLock();
            expect(() => emu.runRpc('submitScore', [payload], { user: email })).toThrow(/Penyimpanan tertunda/);
            emu.releaseDocumentLock();
            retries.push(email);
          }
          const response = emu.runRpc('submitScore', [payload], { user: email }) as SubmitResponse;
          expect(response.ok).toBe(true);
        }
      }
    }
    const rows = scoreRows(wb).slice(1);
    expect(rows).toHaveLength(20 * 4);
    const keys = rows.map((r) => `${r[1]}|${r[2]}`);
    expect(new Set(keys).size).toBe(80);
    expect(rows.every((r) => r[11] === 'ronde 2')).toBe(true);
    expect(retries.length).toBe(80);
  });
});
