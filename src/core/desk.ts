/**
 * The verification desk's decisions, as pure functions: which candidates need a human and in what
 * order, what a `Catatan Validasi` cell says finding by finding, which cells hold Drive links,
 * the verifier's recorded name, the common reasons, and the stamp the desk compares to tell that
 * another verifier saved in between. No schema code here: the sidebar imports this module.
 */
import type { Bilingual, CellValue, Lang } from './types';
import { cellText } from './text';

/** Statuses the desk walks by default, in this order; "all" adds every other row after them. */
export const QUEUE_ORDER = ['Perlu Cek', 'TMS'] as const;

export type QueueScope = 'review' | 'all';

export interface QueueItem {
  id: string;
  status: string;
  regency: string;
  village: string;
  /** Diperiksa: the row has a `Waktu Verifikasi` (the desk saved it at least once). */
  checked: boolean;
}

/** Rank of a status in the walk: Perlu Cek, then TMS, then (scope "all") the rest. */
function rank(status: string): number {
  const at = (QUEUE_ORDER as readonly string[]).indexOf(status);
  return at < 0 ? QUEUE_ORDER.length : at;
}

/** The walk: Perlu Cek first, then TMS (then the rest for "all"), each in sheet order; filtered by regency/village. */
export function deskQueue(
  items: readonly QueueItem[],
  filter: { scope: QueueScope; regency?: string; village?: string },
): QueueItem[] {
  return items
    .map((item, order) => ({ item, order, rank: rank(item.status) }))
    .filter(({ item, rank: r }) => item.id !== '' && (filter.scope === 'all' || r < QUEUE_ORDER.length))
    .filter(({ item }) => !filter.regency || item.regency === filter.regency)
    .filter(({ item }) => !filter.village || item.village === filter.village)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ item }) => item);
}

/** The next candidate not yet diperiksa after `afterId` (wrapping); '' when every one is. */
export function nextToCheck(queue: readonly QueueItem[], afterId: string): string {
  const start = queue.findIndex((q) => q.id === afterId);
  for (let i = 1; i <= queue.length; i++) {
    const item = queue[(start + i + queue.length) % queue.length];
    if (item && !item.checked && item.id !== afterId) return item.id;
  }
  return '';
}

export type Severity = 'error' | 'warning' | 'info';

export interface NoteLine {
  severity: Severity;
  text: string;
}

const MARKS: Record<string, Severity> = { '✖': 'error', '⚠': 'warning', ℹ: 'info' };

/**
 * The findings `Catatan Validasi` lists, one per line with ✖ (error), ⚠ (warning) or ℹ (info), as
 * validation writes them. A line without a mark (a note typed by hand, the "⏳ not checked yet"
 * note) is kept as information.
 */
export function parseNotes(cell: string): NoteLine[] {
  return cell
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const mark = [...line][0];
      const severity = MARKS[mark];
      return severity
        ? {
            severity,
            text: line
              .slice(mark.length)
              .replace(/^\uFE0F/, '')
              .trim(),
          }
        : { severity: 'info' as const, text: line };
    });
}

/** A link the desk shows: only https Google Drive/Docs addresses, nothing that could run or leave Google. */
const DRIVE_URL = /^https:\/\/(?:drive|docs)\.google\.com\/[A-Za-z0-9\-._~/?=&%#+:@!$',;*]*$/;
const URL_IN_TEXT = /https?:\/\/[^\s,;<>"]+/g;

export function isDriveUrl(text: string): boolean {
  return DRIVE_URL.test(text) && !/["<>\s]/.test(text);
}

export interface LinkCell {
  /** The column's header. */
  column: string;
  /** The cell cut into text and links, in order. */
  parts: Array<{ text: string; url?: string }>;
}

/**
 * The row's cells that hold a Google Drive or Docs address (a file-upload question of the form
 * writes them, comma-separated), each cut into links and plain text. Any other address stays text.
 */
export function driveLinks(header: readonly string[], row: readonly CellValue[]): LinkCell[] {
  const out: LinkCell[] = [];
  row.forEach((value, i) => {
    const text = cellText(value);
    if (!/https:\/\/(?:drive|docs)\.google\.com\//.test(text)) return;
    const parts: LinkCell['parts'] = [];
    let last = 0;
    for (const m of text.matchAll(URL_IN_TEXT)) {
      const at = m.index ?? 0;
      if (at > last) parts.push({ text: text.slice(last, at) });
      parts.push(isDriveUrl(m[0]) ? { text: m[0], url: m[0] } : { text: m[0] });
      last = at + m[0].length;
    }
    if (last < text.length) parts.push({ text: text.slice(last) });
    out.push({ column: header[i] || `#${i + 1}`, parts });
  });
  return out;
}

/**
 * The stamp of the last save, as the desk compares it: `Waktu Verifikasi` to the second (a Date
 * cell) or as typed, and `Diverifikasi Oleh`. Two saves differ in at least one of them.
 */
export function verificationStamp(verifiedBy: CellValue, verifiedAt: CellValue): string {
  const at = verifiedAt instanceof Date ? `t${Math.floor(verifiedAt.getTime() / 1000)}` : `s${cellText(verifiedAt)}`;
  return `${at}|${cellText(verifiedBy)}`;
}

/** "04/12/2026 09:15:02": an instant as the sheet's wall clock shows it (`offsetMinutes` from UTC). */
export function formatWallTime(date: Date, offsetMinutes: number): string {
  const t = new Date(date.getTime() + offsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
}

/** `Diverifikasi Oleh` for a verifier Google did not name: the name they typed, marked as such. */
export function selfDeclaredLabel(name: string, lang: Lang): string {
  return `${name.trim()} ${lang === 'en' ? '(self-declared)' : '(diisi sendiri)'}`;
}

/** Reasons verifiers give most often; the sidebar offers them beside free text. */
export const COMMON_REASONS: readonly Bilingual[] = [
  { id: 'Berkas wajib tidak lengkap', en: 'Required documents incomplete' },
  { id: 'Dokumen tidak terbaca atau tidak sah', en: 'Document unreadable or not valid' },
  { id: 'Data sesuai dokumen asli', en: 'Data matches the original documents' },
  { id: 'Domisili dibuktikan dengan surat keterangan', en: 'Domicile proven by a certificate' },
  { id: 'Usia tidak memenuhi syarat', en: 'Age does not meet the requirement' },
  { id: 'Pendidikan tidak memenuhi syarat', en: 'Education does not meet the requirement' },
  { id: 'NIK tidak sesuai KTP', en: 'NIK does not match the ID card' },
  { id: 'Terdaftar lebih dari sekali', en: 'Registered more than once' },
];

export const MAX_REASON = 500;

/** The reason written to `Alasan Verifikator`: the chosen common reason, then the verifier's own words. */
export function reasonText(common: string, free: string): string {
  const a = common.trim();
  const b = free.trim();
  return a && b ? `${a}: ${b}` : a || b;
}
