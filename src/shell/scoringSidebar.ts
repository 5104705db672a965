/** Opens the scoring sidebar (300 px, in the UI language). */
import type { ActionContext } from './action';

export function showScoringSidebar(ctx: ActionContext): void {
  const template = HtmlService.createTemplateFromFile('Scoring');
  template.lang = ctx.lang;
  const html = template
    .evaluate()
    .setTitle(ctx.lang === 'en' ? 'Scoring form' : 'Formulir penilaian')
    .setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}
