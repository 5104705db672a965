/** Per-execution accounting: service calls by `Class.method`, cells read and written, and fault injection. */
import { ServiceError } from './workbook';

/** Calls that change the spreadsheet (queued by Apps Script until something needs an answer). */
const WRITE =
  /\.(set[A-Z]\w*|insert\w*|delete\w*|clear\w*|merge\w*|breakApart|appendRow|copyTo|autoResize\w*|hide\w*|show\w*|protect|remove\w*|addEditors?|sort|insertChart|updateChart|insertCheckboxes)$/;
/** Calls that need an answer from Sheets. */
export const ANSWER =
  /\.(getValues?|getDisplayValues?|getBackgrounds?|getNotes?|getFormulas?|getDataRange|getLastRow|getLastColumn|getMaxRows|getMaxColumns|getSheets|getSheetByName|getIndex|getNumSheets|getCharts|getProtections|getDataValidations?|insertSheet|deleteSheet|tryLock|waitLock|findAll|findNext|flush)$/;

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
  /**
   * Calls that had to wait for Sheets while writes were still queued: Apps Script sends queued
   * writes in bulk, but a read (or anything that needs an answer) commits them first. The bench
   * prices these higher than a read with nothing queued.
   */
  flushes = 0;
  private pendingWrites = false;

  constructor(
    private readonly failAt: number | null = null,
    private readonly failMessage = 'Service error: Spreadsheets',
  ) {}

  /** Counts one call; throws when this is the call chosen by `emu.failAfter(n)`. */
  count(key: string): void {
    if (WRITE.test(key)) this.pendingWrites = true;
    else if (ANSWER.test(key) && this.pendingWrites) {
      this.flushes++;
      this.pendingWrites = false;
    }
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
