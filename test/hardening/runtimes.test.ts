/**
 * Apps Script has the batch formatting methods (getRangeList, setRowHeights, setColumnWidths,
 * mergeAcross), but not every runtime that hosts an Apps Script add-on does (other emulators, older
 * services). The renderer falls back to the single-item forms; this proves the fallbacks give the
 * same workbook, so they are tested code rather than dead code.
 */
import { RangeService } from '../../emulator/range';
import { SheetService } from '../../emulator/sheet';
import { ensureBuilt } from '../support/dist';
import { comparable, fullWorkflow, smallDemo } from './workflow';

beforeAll(ensureBuilt);

const BATCH: Array<[object, string]> = [
  [SheetService.prototype, 'getRangeList'],
  [SheetService.prototype, 'setRowHeights'],
  [SheetService.prototype, 'setColumnWidths'],
  [RangeService.prototype, 'mergeAcross'],
];

function withoutBatchMethods<T>(body: () => T): T {
  const saved = BATCH.map(([proto, name]) => Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor);
  try {
    for (const [proto, name] of BATCH) delete (proto as Record<string, unknown>)[name];
    return body();
  } finally {
    BATCH.forEach(([proto, name], i) => Object.defineProperty(proto, name, saved[i]));
  }
}

it('renders every generated tab the same on a runtime without the batch formatting methods', () => {
  const usual = smallDemo(90);
  fullWorkflow(usual.emu);
  const bare = smallDemo(90);
  const calls = withoutBatchMethods(() => {
    fullWorkflow(bare.emu);
    return bare.emu.lastRun!.calls;
  });
  for (const [, name] of BATCH)
    expect([name, Object.keys(calls).some((c) => c.endsWith(`.${name}`))]).toEqual([name, false]);
  // Two independent runs differ only in Penilaian's time stamps and seals (a fresh secret each).
  const tabs = (wb: typeof usual.wb) =>
    (JSON.parse(comparable(wb)) as { sheets: Array<{ name: string }> }).sheets.filter((s) => s.name !== 'Penilaian');
  expect(tabs(bare.wb)).toEqual(tabs(usual.wb));
});
