/**
 * How well validation finds the demo's deliberate faults, row by row: a fault the add-on should
 * flag that ends MS is missed; a row without such a fault that ends TMS is a false alarm.
 */
import type { Workbook } from '../../emulator';
import { ACCEPTED_FAULTS, type DemoFault } from './index';

export interface Accuracy {
  /** Rows with a fault that should be flagged but came out MS, with the fault kinds. */
  missed: string[];
  /** Rows with no such fault that came out TMS, with the add-on's reason. */
  falseAlarms: string[];
  /** Status → [rows with a flaggable fault, other rows]. */
  byStatus: Map<string, { faulty: number; clean: number }>;
}

export function demoAccuracy(workbook: Workbook, faults: readonly DemoFault[]): Accuracy {
  const values = workbook.sheet('Kandidat')!.values();
  const header = values[0].map(String);
  const status = header.indexOf('Status Administrasi');
  const note = header.indexOf('Catatan Validasi');
  const flaggable = new Map<number, string[]>();
  const flag = (row: number, kind: string) => flaggable.set(row, [...(flaggable.get(row) ?? []), kind]);
  for (const f of faults) {
    if (ACCEPTED_FAULTS.has(f.kind)) continue;
    flag(f.row, f.kind);
    if (f.twinRow) flag(f.twinRow, `${f.kind} (twin of row ${f.row})`);
  }
  const out: Accuracy = { missed: [], falseAlarms: [], byStatus: new Map() };
  values.slice(1).forEach((row, i) => {
    const sheetRow = i + 2;
    const s = String(row[status] ?? '');
    if (!s) return;
    const kinds = flaggable.get(sheetRow);
    const entry = out.byStatus.get(s) ?? { faulty: 0, clean: 0 };
    if (kinds) entry.faulty++;
    else entry.clean++;
    out.byStatus.set(s, entry);
    if (kinds && s === 'MS') out.missed.push(`row ${sheetRow}: ${kinds.join(', ')}`);
    if (!kinds && s === 'TMS') out.falseAlarms.push(`row ${sheetRow}: ${String(row[note]).slice(0, 160)}`);
  });
  return out;
}
