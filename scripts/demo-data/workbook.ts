/**
 * The demo as the emulator sees it: the generated tabs typed into a fresh workbook the way staff
 * would have entered them — NIK, phone, ID and time columns already formatted as text (so their
 * text stays text), everything else typed into default cells. A fault that is "typed as a
 * number" arrives as a number and Sheets' rules (15 significant digits, lost leading zero) apply.
 */
import { Workbook } from '../../emulator';
import { buildDemoWorkbook, DEMO_TIME_ZONE, type DemoOptions, type DemoWorkbook, TAB_ORDER } from './index';

/** Headers whose columns staff formatted as text before typing. */
const TEXT_COLUMNS = new Set(['ID', 'NIK', 'No. HP', 'Kode Sesi', 'Jam Mulai', 'Jam Selesai', 'ID Kandidat', 'Nilai']);

export function loadDemoWorkbook(opts: DemoOptions = {}): { workbook: Workbook; demo: DemoWorkbook } {
  const demo = buildDemoWorkbook(opts);
  const workbook = new Workbook({ name: 'Seleksi & FGD — demo', timeZone: DEMO_TIME_ZONE, locale: 'id_ID' });
  for (const name of TAB_ORDER) {
    const rows = demo.tabs[name];
    const sheet = workbook.addSheet(name);
    rows[0].forEach((header, i) => {
      if (TEXT_COLUMNS.has(String(header))) sheet.setNumberFormat(2, i + 1, Math.max(1, rows.length - 1), 1, '@');
    });
    sheet.setValues(1, 1, rows);
  }
  return { workbook, demo };
}
