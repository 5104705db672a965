/**
 * The typed calls between the sidebars and the server. At compile time (`npm run typecheck`
 * checks this file): a sidebar's client only has the endpoints of its surface, with their payload
 * types — each `@ts-expect-error` below fails the type-check if the mistake it marks ever compiles.
 * At run time: every endpoint a surface lists is a public top-level function of the built bundle,
 * and the built sidebars reach google.script.run only through the one typed client.
 */
import { Emulator, Workbook } from '../../emulator';
import type { AttendanceApi } from '../../src/core/attendanceApi';
import {
  ATTENDANCE_ENDPOINTS,
  SCORING_ENDPOINTS,
  SUMMARIES_ENDPOINTS,
  VALIDATION_ENDPOINTS,
} from '../../src/core/endpoints';
import type { ScoringApi } from '../../src/core/scoringApi';
import type { Client } from '../../src/ui/shared/server';
import { htmlFiles } from '../support/dist';

/** Never called: it only has to compile, with exactly the errors marked. */
export function compileTimeChecks(scoring: Client<ScoringApi>, attendance: Client<AttendanceApi>): void {
  void scoring.submitScore({ candidateId: 'K-0001', scores: { K1: 3 }, recused: false, note: '' });
  void scoring.myScore({ candidateId: 'K-0001' });
  void attendance.generateAttendance({ codes: null });
  // @ts-expect-error: no such endpoint (a renamed or misspelled call does not compile)
  void scoring.submitScores({ candidateId: 'K-0001', scores: {}, recused: false, note: '' });
  // @ts-expect-error: the payload lacks `recused` and `note`
  void scoring.submitScore({ candidateId: 'K-0001', scores: {} });
  // @ts-expect-error: a candidate ID is text
  void scoring.myScore({ candidateId: 1 });
  // @ts-expect-error: the scoring sidebar cannot call the attendance dialog's endpoints
  void scoring.generateAttendance({ codes: null });
  // @ts-expect-error: codes are a list of text, or null
  void attendance.generateAttendance({ codes: 'TLT-FGD1' });
  // The answers are typed too.
  void scoring.submitScore({ candidateId: 'K-0001', scores: {}, recused: true, note: '' }).then((r) => {
    // @ts-expect-error: a SubmitResponse has no `saved` field
    void r.saved;
  });
}

describe('endpoints', () => {
  it('every endpoint of every surface is a public top-level function of dist/Code.js', () => {
    const functions = new Set(new Emulator({ workbook: new Workbook() }).topLevelFunctions());
    for (const name of [...SCORING_ENDPOINTS, ...ATTENDANCE_ENDPOINTS, ...VALIDATION_ENDPOINTS, ...SUMMARIES_ENDPOINTS])
      expect([name, functions.has(name), name.endsWith('_')]).toEqual([name, true, false]);
  });

  it('the sidebars reach google.script.run only through the typed client', () => {
    for (const page of htmlFiles()) {
      const mentions = (page.content.match(/google\.script\.run\b/g) ?? []).length;
      expect([page.name, mentions]).toEqual([page.name, page.name === 'Help.html' ? 0 : 1]);
    }
  });
});
