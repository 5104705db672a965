/**
 * The administrative selection over the whole `Kandidat` tab: every non-blank row gets a status
 * (MS / TMS / Perlu Cek) and the list of its findings; rows without an ID get the next free one.
 * Pure: values in, decisions out. The shell decides which rows to write.
 */
import { type HeaderMap, type RowRecord, matchHeaders, rowRecord } from '../headers';
import { CANDIDATES_TAB, type CandidateHeader } from '../schema';
import type { Bilingual, Grid, Lang } from '../types';
import { pick } from '../types';
import type { ValidationContext } from './context';
import { duplicateFindings } from './duplicates';
import type { Finding, Severity } from './findings';
import { isBlankRow } from './record';
import { ROW_RULES, type RowRule, acceptedObjection, overrideOf } from './rules';
import { finding } from './findings';

export type AdminStatus = 'MS' | 'TMS' | 'Perlu Cek';

export interface RowOutcome {
  sheetRow: number;
  blank: boolean;
  /** The row's ID after this run (assigned when it was blank). */
  id: string;
  assignedId: boolean;
  status: AdminStatus | '';
  findings: Finding[];
  record: RowRecord<CandidateHeader>;
}

export type ValidationResult =
  { ok: true; map: HeaderMap<CandidateHeader>; rows: RowOutcome[] } | { ok: false; map: HeaderMap<CandidateHeader> };

const ID_PATTERN = /^K-(\d+)$/i;

/**
 * The columns a finding can point at whose cells may show other than their value's text: the ID,
 * NIK and phone (kept as text; a number typed in shows otherwise) and the birth date. The rules'
 * messages and Laporan Validasi quote a cell as the user sees it, so a caller may read only these
 * as shown (`display` with the others left out): any other column shows its value as it is
 * (test/validation/fixture.test.ts holds every message and the report to that).
 */
export const SHOWN_COLUMNS: readonly CandidateHeader[] = ['ID', 'NIK', 'Tanggal Lahir', 'No. HP'];

/**
 * `only` limits the row rules to sheet rows first…last (the live check): every other row still
 * takes part in ID assignment and the duplicate checks, so it needs only its ID, NIK and phone.
 * `display` (the cells as Sheets shows them) only words the findings: a message quotes a value as
 * the user sees it. No status or rule depends on it, so a caller that needs only the statuses may
 * pass undefined (the values' text is quoted instead), and one that words findings may read only
 * SHOWN_COLUMNS.
 */
export function validateCandidates(
  values: Grid,
  display: string[][] | undefined,
  ctx: ValidationContext,
  only?: { first: number; last: number },
): ValidationResult {
  const map = matchHeaders(CANDIDATES_TAB, values[0] ?? []);
  if (map.missing.length > 0) return { ok: false, map };
  const data = values.slice(1);
  const records = data.map((row, i) => rowRecord(map, i + 2, row, display?.[i + 1]));
  const checked = (sheetRow: number) => !only || (sheetRow >= only.first && sheetRow <= only.last);
  const blank = data.map((row) => isBlankRow(map, row));
  const ids = assignIds(records, blank);
  const twins = duplicateFindings(records.flatMap((row, i) => (blank[i] ? [] : [{ row, id: ids[i] }])));
  const rows = records.map((record, i): RowOutcome => {
    if (blank[i] || !checked(record.sheetRow))
      return {
        sheetRow: record.sheetRow,
        blank: blank[i],
        id: record.text('ID'),
        assignedId: false,
        status: '',
        findings: [],
        record,
      };
    const findings = [...checkRow(record, ctx), ...(twins.get(record) ?? [])];
    return {
      sheetRow: record.sheetRow,
      blank: false,
      id: ids[i],
      assignedId: record.text('ID') === '',
      status: statusOf(record, findings, ctx),
      findings,
      record,
    };
  });
  return { ok: true, map, rows };
}

/**
 * Every rule over one row. A rule that cannot handle the row (a value nobody foresaw) fails only
 * that row, which becomes Perlu Cek with a message naming the column: every other row, and every
 * other rule on this row, is checked as usual.
 */
export function checkRow(
  record: RowRecord<CandidateHeader>,
  ctx: ValidationContext,
  rules: ReadonlyArray<{ check: RowRule; column?: CandidateHeader }> = ROW_RULES,
): Finding[] {
  return rules.flatMap(({ check, column }) => {
    try {
      return check(record, ctx);
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);
      return [{ ...finding('row.unchecked', column, unchecked(record.sheetRow, column)), detail }];
    }
  });
}

function unchecked(row: number, column: string | undefined): Bilingual {
  const where = column
    ? { id: `kolom ${column}`, en: `the ${column} column` }
    : { id: 'kolom wajib', en: 'the required columns' };
  return {
    id: `Tab Kandidat baris ${row}: ${where.id} tidak dapat diperiksa otomatis. Periksa isinya secara manual, perbaiki bila perlu, lalu validasi lagi.`,
    en: `Kandidat tab row ${row}: ${where.en} could not be checked automatically. Check it by hand, fix it if needed, then validate again.`,
  };
}

/**
 * New IDs continue after the highest existing K- number and never reuse an existing ID (of any
 * form, compared case-insensitively). Numbers are handled as digit strings, so even an absurdly
 * long K- number is continued exactly.
 */
function assignIds(records: RowRecord<CandidateHeader>[], blank: boolean[]): string[] {
  let highest = '0';
  for (const r of records) {
    const m = ID_PATTERN.exec(r.text('ID'));
    if (m && compareDigits(m[1], highest) > 0) highest = m[1].replace(/^0+(?=\d)/, '');
  }
  const taken = new Set(records.map((r) => r.text('ID').toUpperCase()));
  return records.map((r, i) => {
    const id = r.text('ID');
    if (id !== '' || blank[i]) return id;
    let next: string;
    do {
      highest = incrementDigits(highest);
      next = `K-${highest.padStart(4, '0')}`;
    } while (taken.has(next));
    taken.add(next);
    return next;
  });
}

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

function statusOf(record: RowRecord<CandidateHeader>, findings: Finding[], ctx: ValidationContext): AdminStatus {
  if (acceptedObjection(record, ctx) !== undefined) return 'MS';
  const override = overrideOf(record);
  if (override) return override.decision;
  if (findings.some((f) => f.severity === 'error')) return 'TMS';
  if (findings.some((f) => f.severity === 'warning')) return 'Perlu Cek';
  return 'MS';
}

const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** `Catatan Validasi`: one line per finding, errors first. */
export function notesText(findings: readonly Finding[], lang: Lang): string {
  const order: Severity[] = ['error', 'warning', 'info'];
  return order
    .flatMap((severity) => findings.filter((f) => f.severity === severity))
    .map((f) => `${MARK[f.severity]} ${pick(f.message, lang)}`)
    .join('\n');
}

export interface StatusCounts {
  rows: number;
  MS: number;
  TMS: number;
  'Perlu Cek': number;
}

export function countStatuses(rows: readonly RowOutcome[]): StatusCounts {
  const counts: StatusCounts = { rows: 0, MS: 0, TMS: 0, 'Perlu Cek': 0 };
  for (const row of rows) {
    if (row.blank || row.status === '') continue;
    counts.rows++;
    counts[row.status]++;
  }
  return counts;
}
