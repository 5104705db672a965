/**
 * Online registration end to end on the emulator, through the built bundle: connecting the form,
 * responses arriving through the form-submit trigger, the manual import, and everything that must
 * never duplicate or lose a response (the trigger firing twice, a busy lock, a sorted tab, a new
 * question, an update that needs new authorization).
 */
import { Emulator, Workbook } from '../../emulator';
import type { CellValue } from '../../src/core/types';
import type { ConnectOutcome, FormImportProgress, RegistrationChoices } from '../../src/core/registrationApi';
import { IMPORT_BATCH } from '../../src/core/registration';
import { ensureBuilt } from '../support/dist';
import { QUESTIONS, TAB, answers } from '../support/registration';

beforeAll(ensureBuilt);

const T0 = Date.UTC(2019, 10, 20, 1, 0, 0);
const at = (n: number) => new Date(T0 + n * 61_001);

function setUp(existing = 0): { wb: Workbook; emu: Emulator } {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  wb.sheet('Pengaturan')!.setValues(4, 2, [['25/11/2019']]);
  wb.sheet('Desa Sasaran')!.setValues(2, 1, [['Kalimantan Selatan', 'Kab. Tanah Laut', 'Pelaihari', 'Angsau', '']]);
  // The guide's first step: NIK and phone answers kept as text before anyone submits (connecting does it too).
  wb.addFormResponses(TAB, QUESTIONS).setNumberFormat(2, 3, 999, 1, '@').setNumberFormat(2, 13, 999, 1, '@');
  // Responses that came in before the add-on was connected (no trigger yet: nothing runs).
  for (let n = 1; n <= existing; n++) emu.submitForm(TAB, answers(n), { at: at(n) });
  return { wb, emu };
}

function connect(emu: Emulator, edit?: (m: RegistrationChoices['mapping']) => void): ConnectOutcome {
  const choices = emu.runRpc('registrationChoices', [{}]) as RegistrationChoices;
  const mapping = choices.mapping;
  edit?.(mapping);
  return emu.runRpc('connectRegistration', [{ tab: choices.tab, mapping }]) as ConnectOutcome;
}

/** Kandidat as records by header (data rows only). */
function candidates(wb: Workbook): Array<Record<string, CellValue>> {
  const [header, ...rows] = wb.sheet('Kandidat')!.values();
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

describe('connecting the form', () => {
  it('matches the questions to Kandidat columns by the same aliases Kandidat accepts', () => {
    const { emu } = setUp(0);
    const choices = emu.runRpc('registrationChoices', [{}]) as RegistrationChoices;
    expect(choices.tabs).toEqual([TAB]);
    const column = Object.fromEntries(choices.mapping.map((m) => [m.question, m.column]));
    expect(column).toMatchObject({
      'Nama lengkap (sesuai KTP)': 'Nama Lengkap',
      'NIK (16 digit, sesuai KTP)': 'NIK',
      'Jenis kelamin': 'Jenis Kelamin',
      'Tanggal lahir': 'Tanggal Lahir',
      'Alamat lengkap': 'Alamat',
      'Nomor HP/WhatsApp aktif': 'No. HP',
      Email: 'Email',
      // No contract column: the answers keep a column of their own.
      'Unggah scan KTP': 'Unggah scan KTP',
    });
    expect(choices.columns.find((c) => c.header === 'NIK')).toEqual({ header: 'NIK', required: true });
    expect(choices.connected).toBe(false);
  });

  it('saves the mapping on Formulir, installs one trigger, imports and validates what was already there', () => {
    const { wb, emu } = setUp(3);
    const outcome = connect(emu);
    expect(outcome).toMatchObject({ imported: 3, alreadyImported: 0 });
    expect(emu.triggers()).toEqual([
      expect.objectContaining({
        handler: 'onRegistrationSubmit',
        eventType: 'ON_FORM_SUBMIT',
        user: 'koordinator@example.go.id',
      }),
    ]);
    const formulir = wb.sheet('Formulir')!.values();
    expect(formulir[0]).toEqual(['Pertanyaan', 'Kolom Kandidat', 'Keterangan']);
    expect(formulir).toContainEqual(['NIK (16 digit, sesuai KTP)', 'NIK', 'Kolom wajib.']);
    const rows = candidates(wb);
    expect(rows.map((r) => r['Nama Lengkap'])).toEqual(['Kandidat 1', 'Kandidat 2', 'Kandidat 3']);
    for (const r of rows) {
      expect(r['Catatan Validasi']).toBe('');
      expect(r.ID).toMatch(/\S/);
      expect(r.Sumber).toBe('Formulir');
      expect(r['Status Administrasi']).toBe('MS');
      expect(r['Unggah scan KTP']).toMatch(/^https:\/\/drive\.google\.com\//);
    }
    expect((rows[0]['Tanggal Daftar'] as Date).getTime()).toBe(at(1).getTime());
    expect(rows[0]['Kunci Formulir']).toBe(at(1).toISOString());
    // Connecting again: the same single trigger, nothing imported twice.
    expect(connect(emu)).toMatchObject({ imported: 0, alreadyImported: 3 });
    expect(emu.triggers()).toHaveLength(1);
    expect(candidates(wb)).toHaveLength(3);
  });

  it('without the permission to manage triggers, saves the mapping, imports, and says how to go on', () => {
    const wb = new Workbook();
    const emu = new Emulator({
      workbook: wb,
      user: 'koordinator@example.go.id',
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/userinfo.email',
      ],
    });
    emu.run('setupWorkbook');
    wb.addFormResponses(TAB, QUESTIONS).setNumberFormat(2, 3, 999, 1, '@');
    emu.submitForm(TAB, answers(1), { at: at(1) });
    const outcome = connect(emu);
    expect(outcome.imported).toBe(1);
    expect(outcome.message).toMatch(/izin .*tidak diberikan/);
    expect(emu.triggers()).toHaveLength(0);
    // The dialog still opens, saying the form is not connected for this user.
    expect((emu.runRpc('registrationChoices', [{}]) as RegistrationChoices).connected).toBe(false);
    emu.submitForm(TAB, answers(2), { at: at(2) });
    emu.run('importFormResponses');
    expect(candidates(wb)).toHaveLength(2);
  });

  it('refuses a column chosen for two questions, writing nothing', () => {
    const { wb, emu } = setUp(2);
    expect(() =>
      connect(emu, (m) => {
        m.find((l) => l.question === 'Email')!.column = 'NIK';
      }),
    ).toThrow(/NIK/);
    expect(candidates(wb)).toHaveLength(0);
    expect(emu.triggers()).toHaveLength(0);
    expect(wb.sheet('Formulir')).toBeUndefined();
  });

  it('says so when there is no response tab', () => {
    const wb = new Workbook();
    const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
    emu.run('setupWorkbook');
    const r = emu.run('connectRegistrationForm');
    expect(r.ui.alerts[0]?.prompt).toMatch(/Tautkan ke Spreadsheet/);
    expect(r.ui.dialogs ?? []).toHaveLength(0);
  });
});

describe('responses arriving through the trigger', () => {
  it('turns each submission into a validated row within the same execution, without any UI', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    const typed = { 'NIK (16 digit, sesuai KTP)': '6301.0347.0890.1007', 'Tanggal lahir': '7 Agustoos 1990' };
    const [run] = emu.submitForm(TAB, answers(7, typed), { at: at(7) });
    expect(run.error).toBeUndefined();
    expect(run.calls['SpreadsheetApp.getUi'] ?? 0).toBe(0);
    const [row] = candidates(wb);
    // As typed: validation says what is wrong with it, the import changes nothing.
    expect(row.NIK).toBe('6301.0347.0890.1007');
    expect(row['Tanggal Lahir']).toBe('7 Agustoos 1990');
    expect(row['Status Administrasi']).toBe('TMS');
    expect(String(row['Catatan Validasi'])).toMatch(/Tanggal lahir/);
  });

  it('keeps formula-looking answers as text', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.submitForm(TAB, answers(8, { 'Alamat lengkap': '=IMPORTRANGE("x","y")', Email: '+62 813' }), { at: at(8) });
    const [row] = candidates(wb);
    expect(row.Alamat).toBe('=IMPORTRANGE("x","y")');
    const col = wb.sheet('Kandidat')!.values()[0].indexOf('Alamat') + 1;
    expect(wb.sheet('Kandidat')!.cell(2, col).formula ?? '').toBe('');
  });

  it('keeps both rows of a candidate who registers twice, and the later one names the earlier ID', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.submitForm(TAB, answers(1), { at: at(1) });
    emu.submitForm(TAB, answers(1, { 'Alamat lengkap': 'Alamat baru' }), { at: at(2) });
    const rows = candidates(wb);
    expect(rows).toHaveLength(2);
    // As the live check marks twins today: the new row at once, its twin on the next full validation.
    expect(rows.map((r) => r['Status Administrasi'])).toEqual(['MS', 'TMS']);
    emu.run('validateCandidates');
    expect(candidates(wb).map((r) => r['Status Administrasi'])).toEqual(['TMS', 'TMS']);
    expect(String(rows[1]['Catatan Validasi'])).toContain(`pendaftaran ulang dari kandidat ${String(rows[0].ID)}`);
    expect(String(candidates(wb)[0]['Catatan Validasi'])).not.toContain('pendaftaran ulang');
    expect(String(candidates(wb)[1]['Catatan Validasi'])).toContain('pendaftaran ulang');
  });

  it('a NIK Sheets already turned into a number is imported as it stands and flagged, never silently changed', () => {
    const wb = new Workbook();
    const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
    emu.run('setupWorkbook');
    wb.addFormResponses(TAB, QUESTIONS);
    emu.submitForm(TAB, answers(1), { at: at(1) });
    connect(emu);
    const [row] = candidates(wb);
    expect(typeof row.NIK).toBe('number');
    expect(String(row['Catatan Validasi'])).toMatch(/NIK tersimpan sebagai angka/);
    // From the connection on, the NIK and phone answers stay text.
    emu.submitForm(TAB, answers(2), { at: at(2) });
    expect(candidates(wb)[1].NIK).toBe('6301034708901002');
  });

  it('ignores the spurious second event Forms sometimes sends, blank or not', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.submitForm(TAB, answers(1), { at: at(1) });
    emu.fireFormSubmit(TAB, 2, { blank: true });
    emu.fireFormSubmit(TAB, 2);
    expect(candidates(wb)).toHaveLength(1);
  });

  it('imports two different responses stamped in the same millisecond', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.submitForm(TAB, answers(1), { at: at(1) });
    emu.submitForm(TAB, answers(2), { at: at(1) });
    emu.fireFormSubmit(TAB, 3);
    expect(candidates(wb).map((r) => r['Kunci Formulir'])).toEqual([at(1).toISOString(), `${at(1).toISOString()}#2`]);
    // The import agrees with the trigger on which is which.
    emu.run('importFormResponses');
    expect(candidates(wb)).toHaveLength(2);
  });

  it('leaves a response for later when the lock stays busy, says so in the Log, and the next import brings it', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.holdDocumentLock();
    const [run] = emu.submitForm(TAB, answers(1), { at: at(1) });
    emu.releaseDocumentLock();
    expect(run.error).toBeUndefined();
    expect(candidates(wb)).toHaveLength(0);
    const log = wb
      .sheet('Log')!
      .values()
      .map((r) => String(r[3]));
    expect(log.some((l) => l.includes(`${TAB} baris 2`) && l.includes('Impor jawaban formulir'))).toBe(true);
    const choices = emu.runRpc('registrationChoices', [{}]) as RegistrationChoices;
    expect(choices.problems).toEqual([expect.stringContaining(`${TAB}, baris 2`)]);
    const r = emu.run('importFormResponses');
    expect(r.ui.alerts[0]?.prompt).toMatch(/1 jawaban baru diimpor/);
    expect(r.ui.alerts[0]?.prompt).toMatch(/baris 2/);
    expect(candidates(wb)).toHaveLength(1);
    expect((emu.runRpc('registrationChoices', [{}]) as RegistrationChoices).problems).toEqual([]);
  });

  it('after an update that needs new authorization, logs instead of failing silently', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.authorizationRequired = true;
    emu.submitForm(TAB, answers(1), { at: at(1) });
    expect(candidates(wb)).toHaveLength(0);
    expect(
      wb
        .sheet('Log')!
        .values()
        .some((r) => String(r[3]).includes('izin baru')),
    ).toBe(true);
    emu.authorizationRequired = false;
    emu.run('importFormResponses');
    expect(candidates(wb)).toHaveLength(1);
  });

  it('a trigger run that fails halfway leaves the response for the next import', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.failAfter(12, 'Service Spreadsheets timed out while accessing document');
    const [run] = emu.submitForm(TAB, answers(1), { at: at(1) });
    expect(run.error).toBeUndefined();
    emu.run('importFormResponses');
    expect(candidates(wb)).toHaveLength(1);
  });
});

describe('exactly once', () => {
  it('200 submissions — some fired twice, some during a busy lock, manual imports, a sort and a new question in between — give 200 rows in order', () => {
    const { wb, emu } = setUp(0);
    connect(emu);
    const tab = wb.sheet(TAB)!;
    const arrived: number[] = [];
    for (let n = 1; n <= 200; n++) {
      if (n % 17 === 0) emu.holdDocumentLock();
      emu.submitForm(TAB, answers(n), { at: at(n) });
      arrived.push(at(n).getTime());
      if (n % 17 === 0) emu.releaseDocumentLock();
      if (n % 11 === 0) emu.fireFormSubmit(TAB, tab.lastRow(), { blank: n % 2 === 0 });
      if (n % 40 === 0) emu.run('importFormResponses');
      if (n === 100) {
        // Someone sorts the response tab by name, descending.
        const [, ...rows] = tab.values();
        rows.sort((a, b) => String(b[1]).localeCompare(String(a[1])));
        tab.setValues(2, 1, rows);
      }
      if (n === 150) tab.setValues(1, QUESTIONS.length + 1, [['Bersedia ditempatkan di desa lain?']]);
      if (n > 150 && n % 3 === 0) {
        emu.submitForm(TAB, answers(1000 + n, { 'Bersedia ditempatkan di desa lain?': 'Ya' }), { at: at(1000 + n) });
        arrived.push(at(1000 + n).getTime());
      }
    }
    emu.run('importFormResponses');
    const rows = candidates(wb);
    const extra = Array.from({ length: 50 }, (_, i) => 151 + i).filter((n) => n % 3 === 0).length;
    expect(rows).toHaveLength(200 + extra);
    const keys = rows.map((r) => String(r['Kunci Formulir']));
    expect(new Set(keys).size).toBe(keys.length);
    const names = rows.map((r) => r['Nama Lengkap']);
    for (let n = 1; n <= 200; n++) expect(names.filter((x) => x === `Kandidat ${n}`)).toHaveLength(1);
    // The new question got a line on Formulir and a column on Kandidat.
    expect(
      wb
        .sheet('Formulir')!
        .values()
        .map((r) => r[0]),
    ).toContain('Bersedia ditempatkan di desa lain?');
    expect(rows.filter((r) => r['Bersedia ditempatkan di desa lain?'] === 'Ya')).toHaveLength(extra);
    // Rows that arrived through the trigger are in submission order; those left by a busy lock came with an import.
    const late = new Set([17, 34, 51, 68, 85, 102, 119, 136, 153, 170, 187].map((n) => at(n).getTime()));
    const stamps = rows.map((r) => (r['Tanggal Daftar'] as Date).getTime()).filter((t) => !late.has(t));
    expect(stamps).toEqual(arrived.filter((t) => !late.has(t)));
  });
});

describe('disconnecting', () => {
  it('removes the trigger and keeps everything imported; reconnecting installs one again', () => {
    const { wb, emu } = setUp(2);
    connect(emu);
    const r = emu.run('disconnectRegistrationForm');
    expect(r.ui.alerts[0]?.prompt).toMatch(/diputuskan/);
    expect(emu.triggers()).toHaveLength(0);
    emu.submitForm(TAB, answers(3), { at: at(3) });
    expect(candidates(wb)).toHaveLength(2);
    expect(wb.sheet('Formulir')).toBeDefined();
    expect(emu.run('importFormResponses').ui.alerts[0]?.prompt).toMatch(/belum dihubungkan/);
    expect(connect(emu)).toMatchObject({ imported: 1, alreadyImported: 2 });
    expect(emu.triggers()).toHaveLength(1);
  });
});

describe('service calls do not grow with the responses waiting', () => {
  /** Responses written straight onto the tab (no trigger fires for those), then one menu import. */
  function importCalls(count: number): { calls: number; cellsRead: number } {
    const { wb, emu } = setUp(0);
    connect(emu);
    const tab = wb.sheet(TAB)!;
    const rows = Array.from({ length: count }, (_, i) => {
      const a = answers(i + 1);
      return [at(i + 1), ...QUESTIONS.slice(1).map((q) => a[q] ?? '')];
    });
    tab.setNumberFormat(2, 3, count, 1, '@');
    tab.setValues(2, 1, rows as CellValue[][]);
    const r = emu.run('importFormResponses');
    const imported = candidates(wb);
    expect(imported).toHaveLength(count);
    // Below the rows setup formatted as text too, a NIK stays the text that was typed.
    expect(imported[count - 1].NIK).toBe(answers(count)['NIK (16 digit, sesuai KTP)']);
    return { calls: r.totalCalls, cellsRead: r.cellsRead };
  }

  it('an import of 10 and of a whole step (4,000) responses makes the same number of calls, give or take the tab growing', () => {
    const small = importCalls(10);
    const large = importCalls(IMPORT_BATCH);
    // One call more at most: the tab grows (insertRowsAfter) once when 4,000 rows do not fit.
    expect(large.calls).toBeLessThanOrEqual(small.calls + 1);
    expect(large.calls).toBeLessThan(80);
  });
});

describe('more responses than one step imports: the dialog imports them in batches', () => {
  /** 10 responses waiting on the tab (written straight there: no trigger ran), 4 per step. */
  function waiting(): { wb: Workbook; emu: Emulator } {
    const { wb, emu } = setUp(0);
    connect(emu);
    emu.documentProperties.set('registration:batchSize', '4');
    for (let n = 1; n <= 10; n++) {
      const a = answers(n);
      wb.sheet(TAB)!.setValues(n + 1, 1, [[at(n), ...QUESTIONS.slice(1).map((q) => a[q] ?? '')]]);
    }
    return { wb, emu };
  }
  const start = (emu: Emulator) => emu.runRpc('startFormImport', []) as FormImportProgress;
  const next = (emu: Emulator, job: string) => emu.runRpc('continueFormImport', [{ job }]) as FormImportProgress;

  function cleanRun(): unknown[][] {
    const { wb, emu } = waiting();
    expect(emu.run('importFormResponses').ui.dialogs[0]?.title).toBe('Impor jawaban formulir');
    let p = start(emu);
    expect(p).toMatchObject({
      total: 3,
      done: 0,
      rows: 10,
      resumed: false,
      next: 'Mengimpor jawaban — bagian 1 dari 3',
    });
    while (!p.finished) p = next(emu, p.job);
    expect(p.message).toMatch(/^Impor selesai dalam 3 langkah: 10 jawaban baru/);
    return wb.sheet('Kandidat')!.values();
  }

  it('runs 3 steps of at most 4 responses, oldest first', () => {
    const kandidat = cleanRun();
    expect(kandidat.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 10 }, (_, i) => `Kandidat ${i + 1}`));
  });

  it('stopped after any step and started again from the menu, ends cell by cell as the clean run', () => {
    const clean = cleanRun();
    for (let stopAfter = 1; stopAfter <= 2; stopAfter++) {
      const { wb, emu } = waiting();
      let p = start(emu);
      for (let k = 0; k < stopAfter; k++) p = next(emu, p.job);
      // The dialog closes; later someone runs the menu item again.
      emu.run('importFormResponses');
      p = start(emu);
      expect(p).toMatchObject({ resumed: true, done: stopAfter, total: 3 });
      while (!p.finished) p = next(emu, p.job);
      expect(wb.sheet('Kandidat')!.values()).toEqual(clean);
    }
  });

  it('a step that fails anywhere loses nothing and checks every row: the next attempt ends as the clean run', () => {
    const clean = cleanRun();
    for (const failAt of [5, 15, 25, 35, 45, 55]) {
      const { wb, emu } = waiting();
      let p = start(emu);
      p = next(emu, p.job);
      emu.failAfter(failAt, 'Service Spreadsheets timed out while accessing document');
      try {
        next(emu, p.job);
      } catch (error) {
        expect(String(error)).toMatch(/kesalahan tak terduga/);
      }
      p = start(emu);
      while (!p.finished) p = next(emu, p.job);
      expect(wb.sheet('Kandidat')!.values()).toEqual(clean);
    }
  });
});
