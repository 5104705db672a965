/** The scoring form's rules, without a workbook: who is calling, who may be scored, what can be saved. */
import type { Panelist } from '../../src/core/panel';
import type { Criterion } from '../../src/core/rubric';
import {
  BAD_REQUEST,
  checkSubmission,
  eligibleCandidates,
  identify,
  ownScore,
  requestProblem,
} from '../../src/core/scoringRules';
import type { ScoringCandidate } from '../../src/core/scoringRules';
import { SubmitRequest } from '../../src/core/scoringApi';

const panelist = (email: string, region: string, active = true): Panelist => ({
  sheetRow: 2,
  email,
  name: email.split('@')[0],
  region,
  active,
});
const panel = [
  panelist('ani@desa.id', 'Kab. Bogor'),
  panelist('budi@desa.id', 'Semua'),
  panelist('cici@desa.id', 'Kota Depok', false),
];
const noOneKnown = () => new Set<string>();

describe('identify', () => {
  it('trusts Google’s email first, whatever name the sidebar sent', () => {
    const who = identify(panel, { googleEmail: 'ANI@desa.id', declaredEmail: 'budi@desa.id', googleKnown: noOneKnown });
    expect(who).toEqual({ ok: true, identity: { panelist: panel[0], selfDeclared: false } });
  });

  it('refuses a Google account that is not an active panelist', () => {
    const who = identify(panel, { googleEmail: 'cici@desa.id', declaredEmail: undefined, googleKnown: noOneKnown });
    expect(who.ok ? 'ok' : [who.status, who.message.en]).toEqual([
      'refused',
      'The account cici@desa.id is not an active panelist on the Panel tab. To score, add a row to the Panel tab: Email cici@desa.id, your Nama, Wilayah (the regency you score, or Semua) and Aktif Ya; if you are not the coordinator, ask the coordinator to add it. Then reopen the scoring form.',
    ]);
  });

  it('without Google’s email, offers the active panelists Google has never identified', () => {
    const who = identify(panel, {
      googleEmail: '',
      declaredEmail: undefined,
      googleKnown: () => new Set(['ani@desa.id']),
    });
    expect(who.ok ? 'ok' : [who.status, who.choices.map((p) => p.email)]).toEqual(['choose', ['budi@desa.id']]);
  });

  it('accepts a chosen name as self-declared, but never one Google has identified', () => {
    expect(identify(panel, { googleEmail: '', declaredEmail: 'budi@desa.id', googleKnown: noOneKnown })).toEqual({
      ok: true,
      identity: { panelist: panel[1], selfDeclared: true },
    });
    const who = identify(panel, {
      googleEmail: '',
      declaredEmail: 'ani@desa.id',
      googleKnown: () => new Set(['ani@desa.id']),
    });
    expect(who.ok ? 'ok' : [who.status, who.message.id.startsWith('ani pernah masuk dengan akun Google')]).toEqual([
      'refused',
      true,
    ]);
  });

  it('asks Google’s sign-in memory only when Google withholds the email', () => {
    const known = jest.fn(noOneKnown);
    identify(panel, { googleEmail: 'ani@desa.id', declaredEmail: undefined, googleKnown: known });
    expect(known).not.toHaveBeenCalled();
  });

  it('says so when there is nobody left to choose', () => {
    const who = identify([panelist('ani@desa.id', 'Kab. Bogor')], {
      googleEmail: '',
      declaredEmail: undefined,
      googleKnown: () => new Set(['ani@desa.id']),
    });
    expect(who.ok ? 'ok' : [who.status, who.choices]).toEqual(['refused', []]);
  });
});

const candidates: ScoringCandidate[] = [
  { id: 'K-0001', name: 'Siti', village: 'Cibodas', district: 'Cisarua', regency: 'Kab. Bogor', status: 'MS' },
  { id: 'K-0002', name: 'Dewi', village: 'Kukusan', district: 'Beji', regency: 'Kota Depok', status: 'MS' },
  { id: 'K-0003', name: 'Rina', village: 'Cibodas', district: 'Cisarua', regency: 'Kab. Bogor', status: 'TMS' },
];
const criteria: Criterion[] = [
  { code: 'K1', name: 'Pengetahuan', weight: 0.5, min: 1, max: 5, guidance: '' },
  { code: 'K2', name: 'Komunikasi', weight: 0.5, min: 1, max: 5, guidance: '' },
];
const request = (over: Partial<SubmitRequest>): SubmitRequest => ({
  candidateId: 'K-0001',
  scores: { K1: 4, K2: 5 },
  recused: false,
  note: '',
  ...over,
});

describe('eligibleCandidates', () => {
  it('lists MS candidates in the panelist’s region only ("Semua" covers every region)', () => {
    expect(eligibleCandidates(candidates, panel[0]).map((c) => c.id)).toEqual(['K-0001']);
    expect(eligibleCandidates(candidates, panel[1]).map((c) => c.id)).toEqual(['K-0001', 'K-0002']);
  });
});

describe('checkSubmission', () => {
  const refusal = (input: SubmitRequest, who = panel[0]) => {
    const check = checkSubmission(input, criteria, candidates, who);
    return check.ok ? 'ok' : [check.field, check.message.en];
  };

  it('accepts a complete score, matching the ID whatever its case', () => {
    const check = checkSubmission(request({ candidateId: 'k-0001' }), criteria, candidates, panel[0]);
    expect(check.ok && [check.candidate.id, { ...check.scores }]).toEqual(['K-0001', { K1: 4, K2: 5 }]);
  });

  it('refuses unknown, non-MS and out-of-region candidates', () => {
    expect(refusal(request({ candidateId: 'K-9999' }))).toEqual([null, 'Candidate K-9999 is not on the Kandidat tab.']);
    expect(refusal(request({ candidateId: 'K-0003' }))).toEqual([
      null,
      'Candidate K-0003 is TMS, not MS, so cannot be scored.',
    ]);
    expect(refusal(request({ candidateId: 'K-0002' }))).toEqual([
      null,
      'Candidate K-0002 (Kota Depok) is outside your region (Kab. Bogor).',
    ]);
  });

  it('names the criterion whose score is missing or off the scale', () => {
    expect(refusal(request({ scores: { K1: 4 } }))[0]).toBe('K2');
    expect(refusal(request({ scores: { K1: 9, K2: 3 } }))[0]).toBe('K1');
  });

  it('saves no scores for a declared conflict of interest', () => {
    const check = checkSubmission(request({ scores: {}, recused: true }), criteria, candidates, panel[0]);
    expect(check.ok && { ...check.scores }).toEqual({});
  });
});

describe('requestProblem', () => {
  it('points at the note when only the note is too long, else asks to reopen the form', () => {
    const long = SubmitRequest.safeParse({ ...request({}), note: 'x'.repeat(5000) });
    const broken = SubmitRequest.safeParse({ candidateId: 3 });
    expect(long.success || requestProblem(long.error.issues).field).toBe('note');
    expect(broken.success || requestProblem(broken.error.issues)).toEqual({ field: null, message: BAD_REQUEST });
  });
});

describe('ownScore', () => {
  it('shows blank scores as null', () => {
    expect(ownScore({ scores: { K1: 3 }, recused: false, note: 'ok' }, criteria)).toEqual({
      scores: { K1: 3, K2: null },
      recused: false,
      note: 'ok',
    });
  });
});
