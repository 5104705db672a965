/** The "Buat daftar hadir" dialog and its two endpoints. */
import { pick } from '../core/types';
import type { ActionContext } from './action';
import { actionContext, releaseQuietly } from './action';
import { type AttendanceChoices, type AttendanceOutcome, GenerateRequest } from '../core/attendanceApi';
import { attendanceChoices, buildAttendance } from './attendance';
import { PlainMessage } from './errors';
import { activeSpreadsheet } from './workbook';

const ATTENDANCE_BUSY = {
  id: 'Daftar hadir belum dibuat karena add-on sedang menjalankan tindakan lain di spreadsheet ini. Tunggu sebentar, lalu tekan Buat lagi. Tidak ada yang diubah.',
  en: 'The attendance sheets were not built because the add-on is busy with another action on this spreadsheet. Wait a moment, then press Build again. Nothing was changed.',
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

export function generate(request: unknown): AttendanceOutcome {
  const ctx = actionContext(activeSpreadsheet());
  const { lang } = ctx;
  const parsed = GenerateRequest.safeParse(request);
  if (!parsed.success)
    throw new PlainMessage(
      pick(
        {
          id: 'Permintaan dari dialog tidak sah. Tutup dan buka lagi dialognya.',
          en: 'The dialog sent an invalid request. Close and reopen it.',
        },
        lang,
      ),
    );
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(ATTENDANCE_BUSY, lang));
  try {
    return buildAttendance(ctx, parsed.data.codes);
  } finally {
    releaseQuietly(lock);
  }
}
