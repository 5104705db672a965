/** A small but complete workflow (setup → validate → score → rank → participants → attendance → summaries) for hardening tests. */
import type { Emulator, Workbook } from '../../emulator';
import { demoSubmissions } from '../../scripts/demo-data/scoring';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { Emulator as Emu } from '../../emulator';
import type { ScoringContext } from '../../src/core/scoringApi';

export const ACTIONS = [
  'setupWorkbook',
  'validateCandidates',
  'computeRanking',
  'addParticipantsFromResults',
  'generateAttendance',
  'refreshSummaries',
] as const;
export type Action = (typeof ACTIONS)[number];

export function smallDemo(candidates = 240): { wb: Workbook; emu: Emulator } {
  const { workbook } = loadDemoWorkbook({ candidates });
  const emu = new Emu({ workbook, user: 'koordinator@example.go.id' });
  emu.alertResponder = () => 'YES';
  return { wb: workbook, emu };
}

/** Run one action the way a user triggers it (menu, or the dialog's server function). */
export function act(emu: Emulator, action: Action) {
  if (action === 'generateAttendance') {
    try {
      emu.runRpc('generateAttendance', [{ codes: null }]);
    } catch {
      /* the run record says what happened */
    }
    return emu.lastRun!;
  }
  return emu.run(action);
}

/** Tanah Laut's panel scores every candidate through the sidebar's server functions. */
export function score(emu: Emulator): void {
  const panel = emu.workbook
    .sheet('Panel')!
    .values()
    .slice(1)
    .filter((r) => r[3] === 'Ya' && /Tanah Laut/.test(String(r[2])));
  const emails = panel.map((r) => String(r[0]));
  const ctx = emu.runRpc('scoringContext', [{}], { user: emails[0] }) as ScoringContext;
  for (const { user, request } of demoSubmissions(
    ctx.candidates,
    emails,
    ctx.rubric.map((c) => c.code),
  ))
    emu.runRpc('submitScore', [request], { user });
}

export function fullWorkflow(emu: Emulator): void {
  act(emu, 'setupWorkbook');
  act(emu, 'validateCandidates');
  score(emu);
  for (const action of ACTIONS.slice(2)) act(emu, action);
}

// "27/11/2019 09:00" (made), "27/11/2019 09.00" (changed, in a "perlu diperbarui" line) and
// "2019-11-27T01:00:00.000Z" (when Paket Rekap was made).
const STAMP = /\d{2}\/\d{2}\/\d{4} \d{2}[:.]\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;

/**
 * The workbook as a string for comparisons: without the Log, with time stamps blanked and without
 * internal sheet ids (a generated tab is rebuilt as a new sheet that takes the old one's place).
 */
export function comparable(wb: Workbook): string {
  const snap = JSON.parse(JSON.stringify(wb.snapshot())) as {
    nextSheetId?: number;
    sheets: Array<{ name: string; id?: number; charts?: Array<{ id?: number }> }>;
  };
  delete snap.nextSheetId;
  snap.sheets = snap.sheets.filter((s) => s.name !== 'Log');
  for (const sheet of snap.sheets) {
    delete sheet.id;
    for (const chart of sheet.charts ?? []) delete chart.id;
  }
  return JSON.stringify(snap).replace(STAMP, '<stamp>');
}

export function withoutStamps(text: string): string {
  return text.replace(STAMP, '<stamp>');
}
