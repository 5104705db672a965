/**
 * How well validation finds the demo's deliberate faults, row by row: a fault the add-on should
 * flag that ends MS is missed; a row without such a fault that ends TMS is a false alarm.
 */
import type { Workbook } from '../../emulator';
import { ACCEPTED_FAULTS, type DemoFault } from './index';
import { flaggableResponses, type DemoForm } from './form';

export interface Accuracy {
  /** Rows with a fault that should be flagged but came out MS, with the fault kinds. */
  missed: string[];
  /** Rows with no such fault that came out TMS, with the add-on's reason. */
  falseAlarms: string[];
  /** Rows whose status a person set (a verifier's decision, an accepted objection): not the validation's call. */
  decided: string[];
  /** Status → [rows with a flaggable fault, other rows]. */
  byStatus: Map<string, { faulty: number; clean: number }>;
}

/** `lastRow`: judge only rows up to it (the generated ones, when imported form responses follow). */
export function demoAccuracy(workbook: Workbook, faults: readonly DemoFault[], lastRow = Infinity): Accuracy {
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
  const out: Accuracy = { missed: [], falseAlarms: [], decided: [], byStatus: new Map() };
  values.slice(1).forEach((row, i) => {
    const sheetRow = i + 2;
    const s = String(row[status] ?? '');
    if (!s || sheetRow > lastRow) return;
    const kinds = flaggable.get(sheetRow);
    const entry = out.byStatus.get(s) ?? { faulty: 0, clean: 0 };
    if (kinds) entry.faulty++;
    else entry.clean++;
    out.byStatus.set(s, entry);
    // The notes say when a valid verifier decision or an accepted objection set the status.
    const byPerson = /status ditetapkan verifikator|sanggah diterima/i.test(String(row[note] ?? ''));
    if (byPerson) out.decided.push(`row ${sheetRow}: ${s}${kinds ? ` (${kinds.join(', ')})` : ''}`);
    else if (kinds && s === 'MS') out.missed.push(`row ${sheetRow}: ${kinds.join(', ')}`);
    else if (!kinds && s === 'TMS') out.falseAlarms.push(`row ${sheetRow}: ${String(row[note]).slice(0, 160)}`);
  });
  return out;
}

/**
 * The same for the registration form's responses once imported: each response is found on
 * `Kandidat` by its key (the timestamp), and judged by the response tab's own faults.
 */
export function formAccuracy(workbook: Workbook, form: DemoForm): Accuracy & { notImported: number[] } {
  const values = workbook.sheet('Kandidat')!.values();
  const header = values[0].map(String);
  const key = header.indexOf('Kunci Formulir');
  const status = header.indexOf('Status Administrasi');
  const note = header.indexOf('Catatan Validasi');
  const rowOf = new Map<string, number>();
  if (key >= 0) values.forEach((row, i) => row[key] !== '' && rowOf.set(String(row[key]), i));
  const flaggable = flaggableResponses(form);
  const out = {
    missed: [] as string[],
    falseAlarms: [] as string[],
    decided: [] as string[],
    byStatus: new Map(),
    notImported: [] as number[],
  };
  form.responses.forEach((response, i) => {
    const row = i + 2;
    const at = rowOf.get(response.at.toISOString());
    if (at === undefined) return void out.notImported.push(row);
    const s = String(values[at][status] ?? '');
    const kinds = flaggable.get(row);
    const entry = out.byStatus.get(s) ?? { faulty: 0, clean: 0 };
    if (kinds) entry.faulty++;
    else entry.clean++;
    out.byStatus.set(s, entry);
    const where = `response row ${row} (Kandidat row ${at + 1})`;
    if (kinds && s === 'MS') out.missed.push(`${where}: ${kinds.join(', ')}`);
    if (!kinds && s === 'TMS') out.falseAlarms.push(`${where}: ${String(values[at][note]).slice(0, 160)}`);
  });
  return out;
}
