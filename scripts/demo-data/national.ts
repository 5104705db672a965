/**
 * The national roll-up's demo: the demo data cut into one workbook per programme regency (seven),
 * each run through the regency team's whole workflow (ending with "Perbarui rekap", which publishes
 * Paket Rekap), all in one emulated Drive; then a coordinator workbook that is set up, picks the
 * seven (the Google Picker's grant, then addRegencyWorkbooks as the Picker dialog calls it) and runs
 * "Perbarui rekap nasional". Shared by `npm run demo` (out/rekap-nasional.xlsx) and the preview's
 * `--coordinator` mode.
 *
 * Each regency workbook is typed from the same generated tabs as the single demo workbook, keeping
 * only that regency's rows: Kandidat and Desa Sasaran by their Kabupaten/Kota, Panel by Wilayah
 * (and the "Semua" member), Sesi by Kabupaten/Kota and Peserta by session. Every regency's panel
 * scores its candidates and staff tick attendance on every session, so the national tabs have
 * Lulus, Cadangan and attendance from all seven.
 */
import { Drive, Emulator, type RunResult, Workbook } from '../../emulator';
import { buildDemoWorkbook, type CellValue, DEMO_TIME_ZONE, normaliseName, type Regency } from './index';
import { runWorkflow } from './run';
import { typedWorkbook } from './workbook';
import { buildWorld } from './world';

/** The national coordinator's account (a viewer of every regency workbook). */
export const NATIONAL_COORDINATOR = 'koordinator.nasional@example.go.id';
export const COORDINATOR_WORKBOOK_NAME = 'Rekap Nasional — demo';
/**
 * Candidates of the demo data the seven workbooks are cut from: ≈50 a regency, every one of them
 * scored by each member of its regency's panel. Every score is one server call (≈10–15 ms in the
 * emulator), so the seven workbooks take about 15 s of CPU — as much as the single demo workbook
 * itself; 490 (≈70 a regency) would take about 23 s, the demo's 1,500 over a minute.
 */
export const NATIONAL_CANDIDATES = 350;

/** Where each regency signs its attendance sheets (the seat town; Tanah Laut's is the demo's own). */
const SIGNING_TOWN: Record<string, string> = {
  ABS: 'Jantho',
  GRT: 'Garut',
  SKA: 'Maumere',
  TLT: 'Pelaihari',
  BON: 'Watampone',
  MLT: 'Masohi',
  JPR: 'Sentani',
};

/** The regency team's coordinator, who owns the regency workbook. */
export const regencyOwner = (regency: Regency): string =>
  `koordinator.${regency.config.short.toLowerCase()}@example.go.id`;

export const regencyWorkbookName = (regency: Regency): string => `Seleksi & FGD — ${regency.name}`;

export interface RegencyFile {
  regency: Regency;
  /** The file id in the Drive. */
  id: string;
  owner: string;
  workbook: Workbook;
  /** Candidate rows on its Kandidat tab. */
  candidates: number;
  /** The ranking's toast ("8 Lulus, 6 Cadangan, …"). */
  ranking: string;
}

export interface NationalDemoOptions {
  /** Candidates of the demo data cut into the seven workbooks (default NATIONAL_CANDIDATES). */
  candidates?: number;
  log?: (line: string) => void;
  /** Every regency's workflow step by step (default: one line per regency). */
  verbose?: boolean;
}

export interface Coordinator {
  emu: Emulator;
  workbook: Workbook;
  id: string;
}

export interface NationalDemo {
  drive: Drive;
  regencies: RegencyFile[];
  coordinator: Coordinator;
  /** "Perbarui rekap nasional" (updateNationalSummary), when it ran. */
  update?: RunResult;
}

/** The generated tabs with only `regency`'s rows. */
export function regencyTabs(tabs: Record<string, CellValue[][]>, regency: Regency): Record<string, CellValue[][]> {
  const target = normaliseName(regency.name);
  const ours = (cell: CellValue) => normaliseName(String(cell)) === target;
  const by = (tab: string, header: string, keep: (cell: CellValue) => boolean) => {
    const [head, ...rows] = tabs[tab];
    const at = head.indexOf(header);
    if (at < 0) throw new Error(`${tab} has no ${header} column`);
    return [head, ...rows.filter((r) => keep(r[at]))];
  };
  const sesi = by('Sesi', 'Kabupaten/Kota', ours);
  const sessions = new Set(sesi.slice(1).map((r) => String(r[0])));
  const town = SIGNING_TOWN[regency.config.short];
  return {
    Pengaturan: tabs.Pengaturan.map((r) => (r[0] === 'Kota penandatanganan' && town ? [r[0], town, r[2]] : [...r])),
    'Desa Sasaran': by('Desa Sasaran', 'Kabupaten/Kota', ours),
    Kandidat: by('Kandidat', 'Kabupaten/Kota', ours),
    Panel: by('Panel', 'Wilayah', (cell) => ours(cell) || cell === 'Semua'),
    Sesi: sesi,
    Peserta: by('Peserta', 'Kode Sesi', (cell) => sessions.has(String(cell))),
  };
}

/**
 * The seven regency workbooks, added to `drive` (owned by each regency's coordinator, the national
 * coordinator a viewer) and each run through the workflow as its owner: 2–3 s a regency at the default size.
 */
export function buildRegencyWorkbooks(drive: Drive, options: NationalDemoOptions = {}): RegencyFile[] {
  const log = options.log ?? (() => undefined);
  const demo = buildDemoWorkbook({ candidates: options.candidates ?? NATIONAL_CANDIDATES });
  return buildWorld().regencies.map((regency) => {
    const started = Date.now();
    const tabs = regencyTabs(demo.tabs, regency);
    const workbook = typedWorkbook(regencyWorkbookName(regency), tabs);
    const owner = regencyOwner(regency);
    const id = drive.add(workbook, { owner, viewers: [NATIONAL_COORDINATOR] });
    const emu = new Emulator({ workbook, drive, user: owner });
    if (options.verbose) log(`\n━━ ${workbook.name} (${id})`);
    const { runs } = runWorkflow(emu, {
      scoreAll: true,
      tick: () => true,
      log: options.verbose ? log : undefined,
    });
    for (const [fn, run] of runs) if (run.error) throw new Error(`${regency.name}: ${fn} failed: ${run.error.message}`);
    if (!workbook.sheet('Paket Rekap')) throw new Error(`${regency.name}: Perbarui rekap wrote no Paket Rekap`);
    const ranking = runs.get('computeRanking')?.ui.toasts.at(-1)?.message ?? '';
    const candidates = tabs.Kandidat.length - 1;
    log(
      `  ${regency.name.padEnd(24)} ${String(candidates).padStart(4)} kandidat → ${ranking} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return { regency, id, owner, workbook, candidates, ranking };
  });
}

/**
 * A new coordinator workbook in `drive`, set up with "Siapkan workbook koordinator" by the national
 * coordinator; with `pick` (default) the regency files are chosen in the Picker (emu.pickFiles) and
 * added to Sumber Rekap as the Picker dialog does (addRegencyWorkbooks).
 */
export function buildCoordinator(
  drive: Drive,
  regencies: ReadonlyArray<Pick<RegencyFile, 'id' | 'workbook'>>,
  options: { pick?: boolean; log?: (line: string) => void } = {},
): Coordinator {
  const log = options.log ?? (() => undefined);
  const workbook = emptyCoordinatorWorkbook();
  const emu = new Emulator({ workbook, drive, user: NATIONAL_COORDINATOR });
  emu.alertResponder = () => 'OK';
  const setup = emu.run('setupCoordinatorWorkbook');
  if (setup.error) throw new Error(`setupCoordinatorWorkbook failed: ${setup.error.message}`);
  if (options.pick ?? true) {
    const ids = regencies.map((r) => r.id);
    emu.pickFiles(NATIONAL_COORDINATOR, ids);
    const added = emu.runRpc('addRegencyWorkbooks', [
      { files: regencies.map((r) => ({ id: r.id, name: r.workbook.name })) },
    ]) as { message: string };
    log(`  Pilih workbook kabupaten (Google Picker → addRegencyWorkbooks): ${added.message}`);
  }
  return { emu, workbook, id: workbook.id };
}

/** A new, empty spreadsheet (its one blank tab): the set-up adds every tab the coordinator needs. */
function emptyCoordinatorWorkbook(): Workbook {
  const workbook = new Workbook({ name: COORDINATOR_WORKBOOK_NAME, timeZone: DEMO_TIME_ZONE, locale: 'id_ID' });
  workbook.addSheet('Sheet1');
  return workbook;
}

/** The whole story: seven regency workbooks, a coordinator that picks them, "Perbarui rekap nasional". */
export function runNationalDemo(options: NationalDemoOptions = {}): NationalDemo {
  const log = options.log ?? (() => undefined);
  const drive = new Drive();
  log('\nRegency workbooks (one per programme regency, each through the whole workflow):');
  const regencies = buildRegencyWorkbooks(drive, options);
  log(`\nCoordinator workbook "${COORDINATOR_WORKBOOK_NAME}", as ${NATIONAL_COORDINATOR}:`);
  const coordinator = buildCoordinator(drive, regencies, { log });
  const update = coordinator.emu.run('updateNationalSummary');
  if (update.error) throw new Error(`updateNationalSummary failed: ${update.error.message}`);
  log(
    `  Perbarui rekap nasional (updateNationalSummary): ${update.totalCalls} service calls, ${update.calls['Sheets.Spreadsheets.Values.batchGet'] ?? 0} Sheets API batchGet, ${update.cellsRead.toLocaleString('en-US')} cells read`,
  );
  for (const alert of update.ui.alerts) log(`  alert: ${alert.prompt.split('\n').join('\n         ')}`);
  return { drive, regencies, coordinator, update };
}
