/**
 * The "Impor jawaban formulir" dialog when more responses wait than one step imports: the
 * batched-job dialog (shared/jobDialog.ts) with this job's words and endpoints. Each step imports
 * the oldest responses still waiting.
 */
import type { FormImportApi } from '../../core/registrationApi';
import { FORM_IMPORT_ENDPOINTS } from '../../core/endpoints';
import { count, runJobDialog } from '../shared/jobDialog';
import { serverClient } from '../shared/server';

const server = serverClient<FormImportApi>(FORM_IMPORT_ENDPOINTS);

runJobDialog(
  {
    id: {
      heading: 'Impor jawaban formulir',
      intro: (rows, steps) =>
        `${count(rows, 'id')} jawaban formulir menunggu, jadi impor berjalan per bagian (${steps} langkah). Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Impor jawaban formulir: yang sudah diimpor tidak diimpor dua kali.`,
      resumed: (done, total) => `Melanjutkan impor yang terhenti: ${done} dari ${total} langkah sudah selesai.`,
      loading: 'Menghitung jawaban yang menunggu…',
      stopped: (done, total) =>
        `Dihentikan: ${done} dari ${total} langkah selesai dan tersimpan di Kandidat. Tekan Lanjutkan, atau jalankan lagi menu Impor jawaban formulir nanti.`,
      finished: 'Impor selesai',
    },
    en: {
      heading: 'Import form responses',
      intro: (rows, steps) =>
        `${count(rows, 'en')} form responses wait, so the import runs in parts (${steps} steps). Keep this dialog open until it finishes. If it closes or stops, run "Import form responses" again: nothing is imported twice.`,
      resumed: (done, total) => `Resuming the import that stopped: ${done} of ${total} steps done.`,
      loading: 'Counting the responses that wait…',
      stopped: (done, total) =>
        `Stopped: ${done} of ${total} steps done and saved on Kandidat. Press Continue, or run "Import form responses" again later.`,
      finished: 'Import finished',
    },
  },
  { start: () => server.startFormImport(), next: (job) => server.continueFormImport({ job }) },
);
