/**
 * The emulator's installable triggers (the registration form's form-submit trigger), carried from
 * one Emulator to the next — a menu action runs on a fresh copy — and saved with the document's
 * properties, so that a form connected in the preview stays connected after any action and after
 * a restart, as it does in Sheets.
 *
 * The Emulator lists its triggers (`emu.triggers()`) but cannot take them back. Until it can,
 * `restoreTriggers` writes them into its state: the one place the preview reaches past the
 * emulator's public API. The shape is checked, so a change there fails loudly instead of
 * silently dropping the triggers.
 */
import type { Emulator, TriggerEventType, TriggerInfo } from '../../emulator';

export interface SavedTriggers {
  list: TriggerInfo[];
  /** The sequence behind the next trigger's unique id (so a new trigger never reuses an old id). */
  nextSeq: number;
}

interface TriggerState {
  triggers: TriggerInfo[];
  nextTriggerSeq: number;
}

const EVENT_TYPES: ReadonlySet<string> = new Set<TriggerEventType>([
  'ON_FORM_SUBMIT',
  'ON_EDIT',
  'ON_CHANGE',
  'ON_OPEN',
]);

function stateOf(emu: Emulator): TriggerState {
  const state = (emu as unknown as { state?: Partial<TriggerState> }).state;
  if (!state || !Array.isArray(state.triggers) || typeof state.nextTriggerSeq !== 'number')
    throw new Error(
      'The emulator no longer keeps its triggers where the preview expects them (see scripts/preview/triggers.ts).',
    );
  return state as TriggerState;
}

export function saveTriggers(emu: Emulator): SavedTriggers {
  return { list: emu.triggers(), nextSeq: stateOf(emu).nextTriggerSeq };
}

/** The triggers in a saved file, or none when the entry is missing or damaged. */
export function parseTriggers(value: unknown): SavedTriggers {
  const saved = (value ?? {}) as Partial<SavedTriggers>;
  const list = Array.isArray(saved.list)
    ? saved.list.filter(
        (t): t is TriggerInfo =>
          !!t &&
          typeof t.uid === 'string' &&
          typeof t.user === 'string' &&
          typeof t.handler === 'string' &&
          typeof t.sourceId === 'string' &&
          EVENT_TYPES.has(t.eventType),
      )
    : [];
  const nextSeq = typeof saved.nextSeq === 'number' && Number.isInteger(saved.nextSeq) ? saved.nextSeq : list.length;
  return { list: list.map((t) => ({ ...t })), nextSeq };
}

/** Gives a new Emulator the triggers another one had. */
export function restoreTriggers(emu: Emulator, saved: SavedTriggers): void {
  const state = stateOf(emu);
  state.triggers.splice(0, state.triggers.length, ...saved.list.map((t) => ({ ...t })));
  state.nextTriggerSeq = Math.max(state.nextTriggerSeq, saved.nextSeq);
}
