/**
 * `Kelengkapan Berkas`: the one place that reads and writes the document checklist cell. The desk
 * writes it ("KTP ✓; Ijazah terakhir ✓; SKCK ✗"), the validation rule `documents.missing` reads it
 * back, and a hand edit is read the same way, so the checklist and the status never disagree.
 *
 * Format: `<document> <mark>` entries separated by `;` (a line break or a `,` are read too), in the
 * order of `Berkas wajib`. ✓ means the document is there (`Ada`), ✗ that it is missing
 * (`Tidak ada`). A document not yet checked (`Belum dicek`) is left out of the cell. By hand a
 * verifier may also type the words: "SKCK ada", "SKCK tidak ada", "SKCK: belum ada", "SKCK ?".
 */
import { matchKey } from './text';
import type { DOCUMENT_STATES } from './vocab';

export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const PRESENT_MARK = '✓';
export const MISSING_MARK = '✗';

/** The marks a hand edit may use, longest first (so "tidak ada" is not read as "ada"). */
const MARKS: ReadonlyArray<[RegExp, DocumentState]> = [
  [/(?:^|[\s:=(-])(?:tidak\s+ada|belum\s+ada|tidak\s+lengkap|missing|absent|tidak|no)\)?$/i, 'Tidak ada'],
  [/(?:^|[\s:=(-])(?:belum\s+dicek|belum\s+diperiksa|not\s+checked|\?)\)?$/i, 'Belum dicek'],
  [/(?:^|[\s:=(-])(?:ada|lengkap|present|ok|ya|yes)\)?$/i, 'Ada'],
  [/(?:[✗✘×❌]|(?:^|[\s:=(-])[xX])$/u, 'Tidak ada'],
  [/(?:[✓✔☑✅]|(?:^|[\s:=(-])[vV])$/u, 'Ada'],
];

export interface DocumentEntry {
  /** The document's name as the cell spells it. */
  name: string;
  state: DocumentState;
}

/**
 * The entries of a `Kelengkapan Berkas` cell. An entry without a readable mark is `Belum dicek`
 * (the cell does not say the document is missing, so nothing is decided on it).
 */
export function parseDocuments(cell: string): DocumentEntry[] {
  return cell
    .split(/[;\n,]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      for (const [pattern, state] of MARKS) {
        const m = pattern.exec(part);
        if (m) {
          const name = part
            .slice(0, m.index)
            .replace(/[\s:=(-]+$/, '')
            .trim();
          if (name) return { name, state };
        }
      }
      return { name: part, state: 'Belum dicek' as const };
    });
}

/** One line per required document, in the order of `Berkas wajib`, with what the cell says of it. */
export function documentChecklist(required: readonly string[], cell: string): DocumentEntry[] {
  const said = new Map<string, DocumentState>();
  for (const entry of parseDocuments(cell)) {
    const key = matchKey(entry.name);
    // A document listed twice: "missing" wins over "present", so a doubt is never read as complete.
    if (said.get(key) !== 'Tidak ada') said.set(key, entry.state);
  }
  return required.map((name) => ({ name, state: said.get(matchKey(name)) ?? 'Belum dicek' }));
}

/** The required documents the cell marks as missing (documents no longer in `Berkas wajib` do not count). */
export function missingDocuments(required: readonly string[], cell: string): string[] {
  return documentChecklist(required, cell)
    .filter((d) => d.state === 'Tidak ada')
    .map((d) => d.name);
}

/**
 * The cell for a checklist: "KTP ✓; Ijazah terakhir ✓; SKCK ✗", in the given order; documents
 * not yet checked are left out ('' when nothing was checked).
 */
export function formatDocuments(entries: readonly DocumentEntry[]): string {
  return entries
    .filter((e) => e.state !== 'Belum dicek')
    .map((e) => `${e.name.trim()} ${e.state === 'Ada' ? PRESENT_MARK : MISSING_MARK}`)
    .join('; ');
}
