/**
 * Issue 11, items 6–7: text that looks like a formula is written back as text, and values near
 * the 50,000-character cell limit never stop an action — every text the add-on builds from them
 * is cut with a visible mark, and messages quote them shortened.
 */
import { ACTIONS, type Action, act, score, smallDemo } from './workflow';
import { ensureBuilt } from '../support/dist';
import type { Workbook } from '../../emulator';

beforeAll(ensureBuilt);

const LIMIT = 50_000;

function column(wb: Workbook, tab: string, header: string): number {
  return wb.sheet(tab)!.values()[0].map(String).indexOf(header) + 1;
}

/** Type a value into a cell as a user would (the apostrophe keeps it text, as Sheets does). */
function type(wb: Workbook, tab: string, row: number, header: string, text: string): void {
  wb.sheet(tab)!.setValues(row, column(wb, tab, header), [[`'${text}`]]);
}

function everyCell(
  wb: Workbook,
): Array<{ tab: string; row: number; col: number; value: unknown; formula: string; note: string }> {
  const out: Array<{ tab: string; row: number; col: number; value: unknown; formula: string; note: string }> = [];
  for (const tab of wb.sheetNames()) {
    const sheet = wb.sheet(tab)!;
    for (let r = 1; r <= sheet.lastRow(); r++) {
      for (let c = 1; c <= sheet.lastColumn(); c++) {
        const cell = sheet.cell(r, c);
        out.push({
          tab,
          row: r,
          col: c,
          value: cell.value,
          formula: cell.formula ?? '',
          note: String(cell.note ?? ''),
        });
      }
    }
  }
  return out;
}

/** Run the whole workflow; every run must finish without an unexpected error. */
function runAll(
  emu: ReturnType<typeof smallDemo>['emu'],
  opts: { setup: boolean } = { setup: true },
): Array<{ action: Action; alerts: string[]; error: unknown }> {
  const runs: Array<{ action: Action; alerts: string[]; error: unknown }> = [];
  const record = (action: Action) => {
    const run = act(emu, action);
    runs.push({ action, alerts: run.ui.alerts.map((a) => a.prompt), error: run.error });
  };
  ACTIONS.slice(opts.setup ? 0 : 1, 2).forEach(record);
  score(emu);
  ACTIONS.slice(2).forEach(record);
  return runs;
}

function expectClean(runs: ReturnType<typeof runAll>): void {
  for (const run of runs) {
    expect([run.action, run.error]).toEqual([run.action, undefined]);
    for (const alert of run.alerts) {
      expect([run.action, alert]).not.toEqual([
        run.action,
        expect.stringMatching(/tak terduga|unexpected error|maximum of 50000/),
      ]);
      expect(alert.length).toBeLessThan(3000);
    }
  }
}

describe('6. formula-like text stays text', () => {
  it('an ID typed as =HYPERLINK(…) is written back as text after validation and everywhere else', () => {
    const { wb, emu } = smallDemo(60);
    emu.run('setupWorkbook');
    // A Kandidat tab whose ID column someone reformatted as plain (not text): Sheets then reads
    // a written "=…" as a formula.
    const id = column(wb, 'Kandidat', 'ID');
    wb.sheet('Kandidat')!.setNumberFormat(2, id, 100, 1, 'General');
    type(wb, 'Kandidat', 2, 'ID', '=HYPERLINK("http://contoh.invalid","K-0001")');
    // A blank ID elsewhere makes validation write the ID column back.
    wb.sheet('Kandidat')!.setValues(5, id, [['']]);
    type(wb, 'Kandidat', 3, 'Nama Lengkap', '+1+2');
    type(wb, 'Kandidat', 4, 'Alamat', '@SUM(A1:A2)');
    type(wb, 'Sesi', 2, 'Tempat', '=1+1');
    expectClean(runAll(emu, { setup: false }));
    const cells = everyCell(wb);
    expect(cells.filter((c) => c.formula !== '')).toEqual([]);
    expect(wb.sheet('Kandidat')!.cell(2, id).value).toBe('=HYPERLINK("http://contoh.invalid","K-0001")');
  });
});

describe('7. no cell stops a run', () => {
  const cases: Array<[string, (wb: Workbook) => void]> = [
    [
      'Kandidat Pendidikan Terakhir of 49,850 characters',
      (wb) => type(wb, 'Kandidat', 2, 'Pendidikan Terakhir', 'S'.repeat(49_850)),
    ],
    [
      'Kandidat Email of 49,950 characters',
      (wb) => type(wb, 'Kandidat', 2, 'Email', `${'a'.repeat(49_930)}@example.go.id`),
    ],
    [
      'Kandidat Desa/Kecamatan/Kabupaten of 50,000 characters',
      (wb) => {
        for (const h of ['Desa/Kelurahan', 'Kecamatan', 'Kabupaten/Kota'])
          type(wb, 'Kandidat', 3, h, 'D'.repeat(LIMIT));
      },
    ],
    [
      'Sesi Tempat, Desa, Kecamatan, Kabupaten, Provinsi and Fasilitator of 50,000 characters',
      (wb) => {
        for (const h of [
          'Tempat',
          'Desa/Kelurahan',
          'Kecamatan',
          'Kabupaten/Kota',
          'Provinsi',
          'Fasilitator',
          'Nama Kegiatan',
        ])
          type(wb, 'Sesi', 2, h, 'T'.repeat(LIMIT));
      },
    ],
    [
      'Sesi Tanggal and Jam of 50,000 characters',
      (wb) => {
        for (const h of ['Tanggal', 'Jam Mulai', 'Jam Selesai']) type(wb, 'Sesi', 3, h, '9'.repeat(LIMIT));
      },
    ],
    [
      'Desa Sasaran Provinsi and Desa of 50,000 characters',
      (wb) => {
        type(wb, 'Desa Sasaran', 2, 'Provinsi', 'P'.repeat(LIMIT));
        type(wb, 'Desa Sasaran', 3, 'Desa/Kelurahan', 'V'.repeat(LIMIT));
      },
    ],
    [
      'Peserta Nama and Instansi of 50,000 characters',
      (wb) => {
        type(wb, 'Peserta', 2, 'Nama', 'N'.repeat(LIMIT));
        type(wb, 'Peserta', 2, 'Instansi/Asal', 'I'.repeat(LIMIT));
      },
    ],
  ];

  it.each(cases)('%s: every action finishes and every cell and note fits', (_name, plant) => {
    const { wb, emu } = smallDemo(60);
    plant(wb);
    expectClean(runAll(emu));
    for (const c of everyCell(wb)) {
      expect(String(c.value).length).toBeLessThanOrEqual(LIMIT);
      expect(c.note.length).toBeLessThanOrEqual(LIMIT);
    }
  });

  it('a setting of 50,000 characters is quoted shortened in the alert', () => {
    const { wb, emu } = smallDemo(60);
    emu.run('setupWorkbook');
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Usia minimum') + 1;
    settings.setValues(row, 2, [[`'${'9'.repeat(LIMIT)}`]]);
    const run = emu.run('validateCandidates');
    expect(run.ui.alerts).toHaveLength(1);
    const alert = run.ui.alerts[0].prompt;
    expect(alert).toContain(
      `Pengaturan "Usia minimum" (tab Pengaturan, baris ${row}, kolom Nilai) berisi "${'9'.repeat(59)}…"`,
    );
    expect(alert.length).toBeLessThan(600);
  });
});
