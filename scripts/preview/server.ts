/**
 * `npm start [-- path/to/file.xlsx] [--port N] [--fresh]`: the add-on in a spreadsheet page on
 * http://127.0.0.1:8780/, running the built add-in (dist/) on the emulator. The work is saved to
 * out/preview/workbook.json on every change and reloaded at the next start (--fresh starts again
 * from the demo data, or from the .xlsx given).
 *
 * `npm start -- --coordinator [--fresh]`: the national coordinator's workbook instead, with the
 * seven demo regency workbooks in its Drive (built the first time, about 20 s), already picked and
 * listed on Sumber Rekap; "Perbarui rekap nasional" reads them two per step in its progress dialog
 * (document property 'national:batchSize' = 2). Saved to out/preview-coordinator/.
 */
import { relative } from 'node:path';
import { startPreview } from './preview';

function parseArgs(argv: string[]): { port: number; fresh: boolean; workbook?: string; coordinator: boolean } {
  let port = 8780;
  let fresh = false;
  let coordinator = false;
  let workbook: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fresh') fresh = true;
    else if (arg === '--coordinator') coordinator = true;
    else if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log(
        'Usage: npm start -- [file.xlsx] [--port N] [--fresh]\n       npm start -- --coordinator [--port N] [--fresh]',
      );
      process.exit(0);
    } else if (!arg.startsWith('--')) workbook = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs a number from 0 to 65535');
  if (coordinator && workbook) throw new Error('--coordinator starts from the demo regency workbooks, not from a file');
  return { port, fresh, workbook, coordinator };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const preview = await startPreview({ ...args, log: (line) => console.log(line) });
  const { session } = preview;
  const saved = relative(process.cwd(), session.stateDir) || '.';
  console.log(`Seleksi & FGD preview: ${preview.url}`);
  if (session.hasDrive)
    console.log(
      `Coordinator workbook "${session.workbook.name}" (${session.owner}) with ${session.driveSize} regency workbooks in its Drive, saved to ${saved}/ on every change. Ctrl+C to stop.`,
    );
  else
    console.log(
      `Workbook "${session.workbook.name}", saved to ${saved}/workbook.json on every change. Ctrl+C to stop.`,
    );
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
