/**
 * `Hasil Seleksi` as a layout: the method and its parameters, panel agreement per regency, then
 * one table of every candidate per quota unit in rank order, with everything each number rests
 * on. Personal data is masked by default; user text is written as text.
 */
import { alphaReading, krippendorffAlphaInterval } from './agreement';
import { asText } from './cells';
import { type Layout, layoutBuilder, rectangular } from './layout';
import { showPersonal } from './privacy';
import type { Ranking, RankedCandidate, SelectionResult } from './ranking';
import type { Rubric } from './rubric';
import type { Settings } from './settings';
import { formatNumber } from './text';
import { type Bilingual, type Lang, pick } from './types';
import { placeKey } from './validation/villages';

export const RESULTS_TAB = 'Hasil Seleksi';

const RESULT_COLOUR: Record<SelectionResult, string> = {
  Lulus: '#b7e1cd',
  Cadangan: '#c9daf8',
  'Tidak Lulus': '#ffffff',
  'Belum Lengkap': '#fce8b2',
  TMS: '#f4c7c3',
};

const ORDER: Record<SelectionResult, number> = { Lulus: 0, Cadangan: 1, 'Tidak Lulus': 2, 'Belum Lengkap': 3, TMS: 4 };

export interface ResultsInput {
  ranking: Ranking;
  rubric: Rubric;
  settings: Settings;
  lang: Lang;
  stamp: string;
  notices: Bilingual[];
}

/** Candidates in the order the table lists them: by unit, then rank, then the unranked. */
export function resultOrder(candidates: readonly RankedCandidate[]): RankedCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      a.unit.label.localeCompare(b.unit.label) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      ORDER[a.result] - ORDER[b.result] ||
      a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
}

export function agreementByRegency(
  candidates: readonly RankedCandidate[],
): Array<{ regency: string; alpha: number | undefined; units: number; values: number }> {
  const groups = new Map<string, { regency: string; units: number[][] }>();
  for (const c of candidates) {
    const key = placeKey(c.unit.regency);
    const g = groups.get(key) ?? { regency: c.unit.regency, units: [] };
    g.units.push(c.totals.map((t) => t.total));
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.regency.localeCompare(b.regency))
    .map((g) => ({ regency: g.regency, ...krippendorffAlphaInterval(g.units) }));
}

export function resultsReport(input: ResultsInput): Layout {
  const { ranking, rubric, settings, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const codes = rubric.criteria.map((c) => c.code);
  const widths = [230, 70, 70, 180, 140, 40, 130, 120, 150, 70, ...codes.map(() => 70), 70, 60, 260, 100, 260];
  // Printed fitted to width, so its pages are not planned; the builder measures its title lines.
  const b = layoutBuilder({ widths, pageHeight: Infinity });

  b.text(t('Hasil Seleksi Calon Penyuluh Sosial', 'Selection Results — Candidate Social Extension Workers'), {
    bold: true,
    fontSize: 14,
  });
  b.text(String(asText(settings.activityName)));
  // A "perlu diperbarui" notice takes this row's place, across the page, when the sources change.
  const stampRow = b.text(
    t(
      `Dibuat ${input.stamp}. Tab ini dibuat ulang oleh menu Hitung skor & peringkat.`,
      `Made ${input.stamp}. This tab is rebuilt by "Compute scores & ranking".`,
    ),
  );
  const quotaText =
    settings.quotaUnit === 'Desa'
      ? t(
          `${settings.quotaPerUnit} per desa (kolom Kuota di Desa Sasaran menggantikan)`,
          `${settings.quotaPerUnit} per village (the Kuota column on Desa Sasaran overrides)`,
        )
      : `${settings.quotaPerUnit} per ${settings.quotaUnit}`;
  b.push([
    t(
      `Metode: ${settings.aggregation}; ambang lulus ${formatNumber(settings.passMark, 'id')}; minimal ${settings.minPanelists} penilai; kuota ${quotaText}; cadangan ${settings.reserves}; batas selisih penilai ${formatNumber(settings.spreadLimit, 'id')}. Urutan penentu seri: ${chainText(rubric, 'id')}.`,
      `Method: ${settings.aggregation}; pass mark ${formatNumber(settings.passMark, 'en')}; at least ${settings.minPanelists} panelists; quota ${quotaText}; reserves ${settings.reserves}; panel spread limit ${formatNumber(settings.spreadLimit, 'en')}. Tie-break order: ${chainText(rubric, 'en')}.`,
    ),
  ]);
  for (const notice of input.notices) b.push([pick(notice, lang)]);
  for (const f of ranking.fallbacks) {
    b.push([
      t(
        `Skor-z: ${f.email} baru memberi ${f.count} nilai (atau semua nilainya sama), jadi nilai mentahnya dipakai.`,
        `Z-scores: ${f.email} has given only ${f.count} score(s) (or all equal), so their raw totals are used.`,
      ),
    ]);
  }

  b.push([]);
  b.push([t('Kesepakatan panel (alfa Krippendorff, interval)', "Panel agreement (Krippendorff's alpha, interval)")], {
    bold: true,
  });
  b.header([
    'Kabupaten/Kota',
    t('Alfa', 'Alpha'),
    t('Kandidat dengan ≥ 2 nilai', 'Candidates with ≥ 2 scores'),
    t('Jumlah nilai', 'Scores'),
    t('Bacaan', 'Reading'),
  ]);
  for (const a of agreementByRegency(ranking.candidates)) {
    b.push([
      asText(a.regency),
      a.alpha === undefined ? '–' : Math.round(a.alpha * 1000) / 1000,
      a.units,
      a.values,
      pick(alphaReading(a.alpha), lang),
    ]);
  }

  b.push([]);
  const header = [
    'Unit',
    t('Peringkat', 'Rank'),
    'ID',
    t('Nama', 'Name'),
    'NIK',
    'L/P',
    'Desa/Kelurahan',
    'Kecamatan',
    'Kabupaten/Kota',
    t('Jumlah Penilai', 'Panelists'),
    ...codes.map((c) => `${c} (${t('rata-rata', 'mean')})`),
    t('Skor Akhir', 'Final score'),
    t('Selisih', 'Spread'),
    t('Tanda', 'Flags'),
    t('Hasil', 'Result'),
    t('Penentu Seri', 'Tie-break'),
  ];
  b.header(header, { wrap: true });
  const tableStart = b.rows.length + 1;
  const ordered = resultOrder(ranking.candidates);
  for (const c of ordered) {
    const r = c.record;
    b.push([
      asText(`${c.unit.label} (${t('kuota', 'quota')} ${c.unit.quota})`),
      c.rank ?? '',
      asText(c.id),
      asText(r.text('Nama Lengkap')),
      asText(showPersonal('NIK', r.value('NIK'), r.text('NIK'), settings.maskPersonalData)),
      asText(r.text('Jenis Kelamin')),
      asText(r.text('Desa/Kelurahan')),
      asText(r.text('Kecamatan')),
      asText(r.text('Kabupaten/Kota')),
      c.totals.length,
      ...codes.map((code) =>
        c.criterionMeans[code] === undefined ? '' : Math.round((c.criterionMeans[code] as number) * 100) / 100,
      ),
      c.final ?? '',
      c.spread === undefined ? '' : Math.round(c.spread * 10) / 10,
      c.flags.map((f) => pick(f, lang)).join('; '),
      c.result,
      c.tieBreak ? pick(c.tieBreak, lang) : '',
    ]);
  }
  const count = Math.max(1, ordered.length);
  const finalCol = 11 + codes.length;
  b.formats.push({ row: tableStart, column: 11, rows: count, columns: codes.length, numberFormat: '0.00' });
  b.formats.push({ row: tableStart, column: finalCol, rows: count, columns: 2, numberFormat: '0.0' });
  const resultCol = finalCol + 3;
  const layout: Layout = {
    values: rectangular(b.rows),
    formats: b.formats,
    backgrounds: [
      {
        row: tableStart,
        column: resultCol,
        colors: (ordered.length ? ordered : []).map((c) => [RESULT_COLOUR[c.result]]),
      },
    ],
    widths,
    rowHeights: b.rowHeights(),
    frozenRows: 0,
    stamp: { row: stampRow, lang },
    note: t(
      'Dibuat oleh add-on Seleksi & FGD (menu Hitung skor & peringkat). NIK disamarkan. Isi tab ini diganti setiap kali dihitung ulang.',
      'Generated by the Seleksi & FGD add-on (Compute scores & ranking). NIKs are masked. The content is replaced on every run.',
    ),
  };
  return layout;
}

function chainText(rubric: Rubric, lang: Lang): string {
  const steps = [
    ...rubric.tieBreakers.map((c) => c.code),
    lang === 'en' ? 'earlier Tanggal Daftar' : 'Tanggal Daftar lebih awal',
    'ID',
  ];
  return steps.join(' → ');
}
