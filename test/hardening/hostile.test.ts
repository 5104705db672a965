/**
 * Hostile values in every user tab flow through every action. Nothing the add-in writes becomes a
 * formula, markup or script, and every value is shown as the text it was.
 */
import { ACTIONS, act, score, smallDemo } from './workflow';
import { ensureBuilt } from '../support/dist';
import type { Workbook } from '../../emulator';
import type { ScoringContext } from '../../src/core/scoringApi';

beforeAll(ensureBuilt);

const HOSTILE = [
  '=HYPERLINK("http://evil.example","klik")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  'Siti\u202Enamirah\u202C',
  'Bu\u200Bdi\u200D',
  '0812',
  "'apostrof",
];

function plant(wb: Workbook): void {
  const k = wb.sheet('Kandidat')!;
  const header = k.values()[0].map(String);
  const name = header.indexOf('Nama Lengkap') + 1;
  const address = header.indexOf('Alamat') + 1;
  // Rows 2.. are Tanah Laut candidates in the small demo? Plant in many rows to reach every tab.
  for (let i = 0; i < HOSTILE.length; i++) {
    k.setValues(2 + i * 3, name, [[`'${HOSTILE[i]}`]]);
    k.setValues(2 + i * 3, address, [[`'${HOSTILE[i]}`]]);
  }
  k.setValues(40, address, [[`'${'x'.repeat(50_000)}`]]);
  const peserta = wb.sheet('Peserta')!;
  HOSTILE.forEach((h, i) => peserta.setValues(2 + i, 2, [[`'${h}`]]));
  const sesi = wb.sheet('Sesi')!;
  sesi.setValues(2, 7, [[`'${HOSTILE[0]}`]]);
  sesi.setValues(3, 2, [[`'${HOSTILE[4]}`]]);
}

/** Every cell of every tab the add-in generated or wrote to. */
function writtenCells(wb: Workbook): Array<{ tab: string; row: number; col: number; value: unknown; formula: string }> {
  const out: Array<{ tab: string; row: number; col: number; value: unknown; formula: string }> = [];
  for (const tab of wb.sheetNames()) {
    const sheet = wb.sheet(tab)!;
    const rows = sheet.lastRow();
    const cols = sheet.lastColumn();
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= cols; c++) {
        const cell = sheet.cell(r, c);
        if (cell.value !== '' || cell.formula)
          out.push({ tab, row: r, col: c, value: cell.value, formula: cell.formula });
      }
  }
  return out;
}

describe('hostile input through every action', () => {
  const { wb, emu } = smallDemo();
  plant(wb);
  const runs = ACTIONS.slice(0, 2).map((a) => act(emu, a));
  score(emu);
  runs.push(...ACTIONS.slice(2).map((a) => act(emu, a)));

  it('runs every action without an error or a stack trace', () => {
    for (const run of runs) {
      expect([run.fnName, run.error]).toEqual([run.fnName, undefined]);
      for (const a of run.ui.alerts) expect(a.prompt).not.toMatch(/\bat \S+ \(|Code\.js:\d+/);
    }
  });

  it('writes no formula anywhere', () => {
    expect(writtenCells(wb).filter((c) => c.formula !== '')).toEqual([]);
  });

  it('shows each hostile value as the text it was on the tabs it reaches', () => {
    const values = new Set(
      writtenCells(wb)
        .filter((c) => c.tab !== 'Kandidat' && c.tab !== 'Peserta' && c.tab !== 'Sesi')
        .map((c) => String(c.value)),
    );
    for (const h of HOSTILE) expect([h, values.has(h) || [...values].some((v) => v.includes(h))]).toEqual([h, true]);
  });

  it('keeps the 50,000-character value within the cell limit wherever it is copied', () => {
    for (const c of writtenCells(wb)) expect(String(c.value).length).toBeLessThanOrEqual(50_000);
  });

  it('hands hostile names to the scoring sidebar as plain data', () => {
    const panel = wb
      .sheet('Panel')!
      .values()
      .slice(1)
      .find((r) => /Tanah Laut/.test(String(r[2])))!;
    const ctx = emu.runRpc('scoringContext', [{}], { user: String(panel[0]) }) as ScoringContext;
    expect(JSON.stringify(ctx)).not.toContain('undefined');
  });
});
