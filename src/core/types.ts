/** The values `Range.getValues()` hands back: empty cells are ''. */
export type CellValue = string | number | boolean | Date;

/** A 2-D block of cells as Apps Script reads and writes it. */
export type Grid = CellValue[][];

/** The two interface languages. Indonesian is the default everywhere. */
export type Lang = 'id' | 'en';

/** A text in both languages; every user-facing message is one of these. */
export interface Bilingual {
  id: string;
  en: string;
}

export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.id;
}
