/**
 * Every action run twice gives the same workbook as once (apart from time stamps and the Log),
 * and no action changes a cell a user typed.
 */
import { createHash } from 'node:crypto';
import { ACTIONS, type Action, act, comparable, score, smallDemo } from './workflow';
import { ensureBuilt } from '../support/dist';
import type { Workbook } from '../../emulator';

beforeAll(ensureBuilt);

const USER_TABS = ['Pengaturan', 'Kandidat', 'Desa Sasaran', 'Kriteria', 'Panel', 'Sesi', 'Peserta'];
/** Columns the add-in owns on user tabs (ID only where it was blank). */
const OUTPUT = new Set(['Status Administrasi', 'Catatan Validasi', 'Skor Akhir', 'Peringkat', 'Hasil Seleksi']);

/** Every user-typed cell (user tabs, outside the add-in's output columns) as it is now. */
function typedCells(wb: Workbook): Map<string, string> {
  const cells = new Map<string, string>();
  for (const tab of USER_TABS) {
    const values = wb.sheet(tab)?.values() ?? [];
    const header = (values[0] ?? []).map(String);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (r > 0 && OUTPUT.has(header[c])) return;
        cells.set(`${tab}!R${r + 1}C${c + 1}`, v instanceof Date ? v.toISOString() : String(v));
      }),
    );
  }
  return cells;
}

/** Cells that an action changed, other than an empty ID cell that received a new ID. */
function changedTypedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [key, value] of before) {
    const now = after.get(key) ?? '';
    if (now === value) continue;
    if (value === '' && /^Kandidat!/.test(key) && /^K-\d{4}$/.test(now)) continue;
    changed.push(`${key}: ${value.slice(0, 40)} → ${now.slice(0, 40)}`);
  }
  return changed;
}

describe('idempotence and user data', () => {
  const { wb, emu } = smallDemo(180);
  const before = typedCells(wb);
  const steps: Array<{ action: Action; once: string; twice: string; changed: string[] }> = [];
  for (const action of ACTIONS) {
    if (action === 'computeRanking') score(emu);
    const typed = typedCells(wb);
    act(emu, action);
    const once = comparable(wb);
    act(emu, action);
    steps.push({ action, once, twice: comparable(wb), changed: changedTypedCells(typed, typedCells(wb)) });
  }

  it.each(ACTIONS.filter((a) => a !== 'addParticipantsFromResults'))(
    '%s twice gives the same workbook as once',
    (action) => {
      const step = steps.find((s) => s.action === action)!;
      expect(step.twice === step.once).toBe(true);
    },
  );

  it('adding participants twice adds nobody the second time', () => {
    const step = steps.find((s) => s.action === 'addParticipantsFromResults')!;
    expect(step.twice === step.once).toBe(true);
  });

  it.each(ACTIONS)(
    '%s leaves every user-typed cell as it was (adding rows and filling blank IDs is allowed)',
    (action) => {
      const step = steps.find((s) => s.action === action)!;
      expect(step.changed).toEqual([]);
    },
  );

  it('keeps the typed cells of the data tabs byte for byte through the whole workflow', () => {
    const data = (w: Workbook) => {
      const hash = createHash('sha256');
      for (const tab of ['Desa Sasaran', 'Panel', 'Sesi']) hash.update(JSON.stringify(w.sheet(tab)!.values()));
      return hash.digest('hex');
    };
    const fresh = smallDemo(180).wb;
    expect(data(wb)).toBe(data(fresh));
    expect([...before]).toEqual([...typedCells(fresh)]);
  });
});
