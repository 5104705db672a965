/**
 * Sessions (`Sesi`) and participants (`Peserta`), read into plain records with every problem
 * reported by row. A bad row is skipped with its reason; the other sessions still get their
 * attendance sheets.
 */
import { type CalendarDate, parseDateCell } from './dates';
import { matchHeaders, rowRecord } from './headers';
import { PARTICIPANTS_TAB, SESSIONS_TAB } from './schema';
import { cellText, matchKey } from './text';
import type { Bilingual, CellValue, Grid } from './types';
import { TIME_ZONES, UNSUR } from './vocab';
import { parseSex } from './validation/rules';

export interface Session {
  sheetRow: number;
  code: string;
  name: string;
  date: CalendarDate;
  /** "19.00" */
  start: string;
  /** "21.30", or '' for "selesai" / blank. */
  end: string;
  zone: string;
  venue: string;
  village: string;
  district: string;
  regency: string;
  province: string;
  facilitator: string;
}

export interface Participant {
  sheetRow: number;
  code: string;
  name: string;
  sex: 'L' | 'P' | '';
  unsur: (typeof UNSUR)[number];
  position: string;
  institution: string;
  phone: CellValue;
  phoneShown: string;
  candidateId: string;
}

export interface RowProblem {
  tab: string;
  row: number;
  message: Bilingual;
}

/**
 * A clock time from a cell: "19.00", "19:00", "8:00", or the display text of a time cell
 * ("19.00.00"). Time cells are read from their display text: their Date value is shifted by the
 * 1899 local-mean-time offset in zones like Asia/Makassar (19:00 reads as 18:58).
 */
export function parseClock(shown: string): string | undefined {
  const m = /^(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?$/.exec(shown.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}.${m[2]}`;
}

const OPEN_END = new Set(['selesai', 'sampaiselesai', 'sd selesai', 'done', 'end', 'finish']);

export function parseSessions(values: Grid | undefined, display: string[][] | undefined, offsetMinutes: number): { sessions: Session[]; problems: RowProblem[] } {
  const sessions: Session[] = [];
  const problems: RowProblem[] = [];
  if (!values || values.length < 2) return { sessions, problems };
  const map = matchHeaders(SESSIONS_TAB, values[0]);
  const seen = new Map<string, number>();
  values.slice(1).forEach((row, i) => {
    const sheetRow = i + 2;
    if (row.every((c) => cellText(c) === '')) return;
    const r = rowRecord(map, sheetRow, row, display?.[i + 1]);
    const problem = (id: string, en: string) => problems.push({ tab: SESSIONS_TAB.name, row: sheetRow, message: { id: `Tab Sesi baris ${sheetRow}: ${id}`, en: `Sesi tab row ${sheetRow}: ${en}` } });
    const code = r.text('Kode Sesi');
    if (!code) return problem('Kode Sesi kosong. Isi kode singkat, misalnya TLT-FGD1.', 'Kode Sesi is empty. Write a short code such as TLT-FGD1.');
    const key = code.toUpperCase();
    if (seen.has(key)) return problem(`Kode Sesi ${code} sudah dipakai di baris ${seen.get(key)}. Setiap sesi perlu kode sendiri; sesi ini dilewati.`, `Kode Sesi ${code} is already used on row ${seen.get(key)}. Each session needs its own code; this one was skipped.`);
    seen.set(key, sheetRow);
    const date = parseDateCell(r.value('Tanggal'), offsetMinutes);
    if (!date.ok) return problem(`tanggal "${r.shown('Tanggal')}" sesi ${code} tidak terbaca. Tulis seperti 27/11/2019 atau 27 November 2019.`, `the date "${r.shown('Tanggal')}" of session ${code} cannot be read. Write it like 27/11/2019 or 27 November 2019.`);
    const start = parseClock(r.shown('Jam Mulai'));
    if (!start) return problem(`Jam Mulai "${r.shown('Jam Mulai')}" sesi ${code} tidak terbaca. Tulis seperti 08.00 atau 19:30.`, `Jam Mulai "${r.shown('Jam Mulai')}" of session ${code} cannot be read. Write it like 08.00 or 19:30.`);
    const endText = r.shown('Jam Selesai');
    const end = endText === '' || OPEN_END.has(matchKey(endText)) || OPEN_END.has(endText.trim().toLowerCase()) ? '' : parseClock(endText);
    if (end === undefined) return problem(`Jam Selesai "${endText}" sesi ${code} tidak terbaca. Tulis seperti 12.00, atau "selesai".`, `Jam Selesai "${endText}" of session ${code} cannot be read. Write it like 12.00, or "selesai".`);
    const zone = r.text('Zona Waktu').toUpperCase();
    if (!(TIME_ZONES as readonly string[]).includes(zone)) return problem(`Zona Waktu "${r.text('Zona Waktu')}" sesi ${code} harus WIB, WITA atau WIT.`, `Zona Waktu "${r.text('Zona Waktu')}" of session ${code} must be WIB, WITA or WIT.`);
    sessions.push({
      sheetRow, code, name: r.text('Nama Kegiatan'), date: date.date, start, end, zone, venue: r.text('Tempat'),
      village: r.text('Desa/Kelurahan'), district: r.text('Kecamatan'), regency: r.text('Kabupaten/Kota'), province: r.text('Provinsi'), facilitator: r.text('Fasilitator'),
    });
  });
  return { sessions, problems };
}

function unsurOf(text: string): (typeof UNSUR)[number] | undefined {
  const key = matchKey(text);
  return UNSUR.find((u) => matchKey(u) === key);
}

/** Same person in a session: same candidate ID, or same name and institution. */
export function participantKey(p: Pick<Participant, 'name' | 'institution' | 'candidateId'>): string {
  return p.candidateId ? `id:${p.candidateId.toUpperCase()}` : `nm:${matchKey(p.name)}|${matchKey(p.institution)}`;
}

export function parseParticipants(values: Grid | undefined, display: string[][] | undefined, sessionCodes: ReadonlySet<string>): { participants: Participant[]; problems: RowProblem[] } {
  const participants: Participant[] = [];
  const problems: RowProblem[] = [];
  if (!values || values.length < 2) return { participants, problems };
  const map = matchHeaders(PARTICIPANTS_TAB, values[0]);
  const seen = new Map<string, number>();
  values.slice(1).forEach((row, i) => {
    const sheetRow = i + 2;
    if (row.every((c) => cellText(c) === '')) return;
    const r = rowRecord(map, sheetRow, row, display?.[i + 1]);
    const problem = (id: string, en: string) => problems.push({ tab: PARTICIPANTS_TAB.name, row: sheetRow, message: { id: `Tab Peserta baris ${sheetRow}: ${id}`, en: `Peserta tab row ${sheetRow}: ${en}` } });
    const code = r.text('Kode Sesi');
    const name = r.text('Nama');
    if (!name) return problem('Nama kosong; baris dilewati.', 'Nama is empty; the row was skipped.');
    if (!sessionCodes.has(code.toUpperCase())) return problem(`Kode Sesi "${code}" tidak ada di tab Sesi. Perbaiki kodenya; ${name} belum masuk daftar hadir.`, `Kode Sesi "${code}" is not on the Sesi tab. Fix the code; ${name} is not on any attendance sheet yet.`);
    const unsurText = r.text('Unsur');
    const unsur = unsurOf(unsurText);
    if (!unsur) problem(`Unsur "${unsurText}" tidak dikenal; ${name} dicatat sebagai Lainnya. Pilihan: ${UNSUR.join(', ')}.`, `Unsur "${unsurText}" is not known; ${name} is listed under Lainnya. Choices: ${UNSUR.join(', ')}.`);
    const p: Participant = {
      sheetRow, code: code.toUpperCase(), name, sex: parseSex(r.text('Jenis Kelamin')) ?? '', unsur: unsur ?? 'Lainnya',
      position: r.text('Jabatan'), institution: r.text('Instansi/Asal'), phone: r.value('No. HP'), phoneShown: r.shown('No. HP'), candidateId: r.text('ID Kandidat'),
    };
    const key = `${p.code}|${participantKey(p)}`;
    if (seen.has(key)) return problem(`${name} sudah terdaftar di sesi ${code} pada baris ${seen.get(key)}; baris ganda ini dilewati.`, `${name} is already listed for session ${code} on row ${seen.get(key)}; this duplicate was skipped.`);
    seen.set(key, sheetRow);
    participants.push(p);
  });
  return { participants, problems };
}
