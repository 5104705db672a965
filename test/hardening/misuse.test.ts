/**
 * Misuse: the sidebar and dialog endpoints called directly with forged arguments are refused
 * with clear messages, write nothing, and never leak another panelist's scores.
 */
import { PANEL, scoreRows, scoringWorkbook } from '../support/scoringWorkbook';
import { ensureBuilt } from '../support/dist';
import type { ScoringContext, SubmitResponse } from '../../src/core/scoringApi';

beforeAll(ensureBuilt);

const good = { candidateId: 'K-0001', scores: { K1: 3, K2: 3, K3: 3, K4: 3, K5: 3 }, recused: false, note: '' };

describe('forged RPC calls', () => {
  it('refuses a self-declared identity of an inactive panelist, and any identity claim from a Google user', () => {
    const { wb, emu } = scoringWorkbook({ user: '' });
    const inactive = emu.runRpc('submitScore', [{ ...good, declaredEmail: 'lama@example.go.id' }], {
      user: '',
    }) as SubmitResponse;
    expect(inactive).toEqual({
      ok: false,
      field: null,
      message:
        'Google tidak memberi tahu email Anda. Pilih nama Anda dari daftar panel; penilaian akan dicatat sebagai "dipilih sendiri".',
    });
    // A Google user on the panel cannot score as somebody else: the claim is ignored and the row is theirs.
    const claimed = emu.runRpc('submitScore', [{ ...good, declaredEmail: PANEL.budi }], {
      user: PANEL.ani,
    }) as SubmitResponse;
    expect(claimed.ok).toBe(true);
    expect(scoreRows(wb)[1][2]).toBe(PANEL.ani);
  });

  it.each([
    ['a 1 MB note', { ...good, note: 'x'.repeat(1_000_000) }],
    [
      'ten thousand criteria',
      { ...good, scores: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`K${i}`, 3])) },
    ],
    ['a nested object instead of a score', { ...good, scores: { K1: { $gt: 0 } } }],
    ['an array instead of the request', [good]],
    ['nothing at all', undefined],
    ['a string ID of 10,000 characters', { ...good, candidateId: 'K'.repeat(10_000) }],
  ])('refuses %s without writing', (_label, payload) => {
    const { wb, emu } = scoringWorkbook({ user: PANEL.ani });
    const response = emu.runRpc('submitScore', [payload], { user: PANEL.ani }) as SubmitResponse;
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.message).toMatch(/tidak sah|terlalu panjang/);
    expect(scoreRows(wb)).toHaveLength(1);
  });

  it('answers scoringContext with the caller’s own scores only, even when asked for someone else', () => {
    const { emu } = scoringWorkbook({ user: PANEL.budi });
    emu.runRpc('submitScore', [{ ...good, note: 'catatan rahasia Budi' }], { user: PANEL.budi });
    const asAni = emu.runRpc('scoringContext', [{ declaredEmail: PANEL.budi }], { user: PANEL.ani }) as ScoringContext;
    expect(asAni.identity?.email).toBe(PANEL.ani);
    expect(JSON.stringify(asAni)).not.toContain('catatan rahasia Budi');
    expect(asAni.candidates.every((c) => c.mine === null)).toBe(true);
  });

  it('refuses private helpers and unknown functions like google.script.run does', () => {
    const { emu } = scoringWorkbook();
    expect(() => emu.runRpc('rpc_', [])).toThrow('google.script.run.rpc_ is not a function');
    expect(() => emu.runRpc('App', [])).toThrow();
  });
});
