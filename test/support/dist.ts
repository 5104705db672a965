/**
 * Tests run against the built add-in: `npm test` builds first, and a lone `jest` run builds once
 * before its workers start (buildOnce.ts); ensureBuilt stays as a guard for a test started some other way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');

export function ensureBuilt(): void {
  if (!existsSync(join(DIST, 'Code.js')))
    execFileSync('npx', ['tsx', 'scripts/build.ts', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
}

export function bundleSource(): string {
  ensureBuilt();
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}

export function htmlFiles(): Array<{ name: string; content: string }> {
  ensureBuilt();
  return readdirSync(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((name) => ({ name, content: readFileSync(join(DIST, name), 'utf8') }));
}
