/**
 * Issue 11, items 8–12: a failure stays in its row, quotas are checked like settings, an edit made
 * while the lock is held is never skipped silently, and the smaller defects.
 */
import { checkRow } from '../../src/core/validation/validate';
import { rowRecord } from '../../src/core/headers';
import { matchHeaders } from '../../src/core/headers';
import { CANDIDATES_TAB } from '../../src/core/schema';
import type { ValidationContext } from '../../src/core/validation/context';
import { PANEL, scoringWorkbook } from '../support/scoringWorkbook';
import { act, fullWorkflow, smallDemo } from './workflow';
import type { SubmitResponse } from '../../src/core/scoringApi';
import type { Workbook } from '../../emulator';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const col = (wb: Workbook, tab: string, header: string) => wb.sheet(tab)!.values()[0].map(String).indexOf(header) + 1;
const cellOf = (wb: Workbook, tab: string, row: number, header: string) =>
  wb.sheet(tab)!.values()[row - 1][col(wb, tab, header) - 1];

describe('8. a rule that cannot handle a row fails only that row', () => {
  it('the row gets a warning naming the column; the other rules still run', () => {
    const header = CANDIDATES_TAB.columns.map((c) => c.header);
    const record = rowRecord(
      matchHeaders(CANDIDATES_TAB, header),
      7,
      header.map(() => 'x'),
      undefined,
    );
    const findings = checkRow(record, {} as ValidationContext, [
      {
        check: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        },
        column: 'NIK',
      },
      { check: () => [] },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'row.unchecked', severity: 'warning', column: 'NIK' });
    expect(findings[0].message.id).toBe(
      'Tab Kandidat baris 7: kolom NIK tidak dapat diperiksa otomatis. Periksa isinya secara manual, perbaiki bila perlu, lalu validasi lagi.',
    );
    // The reason goes to the maintainers' log, never into a cell.
    expect(findings[0].message.id + findings[0].message.en).not.toContain('Cannot read');
    expect(findings[0].detail).toContain('Cannot read properties');
  });
});

describe('9. Kuota on Desa Sasaran is checked like a setting', () => {
  const bad: Array<[string, unknown, string]> = [
    ['-1', -1, '"-1"'],
    ['2.5', 2.5, '"2.5"'],
    ['#N/A', "'#N/A", '"#N/A"'],
    ['TRUE', true, '"true"'],
    ['a date', new Date(Date.UTC(2019, 10, 25)), 'sebuah tanggal'],
    ['1e16', 1e16, '"10000000000000000"'],
  ];
  it.each(bad)('Kuota %s stops the ranking with a message naming the row', (_name, value, shown) => {
    const { wb, emu } = scoringWorkbook();
    wb.sheet('Desa Sasaran')!.setValues(3, 5, [[value as never]]);
    const before = JSON.stringify(wb.sheet('Kandidat')!.values());
    const run = emu.run('computeRanking');
    expect(run.ui.alerts).toHaveLength(1);
    expect(run.ui.alerts[0].prompt).toBe(
      `Kuota di tab Desa Sasaran perlu diperbaiki dulu; tidak ada yang diubah:\n• Tab Desa Sasaran baris 3 ("Takisung"), kolom Kuota berisi ${shown}, padahal harus bilangan bulat 0–1000 atau kosong (kosong = Kuota per unit di Pengaturan). Perbaiki nilainya lalu jalankan lagi.`,
    );
    expect(JSON.stringify(wb.sheet('Kandidat')!.values())).toBe(before);
  });

  it('a whole number, typed as text or as a number, is the village quota', () => {
    const { wb, emu } = scoringWorkbook();
    wb.sheet('Desa Sasaran')!.setValues(3, 5, [["'3"]]);
    expect(emu.run('computeRanking').ui.alerts).toEqual([]);
  });
});

describe('10. an edit made while another action holds the lock is queued, never skipped', () => {
  it('the row says it is not checked yet, and the next action that holds the lock checks it first', () => {
    const { wb, emu } = scoringWorkbook();
    const nik = col(wb, 'Kandidat', 'NIK');
    expect(cellOf(wb, 'Kandidat', 2, 'Status Administrasi')).toBe('MS');
    emu.holdDocumentLock();
    const edit = emu.edit('Kandidat', `${String.fromCharCode(64 + nik)}2`, "'12345");
    expect(edit.error).toBeUndefined();
    expect(String(cellOf(wb, 'Kandidat', 2, 'Catatan Validasi'))).toContain(
      '⏳ Perubahan di baris ini belum diperiksa',
    );
    emu.releaseDocumentLock();
    // A submission for that candidate: the queued check runs first, so the now-TMS row is refused.
    const response = emu.runRpc(
      'submitScore',
      [{ candidateId: 'K-0001', scores: { K1: 5, K2: 5, K3: 5, K4: 5, K5: 5 }, recused: false, note: '' }],
      { user: PANEL.ani },
    ) as SubmitResponse;
    expect(response.ok).toBe(false);
    expect(cellOf(wb, 'Kandidat', 2, 'Status Administrasi')).toBe('TMS');
    expect(String(cellOf(wb, 'Kandidat', 2, 'Catatan Validasi'))).toContain('NIK');
    expect([...emu.documentProperties.keys()].filter((k) => k.startsWith('SELEKSI_FGD_PENDING_ROWS:'))).toEqual([]);
  });

  it('a menu action settles queued edits before it runs', () => {
    const { wb, emu } = scoringWorkbook();
    emu.holdDocumentLock();
    emu.edit('Kandidat', 'F3', "'bukan tanggal");
    emu.releaseDocumentLock();
    expect(cellOf(wb, 'Kandidat', 3, 'Status Administrasi')).toBe('MS');
    emu.run('computeRanking');
    expect(cellOf(wb, 'Kandidat', 3, 'Status Administrasi')).toBe('TMS');
    expect(cellOf(wb, 'Kandidat', 3, 'Hasil Seleksi')).toBe('TMS');
  });
});

describe('12. smaller defects', () => {
  it('the attendance dialog has its own busy message', () => {
    const { emu } = smallDemo(60);
    emu.run('setupWorkbook');
    emu.holdDocumentLock();
    expect(() => emu.runRpc('generateAttendance', [{ codes: null }])).toThrow(
      'Daftar hadir belum dibuat karena add-on sedang menjalankan tindakan lain',
    );
    emu.releaseDocumentLock();
  });

  it.each(['onEdit', 'onOpen', 'onInstall'])(
    '%s called through google.script.run answers nothing and changes nothing',
    (name) => {
      const { wb, emu } = smallDemo(60);
      const before = JSON.stringify(wb.snapshot());
      for (const args of [
        [],
        [{}],
        [{ range: { getSheet: 'x' } }],
        [{ range: {}, source: {} }],
        [{ authMode: 'FULL' }],
      ]) {
        expect(emu.runRpc(name, args)).toBeUndefined();
      }
      expect(JSON.stringify(wb.snapshot())).toBe(before);
    },
  );

  it('Tambahkan peserta says Sesi is empty before asking about reserves', () => {
    const { wb, emu } = smallDemo(60);
    emu.run('setupWorkbook');
    const sesi = wb.sheet('Sesi')!;
    sesi.deleteRows(2, sesi.lastRow() - 1);
    const run = emu.run('addParticipantsFromResults');
    expect(run.ui.alerts.map((a) => a.prompt)).toEqual([
      'Tab Sesi kosong. Isi sesi (kode, nama kegiatan, tanggal, jam, zona waktu, tempat) lalu coba lagi.',
    ]);
  });

  it('a time cell shown with its date (30/12/1899 19.00.00) is read as 19.00, and its participants are not called orphans', () => {
    const { wb, emu } = smallDemo(60);
    fullWorkflow(emu);
    const sesi = wb.sheet('Sesi')!;
    const code = String(sesi.values()[1][0]);
    const start = col(wb, 'Sesi', 'Jam Mulai');
    sesi.setValues(2, start, [[new Date(Date.UTC(1899, 11, 30, 11, 0) - (8 * 60 - 8 * 60) * 60_000)]]);
    sesi.setNumberFormat(2, start, 1, 1, 'dd/MM/yyyy HH.mm.ss');
    expect(sesi.displayValue(2, start)).toMatch(/^30\/12\/1899 \d{2}\.\d{2}\.\d{2}$/);
    const shown = sesi.displayValue(2, start).slice(11, 16);
    const run = act(emu, 'generateAttendance');
    expect(run.error).toBeUndefined();
    const sheet = wb.sheet(`DH ${code}`)!;
    expect(JSON.stringify(sheet.values())).toContain(shown);
    const log = JSON.stringify(wb.sheet('Log')!.values().slice(-1));
    expect(log).not.toContain(`Kode Sesi "${code}" tidak ada di tab Sesi`);
  });
});
