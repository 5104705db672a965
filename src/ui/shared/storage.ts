/**
 * The browser's localStorage for a sidebar's drafts. It may be unavailable (a blocked third-party
 * iframe, a private window): then drafts are not kept and the sidebar works as before.
 */
export function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* drafts are a convenience */
  }
}

export function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
