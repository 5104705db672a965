/**
 * `npm start [-- path/to/file.xlsx] [--port N] [--fresh]`: the add-on in a spreadsheet page on
 * http://127.0.0.1:8780/, running the built add-in (dist/) on the emulator. The work is saved to
 * out/preview/workbook.json on every change and reloaded at the next start (--fresh starts again
 * from the demo data, or from the .xlsx given).
 */
import { startPreview } from './preview';

function parseArgs(argv: string[]): { port: number; fresh: boolean; workbook?: string } {
  let port = 8780;
  let fresh = false;
  let workbook: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fresh') fresh = true;
    else if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm start -- [file.xlsx] [--port N] [--fresh]');
      process.exit(0);
    } else if (!arg.startsWith('--')) workbook = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs a number from 0 to 65535');
  return { port, fresh, workbook };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const preview = await startPreview(args);
  console.log(`Seleksi & FGD preview: ${preview.url}`);
  console.log(
    `Workbook "${preview.session.workbook.name}", saved to out/preview/workbook.json on every change. Ctrl+C to stop.`,
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
