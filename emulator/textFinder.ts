/**
 * SpreadsheetApp.TextFinder, as Apps Script has it: created from a Range, a Sheet or a Spreadsheet
 * with the text to find; matches what a cell shows (its display value, or its formula with
 * matchFormulaText), case-insensitively and anywhere in the cell unless told otherwise; walks the
 * searched cells row by row, left to right. The search runs in Sheets: the script receives only
 * the ranges that matched, so no cell counts as read.
 */
import { displayValue } from './format';
import { RangeService } from './range';
import { type Runtime, Service } from './runtime';
import type { GridRect } from './a1';
import { type CellData, ServiceError, type SheetModel } from './workbook';

interface Scope {
  sheet: SheetModel;
  rect: GridRect;
}

export class TextFinderService extends Service {
  readonly _class = 'TextFinder';
  private caseSensitive = false;
  private entireCell = false;
  private formulaText = false;
  private regex = false;
  private diacritics = false;
  /** The last match handed out by findNext/findPrevious: [scope index, row, column]. */
  private current: [number, number, number] | null = null;

  constructor(
    rt: Runtime,
    private readonly scopes: Scope[],
    private readonly text: string,
  ) {
    super(rt);
    if (typeof text !== 'string' || text === '')
      throw new ServiceError('Exception: Invalid argument: findText. Text to find must not be empty.');
  }

  matchCase(matchCase: boolean): this {
    this.caseSensitive = Boolean(matchCase);
    return this;
  }
  matchEntireCell(entireCell: boolean): this {
    this.entireCell = Boolean(entireCell);
    return this;
  }
  matchFormulaText(formulaText: boolean): this {
    this.formulaText = Boolean(formulaText);
    return this;
  }
  useRegularExpression(useRegEx: boolean): this {
    this.regex = Boolean(useRegEx);
    return this;
  }
  ignoreDiacritics(ignore: boolean): this {
    this.diacritics = Boolean(ignore);
    return this;
  }

  findAll(): RangeService[] {
    return this.matches().map(([s, r, c]) => this.cell(s, r, c));
  }

  findNext(): RangeService | null {
    const all = this.matches();
    const next = this.current ? all.find((m) => compare(m, this.current as [number, number, number]) > 0) : all[0];
    this.current = next ?? null;
    return next ? this.cell(...next) : null;
  }

  findPrevious(): RangeService | null {
    const all = this.matches().reverse();
    const previous = this.current ? all.find((m) => compare(m, this.current as [number, number, number]) < 0) : all[0];
    this.current = previous ?? null;
    return previous ? this.cell(...previous) : null;
  }

  getCurrentMatch(): RangeService | null {
    return this.current ? this.cell(...this.current) : null;
  }

  private cell(scope: number, row: number, col: number): RangeService {
    return new RangeService(this._rt, this.scopes[scope].sheet, { row, col, numRows: 1, numCols: 1 });
  }

  private matcher(): (shown: string) => boolean {
    const fold = (s: string) => {
      const folded = this.diacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
      return this.caseSensitive ? folded : folded.toLowerCase();
    };
    if (this.regex) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(this.entireCell ? `^(?:${this.text})$` : this.text, this.caseSensitive ? 'u' : 'iu');
      } catch {
        throw new ServiceError(`Exception: Invalid argument: ${this.text}`);
      }
      return (shown) => pattern.test(shown);
    }
    const wanted = fold(this.text);
    return this.entireCell ? (shown) => fold(shown) === wanted : (shown) => fold(shown).includes(wanted);
  }

  /** Every matching cell of every scope, in search order. */
  private matches(): Array<[number, number, number]> {
    const test = this.matcher();
    const out: Array<[number, number, number]> = [];
    this.scopes.forEach(({ sheet, rect }, s) => {
      const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
      for (let r = rect.row; r <= lastRow; r++) {
        const line = sheet.rows[r - 1];
        if (!line) continue;
        const lastCol = Math.min(rect.col + rect.numCols - 1, line.length);
        for (let c = rect.col; c <= lastCol; c++) {
          const cell = line[c - 1];
          if (!cell) continue;
          const shown = this.formulaText && cell.formula ? cell.formula : this.shown(sheet, cell);
          if (shown !== '' && test(shown)) out.push([s, r, c]);
        }
      }
    });
    return out;
  }

  private shown(sheet: SheetModel, cell: CellData): string {
    return displayValue(cell.value, cell.numberFormat, sheet.book.locale, sheet.book.timeZone);
  }
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function textFinder(rt: Runtime, scopes: Scope[], text: unknown): TextFinderService {
  if (typeof text !== 'string')
    throw new ServiceError(
      `The parameters (${text === null ? 'null' : typeof text}) don't match the method signature for SpreadsheetApp.Range.createTextFinder.`,
    );
  return new TextFinderService(rt, scopes, text);
}
