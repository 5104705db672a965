/**
 * "Perbarui rekap" on a large workbook, as a batched job (core/jobs.ts): its steps as items, what
 * the dialog says about each, and when the menu needs the dialog at all. Pure; the shell
 * (shell/summariesJob.ts) runs the steps.
 */
import type { Bilingual, Lang } from './types';

/**
 * The steps, each one execution, each under 60 s in the bench's model (scripts/bench.ts MODEL) at
 * 50,000 candidates and 135,000 scores (`npm run bench`, rows "Perbarui rekap"):
 * - `agreement`: the panel agreement — all of Penilaian (~1.9 M cells, ~38 s) and five Kandidat
 *   columns; its result (a few figures per regency) is kept with the checkpoint;
 * - `selection`: `Rekap Seleksi` — Kandidat whole (~1.1 M cells, ~22 s), the TMS reasons, the render;
 * - `attendance`: `Rekap Kehadiran` — Sesi and every DH tab — and the Log row, as one run writes it.
 */
export const SUMMARY_STEPS = ['agreement', 'selection', 'attendance'] as const;
export type SummaryStep = (typeof SUMMARY_STEPS)[number];

/**
 * Cells of Kandidat and Penilaian (rows × columns, as the tabs' last row and column say) up to
 * which the menu refreshes in one execution, as it always has, with no dialog. One run reads both
 * tabs whole, and at 0.02 ms a cell read (MODEL) reading is most of its time: at 50,000 candidates
 * (1.1 M cells) and 135,000 scores (1.9 M) it was 66 s, ~60 s of it reading. At 1,000,000 cells the
 * reading is ~20 s and the whole run ~25 s (about 16,000 candidates with their scores): a wait a
 * toast can cover. Beyond it the single run grows past the 60 s a step may take, so the dialog runs
 * it in SUMMARY_STEPS.
 */
export const ONE_STEP_CELLS = 1_000_000;

export function isSummaryStep(item: string | undefined): item is SummaryStep {
  return (SUMMARY_STEPS as readonly string[]).includes(item ?? '');
}

/** What a step does, as the dialog's progress line says it ("Membuat Rekap Seleksi — 2 / 3"). */
export function summaryStepText(step: SummaryStep | undefined, lang: Lang): string {
  const text: Record<SummaryStep, Bilingual> = {
    agreement: { id: 'Menghitung kesepakatan panel', en: 'Computing the panel agreement' },
    selection: { id: 'Membuat Rekap Seleksi', en: 'Building Rekap Seleksi' },
    attendance: { id: 'Membuat Rekap Kehadiran', en: 'Building Rekap Kehadiran' },
  };
  return step ? text[step][lang] : '';
}

/** The lock was held by another action: nothing changed, and the next try goes on from the same place. */
export const SUMMARIES_BUSY: Bilingual = {
  id: 'Pembuatan rekap berhenti sejenak karena add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Lanjutkan. Langkah yang sudah selesai tetap tersimpan.',
  en: 'The summaries paused because the add-on is busy with another action on this spreadsheet. Wait a moment, then press Continue. The steps already done stay done.',
};

/** A continue request for a job that has finished or was replaced. */
export const SUMMARIES_GONE: Bilingual = {
  id: 'Pembuatan rekap ini sudah selesai atau digantikan oleh yang lain. Tutup dialog ini, lalu jalankan lagi menu Perbarui rekap bila perlu.',
  en: 'This summaries update has finished or was replaced by another one. Close this dialog, then run "Update summaries" again if needed.',
};
