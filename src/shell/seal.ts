/**
 * The per-document secret behind score seals, kept in document properties (not on any sheet, so
 * an editor cannot recompute a seal after changing a score by hand). The HMAC itself is computed
 * in the core, without a service call per row.
 */
import { hmacSealer } from '../core/hmac';
import type { Hmac } from '../core/scores';
import { docProperty, docPropertyKeys, setDocProperty } from './properties';

const SECRET_KEY = 'SELEKSI_FGD_SEAL_SECRET';

function secret(create: boolean): string | null {
  const existing = docProperty(SECRET_KEY);
  if (existing || !create) return existing ?? null;
  const fresh = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  setDocProperty(SECRET_KEY, fresh);
  return fresh;
}

/** The seal function; without a secret (nothing was ever sealed) no seal verifies. */
export function sealer(create: boolean): Hmac {
  const key = secret(create);
  return key ? hmacSealer(key) : () => '\u0000no-secret';
}

/**
 * Panelists who have been identified by Google, remembered per email in document properties (one
 * key each, so two panelists signing in at once never overwrite each other). A self-declared
 * caller may never claim one of them.
 */
const GOOGLE_PREFIX = 'SELEKSI_FGD_GOOGLE_PANELIST:';

export function rememberGoogleSignIn(email: string): void {
  const key = GOOGLE_PREFIX + email.toLowerCase();
  if (!docProperty(key)) setDocProperty(key, new Date().toISOString());
}

export function googleSignIns(): Set<string> {
  return new Set(docPropertyKeys(GOOGLE_PREFIX).map((k) => k.slice(GOOGLE_PREFIX.length)));
}
