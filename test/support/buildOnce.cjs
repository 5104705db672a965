/**
 * Jest's globalSetup: build dist/ once, before any worker starts, when it is missing (a lone `npx
 * jest`; `npm test` builds first). Left to the workers, each would start its own build, and one
 * build's clean-up of dist/ could delete files another worker is reading.
 */
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** @param {{ rootDir: string }} globalConfig */
module.exports = async function buildOnce(globalConfig) {
  const root = globalConfig.rootDir;
  if (!existsSync(join(root, 'dist', 'Code.js')))
    execFileSync('npx', ['tsx', 'scripts/build.ts', '--quiet'], { cwd: root, stdio: 'inherit' });
};
