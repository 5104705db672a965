/**
 * The "Hubungkan formulir pendaftaran" dialog in Chromium, opened from the menu on the emulator:
 * every question beside the Kandidat column it was matched to, a mapping changed with the keyboard
 * (a required column left unfilled is named, and the note goes when it is filled again), a column
 * chosen twice with the mouse (Connect disabled until it is fixed), Connect importing what was
 * already on the response tab, English, and axe-core.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Emulator, Workbook } from '../../emulator';
import type { CellValue } from '../../src/core/types';
import { ensureBuilt } from '../support/dist';
import { QUESTIONS, TAB, answers } from '../support/registration';
import { launchBrowser } from '../support/browser';
import { type Bridge, type BridgeOptions, openSidebar } from '../support/gasBridge';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const USER = 'koordinator@example.go.id';
/** What the server matches each question to (the same aliases Kandidat accepts). */
const MATCHED: Array<[string, string]> = [
  ['Nama lengkap (sesuai KTP)', 'Nama Lengkap'],
  ['NIK (16 digit, sesuai KTP)', 'NIK'],
  ['Jenis kelamin', 'Jenis Kelamin'],
  ['Tempat lahir', 'Tempat Lahir'],
  ['Tanggal lahir', 'Tanggal Lahir'],
  ['Pendidikan terakhir', 'Pendidikan Terakhir'],
  ['Alamat lengkap', 'Alamat'],
  ['Desa/Kelurahan', 'Desa/Kelurahan'],
  ['Kecamatan', 'Kecamatan'],
  ['Kabupaten/Kota', 'Kabupaten/Kota'],
  ['Provinsi', 'Provinsi'],
  ['Nomor HP/WhatsApp aktif', 'No. HP'],
  ['Email', 'Email'],
  ['Unggah scan KTP', 'Unggah scan KTP'],
];

let browser: Browser;
beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const T0 = Date.UTC(2019, 10, 20, 1, 0, 0);

/** A set-up workbook with a linked response tab and `existing` responses submitted before connecting. */
function workbook(existing: number, lang: 'id' | 'en' = 'id'): { wb: Workbook; emu: Emulator } {
  const wb = new Workbook();
  const emu = new Emulator({ workbook: wb, user: USER });
  emu.run('setupWorkbook');
  if (lang === 'en') {
    const settings = wb.sheet('Pengaturan')!;
    const row = settings.values().findIndex((r) => r[0] === 'Bahasa') + 1;
    settings.setValues(row, 2, [['English']]);
  }
  wb.sheet('Pengaturan')!.setValues(4, 2, [['25/11/2019']]);
  wb.sheet('Desa Sasaran')!.setValues(2, 1, [['Kalimantan Selatan', 'Kab. Tanah Laut', 'Pelaihari', 'Angsau', '']]);
  wb.addFormResponses(TAB, QUESTIONS).setNumberFormat(2, 3, 999, 1, '@').setNumberFormat(2, 13, 999, 1, '@');
  for (let n = 1; n <= existing; n++) emu.submitForm(TAB, answers(n), { at: new Date(T0 + n * 61_001) });
  return { wb, emu };
}

/** The menu item as a user clicks it, then the dialog it opens, served with google.script.run bridged. */
async function fromMenu(emu: Emulator, options: BridgeOptions = {}): Promise<{ page: Page; bridge: Bridge }> {
  const run = emu.run('connectRegistrationForm');
  expect(run.error).toBeUndefined();
  expect(run.ui.dialogs).toHaveLength(1);
  const dialog = run.ui.dialogs[0];
  const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
  const bridge = await openSidebar(page, emu, dialog.content, options);
  await page.waitForSelector('#rows select');
  return { page, bridge };
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

/** Each row as [question label, the selected option's text]. */
function rows(page: Page): Promise<Array<[string, string]>> {
  return page.$$eval('#rows tr', (trs) =>
    trs.map((tr): [string, string] => {
      const select = tr.querySelector('select')!;
      return [tr.querySelector('label')!.textContent ?? '', select.selectedOptions[0]?.textContent ?? ''];
    }),
  );
}

/** The select a question's label names (found the way assistive technology finds it: by label). */
const selectFor = (page: Page, question: string) => page.getByLabel(question, { exact: true });

const focusedQuestion = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.dataset.question ?? '');

/** Kandidat as records by header (data rows only). */
function candidates(wb: Workbook): Array<Record<string, CellValue>> {
  const [header, ...data] = wb.sheet('Kandidat')!.values();
  return data
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

describe('Hubungkan formulir pendaftaran dialog', () => {
  it('opens from the menu in Indonesian with every question beside the column it was matched to', async () => {
    const { emu } = workbook(0);
    const run = emu.run('connectRegistrationForm');
    expect(run.ui.dialogs[0].title).toBe('Formulir pendaftaran');
    const { page, bridge } = await fromMenu(emu);
    expect(await text(page, '#heading')).toBe('Hubungkan formulir pendaftaran');
    expect(await text(page, '#th-question')).toBe('Pertanyaan formulir');
    expect(await text(page, '#th-column')).toBe('Kolom Kandidat');
    expect(await text(page, '#caption')).toBe('14 pertanyaan');
    expect(await text(page, '#connect')).toBe('Hubungkan & impor');
    expect(await text(page, '#close')).toBe('Tutup');
    // One tab only: no tab chooser.
    expect(await page.isHidden('#tab-line')).toBe(true);
    expect(await rows(page)).toEqual(
      MATCHED.map(([q, c]) => [
        q,
        q === 'Email' ? 'Email' : q === 'Unggah scan KTP' ? 'Kolom baru: Unggah scan KTP' : `${c} (wajib)`,
      ]),
    );
    // Every select is named by its question through <label for>.
    expect(await selectFor(page, 'NIK (16 digit, sesuai KTP)').inputValue()).toBe('NIK');
    expect(await selectFor(page, 'Nomor HP/WhatsApp aktif').inputValue()).toBe('No. HP');
    // Every required column is filled and nothing is chosen twice: no note, Connect enabled.
    expect(await text(page, '#missing')).toBe('');
    expect(await page.isEnabled('#connect')).toBe(true);
    expect(await text(page, '#status')).toBe('');
    // The first select has focus, ready for the keyboard.
    expect(await focusedQuestion(page)).toBe('Nama lengkap (sesuai KTP)');
    // Every option a select offers: not imported, every Kandidat column, then the question's own.
    expect(await selectFor(page, 'Email').locator('option').allTextContents()).toEqual([
      '— tidak diimpor —',
      'Nama Lengkap (wajib)',
      'NIK (wajib)',
      'Jenis Kelamin (wajib)',
      'Tempat Lahir (wajib)',
      'Tanggal Lahir (wajib)',
      'Pendidikan Terakhir (wajib)',
      'Alamat (wajib)',
      'Desa/Kelurahan (wajib)',
      'Kecamatan (wajib)',
      'Kabupaten/Kota (wajib)',
      'Provinsi (wajib)',
      'No. HP (wajib)',
      'Email',
    ]);
    expect(bridge.calls.map((c) => c.name)).toEqual(['registrationChoices']);
    expect(bridge.blocked).toEqual([]);
    await page.close();
  });

  it('names a required column no question fills when the keyboard clears it, and drops the note when restored', async () => {
    const { emu } = workbook(0);
    const { page } = await fromMenu(emu);
    // Focus starts on the first question; Tab moves to the NIK question's select.
    await page.keyboard.press('Tab');
    expect(await focusedQuestion(page)).toBe('NIK (16 digit, sesuai KTP)');
    // Home picks the first option, "not imported" (a focused closed select changes on the keys).
    await page.keyboard.press('Home');
    const nik = selectFor(page, 'NIK (16 digit, sesuai KTP)');
    expect(await nik.inputValue()).toBe('');
    await page.waitForFunction(() => (document.querySelector('#missing')?.textContent ?? '') !== '');
    expect(await text(page, '#missing')).toBe(
      'Kolom wajib yang belum diisi pertanyaan mana pun: NIK. Baris dari formulir akan TMS sampai kolom itu diisi.',
    );
    expect(await page.getAttribute('#missing', 'aria-live')).toBe('polite');
    // A missing column is a warning only: Connect stays usable.
    expect(await page.isEnabled('#connect')).toBe(true);
    // ArrowDown twice: Nama Lengkap, then NIK again.
    await page.keyboard.press('ArrowDown');
    expect(await nik.inputValue()).toBe('Nama Lengkap');
    expect(await text(page, '#missing')).toContain('Kolom Nama Lengkap dipilih untuk lebih dari satu pertanyaan.');
    expect(await text(page, '#missing')).toContain('NIK');
    expect(await page.isDisabled('#connect')).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await nik.inputValue()).toBe('NIK');
    expect(await text(page, '#missing')).toBe('');
    expect(await page.isEnabled('#connect')).toBe(true);
    // Two more Tabs: clearing the phone question names No. HP; Shift+Tab back to NIK, cleared too, names both.
    await page.keyboard.press('Tab');
    expect(await focusedQuestion(page)).toBe('Jenis kelamin');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    expect(await focusedQuestion(page)).toBe('Nomor HP/WhatsApp aktif');
    await page.keyboard.press('Home');
    expect(await text(page, '#missing')).toBe(
      'Kolom wajib yang belum diisi pertanyaan mana pun: No. HP. Baris dari formulir akan TMS sampai kolom itu diisi.',
    );
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedQuestion(page)).toBe('NIK (16 digit, sesuai KTP)');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await nik.inputValue()).toBe('');
    expect(await text(page, '#missing')).toBe(
      'Kolom wajib yang belum diisi pertanyaan mana pun: NIK, No. HP. Baris dari formulir akan TMS sampai kolom itu diisi.',
    );
    await page.close();
  });

  it('disables Connect while the mouse has one column chosen for two questions, and enables it once fixed', async () => {
    const { wb, emu } = workbook(2);
    const { page, bridge } = await fromMenu(emu);
    const email = selectFor(page, 'Email');
    await email.click();
    await email.selectOption({ label: 'NIK (wajib)' });
    await page.keyboard.press('Escape');
    expect(await email.inputValue()).toBe('NIK');
    expect(await text(page, '#missing')).toBe(
      'Kolom NIK dipilih untuk lebih dari satu pertanyaan. Satu kolom hanya untuk satu pertanyaan.',
    );
    expect(await page.isDisabled('#connect')).toBe(true);
    // A click on the disabled button sends nothing.
    await page.click('#connect', { force: true });
    expect(bridge.calls.map((c) => c.name)).toEqual(['registrationChoices']);
    // A third question on the same column, and a second column twice: each named once.
    const place = selectFor(page, 'Tempat lahir');
    await place.click();
    await place.selectOption({ label: 'NIK (wajib)' });
    const address = selectFor(page, 'Alamat lengkap');
    await address.click();
    await address.selectOption({ label: 'Kecamatan (wajib)' });
    await page.keyboard.press('Escape');
    expect((await text(page, '#missing')).split('\n')).toEqual([
      'Kolom NIK dipilih untuk lebih dari satu pertanyaan. Satu kolom hanya untuk satu pertanyaan.',
      'Kolom Kecamatan dipilih untuk lebih dari satu pertanyaan. Satu kolom hanya untuk satu pertanyaan.',
      'Kolom wajib yang belum diisi pertanyaan mana pun: Tempat Lahir, Alamat. Baris dari formulir akan TMS sampai kolom itu diisi.',
    ]);
    expect(await page.isDisabled('#connect')).toBe(true);
    // Fixed one by one: still disabled until the last conflict goes.
    await place.selectOption({ label: 'Tempat Lahir (wajib)' });
    await address.selectOption({ label: 'Alamat (wajib)' });
    expect(await page.isDisabled('#connect')).toBe(true);
    await email.click();
    await email.selectOption({ label: 'Email' });
    await page.keyboard.press('Escape');
    expect(await text(page, '#missing')).toBe('');
    expect(await page.isEnabled('#connect')).toBe(true);
    // Nothing was written while the dialog was open.
    expect(wb.sheet('Formulir')).toBeUndefined();
    expect(emu.triggers()).toEqual([]);
    await page.close();
  });

  it('connects on a click: saves the mapping, installs one trigger and imports the responses already there', async () => {
    const { wb, emu } = workbook(3);
    expect(candidates(wb)).toHaveLength(0);
    const { page, bridge } = await fromMenu(emu);
    // The user chooses not to import the KTP scan link (keyboard), then clicks Connect (mouse).
    const scan = selectFor(page, 'Unggah scan KTP');
    await scan.focus();
    await page.keyboard.press('Home');
    expect(await scan.inputValue()).toBe('');
    await page.click('#connect');
    await page.waitForFunction(() => /diimpor/.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await text(page, '#status')).toBe(
      'Formulir terhubung: setiap jawaban baru masuk ke Kandidat dalam beberapa detik. ' +
        '3 jawaban baru diimpor ke Kandidat (baris 2–4) dan sudah divalidasi; 0 jawaban sudah ada sebelumnya.',
    );
    expect(await page.isEnabled('#connect')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('close');
    const connectCall = bridge.calls.find((c) => c.name === 'connectRegistration')!;
    expect(connectCall.args).toEqual([
      {
        tab: TAB,
        mapping: MATCHED.map(([question, column]) => ({
          question,
          column: question === 'Unggah scan KTP' ? '' : column,
        })),
      },
    ]);

    const imported = candidates(wb);
    expect(imported.map((r) => r['Nama Lengkap'])).toEqual(['Kandidat 1', 'Kandidat 2', 'Kandidat 3']);
    expect(imported.map((r) => r.NIK)).toEqual(['6301034708901001', '6301034708901002', '6301034708901003']);
    expect(imported.map((r) => r['No. HP'])).toEqual(['081205000001', '081205000002', '081205000003']);
    for (const r of imported) {
      expect(r.Sumber).toBe('Formulir');
      expect(r['Status Administrasi']).toBe('MS');
    }
    // The question chosen not to be imported got no column of its own.
    expect(wb.sheet('Kandidat')!.values()[0]).not.toContain('Unggah scan KTP');
    const formulir = wb.sheet('Formulir')!.values();
    expect(formulir[0]).toEqual(['Pertanyaan', 'Kolom Kandidat', 'Keterangan']);
    expect(formulir).toContainEqual(['NIK (16 digit, sesuai KTP)', 'NIK', 'Kolom wajib.']);
    expect(formulir.find((r) => r[0] === 'Unggah scan KTP')?.[1]).toBe('');
    expect(emu.triggers()).toEqual([
      expect.objectContaining({ handler: 'onRegistrationSubmit', eventType: 'ON_FORM_SUBMIT', user: USER }),
    ]);

    // Connect pressed again: no second trigger, nothing imported twice.
    await page.click('#connect');
    await page.waitForFunction(() =>
      /tidak ada pemicu kedua/.test(document.querySelector('#status')?.textContent ?? ''),
    );
    expect(await text(page, '#status')).toBe(
      'Pemetaan disimpan; formulir sudah terhubung sebelumnya (tidak ada pemicu kedua). ' +
        'Tidak ada jawaban baru di tab Form Responses 1: 3 jawaban sudah ada di Kandidat.',
    );
    expect(emu.triggers()).toHaveLength(1);
    expect(candidates(wb)).toHaveLength(3);

    // A new response now arrives through the trigger; the dialog reopened says it is connected.
    emu.submitForm(TAB, answers(4), { at: new Date(T0 + 4 * 61_001) });
    expect(candidates(wb).map((r) => r['Nama Lengkap'])).toContain('Kandidat 4');
    await page.close();
    const again = await fromMenu(emu);
    expect(await text(again.page, '#status')).toBe(
      'Sudah terhubung. Menekan Hubungkan lagi menyimpan pemetaan dan mengimpor jawaban yang tertinggal.',
    );
    expect(await selectFor(again.page, 'Unggah scan KTP').inputValue()).toBe('');
    await again.page.close();
  });

  it('speaks English when Pengaturan › Bahasa is English', async () => {
    const { wb, emu } = workbook(2, 'en');
    const run = emu.run('connectRegistrationForm');
    expect(run.ui.dialogs[0].title).toBe('Registration form');
    const { page } = await fromMenu(emu);
    expect(await page.getAttribute('body', 'data-lang')).toBe('en');
    expect(await text(page, '#heading')).toBe('Connect the registration form');
    // Screen readers read the page in the language it declares.
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, '#intro')).toMatch(/^Each form question on the left fills the Kandidat column/);
    expect(await text(page, '#th-question')).toBe('Form question');
    expect(await text(page, '#th-column')).toBe('Kandidat column');
    expect(await text(page, '#caption')).toBe('14 questions');
    expect(await text(page, '#connect')).toBe('Connect & import');
    expect(await text(page, '#close')).toBe('Close');
    const rowsNow = await rows(page);
    expect(rowsNow).toContainEqual(['NIK (16 digit, sesuai KTP)', 'NIK (required)']);
    expect(rowsNow).toContainEqual(['Nomor HP/WhatsApp aktif', 'No. HP (required)']);
    expect(rowsNow).toContainEqual(['Unggah scan KTP', 'New column: Unggah scan KTP']);
    // Keyboard: clear the NIK question.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Home');
    expect(await selectFor(page, 'NIK (16 digit, sesuai KTP)').locator('option:checked').textContent()).toBe(
      '— not imported —',
    );
    expect(await text(page, '#missing')).toBe(
      'Required columns no question fills: NIK. Rows from the form stay TMS until those are filled in.',
    );
    // Mouse: the phone question on the name column.
    const phone = selectFor(page, 'Nomor HP/WhatsApp aktif');
    await phone.click();
    await phone.selectOption({ label: 'Nama Lengkap (required)' });
    await page.keyboard.press('Escape');
    expect((await text(page, '#missing')).split('\n')).toEqual([
      'The Nama Lengkap column is chosen for more than one question. A column takes one question only.',
      'Required columns no question fills: NIK, No. HP. Rows from the form stay TMS until those are filled in.',
    ]);
    expect(await page.isDisabled('#connect')).toBe(true);
    await phone.selectOption({ label: 'No. HP (required)' });
    await selectFor(page, 'NIK (16 digit, sesuai KTP)').selectOption('NIK');
    expect(await text(page, '#missing')).toBe('');
    await page.click('#connect');
    await page.waitForFunction(() => /imported/.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await text(page, '#status')).toBe(
      'The form is connected: every new response reaches Kandidat within seconds. ' +
        '2 new responses imported to Kandidat (rows 2–3) and validated; 0 were already there.',
    );
    expect(candidates(wb)).toHaveLength(2);
    expect(emu.triggers()).toHaveLength(1);
    await page.close();
  });
});

describe('Hubungkan formulir pendaftaran dialog: accessibility (axe-core, 0 violations)', () => {
  it('while loading, with the questions, with notes shown, and after connecting', async () => {
    for (const lang of ['id', 'en'] as const) {
      const { emu } = workbook(2, lang);
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const run = emu.run('connectRegistrationForm');
      const dialog = run.ui.dialogs[0];
      const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
      await openSidebar(page, emu, dialog.content, {
        hold: (name) => (name === 'registrationChoices' ? gate : undefined),
      });
      await page.waitForSelector('#heading');
      expect(await violations(page)).toEqual([]);
      release();
      await page.waitForSelector('#rows select');
      expect(await violations(page)).toEqual([]);
      // Notes shown: a required column cleared, another chosen twice.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Home');
      await selectFor(page, 'Email').selectOption('Nama Lengkap');
      await page.waitForSelector('#connect:disabled');
      expect(await violations(page)).toEqual([]);
      await selectFor(page, 'Email').selectOption('Email');
      await page.click('#connect');
      await page.waitForFunction(() => /diimpor|imported/.test(document.querySelector('#status')?.textContent ?? ''));
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
  });

  it('when the server call fails', async () => {
    const { emu } = workbook(0);
    const dialog = emu.run('connectRegistrationForm').ui.dialogs[0];
    const page = await browser.newPage({ viewport: { width: dialog.width, height: dialog.height } });
    await openSidebar(page, emu, dialog.content, { fault: () => 'Koneksi terputus.' });
    await page.waitForFunction(() => /Gagal/.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await text(page, '#status')).toBe('Gagal: Koneksi terputus.');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
