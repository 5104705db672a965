/** Small helpers for emulator tests: run a snippet of Apps Script code against a workbook. */
import { Emulator, Workbook, type EmulatorOptions, type RunOptions, type RunResult } from '../../emulator';

export function emulatorFor(
  code: string,
  wb: Workbook = new Workbook(),
  opts: Omit<EmulatorOptions, 'code' | 'workbook'> = {},
): Emulator {
  return new Emulator({ code, workbook: wb, ...opts });
}

/** Runs `body` as the body of `function main()` (with a Workbook holding a 'Data' sheet unless given). */
export function runBody(body: string, wb?: Workbook, opts: RunOptions = {}): RunResult {
  const book = wb ?? withData();
  return emulatorFor(`function main() {\n${body}\n}`, book).run('main', [], opts);
}

export function withData(rows: (string | number | boolean | Date)[][] = [['a']]): Workbook {
  const wb = new Workbook();
  wb.addSheet('Data', rows);
  return wb;
}
