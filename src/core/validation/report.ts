/**
 * `Laporan Validasi` as a layout: overall counts, counts per regency, per rule, then one line per
 * problem with the value as typed (masked where it is personal data). Every user value goes in as
 * text, never as a formula.
 */
import { asText, fitCell } from '../cells';
import { type Layout, layoutBuilder, rectangular } from '../layout';
import { A4_LANDSCAPE } from '../printPages';
import type { PlaceNames } from '../placeNames';
import { isPersonal, maskPersonalText, showPersonal } from '../privacy';
import type { CellValue, Lang } from '../types';
import { pick } from '../types';
import { RULES, type RuleCode, type Severity } from './findings';
import { type RowOutcome, countStatuses } from './validate';
import type { CandidateHeader } from '../schema';

export const REPORT_TAB = 'Laporan Validasi';
/** 950 px: A4 landscape at 100 % (core/printPages.ts), with room for rounding; messages wrap. */
const VALIDATION_WIDTHS = [120, 70, 110, 120, 80, 130, 320];

const SEVERITY: Record<Severity, { id: string; en: string }> = {
  error: { id: 'Kesalahan (TMS)', en: 'Error (TMS)' },
  warning: { id: 'Peringatan (Perlu Cek)', en: 'Warning (Perlu Cek)' },
  info: { id: 'Info', en: 'Info' },
};

export interface ReportInput {
  rows: readonly RowOutcome[];
  lang: Lang;
  mask: boolean;
  /** One name per place, so spelling variants of a regency are one row. */
  places: PlaceNames;
  /** The spreadsheet's UTC offset, to read date cells as the sheet shows them. */
  offsetMinutes: number;
  /** "27/11/2019 09:15 oleh koordinator@…" — made by the shell (it knows the clock and the user). */
  stamp: string;
  notices: string[];
}

export function validationReport(input: ReportInput): Layout {
  const { rows, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const b = layoutBuilder({ widths: VALIDATION_WIDTHS, pageHeight: A4_LANDSCAPE.height });
  const section = (title: string, header: string[]) => {
    b.section(title);
    b.header(header);
  };

  b.text(t('Laporan Validasi Data Kandidat', 'Candidate Data Validation Report'), { bold: true, fontSize: 14 });
  // Two lines at least: a "perlu diperbarui" notice takes this row's place when Kandidat changes.
  const stampRow = b.text(
    t(
      `Dibuat ${input.stamp}. Tab ini dibuat ulang setiap kali validasi dijalankan; jangan mengetik di sini.`,
      `Made ${input.stamp}. This tab is rebuilt on every validation run; do not type here.`,
    ),
    {},
    2,
  );
  for (const notice of input.notices) b.text(notice);

  const counts = countStatuses(rows);
  section(t('Ringkasan', 'Summary'), [t('Status', 'Status'), t('Jumlah', 'Count')]);
  for (const row of [
    [t('Baris diperiksa', 'Rows checked'), counts.rows],
    ['MS', counts.MS],
    ['TMS', counts.TMS],
    ['Perlu Cek', counts['Perlu Cek']],
  ])
    b.push(row);

  section(t('Per kabupaten/kota', 'By regency'), ['Kabupaten/Kota', t('Baris', 'Rows'), 'MS', 'TMS', 'Perlu Cek']);
  const regencyTop = b.rows.length + 1;
  for (const [regency, c] of perRegency(rows, input.places, t('(kosong)', '(blank)')))
    b.push([asText(regency), c.rows, c.MS, c.TMS, c['Perlu Cek']]);
  b.formats.push({
    row: regencyTop,
    column: 1,
    rows: Math.max(1, b.rows.length - regencyTop + 1),
    columns: 1,
    wrap: true,
  });

  // The rule's title spans four columns (merged), so it is never cut by the next column.
  section(t('Per aturan', 'By rule'), [
    t('Kode aturan', 'Rule code'),
    t('Jumlah baris', 'Rows'),
    t('Aturan', 'Rule'),
    '',
    '',
    '',
    t('Tingkat', 'Severity'),
  ]);
  b.formats.push({ row: b.rows.length, column: 3, rows: 1, columns: 4, merge: true });
  for (const [rule, n] of perRule(rows)) {
    const at = b.push([rule, n, pick(RULES[rule].title, lang), '', '', '', pick(SEVERITY[RULES[rule].severity], lang)]);
    b.formats.push({ row: at, column: 3, rows: 1, columns: 4, merge: true });
  }

  section(t('Rincian masalah', 'Problems in detail'), [
    t('Baris', 'Row'),
    'ID',
    t('Kolom', 'Column'),
    t('Nilai', 'Value'),
    t('Tingkat', 'Severity'),
    t('Kode aturan', 'Rule code'),
    t('Pesan', 'Message'),
  ]);
  const detailStart = b.rows.length + 1;
  for (const row of rows) {
    for (const f of row.findings) {
      b.push([
        row.sheetRow,
        asText(row.id),
        f.column ?? '',
        shownValue(row, f.column, input.mask),
        pick(SEVERITY[f.severity], lang),
        f.rule,
        asText(fitCell(messageOf(row, pick(f.message, lang), input))),
      ]);
    }
  }
  if (b.rows.length < detailStart) b.push([t('(tidak ada masalah)', '(no problems)')]);
  // Always one block each (even when empty), so the number of calls does not depend on the data.
  // Sheets grows each wrapped row to fit its message.
  const detailRows = b.rows.length - detailStart + 1;
  b.formats.push({ row: detailStart, column: 7, rows: detailRows, columns: 1, wrap: true });
  b.formats.push({ row: detailStart, column: 5, rows: detailRows, columns: 1, wrap: true });
  return {
    values: rectangular(b.rows),
    formats: b.formats,
    widths: VALIDATION_WIDTHS,
    rowHeights: b.rowHeights(),
    frozenRows: 0,
    stamp: { row: stampRow, lang },
    note: t(
      'Dibuat oleh add-on Seleksi & FGD (menu Validasi data kandidat). Isi tab ini diganti setiap kali validasi dijalankan.',
      'Generated by the Seleksi & FGD add-on (Validate candidate data). Its content is replaced on every validation run.',
    ),
  };
}

/** The message as generated tabs show it: the candidate's own personal data masked, unless masking is off. */
function messageOf(row: RowOutcome, text: string, input: ReportInput): string {
  return input.mask ? maskPersonalText(text, row.record, input.offsetMinutes) : text;
}

function shownValue(row: RowOutcome, column: CandidateHeader | undefined, mask: boolean): CellValue {
  if (!column) return '';
  const shown = row.record.shown(column);
  if (isPersonal(column)) return asText(showPersonal(column, row.record.value(column), shown, mask));
  return asText(fitCell(shown));
}

function perRegency(
  rows: readonly RowOutcome[],
  places: PlaceNames,
  blankLabel: string,
): Array<[string, ReturnType<typeof countStatuses>]> {
  const groups = new Map<string, RowOutcome[]>();
  for (const row of rows) {
    if (row.blank) continue;
    const typed = row.record.text('Kabupaten/Kota');
    const regency = typed ? places.regency(typed) : blankLabel;
    const list = groups.get(regency);
    if (list) list.push(row);
    else groups.set(regency, [row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([regency, list]) => [regency, countStatuses(list)]);
}

/** Rows affected per rule, most frequent first (a row with two findings of one rule counts once). */
function perRule(rows: readonly RowOutcome[]): Array<[RuleCode, number]> {
  const counts = new Map<RuleCode, number>();
  for (const row of rows)
    for (const rule of new Set(row.findings.map((f) => f.rule))) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
