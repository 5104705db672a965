/**
 * Edits the live check could not look at because another action held the document lock. They are
 * never dropped: the rows are queued in document properties (one key per edit, so two edits
 * queued at once never overwrite each other), their `Catatan Validasi` says that the check is
 * still to come, and the next execution that holds the lock — any menu action, a submission, or
 * the next edit — re-validates them before it does anything else.
 */
import { CANDIDATES_TAB } from '../core/schema';
import { matchHeaders } from '../core/headers';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import { type ActionContext, actionContext } from './action';
import { writeColumns } from './outputColumns';
import { deleteDocProperty, docPropertyKeys, setDocProperty } from './properties';
import { validateEditedRows } from './validate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PREFIX = 'SELEKSI_FGD_PENDING_ROWS:';

const WAITING: Bilingual = {
  id: '⏳ Perubahan di baris ini belum diperiksa karena add-on sedang menjalankan tindakan lain. Baris ini diperiksa otomatis begitu tindakan itu selesai; status di sampingnya belum berlaku.',
  en: '⏳ This change has not been checked yet because the add-on was busy with another action. The row is checked automatically as soon as that action ends; the status beside it does not apply yet.',
};

/** Queue rows [first, last] of Kandidat for the live check, and say so in the rows. */
export function queueEditedRows(sheet: Sheet, first: number, last: number, lang: Lang): void {
  const from = Math.max(first, 2);
  if (from > last) return;
  setDocProperty(`${PREFIX}${from}-${last}-${Date.now()}`, '');
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] as Grid[number];
  const at = matchHeaders(CANDIDATES_TAB, header).index.get('Catatan Validasi');
  if (at !== undefined)
    writeColumns(sheet, from, [
      { column: at, values: new Array<CellValue>(last - from + 1).fill(pick(WAITING, lang)) },
    ]);
}

/**
 * Rows an import is about to write, queued before it writes them: should the execution die before
 * the live check has run on them, the next action checks them (no "⏳" note: nobody edited them).
 * The import calls `checkedRows` once it has checked them itself.
 */
export function rowsToCheck(first: number, last: number): string {
  const key = `${PREFIX}${first}-${last}-${Date.now()}`;
  setDocProperty(key, '');
  return key;
}

export function checkedRows(key: string): void {
  deleteDocProperty(key);
}

/** The span of every queued edit and the keys that queued it; undefined when nothing waits. */
function readQueue(fresh: boolean): { first: number; last: number; keys: string[] } | undefined {
  const keys = docPropertyKeys(PREFIX, fresh);
  if (keys.length === 0) return undefined;
  let first = Infinity;
  let last = 0;
  for (const key of keys) {
    const [from, to] = key.slice(PREFIX.length).split('-').map(Number);
    if (Number.isInteger(from) && Number.isInteger(to)) {
      first = Math.min(first, from);
      last = Math.max(last, to);
    }
  }
  return { first, last, keys };
}

/**
 * Re-validate every queued row. Call only while holding the document lock. One span covers all
 * queued edits, so this costs one live check however many edits waited. The queue is cleared
 * only once the rows are checked: a failure here is the caller's failure, reported like any
 * other, and the rows stay queued (with their "not checked yet" note) for the next run.
 */
export function drainPendingEdits(ss: Spreadsheet, ctx?: ActionContext, fresh = false): void {
  const queue = readQueue(fresh);
  if (!queue) return;
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  if (sheet && queue.last >= queue.first)
    validateEditedRows(ctx ?? actionContext(ss), sheet, queue.first, Math.min(queue.last, sheet.getLastRow()));
  for (const key of queue.keys) deleteDocProperty(key);
}

/** A menu action that first settles queued edits, and afterwards any queued while it ran. */
export function settlingPendingEdits(body: (ctx: ActionContext) => void): (ctx: ActionContext) => void {
  return (ctx) => {
    drainPendingEdits(ctx.ss, ctx);
    try {
      body(ctx);
    } finally {
      // Edits queued while the body ran were written by other executions: read the queue afresh.
      drainPendingEdits(ctx.ss, undefined, true);
    }
  };
}
