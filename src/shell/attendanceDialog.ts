/**
 * The "Buat daftar hadir" dialog and its endpoints: the choices, the one-call build, and the
 * batched job (start, continue) the dialog itself uses. Every endpoint that writes checks its
 * request first and then holds the document lock for the whole call, checkpoint included.
 */
import { pick } from '../core/types';
import type { ActionContext } from './action';
import { actionContext, releaseQuietly } from './action';
import {
  type AttendanceChoices,
  type AttendanceOutcome,
  type AttendanceProgress,
  ContinueRequest,
  GenerateRequest,
} from '../core/attendanceApi';
import { attendanceChoices, buildAttendance, continueAttendanceJob, startAttendanceJob } from './attendance';
import { PlainMessage } from './errors';
import { activeSpreadsheet } from './workbook';

const ATTENDANCE_BUSY = {
  id: 'Daftar hadir belum dibuat karena add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Buat lagi. Tidak ada yang diubah.',
  en: 'The attendance sheets were not built because the add-on is busy with another action on this spreadsheet. Wait a moment, then press Build again. Nothing was changed.',
};

const INVALID = {
  id: 'Permintaan dari dialog tidak sah. Tutup dan buka lagi dialognya.',
  en: 'The dialog sent an invalid request. Close and reopen it.',
};

export function showAttendanceDialog(ctx: ActionContext): void {
  const template = HtmlService.createTemplateFromFile('Attendance');
  template.lang = ctx.lang;
  const html = template.evaluate().setWidth(440).setHeight(540);
  SpreadsheetApp.getUi().showModalDialog(html, ctx.lang === 'en' ? 'Attendance sheets' : 'Buat daftar hadir');
}

export function choices(): AttendanceChoices {
  return attendanceChoices(actionContext(activeSpreadsheet()));
}

/** Parse the request, then run `body` under the document lock; both failures are said plainly. */
function locked<Schema extends typeof GenerateRequest | typeof ContinueRequest, T>(
  schema: Schema,
  request: unknown,
  body: (ctx: ActionContext, parsed: ReturnType<Schema['parse']>) => T,
): T {
  const ctx = actionContext(activeSpreadsheet());
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new PlainMessage(pick(INVALID, ctx.lang));
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(ATTENDANCE_BUSY, ctx.lang));
  try {
    return body(ctx, parsed.data as ReturnType<Schema['parse']>);
  } finally {
    releaseQuietly(lock);
  }
}

/** Everything chosen, in one call (scripts and tests). */
export function generate(request: unknown): AttendanceOutcome {
  return locked(GenerateRequest, request, (ctx, { codes }) => buildAttendance(ctx, codes));
}

/** The dialog's first call: a job for the chosen sessions, and its first batch. */
export function start(request: unknown): AttendanceProgress {
  return locked(GenerateRequest, request, (ctx, { codes }) => startAttendanceJob(ctx, codes));
}

/** The dialog's next calls, one batch each. */
export function resume(request: unknown): AttendanceProgress {
  return locked(ContinueRequest, request, (ctx, { job }) => continueAttendanceJob(ctx, job));
}
