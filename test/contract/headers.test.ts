/**
 * Contract headers are types. Code that reads a candidate or participant cell by a header the
 * contract does not have stops compiling (`npm run typecheck` checks this file: each
 * `@ts-expect-error` fails the type-check if the mistake it marks ever compiles). At run time the
 * same record answers by header whatever the sheet's column order or alias.
 */
import { type RowRecord, matchHeaders, rowRecord } from '../../src/core/headers';
import { CANDIDATES_TAB, type CandidateHeader, PARTICIPANTS_TAB, type ParticipantHeader } from '../../src/core/schema';

/** Never called: it only has to compile, with exactly the errors marked. */
export function compileTimeChecks(
  candidate: RowRecord<CandidateHeader>,
  put: (header: ParticipantHeader, value: string) => void,
): void {
  void candidate.text('Nama Lengkap');
  void candidate.value('NIK');
  // @ts-expect-error: a misspelt header
  void candidate.text('Nama Lengkapp');
  // @ts-expect-error: an alias is accepted on the sheet, but code uses the contract header
  void candidate.value('No. KTP');
  // @ts-expect-error: a participant column is not a candidate column
  void candidate.shown('ID Kandidat');
  put('ID Kandidat', 'K-0001');
  // @ts-expect-error: a candidate column is not a participant column
  put('Nama Lengkap', 'Siti');
}

describe('typed headers', () => {
  it('a candidate record reads by contract header through aliases and any column order', () => {
    const map = matchHeaders(CANDIDATES_TAB, ['No. KTP', 'Nama', 'Kabupaten']);
    const record = rowRecord(map, 2, ['3201010101900001', 'Siti Aminah', 'Kab. Bogor']);
    expect([record.text('NIK'), record.text('Nama Lengkap'), record.text('Kabupaten/Kota'), record.text('ID')]).toEqual(
      ['3201010101900001', 'Siti Aminah', 'Kab. Bogor', ''],
    );
  });

  it('the header unions are exactly the contract tabs’ headers', () => {
    const candidateHeaders: readonly CandidateHeader[] = CANDIDATES_TAB.columns.map((c) => c.header);
    const participantHeaders: readonly ParticipantHeader[] = PARTICIPANTS_TAB.columns.map((c) => c.header);
    expect(candidateHeaders).toContain('Nama Lengkap');
    expect(participantHeaders).toContain('ID Kandidat');
    expect(new Set(candidateHeaders).size).toBe(CANDIDATES_TAB.columns.length);
  });
});
