/**
 * "Validasi data kandidat" on a long `Kandidat` tab, as a batched job (core/jobs.ts): the steps of
 * the job as items — one per block of rows, then the report — and what the dialog says about each.
 * Pure; the shell (shell/validationJob.ts) runs the steps.
 */
import { formatNumber } from '../text';
import type { Bilingual, Lang } from '../types';

/**
 * Rows per batch. In the bench's time model (scripts/bench.ts MODEL) a batch of B rows on a tab of
 * N rows and C columns reads the three key columns of every row (3N cells, 0.02 ms each) and the
 * block's values, display values, colours and notes (4BC), and writes three output columns (3B) and
 * the block's colours and notes (2BC, 0.1 ms each). At N = 50,000 and C = 22: 150,000 + 440,000
 * cells read (~12 s) and 235,000 written (~24 s), with some 50 calls (~2 s): ~38 s, inside the 60 s
 * a batch may take with room for the model's error, and ten batches for 50,000 rows.
 */
export const VALIDATION_BATCH = 5000;

/**
 * Up to this many data rows the menu validates in one execution, as it always has, with no dialog.
 * The one step then reads ~4 × 2,000 × 22 cells and writes ~2 × 2,000 × 22 (~15 s modelled at 22
 * columns): a wait a toast can cover. Beyond it a one-step run grows towards the 6-minute limit
 * (~330 s modelled at 50,000 rows) with nothing on screen moving, so the dialog runs it in batches.
 */
export const ONE_STEP_ROWS = 2000;

/** The last step: reconcile what the batches wrote with a whole-tab run, then draw `Laporan Validasi`. */
export const REPORT_STEP = 'report';
/** The last step after blocks were run again (it never asks for more blocks, so a job always ends). */
export const REPORT_AGAIN = 'report:again';

export type ValidationStep = { kind: 'rows'; first: number; last: number } | { kind: 'report'; again: boolean };

/** Blocks of at most `size` rows covering sheet rows from…to. */
function blocks(from: number, to: number, size: number): string[] {
  const items: string[] = [];
  for (let first = from; first <= to; first += size) items.push(`${first}-${Math.min(to, first + size - 1)}`);
  return items;
}

/** The job's items for a tab whose last row is `lastRow`: blocks of `size` rows from row 2, then the report. */
export function validationSteps(lastRow: number, size: number): string[] {
  return [...blocks(2, lastRow, size), REPORT_STEP];
}

/** The items of an unfinished job, with blocks for rows appended since it was planned (before the report). */
export function extendSteps(items: readonly string[], lastRow: number, size: number): string[] {
  const covered = items.map(parseStep).reduce((n, s) => (s?.kind === 'rows' ? Math.max(n, s.last) : n), 1);
  const more = blocks(covered + 1, lastRow, size);
  if (more.length === 0) return [...items];
  const at = items.findIndex((item) => parseStep(item)?.kind === 'report');
  return at < 0 ? [...items, ...more] : [...items.slice(0, at), ...more, ...items.slice(at)];
}

/**
 * The items once the report step found `rows` (sorted) differing from a whole run — more than it
 * mends in place, so the tab changed under a stopped job: the `done` items, then blocks over the
 * differing rows' span, then the report once more.
 */
export function reworkSteps(items: readonly string[], done: number, rows: readonly number[], size: number): string[] {
  const from = Math.max(2, rows[0] ?? 2);
  const to = Math.max(from, rows[rows.length - 1] ?? from);
  return [...items.slice(0, done), ...blocks(from, to, size), REPORT_AGAIN];
}

/** Data rows the job covers (the last block's last row, less the header). */
export function plannedRows(items: readonly string[]): number {
  return items.map(parseStep).reduce((n, s) => (s?.kind === 'rows' ? Math.max(n, s.last - 1) : n), 0);
}

export function parseStep(item: string): ValidationStep | undefined {
  if (item === REPORT_STEP || item === REPORT_AGAIN) return { kind: 'report', again: item === REPORT_AGAIN };
  const m = /^(\d+)-(\d+)$/.exec(item);
  if (!m) return undefined;
  const [first, last] = [Number(m[1]), Number(m[2])];
  return first >= 2 && last >= first ? { kind: 'rows', first, last } : undefined;
}

/** What a step does, as the dialog's progress line says it ("Memvalidasi baris 2–5.001"). */
export function stepText(step: ValidationStep | undefined, lang: Lang): string {
  if (!step) return '';
  if (step.kind === 'report')
    return lang === 'en' ? 'Building the Laporan Validasi report' : 'Menyusun Laporan Validasi';
  const range = `${formatNumber(step.first, lang)}–${formatNumber(step.last, lang)}`;
  return lang === 'en' ? `Validating rows ${range}` : `Memvalidasi baris ${range}`;
}

/** The lock was held by another action: nothing changed, and the next try goes on from the same place. */
export const VALIDATION_BUSY: Bilingual = {
  id: 'Validasi berhenti sejenak karena add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Lanjutkan. Baris yang sudah diperiksa tetap tersimpan.',
  en: 'Validation paused because the add-on is busy with another action on this spreadsheet. Wait a moment, then press Continue. The rows already checked stay checked.',
};

/** A continue request for a job that has finished or was replaced. */
export const VALIDATION_GONE: Bilingual = {
  id: 'Validasi ini sudah selesai atau digantikan oleh validasi lain. Tutup dialog ini, lalu jalankan lagi menu Validasi data kandidat bila perlu.',
  en: 'This validation has finished or was replaced by another one. Close this dialog, then run "Validate candidate data" again if needed.',
};
