/**
 * The "Perbarui rekap" dialog for a large workbook: the batched-job dialog (shared/jobDialog.ts)
 * with this job's words and endpoints. Its steps are the panel agreement, `Rekap Seleksi`, then
 * `Rekap Kehadiran` with the Log row.
 */
import type { SummariesApi } from '../../core/summariesApi';
import { SUMMARIES_ENDPOINTS } from '../../core/endpoints';
import { count, runJobDialog } from '../shared/jobDialog';
import { serverClient } from '../shared/server';

const server = serverClient<SummariesApi>(SUMMARIES_ENDPOINTS);

runJobDialog(
  {
    id: {
      heading: 'Perbarui rekap',
      intro: (rows, steps) =>
        `Tab Kandidat berisi ${count(rows, 'id')} baris, jadi rekap dibuat per bagian (${steps} langkah). Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Perbarui rekap: pembuatan rekap dilanjutkan dari langkah terakhir yang selesai.`,
      resumed: (done, total) =>
        `Melanjutkan pembuatan rekap yang terhenti: ${done} dari ${total} langkah sudah selesai.`,
      loading: 'Menyiapkan rekap…',
      stopped: (done, total) =>
        `Dihentikan: ${done} dari ${total} langkah selesai dan tersimpan. Tekan Lanjutkan, atau jalankan lagi menu Perbarui rekap nanti.`,
      finished: 'Rekap selesai',
    },
    en: {
      heading: 'Update summaries',
      intro: (rows, steps) =>
        `The Kandidat tab has ${count(rows, 'en')} rows, so the summaries are built in parts (${steps} steps). Keep this dialog open until it finishes. If it closes or stops, run "Update summaries" again: it goes on from the last finished step.`,
      resumed: (done, total) => `Resuming the summaries update that stopped: ${done} of ${total} steps done.`,
      loading: 'Preparing the summaries…',
      stopped: (done, total) =>
        `Stopped: ${done} of ${total} steps done and saved. Press Continue, or run "Update summaries" again later.`,
      finished: 'Summaries finished',
    },
  },
  { start: () => server.startSummariesJob(), next: (job) => server.continueSummariesJob({ job }) },
);
