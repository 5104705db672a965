/**
 * The demo as the emulator sees it: the generated tabs typed into a fresh workbook the way staff
 * would have entered them — NIK, phone, ID and time columns already formatted as text (so their
 * text stays text), everything else typed into default cells. A fault that is "typed as a
 * number" arrives as a number and Sheets' rules (15 significant digits, lost leading zero) apply.
 *
 * Then the registration form's response tab, linked to the form (Sheet.getFormUrl), last: its
 * answers written the way Forms writes them (typed), the first few into default cells and the
 * rest after the coordinator formatted the NIK and phone columns as plain text.
 */
import { Workbook } from '../../emulator';
import {
  buildDemoWorkbook,
  type CellValue,
  DEMO_TIME_ZONE,
  type DemoOptions,
  type DemoWorkbook,
  TAB_ORDER,
} from './index';
import { TEXT_QUESTIONS, type DemoForm } from './form';

/** Headers whose columns staff formatted as text before typing. */
const TEXT_COLUMNS = new Set(['ID', 'NIK', 'No. HP', 'Kode Sesi', 'Jam Mulai', 'Jam Selesai', 'ID Kandidat', 'Nilai']);

export interface LoadOptions extends DemoOptions {
  /** Leave the registration form's response tab out (default: it is there). */
  noForm?: boolean;
}

export function loadDemoWorkbook(opts: LoadOptions = {}): { workbook: Workbook; demo: DemoWorkbook } {
  const demo = buildDemoWorkbook(opts);
  const workbook = typedWorkbook('Seleksi & FGD — demo', demo.tabs);
  if (!opts.noForm) addFormTab(workbook, demo.form);
  return { workbook, demo };
}

/** A fresh workbook (the demo's time zone, id_ID) with the user tabs in `tabs` typed in, in TAB_ORDER. */
export function typedWorkbook(name: string, tabs: Record<string, CellValue[][]>): Workbook {
  const workbook = new Workbook({ name, timeZone: DEMO_TIME_ZONE, locale: 'id_ID' });
  for (const tab of TAB_ORDER) {
    const rows = tabs[tab];
    const sheet = workbook.addSheet(tab);
    rows[0].forEach((header, i) => {
      if (TEXT_COLUMNS.has(String(header))) sheet.setNumberFormat(2, i + 1, Math.max(1, rows.length - 1), 1, '@');
    });
    sheet.setValues(1, 1, rows);
  }
  return workbook;
}

/** The linked response tab with the form's responses, as Forms wrote them. */
export function addFormTab(workbook: Workbook, form: DemoForm): void {
  const sheet = workbook.addFormResponses(form.tab, form.headers, form.url);
  const textColumns = TEXT_QUESTIONS.map((q) => form.headers.indexOf(q) + 1);
  form.responses.forEach((response, i) => {
    // The coordinator selected the NIK and phone columns and chose Format › Number › Plain text.
    if (i === form.unformatted)
      for (const col of textColumns) sheet.setNumberFormat(2, col, Math.max(1, sheet.maxRows - 1), 1, '@');
    const row = i + 2;
    sheet.cellData(row, 1).value = new Date(response.at.getTime());
    response.answers.forEach((answer, j) => sheet.writeTyped(row, j + 2, answer));
  });
  if (form.unformatted >= form.responses.length)
    for (const col of textColumns) sheet.setNumberFormat(2, col, Math.max(1, sheet.maxRows - 1), 1, '@');
}
