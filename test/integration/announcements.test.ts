/**
 * The two announcements end to end, through the built bundle: what each prints, that it agrees row
 * for row with Kandidat / Hasil Seleksi, when each is refused, what a second announcement says, that
 * no personal data reaches either tab, that both print as planned, and what they cost.
 */
import { Emulator, type Workbook } from '../../emulator';
import { announcedResults } from '../../src/core/announcedResults';
import { PAGE_BODY, ROW_UNIT, A4_PORTRAIT } from '../../src/core/printPages';
import type { CellValue } from '../../src/core/types';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { fillScores } from '../../scripts/demo-data/penilaian';
import { PANEL, scoringWorkbook } from '../support/scoringWorkbook';
import { ensureBuilt } from '../support/dist';

/** Indonesian month names, written out here so the expectations do not come from the code under test. */
const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

beforeAll(ensureBuilt);

/** The Sanggah tab as staff typed it (setup creates one; these tests replace it, with or without the add-on's columns). */
function typedSanggah(wb: Workbook, rows: CellValue[][]): void {
  if (wb.sheet('Sanggah')) wb.removeSheet('Sanggah');
  wb.addSheet('Sanggah', rows);
}

const ADMIN = 'Pengumuman Administrasi';
const FINAL = 'Pengumuman Hasil Akhir';

function settingRow(wb: Workbook, label: string): number {
  const at = wb
    .sheet('Pengaturan')!
    .values()
    .findIndex((r) => r[0] === label);
  if (at < 0) throw new Error(`no setting ${label}`);
  return at + 1;
}
const setSetting = (wb: Workbook, label: string, value: CellValue) =>
  wb.sheet('Pengaturan')!.setValues(settingRow(wb, label), 2, [[value]]);
const setting = (wb: Workbook, label: string) => wb.sheet('Pengaturan')!.displayValues()[settingRow(wb, label) - 1][1];

/** ID → Status Administrasi of every candidate on Kandidat (a blank row has no status: it is no candidate). */
function kandidatStatuses(wb: Workbook): Map<string, string> {
  const values = wb.sheet('Kandidat')!.values();
  const id = values[0].indexOf('ID');
  const status = values[0].indexOf('Status Administrasi');
  return new Map(
    values
      .slice(1)
      .filter((r) => r[status] !== '')
      .map((r) => [String(r[id]), String(r[status])]),
  );
}

const tabValues = (wb: Workbook, tab: string) => wb.sheet(tab)!.values();
const lastAlert = (run: { ui: { alerts: Array<{ prompt: string }> } }) => run.ui.alerts.at(-1)?.prompt ?? '';
const logLines = (wb: Workbook) => wb.sheet('Log')!.values().slice(1);

const scores = (k: number) => ({ K1: k, K2: k, K3: k, K4: k, K5: k });
function submit(emu: Emulator, user: string, candidateId: string, k: number): void {
  const response = emu.runRpc('submitScore', [{ candidateId, scores: scores(k), recused: false, note: '' }], {
    user,
  }) as { ok: boolean };
  if (!response.ok) throw new Error(JSON.stringify(response));
}

/** The printed pages of a tab as drawn: cut at its footers ("… · Halaman k dari n" in the last column). */
function printedPages(wb: Workbook, tab: string): Array<{ rows: CellValue[][]; height: number; footer: string }> {
  const sheet = wb.sheet(tab)!;
  const values = sheet.values();
  const last = values[0].length - 1;
  const pages: Array<{ rows: CellValue[][]; height: number; footer: string }> = [];
  let start = 0;
  values.forEach((r, i) => {
    if (!/(Halaman|Page) \d+ (dari|of) \d+$/.test(String(r[last]))) return;
    let height = 0;
    for (let row = start + 1; row <= i + 1; row++) height += sheet.rowHeight(row);
    pages.push({ rows: values.slice(start, i + 1), height, footer: String(r[last]) });
    start = i + 1;
  });
  expect(start).toBe(values.length);
  return pages;
}

function expectPrintable(wb: Workbook, tab: string, headerCell: string): number {
  const sheet = wb.sheet(tab)!;
  const width = Array.from({ length: sheet.lastColumn() }, (_, c) => sheet.columnWidth(c + 1)).reduce((a, b) => a + b);
  expect(width).toBeLessThanOrEqual(A4_PORTRAIT.width);
  const pages = printedPages(wb, tab);
  pages.slice(0, -1).forEach((p) => expect(p.height).toBe(PAGE_BODY));
  pages.forEach((p, i) => {
    expect(p.height).toBeLessThanOrEqual(PAGE_BODY);
    expect(p.footer).toBe(`${tab} · Halaman ${i + 1} dari ${pages.length}`);
    // Every page's first row is tall enough that the printer cannot pull it onto the page before.
    expect(p.height + ROW_UNIT).toBeGreaterThan(A4_PORTRAIT.height);
    // A page that lists candidates repeats the table header.
    if (p.rows.some((r) => /^K-\d+$/.test(String(r[1])))) expect(p.rows.some((r) => r[1] === headerCell)).toBe(true);
  });
  expect(sheet.cell(1, 1).note).toContain('Cetak/Print: A4 tegak/portrait, Normal 100 %, margin Normal.');
  return pages.length;
}

describe('Umumkan hasil administrasi', () => {
  const { wb, emu } = scoringWorkbook();
  setSetting(wb, 'Nomor pengumuman administrasi', '001/PENG-ADM/XI/2019');
  setSetting(wb, 'Penanggung jawab', 'Drs. H. Ahmad Fauzi');
  setSetting(wb, 'NIP penanggung jawab', "'196801011990031001");
  const run = emu.run('announceAdministrativeResults');

  it('builds the tab with the heading, a table per regency and village, and the signature block', () => {
    expect(run.error).toBeUndefined();
    const values = tabValues(wb, ADMIN);
    const texts = values.map((r) => r.filter((c) => c !== '').join(' | '));
    expect(texts.slice(0, 5)).toEqual([
      'KEMENTERIAN SOSIAL REPUBLIK INDONESIA',
      'PENGUMUMAN HASIL SELEKSI ADMINISTRASI',
      'Rekrutmen Calon Penyuluh Sosial — Desa Berketahanan Sosial',
      'Nomor: 001/PENG-ADM/XI/2019',
      `Tanggal: ${String(values[4][0]).slice('Tanggal: '.length)}`,
    ]);
    expect(texts).toContain('Kabupaten Tanah Laut · Kec. Takisung · Desa/Kel. Takisung');
    expect(texts).toContain('No | ID Kandidat | Nama | NIK | Desa/Kelurahan | Hasil | Kode Alasan');
    expect(texts).toContain('6 | K-0005 | Terlalu Muda | 630101******0005 | Takisung | TMS | A16');
    expect(texts).toContain('A16 — Usia di luar batas');
    expect(texts).toContain('Penanggung jawab,');
    expect(texts).toContain('Drs. H. Ahmad Fauzi');
    expect(texts).toContain('NIP. 196801011990031001');
    // The regencies in order, the villages in order within them.
    const sections = texts.filter((t) => t.startsWith('Kabupaten '));
    expect(sections).toEqual([
      'Kabupaten Garut · Kec. Tarogong Kidul · Desa/Kel. Pataruman',
      'Kabupaten Tanah Laut · Kec. Pelaihari · Desa/Kel. Angsau',
      'Kabupaten Tanah Laut · Kec. Takisung · Desa/Kel. Takisung',
    ]);
  });

  it('agrees with Status Administrasi on Kandidat row for row, as announcedResults reads it back', () => {
    expect(announcedResults(tabValues(wb, ADMIN))).toEqual(kandidatStatuses(wb));
    expect(kandidatStatuses(wb).size).toBe(6);
  });

  it('records the announcement date on Pengaturan and prints the objection window from it', () => {
    const recorded = setting(wb, 'Tanggal pengumuman administrasi');
    expect(recorded).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const [d, m, y] = recorded.split('/').map(Number);
    const texts = tabValues(wb, ADMIN).map((r) => String(r[0]));
    expect(texts).toContain(`Tanggal: ${d} ${MONTHS_ID[m - 1]} ${y}`);
    expect(texts.find((t) => t.startsWith('Masa sanggah: '))).toMatch(
      /^Masa sanggah: \w+, \d+ \w+ \d{4} s\.d\. \w+, \d+ \w+ \d{4}$/,
    );
    expect(lastAlert(run)).toContain(`Tanggal pengumuman ${d} ${MONTHS_ID[m - 1]} ${y} dicatat di tab Pengaturan`);
    expect(logLines(wb).at(-1)![2]).toBe('Umumkan hasil administrasi');
  });

  it('keeps the recorded date when announced again, and the window is counted from it', () => {
    setSetting(wb, 'Tanggal pengumuman administrasi', '27/11/2019');
    const again = emu.run('announceAdministrativeResults');
    expect(again.error).toBeUndefined();
    expect(setting(wb, 'Tanggal pengumuman administrasi')).toBe('27/11/2019');
    const texts = tabValues(wb, ADMIN).map((r) => String(r[0]));
    expect(texts).toContain('Masa sanggah: Kamis, 28 November 2019 s.d. Sabtu, 30 November 2019');
    expect(texts.find((t) => t.startsWith('Tanggal: '))).toMatch(
      /^Tanggal: 27 November 2019 \(diperbarui \d+ \w+ \d{4}\)$/,
    );
    expect(lastAlert(again)).toContain('Tanggal pengumuman 27 November 2019 (tetap, dari tab Pengaturan)');
    expect(lastAlert(again)).toContain('Sejak pengumuman sebelumnya: tidak ada perubahan.');
  });

  it('says what changed since the last announcement: added, removed, status changed — in the alert and on Log', () => {
    const kandidat = wb.sheet('Kandidat')!;
    // K-0002 becomes too young (a hand edit: the live check revalidates the row), K-0006 is cleared,
    // a new candidate is added and validated.
    const header = kandidat.values()[0];
    const born = header.indexOf('Tanggal Lahir') + 1;
    emu.edit('Kandidat', `${String.fromCharCode(64 + born)}3`, '10/05/2010');
    const row7 = kandidat.values()[6];
    kandidat.setValues(7, 2, [row7.slice(1).map(() => '')]);
    kandidat.setValues(8, 2, [kandidat.values()[1].slice(1, 15)]);
    kandidat.setValues(8, 3, [['6301034708900077']]);
    kandidat.setValues(8, 13, [['081234560077']]);
    const validated = emu.run('validateCandidates');
    expect(validated.error).toBeUndefined();
    const again = emu.run('announceAdministrativeResults');
    expect(again.error).toBeUndefined();
    const expected = '1 ditambahkan (K-0007); 1 dihapus (K-0006); 1 status berubah (K-0002 MS → TMS)';
    expect(lastAlert(again)).toContain(`Sejak pengumuman sebelumnya: ${expected}.`);
    expect(String(logLines(wb).at(-1)![3])).toContain(`sejak pengumuman sebelumnya: ${expected}`);
    expect(announcedResults(tabValues(wb, ADMIN))).toEqual(kandidatStatuses(wb));
  });

  it('refuses, naming the rows, while statuses on Kandidat are not current; nothing is written', () => {
    const before = tabValues(wb, ADMIN);
    const logs = logLines(wb).length;
    // A setting changed by hand: every status may be different now, but nobody validated.
    setSetting(wb, 'Usia maksimum', '25');
    const refused = emu.run('announceAdministrativeResults');
    expect(refused.error).toBeUndefined();
    expect(lastAlert(refused)).toMatch(/^Status Administrasi di tab Kandidat belum mutakhir pada baris \d/);
    expect(lastAlert(refused)).toContain('Ekstensi › Seleksi & FGD › Validasi data kandidat');
    expect(tabValues(wb, ADMIN)).toEqual(before);
    expect(logLines(wb)).toHaveLength(logs);
    setSetting(wb, 'Usia maksimum', '55');
  });

  it('refuses a candidate row without an ID (added without validation), naming the row', () => {
    const kandidat = wb.sheet('Kandidat')!;
    kandidat.setValues(9, 2, [kandidat.values()[1].slice(1, 15)]);
    kandidat.setValues(9, 3, [['6301034708900099']]);
    kandidat.setValues(9, 13, [['081234560099']]);
    const refused = emu.run('announceAdministrativeResults');
    expect(lastAlert(refused)).toContain('belum mutakhir pada baris 9 ');
    emu.run('validateCandidates');
    expect(emu.run('announceAdministrativeResults').ui.alerts.at(-1)!.title).toBe('Pengumuman hasil administrasi');
  });
});

describe('the administrative announcement in other circumstances', () => {
  it('is refused before anything is recorded when a tab of the same name was not made by the add-on', () => {
    const { wb, emu } = scoringWorkbook();
    wb.addSheet(ADMIN, [['Pengumuman saya sendiri']]);
    const run = emu.run('announceAdministrativeResults');
    expect(lastAlert(run)).toContain('bukan buatan add-on');
    expect(tabValues(wb, ADMIN)).toEqual([['Pengumuman saya sendiri']]);
    expect(setting(wb, 'Tanggal pengumuman administrasi')).toBe('');
  });

  it('adds the date setting on a new row of Pengaturan when the tab has no row for it (an older workbook)', () => {
    const { wb, emu } = scoringWorkbook();
    const pengaturan = wb.sheet('Pengaturan')!;
    pengaturan.deleteRows(settingRow(wb, 'Tanggal pengumuman administrasi'), 1);
    const rows = pengaturan.lastRow();
    emu.run('announceAdministrativeResults');
    expect(pengaturan.lastRow()).toBe(rows + 1);
    const added = pengaturan.values()[rows];
    expect(added[0]).toBe('Tanggal pengumuman administrasi');
    expect(String(added[1])).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(added[2]).toContain('masa sanggah dihitung dari hari berikutnya');
    // Read back as the setting it is: announcing again keeps it.
    emu.run('announceAdministrativeResults');
    expect(pengaturan.lastRow()).toBe(rows + 1);
    expect(lastAlert(emu.lastRun!)).toContain('(tetap, dari tab Pengaturan)');
  });

  it('speaks English when Bahasa is English; its headers are the English ones announcedResults reads', () => {
    const { wb, emu } = scoringWorkbook();
    setSetting(wb, 'Bahasa', 'English');
    const run = emu.run('announceAdministrativeResults');
    expect(run.ui.alerts.at(-1)!.title).toBe('Administrative results announced');
    expect(lastAlert(run)).toMatch(
      /^The Pengumuman Administrasi tab was made: 6 candidates \(MS 5, TMS 1, Perlu Cek 0\)/,
    );
    const values = tabValues(wb, ADMIN);
    expect(values[1][0]).toBe('ADMINISTRATIVE SELECTION RESULTS');
    expect(values.some((r) => r[1] === 'Candidate ID' && r[5] === 'Result')).toBe(true);
    expect(values.some((r) => r[0] === 'A16 — Age out of range')).toBe(true);
    expect(values.some((r) => String(r[0]).startsWith('Objection period: '))).toBe(true);
    expect(announcedResults(values)).toEqual(kandidatStatuses(wb));
    expect(printedPages(wb, ADMIN).map((p) => p.footer)).toEqual([
      'Pengumuman Administrasi · Page 1 of 2',
      'Pengumuman Administrasi · Page 2 of 2',
    ]);
  });

  it('writes formula-looking names as text and shows a verifier decision as its code, never its reason', () => {
    const { wb, emu } = scoringWorkbook();
    const kandidat = wb.sheet('Kandidat')!;
    const header = kandidat.values()[0];
    kandidat.setValues(3, 2, [['\'=IMPORTXML("http://x","//a")']]);
    const decision = header.indexOf('Keputusan Verifikator') + 1;
    kandidat.setValues(4, decision, [['TMS', 'KTP palsu, NIK asli 6301014301950003 milik orang lain']]);
    emu.run('validateCandidates');
    emu.run('announceAdministrativeResults');
    const sheet = wb.sheet(ADMIN)!;
    const values = sheet.values();
    const at = values.findIndex((r) => r[1] === 'K-0002');
    expect(values[at][2]).toBe('=IMPORTXML("http://x","//a")');
    expect(sheet.cell(at + 1, 3).formula).toBe('');
    const k3 = values.find((r) => r[1] === 'K-0003')!;
    expect(k3[5]).toBe('TMS');
    expect(k3[6]).toBe('A25');
    expect(values.some((r) => r[0] === 'A25 — Diputuskan verifikator')).toBe(true);
    expect(JSON.stringify(values)).not.toContain('KTP palsu');
  });
});

describe('statuses that are current, and Perlu Cek', () => {
  it('settles an edit that waited for the live check (another action held the lock) before announcing', () => {
    const { wb, emu } = scoringWorkbook();
    const born = wb.sheet('Kandidat')!.values()[0].indexOf('Tanggal Lahir') + 1;
    emu.holdDocumentLock();
    emu.edit('Kandidat', `${String.fromCharCode(64 + born)}2`, '10/05/2010'); // K-0001 becomes too young
    emu.releaseDocumentLock();
    const run = emu.run('announceAdministrativeResults');
    expect(run.ui.alerts.at(-1)!.title).toBe('Pengumuman hasil administrasi');
    expect(kandidatStatuses(wb).get('K-0001')).toBe('TMS');
    expect(announcedResults(tabValues(wb, ADMIN))).toEqual(kandidatStatuses(wb));
  });

  it('gives a Perlu Cek candidate the codes of its warnings, explained in the legend', () => {
    const { wb, emu } = scoringWorkbook();
    const phone = wb.sheet('Kandidat')!.values()[0].indexOf('No. HP') + 1;
    emu.edit('Kandidat', `${String.fromCharCode(64 + phone)}5`, "'0512-21234"); // K-0004: a landline
    expect(kandidatStatuses(wb).get('K-0004')).toBe('Perlu Cek');
    emu.run('announceAdministrativeResults');
    const values = tabValues(wb, ADMIN);
    const row = values.find((r) => r[1] === 'K-0004')!;
    expect(row[5]).toBe('Perlu Cek');
    expect(row[6]).toBe('A20');
    expect(values.some((r) => r[0] === 'A20 — Nomor telepon rumah/kantor, bukan HP')).toBe(true);
    // An MS candidate has no code.
    expect(values.find((r) => r[1] === 'K-0001')![6]).toBe('');
  });
});

describe('nothing personal on either announcement', () => {
  it.each(['Ya', 'Tidak'])(
    'with Samarkan data pribadi = %s, no cell holds a full NIK, birth date, phone or address',
    (mask) => {
      const { wb, emu } = scoringWorkbook();
      setSetting(wb, 'Samarkan data pribadi', mask);
      emu.run('announceAdministrativeResults');
      submit(emu, PANEL.ani, 'K-0001', 5);
      submit(emu, PANEL.budi, 'K-0001', 4);
      submit(emu, PANEL.ani, 'K-0002', 4);
      submit(emu, PANEL.budi, 'K-0002', 4);
      emu.run('computeRanking');
      setSetting(wb, 'Tanggal pengumuman administrasi', '25/11/2019');
      const final = emu.run('announceFinalResults');
      expect(final.ui.alerts.at(-1)!.title).toBe('Pengumuman hasil akhir');

      const kandidat = wb.sheet('Kandidat')!;
      const header = kandidat.values()[0];
      const col = (h: string) => header.indexOf(h);
      const secrets: string[] = [];
      kandidat
        .displayValues()
        .slice(1)
        .forEach((row, i) => {
          const raw = kandidat.values()[i + 1];
          const nik = row[col('NIK')];
          const phone = row[col('No. HP')].replace(/\D/g, '');
          secrets.push(nik, nik.slice(6, 12), row[col('Tanggal Lahir')], row[col('Alamat')]);
          secrets.push(phone, phone.replace(/^0/, '62'), phone.replace(/^0/, '+62'), phone.slice(-8));
          const born = raw[col('Tanggal Lahir')] as Date;
          const local = new Date(born.getTime() + 8 * 3600_000);
          const day = local.getUTCDate();
          const month = local.getUTCMonth() + 1;
          secrets.push(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${local.getUTCFullYear()}`);
        });
      for (const row of kandidat.values().slice(1)) {
        const local = new Date((row[col('Tanggal Lahir')] as Date).getTime() + 8 * 3600_000);
        secrets.push(`${local.getUTCDate()} ${MONTHS_ID[local.getUTCMonth()]} ${local.getUTCFullYear()}`);
      }
      for (const tab of [ADMIN, FINAL]) {
        const sheet = wb.sheet(tab)!;
        const cells = [...sheet.values().flat().map(String), ...sheet.displayValues().flat(), sheet.cell(1, 1).note];
        for (const cell of cells)
          for (const secret of secrets.filter((s) => s.length >= 4)) expect(cell).not.toContain(secret);
        // The NIK column shows masked NIKs only.
        const nikCells = sheet
          .values()
          .filter((r) => /^K-\d+$/.test(String(r[1])))
          .map((r) => String(r[3]));
        expect(nikCells.length).toBeGreaterThan(0);
        nikCells.forEach((n) => expect(n).toMatch(/^\d{6}\*{6}\d{4}$/));
      }
    },
  );
});

describe('Umumkan hasil akhir', () => {
  const { wb, emu } = scoringWorkbook();
  submit(emu, PANEL.ani, 'K-0001', 5);
  submit(emu, PANEL.budi, 'K-0001', 4);
  submit(emu, PANEL.ani, 'K-0002', 4);
  submit(emu, PANEL.budi, 'K-0002', 4);
  submit(emu, PANEL.budi, 'K-0003', 5);
  submit(emu, PANEL.citra, 'K-0003', 4);
  submit(emu, PANEL.ani, 'K-0004', 2);
  submit(emu, PANEL.citra, 'K-0004', 3);

  it('is refused before the administrative announcement', () => {
    const run = emu.run('announceFinalResults');
    expect(lastAlert(run)).toContain('Hasil administrasi belum diumumkan');
    expect(wb.sheet(FINAL)).toBeUndefined();
  });

  it('is refused while the objection period is open (today is within it)', () => {
    emu.run('announceAdministrativeResults');
    const run = emu.run('announceFinalResults');
    expect(lastAlert(run)).toMatch(
      /^Masa sanggah masih berlangsung sampai \d+ \w+ \d{4}\. Hasil akhir dapat diumumkan mulai hari berikutnya/,
    );
    expect(wb.sheet(FINAL)).toBeUndefined();
  });

  it('is refused while an objection on Sanggah is undecided or not processed, naming the rows', () => {
    setSetting(wb, 'Tanggal pengumuman administrasi', '25/11/2019');
    typedSanggah(wb, [
      [
        'Tanggal Masuk',
        'ID Kandidat',
        'Nama',
        'Isi Sanggahan',
        'Keputusan',
        'Alasan Keputusan',
        'Status Sanggah',
        'Diputuskan Oleh',
        'Waktu Keputusan',
      ],
      [
        '26/11/2019',
        'K-0005',
        'Terlalu Muda',
        'Usia saya benar',
        'Ditolak',
        'Usia di bawah batas',
        'Ditolak',
        'a@b.c',
        '',
      ],
      ['', '', '', '', '', '', '', '', ''],
      ['27/11/2019', 'K-0005', 'Terlalu Muda', 'Sanggahan kedua', '', '', 'Menunggu', '', ''],
      ['27/11/2019', 'K-0004', 'Muhammad Rizky', 'Belum diproses', '', '', '', '', ''],
    ]);
    const run = emu.run('announceFinalResults');
    expect(lastAlert(run)).toBe(
      'Tab Sanggah baris 4, 5: sanggahan belum diputuskan atau belum diproses (kolom Status Sanggah kosong atau Menunggu). Isi Keputusan dan Alasan Keputusan, jalankan Proses sanggah, lalu umumkan lagi.',
    );
    wb.sheet('Sanggah')!.setValues(4, 7, [['Tidak sah']]);
    wb.sheet('Sanggah')!.setValues(5, 7, [['Ditolak']]);
  });

  it('is refused until the ranking is computed, and again once its sources change', () => {
    const missing = emu.run('announceFinalResults');
    expect(lastAlert(missing)).toContain('Peringkat belum dihitung (tab Hasil Seleksi belum ada)');
    emu.run('computeRanking');
    emu.edit('Kandidat', 'B2', 'Siti Aminah Rahmah');
    const stale = emu.run('announceFinalResults');
    expect(lastAlert(stale)).toContain('Tab Hasil Seleksi perlu diperbarui');
    expect(wb.sheet(FINAL)).toBeUndefined();
  });

  it('lists Lulus and Cadangan per quota unit in rank order, agreeing row for row with Hasil Seleksi', () => {
    emu.run('computeRanking');
    const run = emu.run('announceFinalResults');
    expect(run.error).toBeUndefined();
    expect(run.ui.alerts.at(-1)!.title).toBe('Pengumuman hasil akhir');
    expect(lastAlert(run)).toContain('Tab Pengumuman Hasil Akhir dibuat: Lulus 2, Cadangan 1.');
    const hasil = tabValues(wb, 'Hasil Seleksi');
    const h = hasil.find((r) => r[0] === 'Unit')!;
    const fromResults = hasil
      .filter((r) => r[h.indexOf('Hasil')] === 'Lulus' || r[h.indexOf('Hasil')] === 'Cadangan')
      .map((r) => [
        r[h.indexOf('Peringkat')],
        r[2],
        r[3],
        r[4],
        r[6],
        Math.round(Number(r[h.indexOf('Skor Akhir')]) * 10) / 10,
        r[h.indexOf('Hasil')],
      ]);
    const values = tabValues(wb, FINAL);
    const announced = values.filter((r) => /^K-\d+$/.test(String(r[1]))).map((r) => r.slice(0, 7));
    expect(announced).toEqual(fromResults);
    expect(announced.map((r) => r[1])).toEqual(['K-0001', 'K-0002', 'K-0003']);
    const texts = values.map((r) => r.filter((c) => c !== '').join(' | '));
    expect(texts).toContain('Peringkat | ID Kandidat | Nama | NIK | Desa/Kelurahan | Skor Akhir | Hasil');
    expect(texts).toContain('Angsau, Kec. Pelaihari, Kabupaten Tanah Laut (kuota 1)');
    expect(announcedResults(values)).toEqual(
      new Map([
        ['K-0001', 'Lulus'],
        ['K-0002', 'Cadangan'],
        ['K-0003', 'Lulus'],
      ]),
    );
    expect(logLines(wb).at(-1)![2]).toBe('Umumkan hasil akhir');
    expect(logLines(wb).at(-1)![3]).toBe('Lulus 2, Cadangan 1');
  });

  it('leaves the score out when Tampilkan skor di pengumuman is Tidak, and says what changed', () => {
    setSetting(wb, 'Tampilkan skor di pengumuman', 'Tidak');
    const run = emu.run('announceFinalResults');
    const values = tabValues(wb, FINAL);
    expect(values.some((r) => r.join('|') === 'Peringkat|ID Kandidat|Nama|NIK|Desa/Kelurahan|Hasil')).toBe(true);
    expect(lastAlert(run)).toContain('sejak pengumuman sebelumnya: tidak ada perubahan');
  });

  it('prints both announcements on A4 portrait as planned', () => {
    expect(expectPrintable(wb, FINAL, 'ID Kandidat')).toBe(1);
    // Six candidates in three villages, the window, the legend and the signature: two pages.
    expect(expectPrintable(wb, ADMIN, 'ID Kandidat')).toBe(2);
  });
});

describe('at size: pages, and calls that do not grow with the candidates', () => {
  function announced(candidates: number) {
    const { workbook } = loadDemoWorkbook({ candidates });
    const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
    emu.run('setupWorkbook');
    emu.documentProperties.set('validation:oneStepRows', '1000000');
    emu.run('validateCandidates');
    const run = emu.run('announceAdministrativeResults');
    return { wb: workbook, run, emu };
  }

  it('pages a long announcement with the header on every page, within the same number of calls', () => {
    const small = announced(100);
    const large = announced(2000);
    expect(small.run.error).toBeUndefined();
    expect(large.run.error).toBeUndefined();
    expect(announcedResults(tabValues(large.wb, ADMIN))).toEqual(kandidatStatuses(large.wb));
    const pages = expectPrintable(large.wb, ADMIN, 'ID Kandidat');
    expect(pages).toBeGreaterThan(30);
    // Calls: the same reads and one block per kind of format, however many candidates (row
    // heights add one call per run of taller rows, which grows with wrapped names, not with rows).
    const calls = (r: typeof small.run) => r.totalCalls - (r.calls['Sheet.setRowHeights'] ?? 0);
    // (mergeAcross: one per run of legend lines, at most one per rule; fitSize inserts or deletes rows.)
    expect(calls(large.run)).toBeLessThanOrEqual(calls(small.run) + 3);
    expect(small.run.totalCalls).toBeLessThanOrEqual(150);
    // Row heights: the default once, then only the rows that need more room than a line.
    const tall = (wb: Workbook) => {
      const sheet = wb.sheet(ADMIN)!;
      return Array.from({ length: sheet.lastRow() }, (_, i) => sheet.rowHeight(i + 1)).filter((h) => h > 24).length;
    };
    expect(large.run.calls['Sheet.setRowHeights']).toBeLessThanOrEqual(1 + tall(large.wb));
    // Cells read: Kandidat once, as values (the statuses need no cell as shown), plus the small tabs.
    const kandidat = large.wb.sheet('Kandidat')!;
    const kandidatCells = kandidat.lastRow() * kandidat.lastColumn();
    expect(large.run.calls['Range.getDisplayValues'] ?? 0).toBeLessThanOrEqual(1);
    expect(large.run.cellsRead).toBeLessThanOrEqual(kandidatCells + 5_000);
    // Announcing again reads the previous announcement once more (its values, for what changed).
    const tab = large.wb.sheet(ADMIN)!;
    const tabCells = tab.lastRow() * tab.lastColumn();
    const again = large.emu.run('announceAdministrativeResults');
    expect(again.ui.alerts.at(-1)!.prompt).toContain('Sejak pengumuman sebelumnya: tidak ada perubahan.');
    expect(again.cellsRead).toBeLessThanOrEqual(kandidatCells + tabCells + 5_000);
    expect(calls(again)).toBeLessThanOrEqual(calls(large.run) + 5);
  });
});

describe('the final announcement in English', () => {
  it('says why it is refused in English', () => {
    const { wb, emu } = scoringWorkbook();
    setSetting(wb, 'Bahasa', 'English');
    expect(lastAlert(emu.run('announceFinalResults'))).toBe(
      'The administrative results have not been announced (Tanggal pengumuman administrasi on the Pengaturan tab is blank). Run Extensions › Seleksi & FGD › Announce the administrative results first; the final results are announced after the objection period.',
    );
    emu.run('announceAdministrativeResults');
    expect(lastAlert(emu.run('announceFinalResults'))).toMatch(
      /^The objection period runs until \d+ \w+ \d{4}\. The final results can be announced from the next day/,
    );
    setSetting(wb, 'Tanggal pengumuman administrasi', '25/11/2019');
    typedSanggah(wb, [
      ['Tanggal Masuk', 'ID Kandidat', 'Nama', 'Isi Sanggahan', 'Keputusan', 'Alasan Keputusan', 'Status Sanggah'],
      ['26/11/2019', 'K-0005', 'Terlalu Muda', 'Usia saya benar', '', '', 'Menunggu'],
    ]);
    expect(lastAlert(emu.run('announceFinalResults'))).toBe(
      'Sanggah tab row(s) 2: objection not decided or not processed yet (Status Sanggah blank or Menunggu). Fill in Keputusan and Alasan Keputusan, run Proses sanggah (Process objections), then announce again.',
    );
    wb.sheet('Sanggah')!.setValues(2, 7, [['Ditolak']]);
    expect(lastAlert(emu.run('announceFinalResults'))).toBe(
      'The ranking has not been computed (there is no Hasil Seleksi tab). Run Extensions › Seleksi & FGD › Compute scores & ranking first, then announce.',
    );
    expect(wb.sheet(FINAL)).toBeUndefined();
  });
});

describe('the final announcement and a Sanggah tab without the add-on columns', () => {
  it('counts every non-blank row as not processed yet until Proses sanggah has written Status Sanggah', () => {
    const { wb, emu } = scoringWorkbook();
    emu.run('announceAdministrativeResults');
    setSetting(wb, 'Tanggal pengumuman administrasi', '25/11/2019');
    typedSanggah(wb, [
      ['Tanggal Masuk', 'ID Kandidat', 'Nama', 'Isi Sanggahan', 'Keputusan', 'Alasan Keputusan'],
      ['', '', '', '', '', ''],
      ['26/11/2019', 'K-0005', 'Terlalu Muda', 'Usia saya benar', 'Ditolak', 'Usia di bawah batas'],
    ]);
    expect(lastAlert(emu.run('announceFinalResults'))).toMatch(/^Tab Sanggah baris 3: sanggahan belum diputuskan/);
    expect(wb.sheet(FINAL)).toBeUndefined();
  });
});

describe('the final announcement at size', () => {
  function announced(candidates: number) {
    const { workbook } = loadDemoWorkbook({ candidates });
    const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
    emu.run('setupWorkbook');
    emu.documentProperties.set('validation:oneStepRows', '1000000');
    emu.run('validateCandidates');
    fillScores(emu, workbook, 'final-secret');
    emu.run('announceAdministrativeResults');
    setSetting(workbook, 'Tanggal pengumuman administrasi', '25/11/2019');
    emu.run('computeRanking');
    const run = emu.run('announceFinalResults');
    return { wb: workbook, run };
  }

  it('costs the same calls at 100 and 1,000 candidates, reads each source tab once, and prints as planned', () => {
    const small = announced(100);
    const large = announced(1000);
    for (const r of [small, large]) {
      expect(r.run.error).toBeUndefined();
      expect(r.run.ui.alerts.at(-1)!.title).toBe('Pengumuman hasil akhir');
    }
    const calls = (r: typeof small.run) => r.totalCalls - (r.calls['Sheet.setRowHeights'] ?? 0);
    expect(calls(large.run)).toBeLessThanOrEqual(calls(small.run) + 2);
    const cells = (name: string) => large.wb.sheet(name)!.lastRow() * large.wb.sheet(name)!.lastColumn();
    expect(large.run.cellsRead).toBeLessThanOrEqual(cells('Kandidat') + cells('Penilaian') + 5_000);
    // Every Lulus and Cadangan row of Hasil Seleksi, in its order, and nothing else.
    const hasil = tabValues(large.wb, 'Hasil Seleksi');
    const h = hasil.find((r) => r[0] === 'Unit')!;
    const result = h.indexOf('Hasil');
    const expected = hasil
      .filter((r) => r[result] === 'Lulus' || r[result] === 'Cadangan')
      .map((r) => [r[2], r[result]]);
    const listed = tabValues(large.wb, FINAL).filter((r) => /^K-\d+$/.test(String(r[1])));
    expect(listed.map((r) => [r[1], r[6]])).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
    expectPrintable(large.wb, FINAL, 'ID Kandidat');
  });
});
