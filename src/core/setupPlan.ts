/**
 * "Siapkan lembar kerja" as a plan: given what the workbook already holds, which tabs, header
 * cells, default rows, formats and dropdowns to add. The plan only ever adds: existing cells are
 * never in it, so running setup on any workbook cannot move or overwrite a user's data, and
 * running it twice plans nothing new the second time.
 */
import { matchHeaders } from './headers';
import {
  DEFAULT_RUBRIC,
  DEFAULT_SCORE_MAX,
  DEFAULT_SCORE_MIN,
  LOG_TAB,
  RUBRIC_TAB,
  SETTINGS_TAB,
  SOURCES_TAB,
  type ColumnDef,
  type ColumnFormat,
  type TabDef,
  USER_TABS,
  scoresTab,
} from './schema';
import { SETTING_DEFS, settingByLabel } from './settings';
import { cellText } from './text';
import type { CellValue, Grid, Lang } from './types';
import { pick } from './types';

/** What setup needs to know about a tab that already exists. */
export interface ExistingTab {
  headerRow: CellValue[];
  lastRow: number;
  maxRows: number;
  frozenRows: number;
  /** All values, for the tabs whose rows setup reads (Pengaturan, Kriteria). */
  values?: Grid;
}

export interface ColumnPlacement {
  /** 1-based sheet column. */
  column: number;
  def: ColumnDef;
  /** Setup writes this header now. */
  isNew: boolean;
}

export interface TabPlan {
  name: string;
  create: boolean;
  /** Every contract column with where it is (existing or about to be added). */
  columns: ColumnPlacement[];
  freezeHeader: boolean;
  /** Rows to append below the existing data (default settings, default rubric). */
  appendRows?: { startRow: number; rows: Grid };
  /** Per-row dropdowns for the `Nilai` column of Pengaturan (1-based row → values). */
  valueDropdowns?: Array<{ row: number; values: readonly string[] }>;
  /** Rows the tab will have at least (so formats cover them). */
  maxRows: number;
}

export interface SetupPlan {
  tabs: TabPlan[];
  /** Short description of each change, for the log and the closing alert. */
  changes: string[];
}

export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  date: 'dd/MM/yyyy',
  datetime: 'dd/MM/yyyy HH:mm',
  time: 'HH:mm',
  number: '0',
  decimal: '0.0',
};

/** New sheets in Sheets have 1000 rows. */
export const NEW_SHEET_ROWS = 1000;

/** The tabs of a regency workbook, in the order setup creates them (Penilaian from the rubric it will have). */
export function workbookTabs(existing: ReadonlyMap<string, ExistingTab>): TabDef[] {
  return [...USER_TABS, scoresTab(rubricCodesAfterSetup(existing.get(RUBRIC_TAB.name))), LOG_TAB];
}

/** The tabs of a coordinator workbook: its settings, the list of regency workbooks, and the Log. */
export const COORDINATOR_TABS: readonly TabDef[] = [SETTINGS_TAB, SOURCES_TAB, LOG_TAB];

export function planSetup(
  existing: ReadonlyMap<string, ExistingTab>,
  lang: Lang,
  tabs: readonly TabDef[] = workbookTabs(existing),
): SetupPlan {
  const changes: string[] = [];
  return { tabs: tabs.map((tab) => planTab(tab, existing.get(tab.name), lang, changes)), changes };
}

function planTab(tab: TabDef, found: ExistingTab | undefined, lang: Lang, changes: string[]): TabPlan {
  const headerRow = found?.headerRow ?? [];
  const map = matchHeaders(tab, headerRow);
  let next = lastFilledColumn(headerRow) + 1;
  const columns: ColumnPlacement[] = tab.columns.map((def) => {
    const at = map.index.get(def.header);
    if (at !== undefined) return { column: at + 1, def, isNew: false };
    return { column: next++, def, isNew: true };
  });
  const added = columns.filter((c) => c.isNew);
  if (!found) changes.push(`${tab.name}: ${pick({ id: 'tab dibuat', en: 'tab created' }, lang)}`);
  else if (added.length)
    changes.push(
      `${tab.name}: ${pick({ id: 'kolom ditambahkan', en: 'columns added' }, lang)} ${added.map((c) => c.def.header).join(', ')}`,
    );

  const plan: TabPlan = {
    name: tab.name,
    create: !found,
    columns,
    freezeHeader: !found || found.frozenRows === 0,
    maxRows: Math.max(found?.maxRows ?? NEW_SHEET_ROWS, NEW_SHEET_ROWS),
  };
  if (tab.name === 'Pengaturan') addDefaultSettings(plan, found, lang, changes);
  if (tab.name === RUBRIC_TAB.name) addDefaultRubric(plan, found, lang, changes);
  return plan;
}

function lastFilledColumn(row: readonly CellValue[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (cellText(row[i]) !== '') return i + 1;
  return 0;
}

/** Settings rows that are missing are appended with their default and explanation; present rows are left as typed. */
function addDefaultSettings(plan: TabPlan, found: ExistingTab | undefined, lang: Lang, changes: string[]): void {
  const nameCol = plan.columns.find((c) => c.def.header === 'Pengaturan')?.column ?? 1;
  const valueCol = plan.columns.find((c) => c.def.header === 'Nilai')?.column ?? 2;
  const noteCol = plan.columns.find((c) => c.def.header === 'Keterangan')?.column ?? 3;
  const width = Math.max(nameCol, valueCol, noteCol);
  const rows = found?.values ?? [];
  const present = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const def = settingByLabel(cellText(row[nameCol - 1]));
    if (def && !present.has(def.key)) present.set(def.key, i + 2);
  });
  const startRow = Math.max(found?.lastRow ?? 1, 1) + 1;
  const missing = SETTING_DEFS.filter((def) => !present.has(def.key));
  const newRows = missing.map((def) => {
    const row: CellValue[] = new Array(width).fill('');
    row[nameCol - 1] = def.label;
    row[valueCol - 1] = def.defaultValue;
    row[noteCol - 1] = pick(def.explain, lang);
    return row;
  });
  if (newRows.length) {
    plan.appendRows = { startRow, rows: newRows };
    if (found)
      changes.push(
        `Pengaturan: ${pick({ id: 'pengaturan bawaan ditambahkan', en: 'default settings added' }, lang)} (${missing.map((d) => d.label).join(', ')})`,
      );
  }
  missing.forEach((def, i) => present.set(def.key, startRow + i));
  plan.valueDropdowns = SETTING_DEFS.filter((def) => def.choices || def.kind === 'yesno').map((def) => ({
    row: present.get(def.key) ?? 0,
    values: def.kind === 'yesno' ? ['Ya', 'Tidak'] : (def.choices ?? []),
  }));
}

/** The default rubric goes into an empty `Kriteria` only: a rubric someone wrote is theirs. */
function addDefaultRubric(plan: TabPlan, found: ExistingTab | undefined, lang: Lang, changes: string[]): void {
  if (found && found.lastRow > 1) return;
  const width = Math.max(...plan.columns.map((c) => c.column));
  const col = (header: string) => (plan.columns.find((c) => c.def.header === header)?.column ?? 1) - 1;
  const rows = DEFAULT_RUBRIC.map((criterion) => {
    const row: CellValue[] = new Array(width).fill('');
    row[col('Kode')] = criterion.code;
    row[col('Kriteria')] = criterion.name;
    row[col('Bobot')] = criterion.weight;
    row[col('Skor Min')] = DEFAULT_SCORE_MIN;
    row[col('Skor Maks')] = DEFAULT_SCORE_MAX;
    row[col('Panduan')] = criterion.guidance;
    row[col('Urutan Penentu')] = criterion.tieBreak;
    return row;
  });
  plan.appendRows = { startRow: 2, rows };
  if (found) changes.push(`Kriteria: ${pick({ id: 'rubrik bawaan ditambahkan', en: 'default rubric added' }, lang)}`);
}

/** The criterion codes `Penilaian` needs columns for: the rubric's own, or the defaults it is about to get. */
function rubricCodesAfterSetup(rubric: ExistingTab | undefined): string[] {
  if (!rubric || rubric.lastRow <= 1 || !rubric.values) return DEFAULT_RUBRIC.map((c) => c.code);
  const map = matchHeaders(RUBRIC_TAB, rubric.values[0]);
  const codeCol = map.index.get('Kode');
  if (codeCol === undefined) return DEFAULT_RUBRIC.map((c) => c.code);
  const codes = rubric.values
    .slice(1)
    .map((row) => cellText(row[codeCol]))
    .filter((code) => code !== '');
  return [...new Set(codes)];
}
