/**
 * The wrapper every google.script.run endpoint goes through: the sidebar's failure handler gets a
 * plain message in the user's language — a problem to fix, a busy lock, or (for anything else)
 * the one-line reason in both languages — never a stack trace.
 */
import { pick } from '../core/types';
import { languageOf } from './action';
import { PlainMessage, UserError, unexpected } from './errors';
import { activeSpreadsheet } from './workbook';

export function rpc<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(error instanceof Error && error.stack ? error.stack : reason);
    // google.script.run passes only the message on, so no `cause` is attached.
    // eslint-disable-next-line preserve-caught-error
    if (error instanceof PlainMessage) throw new Error(error.message);
    // eslint-disable-next-line preserve-caught-error
    if (error instanceof UserError) throw new Error(pick(error.text, languageOfSafe()));
    const text = unexpected(reason);
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`${text.id}\n\n${text.en}`);
  }
}

function languageOfSafe(): 'id' | 'en' {
  try {
    return languageOf(activeSpreadsheet());
  } catch {
    return 'id';
  }
}
