/**
 * Document properties, read once per execution: the seal secret, the panelists known to Google
 * and the queue of unchecked edits all live there, and one `getProperties` call serves them all.
 * Writes go through here too, so the copy never falls behind this execution's own changes; a
 * caller that must see other executions' writes asks for a fresh read.
 */
type Properties = GoogleAppsScript.Properties.Properties;

let cached: { store: Properties; all: Record<string, string> } | undefined;

function load(fresh = false): { store: Properties; all: Record<string, string> } {
  if (!cached) {
    const store = PropertiesService.getDocumentProperties();
    cached = { store, all: store.getProperties() };
  } else if (fresh) cached.all = cached.store.getProperties();
  return cached;
}

export function docProperty(key: string): string | undefined {
  return load().all[key];
}

/** Keys starting with `prefix`; `fresh` re-reads the store (edits queued by other executions). */
export function docPropertyKeys(prefix: string, fresh = false): string[] {
  return Object.keys(load(fresh).all).filter((k) => k.startsWith(prefix));
}

export function setDocProperty(key: string, value: string): void {
  const props = load();
  props.store.setProperty(key, value);
  props.all[key] = value;
}

/** Several keys in one call. */
export function setDocProperties(values: Record<string, string>): void {
  if (Object.keys(values).length === 0) return;
  const props = load();
  props.store.setProperties(values);
  Object.assign(props.all, values);
}

export function deleteDocProperty(key: string): void {
  const props = load();
  props.store.deleteProperty(key);
  delete props.all[key];
}
