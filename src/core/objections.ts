/**
 * Objections (sanggah) to the administrative result, as Proses sanggah judges them. Staff type the
 * objections on `Sanggah`; every run checks every row again from what the rows say now and decides
 * the add-on's three columns (`Status Sanggah`, `Diputuskan Oleh`, `Waktu Keputusan`), never the
 * user's cells. The rules, in the order they are applied to a row:
 *  1. the required cells are filled in (else `Menunggu`, reported);
 *  2. the ID is on `Kandidat` and the name matches it, ignoring case, spaces and punctuation (else `Tidak sah`);
 *  3. the candidate was `TMS` or `Perlu Cek` on the administrative announcement (else `Tidak sah`);
 *  4. `Tanggal Masuk` is a readable date, not after today (else `Menunggu`, reported), inside the
 *     objection window (`Terlambat` after it, which can never be accepted; `Tidak sah` before it);
 *  5. at most `Sanggah per kandidat` objections per candidate, earliest first (a further one is
 *     `Tidak sah`, naming the row of the first);
 *  6. a decision (`Diterima` / `Ditolak`) with a reason (a decision without one stays `Menunggu`, reported).
 * Pure: the shell reads the tabs and writes the outcome.
 */
import { type CalendarDate, compareDates, formatLongDate, parseDateCell } from './dates';
import { type HeaderMap, type RowRecord, matchHeaders, rowRecord } from './headers';
import { type ObjectionWindow, isInsideWindow } from './objectionWindow';
import { OBJECTIONS_TAB, type ObjectionHeader } from './schema';
import { cellText, matchKey, quote } from './text';
import type { Bilingual, CellValue, Grid } from './types';
import { OBJECTION_STATUSES } from './vocab';

export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
type Decision = 'Diterima' | 'Ditolak';

/** Statuses that are a decision (someone, or a rule, decided): they carry who and when. */
const DECIDED: ReadonlySet<string> = new Set<ObjectionStatus>(['Diterima', 'Ditolak', 'Terlambat', 'Tidak sah']);

/** The user's columns of `Sanggah` (everything but the add-on's three). */
const USER_COLUMNS = OBJECTIONS_TAB.columns.filter((c) => !c.output).map((c) => c.header);
const REQUIRED = OBJECTIONS_TAB.columns.filter((c) => c.required).map((c) => c.header);

/** How an ID is compared between `Sanggah`, `Kandidat` and the announcement: case and spaces do not matter. */
export function objectionKey(id: string): string {
  return id.toUpperCase().replace(/\s+/g, '');
}

/** Names compare forgivingly: case, accents, spaces and punctuation do not matter ("Nur'aini" = "NUR AINI"). */
export function sameName(a: string, b: string): boolean {
  const x = matchKey(a);
  return x !== '' && x === matchKey(b);
}

const DECISION_WORDS: Record<string, Decision> = {
  diterima: 'Diterima',
  terima: 'Diterima',
  accepted: 'Diterima',
  accept: 'Diterima',
  ditolak: 'Ditolak',
  tolak: 'Ditolak',
  rejected: 'Ditolak',
  reject: 'Ditolak',
};

function decisionOf(text: string): Decision | undefined {
  return DECISION_WORDS[matchKey(text)];
}

/** A candidate as Proses sanggah needs it from `Kandidat`. */
export interface KnownCandidate {
  name: string;
  sheetRow: number;
}

export interface ObjectionInput {
  /** `Sanggah` as read (header row first), with its display values and formulas when known. */
  values: Grid;
  display?: string[][];
  formulas?: string[][];
  /** `Kandidat` by `objectionKey(ID)` (the first row of an ID typed twice). */
  candidates: ReadonlyMap<string, KnownCandidate>;
  /** What the administrative announcement said, by `objectionKey(ID)`. */
  announced: ReadonlyMap<string, string>;
  window: ObjectionWindow;
  perCandidate: number;
  today: CalendarDate;
  offsetMinutes: number;
  /** Who runs it (an email, or a placeholder when Google gives none) and when. */
  user: string;
  now: Date;
}

export interface ObjectionOutcome {
  sheetRow: number;
  blank: boolean;
  id: string;
  name: string;
  status: ObjectionStatus | '';
  decidedBy: CellValue;
  decidedAt: CellValue;
  /** The status was recorded or changed by this run (a decision to log). */
  changed: boolean;
  previous: string;
  reason: string;
  /** What is wrong with the row, each saying how to fix it (no row number: the caller prefixes it). */
  problems: Bilingual[];
}

export type ObjectionResult =
  | { ok: true; map: HeaderMap<ObjectionHeader>; rows: ObjectionOutcome[] }
  | { ok: false; map: HeaderMap<ObjectionHeader> };

interface Draft {
  record: RowRecord<ObjectionHeader>;
  id: string;
  key: string;
  date?: CalendarDate;
  status?: ObjectionStatus;
  problems: Bilingual[];
}

export function processObjections(input: ObjectionInput): ObjectionResult {
  const map = matchHeaders(OBJECTIONS_TAB, input.values[0] ?? []);
  if (map.missing.length > 0) return { ok: false, map };
  const drafts: Draft[] = input.values.slice(1).map((row, i) => {
    const record = rowRecord(map, i + 2, row, input.display?.[i + 1]);
    const id = record.text('ID Kandidat');
    return { record, id, key: objectionKey(id), problems: [] };
  });
  const live = drafts.filter((d) => !isBlank(d.record));
  for (const d of live) {
    formulaProblems(d, map, input.formulas?.[d.record.sheetRow - 1]);
    checkRow(d, input);
  }
  limitPerCandidate(
    live.filter((d) => d.status === undefined),
    input.perCandidate,
  );
  for (const d of live) if (d.status === undefined) decide(d);
  const rows = drafts.map((d) => outcome(d, input));
  return { ok: true, map, rows };
}

function isBlank(record: RowRecord<ObjectionHeader>): boolean {
  return USER_COLUMNS.every((h) => record.text(h) === '');
}

/** A user cell holding a formula: Sheets computes it, so what the add-on reads may not be what was meant. */
function formulaProblems(d: Draft, map: HeaderMap<ObjectionHeader>, formulas: string[] | undefined): void {
  if (!formulas) return;
  for (const header of USER_COLUMNS) {
    const at = map.index.get(header);
    if (at === undefined || !formulas[at]) continue;
    d.problems.push({
      id: `kolom ${header} berisi rumus (${quote(formulas[at], 40)}), bukan teks; add-on membaca hasilnya. Ketik isinya sebagai teks (awali dengan tanda ' bila dimulai dengan =).`,
      en: `the ${header} column holds a formula (${quote(formulas[at], 40)}), not text; the add-on reads its result. Type the content as text (start it with ' if it begins with =).`,
    });
  }
}

/** Rules 1–4: everything that does not depend on the other rows. */
function checkRow(d: Draft, input: ObjectionInput): void {
  const { record } = d;
  const missing = REQUIRED.filter((h) => record.text(h) === '');
  if (missing.length) {
    d.status = 'Menunggu';
    d.problems.push({
      id: `kolom ${missing.join(', ')} kosong. Lengkapi baris ini.`,
      en: `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty. Complete this row.`,
    });
    return;
  }
  const candidate = input.candidates.get(d.key);
  if (!candidate) {
    d.status = 'Tidak sah';
    d.problems.push({
      id: `ID Kandidat ${quote(d.id, 30)} tidak ada di tab Kandidat. Periksa ID pada bukti pendaftaran kandidat.`,
      en: `Candidate ID ${quote(d.id, 30)} is not on the Kandidat tab. Check the ID on the candidate's registration receipt.`,
    });
    return;
  }
  const name = record.text('Nama');
  if (!sameName(name, candidate.name)) {
    d.status = 'Tidak sah';
    d.problems.push({
      id: `nama ${quote(name, 40)} tidak sama dengan nama kandidat ${d.id} di tab Kandidat (baris ${candidate.sheetRow}). Periksa ID dan nama penyanggah.`,
      en: `the name ${quote(name, 40)} does not match candidate ${d.id}'s name on the Kandidat tab (row ${candidate.sheetRow}). Check the objector's ID and name.`,
    });
    return;
  }
  const announced = input.announced.get(d.key);
  if (announced !== 'TMS' && announced !== 'Perlu Cek') {
    d.status = 'Tidak sah';
    d.problems.push(
      announced === undefined
        ? {
            id: `kandidat ${d.id} tidak ada di pengumuman hasil administrasi, jadi tidak ada hasil yang dapat disanggah.`,
            en: `candidate ${d.id} is not on the administrative announcement, so there is no result to object to.`,
          }
        : {
            id: `kandidat ${d.id} diumumkan ${quote(announced, 20)}; hanya kandidat TMS atau Perlu Cek yang dapat menyanggah.`,
            en: `candidate ${d.id} was announced ${quote(announced, 20)}; only TMS or Perlu Cek candidates may object.`,
          },
    );
    return;
  }
  const parsed = parseDateCell(record.value('Tanggal Masuk'), input.offsetMinutes);
  if (!parsed.ok) {
    d.status = 'Menunggu';
    d.problems.push({
      id: `Tanggal Masuk ${quote(record.shown('Tanggal Masuk'), 30)} tidak terbaca sebagai tanggal. Tulis tanggalnya, mis. 29/11/2019.`,
      en: `Tanggal Masuk ${quote(record.shown('Tanggal Masuk'), 30)} cannot be read as a date. Write the date, e.g. 29/11/2019.`,
    });
    return;
  }
  d.date = parsed.date;
  if (compareDates(parsed.date, input.today) > 0) {
    d.status = 'Menunggu';
    d.problems.push({
      id: `Tanggal Masuk ${formatLongDate(parsed.date, 'id')} belum tiba (hari ini ${formatLongDate(input.today, 'id')}). Perbaiki tanggalnya.`,
      en: `Tanggal Masuk ${formatLongDate(parsed.date, 'en')} is in the future (today is ${formatLongDate(input.today, 'en')}). Correct the date.`,
    });
    return;
  }
  if (isInsideWindow(input.window, parsed.date)) return;
  const late = compareDates(parsed.date, input.window.last) > 0;
  d.status = late ? 'Terlambat' : 'Tidak sah';
  const last = input.window.last;
  const first = input.window.first;
  d.problems.push(
    late
      ? {
          id: `sanggahan masuk ${formatLongDate(parsed.date, 'id')}, setelah masa sanggah berakhir (${formatLongDate(last, 'id')}); sanggahan terlambat tidak dapat diterima.`,
          en: `the objection arrived on ${formatLongDate(parsed.date, 'en')}, after the objection period ended (${formatLongDate(last, 'en')}); a late objection cannot be accepted.`,
        }
      : {
          id: `sanggahan masuk ${formatLongDate(parsed.date, 'id')}, sebelum masa sanggah dimulai (${formatLongDate(first, 'id')}). Periksa Tanggal Masuk.`,
          en: `the objection arrived on ${formatLongDate(parsed.date, 'en')}, before the objection period began (${formatLongDate(first, 'en')}). Check Tanggal Masuk.`,
        },
  );
}

/** Rule 5: per candidate, the earliest `limit` admissible objections count; any further one is Tidak sah. */
function limitPerCandidate(drafts: Draft[], limit: number): void {
  const byCandidate = new Map<string, Draft[]>();
  for (const d of drafts) byCandidate.set(d.key, [...(byCandidate.get(d.key) ?? []), d]);
  for (const list of byCandidate.values()) {
    list.sort(
      (a, b) => compareDates(a.date as CalendarDate, b.date as CalendarDate) || a.record.sheetRow - b.record.sheetRow,
    );
    const counted = list.slice(0, limit).map((d) => d.record.sheetRow);
    for (const d of list.slice(limit)) {
      d.status = 'Tidak sah';
      const rows = counted.join(', ');
      d.problems.push({
        id: `kandidat ${d.id} sudah menyanggah di baris ${rows}; satu kandidat hanya boleh ${limit} sanggahan (pengaturan Sanggah per kandidat).`,
        en: `candidate ${d.id} already objected on row ${rows}; a candidate may file only ${limit} objection${limit > 1 ? 's' : ''} (setting Sanggah per kandidat).`,
      });
    }
  }
}

/** Rule 6 for an admissible objection, and a word on a decision typed on an inadmissible one. */
function decide(d: Draft): void {
  const typed = d.record.text('Keputusan');
  const decision = decisionOf(typed);
  if (typed === '') {
    d.status = 'Menunggu';
    return;
  }
  if (!decision) {
    d.status = 'Menunggu';
    d.problems.push({
      id: `Keputusan ${quote(typed, 30)} tidak dikenali. Tulis Diterima atau Ditolak.`,
      en: `Keputusan ${quote(typed, 30)} is not recognised. Write Diterima (accepted) or Ditolak (rejected).`,
    });
    return;
  }
  if (d.record.text('Alasan Keputusan') === '') {
    d.status = 'Menunggu';
    d.problems.push({
      id: `Keputusan ${decision} tanpa alasan belum berlaku. Isi kolom Alasan Keputusan.`,
      en: `The decision ${decision} has no reason, so it does not apply yet. Fill in Alasan Keputusan.`,
    });
    return;
  }
  d.status = decision;
}

function outcome(d: Draft, input: ObjectionInput): ObjectionOutcome {
  const { record } = d;
  const previous = record.text('Status Sanggah');
  const base = { sheetRow: record.sheetRow, id: d.id, name: record.text('Nama'), previous };
  if (d.status === undefined)
    return { ...base, blank: true, status: '', decidedBy: '', decidedAt: '', changed: false, reason: '', problems: [] };
  const status = d.status;
  const problems = [...d.problems];
  const typed = record.text('Keputusan');
  if (typed !== '' && status !== 'Menunggu' && status !== 'Diterima' && status !== 'Ditolak')
    problems.push({
      id: `Keputusan ${quote(typed, 30)} diabaikan karena sanggahan ini ${status}.`,
      en: `The decision ${quote(typed, 30)} is ignored because this objection is ${status}.`,
    });
  const reason = status === 'Diterima' || status === 'Ditolak' ? record.text('Alasan Keputusan') : '';
  if (!DECIDED.has(status))
    return {
      ...base,
      blank: false,
      status,
      decidedBy: '',
      decidedAt: '',
      changed: DECIDED.has(previous),
      reason,
      problems,
    };
  const kept = previous === status && cellText(record.value('Waktu Keputusan')) !== '';
  return {
    ...base,
    blank: false,
    status,
    decidedBy: kept ? record.value('Diputuskan Oleh') : input.user,
    decidedAt: kept ? record.value('Waktu Keputusan') : input.now,
    changed: !kept,
    reason,
    problems,
  };
}

/** Counts per status (blank rows left out). */
export function countObjections(rows: readonly ObjectionOutcome[]): Record<ObjectionStatus, number> {
  const counts = Object.fromEntries(OBJECTION_STATUSES.map((s) => [s, 0])) as Record<ObjectionStatus, number>;
  for (const r of rows) if (r.status !== '') counts[r.status]++;
  return counts;
}

/**
 * The objections accepted by Proses sanggah and still standing, by `objectionKey(ID)` → the reason:
 * `Status Sanggah` says Diterima, `Keputusan` still says Diterima and the reason is still there.
 * A row edited since (decision changed or reason cleared) no longer counts until it is processed again.
 */
export function acceptedObjections(values: Grid | undefined): Map<string, string> {
  const accepted = new Map<string, string>();
  if (!values || values.length < 2) return accepted;
  const map = matchHeaders(OBJECTIONS_TAB, values[0]);
  const at = (h: ObjectionHeader) => map.index.get(h);
  const [id, status, decision, reason] = [
    at('ID Kandidat'),
    at('Status Sanggah'),
    at('Keputusan'),
    at('Alasan Keputusan'),
  ];
  if (id === undefined || status === undefined || decision === undefined || reason === undefined) return accepted;
  for (const row of values.slice(1)) {
    const why = cellText(row[reason]);
    if (cellText(row[status]) !== 'Diterima' || decisionOf(cellText(row[decision])) !== 'Diterima' || !why) continue;
    const key = objectionKey(cellText(row[id]));
    if (key && !accepted.has(key)) accepted.set(key, why);
  }
  return accepted;
}

/** The status of every objection row by `objectionKey(ID)`, as written on `Sanggah` (for `Rekap Seleksi`). */
export function writtenStatuses(values: Grid | undefined): Array<{ key: string; status: string }> {
  if (!values || values.length < 2) return [];
  const map = matchHeaders(OBJECTIONS_TAB, values[0]);
  return values.slice(1).flatMap((row, i) => {
    const record = rowRecord(map, i + 2, row);
    if (isBlank(record)) return [];
    return [{ key: objectionKey(record.text('ID Kandidat')), status: record.text('Status Sanggah') }];
  });
}
