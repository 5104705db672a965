/**
 * The add-on menu: labels from the workbook contract, each naming the top-level function it runs.
 * Only capabilities that exist are listed: a menu item never leads to a placeholder.
 */
import type { Bilingual, Lang } from './types';
import { pick } from './types';

export interface MenuEntry {
  functionName: string;
  label: Bilingual;
}

/** Groups are separated in the menu. */
export const MENU: ReadonlyArray<ReadonlyArray<MenuEntry>> = [
  [
    { functionName: 'setupWorkbook', label: { id: 'Siapkan lembar kerja', en: 'Set up the workbook' } },
    { functionName: 'validateCandidates', label: { id: 'Validasi data kandidat', en: 'Validate candidate data' } },
  ],
  [
    {
      functionName: 'connectRegistrationForm',
      label: { id: 'Hubungkan formulir pendaftaran', en: 'Connect the registration form' },
    },
    { functionName: 'importFormResponses', label: { id: 'Impor jawaban formulir', en: 'Import form responses' } },
    { functionName: 'disconnectRegistrationForm', label: { id: 'Putuskan formulir', en: 'Disconnect the form' } },
  ],
  [
    { functionName: 'openVerificationDesk', label: { id: 'Buka meja verifikasi', en: 'Open the verification desk' } },
    {
      functionName: 'announceAdministrativeResults',
      label: { id: 'Umumkan hasil administrasi', en: 'Announce the administrative results' },
    },
    { functionName: 'processObjections', label: { id: 'Proses sanggah', en: 'Process objections' } },
  ],
  [
    { functionName: 'openScoringForm', label: { id: 'Buka formulir penilaian', en: 'Open the scoring form' } },
    { functionName: 'computeRanking', label: { id: 'Hitung skor & peringkat', en: 'Compute scores & ranking' } },
    { functionName: 'announceFinalResults', label: { id: 'Umumkan hasil akhir', en: 'Announce the final results' } },
  ],
  [
    {
      functionName: 'addParticipantsFromResults',
      label: { id: 'Tambahkan peserta dari hasil seleksi', en: 'Add participants from the selection results' },
    },
    { functionName: 'buildAttendanceSheets', label: { id: 'Buat daftar hadir', en: 'Create attendance sheets' } },
  ],
  [{ functionName: 'refreshSummaries', label: { id: 'Perbarui rekap', en: 'Update summaries' } }],
  [
    {
      functionName: 'setupCoordinatorWorkbook',
      label: { id: 'Siapkan workbook koordinator', en: 'Set up a coordinator workbook' },
    },
    {
      functionName: 'chooseRegencyWorkbooks',
      label: { id: 'Pilih workbook kabupaten', en: 'Choose regency workbooks' },
    },
    {
      functionName: 'updateNationalSummary',
      label: { id: 'Perbarui rekap nasional', en: 'Update the national summary' },
    },
  ],
  [{ functionName: 'showHelp', label: { id: 'Panduan', en: 'Help' } }],
];

export function menuLabel(functionName: string, lang: Lang): string {
  for (const group of MENU)
    for (const entry of group) if (entry.functionName === functionName) return pick(entry.label, lang);
  return functionName;
}
