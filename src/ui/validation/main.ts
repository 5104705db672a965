/**
 * The "Validasi data kandidat" dialog for a long Kandidat tab: the batched-job dialog
 * (shared/jobDialog.ts) with this job's words and endpoints. Its steps are blocks of rows, and
 * last the report.
 */
import type { ValidationApi } from '../../core/validationApi';
import { VALIDATION_ENDPOINTS } from '../../core/endpoints';
import { count, runJobDialog } from '../shared/jobDialog';
import { serverClient } from '../shared/server';

const server = serverClient<ValidationApi>(VALIDATION_ENDPOINTS);

runJobDialog(
  {
    id: {
      heading: 'Validasi data kandidat',
      intro: (rows, steps) =>
        `Tab Kandidat berisi ${count(rows, 'id')} baris, jadi validasi berjalan per bagian (${steps} langkah). Biarkan dialog ini terbuka sampai selesai. Bila tertutup atau terhenti, jalankan lagi menu Validasi data kandidat: validasi dilanjutkan dari langkah terakhir yang selesai.`,
      resumed: (done, total) => `Melanjutkan validasi yang terhenti: ${done} dari ${total} langkah sudah selesai.`,
      loading: 'Menyiapkan validasi…',
      stopped: (done, total) =>
        `Dihentikan: ${done} dari ${total} langkah selesai dan tersimpan. Tekan Lanjutkan, atau jalankan lagi menu Validasi data kandidat nanti.`,
      finished: 'Validasi selesai',
    },
    en: {
      heading: 'Validate candidate data',
      intro: (rows, steps) =>
        `The Kandidat tab has ${count(rows, 'en')} rows, so validation runs in parts (${steps} steps). Keep this dialog open until it finishes. If it closes or stops, run "Validate candidate data" again: validation goes on from the last finished step.`,
      resumed: (done, total) => `Resuming the validation that stopped: ${done} of ${total} steps done.`,
      loading: 'Preparing the validation…',
      stopped: (done, total) =>
        `Stopped: ${done} of ${total} steps done and saved. Press Continue, or run "Validate candidate data" again later.`,
      finished: 'Validation finished',
    },
  },
  { start: () => server.startValidationJob(), next: (job) => server.continueValidationJob({ job }) },
);
