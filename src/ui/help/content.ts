/**
 * The guide's text, in both languages. Plain data rendered with textContent: no HTML strings, so
 * nothing here (or anything later copied from a sheet) can become markup.
 */
import { menuLabel } from '../../core/menu';

/** Where to click, with the menu's own label (one place for every label). */
const menu = (functionName: string, lang: 'id' | 'en') =>
  `${lang === 'en' ? 'Extensions' : 'Ekstensi'} › Seleksi & FGD › ${menuLabel(functionName, lang)}`;

export type Block = { h: string } | { p: string } | { steps: string[] } | { list: string[] };

export interface Guide {
  title: string;
  switchLabel: string;
  blocks: Block[];
}

export const GUIDE: Record<'id' | 'en', Guide> = {
  id: {
    title: 'Panduan Seleksi & FGD',
    switchLabel: 'English',
    blocks: [
      {
        p: 'Add-on ini membantu rekrutmen calon penyuluh sosial dan FGD di desa sasaran: data kandidat, penilaian panel, peringkat, daftar hadir dan rekap — semuanya di spreadsheet ini.',
      },
      { h: 'Mulai' },
      {
        steps: [
          'Pilih menu Ekstensi › Seleksi & FGD › Siapkan lembar kerja. Tab yang belum ada dibuat lengkap dengan judul kolom, pilihan (dropdown) dan format; data yang sudah ada tidak diubah.',
          'Periksa tab Pengaturan: nama kegiatan, batas usia, pendidikan minimum, ambang lulus, kuota, bahasa.',
          'Isi tab Desa Sasaran (desa/kelurahan lokasi program) dan Panel (email, nama dan wilayah penilai).',
          'Ketik atau tempel data kandidat di tab Kandidat, satu kandidat per baris.',
          `Atau biarkan calon mendaftar sendiri lewat Google Formulir: tautkan formulir ke spreadsheet ini (Respons › Tautkan ke Spreadsheet), lalu ${menu('connectRegistrationForm', 'id')}. Setiap jawaban masuk ke Kandidat sebagai baris baru yang sudah divalidasi; ${menu('importFormResponses', 'id')} mengimpor yang tertinggal.`,
        ],
      },
      { h: 'Langkah kerja' },
      {
        steps: [
          `Validasi — ${menu('validateCandidates', 'id')}. Setiap baris Kandidat diberi ID dan status MS, TMS atau Perlu Cek; alasannya ada di Catatan Validasi dan tab Laporan Validasi. Perbaiki data lalu jalankan lagi. Baris yang diketik atau diubah juga diperiksa saat itu juga.`,
          `Verifikasi — verifikator membuka ${menu('openVerificationDesk', 'id')}: kandidat Perlu Cek lalu TMS satu per satu, dengan temuan validasi dan berkas unggahan. Tandai setiap berkas wajib Ada/Tidak ada (tombol A/T/B), beri keputusan MS/TMS beserta alasan bila perlu, lalu Enter. Berkas yang tidak ada membuat kandidat TMS; setiap keputusan tercatat di Log.`,
          `Penilaian — setiap penilai membuka ${menu('openScoringForm', 'id')}, memilih kandidat MS di wilayahnya, mengetik nilai per kriteria (skala tertera di samping), lalu Enter untuk menyimpan dan lanjut. Penilai hanya melihat nilainya sendiri.`,
          `Peringkat — ${menu('computeRanking', 'id')}. Skor Akhir, Peringkat dan Hasil Seleksi (Lulus, Cadangan, Tidak Lulus, Belum Lengkap, TMS) ditulis di Kandidat; tab Hasil Seleksi memuat rinciannya.`,
          `Pengumuman — ${menu('announceAdministrativeResults', 'id')} membuat tab Pengumuman Administrasi (MS/TMS/Perlu Cek per desa, kode alasan, masa sanggah) dan mencatat tanggalnya di Pengaturan; setelah masa sanggah berakhir dan sanggahan diputuskan, ${menu('announceFinalResults', 'id')} membuat Pengumuman Hasil Akhir (Lulus dan Cadangan). Keduanya siap cetak (A4 potret) dan NIK selalu disamarkan. Jangan membagikan tab Kandidat.`,
          `Sanggah — setelah hasil administrasi diumumkan, catat setiap sanggahan di tab Sanggah (Tanggal Masuk, ID Kandidat, Nama, Isi Sanggahan; lalu Keputusan dan Alasan Keputusan), lalu ${menu('processObjections', 'id')}. Status Sanggah diisi add-on; sanggahan yang diterima membuat kandidat MS pada validasi berikutnya.`,
          `Daftar hadir — isi tab Sesi, lalu ${menu('addParticipantsFromResults', 'id')} untuk memasukkan kandidat Lulus (dan bila perlu Cadangan) ke Peserta, lalu ${menu('buildAttendanceSheets', 'id')}. Setiap sesi mendapat tab DH siap cetak: File › Cetak, A4 potret, skala Normal, margin Normal (halaman sudah diatur add-on). Centang Hadir di sana setelah kegiatan.`,
          `Rekap — ${menu('refreshSummaries', 'id')} membuat Rekap Seleksi dan Rekap Kehadiran dengan grafiknya (cetak A4 lanskap). Laporan yang sumbernya berubah menampilkan baris merah ⚠ PERLU DIPERBARUI dengan menu yang harus dijalankan.`,
        ],
      },
      { h: 'Tab' },
      {
        list: [
          'Pengaturan — konfigurasi seleksi; kolom Keterangan menjelaskan setiap baris.',
          'Kandidat — data pendaftar. Kolom hijau di kanan (Status Administrasi, Catatan Validasi, Skor Akhir, Peringkat, Hasil Seleksi) diisi add-on.',
          'Desa Sasaran, Kriteria, Panel, Sesi, Peserta — data yang Anda isi.',
          'Penilaian — diisi formulir penilaian; jangan diubah manual.',
          'Log — catatan setiap tindakan: siapa, kapan, apa.',
        ],
      },
      { h: 'Data pribadi' },
      {
        p: 'NIK, tanggal lahir dan nomor HP adalah data pribadi (UU 27/2022). Hanya tab Kandidat memuatnya utuh; tab yang dibuat add-on menyamarkannya. Bagikan spreadsheet hanya kepada petugas yang memerlukan.',
      },
      { h: 'Tips' },
      {
        list: [
          'Kolom NIK dan No. HP berformat teks agar angka 0 di depan dan 16 digit NIK tidak hilang. Bila menempel dari Excel, tempel sebagai nilai.',
          'Judul kolom boleh sedikit berbeda (misalnya "No HP", "Nomor HP", "WhatsApp"); urutan kolom bebas.',
          'Menjalankan "Siapkan lembar kerja" lagi aman: hanya menambah yang kurang.',
        ],
      },
    ],
  },
  en: {
    title: 'Seleksi & FGD guide',
    switchLabel: 'Indonesia',
    blocks: [
      {
        p: 'This add-on supports recruiting candidate social extension workers and running FGDs in target villages: candidate data, panel scoring, ranking, attendance sheets and summaries — all in this spreadsheet.',
      },
      { h: 'Getting started' },
      {
        steps: [
          'Choose Extensions › Seleksi & FGD › Set up the workbook. Missing tabs are created with headers, dropdowns and formats; existing data is never changed.',
          'Check the Pengaturan (settings) tab: activity name, age limits, minimum education, pass mark, quotas, language.',
          'Fill in Desa Sasaran (target villages) and Panel (panelists’ email, name and region).',
          'Type or paste candidates into the Kandidat tab, one per row.',
          `Or let candidates register themselves through a Google Form: link the form to this spreadsheet (Responses › Link to Sheets), then ${menu('connectRegistrationForm', 'en')}. Each response arrives on Kandidat as a new, already validated row; ${menu('importFormResponses', 'en')} brings in any left behind.`,
        ],
      },
      { h: 'The workflow' },
      {
        steps: [
          `Validate — ${menu('validateCandidates', 'en')}. Every Kandidat row gets an ID and a status, MS, TMS or Perlu Cek (needs checking); the reasons are in Catatan Validasi and on the Laporan Validasi tab. Fix the data and run it again. A row you type or change is also checked as you go.`,
          `Verify — verifiers open ${menu('openVerificationDesk', 'en')}: the Perlu Cek candidates, then the TMS ones, one at a time, with the validation findings and uploaded files. Mark each required document present or missing (keys A/T/B), give an MS/TMS decision with a reason where needed, then press Enter. A missing document makes the candidate TMS; every decision is logged.`,
          `Score — each panelist opens ${menu('openScoringForm', 'en')}, picks an MS candidate in their region, types a score per criterion (the scale is shown beside it), then presses Enter to save and move on. Panelists see only their own scores.`,
          `Rank — ${menu('computeRanking', 'en')}. Skor Akhir, Peringkat and Hasil Seleksi (Lulus, Cadangan, Tidak Lulus, Belum Lengkap, TMS) are written on Kandidat; the Hasil Seleksi tab holds the details.`,
          `Announce — ${menu('announceAdministrativeResults', 'en')} builds the Pengumuman Administrasi tab (MS/TMS/Perlu Cek per village, reason codes, the objection period) and records its date on Pengaturan; once the objection period is over and the objections are decided, ${menu('announceFinalResults', 'en')} builds Pengumuman Hasil Akhir (Lulus and Cadangan). Both are ready to print (A4 portrait) and always mask NIKs. Never share the Kandidat tab.`,
          `Objections — after the administrative results are announced, record each objection on the Sanggah tab (Tanggal Masuk, ID Kandidat, Nama, Isi Sanggahan; then Keputusan and Alasan Keputusan), then ${menu('processObjections', 'en')}. The add-on fills in Status Sanggah; an accepted objection makes the candidate MS at the next validation.`,
          `Attendance — fill in the Sesi tab, then ${menu('addParticipantsFromResults', 'en')} to put the Lulus (and, if you wish, Cadangan) candidates on Peserta, then ${menu('buildAttendanceSheets', 'en')}. Each session gets a DH tab ready to print: File › Print, A4 portrait, scale Normal, margins Normal (the add-on sets the page breaks). Tick Hadir there after the event.`,
          `Summaries — ${menu('refreshSummaries', 'en')} builds Rekap Seleksi and Rekap Kehadiran with their charts (print on A4 landscape). A report whose sources changed shows a red ⚠ NEEDS UPDATING line naming the menu item to run.`,
        ],
      },
      { h: 'Tabs' },
      {
        list: [
          'Pengaturan — the selection’s configuration; the Keterangan column explains every row.',
          'Kandidat — the applicants. The green columns on the right (Status Administrasi, Catatan Validasi, Skor Akhir, Peringkat, Hasil Seleksi) are written by the add-on.',
          'Desa Sasaran, Kriteria, Panel, Sesi, Peserta — data you enter.',
          'Penilaian — written by the scoring form; do not edit by hand.',
          'Log — a record of every action: who, when, what.',
        ],
      },
      { h: 'Personal data' },
      {
        p: 'NIK, birth date and phone number are personal data (Law 27/2022). Only the Kandidat tab holds them in full; tabs the add-on generates mask them. Share the spreadsheet only with staff who need it.',
      },
      { h: 'Tips' },
      {
        list: [
          'NIK and phone columns are formatted as text so leading zeros and all 16 NIK digits survive. When pasting from Excel, paste values only.',
          'Headers may differ a little ("No HP", "Nomor HP", "WhatsApp"); column order is free.',
          'Running "Set up the workbook" again is safe: it only adds what is missing.',
        ],
      },
    ],
  },
};
