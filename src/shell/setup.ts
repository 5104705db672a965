/** "Siapkan lembar kerja": read what the workbook has, plan what is missing, and add only that. */
import { TABLE_HEADER_BG } from '../core/layout';
import { COORDINATOR_TABS, NUMBER_FORMATS, planSetup, type ExistingTab, type TabPlan } from '../core/setupPlan';
import { parseSettings } from '../core/settings';
import { LOG_TAB, RUBRIC_TAB, SCORES_TAB, SETTINGS_TAB, type TabDef, USER_TABS } from '../core/schema';
import { pick, type Bilingual, type Grid } from '../core/types';
import { menuLabel } from '../core/menu';
import type { ActionContext } from './action';
import { alert, toast } from './action';
import { appendLog } from './log';
import { isProtectedTab, protectWarningOnly } from './protection';
import { ensureSize, utcOffsetMinutes, writeBlock } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const OUTPUT_HEADER_BACKGROUND = '#d9ead3';
/** Tabs whose rows setup reads (to add missing settings, or to know the rubric). */
const TABS_READ_WHOLE = new Set([SETTINGS_TAB.name, RUBRIC_TAB.name]);
const ALL_TAB_NAMES = [...USER_TABS.map((t) => t.name), SCORES_TAB, LOG_TAB.name];

/** Menu: Siapkan lembar kerja — a regency workbook's tabs. */
export function setupWorkbook(ctx: ActionContext): void {
  setupTabs(ctx, 'setupWorkbook', ALL_TAB_NAMES);
}

/** Menu: Siapkan workbook koordinator — its settings, `Sumber Rekap` and the Log, the same careful way. */
export function setupCoordinator(ctx: ActionContext): void {
  setupTabs(
    ctx,
    'setupCoordinatorWorkbook',
    COORDINATOR_TABS.map((t) => t.name),
    () => COORDINATOR_TABS,
  );
}

function setupTabs(
  ctx: ActionContext,
  menuFunction: string,
  names: readonly string[],
  tabsOf?: (existing: ReadonlyMap<string, ExistingTab>) => readonly TabDef[],
): void {
  const { ss, lang } = ctx;
  toast(
    ctx,
    { id: 'Menyiapkan lembar kerja…', en: 'Setting up the workbook…' },
    { id: 'Seleksi & FGD', en: 'Seleksi & FGD' },
  );
  const sheets = new Map<string, Sheet>();
  const existing = new Map<string, ExistingTab>();
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    sheets.set(name, sheet);
    existing.set(name, describe(sheet, TABS_READ_WHOLE.has(name)));
  }

  const plan = planSetup(existing, lang, tabsOf?.(existing));
  for (const tab of plan.tabs) {
    const sheet = sheets.get(tab.name) ?? ss.insertSheet(tab.name);
    applyTab(sheet, tab);
    // Scores and the audit trail are written by the add-on; a hand edit gets Sheets' warning first.
    if (tab.create && isProtectedTab(tab.name)) protectWarningOnly(sheet);
  }

  const summary = plan.changes.length
    ? plan.changes.join('\n')
    : pick(
        {
          id: 'Tidak ada yang perlu ditambahkan: lembar kerja sudah lengkap.',
          en: 'Nothing to add: the workbook is already complete.',
        },
        lang,
      );
  appendLog(ss, menuLabel(menuFunction, lang), summary);

  const settings = parseSettings(
    ss.getSheetByName(SETTINGS_TAB.name)?.getDataRange().getValues() as Grid,
    utcOffsetMinutes(ss),
  );
  if (!settings.ok) {
    const intro: Bilingual = {
      id: `Lembar kerja sudah disiapkan, tetapi tab Pengaturan perlu diperbaiki sebelum tindakan lain dapat berjalan:`,
      en: `The workbook is set up, but the Pengaturan tab needs fixing before other actions can run:`,
    };
    alert(
      lang,
      { id: 'Periksa Pengaturan', en: 'Check the settings' },
      `${pick(intro, lang)}\n\n${settings.problems.map((p) => `• ${pick(p.message, lang)}`).join('\n')}`,
    );
    return;
  }
  const done: Bilingual = plan.changes.length
    ? {
        id: `Lembar kerja siap (${plan.changes.length} perubahan, lihat tab Log).`,
        en: `Workbook ready (${plan.changes.length} changes, see the Log tab).`,
      }
    : {
        id: 'Lembar kerja sudah lengkap; tidak ada yang diubah.',
        en: 'The workbook was already complete; nothing changed.',
      };
  toast(ctx, done, { id: 'Selesai', en: 'Done' });
}

function describe(sheet: Sheet, readAll: boolean): ExistingTab {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const values = readAll && lastRow > 0 ? (sheet.getDataRange().getValues() as Grid) : undefined;
  const headerRow = values
    ? values[0]
    : lastColumn > 0
      ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Grid[number])
      : [];
  return { headerRow, lastRow, maxRows: sheet.getMaxRows(), frozenRows: sheet.getFrozenRows(), values };
}

function applyTab(sheet: Sheet, tab: TabPlan): void {
  const lastColumn = Math.max(...tab.columns.map((c) => c.column));
  ensureSize(sheet, tab.maxRows, lastColumn);
  writeNewHeaders(sheet, tab);
  if (tab.freezeHeader) sheet.setFrozenRows(1);
  applyColumnFormats(sheet, tab);
  if (tab.appendRows) writeBlock(sheet, tab.appendRows.startRow, 1, tab.appendRows.rows);
  for (const dropdown of tab.valueDropdowns ?? []) {
    if (dropdown.row < 2) continue;
    const valueColumn = tab.columns.find((c) => c.def.header === 'Nilai')?.column ?? 2;
    sheet.getRange(dropdown.row, valueColumn).setDataValidation(listRule(dropdown.values));
  }
}

/** New headers sit in one run at the right end: write them, style them and explain output columns in notes. */
function writeNewHeaders(sheet: Sheet, tab: TabPlan): void {
  const added = tab.columns.filter((c) => c.isNew).sort((a, b) => a.column - b.column);
  if (added.length === 0) return;
  const first = added[0].column;
  const range = sheet.getRange(1, first, 1, added.length);
  range.setValues([added.map((c) => c.def.header)]);
  range.setFontWeight('bold');
  range.setBackgrounds([added.map((c) => (c.def.output ? OUTPUT_HEADER_BACKGROUND : TABLE_HEADER_BG))]);
  range.setWrap(true);
  if (added.some((c) => c.def.help))
    range.setNotes([added.map((c) => (c.def.help ? `${c.def.help.id}\n${c.def.help.en}` : ''))]);
  for (const column of added) sheet.setColumnWidth(column.column, column.def.width);
}

/**
 * Number formats and dropdowns on the data rows of every contract column. NIK, phone and time
 * columns become text so that Sheets keeps leading zeros and all 16 NIK digits. Dropdowns warn
 * rather than reject, because pasted rows ("Laki-laki", "SMK") must land and be validated.
 */
function applyColumnFormats(sheet: Sheet, tab: TabPlan): void {
  const rows = tab.maxRows - 1;
  for (const { column, def } of tab.columns) {
    const data = sheet.getRange(2, column, rows, 1);
    if (def.format) data.setNumberFormat(NUMBER_FORMATS[def.format]);
    if (def.dropdown) data.setDataValidation(listRule(def.dropdown));
  }
}

/** One rule object per distinct list per run: the same rule can be applied to many ranges. */
const rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();

function listRule(values: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  const key = values.join('\u0000');
  let rule = rules.get(key);
  if (!rule) {
    rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(true)
      .build();
    rules.set(key, rule);
  }
  return rule;
}
