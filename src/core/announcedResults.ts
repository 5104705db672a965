/**
 * What an announcement said, read back from its tab. The announcement is the public record: an
 * objection is judged against the status the candidate was announced with, not against whatever
 * `Kandidat` says today. Both announcements lay out their candidates in tables whose header row holds
 * the cells below (in the tab's language); this reader and the builders share these names.
 */
import { cellText } from './text';
import type { Bilingual, Grid } from './types';

export const ADMIN_ANNOUNCEMENT_TAB = 'Pengumuman Administrasi';
export const FINAL_ANNOUNCEMENT_TAB = 'Pengumuman Hasil Akhir';

/** Header cells of the announcements' candidate tables. */
export const ANNOUNCED_HEADERS = {
  id: { id: 'ID Kandidat', en: 'Candidate ID' },
  result: { id: 'Hasil', en: 'Result' },
} as const satisfies Record<string, Bilingual>;

const ID_HEADERS = new Set<string>(Object.values(ANNOUNCED_HEADERS.id));
const RESULT_HEADERS = new Set<string>(Object.values(ANNOUNCED_HEADERS.result));

/**
 * Every candidate's announced result by ID (`MS`, `TMS`, `Perlu Cek` on the administrative one;
 * `Lulus`, `Cadangan` on the final one). A table runs from its header row to the first row without an ID.
 */
export function announcedResults(grid: Grid): Map<string, string> {
  const results = new Map<string, string>();
  let columns: { id: number; result: number } | undefined;
  for (const row of grid) {
    const texts = row.map(cellText);
    const id = texts.findIndex((t) => ID_HEADERS.has(t));
    const result = texts.findIndex((t) => RESULT_HEADERS.has(t));
    if (id >= 0 && result >= 0) {
      columns = { id, result };
      continue;
    }
    if (!columns) continue;
    const candidate = texts[columns.id] ?? '';
    if (!candidate) {
      columns = undefined;
      continue;
    }
    results.set(candidate, texts[columns.result] ?? '');
  }
  return results;
}
