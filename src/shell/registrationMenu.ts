/**
 * The registration form's menu items, the connect dialog's endpoints and the form-submit trigger.
 * Each is short: reading, keying and writing responses is shell/registration.ts.
 */
import { menuLabel } from '../core/menu';
import { MAPPABLE, mappingProblems, unfilledRequired } from '../core/registration';
import { ChoicesRequest, ConnectRequest, type ConnectOutcome, type RegistrationChoices } from '../core/registrationApi';
import { cellText } from '../core/text';
import { type Bilingual, type Lang, pick } from '../core/types';
import { type ActionContext, actionContext, alert, releaseQuietly } from './action';
import { PlainMessage, UserError } from './errors';
import { appendLog } from './log';
import {
  NOT_CONNECTED,
  TRIGGER_LOCK_WAIT_MS,
  connectedTab,
  connectedTabName,
  currentMapping,
  forgetTab,
  importOneResponse,
  earlierProblems,
  importBatchSize,
  importWaiting,
  waitingResponses,
  importSummary,
  installTrigger,
  keepAnswersAsText,
  hasTrigger,
  recordProblem,
  recordedProblems,
  rememberTab,
  removeTriggers,
  responseTabs,
  saveMapping,
} from './registration';
import { showJobDialog } from './jobs';
import { readHeader } from './sheetLookup';
import { activeSpreadsheet } from './workbook';

const NO_RESPONSE_TAB: Bilingual = {
  id: 'Belum ada tab jawaban formulir di spreadsheet ini. Di Google Formulir buka tab Respons › Tautkan ke Spreadsheet dan pilih spreadsheet ini, lalu jalankan menu ini lagi.',
  en: 'This spreadsheet has no form response tab yet. In Google Forms open Responses › Link to Sheets and choose this spreadsheet, then run this menu item again.',
};

const BUSY: Bilingual = {
  id: 'Add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Hubungkan lagi. Tidak ada yang diubah.',
  en: 'The add-on is busy with another action on this spreadsheet. Wait a moment, then press Connect again. Nothing was changed.',
};

const INVALID: Bilingual = {
  id: 'Permintaan dari dialog tidak sah. Tutup dan buka lagi dialognya.',
  en: 'The dialog sent an invalid request. Close and reopen it.',
};

const TITLE: Bilingual = { id: 'Formulir pendaftaran', en: 'Registration form' };

/** Menu: Hubungkan formulir pendaftaran. */
export function showConnectDialog(ctx: ActionContext): void {
  if (responseTabs(ctx.ss).length === 0) throw new UserError(NO_RESPONSE_TAB);
  const template = HtmlService.createTemplateFromFile('Registration');
  template.lang = ctx.lang;
  const html = template.evaluate().setWidth(640).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, pick(TITLE, ctx.lang));
}

/** Dialog: the response tabs, the chosen tab's questions and their columns, and what the trigger could not do. */
export function choices(request: unknown): RegistrationChoices {
  const ctx = actionContext(activeSpreadsheet());
  const parsed = ChoicesRequest.safeParse(request);
  if (!parsed.success) throw new PlainMessage(pick(INVALID, ctx.lang));
  const tabs = responseTabs(ctx.ss);
  const names = tabs.map((t) => t.getName());
  const wanted = parsed.data?.tab ?? connectedTabName() ?? '';
  const tab = tabs.find((t) => t.getName() === wanted) ?? tabs[0];
  const header = tab ? readHeader(tab) : [];
  return {
    lang: ctx.lang,
    tabs: names,
    tab: tab?.getName() ?? '',
    connected: tab !== undefined && connectedTabName() === tab.getName() && hasTrigger(ctx.ss),
    mapping: tab ? currentMapping(ctx.ss, header).rows : [],
    columns: MAPPABLE.map((c) => ({ header: c.header, required: c.required === true })),
    problems: recordedProblems(ctx.lang, connectedTabName() ?? ''),
  };
}

/** Dialog: save the mapping, install the trigger (once) and import every waiting response. */
export function connect(request: unknown): ConnectOutcome {
  const ctx = actionContext(activeSpreadsheet());
  const parsed = ConnectRequest.safeParse(request);
  if (!parsed.success) throw new PlainMessage(pick(INVALID, ctx.lang));
  const tab = responseTabs(ctx.ss).find((t) => t.getName() === parsed.data.tab);
  if (!tab) throw new UserError(NO_RESPONSE_TAB);
  const header = readHeader(tab);
  const questions = new Set(header.slice(1));
  const mapping = parsed.data.mapping
    .filter((m) => questions.has(m.question))
    .map((m) => ({ question: m.question, column: cellText(m.column) }));
  const problems = mappingProblems(mapping);
  if (problems.length) throw new PlainMessage(pick(problems[0], ctx.lang));
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(BUSY, ctx.lang));
  try {
    saveMapping(ctx.ss, mapping, ctx.lang);
    keepAnswersAsText(tab, header, mapping);
    rememberTab(tab.getName());
    const installed = installTrigger(ctx.ss);
    const outcome = importWaiting(ctx, waitingResponses(ctx, tab), importBatchSize());
    const missing = unfilledRequired(mapping);
    appendLog(
      ctx.ss,
      menuLabel('connectRegistrationForm', ctx.lang),
      `${tab.getName()}: ${mapping.filter((m) => m.column !== '').length} / ${mapping.length} ${ctx.lang === 'en' ? 'questions mapped' : 'pertanyaan dipetakan'}; ${pick(TRIGGER_LOG[installed], ctx.lang)}`,
    );
    return {
      message: [
        connectedLine(installed, ctx.lang),
        importSummary(outcome, tab.getName(), ctx.lang),
        missingLine(missing, ctx.lang),
      ]
        .filter(Boolean)
        .join(' '),
      imported: outcome.imported,
      alreadyImported: outcome.alreadyImported,
    };
  } finally {
    releaseQuietly(lock);
  }
}

const TRIGGER_LOG: Record<ReturnType<typeof installTrigger>, Bilingual> = {
  installed: { id: 'pemicu dipasang', en: 'trigger installed' },
  already: { id: 'pemicu sudah ada', en: 'trigger already there' },
  refused: { id: 'izin pemicu tidak diberikan', en: 'trigger permission not granted' },
};

const CONNECTED: Record<ReturnType<typeof installTrigger>, Bilingual> = {
  installed: {
    id: 'Formulir terhubung: setiap jawaban baru masuk ke Kandidat dalam beberapa detik.',
    en: 'The form is connected: every new response reaches Kandidat within seconds.',
  },
  already: {
    id: 'Pemetaan disimpan; formulir sudah terhubung sebelumnya (tidak ada pemicu kedua).',
    en: 'The mapping is saved; the form was already connected (no second trigger).',
  },
  refused: {
    id: `Pemetaan disimpan, tetapi jawaban baru belum bisa masuk otomatis: izin "menjalankan aplikasi ini saat Anda tidak ada" tidak diberikan. Jalankan ${menuLabel('importFormResponses', 'id')} untuk mengimpor, atau hubungkan lagi dan berikan izin itu.`,
    en: `The mapping is saved, but new responses cannot arrive on their own: the permission to "run when you are not present" was not granted. Run "${menuLabel('importFormResponses', 'en')}" to import, or connect again and grant it.`,
  },
};

function connectedLine(installed: ReturnType<typeof installTrigger>, lang: Lang): string {
  return pick(CONNECTED[installed], lang);
}

function missingLine(missing: readonly string[], lang: Lang): string {
  if (missing.length === 0) return '';
  return pick(
    {
      id: `Kolom wajib yang tidak diisi pertanyaan mana pun: ${missing.join(', ')} — baris dari formulir akan TMS sampai kolom itu diisi.`,
      en: `Required columns no question fills: ${missing.join(', ')} — rows from the form stay TMS until those are filled in.`,
    },
    lang,
  );
}

/** Menu: Impor jawaban formulir. */
export function importFromMenu(ctx: ActionContext): void {
  const tab = connectedTab(ctx.ss);
  if (!tab) throw new UserError(NOT_CONNECTED);
  const problems = recordedProblems(ctx.lang, tab.getName());
  const waiting = waitingResponses(ctx, tab);
  // More than one step's worth: the dialog imports them in batches, with a progress bar.
  if (waiting.plan.pending.length > importBatchSize()) return showJobDialog(ctx, 'FormImport', 'importFormResponses');
  const outcome = importWaiting(ctx, waiting);
  alert(ctx.lang, TITLE, importSummary(outcome, tab.getName(), ctx.lang) + earlierProblems(problems, ctx.lang));
}

/** Menu: Putuskan formulir. Imported rows and the mapping stay; only the add-on's own trigger goes. */
export function disconnectFromMenu(ctx: ActionContext): void {
  const name = connectedTabName();
  const removed = removeTriggers(ctx.ss);
  forgetTab();
  appendLog(ctx.ss, menuLabel('disconnectRegistrationForm', ctx.lang), `${name ?? '-'}; ${removed}`);
  alert(
    ctx.lang,
    TITLE,
    removed || name
      ? {
          id: 'Formulir diputuskan: jawaban baru tidak lagi masuk otomatis. Semua baris yang sudah diimpor dan tab Formulir tetap ada. Hubungkan lagi kapan saja dari menu yang sama.',
          en: 'The form is disconnected: new responses no longer arrive on their own. Every imported row and the Formulir tab stay. Connect again at any time from the same menu.',
        }
      : {
          id: 'Formulir pendaftaran tidak sedang terhubung untuk akun Anda di spreadsheet ini. Tidak ada yang diubah.',
          en: 'The registration form is not connected for your account on this spreadsheet. Nothing was changed.',
        },
  );
}

const NEEDS_AUTHORIZATION: Bilingual = {
  id: `Add-on diperbarui dan perlu izin baru, jadi jawaban ini belum diimpor. Buka menu add-on, jalankan ${menuLabel('importFormResponses', 'id')} dan berikan izinnya.`,
  en: `The add-on was updated and needs new permission, so this response was not imported. Open the add-on menu, run "${menuLabel('importFormResponses', 'en')}" and grant it.`,
};

const TRIGGER_BUSY: Bilingual = {
  id: `Add-on sedang menjalankan tindakan lain terlalu lama, jadi jawaban ini belum diimpor. Jalankan ${menuLabel('importFormResponses', 'id')}.`,
  en: `Another action kept the add-on busy too long, so this response was not imported. Run "${menuLabel('importFormResponses', 'en')}".`,
};

function unexpectedInTrigger(reason: string): Bilingual {
  return {
    id: `Jawaban ini belum diimpor karena kesalahan: ${reason.split('\n')[0].slice(0, 200)}. Jalankan ${menuLabel('importFormResponses', 'id')}.`,
    en: `This response was not imported because of an error: ${reason.split('\n')[0].slice(0, 200)}. Run "${menuLabel('importFormResponses', 'en')}".`,
  };
}

/**
 * The form-submit trigger. It has no UI (a dialog here would fail): what it cannot do goes to
 * `Log` with the response's row, is kept for the next import or connect dialog to show, and the
 * response itself stays on its tab for the next import. Nothing it does can lose a response.
 */
export function onSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined): void {
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return;
  const sheet = e.range.getSheet();
  const row = e.range.getRow();
  // Another form linked to this spreadsheet: not the one the add-on imports from.
  if (sheet.getName() !== connectedTabName()) return;
  const ss = sheet.getParent();
  const note = (reason: Bilingual) => {
    try {
      recordProblem(ss, sheet.getName(), row, reason);
    } catch (error) {
      // Not even the Log could be written: the response is still on its tab for the next import.
      console.error(error instanceof Error ? error.message : String(error));
    }
  };
  if (
    ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() ===
    ScriptApp.AuthorizationStatus.REQUIRED
  )
    return note(NEEDS_AUTHORIZATION);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(TRIGGER_LOCK_WAIT_MS)) return note(TRIGGER_BUSY);
  try {
    importOneResponse(actionContext(ss), sheet, row);
  } catch (error) {
    const reason =
      error instanceof UserError
        ? error.text
        : unexpectedInTrigger(error instanceof Error ? error.message : String(error));
    console.error(pick(reason, 'en'));
    note(reason);
  } finally {
    releaseQuietly(lock);
  }
}
