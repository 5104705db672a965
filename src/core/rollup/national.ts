/**
 * The coordinator's side of the national roll-up, as pure rules: what is kept of each regency's
 * package (the archive rows), which archived rows count (the last block read of each source's
 * current package — so a batch retried after a failure never counts twice), and the
 * `Rekap Nasional` and `Daftar Lulus Nasional` tabs built from them.
 */
import { asText } from '../cells';
import { A4_LANDSCAPE } from '../printPages';
import {
  type ChartSpec,
  type Layout,
  type LayoutBuilder,
  barChartHeight,
  countGridlines,
  layoutBuilder,
  rectangular,
} from '../layout';
import { alphaReading } from '../agreement';
import { ACTIONS_TITLE, METRICS, SELECTION_WIDTHS, actionsHeader } from '../summaries';
import { cellText, formatNumber } from '../text';
import { type CellValue, type Grid, type Lang, pick } from '../types';
import {
  type PanelFigures,
  type RegencyPackage,
  type VillageFigures,
  countsAt,
  panelCells,
  readPanelCells,
  readVillageCells,
  villageCells,
} from './package';

export const NATIONAL_TAB = 'Rekap Nasional';
export const NATIONAL_PASS_TAB = 'Daftar Lulus Nasional';
/** Where each source's last reading is kept (generated, hidden): one block of rows per reading. */
export const ARCHIVE_TAB = 'Arsip Rekap';
export const ARCHIVE_PASS_TAB = 'Arsip Lulus';

const N = METRICS.length;
const REGISTERED = 0;
const LULUS = METRICS.findIndex((m) => m.key === 'Lulus');

/** Where each regency workbook stands once read (the `Status` column of `Sumber Rekap`). */
export const SOURCE_STATUS = {
  read: 'Terbaca',
  unchanged: 'Tidak berubah',
  unreachable: 'Tidak dapat dibuka',
  notAddon: 'Bukan workbook add-on',
  notSummarised: 'Belum ada rekap',
  older: 'Versi lama',
  newer: 'Versi lebih baru',
  edited: 'Diubah manual',
  badUrl: 'URL tidak dikenali',
  duplicate: 'Ganda',
} as const;

/** A source's reading is archived under this key: the source and the package's checksum. */
export function archiveKey(source: string, version: string): string {
  return `${source}|${version}`;
}

/** The short form of a package checksum kept on `Sumber Rekap` (`Versi Data`). */
export function shortVersion(checksum: string): string {
  return checksum.slice(0, 16);
}

const sum = (rows: readonly number[][]): number[] =>
  rows.reduce((acc, r) => acc.map((v, i) => v + (r[i] ?? 0)), new Array<number>(N).fill(0));

/**
 * What the coordinator keeps of one package: per regency its counts (all, L, P), the target
 * villages to act on, the panel agreement, attendance per session name and unsur, the TMS
 * reasons — and per village only when asked. The passing list goes to its own archive.
 */
export function archiveRows(key: string, pkg: RegencyPackage, byVillage: boolean): { summary: Grid; passed: Grid } {
  const summary: Grid = [];
  const regencies = new Map<string, { province: string; regency: string; villages: RegencyPackage['villages'] }>();
  for (const v of pkg.villages) {
    const id = `${v.province}\u0000${v.regency}`;
    const entry = regencies.get(id) ?? { province: v.province, regency: v.regency, villages: [] };
    entry.villages.push(v);
    regencies.set(id, entry);
  }
  for (const { province, regency, villages } of regencies.values()) {
    const targets = villages.filter((v) => v.quota !== undefined);
    summary.push([
      key,
      'kab',
      province,
      regency,
      targets.length,
      targets.reduce((n, v) => n + (v.quota ?? 0), 0),
      ...sum(villages.map((v) => v.all)),
      ...sum(villages.map((v) => v.men)),
      ...sum(villages.map((v) => v.women)),
    ]);
    for (const v of targets)
      if (v.all[REGISTERED] === 0 || v.all[LULUS] < (v.quota ?? 0))
        summary.push([key, 'aksi', province, regency, v.village, v.quota ?? 0, v.all[REGISTERED], v.all[LULUS]]);
    if (byVillage) for (const v of villages) summary.push([key, 'desa', ...villageCells(v)]);
  }
  for (const p of pkg.panel) summary.push([key, 'panel', ...panelCells(p)]);
  const attendance = new Map<string, number[]>();
  const sessionsSeen = new Set<string>();
  for (const s of pkg.sessions) {
    const id = [s.regency, s.name, s.unsur].join('\u0000');
    const row = attendance.get(id) ?? [0, 0, 0, 0, 0];
    // invited (all sessions), invited and attended (sessions someone ticked), sessions, filled sessions
    row[0] += s.invited;
    if (s.filled) {
      row[1] += s.invited;
      row[2] += s.attended;
    }
    const session = `${id}\u0000${s.code}`;
    if (!sessionsSeen.has(session)) {
      sessionsSeen.add(session);
      row[3] += 1;
      if (s.filled) row[4] += 1;
    }
    attendance.set(id, row);
  }
  for (const [id, row] of attendance) {
    const [regency, name, unsur] = id.split('\u0000');
    summary.push([key, 'hadir', '', regency, name, unsur, ...row]);
  }
  for (const [reason, count] of pkg.reasons) summary.push([key, 'alasan', '', '', reason, count]);
  const passed: Grid = pkg.passed.map((c) => [
    key,
    c.province,
    c.regency,
    c.village,
    c.id,
    c.name,
    c.nik,
    c.result,
    c.rank ?? '',
    c.score ?? '',
  ]);
  return { summary, passed };
}

/**
 * The archived rows that count: for each key still current (a source's latest package), only the
 * last block of rows archived under it. A reading archived twice (a batch that failed after its
 * rows were written, then ran again) is counted once; readings superseded by a newer package are
 * not counted at all. Also says whether anything was left out (the archive can then be compacted).
 */
export function currentRows(rows: Grid, current: ReadonlySet<string>): { rows: Grid; stale: boolean } {
  const keep = currentMask(rows, current);
  const kept = rows.filter((_, i) => keep[i]);
  return { rows: kept, stale: kept.length !== rows.length };
}

/** Which of the archived rows count (see currentRows), row by row. */
function currentMask(rows: Grid, current: ReadonlySet<string>): boolean[] {
  const lastBlock = new Map<string, number>();
  let blockStart = 0;
  rows.forEach((row, i) => {
    const key = cellText(row[0]);
    if (i === 0 || key !== cellText(rows[i - 1][0])) blockStart = i;
    if (current.has(key)) lastBlock.set(key, blockStart);
  });
  return rows.map((row, i) => {
    const key = cellText(row[0]);
    const start = lastBlock.get(key);
    if (start === undefined || i < start) return false;
    // Rows of the last block only: it ends where another key begins.
    for (let j = start; j < i; j++) if (cellText(rows[j][0]) !== key) return false;
    return true;
  });
}

/**
 * The archived rows that no longer count, as runs of consecutive rows (1-based, the archive's first
 * row being row 1), last run first: the order to delete them in without moving the runs still to
 * delete. A source read again leaves its old block as one run.
 */
export function staleRuns(rows: Grid, current: ReadonlySet<string>): Array<{ row: number; rows: number }> {
  const keep = currentMask(rows, current);
  const runs: Array<{ row: number; rows: number }> = [];
  keep.forEach((kept, i) => {
    if (kept) return;
    const last = runs[runs.length - 1];
    if (last && last.row + last.rows === i + 1) last.rows++;
    else runs.push({ row: i + 1, rows: 1 });
  });
  return runs.reverse();
}

// ---- The national tabs -------------------------------------------------------------------------

/** How one source stands after an update, as `Sumber Rekap` and the sources table say it. */
export interface SourceStatus {
  province: string;
  regency: string;
  status: string;
  read: string;
  note: string;
}

interface RegencyRow {
  province: string;
  regency: string;
  targets: number;
  quota: number;
  all: number[];
  men: number[];
  women: number[];
}

const num = (v: CellValue | undefined): number => (typeof v === 'number' ? v : Number(cellText(v ?? '')) || 0);

/** The figures the national tab shows, read back from the current archive rows. */
export interface NationalFigures {
  regencies: RegencyRow[];
  villages: VillageFigures[];
  actions: Array<{
    province: string;
    regency: string;
    village: string;
    quota: number;
    registered: number;
    lulus: number;
  }>;
  panel: PanelFigures[];
  attendance: Array<{
    regency: string;
    name: string;
    unsur: string;
    invited: number;
    invitedFilled: number;
    attended: number;
    sessions: number;
    filled: number;
  }>;
  reasons: Array<[string, number]>;
}

export function nationalFigures(rows: Grid): NationalFigures {
  const f: NationalFigures = { regencies: [], villages: [], actions: [], panel: [], attendance: [], reasons: [] };
  const reasons = new Map<string, number>();
  const text = (v: CellValue | undefined) => cellText(v ?? '');
  for (const r of rows) {
    switch (text(r[1])) {
      case 'kab':
        f.regencies.push({
          province: text(r[2]),
          regency: text(r[3]),
          targets: num(r[4]),
          quota: num(r[5]),
          all: countsAt(r, 6),
          men: countsAt(r, 6 + N),
          women: countsAt(r, 6 + 2 * N),
        });
        break;
      case 'desa':
        f.villages.push(readVillageCells(r, 2));
        break;
      case 'aksi':
        f.actions.push({
          province: text(r[2]),
          regency: text(r[3]),
          village: text(r[4]),
          quota: num(r[5]),
          registered: num(r[6]),
          lulus: num(r[7]),
        });
        break;
      case 'panel':
        f.panel.push(readPanelCells(r, 2));
        break;
      case 'hadir':
        f.attendance.push({
          regency: text(r[3]),
          name: text(r[4]),
          unsur: text(r[5]),
          invited: num(r[6]),
          invitedFilled: num(r[7]),
          attended: num(r[8]),
          sessions: num(r[9]),
          filled: num(r[10]),
        });
        break;
      case 'alasan':
        reasons.set(text(r[4]), (reasons.get(text(r[4])) ?? 0) + num(r[5]));
        break;
      default:
        break;
    }
  }
  const byPlace = (a: { province: string; regency: string }, b: { province: string; regency: string }) =>
    a.province.localeCompare(b.province) || a.regency.localeCompare(b.regency);
  f.regencies.sort(byPlace);
  f.villages.sort((a, b) => byPlace(a, b) || a.village.localeCompare(b.village));
  f.actions.sort((a, b) => byPlace(a, b) || a.village.localeCompare(b.village));
  f.reasons = [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
  return f;
}

const TOTAL_BG = '#f1f3f4';
const GRAND_BG = '#d9ead3';
const CHART_WIDTH = 640;
const rate = (attended: number, invited: number): CellValue =>
  invited === 0 ? '' : Math.round((attended / invited) * 1000) / 10;

export function nationalLayout(input: {
  figures: NationalFigures;
  sources: readonly SourceStatus[];
  byVillage: boolean;
  lang: Lang;
  stamp: string;
}): Layout {
  const { figures, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const b = layoutBuilder({ widths: SELECTION_WIDTHS, pageHeight: A4_LANDSCAPE.height });
  const charts: ChartSpec[] = [];
  b.text(t('Rekap Nasional Seleksi Calon Penyuluh Sosial', 'National Summary — Candidate Social Extension Workers'), {
    bold: true,
    fontSize: 14,
  });
  b.text(
    t(
      `Dibuat ${input.stamp} dari paket rekap setiap workbook kabupaten/kota (tab Paket Rekap). Tab ini dibuat ulang oleh menu Perbarui rekap nasional.`,
      `Made ${input.stamp} from each regency workbook's package (its Paket Rekap tab). This tab is rebuilt by "Update the national summary".`,
    ),
    {},
    2,
  );

  sourcesTable(b, input.sources, lang);
  resultsByRegency(b, charts, figures, lang);
  for (const [title, pickCounts] of [
    [
      t('Per provinsi dan kabupaten/kota — semua kandidat', 'By province and regency — all candidates'),
      (r: RegencyRow) => r.all,
    ],
    [
      t('Per provinsi dan kabupaten/kota — laki-laki (L)', 'By province and regency — men (L)'),
      (r: RegencyRow) => r.men,
    ],
    [
      t('Per provinsi dan kabupaten/kota — perempuan (P)', 'By province and regency — women (P)'),
      (r: RegencyRow) => r.women,
    ],
  ] as const) {
    b.section(title);
    regencyTable(b, figures.regencies, pickCounts, lang);
  }
  if (input.byVillage) villageTable(b, figures, lang);
  attendanceTables(b, charts, figures, lang);
  agreementTable(b, figures, lang);
  actionsTable(b, figures, lang);
  b.section(t('Alasan TMS terbanyak (nasional)', 'Most frequent TMS reasons (national)'));
  b.header([t('Alasan', 'Reason'), t('Kandidat', 'Candidates')]);
  if (figures.reasons.length === 0) b.push([t('Tidak ada kandidat TMS.', 'No TMS candidates.')]);
  for (const [reason, n] of figures.reasons) b.push([asText(reason), n]);

  return {
    values: rectangular(b.rows),
    formats: b.formats,
    widths: SELECTION_WIDTHS,
    frozenRows: 0,
    rowHeights: b.rowHeights(),
    charts,

    note: t(
      'Dibuat oleh add-on Seleksi & FGD (menu Perbarui rekap nasional) dari paket rekap workbook kabupaten/kota; tidak memuat NIK, tanggal lahir, nomor HP atau alamat.',
      'Generated by the Seleksi & FGD add-on (Update the national summary) from the regency workbooks’ packages; it holds no NIK, birth date, phone number or address.',
    ),
  };
}

function sourcesTable(b: LayoutBuilder, sources: readonly SourceStatus[], lang: Lang): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  b.section(t('Sumber data', 'Sources'));
  const top = b.header([
    'Provinsi',
    'Kabupaten/Kota',
    'Status',
    t('Terakhir dibaca', 'Last read'),
    t('Yang perlu dilakukan', 'What to do'),
  ]);
  if (sources.length === 0)
    b.push([t('Tab Sumber Rekap belum berisi workbook.', 'The Sumber Rekap tab lists no workbook yet.')]);
  for (const s of sources)
    b.push([asText(s.province), asText(s.regency), asText(s.status), asText(s.read), asText(s.note)]);
  b.formats.push({
    row: top + 1,
    column: 1,
    rows: Math.max(1, sources.length),
    columns: 5,
    wrap: true,
    vertical: 'top',
  });
}

/** Regencies down the side of a stacked bar chart: each result, and those not ranked or TMS. */
function resultsByRegency(b: LayoutBuilder, charts: ChartSpec[], figures: NationalFigures, lang: Lang): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const at = (key: string) => METRICS.findIndex((m) => m.key === key);
  b.section(t('Hasil per kabupaten/kota', 'Results by regency'));
  const height = barChartHeight(figures.regencies.length);
  const anchor = b.reserveChart(height);
  const stacks = ['Lulus', 'Cadangan', 'Tidak Lulus', 'Belum Lengkap', 'TMS'];
  const top = b.header(['Kabupaten/Kota', ...stacks]);
  let tallest = 0;
  for (const r of figures.regencies) {
    tallest = Math.max(tallest, r.all[REGISTERED]);
    b.push([asText(r.regency), ...stacks.map((s) => r.all[at(s)])]);
  }
  charts.push({
    type: 'BAR',
    title: t('Hasil seleksi per kabupaten/kota', 'Selection results by regency'),
    ranges: [{ row: top, column: 1, rows: figures.regencies.length + 1, columns: 1 + stacks.length }],
    anchor: { row: anchor, column: 1 },
    width: CHART_WIDTH,
    height,
    stacked: true,
    legend: 'bottom',
    gridlines: countGridlines(tallest),
  });
}

function regencyTable(
  b: LayoutBuilder,
  regencies: readonly RegencyRow[],
  of: (r: RegencyRow) => number[],
  lang: Lang,
): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const columns = 3 + N;
  const top = b.header([
    'Provinsi',
    'Kabupaten/Kota',
    t('Desa sasaran', 'Target villages'),
    ...METRICS.map((m) => pick(m, lang)),
  ]);
  const provinces = [...new Set(regencies.map((r) => r.province))];
  for (const province of provinces) {
    const list = regencies.filter((r) => r.province === province);
    for (const r of list) b.push([asText(province), asText(r.regency), r.targets, ...of(r)]);
    b.push(
      [
        asText(`${t('Jumlah', 'Total')} ${province}`),
        '',
        list.reduce((n, r) => n + r.targets, 0),
        ...sum(list.map(of)),
      ],
      {
        bold: true,
        background: TOTAL_BG,
        columns,
      },
    );
  }
  b.push(
    [
      t('JUMLAH NASIONAL', 'NATIONAL TOTAL'),
      '',
      regencies.reduce((n, r) => n + r.targets, 0),
      ...sum(regencies.map(of)),
    ],
    {
      bold: true,
      background: GRAND_BG,
      columns,
    },
  );
  b.formats.push({ row: top + 1, column: 1, rows: b.rows.length - top, columns: 2, wrap: true, vertical: 'top' });
}

function villageTable(b: LayoutBuilder, figures: NationalFigures, lang: Lang): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  b.section(t('Per desa/kelurahan — semua kandidat', 'By village — all candidates'));
  const top = b.header(['Kabupaten/Kota', 'Desa/Kelurahan', t('Kuota', 'Quota'), ...METRICS.map((m) => pick(m, lang))]);
  for (const v of figures.villages) b.push([asText(v.regency), asText(v.village), v.quota ?? '', ...v.all]);
  b.formats.push({
    row: top + 1,
    column: 1,
    rows: Math.max(1, figures.villages.length),
    columns: 2,
    wrap: true,
    vertical: 'top',
  });
}

function attendanceTables(b: LayoutBuilder, charts: ChartSpec[], figures: NationalFigures, lang: Lang): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const rows = figures.attendance;
  const groupBy = (key: (r: (typeof rows)[number]) => string) => {
    const out = new Map<
      string,
      { invited: number; invitedFilled: number; attended: number; sessions: number; filled: number }
    >();
    for (const r of rows) {
      const g = out.get(key(r)) ?? { invited: 0, invitedFilled: 0, attended: 0, sessions: 0, filled: 0 };
      g.invited += r.invited;
      g.invitedFilled += r.invitedFilled;
      g.attended += r.attended;
      out.set(key(r), g);
    }
    return out;
  };
  const header = (first: string) =>
    b.header([
      first,
      t('Diundang', 'Invited'),
      t('Hadir', 'Attended'),
      t('Tingkat kehadiran (%)', 'Attendance rate (%)'),
    ]);
  const line = (label: string, g: { invited: number; invitedFilled: number; attended: number }) =>
    b.push([
      asText(label),
      g.invited,
      g.attended,
      g.invitedFilled === 0 ? t('belum diisi', 'not filled in') : rate(g.attended, g.invitedFilled),
    ]);

  b.section(t('Kehadiran per kabupaten/kota', 'Attendance by regency'));
  if (rows.length === 0) {
    b.push([t('Belum ada daftar hadir di paket mana pun.', 'No attendance sheets in any package yet.')]);
    return;
  }
  const byRegency = groupBy((r) => r.regency);
  const height = barChartHeight(byRegency.size);
  const anchor = b.reserveChart(height);
  const top = header('Kabupaten/Kota');
  for (const [regency, g] of [...byRegency].sort((a, c) => a[0].localeCompare(c[0]))) line(regency, g);
  charts.push({
    type: 'BAR',
    title: t('Tingkat kehadiran per kabupaten/kota (%)', 'Attendance rate by regency (%)'),
    ranges: [
      { row: top, column: 1, rows: byRegency.size + 1, columns: 1 },
      { row: top, column: 4, rows: byRegency.size + 1, columns: 1 },
    ],
    anchor: { row: anchor, column: 1 },
    width: CHART_WIDTH,
    height,
    legend: 'none',
  });
  b.section(t('Kehadiran per jenis kegiatan', 'Attendance by kind of session'));
  header(t('Kegiatan', 'Session'));
  for (const [name, g] of [...groupBy((r) => r.name)].sort((a, c) => a[0].localeCompare(c[0]))) line(name, g);
  b.section(t('Kehadiran per unsur', 'Attendance by participant group'));
  header('Unsur');
  for (const [unsur, g] of [...groupBy((r) => r.unsur)].sort((a, c) => a[0].localeCompare(c[0]))) line(unsur, g);
}

function agreementTable(b: LayoutBuilder, figures: NationalFigures, lang: Lang): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  b.section(
    t('Kesepakatan panel per kabupaten/kota (alfa Krippendorff)', "Panel agreement by regency (Krippendorff's alpha)"),
  );
  b.header([
    'Kabupaten/Kota',
    t('Alfa', 'Alpha'),
    t('Kandidat dengan ≥ 2 nilai', 'Candidates with ≥ 2 scores'),
    t('Jumlah nilai', 'Scores'),
    t('Bacaan', 'Reading'),
  ]);
  if (figures.panel.length === 0) b.push([t('Belum ada penilaian panel.', 'No panel scores yet.')]);
  for (const a of figures.panel)
    b.push([
      asText(a.regency),
      a.alpha === undefined ? '–' : Math.round(a.alpha * 1000) / 1000,
      a.units,
      a.values,
      pick(alphaReading(a.alpha), lang),
    ]);
}

function actionsTable(b: LayoutBuilder, figures: NationalFigures, lang: Lang): void {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  b.section(pick(ACTIONS_TITLE, lang));
  b.header(actionsHeader(lang));
  if (figures.actions.length === 0) b.push([t('Tidak ada.', 'None.')]);
  for (const a of figures.actions)
    b.push([asText(a.province), asText(a.regency), asText(a.village), a.quota, a.registered, a.lulus]);
}

/** `Daftar Lulus Nasional`: every Lulus and Cadangan candidate the packages list, NIK masked, by place and rank. */
export function passListLayout(rows: Grid, lang: Lang, stamp: string): Layout {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const widths = [130, 130, 130, 80, 200, 140, 80, 60, 60];
  const b = layoutBuilder({ widths, pageHeight: A4_LANDSCAPE.height });
  b.text(t('Daftar Lulus Nasional', 'National Pass List'), { bold: true, fontSize: 14 });
  const stampRow = b.text(
    t(
      `Dibuat ${stamp} dari paket rekap workbook kabupaten/kota. NIK disamarkan; tidak ada data pribadi lain.`,
      `Made ${stamp} from the regency workbooks' packages. NIKs are masked; no other personal data.`,
    ),
    {},
    2,
  );
  if (stampRow !== PASS_LIST_STAMP_ROW) throw new Error('passListLayout: the stamp line moved');
  const top = b.header([
    'Provinsi',
    'Kabupaten/Kota',
    'Desa/Kelurahan',
    'ID',
    t('Nama', 'Name'),
    'NIK',
    t('Hasil', 'Result'),
    t('Peringkat', 'Rank'),
    t('Skor', 'Score'),
  ]);
  const sorted = [...rows].sort(
    (a, c) =>
      cellText(a[1]).localeCompare(cellText(c[1])) ||
      cellText(a[2]).localeCompare(cellText(c[2])) ||
      cellText(a[3]).localeCompare(cellText(c[3])) ||
      num(a[8]) - num(c[8]),
  );
  for (const r of sorted) b.push([...r.slice(1, 8).map((v) => asText(cellText(v))), r[8] ?? '', r[9] ?? '']);
  if (sorted.length === 0)
    b.push([
      t(
        'Belum ada kandidat Lulus atau Cadangan di paket mana pun.',
        'No Lulus or Cadangan candidate in any package yet.',
      ),
    ]);
  b.formats.push({
    row: top + 1,
    column: 1,
    rows: Math.max(1, sorted.length),
    columns: 6,
    wrap: true,
    vertical: 'top',
  });
  return {
    values: rectangular(b.rows),
    formats: b.formats,
    widths,
    frozenRows: top,
    rowHeights: b.rowHeights(),

    note: t(
      'Dibuat oleh add-on Seleksi & FGD (menu Perbarui rekap nasional). Hanya nama, ID, desa, hasil dan NIK yang disamarkan.',
      'Generated by the Seleksi & FGD add-on (Update the national summary). Only name, ID, village, result and masked NIK.',
    ),
  };
}

/** The row of `Daftar Lulus Nasional` that says when and by whom it was made (it changes every update). */
export const PASS_LIST_STAMP_ROW = 2;

/**
 * Whether a drawn `Daftar Lulus Nasional` (its values as read back) already holds `values` (a
 * layout's, as written: text marked with a leading apostrophe reads back without it), every cell
 * but the stamp line's. Any difference — a row inserted, sorted or typed over by hand, another
 * language, another list — says no.
 */
export function samePassList(drawn: Grid, values: Grid): boolean {
  if (drawn.length !== values.length) return false;
  const written = (v: CellValue): CellValue => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
  return values.every((row, i) => {
    if (i === PASS_LIST_STAMP_ROW - 1) return true;
    const cells = drawn[i];
    return cells.length === row.length && row.every((v, j) => written(v) === cells[j]);
  });
}

/** A whole number in the workbook's language, for messages. */
export const count = (n: number, lang: Lang) => formatNumber(n, lang);
