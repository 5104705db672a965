/**
 * Builds exactly what `clasp push` uploads into dist/:
 *   Code.js         the server bundle: an IIFE assigned to `App`, followed by one top-level
 *                   function stub per export of src/main.ts (Apps Script only sees top-level
 *                   function declarations, and esbuild's IIFE output hides them);
 *   <Page>.html     one self-contained file per sidebar/dialog in src/ui/<page>/ (JS and CSS
 *                   inlined: no CDN, nothing fetched at run time — except Google's own Picker
 *                   script, which the Picker page must load from apis.google.com); a page without
 *                   an index.html is a batched job's dialog and takes src/ui/shared/jobDialog.html;
 *   appsscript.json the manifest, copied as is.
 * It first regenerates src/generated/regions.ts (scripts/regions.ts).
 * Run with `npm run build`; `--quiet` prints nothing but errors.
 */
import { build } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { regionsModule } from './regions';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const GLOBAL_NAME = 'App';
const quiet = process.argv.includes('--quiet');

async function bundleServer(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    // Apps Script's V8 runtime supports ES2020; nothing newer is emitted.
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * The entry module's exports, read from the bundle itself: evaluating it in an empty context
 * (no Apps Script services, no Node) also proves that loading the bundle touches nothing.
 */
function exportedFunctions(iife: string): Array<{ name: string }> {
  const app = runInNewContext(`${iife}\n${GLOBAL_NAME}`, {}, { filename: 'Code.js' }) as Record<string, unknown>;
  return Object.keys(app)
    .filter((name) => typeof app[name] === 'function')
    .sort()
    .map((name) => ({ name }));
}

function stubs(functions: Array<{ name: string }>): string {
  const lines = functions.map(
    ({ name }) => `function ${name}() { return ${GLOBAL_NAME}.${name}.apply(null, arguments); }`,
  );
  return `\n// Entry points (generated from the exports of src/main.ts)\n${lines.join('\n')}\n`;
}

/** Text that HtmlService would read as a scriptlet, or that would end the inline <script> early. */
function assertInlineSafe(page: string, kind: string, code: string): string {
  if (code.includes('<?') || code.includes('?>'))
    throw new Error(`${page}: the bundled ${kind} contains "<?" or "?>", which HtmlService would treat as a scriptlet`);
  return code.replace(/<\/(script|style)/gi, '<\\/$1');
}

async function buildPage(dir: string): Promise<{ name: string; bytes: number }> {
  const pageDir = join(ROOT, 'src/ui', dir);
  const js = await build({
    entryPoints: [join(pageDir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const cssFiles = [join(ROOT, 'src/ui/shared/base.css'), join(pageDir, 'style.css')].filter(existsSync);
  const css = (
    await build({
      // Bundled from @imports, so a page's style.css can @import what it shares with other pages (../shared/…).
      stdin: {
        contents: cssFiles.map((f) => `@import ${JSON.stringify(f)};`).join('\n'),
        loader: 'css',
        resolveDir: pageDir,
      },
      bundle: true,
      minify: true,
      write: false,
      logLevel: 'silent',
    })
  ).outputFiles[0].text;
  const name = dir.charAt(0).toUpperCase() + dir.slice(1);
  // A batched job's dialog has no markup of its own: they all share one (its words come from its main.ts).
  const page = existsSync(join(pageDir, 'index.html'))
    ? join(pageDir, 'index.html')
    : join(ROOT, 'src/ui/shared/jobDialog.html');
  const html = readFileSync(page, 'utf8')
    .replace('/*INLINE_CSS*/', () => assertInlineSafe(name, 'CSS', css.trim()))
    .replace('/*INLINE_JS*/', () => assertInlineSafe(name, 'JavaScript', js.outputFiles[0].text.trim()));
  writeFileSync(join(DIST, `${name}.html`), html);
  return { name: `${name}.html`, bytes: Buffer.byteLength(html) };
}

async function main(): Promise<void> {
  // The region table is derived from the pinned idn-area-data package on every build.
  const regions = regionsModule();
  const regionsPath = join(ROOT, 'src/generated/regions.ts');
  if (!existsSync(regionsPath) || readFileSync(regionsPath, 'utf8') !== regions) writeFileSync(regionsPath, regions);

  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });

  const iife = await bundleServer();
  const functions = exportedFunctions(iife);
  const code = iife + stubs(functions);
  writeFileSync(join(DIST, 'Code.js'), code);
  copyFileSync(join(ROOT, 'appsscript.json'), join(DIST, 'appsscript.json'));

  const pages = readdirSync(join(ROOT, 'src/ui')).filter(
    (d) => d !== 'shared' && statSync(join(ROOT, 'src/ui', d)).isDirectory(),
  );
  const built = [];
  for (const page of pages) built.push(await buildPage(page));

  if (!quiet) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `dist/Code.js  ${kb(Buffer.byteLength(code))} (gzip ${kb(gzipSync(code).length)}), entry points: ${functions.map((f) => f.name).join(', ')}`,
    );
    for (const page of built) console.log(`dist/${page.name}  ${kb(page.bytes)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
