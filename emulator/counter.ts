/** Per-execution accounting: service calls by `Class.method`, cells read and written, and fault injection. */
import { ServiceError } from './workbook';

export class CallCounter {
  readonly calls: Record<string, number> = {};
  total = 0;
  cellsRead = 0;
  cellsWritten = 0;

  constructor(
    private readonly failAt: number | null = null,
    private readonly failMessage = 'Service error: Spreadsheets',
  ) {}

  /** Counts one call; throws when this is the call chosen by `emu.failAfter(n)`. */
  count(key: string): void {
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    this.total++;
    if (this.failAt !== null && this.total === this.failAt) throw new ServiceError(this.failMessage);
  }

  read(cells: number): void {
    this.cellsRead += cells;
  }

  write(cells: number): void {
    this.cellsWritten += cells;
  }
}
