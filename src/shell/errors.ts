/** Errors meant for the user: a bilingual message that says what is wrong and how to fix it. */
import type { Bilingual } from '../core/types';

export class UserError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'UserError';
  }
}

export const LOCK_BUSY: Bilingual = {
  id: 'Add-on sedang dijalankan oleh orang lain pada spreadsheet ini. Tunggu sebentar, lalu coba lagi. Tidak ada yang diubah.',
  en: 'Someone else is running the add-on on this spreadsheet. Wait a moment, then try again. Nothing was changed.',
};

/** An error nobody planned for: say so plainly, with Google's one-line reason but never a stack trace. */
export function unexpected(reason: string): Bilingual {
  const short = reason.split('\n')[0].slice(0, 300);
  return {
    id: `Tindakan terhenti karena kesalahan tak terduga: ${short}\nCoba lagi. Bila terulang, periksa tab Log dan hubungi pengelola add-on.`,
    en: `The action stopped on an unexpected error: ${short}\nTry again. If it happens again, check the Log tab and contact whoever maintains the add-on.`,
  };
}

/** An error whose message is already in the user's language, to pass to a sidebar as is. */
export class PlainMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlainMessage';
  }
}
