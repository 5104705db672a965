/** "Siapkan lembar kerja" end to end: the real dist/Code.js on the emulator. */
import { Emulator, Workbook } from '../../emulator';
import { SETTING_DEFS } from '../../src/core/settings';
import { CANDIDATES_TAB } from '../../src/core/schema';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const CONTRACT_TABS = [
  'Pengaturan',
  'Kandidat',
  'Desa Sasaran',
  'Kriteria',
  'Panel',
  'Sesi',
  'Peserta',
  'Sanggah',
  'Penilaian',
  'Log',
];

function freshWorkbook(): Workbook {
  const wb = new Workbook();
  wb.addSheet('Sheet1');
  return wb;
}

function headerRow(wb: Workbook, tab: string): string[] {
  return (wb.sheet(tab)!.values()[0] ?? []).map(String);
}

/** Everything but the Log tab, whose rows grow with every run by design. */
function snapshotWithoutLog(wb: Workbook): unknown {
  const snap = JSON.parse(JSON.stringify(wb.snapshot()));
  snap.sheets = snap.sheets.filter((s: { name: string }) => s.name !== 'Log');
  return snap;
}

describe('setup on an empty workbook', () => {
  const wb = freshWorkbook();
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  const run = emu.run('setupWorkbook');

  it('runs without an error or alert and says so in a toast', () => {
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts).toEqual([]);
    expect(run.ui.toasts.map((t) => t.message)).toEqual([
      'Menyiapkan lembar kerja…',
      'Lembar kerja siap (10 perubahan, lihat tab Log).',
    ]);
  });

  it('creates every contract tab after the existing one, with headers in row 1, frozen', () => {
    expect(wb.sheetNames()).toEqual(['Sheet1', ...CONTRACT_TABS]);
    expect(headerRow(wb, 'Kandidat')).toEqual(CANDIDATES_TAB.columns.map((c) => c.header));
    expect(headerRow(wb, 'Penilaian')).toEqual([
      'Waktu',
      'ID Kandidat',
      'Email Penilai',
      'Nama Penilai',
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'Total',
      'Konflik Kepentingan',
      'Catatan',
      'Segel',
      'Identitas',
    ]);
    for (const tab of CONTRACT_TABS) expect([tab, wb.sheet(tab)!.frozenRows]).toEqual([tab, 1]);
  });

  it('formats NIK, phone and time columns as text and date columns as dates', () => {
    const candidates = wb.sheet('Kandidat')!;
    expect(candidates.cell(2, 3).numberFormat).toBe('@'); // NIK
    expect(candidates.cell(1000, 3).numberFormat).toBe('@');
    expect(candidates.cell(2, 13).numberFormat).toBe('@'); // No. HP
    expect(candidates.cell(2, 6).numberFormat).toBe('dd/MM/yyyy'); // Tanggal Lahir
    expect(wb.sheet('Sesi')!.cell(5, 4).numberFormat).toBe('@'); // Jam Mulai
    expect(wb.sheet('Peserta')!.cell(2, 7).numberFormat).toBe('@'); // No. HP
  });

  it('puts warning-only dropdowns on sex, education, unsur, time zone and yes/no columns', () => {
    const rule = (tab: string, row: number, col: number) => {
      const v = wb.sheet(tab)!.cell(row, col).dataValidation;
      return v ? { values: v.criteriaValues[0], allowInvalid: v.allowInvalid } : undefined;
    };
    expect(rule('Kandidat', 2, 4)).toEqual({ values: ['L', 'P'], allowInvalid: true });
    expect(rule('Kandidat', 500, 7)).toEqual({
      values: ['Tidak/Belum Sekolah', 'SD', 'SLTP', 'SLTA', 'D1/D2', 'D3', 'D4/S1', 'S2', 'S3'],
      allowInvalid: true,
    });
    expect(rule('Peserta', 2, 4)).toEqual({
      values: [
        'Peneliti',
        'Penyuluh Sosial',
        'Perwakilan Instansi Terkait',
        'Aparat Desa',
        'Calon Penyuluh Sosial',
        'Tokoh Masyarakat',
        'Lainnya',
      ],
      allowInvalid: true,
    });
    expect(rule('Sesi', 2, 6)).toEqual({ values: ['WIB', 'WITA', 'WIT'], allowInvalid: true });
    expect(rule('Panel', 2, 4)).toEqual({ values: ['Ya', 'Tidak'], allowInvalid: true });
    expect(rule('Pengaturan', 10, 2)).toEqual({
      values: ['Rata-rata', 'Rata-rata terpangkas', 'Skor-z'],
      allowInvalid: true,
    });
    expect(rule('Kandidat', 2, 2)).toBeUndefined();
  });

  it('writes the default settings with explanations and the default rubric', () => {
    const settings = wb.sheet('Pengaturan')!.values();
    expect(settings).toHaveLength(SETTING_DEFS.length + 1);
    expect(settings[10]).toEqual(['Ambang lulus', 60, 'Skor akhir minimum (0–100) untuk lulus.']);
    expect(settings[28]).toEqual([
      'Bahasa',
      'Indonesia',
      'Bahasa menu, formulir, pesan dan tab yang dibuat: Indonesia atau English.',
    ]);
    const rubric = wb.sheet('Kriteria')!.values();
    expect(rubric.map((r) => r[0])).toEqual(['Kode', 'K1', 'K2', 'K3', 'K4', 'K5']);
    expect(rubric.slice(1).reduce((sum, r) => sum + Number(r[2]), 0)).toBe(100);
  });

  it('marks output columns and explains them in a note', () => {
    const status = wb.sheet('Kandidat')!.cell(1, 18);
    expect(status.value).toBe('Status Administrasi');
    expect(status.fontWeight).toBe('bold');
    expect(status.note).toBe(
      'Diisi add-on: MS, TMS atau Perlu Cek.\nWritten by the add-on: MS, TMS or Perlu Cek (needs checking).',
    );
    expect(wb.sheet('Kandidat')!.columnWidth(3)).toBe(150);
  });

  it('protects the scores and the log with a warning, not a lock', () => {
    for (const tab of ['Penilaian', 'Log']) {
      expect(wb.sheet(tab)!.protections.map((p) => [p.type, p.warningOnly])).toEqual([['SHEET', true]]);
    }
    expect(wb.sheet('Kandidat')!.protections).toEqual([]);
  });

  it('logs who did what', () => {
    const log = wb.sheet('Log')!.values();
    expect(log).toHaveLength(2);
    expect(log[1][0]).toBeInstanceOf(Date);
    expect(log[1].slice(1, 3)).toEqual(['koordinator@example.go.id', 'Siapkan lembar kerja']);
    expect(String(log[1][3]).split('\n')).toHaveLength(10);
  });

  it('stays within a fixed call budget', () => {
    // Per tab: a lookup, a few reads, one write per block, one call per formatted column (10 tabs, ~43 each).
    expect(run.totalCalls).toBeLessThanOrEqual(450);
  });

  it('gives the same workbook when run again (apart from the new Log line), and says nothing changed', () => {
    const before = snapshotWithoutLog(wb);
    const again = emu.run('setupWorkbook');
    expect(again.error).toBeUndefined();
    expect(snapshotWithoutLog(wb)).toEqual(before);
    expect(again.ui.toasts.map((t) => t.message)).toEqual([
      'Menyiapkan lembar kerja…',
      'Lembar kerja sudah lengkap; tidak ada yang diubah.',
    ]);
    expect(wb.sheet('Log')!.values()[2][3]).toBe('Tidak ada yang perlu ditambahkan: lembar kerja sudah lengkap.');
  });
});

describe('setup on a workbook that already holds data', () => {
  function workbookWithData(): Workbook {
    const wb = freshWorkbook();
    const candidates = wb.addSheet('Kandidat', [
      ['Nama', 'NIK', 'Catatan Saya', 'No HP'],
      ['Siti Aminah', '6301054708900001', 'kenal kades', '081234567890'],
      ['Budi', 6301051708900002, '', 81234567891],
    ]);
    candidates.setBackground?.(2, 3, '#ffff00');
    wb.addSheet('Pengaturan', [
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Ambang lulus', 70, 'disepakati rapat 20/11'],
      ['Bahasa', 'English', ''],
    ]);
    wb.addSheet('Catatan Rapat', [['Notulen'], ['=SUM(1,2)']]);
    return wb;
  }

  it('adds missing columns at the right end and changes none of the user cells', () => {
    const wb = workbookWithData();
    const before = wb
      .sheet('Kandidat')!
      .values()
      .map((r) => r.slice(0, 4));
    const run = new Emulator({ workbook: wb }).run('setupWorkbook');
    expect(run.error).toBeUndefined();
    const after = wb.sheet('Kandidat')!.values();
    expect(after.map((r) => r.slice(0, 4))).toEqual(before);
    expect(after[0].slice(4, 6)).toEqual(['ID', 'Jenis Kelamin']);
    expect(after[0][22]).toBe('Hasil Seleksi');
    expect(after[1].slice(4)).toEqual(new Array(24).fill(''));
  });

  it('keeps the typed settings, appends the missing ones in the UI language, and leaves other tabs alone', () => {
    const wb = workbookWithData();
    const other = JSON.stringify(wb.sheet('Catatan Rapat')!.values());
    const run = new Emulator({ workbook: wb }).run('setupWorkbook');
    const settings = wb.sheet('Pengaturan')!.values();
    expect(settings.slice(0, 3)).toEqual([
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Ambang lulus', 70, 'disepakati rapat 20/11'],
      ['Bahasa', 'English', ''],
    ]);
    expect(settings).toHaveLength(SETTING_DEFS.length + 1);
    expect(settings[3]).toEqual([
      'Nama kegiatan',
      'Rekrutmen Calon Penyuluh Sosial — Desa Berketahanan Sosial',
      'Activity title on the tabs the add-on generates (attendance, results, summaries).',
    ]);
    expect(JSON.stringify(wb.sheet('Catatan Rapat')!.values())).toBe(other);
    expect(run.ui.toasts.at(-1)!.message).toBe('Workbook ready (10 changes, see the Log tab).');
  });

  it('finishes setting up but warns, in Indonesian, about a bad settings value', () => {
    const wb = freshWorkbook();
    wb.addSheet('Pengaturan', [
      ['Pengaturan', 'Nilai', 'Keterangan'],
      ['Ambang lulus', 'enam puluh', ''],
    ]);
    const run = new Emulator({ workbook: wb }).run('setupWorkbook');
    expect(run.error).toBeUndefined();
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Pengaturan', ...CONTRACT_TABS.slice(1)]);
    expect(run.ui.alerts).toHaveLength(1);
    expect(run.ui.alerts[0].prompt).toContain(
      'Pengaturan "Ambang lulus" (tab Pengaturan, baris 2, kolom Nilai) berisi "enam puluh", padahal harus angka 0–100.',
    );
  });
});

describe('setup under contention and faults', () => {
  it('tells the user to retry when another run holds the lock, and changes nothing', () => {
    const wb = freshWorkbook();
    const emu = new Emulator({ workbook: wb });
    emu.holdDocumentLock();
    const run = emu.run('setupWorkbook');
    expect(run.error).toBeUndefined();
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    expect(run.ui.alerts.map((a) => a.prompt)).toEqual([
      'Add-on sedang dijalankan oleh orang lain pada spreadsheet ini. Tunggu sebentar, lalu coba lagi. Tidak ada yang diubah.',
    ]);
  });

  it('reports a service failure in plain words, without a stack trace, and releases the lock', () => {
    const wb = freshWorkbook();
    const emu = new Emulator({ workbook: wb });
    emu.failAfter(40, 'Service Spreadsheets timed out while accessing document');
    const run = emu.run('setupWorkbook');
    expect(run.error).toBeUndefined();
    const message = run.ui.alerts[0].prompt;
    expect(message).toContain(
      'Tindakan terhenti karena kesalahan tak terduga: Service Spreadsheets timed out while accessing document',
    );
    expect(message).not.toMatch(/\bat .*:\d+:\d+/);
    emu.failAfter(null);
    // The lock was released: a second run completes, and fills in what the first could not.
    const retry = emu.run('setupWorkbook');
    expect(retry.ui.alerts).toEqual([]);
    expect(wb.sheetNames()).toEqual(['Sheet1', ...CONTRACT_TABS]);
  });
});
