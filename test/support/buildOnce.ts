/**
 * Jest's globalSetup: build dist/ once, before any worker starts, when it is missing (a lone `npx
 * jest`; `npm test` builds first). Left to the workers, each would start its own build, and one
 * build's clean-up of dist/ could delete files another worker is reading.
 */
import { ensureBuilt } from './dist';

export default function buildOnce(): void {
  ensureBuilt();
}
