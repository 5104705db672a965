/**
 * Faults: an action that fails midway (a service error on its Nth call) says what to do in plain
 * words, always releases the lock, never leaves a generated tab half-written under its real name,
 * and running the action again gives exactly the workbook a clean run gives.
 */
import { Emulator, Workbook } from '../../emulator';
import { ACTIONS, type Action, act, comparable, fullWorkflow, smallDemo, withoutStamps } from './workflow';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

const GENERATED = /^(Laporan Validasi|Hasil Seleksi|Rekap Seleksi|Rekap Kehadiran|DH .*)$/;

const base = (() => {
  const { wb, emu } = smallDemo(90);
  fullWorkflow(emu);
  return { snapshot: wb.snapshot(), properties: [...emu.documentProperties] };
})();

function fresh(): { wb: Workbook; emu: Emulator } {
  const wb = Workbook.fromSnapshot(JSON.parse(JSON.stringify(base.snapshot)));
  const emu = new Emulator({ workbook: wb, user: 'koordinator@example.go.id' });
  for (const [k, v] of base.properties) emu.documentProperties.set(k, v);
  emu.alertResponder = () => 'YES';
  return { wb, emu };
}

function generatedTabs(wb: Workbook): Map<string, string> {
  return new Map(
    wb
      .sheetNames()
      .filter((n) => GENERATED.test(n))
      .map((n) => [n, withoutStamps(JSON.stringify(wb.sheet(n)!.values()))]),
  );
}

describe.each(ACTIONS)('%s failing midway', (action: Action) => {
  const clean = fresh();
  const total = act(clean.emu, action).totalCalls;
  const expected = comparable(clean.wb);
  const points = [
    ...new Set([
      1,
      2,
      Math.floor(total / 4),
      Math.floor(total / 2),
      Math.floor((3 * total) / 4),
      total - 2,
      total - 1,
      total,
    ]),
  ].filter((n) => n >= 1);

  it.each(points)('at call %i: plain message, lock released, no half-written tab, and a re-run converges', (n) => {
    const { wb, emu } = fresh();
    const before = generatedTabs(wb);
    emu.failAfter(n, 'Service Spreadsheets failed while accessing document with id 1EmuLat0r.');
    const failed = act(emu, action);
    emu.failAfter(null);
    const message = [failed.error?.message ?? '', ...failed.ui.alerts.map((a) => a.prompt)].join('\n');
    const hitRelease = failed.unreleasedLocks.length > 0;
    if (action === 'generateAttendance') {
      // A dialog's server call: the failure reaches the dialog's failure handler as a plain message,
      // unless it hit a best-effort call (who the user is, for the Log): then the run did all its work.
      if (!hitRelease && failed.error === undefined) expect(comparable(wb)).toBe(expected);
      else if (!hitRelease)
        expect(failed.error?.message ?? '').toContain(
          'Tindakan terhenti karena kesalahan tak terduga: Service Spreadsheets failed',
        );
    } else {
      expect(failed.error).toBeUndefined();
      // Only a failure in releasing the lock (after the work was done) passes silently; Apps Script then releases it.
      if (hitRelease) expect(failed.unreleasedLocks).toEqual(['document']);
      // A best-effort call (who the user is, for the Log) may fail without a message: then the run
      // must have done exactly what a clean run does.
      else if (!message.includes('terhenti')) expect(comparable(wb)).toBe(expected);
      else expect(message).toContain('Tindakan terhenti karena kesalahan tak terduga: Service Spreadsheets failed');
    }
    expect(message).not.toMatch(/Code\.js:\d+|\bat \S+ \(/);
    // Every generated tab under its real name is either untouched or completely rebuilt.
    const after = generatedTabs(wb);
    for (const [name, content] of after) {
      if (before.has(name) && before.get(name) !== content) {
        expect([name, wb.sheet(name)!.cell(1, 1).note]).toEqual([name, expect.stringContaining('Seleksi & FGD')]);
      }
    }
    // The lock was released and the action converges on the clean result.
    const again = act(emu, action);
    expect(again.ui.alerts.filter((a) => a.prompt.includes('terhenti'))).toEqual([]);
    expect(comparable(wb)).toBe(expected);
  });
});
