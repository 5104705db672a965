/**
 * Forgiving header matching: a tab's first row is mapped to the contract's columns whatever the
 * case, spacing, punctuation or order, through each column's aliases.
 */
import type { ColumnDef, TabDef } from './schema';
import { closest, matchKey } from './text';
import type { Bilingual, CellValue } from './types';
import { cellText } from './text';

export interface MissingColumn {
  header: string;
  aliases: string[];
  /** The existing header that looks most like it ("did you mean …"). */
  closest?: string;
}

export interface HeaderMap<H extends string = string> {
  /** 0-based column index per contract header; absent when the tab lacks the column. */
  index: Map<H, number>;
  /** Required columns that are missing. */
  missing: MissingColumn[];
  /** The header row as typed. */
  headers: string[];
}

function keysOf(column: ColumnDef): string[] {
  return [column.header, ...(column.aliases ?? [])].map(matchKey);
}

/**
 * Map a header row to the tab's columns. An exact header wins over an alias anywhere in the row,
 * so "Nama" and "Nama Lengkap" side by side resolve to the right columns; each sheet column is
 * used at most once.
 */
export function matchHeaders<H extends string>(tab: TabDef<H>, headerRow: readonly CellValue[]): HeaderMap<H> {
  const headers = headerRow.map((cell) => cellText(cell));
  const keys = headers.map(matchKey);
  const taken = new Set<number>();
  const index = new Map<H, number>();

  const claim = (column: ColumnDef<H>, wanted: string[]): boolean => {
    const at = keys.findIndex((key, i) => !taken.has(i) && key !== '' && wanted.includes(key));
    if (at < 0) return false;
    taken.add(at);
    index.set(column.header, at);
    return true;
  };
  for (const column of tab.columns) claim(column, [matchKey(column.header)]);
  for (const column of tab.columns) if (!index.has(column.header)) claim(column, keysOf(column));

  const unused = headers.filter((h, i) => h !== '' && !taken.has(i));
  const missing = tab.columns
    .filter((column) => column.required && !index.has(column.header))
    .map((column) => ({
      header: column.header,
      aliases: column.aliases ?? [],
      closest: closest(column.header, unused) ?? closestByAlias(column, unused),
    }));
  return { index, missing, headers };
}

function closestByAlias(column: ColumnDef, unused: string[]): string | undefined {
  for (const alias of column.aliases ?? []) {
    const hit = closest(alias, unused);
    if (hit) return hit;
  }
  return undefined;
}

/** "Kolom wajib tidak ada di tab Kandidat: NIK (juga diterima: No. KTP, …) — mungkin maksudnya "N I K x"?" */
export function describeMissing(tabName: string, missing: readonly MissingColumn[]): Bilingual {
  const lines = missing.map((m) => {
    const aliases = m.aliases.length ? m.aliases.join(', ') : '';
    return {
      id: `• ${m.header}${aliases ? ` (juga diterima: ${aliases})` : ''}${m.closest ? ` — mungkin maksud Anda "${m.closest}"?` : ''}`,
      en: `• ${m.header}${aliases ? ` (also accepted: ${aliases})` : ''}${m.closest ? ` — did you mean "${m.closest}"?` : ''}`,
    };
  });
  return {
    id: `Kolom wajib tidak ditemukan di baris 1 tab "${tabName}":\n${lines.map((l) => l.id).join('\n')}\nTambahkan atau ganti nama judul kolom tersebut, lalu jalankan lagi. Tidak ada yang diubah.`,
    en: `Required columns are missing from row 1 of the "${tabName}" tab:\n${lines.map((l) => l.en).join('\n')}\nAdd or rename those column headers, then run again. Nothing was changed.`,
  };
}

/**
 * One data row, addressed by contract header whatever the sheet's column order. `H` is the tab's
 * header union, so asking for a column the contract does not have is a compile error. (Function
 * properties, not methods: methods would be checked bivariantly and let a typo through.)
 */
export interface RowRecord<H extends string = string> {
  /** 1-based row on the sheet. */
  sheetRow: number;
  value: (header: H) => CellValue;
  /** Trimmed text of the cell ('' when the tab lacks the column). */
  text: (header: H) => string;
  /** The cell as Sheets shows it (its display value when given, else its text). */
  shown: (header: H) => string;
}

export function rowRecord<H extends string>(
  map: HeaderMap<H>,
  sheetRow: number,
  values: readonly CellValue[],
  display?: readonly string[],
): RowRecord<H> {
  const at = (header: H) => map.index.get(header);
  return {
    sheetRow,
    value: (header) => {
      const i = at(header);
      return i === undefined ? '' : (values[i] ?? '');
    },
    text: (header) => {
      const i = at(header);
      return i === undefined ? '' : cellText(values[i]);
    },
    shown: (header) => {
      const i = at(header);
      if (i === undefined) return '';
      if (display?.[i] !== undefined) return String(display[i]);
      // A column left out of `display` (read as shown only where it can differ) shows its value:
      // a text as it is, spaces and all; anything else as its text.
      const value = values[i] ?? '';
      return typeof value === 'string' ? value : cellText(value);
    },
  };
}
