/** Reading a core Layout the way a printer sees it, for tests. */
import { DEFAULT_ROW_HEIGHT, type Layout } from '../../src/core/layout';

/** The height a row is drawn at: its run in `rowHeights`, else the layout's default, else Sheets'. */
export function heightOf(layout: Layout, row: number): number {
  const run = layout.rowHeights?.find((h) => row >= h.row && row < h.row + h.rows);
  return run?.height ?? layout.defaultRowHeight ?? DEFAULT_ROW_HEIGHT;
}
