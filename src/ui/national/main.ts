/**
 * The "Perbarui rekap nasional" dialog when many regency workbooks are listed: the batched-job
 * dialog (shared/jobDialog.ts) with this job's words and endpoints. Each step reads a batch of
 * workbooks; the last builds Rekap Nasional.
 */
import type { NationalApi } from '../../core/rollupApi';
import { NATIONAL_ENDPOINTS } from '../../core/endpoints';
import { count, runJobDialog } from '../shared/jobDialog';
import { serverClient } from '../shared/server';

const server = serverClient<NationalApi>(NATIONAL_ENDPOINTS);

runJobDialog(
  {
    id: {
      heading: 'Perbarui rekap nasional',
      intro: (rows, steps) =>
        `${count(rows, 'id')} workbook kabupaten/kota dibaca per bagian (${steps} langkah), lalu Rekap Nasional dibuat. Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Perbarui rekap nasional: pembaruan dilanjutkan dan tidak ada kabupaten yang terhitung dua kali.`,
      resumed: (done, total) => `Melanjutkan pembaruan yang terhenti: ${done} dari ${total} langkah sudah selesai.`,
      loading: 'Menyiapkan pembaruan…',
      stopped: (done, total) =>
        `Dihentikan: ${done} dari ${total} langkah selesai dan tersimpan. Tekan Lanjutkan, atau jalankan lagi menu Perbarui rekap nasional nanti.`,
      finished: 'Rekap nasional selesai',
    },
    en: {
      heading: 'Update the national summary',
      intro: (rows, steps) =>
        `${count(rows, 'en')} regency workbooks are read in parts (${steps} steps), then Rekap Nasional is built. Keep this dialog open until it finishes. If it closes or stops, run "Update the national summary" again: it goes on, and no regency is counted twice.`,
      resumed: (done, total) => `Resuming the update that stopped: ${done} of ${total} steps done.`,
      loading: 'Preparing the update…',
      stopped: (done, total) =>
        `Stopped: ${done} of ${total} steps done and saved. Press Continue, or run "Update the national summary" again later.`,
      finished: 'National summary done',
    },
  },
  { start: () => server.startNationalJob(), next: (job) => server.continueNationalJob({ job }) },
);
