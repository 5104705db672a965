/** What the attendance tests share: the default settings and a session to print. */
import type { Session } from '../../src/core/sessions';
import { parseSettings } from '../../src/core/settings';

export const defaultSettings = (() => {
  const r = parseSettings(undefined, 480);
  if (!r.ok) throw new Error('settings');
  return r.settings;
})();

export function session(overrides: Partial<Session> = {}): Session {
  return {
    sheetRow: 2,
    code: 'S',
    name: 'FGD',
    date: { year: 2019, month: 11, day: 27 },
    start: '08.00',
    end: '',
    zone: 'WITA',
    venue: 'Aula',
    village: '',
    district: '',
    regency: 'Tanah Laut',
    province: 'Kalsel',
    facilitator: '',
    signingCity: '',
    ...overrides,
  };
}
