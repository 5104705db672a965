/**
 * Draws a SheetView as a table with column letters, row numbers, sticky frozen rows, merges,
 * formats, notes, checkboxes and text overflowing into empty neighbours as in Sheets; handles
 * selection, keyboard navigation and in-cell editing (double-click, Enter, F2 or typing;
 * Enter/Tab commits, Escape cancels).
 */
import type { CellStyle, SheetView } from '../view';

export interface GridHandle {
  selection(): { row: number; col: number } | undefined;
  select(row: number, col: number): void;
  /** Top-left of a cell in the scroller's content coordinates. */
  cellOrigin(row: number, col: number): { top: number; left: number } | null;
}

export interface GridEvents {
  onEdit(a1: string, value: string | boolean): Promise<void>;
  onSelect(row: number, col: number, text: string): void;
}

const ROW_HEADER = 46;
/** CellOut flags (see view.ts). */
const CHECKBOX = 1;
const CHECKED = 2;
const NUMBER = 4;

/** Merged cells by key "row,col": each merge's top-left cell → its size; its other cells → the top-left. */
interface Merges {
  spans: Map<string, { rows: number; cols: number }>;
  covered: Map<string, { row: number; col: number }>;
}

/** How many pixels a cell's text may run past its left and right edges. */
interface Spill {
  left: number;
  right: number;
}

type Align = 'left' | 'center' | 'right';

function applyStyle(td: HTMLTableCellElement, s: CellStyle): void {
  if (s.bold) td.style.fontWeight = 'bold';
  if (s.italic) td.style.fontStyle = 'italic';
  if (s.size) td.style.fontSize = `${s.size}pt`;
  if (s.color) td.style.color = s.color;
  if (s.background) td.style.backgroundColor = s.background;
  if (s.align) td.style.textAlign = s.align === 'normal' ? 'left' : s.align;
  if (s.valign) td.style.verticalAlign = s.valign === 'center' ? 'middle' : s.valign;
  if (s.wrap) td.classList.add('wrap');
  if (s.strike) td.style.textDecoration = 'line-through';
  if (s.borders) {
    if (s.borders.top) td.style.borderTop = s.borders.top;
    if (s.borders.right) td.style.borderRight = s.borders.right;
    if (s.borders.bottom) td.style.borderBottom = s.borders.bottom;
    if (s.borders.left) td.style.borderLeft = s.borders.left;
  }
}

function mergesOf(view: SheetView): Merges {
  const spans: Merges['spans'] = new Map();
  const covered: Merges['covered'] = new Map();
  for (const m of view.merges) {
    spans.set(`${m.row},${m.col}`, { rows: Math.min(m.rows, view.shownRows - m.row + 1), cols: m.cols });
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++)
        if (r !== m.row || c !== m.col) covered.set(`${r},${c}`, { row: m.row, col: m.col });
  }
  return { spans, covered };
}

/** Sheets aligns numbers right and everything else left, unless the cell says otherwise. */
function alignOf(style: CellStyle, flags: number): Align {
  if (style.align === 'center' || style.align === 'right' || style.align === 'left') return style.align;
  return flags & NUMBER ? 'right' : 'left';
}

/** A cell that shows nothing (and is in no merge): text from a neighbour may overflow across it. */
function isBlank(view: SheetView, merges: Merges, row: number, col: number): boolean {
  const key = `${row},${col}`;
  if (merges.spans.has(key) || merges.covered.has(key)) return false;
  const cell = view.cells[row - 1]?.[col - 1];
  return !cell || (cell[0] === '' && !(cell[3] & CHECKBOX));
}

/**
 * How far a cell's text may overflow, as Sheets draws it: across the blank cells on the side its
 * alignment pushes it to (both sides when centred), up to the first cell with content, a merge or
 * the edge of the frozen columns. Numbers (cut, as before), wrapped, clipped and merged cells never
 * overflow: null.
 */
function spillOf(view: SheetView, merges: Merges, row: number, col: number): Spill | null {
  const cell = view.cells[row - 1]?.[col - 1];
  if (!cell) return null;
  const [text, styleIndex, , flags] = cell;
  const style = view.styles[styleIndex] ?? {};
  if (!text || flags & (CHECKBOX | NUMBER) || style.wrap || style.clip || merges.spans.has(`${row},${col}`))
    return null;
  const frozen = (c: number) => c <= view.frozenColumns;
  const reach = (step: 1 | -1): number => {
    let width = 0;
    for (let c = col + step; c >= 1 && c <= view.columns.length; c += step) {
      if (frozen(c) !== frozen(col) || !isBlank(view, merges, row, c)) break;
      width += view.colWidths[c - 1];
    }
    return width;
  };
  const align = alignOf(style, flags);
  const spill = { left: align === 'left' ? 0 : reach(-1), right: align === 'right' ? 0 : reach(1) };
  return spill.left || spill.right ? spill : null;
}

/**
 * Puts overflowing text in a cell: a clipping box stretched over the blank neighbours it may cover,
 * holding a line exactly over the cell whose text sticks out on the side(s) of its alignment.
 * Returns the line, to measure once laid out.
 */
function fillSpill(td: HTMLTableCellElement, text: string, spill: Spill, align: Align): HTMLElement {
  td.classList.add('spill');
  const clip = document.createElement('div');
  clip.className = 'spill-clip';
  clip.style.margin = `0 -${spill.right}px 0 -${spill.left}px`;
  const line = document.createElement('div');
  line.className = `spill-line ${align}`;
  line.style.margin = `0 ${spill.right}px 0 ${spill.left}px`;
  line.textContent = text;
  clip.append(line);
  td.append(clip);
  return line;
}

/** A cell drawn with fillSpill, and its line. */
interface Spilling {
  row: number;
  col: number;
  spill: Spill;
  line: HTMLElement;
}

/**
 * Sheets draws no gridline under overflowing text: hides the vertical lines that the visible part
 * of each overflowing text crosses. Measured once the table is laid out, every read before any write.
 */
function hideGridlinesUnder(
  table: HTMLTableElement,
  spilling: Spilling[],
  cellsByKey: Map<string, HTMLTableCellElement>,
  widths: number[],
): void {
  // edges[k]: the x of column k's right edge (edges[0]: the row numbers'), from the table's left.
  const edges = widths.map((_, k) => widths.slice(0, k + 1).reduce((a, b) => a + b, 0));
  const origin = table.getBoundingClientRect().left;
  const range = document.createRange();
  const crossed: HTMLTableCellElement[] = [];
  for (const { row, col, spill, line } of spilling) {
    range.selectNodeContents(line);
    const text = range.getBoundingClientRect();
    const from = Math.max(text.left - origin, edges[col - 1] - spill.left);
    const to = Math.min(text.right - origin, edges[col] + spill.right);
    for (let k = 1; k < edges.length; k++) {
      const td = cellsByKey.get(`${row},${k}`);
      if (td && edges[k] > from && edges[k] < to) crossed.push(td);
    }
  }
  for (const td of crossed) td.classList.add('under-spill');
}

export function renderGrid(
  scroller: HTMLElement,
  table: HTMLTableElement,
  view: SheetView,
  events: GridEvents,
): GridHandle {
  scroller.querySelectorAll('.chart, .charts-below, #cell-editor').forEach((el) => el.remove());
  const cellsByKey = new Map<string, HTMLTableCellElement>();
  const spilling: Spilling[] = [];
  const merges = mergesOf(view);
  const { spans, covered } = merges;

  const colgroup = document.createElement('colgroup');
  const widths = [ROW_HEADER, ...view.colWidths];
  for (const w of widths) {
    const col = document.createElement('col');
    col.style.width = `${w}px`;
    colgroup.append(col);
  }
  table.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;

  const thead = document.createElement('thead');
  const headRow = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'corner';
  headRow.append(corner);
  for (const letter of view.columns) {
    const th = document.createElement('th');
    th.textContent = letter;
    headRow.append(th);
  }
  thead.append(headRow);

  const tbody = document.createElement('tbody');
  for (let r = 1; r <= view.shownRows; r++) {
    const tr = document.createElement('tr');
    tr.style.height = `${view.rowHeights[r - 1]}px`;
    if (r <= view.frozenRows) tr.className = r === view.frozenRows ? 'frozen frozen-last' : 'frozen';
    const th = document.createElement('th');
    th.textContent = String(r);
    tr.append(th);
    const line = view.cells[r - 1];
    for (let c = 1; c <= view.columns.length; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const td = document.createElement('td');
      td.dataset.r = String(r);
      td.dataset.c = String(c);
      const span = spans.get(key);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.cols;
      }
      const cell = line?.[c - 1];
      if (cell) {
        const [text, styleIndex, note, flags] = cell;
        const style = view.styles[styleIndex] ?? {};
        if (flags & NUMBER) td.classList.add('num');
        applyStyle(td, style);
        if (flags & CHECKBOX) {
          td.classList.add('checkbox');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.checked = (flags & CHECKED) !== 0;
          box.setAttribute('aria-label', `${view.columns[c - 1]}${r}`);
          box.addEventListener('click', () => void events.onEdit(`${view.columns[c - 1]}${r}`, box.checked));
          td.append(box);
        } else {
          const spill = spillOf(view, merges, r, c);
          if (spill) spilling.push({ row: r, col: c, spill, line: fillSpill(td, text, spill, alignOf(style, flags)) });
          else td.textContent = text;
        }
        if (note) {
          td.classList.add('note');
          td.title = note;
        }
      }
      cellsByKey.set(key, td);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.replaceChildren(colgroup, thead, tbody);
  // Which tab the table shows, next to what it shows (the tab bar is drawn from the same state).
  table.dataset.sheet = view.name;

  hideGridlinesUnder(table, spilling, cellsByKey, widths);

  // Frozen rows stick under the column letters, at the offset they are drawn at.
  for (const tr of Array.from(tbody.querySelectorAll<HTMLTableRowElement>('tr.frozen'))) {
    const top = `${tr.offsetTop}px`;
    for (const cell of Array.from(tr.children) as HTMLElement[]) cell.style.top = top;
  }

  // ---------------------------------------------------------------- selection and editing
  let selected: { row: number; col: number } | undefined;
  let editor: HTMLInputElement | null = null;

  const textOf = (row: number, col: number): string => view.cells[row - 1]?.[col - 1]?.[0] ?? '';
  const a1 = (row: number, col: number) => `${view.columns[col - 1]}${row}`;
  const master = (row: number, col: number) => covered.get(`${row},${col}`) ?? { row, col };

  function select(row: number, col: number): void {
    const target = master(Math.max(1, Math.min(view.shownRows, row)), Math.max(1, Math.min(view.columns.length, col)));
    scroller.querySelectorAll('td.selected').forEach((el) => el.classList.remove('selected'));
    const td = cellsByKey.get(`${target.row},${target.col}`);
    if (!td) return;
    selected = target;
    td.classList.add('selected');
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    events.onSelect(target.row, target.col, textOf(target.row, target.col));
  }

  function startEdit(initial?: string): void {
    if (!selected || editor) return;
    const { row, col } = selected;
    const td = cellsByKey.get(`${row},${col}`)!;
    if (td.classList.contains('checkbox')) return;
    const box = td.getBoundingClientRect();
    const outer = scroller.getBoundingClientRect();
    const input = document.createElement('input');
    input.id = 'cell-editor';
    input.value = initial ?? textOf(row, col);
    input.style.left = `${box.left - outer.left + scroller.scrollLeft}px`;
    input.style.top = `${box.top - outer.top + scroller.scrollTop}px`;
    input.style.minWidth = `${box.width}px`;
    input.style.height = `${Math.max(box.height, 22)}px`;
    editor = input;
    let done = false;
    const finish = (commit: boolean, move: [number, number]) => {
      if (done) return;
      done = true;
      const value = input.value;
      input.remove();
      editor = null;
      scroller.focus({ preventScroll: true });
      select(row + move[0], col + move[1]);
      if (commit && value !== textOf(row, col)) void events.onEdit(a1(row, col), value);
    };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        finish(true, [1, 0]);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        finish(true, [0, e.shiftKey ? -1 : 1]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(false, [0, 0]);
      }
    });
    input.addEventListener('blur', () => finish(true, [0, 0]));
    scroller.append(input);
    input.focus();
    if (initial === undefined) input.select();
  }

  scroller.tabIndex = 0;
  scroller.onmousedown = (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td?.dataset.r) select(Number(td.dataset.r), Number(td.dataset.c));
  };
  scroller.ondblclick = (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td?.dataset.r) startEdit();
  };
  scroller.onkeydown = (e) => {
    if (editor || !selected) return;
    const { row, col } = selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const span = spans.get(`${row},${col}`);
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      select(row + (dr > 0 && span ? span.rows : dr), col + (dc > 0 && span ? span.cols : dc));
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit();
    } else if (e.key === ' ' && cellsByKey.get(`${row},${col}`)?.classList.contains('checkbox')) {
      e.preventDefault();
      cellsByKey.get(`${row},${col}`)!.querySelector('input')!.click();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (textOf(row, col) !== '') void events.onEdit(a1(row, col), '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  return {
    selection: () => selected,
    select,
    cellOrigin(row, col) {
      if (row > view.shownRows || col > view.columns.length) return null;
      const tr = tbody.children[row - 1] as HTMLTableRowElement | undefined;
      if (!tr) return null;
      const left = widths.slice(0, col).reduce((a, b) => a + b, 0);
      return { top: tr.offsetTop, left };
    },
  };
}
