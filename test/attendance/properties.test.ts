import fc from 'fast-check';
import { attendanceLayout } from '../../src/core/attendance';
import type { Participant } from '../../src/core/sessions';
import { defaultSettings, session as sessionWith } from './fixtures';
import { UNSUR } from '../../src/core/vocab';

const settings = defaultSettings;
const session = sessionWith();

const participant = fc.record({
  name: fc.string({ maxLength: 60 }),
  sex: fc.constantFrom<'L' | 'P' | ''>('L', 'P', ''),
  unsur: fc.constantFrom(...UNSUR),
  position: fc.string({ maxLength: 40 }),
  institution: fc.string({ maxLength: 40 }),
  phone: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 99_999_999_999 })),
});

describe('attendance layout properties', () => {
  it('numbers every row once, zig-zags the signatures, boxes only listed people, and writes no formula', () => {
    fc.assert(
      fc.property(fc.array(participant, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (people, walkIns) => {
        const list: Participant[] = people.map((p, i) => ({
          ...p,
          sheetRow: i + 2,
          code: 'S',
          phoneShown: String(p.phone),
          candidateId: '',
        }));
        const layout = attendanceLayout({
          session,
          participants: list,
          settings: { ...settings, walkInRows: walkIns },
          lang: 'id',
          ticks: new Map(),
        });
        // The numbered rows, on whatever page they fall.
        const table = layout.values.map((r, i) => ({ r, row: i + 1 })).filter(({ r }) => typeof r[0] === 'number');
        expect(table.map(({ r }) => r[0])).toEqual(Array.from({ length: list.length + walkIns }, (_, i) => i + 1));
        table.forEach(({ r }, i) => {
          const n = i + 1;
          expect([r[7], r[8]]).toEqual(n % 2 ? [`'${n}.`, ''] : ['', `'${n}.`]);
        });
        const boxed = (layout.checkboxes ?? []).flatMap((b) => Array.from({ length: b.rows }, (_, i) => b.row + i));
        expect(boxed).toEqual(table.slice(0, list.length).map(({ row }) => row));
        for (const row of layout.values)
          for (const cell of row) if (typeof cell === 'string') expect(/^[=+\-@]/.test(cell)).toBe(false);
        expect(layout.values.every((r) => r.length === 10)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
