/**
 * Cell highlights and notes that validation adds to `Kandidat`, computed from what the cells
 * have now. The add-on only ever changes its own marks: its two colours, and the part of a note
 * after its marker. A colour or a note the user set is left as it is.
 */
import type { Lang } from '../types';
import { pick } from '../types';
import type { Severity } from './findings';
import type { RowOutcome } from './validate';

export const ERROR_BACKGROUND = '#f4c7c3';
export const WARNING_BACKGROUND = '#fce8b2';
const OUR_COLOURS = new Set([ERROR_BACKGROUND, WARNING_BACKGROUND]);
const DEFAULT_BACKGROUND = '#ffffff';
export const STATUS_BACKGROUND: Record<string, string> = {
  MS: '#d9ead3',
  TMS: ERROR_BACKGROUND,
  'Perlu Cek': WARNING_BACKGROUND,
  '': DEFAULT_BACKGROUND,
};

/** Notes the add-on writes start with this line; anything above it is the user's. */
export const NOTE_MARKER = '— Validasi Seleksi & FGD —';

export function userPartOfNote(note: string): string {
  const at = note.indexOf(NOTE_MARKER);
  return at < 0 ? note : note.slice(0, at).replace(/\s+$/, '');
}

function isDefault(colour: string): boolean {
  const c = colour.toLowerCase();
  return c === '' || c === DEFAULT_BACKGROUND || c === 'white' || c === '#fff';
}

export interface MarkInput {
  rows: readonly RowOutcome[];
  /** 0-based sheet column of each contract header. */
  columnOf: (header: string) => number | undefined;
  /** Current backgrounds and notes of the same block (one row per outcome, all columns). */
  backgrounds: string[][];
  notes: string[][];
  /** 0-based column of `Status Administrasi`, coloured by status. */
  statusColumn: number;
  lang: Lang;
}

/** New backgrounds and notes for the block: ours recomputed, the user's untouched. */
export function computeMarks(input: MarkInput): { backgrounds: string[][]; notes: string[][] } {
  const backgrounds = input.backgrounds.map((r) => r.slice());
  const notes = input.notes.map((r) => r.slice());
  input.rows.forEach((row, i) => {
    const wanted = new Map<number, { severity: Severity; lines: string[] }>();
    for (const f of row.findings) {
      const col = f.column === undefined ? undefined : input.columnOf(f.column);
      if (col === undefined || f.severity === 'info') continue;
      const entry = wanted.get(col) ?? { severity: f.severity, lines: [] };
      if (f.severity === 'error') entry.severity = 'error';
      entry.lines.push(pick(f.message, input.lang));
      wanted.set(col, entry);
    }
    for (let col = 0; col < backgrounds[i].length; col++) {
      if (col === input.statusColumn) {
        backgrounds[i][col] = STATUS_BACKGROUND[row.status];
        continue;
      }
      const mark = wanted.get(col);
      const current = backgrounds[i][col];
      if (mark && (isDefault(current) || OUR_COLOURS.has(current.toLowerCase())))
        backgrounds[i][col] = mark.severity === 'error' ? ERROR_BACKGROUND : WARNING_BACKGROUND;
      else if (!mark && OUR_COLOURS.has(current.toLowerCase())) backgrounds[i][col] = DEFAULT_BACKGROUND;
      const userNote = userPartOfNote(notes[i][col] ?? '');
      const ours = mark ? `${NOTE_MARKER}\n${mark.lines.join('\n')}` : '';
      notes[i][col] = userNote && ours ? `${userNote}\n\n${ours}` : userNote || ours;
    }
  });
  return { backgrounds, notes };
}
