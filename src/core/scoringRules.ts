/**
 * The scoring form's rules, apart from the sheets: who the caller is, which candidates they may
 * score, and whether a submission can be saved. The shell reads the tabs and Google's answers,
 * asks these functions, and writes only what they allow.
 */
import { type Panelist, activePanelist, coversRegion } from './panel';
import { type Criterion } from './rubric';
import { outOfScale } from './scale';
import { MAX_NOTE, type OwnScore, type SubmitRequest } from './scoringApi';
import { type ScoreRow, scoreOf } from './scores';
import { clip } from './text';
import type { Bilingual } from './types';

/** A candidate as the form needs it: identity, place and administrative status. */
export interface ScoringCandidate {
  id: string;
  name: string;
  village: string;
  district: string;
  regency: string;
  status: string;
}

export interface Identity {
  panelist: Panelist;
  /** True when Google gave no email and the caller chose their name from the panel list. */
  selfDeclared: boolean;
}

export type Who =
  | { ok: true; identity: Identity }
  | { ok: false; status: 'choose' | 'refused'; message: Bilingual; choices: Panelist[] };

export interface Caller {
  /** Google's email for the caller, '' when Google withholds it. */
  googleEmail: string;
  /** The panelist the caller chose in the sidebar, when Google gave no email. */
  declaredEmail: string | undefined;
  /** Panelists ever identified by Google (asked only when Google withholds the caller's email). */
  googleKnown: () => ReadonlySet<string>;
}

/**
 * Who is calling: Google's email first; a chosen name only when Google gives none, and never the
 * name of a panelist who has ever been identified by Google (their scores are theirs alone: a
 * self-declared caller can neither read nor replace them).
 */
export function identify(panel: readonly Panelist[], caller: Caller): Who {
  if (caller.googleEmail) {
    const panelist = activePanelist(panel, caller.googleEmail);
    if (panelist) return { ok: true, identity: { panelist, selfDeclared: false } };
    return { ok: false, status: 'refused', choices: [], message: notOnPanel(caller.googleEmail) };
  }
  const google = caller.googleKnown();
  const chosen = caller.declaredEmail ? activePanelist(panel, caller.declaredEmail) : undefined;
  if (chosen && google.has(chosen.email))
    return { ok: false, status: 'refused', choices: [], message: googleOnly(chosen) };
  if (chosen) return { ok: true, identity: { panelist: chosen, selfDeclared: true } };
  const choices = panel.filter((p) => p.active && p.email && !google.has(p.email));
  if (choices.length === 0) return { ok: false, status: 'refused', choices, message: NOBODY_TO_CHOOSE };
  return { ok: false, status: 'choose', choices, message: CHOOSE_YOUR_NAME };
}

/** The candidates a panelist scores: MS candidates in the regions the panelist covers. */
export function eligibleCandidates(candidates: readonly ScoringCandidate[], panelist: Panelist): ScoringCandidate[] {
  return candidates.filter((c) => c.status === 'MS' && coversRegion(panelist, c.regency));
}

export type SubmissionCheck =
  | { ok: true; candidate: ScoringCandidate; scores: Record<string, number | undefined> }
  | { ok: false; field: string | null; message: Bilingual };

/**
 * Whether this submission can be saved, re-checked against the tabs (never the sidebar's view):
 * the candidate exists, is MS and in the panelist's region, and every score is on its criterion's
 * scale unless the panelist declared a conflict of interest.
 */
export function checkSubmission(
  input: SubmitRequest,
  criteria: readonly Criterion[],
  candidates: readonly ScoringCandidate[],
  panelist: Panelist,
): SubmissionCheck {
  const candidate = candidates.find((c) => c.id.toUpperCase() === input.candidateId.toUpperCase());
  if (!candidate)
    return {
      ok: false,
      field: null,
      message: {
        id: `Kandidat ${input.candidateId} tidak ditemukan di tab Kandidat.`,
        en: `Candidate ${input.candidateId} is not on the Kandidat tab.`,
      },
    };
  if (candidate.status !== 'MS')
    return {
      ok: false,
      field: null,
      message: {
        id: `Kandidat ${candidate.id} berstatus ${candidate.status || 'belum divalidasi'}, bukan MS, sehingga tidak dinilai.`,
        en: `Candidate ${candidate.id} is ${candidate.status || 'not validated'}, not MS, so cannot be scored.`,
      },
    };
  if (!coversRegion(panelist, candidate.regency))
    return {
      ok: false,
      field: null,
      message: {
        id: `Kandidat ${candidate.id} (${candidate.regency}) di luar wilayah Anda (${panelist.region}).`,
        en: `Candidate ${candidate.id} (${candidate.regency}) is outside your region (${panelist.region}).`,
      },
    };
  const scores: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
  if (!input.recused) {
    for (const c of criteria) {
      const value = scoreOf(input.scores as Record<string, number | undefined>, c.code) ?? null;
      const problem = outOfScale(c, value);
      if (problem) return { ok: false, field: c.code, message: problem };
      scores[c.code] = value as number;
    }
  }
  return { ok: true, candidate, scores };
}

/** Why a request failed its schema: a note over the limit is the one thing a panelist can fix. */
export function requestProblem(issues: ReadonlyArray<{ path: readonly PropertyKey[]; code: string }>): {
  field: string | null;
  message: Bilingual;
} {
  const tooLong = issues.some((i) => i.path[0] === 'note' && i.code === 'too_big');
  return tooLong
    ? {
        field: 'note',
        message: {
          id: `Catatan terlalu panjang (maksimal ${MAX_NOTE} karakter).`,
          en: `The note is too long (at most ${MAX_NOTE} characters).`,
        },
      }
    : { field: null, message: BAD_REQUEST };
}

/** A panelist's own row as the form shows it (blank scores as null). */
export function ownScore(row: Pick<ScoreRow, 'scores' | 'recused' | 'note'>, criteria: readonly Criterion[]): OwnScore {
  return {
    scores: Object.fromEntries(criteria.map((c) => [c.code, scoreOf(row.scores, c.code) ?? null])),
    recused: row.recused,
    note: row.note,
  };
}

/** Refusal when a self-declared caller reaches a panelist Google has identified. */
export function googleOnly(panelist: Panelist): Bilingual {
  const name = clip(panelist.name || panelist.email, 60);
  return {
    id: `${name} pernah masuk dengan akun Google, jadi penilaiannya hanya bisa dibuka dengan akun itu. Masuk ke Google dengan akun tersebut, lalu buka lagi formulir penilaian.`,
    en: `${name} has signed in with a Google account before, so their scores can only be opened with that account. Sign in to Google with it, then reopen the scoring form.`,
  };
}

function notOnPanel(email: string): Bilingual {
  return {
    id: `Akun ${email} tidak terdaftar sebagai penilai aktif di tab Panel. Untuk menilai, tambahkan satu baris di tab Panel: Email ${email}, Nama Anda, Wilayah (kabupaten/kota yang Anda nilai, atau Semua) dan Aktif Ya; bila Anda bukan koordinator, minta koordinator menambahkannya. Lalu buka lagi formulir penilaian.`,
    en: `The account ${email} is not an active panelist on the Panel tab. To score, add a row to the Panel tab: Email ${email}, your Nama, Wilayah (the regency you score, or Semua) and Aktif Ya; if you are not the coordinator, ask the coordinator to add it. Then reopen the scoring form.`,
  };
}

const NOBODY_TO_CHOOSE: Bilingual = {
  id: 'Tab Panel belum berisi penilai aktif yang dapat dipilih. Koordinator perlu mengisi Email, Nama dan Wilayah penilai; penilai yang pernah masuk dengan akun Google harus memakai akun itu.',
  en: 'The Panel tab has no active panelist to choose. The coordinator needs to enter their Email, Nama and Wilayah; panelists who have signed in with Google must use that account.',
};
const CHOOSE_YOUR_NAME: Bilingual = {
  id: 'Google tidak memberi tahu email Anda. Pilih nama Anda dari daftar panel; penilaian akan dicatat sebagai "dipilih sendiri".',
  en: 'Google does not reveal your email. Choose your name from the panel list; your scores will be recorded as "self-declared".',
};
export const BAD_REQUEST: Bilingual = {
  id: 'Permintaan dari formulir tidak sah. Tutup dan buka lagi formulir penilaian.',
  en: 'The form sent an invalid request. Close and reopen the scoring form.',
};
export const NO_RUBRIC: Bilingual = {
  id: 'Rubrik di tab Kriteria belum lengkap atau bermasalah. Minta koordinator memeriksanya (menu Hitung skor & peringkat menunjukkan masalahnya).',
  en: 'The rubric on the Kriteria tab is missing or has problems. Ask the coordinator to check it ("Compute scores & ranking" shows what is wrong).',
};
export const NO_CANDIDATES: Bilingual = {
  id: 'Belum ada kandidat berstatus MS di wilayah Anda. Kandidat muncul setelah staf menjalankan Validasi data kandidat.',
  en: 'There are no MS candidates in your region yet. Candidates appear once staff run "Validate candidate data".',
};
