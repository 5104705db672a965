/**
 * The contract between the scoring sidebar and the server: input schemas (src/core/shape.ts, checked on the
 * server before anything else — the client is not trusted) and the shapes of the answers. The
 * sidebar imports only the types.
 */
import * as z from './shape';
import { RUBRIC_LIMITS } from './rubric';

export const MAX_NOTE = 1000;
const email = z.string().check(z.maxLength(254));

/**
 * The language the form is showing (the sidebar's own, from when it opened): the answer's words
 * follow it. Words only — nothing is decided on it — and the workbook's own setting is read when
 * it is missing.
 */
const formLang = z.optional(z.enum(['id', 'en']));

export const ContextRequest = z.optional(z.object({ declaredEmail: z.optional(email), lang: formLang }));

export const SubmitRequest = z.object({
  candidateId: z.string().check(z.minLength(1), z.maxLength(40)),
  // The same limits the rubric check applies: a rubric that passes it can always be scored.
  scores: z
    .record(z.string().check(z.maxLength(RUBRIC_LIMITS.maxCodeLength)), z.nullable(z.number()))
    .check(z.refine((s) => Object.keys(s).length <= RUBRIC_LIMITS.maxCriteria, { message: 'too many criteria' })),
  recused: z.boolean(),
  note: z.string().check(z.maxLength(MAX_NOTE)),
  declaredEmail: z.optional(email),
  lang: formLang,
});

export type SubmitRequest = z.infer<typeof SubmitRequest>;

export const OwnScoreRequest = z.object({
  candidateId: z.string().check(z.minLength(1), z.maxLength(40)),
  declaredEmail: z.optional(email),
});

export interface CriterionView {
  code: string;
  name: string;
  min: number;
  max: number;
  /** Share of the total, 0–1. */
  weight: number;
  guidance: string;
}

export interface OwnScore {
  scores: Record<string, number | null>;
  recused: boolean;
  note: string;
}

export interface CandidateView {
  id: string;
  name: string;
  village: string;
  district: string;
  /** Whether the caller has already scored (or recused from) this candidate. */
  scored: boolean;
  /**
   * The caller's own earlier score, once fetched with `myScore` (the context leaves it null so that
   * opening the form reads only two columns of Penilaian). Never anyone else's.
   */
  mine: OwnScore | null;
}

export interface PanelistView {
  email: string;
  name: string;
  region: string;
}

export interface ScoringContext {
  lang: 'id' | 'en';
  /** The spreadsheet's time zone (IANA), so the form tells save times as the sheet records them. */
  timeZone: string;
  /** ok: can score; choose: Google gave no email, pick your name; refused: cannot score (message says why). */
  status: 'ok' | 'choose' | 'refused';
  message: string;
  identity: (PanelistView & { selfDeclared: boolean }) | null;
  choices: PanelistView[];
  rubric: CriterionView[];
  candidates: CandidateView[];
}

export type SubmitResponse =
  /** savedAt: when the row was stamped, in milliseconds since 1970 (the form formats it). */
  | { ok: true; candidateId: string; savedAt: number; replaced: boolean; mine: OwnScore }
  | { ok: false; field: string | null; message: string };

/** What the scoring sidebar may call: `src/main.ts` must provide exactly these endpoints. */
export interface ScoringApi {
  /** Everything the sidebar shows, for the caller only. */
  scoringContext(request?: z.input<typeof ContextRequest>): ScoringContext;
  /** The caller's own earlier score for one candidate, when they reopen it. */
  myScore(request: z.input<typeof OwnScoreRequest>): OwnScore | null;
  /** Save one score. */
  submitScore(request: z.input<typeof SubmitRequest>): SubmitResponse;
}
