/**
 * The contract between the verification desk (sidebar) and the server: input schemas (core/shape.ts,
 * checked on the server before anything else) and the shapes of the answers. The sidebar imports
 * only the types.
 */
import * as z from './shape';
import type { LinkCell, NoteLine, QueueItem } from './desk';
import { MAX_REASON } from './desk';
import type { DocumentState } from './documents';

export type { DocumentState };

const lang = z.optional(z.enum(['id', 'en']));
const id = z.string().check(z.minLength(1), z.maxLength(40));

export const QueueRequest = z.optional(z.object({ lang }));

export const CandidateRequest = z.object({ id, lang });

export const NameRequest = z.object({ name: z.string().check(z.maxLength(100)), lang });

export const SaveRequest = z.object({
  id,
  /** Document name → state, for the documents of `Berkas wajib` (others are ignored). */
  documents: z
    .record(z.string().check(z.maxLength(200)), z.enum(['Ada', 'Tidak ada', 'Belum dicek']))
    .check(z.refine((d) => Object.keys(d).length <= 50, { message: 'too many documents' })),
  decision: z.enum(['', 'MS', 'TMS']),
  reason: z.string().check(z.maxLength(MAX_REASON)),
  /** The stamp the sidebar loaded (`DeskCandidate.stamp`): the save is refused when the row's differs. */
  stamp: z.string().check(z.maxLength(400)),
  lang,
});

export type SaveRequest = z.infer<typeof SaveRequest>;

export interface Verifier {
  /** What `Diverifikasi Oleh` records: the Google email, or "Nama (diisi sendiri)". */
  label: string;
  selfDeclared: boolean;
}

export interface DeskQueue {
  lang: 'id' | 'en';
  timeZone: string;
  /** ok: can verify; name: Google gave no email, type your name first; refused: cannot (message says why). */
  status: 'ok' | 'name' | 'refused';
  message: string;
  verifier: Verifier | null;
  /** `Berkas wajib`, in order. */
  documents: string[];
  /** Every candidate with an ID, in sheet order (the sidebar orders and filters it). */
  items: QueueItem[];
}

export interface DeskCandidate {
  id: string;
  name: string;
  village: string;
  district: string;
  regency: string;
  status: string;
  /** The NIK with its middle digits hidden. */
  maskedNik: string;
  findings: NoteLine[];
  checklist: Array<{ name: string; state: DocumentState }>;
  links: LinkCell[];
  decision: string;
  reason: string;
  verifiedBy: string;
  /** Waktu Verifikasi as the sheet shows it ('' when never checked). */
  verifiedAt: string;
  /** Compared on save: another verifier's save in between changes it. */
  stamp: string;
}

export type SaveResponse =
  | { ok: true; candidate: DeskCandidate; message: string }
  /** conflict: another verifier saved since this one loaded; `candidate` is what the row holds now. */
  | { ok: false; field: 'decision' | 'reason' | 'documents' | null; message: string; conflict?: DeskCandidate };

/** What the desk may call: `src/main.ts` must provide exactly these endpoints. */
export interface DeskApi {
  /** The verifier and the queue (ID, status, regency, village, checked): one call when the desk opens. */
  deskQueue(request?: z.input<typeof QueueRequest>): DeskQueue;
  /** One candidate: that row only. */
  deskCandidate(request: z.input<typeof CandidateRequest>): DeskCandidate;
  /** The full NIK of one candidate; every reveal is logged with who and when. */
  deskRevealNik(request: z.input<typeof CandidateRequest>): string;
  /** A verifier Google does not name types their name once (kept in their user properties). */
  deskSetName(request: z.input<typeof NameRequest>): DeskQueue;
  /** Save the checklist and decision of one candidate, re-validate the row, log it. */
  deskSave(request: z.input<typeof SaveRequest>): SaveResponse;
}
