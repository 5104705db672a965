/**
 * A version per tab, kept in document properties, that changes after every write the add-on makes
 * to the tab and after every hand edit (onEdit). Anything cached from a tab is stored with the
 * version read at the start of the execution that read the tab, and trusted only while the version
 * is unchanged: a write that lands after that read changes the version, one that landed before is
 * in what was read. Hand changes that fire no onEdit (rows inserted or deleted, a sort) are caught
 * by each cache's own check of the tab's shape.
 */
import { docProperty, setDocProperty } from './properties';

const PREFIX = 'SELEKSI_FGD_TAB_VERSION:';

export function tabVersion(tab: string): string {
  return docProperty(PREFIX + tab) ?? '0';
}

/** Tabs whose version this execution has changed (module state lives one execution). */
const changed = new Set<string>();

/** Call after writing to `tab` (or when a hand edit of it is reported). */
export function tabChanged(tab: string): void {
  setDocProperty(PREFIX + tab, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  changed.add(tab);
}

/** After a hand edit: change the version unless this execution already did after its own writes. */
export function tabEdited(tab: string): void {
  if (!changed.has(tab)) tabChanged(tab);
}
