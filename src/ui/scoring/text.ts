/** The sidebar's own words, in both languages. */
export const TEXT = {
  id: {
    heading: 'Formulir penilaian',
    total: (total: number | undefined) =>
      total === undefined
        ? 'Skor tertimbang muncul setelah semua nilai terisi dengan benar.'
        : `Skor tertimbang: ${total.toLocaleString('id-ID', { maximumFractionDigits: 2 })} dari 100`,
    loading: 'Memuat…',
    chooseLabel: 'Saya adalah',
    chooseButton: 'Lanjut sebagai penilai ini',
    notMe: 'bukan saya',
    selfDeclared: '(dipilih sendiri)',
    village: 'Desa/Kelurahan',
    allVillages: 'Semua desa',
    candidate: 'Kandidat',
    progress: (done: number, total: number) => `${done} / ${total} dinilai`,
    recused: 'Konflik kepentingan — saya tidak menilai kandidat ini',
    note: 'Catatan (tidak wajib)',
    submit: 'Simpan & lanjut',
    saving: 'Menyimpan…',
    saved: (time: string, replaced: boolean) =>
      replaced ? `Nilai diperbarui pukul ${time}.` : `Tersimpan pukul ${time}.`,
    draftRestored: 'Draf yang belum tersimpan dipulihkan.',
    editing: 'Anda sudah menilai kandidat ini; ubah lalu simpan lagi bila perlu.',
    loadingMine: 'Memuat nilai Anda sebelumnya…',
    scale: (min: number, max: number) => `skala ${min}–${max}`,
    failed: (reason: string) => `Belum tersimpan: ${reason} Nilai Anda masih di formulir; coba lagi.`,
    network: 'koneksi terputus atau server tidak menjawab.',
    hint: 'Ketik angka untuk mengisi nilai, Tab/Shift+Tab untuk pindah, Enter untuk menyimpan dan lanjut ke kandidat berikutnya (Ctrl+Enter di kolom catatan).',
    done: 'Semua kandidat di wilayah Anda sudah dinilai. Terima kasih!',
  },
  en: {
    heading: 'Scoring form',
    total: (total: number | undefined) =>
      total === undefined
        ? 'The weighted score appears once every score is filled in correctly.'
        : `Weighted score: ${total.toLocaleString('en-GB', { maximumFractionDigits: 2 })} of 100`,
    loading: 'Loading…',
    chooseLabel: 'I am',
    chooseButton: 'Continue as this panelist',
    notMe: 'not me',
    selfDeclared: '(self-declared)',
    village: 'Village',
    allVillages: 'All villages',
    candidate: 'Candidate',
    progress: (done: number, total: number) => `${done} / ${total} scored`,
    recused: 'Conflict of interest — I do not score this candidate',
    note: 'Note (optional)',
    submit: 'Save & next',
    saving: 'Saving…',
    saved: (time: string, replaced: boolean) => (replaced ? `Score updated at ${time}.` : `Saved at ${time}.`),
    draftRestored: 'An unsaved draft was restored.',
    editing: 'You have scored this candidate; change and save again if needed.',
    loadingMine: 'Loading your earlier score…',
    scale: (min: number, max: number) => `scale ${min}–${max}`,
    failed: (reason: string) => `Not saved yet: ${reason} Your scores are still in the form; try again.`,
    network: 'the connection dropped or the server did not answer.',
    hint: 'Type a digit to set a score, Tab/Shift+Tab to move, Enter to save and go to the next candidate (Ctrl+Enter in the note).',
    done: 'Every candidate in your region has been scored. Thank you!',
  },
};

export type Words = (typeof TEXT)['id'];
