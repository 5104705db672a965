/**
 * "Pilih workbook kabupaten": the Google Picker, the one way the add-on gets to read a regency
 * workbook. With the `drive.file` scope the add-on reaches only files the user picked here (or
 * made with it), so the coordinator's grant is per workbook, never the whole Drive.
 *
 * The Picker needs the deployment's Google Cloud API key and project number (script properties
 * PICKER_API_KEY and PICKER_APP_ID, see the README); without them the dialog says how to set them.
 */
import * as z from '../core/shape';
import { menuLabel } from '../core/menu';
import type { PickedWorkbooks, PickerConfig } from '../core/rollupApi';
import { SOURCES_TAB } from '../core/schema';
import { pick } from '../core/types';
import { type ActionContext, actionContext } from './action';
import { PlainMessage } from './errors';
import { underDocumentLock } from './jobs';
import { appendLog } from './log';
import { readSources } from './national';
import { activeSpreadsheet, writeBlock } from './workbook';

const Picked = z.object({
  files: z
    .array(
      z.object({
        id: z.string().check(z.regex(/^[a-zA-Z0-9_-]{10,100}$/)),
        name: z.optional(z.string().check(z.maxLength(500))),
      }),
    )
    .check(z.maxLength(1000)),
});

export function showPicker(ctx: ActionContext): void {
  // Before anyone grants access to a file: the picked workbooks need a Sumber Rekap to go to.
  readSources(ctx.ss);
  const template = HtmlService.createTemplateFromFile('Picker');
  template.lang = ctx.lang;
  const html = template.evaluate().setWidth(720).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, menuLabel('chooseRegencyWorkbooks', ctx.lang));
}

/** What the Picker needs: this user's token (drive.file grants are made through it), the key and the app id. */
export function config(): PickerConfig {
  const ctx = actionContext(activeSpreadsheet());
  const props = PropertiesService.getScriptProperties();
  return {
    lang: ctx.lang,
    token: ScriptApp.getOAuthToken(),
    apiKey: props.getProperty('PICKER_API_KEY') ?? '',
    appId: props.getProperty('PICKER_APP_ID') ?? '',
  };
}

const BUSY = {
  id: 'Add-on sedang menjalankan tindakan lain. Tunggu sebentar, lalu pilih lagi. Tidak ada yang diubah.',
  en: 'The add-on is busy with another action. Wait a moment, then choose again. Nothing was changed.',
};

/** The picked workbooks become rows of `Sumber Rekap` (a workbook already listed is not added twice). */
export function addPicked(request: unknown): PickedWorkbooks {
  return underDocumentLock(BUSY, (ctx) => {
    const parsed = Picked.safeParse(request);
    if (!parsed.success)
      throw new PlainMessage(
        pick(
          {
            id: 'Pilihan dari dialog tidak sah. Tutup dan pilih lagi.',
            en: 'The dialog sent an invalid choice. Close it and choose again.',
          },
          ctx.lang,
        ),
      );
    const tab = readSources(ctx.ss);
    const listed = new Set(tab.sources.map((s) => s.id));
    const fresh = parsed.data.files.filter(
      (f, i, all) => !listed.has(f.id) && all.findIndex((g) => g.id === f.id) === i,
    );
    if (fresh.length) {
      const col = (h: string) => tab.index.get(h) as number;
      const rows = fresh.map((f) => {
        const row = new Array<string>(tab.width).fill('');
        row[col('URL Workbook')] = `https://docs.google.com/spreadsheets/d/${f.id}/edit`;
        row[col('Catatan')] = f.name ? `${f.name} — ${ctx.lang === 'en' ? 'not read yet' : 'belum dibaca'}` : '';
        return row;
      });
      writeBlock(tab.sheet, tab.sheet.getLastRow() + 1, 1, rows);
      appendLog(ctx.ss, menuLabel('chooseRegencyWorkbooks', ctx.lang), fresh.map((f) => f.name ?? f.id).join(', '));
    }
    const already = parsed.data.files.length - fresh.length;
    const books = (n: number) => (n === 1 ? '1 workbook' : `${n} workbooks`);
    const next = {
      id: fresh.length ? ` Jalankan ${menuLabel('updateNationalSummary', 'id')} untuk membacanya.` : '',
      en: fresh.length
        ? ` Run "${menuLabel('updateNationalSummary', 'en')}" to read ${fresh.length === 1 ? 'it' : 'them'}.`
        : '',
    };
    return {
      added: fresh.length,
      already,
      message: pick(
        {
          id: `${fresh.length} workbook ditambahkan ke ${SOURCES_TAB.name}${already ? `; ${already} sudah ada` : ''}.${next.id}`,
          en: `${books(fresh.length)} added to ${SOURCES_TAB.name}${already ? `; ${books(already)} ${already === 1 ? 'was' : 'were'} already there` : ''}.${next.en}`,
        },
        ctx.lang,
      ),
    };
  });
}
