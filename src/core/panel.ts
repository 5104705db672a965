/** Panelists (`Panel`): who may score, and which candidates each may see. */
import { matchHeaders, rowRecord } from './headers';
import { PANEL_TAB } from './schema';
import type { Grid } from './types';
import { parseYesNo } from './yesno';
import { placeKey } from './validation/villages';

export interface Panelist {
  sheetRow: number;
  email: string;
  name: string;
  /** A regency/city name, or "Semua" for every region. */
  region: string;
  active: boolean;
}

export function parsePanel(values: Grid | undefined): Panelist[] {
  if (!values || values.length < 2) return [];
  const map = matchHeaders(PANEL_TAB, values[0]);
  return values
    .slice(1)
    .map((row, i) => rowRecord(map, i + 2, row))
    .map((r) => ({
      sheetRow: r.sheetRow,
      email: r.text('Email').toLowerCase(),
      name: r.text('Nama'),
      region: r.text('Wilayah'),
      // A blank Aktif means active: switching someone off is the deliberate act.
      active: r.text('Aktif') === '' ? true : parseYesNo(r.text('Aktif')) === true,
    }))
    .filter((p) => p.email !== '' || p.name !== '');
}

export function activePanelist(panel: readonly Panelist[], email: string): Panelist | undefined {
  const key = email.trim().toLowerCase();
  return key ? panel.find((p) => p.active && p.email === key) : undefined;
}

const ALL = new Set(['semua', 'all', 'seluruh']);

/** Whether a panelist's region covers a candidate's regency. */
export function coversRegion(panelist: Panelist, regency: string): boolean {
  const region = placeKey(panelist.region);
  return ALL.has(region) || (region !== '' && region === placeKey(regency));
}
