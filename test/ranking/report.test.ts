/**
 * `Hasil Seleksi` as a layout: exact header row, rows in result order, NIK masking, user text
 * written as text (leading apostrophe), and panel agreement per regency.
 */
import { type ResultsInput, agreementByRegency, resultOrder, resultsReport } from '../../src/core/resultsReport';
import type { Ranking } from '../../src/core/ranking';
import type { CellValue, Grid, Lang } from '../../src/core/types';
import { type Cand, T, rubric, run, score, settings, tampered } from './fixtures';

// Angsau (Kec. Pelaihari, Tanah Laut), quota 1, 1 reserve, pass mark 60:
//   K-0002  80 & 95 → 87.5, rank 1 Lulus; means K1 5, K2 5, K3 (1+4)/2 = 2.5; spread 15
//   K-0001  60 & 70 → 65.0, rank 2 Cadangan; means K1 4, K2 4, K3 (1+3)/2 = 2; spread 10
//   K-0005  65 & 65 → 65.0, tied with K-0001: K1 means 3 < 4 → rank 3 Tidak Lulus; a third row was
//           edited by hand (not counted, flagged)
//   K-0003  TMS, one score 40 → TMS, no rank, no final; spread 0
// Jawa (Kec. Martapura, Banjar):
//   K-0004  one score 70 → Belum Lengkap
const CANDS: Cand[] = [
  { id: 'K-0001', name: 'Ahmad Fauzi', nik: '6301031708900001', sex: 'L' },
  { id: 'K-0002', name: '=HYPERLINK("x")', nik: '6301035708900002', sex: 'P' },
  { id: 'K-0003', name: 'Budi', nik: '6301030101900003', sex: 'L', status: 'TMS' },
  {
    id: 'K-0004',
    name: 'Siti',
    nik: '6303014101950004',
    sex: 'P',
    village: 'Jawa',
    district: 'Martapura',
    regency: 'Banjar',
  },
  { id: 'K-0005', name: '+62 Rahmat', nik: '6301031203910005', sex: 'L' },
];
const SCORES = [
  score('K-0001', 'p1@panel.id', T[60]),
  score('K-0001', 'p2@panel.id', T[70]),
  score('K-0002', 'p1@panel.id', T[80]),
  score('K-0002', 'p2@panel.id', T[95]),
  score('K-0003', 'p1@panel.id', T[40]),
  score('K-0004', 'p3@panel.id', T[70]),
  score('K-0005', 'p1@panel.id', T[65]),
  score('K-0005', 'p2@panel.id', T[65]),
  tampered(score('K-0005', 'p3@panel.id', T[65]), T[100]),
];

function report(ranking: Ranking, opts: { settings?: Record<string, CellValue>; lang?: Lang } = {}): Grid {
  const input: ResultsInput = {
    ranking,
    rubric: rubric(),
    settings: settings(opts.settings),
    lang: opts.lang ?? 'id',
    stamp: '27/11/2019 10.00',
    notices: [],
  };
  return resultsReport(input).values;
}

const pad = (row: CellValue[], width: number) => [...row, ...new Array(Math.max(0, width - row.length)).fill('')];

const HEADER_ID = [
  'Unit',
  'Peringkat',
  'ID',
  'Nama',
  'NIK',
  'L/P',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Jumlah Penilai',
  'K1 (rata-rata)',
  'K2 (rata-rata)',
  'K3 (rata-rata)',
  'Skor Akhir',
  'Selisih',
  'Tanda',
  'Hasil',
  'Penentu Seri',
];
const WIDTH = HEADER_ID.length; // 18: every row is padded to the widest

const ANGSAU = "'Angsau, Kec. Pelaihari, Tanah Laut (kuota 1)";
const JAWA = "'Jawa, Kec. Martapura, Banjar (kuota 1)";
const place = ["'Angsau", "'Pelaihari", "'Tanah Laut"];
const UNSEALED = '1 nilai diubah manual (segel tidak cocok), tidak dihitung sampai dikirim ulang';

describe('Hasil Seleksi layout', () => {
  const ranking = run({ candidates: CANDS, scores: SCORES });
  const values = report(ranking);
  const headerAt = values.findIndex((r) => r[0] === 'Unit');
  const table = values.slice(headerAt + 1);

  test('title, activity name (as text), method line', () => {
    expect(values.slice(0, 4)).toEqual([
      pad(['Hasil Seleksi Calon Penyuluh Sosial'], WIDTH),
      pad(["'Rekrutmen Calon Penyuluh Sosial — Desa Berketahanan Sosial"], WIDTH),
      pad(['Dibuat 27/11/2019 10.00. Tab ini dibuat ulang oleh menu Hitung skor & peringkat.'], WIDTH),
      pad(
        [
          'Metode: Rata-rata; ambang lulus 60; minimal 2 penilai; kuota 1 per desa (kolom Kuota di Desa Sasaran menggantikan); cadangan 1; batas selisih penilai 20. Urutan penentu seri: K1 → K2 → Tanggal Daftar lebih awal → ID.',
        ],
        WIDTH,
      ),
    ]);
  });

  test('the exact header row of the candidates table', () => {
    expect(values[headerAt]).toEqual(HEADER_ID);
  });

  test('every row, in result order, NIK masked, user text with a leading apostrophe', () => {
    expect(table).toEqual([
      [
        ANGSAU,
        1,
        "'K-0002",
        '\'=HYPERLINK("x")',
        "'630103******0002",
        "'P",
        ...place,
        2,
        5,
        5,
        2.5,
        87.5,
        15,
        '',
        'Lulus',
        '',
      ],
      [
        ANGSAU,
        2,
        "'K-0001",
        "'Ahmad Fauzi",
        "'630103******0001",
        "'L",
        ...place,
        2,
        4,
        4,
        2,
        65,
        10,
        '',
        'Cadangan',
        '',
      ],
      [
        ANGSAU,
        3,
        "'K-0005",
        "'+62 Rahmat",
        "'630103******0005",
        "'L",
        ...place,
        2,
        3,
        5,
        3,
        65,
        0,
        UNSEALED,
        'Tidak Lulus',
        'seri dengan K-0001, diputus oleh K1 (A)',
      ],
      [ANGSAU, '', "'K-0003", "'Budi", "'630103******0003", "'L", ...place, 1, 1, 5, 3, '', 0, '', 'TMS', ''],
      [
        JAWA,
        '',
        "'K-0004",
        "'Siti",
        "'630301******0004",
        "'P",
        "'Jawa",
        "'Martapura",
        "'Banjar",
        1,
        4,
        4,
        3,
        '',
        0,
        '',
        'Belum Lengkap',
        '',
      ],
    ]);
  });

  test('resultOrder gives the same order', () => {
    expect(resultOrder(ranking.candidates).map((c) => c.id)).toEqual([
      'K-0002',
      'K-0001',
      'K-0005',
      'K-0003',
      'K-0004',
    ]);
  });

  test('NIK in full when Samarkan data pribadi is Tidak', () => {
    const plain = report(ranking, { settings: { 'Samarkan data pribadi': 'Tidak' } });
    const rows = plain.slice(plain.findIndex((r) => r[0] === 'Unit') + 1);
    expect(rows.map((r) => r[4])).toEqual([
      "'6301035708900002",
      "'6301031708900001",
      "'6301031203910005",
      "'6301030101900003",
      "'6303014101950004",
    ]);
  });

  test('the agreement table: one row per regency, alpha rounded to 3 decimals', () => {
    // Tanah Laut: pairable candidates K-0001 [60, 70], K-0002 [80, 95], K-0005 [65, 65]; K-0003 [40] is alone.
    //   n = 6; D_o = (2·10² + 2·15² + 0) / 6 = 650 / 6 = 108.333
    //   Σv = 435, Σv² = 3600 + 4900 + 6400 + 9025 + 2·4225 = 32375
    //   D_e = (2·6·32375 − 2·435²) / (6·5) = (388500 − 378450) / 30 = 335
    //   alpha = 1 − 108.333 / 335 = 0.676617 → 0.677 (≥ 0.667: "cukup")
    // Banjar: one value, not pairable → cannot be computed; 0 candidates, 0 pairable values.
    // ("Jumlah nilai" counts pairable values: Tanah Laut's lone 40 for K-0003 is left out too.)
    const at = values.findIndex((r) => r[0] === 'Kabupaten/Kota');
    expect(values.slice(at, at + 3)).toEqual([
      pad(['Kabupaten/Kota', 'Alfa', 'Kandidat dengan ≥ 2 nilai', 'Jumlah nilai', 'Bacaan'], WIDTH),
      pad(["'Banjar", '–', 0, 0, 'belum dapat dihitung (nilai belum cukup)'], WIDTH),
      pad(["'Tanah Laut", 0.677, 3, 6, 'kesepakatan panel cukup; bahas kriteria yang sering berbeda'], WIDTH),
    ]);
    const raw = agreementByRegency(ranking.candidates);
    expect(raw.map((a) => [a.regency, a.units, a.values])).toEqual([
      ['Banjar', 0, 0],
      ['Tanah Laut', 3, 6],
    ]);
    expect(raw[1].alpha).toBeCloseTo(1 - 650 / 6 / 335, 12);
  });

  test('English headers', () => {
    const en = report(ranking, { lang: 'en' });
    expect(en.find((r) => r[0] === 'Unit')).toEqual([
      'Unit',
      'Rank',
      'ID',
      'Name',
      'NIK',
      'L/P',
      'Desa/Kelurahan',
      'Kecamatan',
      'Kabupaten/Kota',
      'Panelists',
      'K1 (mean)',
      'K2 (mean)',
      'K3 (mean)',
      'Final score',
      'Spread',
      'Flags',
      'Result',
      'Tie-break',
    ]);
    const k5 = en.find((r) => r[2] === "'K-0005");
    expect(k5?.slice(15)).toEqual([
      '1 score(s) edited by hand (seal mismatch), not counted until re-submitted',
      'Tidak Lulus',
      'tied with K-0001, broken by K1 (A)',
    ]);
  });
});

describe('formula-injection safety', () => {
  test('every user string on a candidate row starts with an apostrophe', () => {
    const nasty: Cand[] = [
      {
        id: '=1+1',
        name: '@SUM(A1)',
        nik: '-6301031708900001',
        sex: '+L',
        village: '=Angsau',
        district: '-Pelaihari',
        regency: '+Tanah Laut',
      },
    ];
    const ranking = run({
      candidates: nasty,
      scores: [score('=1+1', 'p1@panel.id', T[70]), score('=1+1', 'p2@panel.id', T[70])],
    });
    const values = report(ranking, { settings: { 'Samarkan data pribadi': 'Tidak' } });
    const row = values[values.findIndex((r) => r[0] === 'Unit') + 1];
    expect(row.slice(0, 9)).toEqual([
      "'=Angsau, Kec. -Pelaihari, +Tanah Laut (kuota 1)",
      1,
      "'=1+1",
      "'@SUM(A1)",
      "'-6301031708900001",
      "'+L",
      "'=Angsau",
      "'-Pelaihari",
      "'+Tanah Laut",
    ]);
    const agreement = values.find((r) => typeof r[0] === 'string' && r[0].includes('Tanah Laut') && r !== row);
    expect(agreement?.[0]).toBe("'+Tanah Laut");
  });
});

describe('resultOrder', () => {
  test('by unit label, then rank, then the unranked by result (Belum Lengkap before TMS), then ID numerically', () => {
    const ranking = run({
      candidates: [
        { id: 'K-10', status: 'TMS' },
        { id: 'K-9', status: 'TMS' },
        { id: 'K-8' }, // Belum Lengkap
        { id: 'K-7' }, // rank 2
        { id: 'K-6' }, // rank 1
        { id: 'K-5', village: 'Batilai', district: 'Takisung' }, // another unit, no scores
      ],
      scores: [
        score('K-8', 'p1@panel.id', T[70]),
        score('K-7', 'p1@panel.id', T[60]),
        score('K-7', 'p2@panel.id', T[60]),
        score('K-6', 'p1@panel.id', T[80]),
        score('K-6', 'p2@panel.id', T[80]),
      ],
    });
    // 'Angsau, Kec. Pelaihari, Tanah Laut' sorts before 'Batilai, Kec. Takisung, Tanah Laut'
    expect(resultOrder(ranking.candidates).map((c) => [c.id, c.rank, c.result])).toEqual([
      ['K-6', 1, 'Lulus'],
      ['K-7', 2, 'Cadangan'],
      ['K-8', undefined, 'Belum Lengkap'],
      ['K-9', undefined, 'TMS'],
      ['K-10', undefined, 'TMS'],
      ['K-5', undefined, 'Belum Lengkap'],
    ]);
  });
});

describe('Skor-z fallback is said on the tab', () => {
  test('one line per fallback panelist', () => {
    const ranking = run({
      settings: { 'Metode agregasi': 'Skor-z' },
      candidates: [{ id: 'K-0001' }, { id: 'K-0002' }],
      scores: [
        score('K-0001', 'f@panel.id', T[70]),
        score('K-0002', 'f@panel.id', T[80]),
        score('K-0001', 'g@panel.id', T[60]),
        score('K-0002', 'g@panel.id', T[60]),
      ],
    });
    // f: 2 scores; g: 2 scores, both fall back (fewer than 5)
    expect(ranking.fallbacks).toEqual([
      { email: 'f@panel.id', count: 2 },
      { email: 'g@panel.id', count: 2 },
    ]);
    const values = report(ranking, { settings: { 'Metode agregasi': 'Skor-z' } });
    expect(values.slice(4, 6).map((r) => r[0])).toEqual([
      'Skor-z: f@panel.id baru memberi 2 nilai (atau semua nilainya sama), jadi nilai mentahnya dipakai.',
      'Skor-z: g@panel.id baru memberi 2 nilai (atau semua nilainya sama), jadi nilai mentahnya dipakai.',
    ]);
    // raw totals used: K-0001 (70 + 60) / 2 = 65.0, K-0002 (80 + 60) / 2 = 70.0
    expect(ranking.candidates.map((c) => c.final)).toEqual([65, 70]);
  });
});
