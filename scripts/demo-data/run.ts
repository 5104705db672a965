/**
 * The demo's story, shared by `npm run demo`, the print check and the benchmarks: the built
 * add-in used through its menu, sidebar and dialog server functions, as a coordinator, the
 * panels and the staff would, on the generated demo workbook.
 */
import { announceAndObject, announceFinal, verifyAtDesk } from './story';
import { Emulator, type RunResult, type Workbook } from '../../emulator';
import type { ConnectOutcome, RegistrationChoices } from '../../src/core/registrationApi';
import type { ScoringContext, SubmitResponse } from '../../src/core/scoringApi';
import { FORM_TAB, sampleAnswers } from './form';
import { createRng } from './rng';
import { buildWorld } from './world';
import { demoSubmissions } from './scoring';
import type { DemoWorkbook } from './index';
import { loadDemoWorkbook } from './workbook';

export interface DemoOptions {
  candidates?: number;
  /** Panel scores in every regency (slower) instead of Kabupaten Tanah Laut only. */
  scoreAll?: boolean;
  /** Connect the registration form after validating (importing its responses), then take a few live submissions. */
  form?: boolean;
  log?: (line: string) => void;
}

export interface DemoRun {
  workbook: Workbook;
  demo: DemoWorkbook;
  emu: Emulator;
  attendanceTabs: string[];
}

function report(log: (line: string) => void, label: string, run: RunResult): void {
  const failed = run.error ? ` ERROR: ${run.error.message}` : '';
  log(`\n▶ ${label}${failed}`);
  log(
    `  ${run.totalCalls} service calls, ${run.cellsRead.toLocaleString('en-US')} cells read, ${run.cellsWritten.toLocaleString('en-US')} cells written`,
  );
  for (const toast of run.ui.toasts) log(`  toast: ${toast.message}`);
  for (const alert of run.ui.alerts) log(`  alert: ${alert.prompt.split('\n').join('\n         ')}`);
}

/**
 * The panels score through the sidebar's own server functions (scoringContext, submitScore), as
 * each panelist: by default in Kabupaten Tanah Laut only, which keeps the demo quick.
 */
function scorePanels(emu: Emulator, all: boolean, log: (line: string) => void): void {
  const panel = emu.workbook
    .sheet('Panel')!
    .values()
    .slice(1)
    .filter((r) => r[3] === 'Ya' && r[2] !== 'Semua');
  const regions = [...new Set(panel.map((r) => String(r[2])))].filter((region) => all || /Tanah Laut/i.test(region));
  let submitted = 0;
  let calls = 0;
  const started = Date.now();
  for (const region of regions) {
    const panelists = panel.filter((r) => r[2] === region).map((r) => String(r[0]));
    const context = emu.runRpc('scoringContext', [{}], { user: panelists[0] }) as ScoringContext;
    for (const { user, request } of demoSubmissions(
      context.candidates,
      panelists,
      context.rubric.map((c) => c.code),
    )) {
      const response = emu.runRpc('submitScore', [request], { user }) as SubmitResponse;
      if (!response.ok) throw new Error(`${user} ${request.candidateId}: ${response.message}`);
      submitted++;
      calls += emu.lastRun?.totalCalls ?? 0;
    }
  }
  log(`\n▶ Panel scoring through the sidebar's server functions: ${submitted} submissions in ${regions.join(', ')}`);
  log(
    `  ${submitted ? Math.round(calls / submitted) : 0} service calls per submission; ${((Date.now() - started) / 1000).toFixed(1)} s in the emulator`,
  );
}

/** "Buat daftar hadir" for every session, through the dialog's own server function. */
function buildAttendance(emu: Emulator, log: (line: string) => void): string[] {
  const started = Date.now();
  const outcome = emu.runRpc('generateAttendance', [{ codes: null }]) as {
    built: Array<{ tab: string; participants: number }>;
    problems: string[];
    message: string;
  };
  const run = emu.lastRun!;
  log(`\n▶ Buat daftar hadir (generateAttendance, all sessions)`);
  log(
    `  ${run.totalCalls} service calls for ${outcome.built.length} tabs (${Math.round(run.totalCalls / Math.max(1, outcome.built.length))} per tab); ${((Date.now() - started) / 1000).toFixed(1)} s in the emulator`,
  );
  log(`  ${outcome.message}`);
  for (const problem of outcome.problems.slice(0, 5)) log(`  ! ${problem}`);
  return outcome.built.map((b) => b.tab);
}

/**
 * After the events, staff tick who came on the Tanah Laut sheets (about nine in ten, determined
 * by the row); the other regencies' sheets stay unticked, so the summary shows both states.
 */
function tickAttendance(emu: Emulator, tabs: string[], log: (line: string) => void): void {
  let ticked = 0;
  for (const tab of tabs) {
    const sheet = emu.workbook.sheet(tab)!;
    const values = sheet.values();
    values.forEach((row, i) => {
      if (typeof row[9] === 'boolean' && (i * 7) % 10 !== 3) {
        sheet.setValues(i + 1, 10, [[true]]);
        ticked++;
      }
    });
  }
  log(`\n▶ Attendance ticked by hand on ${tabs.join(', ')}: ${ticked} ticks`);
}

/**
 * "Hubungkan formulir pendaftaran" through the dialog's own server functions, as the coordinator:
 * the responses waiting on the response tab are imported; then three candidates send the form,
 * each imported by the add-on's trigger.
 */
function connectForm(emu: Emulator, log: (line: string) => void): void {
  const started = Date.now();
  const choices = emu.runRpc('registrationChoices', [{}]) as RegistrationChoices;
  const outcome = emu.runRpc('connectRegistration', [{ tab: choices.tab, mapping: choices.mapping }]) as ConnectOutcome;
  const run = emu.lastRun!;
  log(`\n▶ Hubungkan formulir pendaftaran (connectRegistration, ${choices.tab})`);
  log(`  ${run.totalCalls} service calls; ${((Date.now() - started) / 1000).toFixed(1)} s in the emulator`);
  log(`  ${outcome.message}`);
  const rng = createRng(20191125, 'demo-live-form');
  const world = buildWorld();
  // The last evening of registration: 25 November 2019 from 23:00 WITA.
  let at = Date.UTC(2019, 10, 25, 15, 0, 0);
  for (let i = 0; i < 3; i++) {
    at += rng.int(60_000, 600_000);
    const runs = emu.submitForm(FORM_TAB, sampleAnswers(rng, world), { at: new Date(at) });
    const failed = runs.find((r) => r.error);
    log(
      `  form submission ${i + 1}: ${runs.length} trigger run(s), ${runs.reduce((n, r) => n + r.totalCalls, 0)} service calls${failed ? `, ERROR: ${failed.error!.message}` : ''}`,
    );
  }
}

export interface WorkflowOptions {
  /** Panel scores in every region on the Panel tab (default: Kabupaten Tanah Laut only). */
  scoreAll?: boolean;
  /** Connect the registration form after validating (see DemoOptions.form). */
  form?: boolean;
  /** The attendance tabs whose Hadir boxes staff tick (default: Tanah Laut's, `DH TLT-…`). */
  tick?: (tab: string) => boolean;
  /** The open selection too: the desk, both announcements and the objections (see story.ts). */
  story?: boolean;
  log?: (line: string) => void;
}

/**
 * The regency team's work on a workbook holding the demo tabs, through the menu, sidebar and
 * dialogs: set up, validate, (connect the form,) score, rank, add participants (with the Cadangan),
 * build and tick the attendance sheets, and "Perbarui rekap" (which also publishes Paket Rekap).
 * Returns the run records of the menu actions by function name, and the attendance tabs built.
 */
export function runWorkflow(
  emu: Emulator,
  options: WorkflowOptions = {},
): { runs: Map<string, RunResult>; attendanceTabs: string[] } {
  const log = options.log ?? (() => undefined);
  const runs = new Map<string, RunResult>();
  const open = emu.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED' });
  const menu = open.ui.menus[0];
  log(`\nAdd-on menu: ${menu.items.map((i) => ('label' in i && i.label ? i.label : '—')).join(' | ')}`);
  const runMenu = (functionName: string) => {
    const item = menu.items.find((i) => 'functionName' in i && i.functionName === functionName);
    if (!item || !('label' in item)) throw new Error(`menu item ${functionName} is missing`);
    const run = emu.run(functionName);
    runs.set(functionName, run);
    report(log, `${item.label} (${functionName})`, run);
  };
  // A Kandidat tab longer than the menu validates in one step opens the batch dialog: run it as the dialog does.
  const runAction = (functionName: string) => {
    runMenu(functionName);
    if (functionName !== 'validateCandidates' || !emu.lastRun?.ui.dialogs.length) return;
    type Progress = { job: string; finished: boolean; total: number; message: string };
    let p = emu.runRpc('startValidationJob') as Progress;
    while (!p.finished) p = emu.runRpc('continueValidationJob', [{ job: p.job }]) as Progress;
    log(`  in the batch dialog, ${p.total} steps: ${p.message}`);
  };
  runAction('setupWorkbook');
  runAction('validateCandidates');
  if (options.form) connectForm(emu, log);
  if (options.story) {
    verifyAtDesk(emu, log);
    announceAndObject(emu, runAction, log);
  }
  scorePanels(emu, options.scoreAll ?? false, log);
  runMenu('computeRanking');
  if (options.story) announceFinal(emu, runAction);
  emu.alertResponder = () => 'YES'; // "Sertakan juga kandidat Cadangan?" — yes (and to any later question)
  runMenu('addParticipantsFromResults');
  const attendanceTabs = buildAttendance(emu, log);
  tickAttendance(emu, attendanceTabs.filter(options.tick ?? ((tab) => tab.startsWith('DH TLT-'))), log);
  runMenu('refreshSummaries');
  return { runs, attendanceTabs };
}

export function runDemo(options: DemoOptions = {}): DemoRun {
  const log = options.log ?? (() => undefined);
  const { workbook, demo } = loadDemoWorkbook({ candidates: options.candidates ?? 1500 });
  log(
    `Demo workbook: ${Object.entries(demo.tabs)
      .map(([tab, rows]) => `${tab} ${rows.length - 1}`)
      .join(', ')} rows; ${demo.faults.length} candidate rows carry a deliberate fault.`,
  );
  const emu = new Emulator({ workbook, user: 'koordinator@example.go.id' });
  const { attendanceTabs } = runWorkflow(emu, { scoreAll: options.scoreAll, form: options.form, story: true, log });
  return { workbook, demo, emu, attendanceTabs };
}
