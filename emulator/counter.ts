/** Per-execution accounting: service calls by `Class.method`, cells read and written, and fault injection. */
import { ServiceError } from './workbook';

export class CallCounter {
  readonly calls: Record<string, number> = {};
  total = 0;
  cellsRead = 0;
  cellsWritten = 0;
  /**
   * Calls a deliberately naive adapter would have made for the same work: every block read or
   * write of n cells done as n getRange + n getValue/setValue calls instead of one getRange and one
   * block call. Lets the benchmark measure the gain of batching on the real execution.
   */
  naiveTotal = 0;

  constructor(
    private readonly failAt: number | null = null,
    private readonly failMessage = 'Service error: Spreadsheets',
  ) {}

  /** Counts one call; throws when this is the call chosen by `emu.failAfter(n)`. */
  count(key: string): void {
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    this.total++;
    this.naiveTotal++;
    if (this.failAt !== null && this.total === this.failAt) throw new ServiceError(this.failMessage);
  }

  read(cells: number): void {
    this.cellsRead += cells;
  }

  /** A block read or write of `cells` cells (see naiveTotal). */
  block(cells: number): void {
    this.naiveTotal += Math.max(0, 2 * cells - 2);
  }

  write(cells: number): void {
    this.cellsWritten += cells;
  }
}
