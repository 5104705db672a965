/**
 * The summary tabs, `Rekap Seleksi` and `Rekap Kehadiran`, as layouts with their charts. Every
 * number is a count of rows on `Kandidat` or of rows on the `DH` tabs, grouped; totals are sums
 * of their parts, so the report reconciles with its sources.
 */
import { alphaReading } from './agreement';
import { asText } from './cells';
import type { CalendarDate } from './dates';
import { formatShortDate } from './dates';
import { A4_LANDSCAPE } from './printPages';
import {
  barChartHeight,
  type ChartSpec,
  countGridlines,
  type Layout,
  type LayoutBuilder,
  layoutBuilder,
  rectangular,
} from './layout';
import { formatNumber } from './text';
import { type Bilingual, type Lang, pick } from './types';
import { UNSUR } from './vocab';

export const SELECTION_SUMMARY_TAB = 'Rekap Seleksi';

/** The table of target villages to act on, here and on the national summary. */
export const ACTIONS_TITLE: Bilingual = {
  id: 'Perlu tindakan: desa sasaran tanpa kandidat atau dengan kelulusan di bawah kuota',
  en: 'To act on: target villages without candidates or with fewer passing than their quota',
};

export function actionsHeader(lang: Lang): string[] {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  return ['Provinsi', 'Kabupaten/Kota', 'Desa/Kelurahan', t('Kuota', 'Quota'), t('Terdaftar', 'Registered'), 'Lulus'];
}
export const ATTENDANCE_SUMMARY_TAB = 'Rekap Kehadiran';

const TOTAL_BG = '#f1f3f4';
/** The pie and the histogram: a fixed, readable size (ten bins, two or three slices). */
const SMALL_CHART_HEIGHT = 240;

/** One candidate as the summary sees it (already read from `Kandidat`). */
export interface SummaryCandidate {
  province: string;
  regency: string;
  village: string;
  sex: 'L' | 'P' | '';
  status: string;
  result: string;
  final: number | undefined;
}

export const METRICS = [
  { key: 'registered', id: 'Terdaftar', en: 'Registered', test: () => true },
  { key: 'MS', id: 'MS', en: 'MS', test: (c: SummaryCandidate) => c.status === 'MS' },
  { key: 'TMS', id: 'TMS', en: 'TMS', test: (c: SummaryCandidate) => c.status === 'TMS' },
  { key: 'check', id: 'Perlu Cek', en: 'Perlu Cek', test: (c: SummaryCandidate) => c.status === 'Perlu Cek' },
  { key: 'scored', id: 'Dinilai lengkap', en: 'Fully scored', test: (c: SummaryCandidate) => c.final !== undefined },
  { key: 'Lulus', id: 'Lulus', en: 'Lulus', test: (c: SummaryCandidate) => c.result === 'Lulus' },
  { key: 'Cadangan', id: 'Cadangan', en: 'Cadangan', test: (c: SummaryCandidate) => c.result === 'Cadangan' },
  {
    key: 'Tidak Lulus',
    id: 'Tidak Lulus',
    en: 'Tidak Lulus',
    test: (c: SummaryCandidate) => c.result === 'Tidak Lulus',
  },
  {
    key: 'Belum Lengkap',
    id: 'Belum Lengkap',
    en: 'Belum Lengkap',
    test: (c: SummaryCandidate) => c.result === 'Belum Lengkap',
  },
] as const;

/** Per metric: how many candidates (of one sex, when given) meet it. */
export function countMetrics(list: readonly SummaryCandidate[], sex?: 'L' | 'P'): number[] {
  const who = sex ? list.filter((c) => c.sex === sex) : list;
  return METRICS.map((m) => who.filter((c) => m.test(c)).length);
}

/**
 * Column widths of Rekap Seleksi: three place columns and one per metric, 940 px in all, inside
 * A4 landscape's 987 px at Sheets' Normal margins (core/printPages.ts), so it prints at 100 %.
 */
export const SELECTION_WIDTHS = [150, 130, 120, ...new Array<number>(METRICS.length).fill(60)];
/** Rekap Kehadiran: 940 px, A4 landscape. */
export const ATTENDANCE_SUMMARY_WIDTHS = [120, 170, 80, 120, 64, 64, 64, 64, 64, 130];
/** More bars than this and their labels no longer fit one per line on a printed chart. */
export const MAX_BAR_LABELS = 30;
/** Charts are as wide as the printed page allows, less a margin. */
const CHART_WIDTH = 640;

export interface VillageTarget {
  province: string;
  regency: string;
  village: string;
  quota: number;
  /** The key candidates of this village are grouped under. */
  key: string;
}

export interface SelectionSummaryInput {
  candidates: readonly SummaryCandidate[];
  /** Same order as `candidates`: the grouping key of each candidate's village. */
  keys: readonly string[];
  villages: readonly VillageTarget[];
  tmsReasons: ReadonlyArray<[string, number]>;
  /** Every objection on `Sanggah` with its candidate's regency and its written `Status Sanggah` (undefined: no tab). */
  objections?: ReadonlyArray<{ regency: string; status: string }>;
  agreement: ReadonlyArray<{ regency: string; alpha: number | undefined; units: number; values: number }> | undefined;
  notices: Bilingual[];
  lang: Lang;
  stamp: string;
}

/** Each candidate in exactly one bar segment: its result, or TMS / not ranked before any ranking. */
function stackOf(c: SummaryCandidate): string {
  if (c.result) return c.result;
  return c.status === 'TMS' ? 'TMS' : '';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function selectionSummary(input: SelectionSummaryInput): Layout {
  const { lang, candidates } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const b = layoutBuilder({ widths: SELECTION_WIDTHS, pageHeight: A4_LANDSCAPE.height });
  const charts: ChartSpec[] = [];
  b.text(t('Rekap Seleksi Calon Penyuluh Sosial', 'Selection Summary — Candidate Social Extension Workers'), {
    bold: true,
    fontSize: 14,
  });
  // Two lines at least: a "perlu diperbarui" notice takes this row's place when the sources change.
  const stampRow = b.text(
    t(
      `Dibuat ${input.stamp}. Tab ini dibuat ulang oleh menu Perbarui rekap.`,
      `Made ${input.stamp}. This tab is rebuilt by "Update summaries".`,
    ),
    {},
    2,
  );
  for (const notice of input.notices) b.text(pick(notice, lang), { italic: true });

  // Results per regency (feeds the stacked chart).
  const regencies = [...new Set(candidates.map((c) => c.regency || t('(kosong)', '(blank)')))].sort((a, c) =>
    a.localeCompare(c),
  );
  b.section(t('Hasil per kabupaten/kota', 'Results by regency'));
  const stacks = ['Lulus', 'Cadangan', 'Tidak Lulus', 'Belum Lengkap', 'TMS', ''];
  // Regencies down the side (a bar chart), one line each, so their names never overlap.
  const resultHeight = barChartHeight(regencies.length);
  const resultChart = b.reserveChart(resultHeight);
  const resultTop = b.header(['Kabupaten/Kota', ...stacks.slice(0, 5), t('Belum dihitung', 'Not ranked')]);
  b.formats.push({ row: resultTop + 1, column: 1, rows: Math.max(1, regencies.length), columns: 1, wrap: true });
  let tallestRegency = 0;
  for (const regency of regencies) {
    const list = candidates.filter((c) => (c.regency || t('(kosong)', '(blank)')) === regency);
    tallestRegency = Math.max(tallestRegency, list.length);
    b.push([asText(regency), ...stacks.map((stack) => list.filter((c) => stackOf(c) === stack).length)]);
  }
  charts.push({
    type: 'BAR',
    title: t('Kandidat dan hasil per kabupaten/kota', 'Candidates and results by regency'),
    ranges: [{ row: resultTop, column: 1, rows: regencies.length + 1, columns: 7 }],
    anchor: { row: resultChart, column: 1 },
    width: CHART_WIDTH,
    height: resultHeight,
    stacked: true,
    legend: 'bottom',
    gridlines: countGridlines(tallestRegency),
  });

  // Sex split of registered candidates (feeds the pie).
  b.section(t('Jenis kelamin (terdaftar)', 'Sex (registered)'));
  const sexChart = b.reserveChart(SMALL_CHART_HEIGHT);
  const sexTop = b.header([t('Jenis kelamin', 'Sex'), t('Jumlah', 'Count')]);
  const unknownSex = candidates.filter((c) => c.sex === '').length;
  b.push([t('Laki-laki (L)', 'Male (L)'), candidates.filter((c) => c.sex === 'L').length]);
  b.push([t('Perempuan (P)', 'Female (P)'), candidates.filter((c) => c.sex === 'P').length]);
  if (unknownSex) b.push([t('Tidak dikenali', 'Not recognised'), unknownSex]);
  charts.push({
    type: 'PIE',
    title: t('Kandidat menurut jenis kelamin', 'Candidates by sex'),
    ranges: [{ row: sexTop, column: 1, rows: unknownSex ? 4 : 3, columns: 2 }],
    anchor: { row: sexChart, column: 1 },
    width: 400,
    height: SMALL_CHART_HEIGHT,
    legend: 'right',
  });

  // Score distribution in bins of 10 (feeds the histogram).
  const finals = candidates.map((c) => c.final).filter((f): f is number => f !== undefined);
  b.section(t('Sebaran skor akhir', 'Final score distribution'));
  const binChart = b.reserveChart(SMALL_CHART_HEIGHT);
  const binTop = b.header([t('Rentang skor', 'Score range'), t('Kandidat', 'Candidates')]);
  let tallest = 0;
  for (let lo = 0; lo < 100; lo += 10) {
    const hi = lo + 10;
    const n = finals.filter((f) => f >= lo && (hi === 100 ? f <= 100 : f < hi)).length;
    tallest = Math.max(tallest, n);
    b.push([asText(`${lo}–${formatNumber(hi === 100 ? 100 : hi - 0.1, lang)}`), n]);
  }
  charts.push({
    type: 'COLUMN',
    title: t('Sebaran skor akhir', 'Final score distribution'),
    ranges: [{ row: binTop, column: 1, rows: 11, columns: 2 }],
    anchor: { row: binChart, column: 1 },
    width: CHART_WIDTH,
    height: SMALL_CHART_HEIGHT,
    legend: 'none',
    gridlines: countGridlines(tallest),
  });

  // The regional table with subtotals, once for everyone and once per sex: 9 counts a row fit
  // the printed page, where 27 in one row did not.
  const groups = new Map<string, { province: string; regency: string; village: string; list: SummaryCandidate[] }>();
  candidates.forEach((c, i) => {
    const key = input.keys[i];
    const g = groups.get(key) ?? { province: c.province, regency: c.regency, village: c.village, list: [] };
    g.list.push(c);
    groups.set(key, g);
  });
  const byProvince = new Map<string, Map<string, Array<{ village: string; list: SummaryCandidate[] }>>>();
  for (const g of [...groups.values()].sort(
    (a, c) =>
      a.province.localeCompare(c.province) || a.regency.localeCompare(c.regency) || a.village.localeCompare(c.village),
  )) {
    const regs = byProvince.get(g.province) ?? new Map();
    const villages = regs.get(g.regency) ?? [];
    villages.push({ village: g.village, list: g.list });
    regs.set(g.regency, villages);
    byProvince.set(g.province, regs);
  }
  const regionalTables: Array<[string, 'L' | 'P' | undefined]> = [
    [
      t('Per provinsi, kabupaten/kota dan desa — semua kandidat', 'By province, regency and village — all candidates'),
      undefined,
    ],
    [t('Per provinsi, kabupaten/kota dan desa — laki-laki (L)', 'By province, regency and village — men (L)'), 'L'],
    [t('Per provinsi, kabupaten/kota dan desa — perempuan (P)', 'By province, regency and village — women (P)'), 'P'],
  ];
  for (const [title, sex] of regionalTables) {
    b.section(title);
    regionalTable(b, byProvince, candidates, sex, lang);
  }

  // What a coordinator must act on.
  b.section(pick(ACTIONS_TITLE, lang));
  b.header([...actionsHeader(lang), t('Keterangan', 'Note')]);
  const hasResults = candidates.some((c) => c.result !== '');
  let actions = 0;
  for (const v of input.villages) {
    const list = groups.get(v.key)?.list ?? [];
    const passed = list.filter((c) => c.result === 'Lulus').length;
    if (list.length === 0)
      b.push([
        asText(v.province),
        asText(v.regency),
        asText(v.village),
        v.quota,
        0,
        0,
        t('belum ada kandidat', 'no candidate yet'),
      ]);
    else if (hasResults && passed < v.quota)
      b.push([
        asText(v.province),
        asText(v.regency),
        asText(v.village),
        v.quota,
        list.length,
        passed,
        t('kelulusan di bawah kuota', 'fewer passing than the quota'),
      ]);
    else continue;
    actions++;
  }
  if (actions === 0)
    b.push([
      input.villages.length
        ? t('Tidak ada.', 'None.')
        : t('Tab Desa Sasaran kosong.', 'The Desa Sasaran tab is empty.'),
    ]);

  // A reason takes the three place columns, so its text is not cut by the count beside it.
  b.section(t('Alasan TMS terbanyak', 'Most frequent TMS reasons'));
  b.header([t('Alasan', 'Reason'), '', '', t('Kandidat TMS', 'TMS candidates')]);
  b.formats.push({ row: b.rows.length, column: 1, rows: 1, columns: 3, merge: true });
  if (input.tmsReasons.length === 0) b.push([t('Belum ada kandidat TMS.', 'No TMS candidates.')]);
  for (const [reason, n] of input.tmsReasons) b.push([asText(reason), '', '', n], { columns: 3, merge: true });

  objectionTable(b, input.objections ?? [], lang);

  b.section(t('Skor akhir per kabupaten/kota', 'Final scores by regency'));
  b.header(['Kabupaten/Kota', t('Dinilai', 'Scored'), t('Rata-rata', 'Mean'), 'Median', 'Min', t('Maks', 'Max')]);
  for (const regency of regencies) {
    const scores = candidates
      .filter((c) => (c.regency || t('(kosong)', '(blank)')) === regency && c.final !== undefined)
      .map((c) => c.final as number);
    b.push(
      scores.length
        ? [
            asText(regency),
            scores.length,
            round1(scores.reduce((a, x) => a + x, 0) / scores.length),
            round1(median(scores)),
            scores.reduce((a, x) => Math.min(a, x), Infinity),
            scores.reduce((a, x) => Math.max(a, x), -Infinity),
          ]
        : [asText(regency), 0, '', '', '', ''],
    );
  }

  b.section(t('Kesepakatan panel (alfa Krippendorff, interval)', "Panel agreement (Krippendorff's alpha, interval)"));
  b.header([
    'Kabupaten/Kota',
    t('Alfa', 'Alpha'),
    t('Kandidat dengan ≥ 2 nilai', 'Candidates with ≥ 2 scores'),
    t('Jumlah nilai', 'Scores'),
    t('Bacaan', 'Reading'),
  ]);
  if (!input.agreement) b.push([t('Belum ada penilaian panel.', 'No panel scores yet.')]);
  for (const a of input.agreement ?? [])
    b.push([
      asText(a.regency),
      a.alpha === undefined ? '–' : Math.round(a.alpha * 1000) / 1000,
      a.units,
      a.values,
      pick(alphaReading(a.alpha), lang),
    ]);

  return {
    values: rectangular(b.rows),
    formats: b.formats,
    widths: SELECTION_WIDTHS,
    frozenRows: 0,
    charts,
    rowHeights: b.rowHeights(),
    stamp: { row: stampRow, lang },
    note: t(
      'Dibuat oleh add-on Seleksi & FGD (menu Perbarui rekap). Isi dan grafik tab ini diganti setiap kali rekap diperbarui.',
      'Generated by the Seleksi & FGD add-on (Update summaries). Its content and charts are replaced on every update.',
    ),
  };
}

/**
 * Objections per regency: received, then one column per `Status Sanggah` (a row Proses sanggah has
 * not judged yet counts as waiting), and a total row. Each row's parts add up to its received count.
 */
function objectionTable(
  b: LayoutBuilder,
  objections: ReadonlyArray<{ regency: string; status: string }>,
  lang: Lang,
): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  b.section(t('Sanggah per kabupaten/kota', 'Objections by regency'));
  b.header([
    'Kabupaten/Kota',
    '',
    '',
    t('Masuk', 'Received'),
    t('Diterima', 'Accepted'),
    t('Ditolak', 'Rejected'),
    t('Terlambat', 'Late'),
    t('Tidak sah', 'Invalid'),
    t('Menunggu', 'Waiting'),
  ]);
  b.formats.push({ row: b.rows.length, column: 1, rows: 1, columns: 3, merge: true });
  if (objections.length === 0) {
    b.push([t('Belum ada sanggahan.', 'No objections yet.')]);
    return;
  }
  const counts = (list: ReadonlyArray<{ status: string }>) => {
    const decided = OBJECTION_COLUMNS.map((s) => list.filter((o) => o.status === s).length);
    return [list.length, ...decided, list.length - decided.reduce((a, n) => a + n, 0)];
  };
  const regencies = [...new Set(objections.map((o) => o.regency))].sort((a, c) => a.localeCompare(c));
  for (const regency of regencies)
    b.push([asText(regency), '', '', ...counts(objections.filter((o) => o.regency === regency))], {
      columns: 3,
      merge: true,
    });
  const total = b.push([t('Jumlah', 'Total'), '', '', ...counts(objections)], { columns: 3, merge: true });
  b.formats.push({ row: total, column: 1, rows: 1, columns: 9, bold: true, background: TOTAL_BG });
}

/** The decided statuses, in the table's order; anything else (Menunggu, or not judged yet) is waiting. */
const OBJECTION_COLUMNS = ['Diterima', 'Ditolak', 'Terlambat', 'Tidak sah'];

type Place = Map<string, Map<string, Array<{ village: string; list: SummaryCandidate[] }>>>;

/** Villages, regency and province subtotals and the grand total, counted for one sex or everyone. */
function regionalTable(
  b: LayoutBuilder,
  byProvince: Place,
  candidates: readonly SummaryCandidate[],
  sex: 'L' | 'P' | undefined,
  lang: Lang,
): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const columns = 3 + METRICS.length;
  const top = b.header(['Provinsi', 'Kabupaten/Kota', 'Desa/Kelurahan', ...METRICS.map((m) => pick(m, lang))]);
  for (const [province, regs] of byProvince) {
    const provinceList: SummaryCandidate[] = [];
    for (const [regency, villages] of regs) {
      const regencyList: SummaryCandidate[] = [];
      for (const v of villages) {
        b.push([asText(province), asText(regency), asText(v.village), ...countMetrics(v.list, sex)]);
        regencyList.push(...v.list);
      }
      b.push([asText(province), asText(`${t('Jumlah', 'Total')} ${regency}`), '', ...countMetrics(regencyList, sex)], {
        bold: true,
        background: TOTAL_BG,
        columns,
      });
      provinceList.push(...regencyList);
    }
    b.push([asText(`${t('Jumlah', 'Total')} ${province}`), '', '', ...countMetrics(provinceList, sex)], {
      bold: true,
      background: TOTAL_BG,
      columns,
    });
  }
  b.push([t('JUMLAH SELURUHNYA', 'GRAND TOTAL'), '', '', ...countMetrics(candidates, sex)], {
    bold: true,
    background: '#d9ead3',
    columns,
  });
  // Long place names wrap (Sheets grows those rows) instead of being cut by the counts beside them.
  b.formats.push({ row: top + 1, column: 1, rows: b.rows.length - top, columns: 3, wrap: true, vertical: 'top' });
}

/** One session as the attendance summary sees it. */
export interface SessionAttendance {
  code: string;
  name: string;
  date: CalendarDate;
  regency: string;
  /** Undefined when the session has no DH tab yet. */
  rows: Array<{ sex: string; unsur: string; ticked: boolean }> | undefined;
}

export function attendanceSummary(input: {
  sessions: readonly SessionAttendance[];
  lang: Lang;
  stamp: string;
  notices: Bilingual[];
}): Layout {
  const { lang, sessions } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const b = layoutBuilder({ widths: ATTENDANCE_SUMMARY_WIDTHS, pageHeight: A4_LANDSCAPE.height });
  const charts: ChartSpec[] = [];
  b.text(t('Rekap Kehadiran', 'Attendance Summary'), { bold: true, fontSize: 14 });
  const stampRow = b.text(
    t(
      `Dibuat ${input.stamp}. Tab ini dibuat ulang oleh menu Perbarui rekap. Sesi yang belum dicentang ditandai "belum diisi", bukan 0%.`,
      `Made ${input.stamp}. Rebuilt by "Update summaries". Sessions with no ticks yet are marked "not filled in", not 0%.`,
    ),
    {},
    2,
  );
  for (const notice of input.notices) b.text(pick(notice, lang), { italic: true });

  const filled = (s: SessionAttendance) => (s.rows ?? []).some((r) => r.ticked);
  b.section(t('Per sesi', 'By session'));
  // Sessions down the side of a bar chart, one line each: 28 sessions stay readable; beyond
  // MAX_BAR_LABELS the chart shows regencies instead, which the regency table below holds.
  const sessionCount = Math.max(1, sessions.length);
  const regencies = [...new Set(sessions.map((s) => s.regency))].sort((a, c) => a.localeCompare(c));
  const bySession = sessions.length <= MAX_BAR_LABELS;
  const rateHeight = barChartHeight(bySession ? sessionCount : regencies.length);
  const rateChart = b.reserveChart(rateHeight);
  const header = [
    t('Kode Sesi', 'Session'),
    t('Kegiatan', 'Activity'),
    t('Tanggal', 'Date'),
    'Kabupaten/Kota',
    t('Diundang', 'Invited'),
    t('Hadir', 'Attended'),
    t('Tingkat kehadiran', 'Attendance rate'),
    t('Hadir L', 'Attended M'),
    t('Hadir P', 'Attended F'),
    t('Status', 'Status'),
  ];
  const sessionTop = b.header(header);
  b.formats.push({ row: sessionTop + 1, column: 1, rows: sessionCount, columns: 4, wrap: true, vertical: 'top' });
  for (const s of sessions) {
    const rows = s.rows ?? [];
    const came = rows.filter((r) => r.ticked);
    const status = !s.rows
      ? t('daftar hadir belum dibuat', 'no attendance sheet yet')
      : filled(s)
        ? t('terisi', 'filled in')
        : t('belum diisi', 'not filled in');
    b.push([
      asText(s.code),
      asText(s.name),
      asText(formatShortDate(s.date)),
      asText(s.regency),
      rows.length,
      filled(s) ? came.length : '',
      filled(s) && rows.length ? came.length / rows.length : '',
      filled(s) ? came.filter((r) => r.sex === 'L').length : '',
      filled(s) ? came.filter((r) => r.sex === 'P').length : '',
      status,
    ]);
  }
  if (sessions.length === 0) b.push([t('Belum ada sesi di tab Sesi.', 'No sessions on the Sesi tab yet.')]);
  b.formats.push({ row: sessionTop + 1, column: 7, rows: sessionCount, columns: 1, numberFormat: '0%' });
  // Who came, by group, per session: its own table, so the one above fits the printed page.
  b.section(t('Hadir menurut unsur, per sesi', 'Attended by participant group, per session'));
  b.header([t('Kode Sesi', 'Session'), ...UNSUR]);
  for (const s of sessions) {
    const came = (s.rows ?? []).filter((r) => r.ticked);
    b.push([asText(s.code), ...UNSUR.map((u) => (filled(s) ? came.filter((r) => r.unsur === u).length : ''))]);
  }

  b.section(t('Per kabupaten/kota (sesi yang sudah diisi)', 'By regency (sessions filled in)'));
  const regTop = b.header([
    'Kabupaten/Kota',
    t('Sesi', 'Sessions'),
    t('Sesi terisi', 'Filled in'),
    t('Diundang', 'Invited'),
    t('Hadir', 'Attended'),
    t('Tingkat kehadiran', 'Attendance rate'),
    t('Hadir L', 'Attended M'),
    t('Hadir P', 'Attended F'),
  ]);
  for (const regency of regencies) {
    const list = sessions.filter((s) => s.regency === regency);
    const done = list.filter(filled);
    // Invited means on a sheet, ticked or not; the rate is over the sessions whose ticks are in.
    const invited = list.reduce((n, s) => n + (s.rows?.length ?? 0), 0);
    const invitedToDone = done.reduce((n, s) => n + (s.rows?.length ?? 0), 0);
    const came = done.flatMap((s) => (s.rows ?? []).filter((r) => r.ticked));
    b.push([
      asText(regency),
      list.length,
      done.length,
      invited,
      done.length ? came.length : '',
      done.length && invitedToDone ? came.length / invitedToDone : '',
      done.length ? came.filter((r) => r.sex === 'L').length : '',
      done.length ? came.filter((r) => r.sex === 'P').length : '',
    ]);
  }
  b.formats.push({ row: regTop + 1, column: 6, rows: Math.max(1, regencies.length), columns: 1, numberFormat: '0%' });
  const rateRows = bySession
    ? { top: sessionTop, rows: sessionCount, rate: 7 }
    : { top: regTop, rows: regencies.length, rate: 6 };
  charts.push({
    type: 'BAR',
    title: bySession
      ? t('Tingkat kehadiran per sesi', 'Attendance rate by session')
      : t('Tingkat kehadiran per kabupaten/kota', 'Attendance rate by regency'),
    ranges: [
      { row: rateRows.top, column: 1, rows: rateRows.rows + 1, columns: 1 },
      { row: rateRows.top, column: rateRows.rate, rows: rateRows.rows + 1, columns: 1 },
    ],
    anchor: { row: rateChart, column: 1 },
    width: CHART_WIDTH,
    height: rateHeight,
    valueFormat: '0%',
    legend: 'none',
  });

  b.section(t('Menurut unsur (semua daftar hadir)', 'By participant group (all attendance sheets)'));
  const unsurHeight = barChartHeight(UNSUR.length);
  const unsurChart = b.reserveChart(unsurHeight);
  const unsurTop = b.header(['Unsur', t('Diundang', 'Invited'), t('Hadir', 'Attended')]);
  const all = sessions.flatMap((s) => s.rows ?? []);
  for (const u of UNSUR)
    b.push([u, all.filter((r) => r.unsur === u).length, all.filter((r) => r.unsur === u && r.ticked).length]);
  const most = UNSUR.reduce((m, u) => Math.max(m, all.filter((r) => r.unsur === u).length), 0);
  charts.push({
    type: 'BAR',
    title: t('Peserta menurut unsur', 'Participants by group'),
    ranges: [{ row: unsurTop, column: 1, rows: UNSUR.length + 1, columns: 3 }],
    anchor: { row: unsurChart, column: 1 },
    width: CHART_WIDTH,
    height: unsurHeight,
    legend: 'bottom',
    gridlines: countGridlines(most),
  });

  return {
    values: rectangular(b.rows),
    formats: b.formats,
    widths: ATTENDANCE_SUMMARY_WIDTHS,
    frozenRows: 0,
    charts,
    rowHeights: b.rowHeights(),
    stamp: { row: stampRow, lang },
    note: t(
      'Dibuat oleh add-on Seleksi & FGD (menu Perbarui rekap) dari tab Sesi dan tab DH. Isi dan grafik tab ini diganti setiap kali rekap diperbarui.',
      'Generated by the Seleksi & FGD add-on (Update summaries) from the Sesi and DH tabs. Its content and charts are replaced on every update.',
    ),
  };
}
