/**
 * The demo's own check, as a test: on the full demo workbook, validation flags every deliberate
 * fault it should (none ends MS) and no row without one ends TMS.
 */
import { demoAccuracy } from '../../scripts/demo-data/accuracy';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { Emulator } from '../../emulator';
import { ensureBuilt } from '../support/dist';

beforeAll(ensureBuilt);

it('validation on the demo: 0 missed faults and 0 false alarms', () => {
  const { workbook, demo } = loadDemoWorkbook({ candidates: 1500 });
  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  emu.run('setupWorkbook');
  expect(emu.run('validateCandidates').error).toBeUndefined();
  const accuracy = demoAccuracy(workbook, demo.faults);
  expect(demo.faults.length).toBeGreaterThan(100);
  expect({ missed: accuracy.missed, falseAlarms: accuracy.falseAlarms }).toEqual({ missed: [], falseAlarms: [] });
});
