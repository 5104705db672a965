/** The help sidebar ("Panduan"): a static guide, in the UI language. */
import type { ActionContext } from './action';

export function showHelpSidebar(ctx: ActionContext): void {
  const template = HtmlService.createTemplateFromFile('Help');
  template.lang = ctx.lang;
  const html = template
    .evaluate()
    .setTitle(ctx.lang === 'en' ? 'Seleksi & FGD — Help' : 'Seleksi & FGD — Panduan')
    .setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}
