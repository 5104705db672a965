/**
 * `Paket Rekap`: what a regency workbook publishes for the coordinator, and nothing more. It is
 * built by "Perbarui rekap" from the same figures as `Rekap Seleksi` and `Rekap Kehadiran`
 * (counts per village, the panel agreement, attendance per session and unsur, the TMS reasons)
 * plus the `Lulus` / `Cadangan` list with masked NIKs. No full NIK, birth date, phone number or
 * address is ever part of it.
 *
 * On the sheet it is a stamp (key / value lines: format, version, when, by whom, checksum) above
 * one table whose first column names the section of each row. The checksum is SHA-256 over the
 * rows as text, so a hand edit is caught (it is not a signature: whoever can edit the workbook
 * could recompute it, which is why only the add-on's own tab is read and its editors are trusted).
 */
import { hex, sha256, utf8 } from '../hmac';
import { type SessionAttendance, type SummaryCandidate, type VillageTarget, countMetrics, METRICS } from '../summaries';
import { cellText } from '../text';
import type { CellValue, Grid } from '../types';

export const PACKAGE_TAB = 'Paket Rekap';
export const PACKAGE_FORMAT = 'seleksi-fgd/paket-rekap';
/** Bumped whenever the rows' meaning changes; the coordinator reads this version only. */
export const PACKAGE_VERSION = 1;

/** The stamp's keys, in order (column A), each with its value in column B. */
export const STAMP_KEYS = ['Format', 'Versi', 'Dibuat', 'Oleh', 'Checksum', 'Baris'] as const;
/** The data table starts here (1-based): the stamp, one blank row, then the rows. */
export const DATA_ROW = STAMP_KEYS.length + 2;

/** The sections of the table, by the code in its first column. */
export type Section = 'desa' | 'panel' | 'sesi' | 'alasan' | 'lulus';

/** One target (or candidate) village: its place, quota and the Rekap Seleksi counts, all / L / P. */
export interface VillageFigures {
  province: string;
  regency: string;
  village: string;
  /** Quota when it is a target village, else undefined (candidates living elsewhere). */
  quota: number | undefined;
  all: number[];
  men: number[];
  women: number[];
}

export interface PanelFigures {
  regency: string;
  alpha: number | undefined;
  units: number;
  values: number;
}

/** One session's attendance in one participant group. */
export interface SessionFigures {
  regency: string;
  code: string;
  name: string;
  /** yyyy-mm-dd. */
  date: string;
  unsur: string;
  invited: number;
  attended: number;
  /** Someone has ticked Hadir on its sheet (else its rate is "not filled in", not 0 %). */
  filled: boolean;
}

export interface PassedCandidate {
  province: string;
  regency: string;
  village: string;
  id: string;
  name: string;
  /** Masked always (630105******0001), whatever the workbook's masking setting. */
  nik: string;
  result: string;
  rank: number | undefined;
  score: number | undefined;
}

export interface RegencyPackage {
  made: string;
  by: string;
  villages: VillageFigures[];
  panel: PanelFigures[];
  sessions: SessionFigures[];
  reasons: Array<[string, number]>;
  passed: PassedCandidate[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const maybe = (n: number | undefined, places: number): CellValue => (n === undefined ? '' : round(n, places));
const numberOf = (v: CellValue): number | undefined => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));
const textAt = (row: readonly CellValue[], i: number) => cellText(row[i] ?? '');
const numberAt = (row: readonly CellValue[], i: number) => numberOf(row[i] ?? '');

/** `METRICS.length` counts from column `from`: one of the all / L / P blocks of a village or regency row. */
export const countsAt = (row: readonly CellValue[], from: number): number[] =>
  Array.from({ length: METRICS.length }, (_, i) => numberAt(row, from + i) ?? 0);

/**
 * A village's cells from its province on. The package's `desa` rows and the coordinator's archive
 * rows both hold this shape (behind their own leading cells), so it is written and read here only.
 */
export function villageCells(v: VillageFigures): CellValue[] {
  return [v.province, v.regency, v.village, v.quota ?? '', ...v.all, ...v.men, ...v.women];
}

export function readVillageCells(row: readonly CellValue[], from: number): VillageFigures {
  const n = METRICS.length;
  return {
    province: textAt(row, from),
    regency: textAt(row, from + 1),
    village: textAt(row, from + 2),
    quota: numberAt(row, from + 3),
    all: countsAt(row, from + 4),
    men: countsAt(row, from + 4 + n),
    women: countsAt(row, from + 4 + 2 * n),
  };
}

/** A regency's panel agreement, shared by the package and the archive like `villageCells`. */
export function panelCells(p: PanelFigures): CellValue[] {
  return ['', p.regency, maybe(p.alpha, 4), p.units, p.values];
}

export function readPanelCells(row: readonly CellValue[], from: number): PanelFigures {
  return {
    regency: textAt(row, from + 1),
    alpha: numberAt(row, from + 2),
    units: numberAt(row, from + 3) ?? 0,
    values: numberAt(row, from + 4) ?? 0,
  };
}

/** The counts of one village for the package, from the candidates Rekap Seleksi groups under it. */
export function villageFigures(
  place: { province: string; regency: string; village: string; quota: number | undefined },
  list: readonly SummaryCandidate[],
): VillageFigures {
  return { ...place, all: countMetrics(list), men: countMetrics(list, 'L'), women: countMetrics(list, 'P') };
}

/** The table rows (without the stamp), in a fixed order so the checksum is stable. */
export function packageRows(pkg: RegencyPackage): Grid {
  const rows: Grid = [];
  for (const v of pkg.villages) rows.push(['desa', ...villageCells(v)]);
  for (const p of pkg.panel) rows.push(['panel', ...panelCells(p)]);
  for (const s of pkg.sessions)
    rows.push(['sesi', s.regency, s.code, s.name, s.date, s.unsur, s.invited, s.attended, s.filled ? 1 : 0]);
  for (const [reason, count] of pkg.reasons) rows.push(['alasan', reason, count]);
  for (const c of pkg.passed)
    rows.push([
      'lulus',
      c.province,
      c.regency,
      c.village,
      c.id,
      c.name,
      c.nik,
      c.result,
      c.rank ?? '',
      maybe(c.score, 2),
    ]);
  return rows;
}

/**
 * The rows as canonical text: each cell as text (a number in its shortest form), trailing blank
 * cells and rows dropped — the Sheets API leaves those out, and a number stored as text reads the
 * same — so the writer and the reader agree on the bytes.
 */
function canonical(rows: Grid): string {
  const lines = rows.map((row) => {
    const cells = row.map((v) => (typeof v === 'number' ? String(v) : cellText(v)));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells.join('\u001f');
  });
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\u001e');
}

export function checksum(rows: Grid): string {
  return hex(sha256(utf8(canonical(rows))));
}

/** The whole tab: the stamp, a blank row, the rows. */
export function packageGrid(pkg: RegencyPackage): Grid {
  const rows = packageRows(pkg);
  const stamp: Record<(typeof STAMP_KEYS)[number], CellValue> = {
    Format: PACKAGE_FORMAT,
    Versi: PACKAGE_VERSION,
    Dibuat: pkg.made,
    Oleh: pkg.by,
    Checksum: checksum(rows),
    Baris: rows.length,
  };
  return [...STAMP_KEYS.map((k) => [k, stamp[k]]), [''], ...rows];
}

export type PackageProblem =
  | { kind: 'missing' }
  | { kind: 'format' }
  | { kind: 'older'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'edited' };

export interface PackageStamp {
  version: number;
  made: string;
  by: string;
  checksum: string;
}

/** The stamp read from the tab's first rows (undefined when they are not a package's). */
export function readStamp(grid: Grid): PackageStamp | undefined {
  const value = (key: (typeof STAMP_KEYS)[number]) => {
    const row = grid.find((r) => cellText(r[0]) === key);
    return row ? row[1] : undefined;
  };
  if (cellText(value('Format') ?? '') !== PACKAGE_FORMAT) return undefined;
  return {
    version: Number(value('Versi')),
    made: cellText(value('Dibuat') ?? ''),
    by: cellText(value('Oleh') ?? ''),
    checksum: cellText(value('Checksum') ?? ''),
  };
}

/**
 * A package as the coordinator reads it, or why it cannot: not a package, a version this add-on
 * does not read (older or newer), or rows that no longer match the checksum (edited by hand).
 */
export function readPackage(
  grid: Grid | undefined,
): { ok: true; stamp: PackageStamp; pkg: RegencyPackage } | { ok: false; problem: PackageProblem } {
  if (!grid || grid.length === 0) return { ok: false, problem: { kind: 'missing' } };
  const stamp = readStamp(grid.slice(0, DATA_ROW - 1));
  if (!stamp) return { ok: false, problem: { kind: 'format' } };
  if (stamp.version < PACKAGE_VERSION) return { ok: false, problem: { kind: 'older', version: stamp.version } };
  if (stamp.version > PACKAGE_VERSION) return { ok: false, problem: { kind: 'newer', version: stamp.version } };
  const rows = grid.slice(DATA_ROW - 1);
  if (checksum(rows) !== stamp.checksum) return { ok: false, problem: { kind: 'edited' } };
  return { ok: true, stamp, pkg: parseRows(rows, stamp) };
}

function parseRows(rows: Grid, stamp: PackageStamp): RegencyPackage {
  const pkg: RegencyPackage = {
    made: stamp.made,
    by: stamp.by,
    villages: [],
    panel: [],
    sessions: [],
    reasons: [],
    passed: [],
  };
  const text = (v: CellValue | undefined) => cellText(v ?? '');
  for (const row of rows) {
    switch (text(row[0]) as Section) {
      case 'desa':
        pkg.villages.push(readVillageCells(row, 1));
        break;
      case 'panel':
        pkg.panel.push(readPanelCells(row, 1));
        break;
      case 'sesi':
        pkg.sessions.push({
          regency: text(row[1]),
          code: text(row[2]),
          name: text(row[3]),
          date: text(row[4]),
          unsur: text(row[5]),
          invited: numberOf(row[6] ?? '') ?? 0,
          attended: numberOf(row[7] ?? '') ?? 0,
          filled: numberOf(row[8] ?? '') === 1,
        });
        break;
      case 'alasan':
        pkg.reasons.push([text(row[1]), numberOf(row[2] ?? '') ?? 0]);
        break;
      case 'lulus':
        pkg.passed.push({
          province: text(row[1]),
          regency: text(row[2]),
          village: text(row[3]),
          id: text(row[4]),
          name: text(row[5]),
          nik: text(row[6]),
          result: text(row[7]),
          rank: numberOf(row[8] ?? ''),
          score: numberOf(row[9] ?? ''),
        });
        break;
      default:
        break;
    }
  }
  return pkg;
}

/** The regencies a package covers (from its villages, else its sessions), most candidates first. */
export function packageRegencies(pkg: RegencyPackage): Array<{ province: string; regency: string }> {
  const seen = new Map<string, { province: string; regency: string; n: number }>();
  for (const v of pkg.villages) {
    const key = `${v.province}\u0000${v.regency}`;
    const entry = seen.get(key) ?? { province: v.province, regency: v.regency, n: 0 };
    entry.n += v.all[0] + 1;
    seen.set(key, entry);
  }
  return [...seen.values()].sort((a, b) => b.n - a.n).map(({ province, regency }) => ({ province, regency }));
}

/** What "Perbarui rekap" already computed for its two tabs, and the passing list, as the package needs it. */
export interface PackageSources {
  candidates: readonly SummaryCandidate[];
  /** Same order as `candidates`: the grouping key of each one's village (as Rekap Seleksi groups them). */
  keys: readonly string[];
  villages: readonly VillageTarget[];
  agreement: ReadonlyArray<{ regency: string; alpha: number | undefined; units: number; values: number }> | undefined;
  tmsReasons: ReadonlyArray<[string, number]>;
  sessions: readonly SessionAttendance[];
  passed: readonly PassedCandidate[];
  made: string;
  by: string;
}

const isoDate = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The package, from the figures the summaries are built from (so the two always agree). */
export function buildPackage(src: PackageSources): RegencyPackage {
  const groups = new Map<string, { place: Omit<VillageFigures, 'all' | 'men' | 'women'>; list: SummaryCandidate[] }>();
  for (const v of src.villages)
    groups.set(v.key, {
      place: { province: v.province, regency: v.regency, village: v.village, quota: v.quota },
      list: [],
    });
  src.candidates.forEach((c, i) => {
    const key = src.keys[i];
    const group = groups.get(key) ?? {
      place: { province: c.province, regency: c.regency, village: c.village, quota: undefined },
      list: [],
    };
    group.list.push(c);
    groups.set(key, group);
  });
  const byPlace = (a: VillageFigures, b: VillageFigures) =>
    a.province.localeCompare(b.province) || a.regency.localeCompare(b.regency) || a.village.localeCompare(b.village);
  const sessions: SessionFigures[] = [];
  for (const s of src.sessions) {
    const rows = s.rows ?? [];
    const filled = rows.some((r) => r.ticked);
    const unsurs = [...new Set(rows.map((r) => r.unsur))].sort((a, b) => a.localeCompare(b));
    for (const unsur of unsurs) {
      const of = rows.filter((r) => r.unsur === unsur);
      sessions.push({
        regency: s.regency,
        code: s.code,
        name: s.name,
        date: isoDate(s.date),
        unsur,
        invited: of.length,
        attended: of.filter((r) => r.ticked).length,
        filled,
      });
    }
  }
  return {
    made: src.made,
    by: src.by,
    villages: [...groups.values()].map((g) => villageFigures(g.place, g.list)).sort(byPlace),
    panel: (src.agreement ?? []).map((a) => ({ ...a })),
    sessions,
    reasons: src.tmsReasons.map(([r, n]) => [r, n]),
    passed: [...src.passed].sort(
      (a, b) =>
        a.province.localeCompare(b.province) ||
        a.regency.localeCompare(b.regency) ||
        a.village.localeCompare(b.village) ||
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        a.id.localeCompare(b.id),
    ),
  };
}
