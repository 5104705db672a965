/**
 * The verification desk's server side. What each call reads, whatever the size of Kandidat:
 *  - deskQueue: the header row, `Pengaturan`, and five columns of Kandidat (ID, Status
 *    Administrasi, Kabupaten/Kota, Desa/Kelurahan, Waktu Verifikasi) — the sidebar keeps the queue;
 *  - deskCandidate / deskRevealNik: the header row, `Pengaturan`, and the candidate's own row, found
 *    by its ID with Sheets' search (TextFinder), never by a position the sidebar remembers;
 *  - deskSave: under the document lock, the header row, `Pengaturan`, the ID, NIK and phone columns
 *    (the ID column finds the row; all three are what the live check's duplicate checks read, exactly
 *    as an edit does) and the row; the live check then runs on that row with these reads and writes
 *    its status and notes with the save's own cells, in the same calls.
 * Nothing is cached: every answer comes from the sheet as it is now.
 */
import { asText } from '../core/cells';
import {
  type LinkCell,
  type QueueItem,
  driveLinks,
  formatWallTime,
  parseNotes,
  selfDeclaredLabel,
  verificationStamp,
} from '../core/desk';
import {
  CandidateRequest,
  type DeskCandidate,
  type DeskQueue,
  NameRequest,
  QueueRequest,
  SaveRequest,
  type SaveResponse,
  type Verifier,
} from '../core/deskApi';
import { type DocumentEntry, documentChecklist, formatDocuments, parseDocuments } from '../core/documents';
import { type HeaderMap, matchHeaders } from '../core/headers';
import { menuLabel } from '../core/menu';
import { maskNik, nikText } from '../core/nik';
import { CANDIDATES_TAB, type CandidateHeader } from '../core/schema';
import { stampSeconds } from '../core/scores';
import { type Settings, requiredDocuments } from '../core/settings';
import { cellText, matchKey } from '../core/text';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import { type ActionContext, actionContext, releaseQuietly } from './action';
import { PlainMessage, UserError } from './errors';
import { markReportsStale } from './freshness';
import { appendLog } from './log';
import { ensureOutputColumns, writeColumns } from './outputColumns';
import { drainPendingEdits } from './pendingEdits';
import { loadSettings, sheetClock } from './settings';
import { type FoundRow, readColumns, readHeader, rowsWith } from './sheetLookup';
import { readKeyColumns, validateEditedRows } from './validate';
import { type RowOutcome, notesText } from '../core/validation/validate';
import { activeSpreadsheet, activeUserEmail, timeZoneOf } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Opens the desk (300 px, in the workbook's language). */
export function showDeskSidebar(ctx: ActionContext): void {
  const template = HtmlService.createTemplateFromFile('Desk');
  template.lang = ctx.lang;
  const html = template
    .evaluate()
    .setTitle(ctx.lang === 'en' ? 'Verification desk' : 'Meja verifikasi')
    .setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}

// ---- who is verifying ------------------------------------------------------------------------

const NAME_KEY = 'SELEKSI_FGD_VERIFIER_NAME';

/**
 * The verifier: the Google account's email; when Google does not give it (consumer accounts), the
 * name this person typed once at the desk, kept in their own user properties and recorded as
 * "Nama (diisi sendiri)". Undefined when neither is known yet.
 */
function verifier(lang: Lang): Verifier | undefined {
  const email = activeUserEmail();
  if (email) return { label: email, selfDeclared: false };
  const name = PropertiesService.getUserProperties().getProperty(NAME_KEY);
  return name ? { label: selfDeclaredLabel(name, lang), selfDeclared: true } : undefined;
}

const NEED_NAME: Bilingual = {
  id: 'Google tidak memberikan email akun Anda. Tulis nama Anda sekali; nama itu dicatat di setiap keputusan Anda sebagai "(diisi sendiri)".',
  en: 'Google does not reveal your account email. Type your name once; it is recorded with each of your decisions as "(self-declared)".',
};

const NAME_EMPTY: Bilingual = {
  id: 'Nama kosong. Tulis nama lengkap Anda, lalu tekan Lanjut.',
  en: 'The name is empty. Type your full name, then press Continue.',
};

// ---- Kandidat --------------------------------------------------------------------------------

const NO_TAB: Bilingual = {
  id: 'Tab Kandidat belum ada atau kosong. Jalankan Siapkan lembar kerja, isi data kandidat, lalu Validasi data kandidat.',
  en: 'The Kandidat tab is missing or empty. Run "Set up the workbook", enter the candidates, then "Validate candidate data".',
};

interface Tab {
  sheet: Sheet;
  header: string[];
  map: HeaderMap<CandidateHeader>;
}

function candidateTab(ss: Spreadsheet): Tab {
  const sheet = ss.getSheetByName(CANDIDATES_TAB.name);
  const header = sheet ? readHeader(sheet) : [];
  if (!sheet || header.length === 0) throw new UserError(NO_TAB);
  const map = matchHeaders(CANDIDATES_TAB, header);
  if (!map.index.has('ID'))
    throw new UserError({
      id: 'Tab Kandidat belum punya kolom ID. Jalankan Validasi data kandidat agar setiap kandidat mendapat ID.',
      en: 'The Kandidat tab has no ID column yet. Run "Validate candidate data" so that every candidate gets an ID.',
    });
  return { sheet, header, map };
}

/** Whether an ID cell holds this (non-blank) ID, whatever its case and surrounding spaces: the one rule of both lookups. */
function sameId(cell: CellValue, id: string): boolean {
  const wanted = id.trim().toUpperCase();
  return wanted !== '' && cellText(cell).toUpperCase() === wanted;
}

/** The one row holding this ID, found by Sheets' search; a missing or doubled ID is said plainly. */
function rowOf(tab: Tab, id: string): FoundRow {
  const idAt = tab.map.index.get('ID') as number;
  const found = rowsWith(tab.sheet, idAt + 1, id, tab.header.length).filter((f) => sameId(f.values[idAt], id));
  if (found.length === 1) return found[0];
  throw idProblem(
    id,
    found.map((f) => f.row()),
  );
}

/** The sheet row holding this ID in the ID column as read (rows 2…), by the same rule as `rowOf`. */
function rowInColumn(ids: readonly CellValue[], id: string): number {
  const rows = ids.flatMap((v, i) => (sameId(v, id) ? [i + 2] : []));
  if (rows.length === 1) return rows[0];
  throw idProblem(id, rows);
}

function idProblem(id: string, rows: readonly number[]): UserError {
  if (rows.length === 0)
    return new UserError({
      id: `Kandidat ${id} tidak ditemukan di kolom ID tab Kandidat (mungkin ID-nya diubah atau barisnya dihapus). Muat ulang meja verifikasi.`,
      en: `Candidate ${id} is not in the ID column of the Kandidat tab (its ID may have changed or its row was deleted). Reload the desk.`,
    });
  const list = rows.join(', ');
  return new UserError({
    id: `ID ${id} ada di lebih dari satu baris tab Kandidat (baris ${list}). Perbaiki ID gandanya, jalankan Validasi data kandidat, lalu coba lagi. Tidak ada yang diubah.`,
    en: `ID ${id} is on more than one row of the Kandidat tab (rows ${list}). Fix the duplicate ID, run "Validate candidate data", then try again. Nothing was changed.`,
  });
}

/** The settings, and the sheet's UTC offset (to tell save times as the sheet shows them). */
function settingsOf(ctx: ActionContext): { settings: Settings; offset: number } {
  const clock = sheetClock(ctx.ss);
  return { settings: loadSettings(ctx.settingsRows, clock), offset: clock.offsetMinutes };
}

function requestLang(request: unknown, fallback: Lang): Lang {
  const lang = (request as { lang?: unknown } | null | undefined)?.lang;
  return lang === 'id' || lang === 'en' ? lang : fallback;
}

const BAD_REQUEST: Bilingual = {
  id: 'Permintaan dari meja verifikasi tidak lengkap. Tutup lalu buka lagi meja verifikasi.',
  en: 'The request from the verification desk is incomplete. Close the desk and open it again.',
};

/** What the sidebar shows of one row. */
function candidateView(tab: Tab, values: readonly CellValue[], settings: Settings, offset: number): DeskCandidate {
  const at = (h: CandidateHeader) => tab.map.index.get(h);
  const value = (h: CandidateHeader): CellValue => {
    const i = at(h);
    return i === undefined ? '' : (values[i] ?? '');
  };
  const text = (h: CandidateHeader) => cellText(value(h));
  const when = value('Waktu Verifikasi');
  const links: LinkCell[] = driveLinks(tab.header, values);
  return {
    id: text('ID'),
    name: text('Nama Lengkap'),
    village: text('Desa/Kelurahan'),
    district: text('Kecamatan'),
    regency: text('Kabupaten/Kota'),
    status: text('Status Administrasi'),
    maskedNik: maskNik(nikText(value('NIK')).cleaned),
    findings: parseNotes(text('Catatan Validasi')),
    checklist: documentChecklist(requiredDocuments(settings), text('Kelengkapan Berkas')),
    links,
    decision: text('Keputusan Verifikator').toUpperCase(),
    reason: text('Alasan Verifikator'),
    verifiedBy: text('Diverifikasi Oleh'),
    verifiedAt: when instanceof Date ? formatWallTime(when, offset) : cellText(when),
    stamp: verificationStamp(value('Diverifikasi Oleh'), when),
  };
}

// ---- RPC -------------------------------------------------------------------------------------

/** RPC: the verifier and the queue, read once when the desk opens. */
export function deskQueue(request?: unknown): DeskQueue {
  const ss = activeSpreadsheet();
  const ctx = actionContext(ss);
  const lang = requestLang(request, ctx.lang);
  const base: DeskQueue = {
    lang,
    timeZone: timeZoneOf(ss),
    status: 'refused',
    message: '',
    verifier: null,
    documents: [],
    items: [],
  };
  if (!QueueRequest.safeParse(request).success) return { ...base, message: pick(BAD_REQUEST, lang) };
  const { settings } = settingsOf(ctx);
  const who = verifier(lang);
  const documents = requiredDocuments(settings);
  if (!who) return { ...base, status: 'name', message: pick(NEED_NAME, lang), documents };
  const tab = candidateTab(ss);
  const columns: CandidateHeader[] = [
    'ID',
    'Status Administrasi',
    'Kabupaten/Kota',
    'Desa/Kelurahan',
    'Waktu Verifikasi',
  ];
  const at = columns.map((h) => tab.map.index.get(h));
  const last = tab.sheet.getLastRow();
  const read = readColumns(
    tab.sheet,
    at.filter((i): i is number => i !== undefined),
    2,
    last,
  );
  const column = (k: number) => (at[k] === undefined ? [] : (read.get(at[k] as number) ?? []));
  const [ids, statuses, regencies, villages, times] = columns.map((_, k) => column(k));
  const items: QueueItem[] = [];
  ids.forEach((v, i) => {
    const id = cellText(v);
    if (!id) return;
    items.push({
      id,
      status: cellText(statuses[i]),
      regency: cellText(regencies[i]),
      village: cellText(villages[i]),
      checked: cellText(times[i]) !== '',
    });
  });
  return { ...base, status: 'ok', verifier: who, documents, items };
}

/** RPC: a verifier Google does not name types their name once. */
export function deskSetName(request: unknown): DeskQueue {
  const ss = activeSpreadsheet();
  const parsed = NameRequest.safeParse(request);
  const lang = requestLang(request, actionContext(ss).lang);
  if (!parsed.success) throw new PlainMessage(pick(BAD_REQUEST, lang));
  const name = parsed.data.name.replace(/\s+/g, ' ').trim();
  if (!name) throw new PlainMessage(pick(NAME_EMPTY, lang));
  PropertiesService.getUserProperties().setProperty(NAME_KEY, name);
  return deskQueue({ lang });
}

/** RPC: one candidate, that row only. */
export function deskCandidate(request: unknown): DeskCandidate {
  const ss = activeSpreadsheet();
  const ctx = actionContext(ss);
  const parsed = CandidateRequest.safeParse(request);
  if (!parsed.success) throw new PlainMessage(pick(BAD_REQUEST, requestLang(request, ctx.lang)));
  const { settings, offset } = settingsOf(ctx);
  const tab = candidateTab(ss);
  return candidateView(tab, rowOf(tab, parsed.data.id).values, settings, offset);
}

/** RPC: the full NIK, as the sheet shows it; the reveal is logged with who and when. */
export function deskRevealNik(request: unknown): string {
  const ss = activeSpreadsheet();
  const ctx = actionContext(ss);
  const parsed = CandidateRequest.safeParse(request);
  const lang = requestLang(request, ctx.lang);
  if (!parsed.success) throw new PlainMessage(pick(BAD_REQUEST, lang));
  const who = verifier(lang);
  if (!who) throw new PlainMessage(pick(NEED_NAME, lang));
  const tab = candidateTab(ss);
  const found = rowOf(tab, parsed.data.id);
  const nikAt = tab.map.index.get('NIK');
  if (nikAt === undefined) return '';
  // The displayed value: a NIK stored as a number would show its lost digits otherwise.
  const nik = tab.sheet.getRange(found.row(), nikAt + 1).getDisplayValue();
  appendLog(
    ss,
    lang === 'en' ? 'Full NIK revealed' : 'NIK lengkap dilihat',
    `${cellText(found.values[tab.map.index.get('ID') as number])} — ${who.label} (${menuLabel('openVerificationDesk', lang)})`,
  );
  return nik;
}

const LOCK_RETRY: Bilingual = {
  id: 'Penyimpanan tertunda karena orang lain sedang menyimpan. Isian Anda masih di formulir: tekan Simpan lagi.',
  en: 'Saving was held up because someone else is saving. Your entries are still in the form: press Save again.',
};

/** RPC: save one candidate's checklist and decision, under the lock; re-validate that row at once. */
export function deskSave(request: unknown): SaveResponse {
  const ss = activeSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new PlainMessage(pick(LOCK_RETRY, requestLang(request, actionContext(ss).lang)));
  try {
    // An edit queued while someone else held the lock is checked first.
    drainPendingEdits(ss);
    return saveLocked(ss, request);
  } finally {
    releaseQuietly(lock);
  }
}

/** The columns a save writes, created at the right end of Kandidat when missing. */
const SAVE_COLUMNS: CandidateHeader[] = [
  'Kelengkapan Berkas',
  'Keputusan Verifikator',
  'Alasan Verifikator',
  'Diverifikasi Oleh',
  'Waktu Verifikasi',
];

function saveLocked(ss: Spreadsheet, request: unknown): SaveResponse {
  const ctx = actionContext(ss);
  const lang = requestLang(request, ctx.lang);
  const parsed = SaveRequest.safeParse(request);
  if (!parsed.success) return { ok: false, field: null, message: pick(BAD_REQUEST, lang) };
  const input = parsed.data;
  const reason = input.reason.replace(/\s+/g, ' ').trim();
  if (input.decision && !reason)
    return {
      ok: false,
      field: 'reason',
      message: pick(
        {
          id: `Keputusan ${input.decision} perlu alasan. Pilih alasan dari daftar atau tulis sendiri.`,
          en: `A ${input.decision} decision needs a reason. Pick one from the list or write your own.`,
        },
        lang,
      ),
    };
  const who = verifier(lang);
  if (!who) return { ok: false, field: null, message: pick(NEED_NAME, lang) };
  const { settings, offset } = settingsOf(ctx);
  const required = requiredDocuments(settings);
  const chosen = new Map(Object.entries(input.documents).map(([name, state]) => [matchKey(name), state]));
  const checklist: DocumentEntry[] = required.map((name) => ({
    name,
    state: chosen.get(matchKey(name)) ?? 'Belum dicek',
  }));
  const missing = checklist.filter((d) => d.state === 'Tidak ada').map((d) => d.name);
  if (input.decision === 'MS' && missing.length)
    return {
      ok: false,
      field: 'decision',
      message: pick(
        {
          id: `${missing.join(', ')} ditandai Tidak ada, jadi keputusan MS tidak bisa disimpan. Ubah checklist bila berkasnya ada, atau pilih TMS.`,
          en: `${missing.join(', ')} is marked Tidak ada (missing), so an MS decision cannot be saved. Change the checklist if the document is there, or choose TMS.`,
        },
        lang,
      ),
    };

  // The columns the live check needs (ID, NIK, phone) are read first: the ID column also finds the row.
  const tab = candidateTab(ss);
  const last = tab.sheet.getLastRow();
  const keys = readKeyColumns(tab.sheet, tab.map.index, last);
  const row = rowInColumn(keys.get(tab.map.index.get('ID') as number) ?? [], input.id);
  const range = tab.sheet.getRange(row, 1, 1, tab.header.length);
  const values = (range.getValues() as Grid)[0];
  const current = candidateView(tab, values, settings, offset);
  if (current.stamp !== input.stamp) {
    const by = current.verifiedBy || pick({ id: 'orang lain', en: 'someone else' }, lang);
    const at = current.verifiedAt || '?';
    return {
      ok: false,
      field: null,
      message: pick(
        {
          id: `Tidak disimpan: ${current.id} sudah diperiksa oleh ${by} pada ${at}, setelah Anda membukanya. Isian saat ini ditampilkan di bawah; isian Anda masih di formulir. Simpan lagi hanya bila Anda memang ingin menggantinya.`,
          en: `Not saved: ${current.id} was checked by ${by} at ${at}, after you opened it. The current entries are shown below; yours are still in the form. Save again only if you mean to replace them.`,
        },
        lang,
      ),
      conflict: current,
    };
  }

  // Documents the cell lists that are no longer in Berkas wajib are kept, after the required ones.
  const requiredKeys = new Set(required.map(matchKey));
  const kept = parseDocuments(cellText(values[tab.map.index.get('Kelengkapan Berkas') ?? -1] ?? '')).filter(
    (e) => !requiredKeys.has(matchKey(e.name)),
  );
  const documentsCell = formatDocuments([...checklist, ...kept]);
  const index = ensureOutputColumns(tab.sheet, tab.map.index, tab.header.length, SAVE_COLUMNS);
  const now = stampSeconds(new Date());
  const col = (h: CandidateHeader) => index.get(h) as number;
  // This save's cells, as written and as they then read.
  const cells: Array<[CandidateHeader, CellValue, CellValue]> = [
    ['Kelengkapan Berkas', asText(documentsCell), documentsCell],
    ['Keputusan Verifikator', input.decision, input.decision],
    ['Alasan Verifikator', input.decision ? asText(reason) : '', input.decision ? reason : ''],
    ['Diverifikasi Oleh', asText(who.label), who.label],
    ['Waktu Verifikasi', now, now],
  ];
  const writes = cells.map(([h, written]) => ({ column: col(h), values: [written] }));
  // The row as it is about to be: what was read with this save's cells put in. The rules show only
  // the NIK, phone and birth date cells as displayed, and the save writes none of them.
  let after: CellValue[] = [...values];
  for (const [h, , reads] of cells) after[col(h)] = reads;
  let outcome: RowOutcome | undefined;
  if (index.size === tab.map.index.size) {
    // The live check's own path on this row, with what was read here: the status follows the
    // checklist and the decision at once, written with this save's cells in the same calls.
    const display = range.getDisplayValues()[0];
    for (const [h, , reads] of cells) display[col(h)] = cellText(reads);
    const shared = { header: tab.header, last, keys, rows: { range, values: [after], display: [display], writes } };
    outcome = validateEditedRows(ctx, tab.sheet, row, row, shared)?.[0];
    if (!outcome) writeColumns(tab.sheet, row, writes);
  } else {
    // Columns were just added: the row is written, then checked as an edit is.
    writeColumns(tab.sheet, row, writes);
    outcome = validateEditedRows(ctx, tab.sheet, row, row)?.[0];
  }
  markReportsStale(ss, CANDIDATES_TAB.name);
  const map = { ...tab.map, index: index as Map<CandidateHeader, number> };
  const header = [...tab.header];
  index.forEach((i, h) => (header[i] = header[i] || h));
  const statusAt = index.get('Status Administrasi');
  const notesAt = index.get('Catatan Validasi');
  if (outcome && statusAt !== undefined && notesAt !== undefined) {
    // The row as now written: this save's cells, and the live check's status and notes.
    after[statusAt] = outcome.status;
    after[notesAt] = notesText(outcome.findings, ctx.lang);
  } else {
    // The live check could not run (a column it needs is missing): show what the row holds.
    after = tab.sheet.getRange(row, 1, 1, header.length).getValues()[0] as CellValue[];
  }
  const saved = candidateView({ ...tab, header, map }, after, settings, offset);
  appendLog(
    ss,
    menuLabel('openVerificationDesk', lang),
    `${saved.id} — ${who.label}: ${lang === 'en' ? 'documents' : 'berkas'} "${documentsCell || '-'}"; ${
      lang === 'en' ? 'decision' : 'keputusan'
    } ${input.decision ? `${input.decision} — ${reason}` : '-'}; Status Administrasi ${current.status || '-'} → ${saved.status || '-'}`,
  );
  return {
    ok: true,
    candidate: saved,
    message: pick(
      {
        id: `${saved.id} tersimpan pukul ${saved.verifiedAt.slice(11, 16)}: status ${saved.status}.`,
        en: `${saved.id} saved at ${saved.verifiedAt.slice(11, 16)}: status ${saved.status}.`,
      },
      lang,
    ),
  };
}
