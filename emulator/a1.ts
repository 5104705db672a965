/** A1 notation: column letters, cell and range references (optionally prefixed with a sheet name). */

export interface GridRect {
  row: number; // 1-based
  col: number;
  numRows: number;
  numCols: number;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function rectToA1(r: GridRect): string {
  const start = `${columnToLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Quotes a sheet name for use in A1 notation when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'My sheet'!A1:B2" into sheet name and the reference. */
export function splitSheetRef(a1: string): { sheet?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1) };
}

/**
 * Parses A1 / A1:B2 / A:C / 2:5 / A2:C (open-ended) against the sheet's size. Returns undefined when malformed.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): GridRect | undefined {
  const part = /^\$?([A-Za-z]*)\$?(\d*)$/;
  const pieces = ref.trim().split(':');
  if (pieces.length > 2 || pieces.length === 0) return undefined;
  const parsed = pieces.map((p) => part.exec(p));
  if (parsed.some((m) => !m || (m[1] === '' && m[2] === ''))) return undefined;
  const [a, b] = parsed as RegExpExecArray[];
  const c1 = a[1] ? lettersToColumn(a[1]) : 1;
  const r1 = a[2] ? Number(a[2]) : 1;
  if (!b) {
    if (!a[1] || !a[2]) return undefined;
    return { row: r1, col: c1, numRows: 1, numCols: 1 };
  }
  const c2 = b[1] ? lettersToColumn(b[1]) : a[1] ? maxCols : maxCols;
  const r2 = b[2] ? Number(b[2]) : maxRows;
  const col1 = a[1] ? c1 : 1;
  const col2 = b[1] ? c2 : a[1] && !b[1] ? maxCols : maxCols;
  const row1 = a[2] ? r1 : 1;
  const row2 = r2;
  const top = Math.min(row1, row2);
  const left = Math.min(col1, col2);
  return { row: top, col: left, numRows: Math.abs(row2 - row1) + 1, numCols: Math.abs(col2 - col1) + 1 };
}

export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}
