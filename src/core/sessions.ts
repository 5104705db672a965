/**
 * Sessions (`Sesi`) and participants (`Peserta`), read into plain records with every problem
 * reported by row. A bad row is skipped with its reason; the other sessions still get their
 * attendance sheets.
 */
import { type CalendarDate, parseDateCell } from './dates';
import { matchHeaders, rowRecord } from './headers';
import { PARTICIPANTS_TAB, type ParticipantHeader, SESSIONS_TAB } from './schema';
import { cellText, clip, matchKey, quote } from './text';
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
  /** Where the sheet is signed; '' = the Signing city setting. */
  signingCity: string;
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
  // A time cell formatted with its date shows "30/12/1899 19.00.00": the clock is the part after the date.
  const m = /^(?:\d{1,4}[/-]\d{1,2}[/-]\d{1,4}[ T]+)?(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?$/.exec(shown.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}.${m[2]}`;
}

const OPEN_END = new Set(['selesai', 'sampaiselesai', 'sd selesai', 'done', 'end', 'finish']);

/**
 * One row of an input tab, read by `read`; a row the reader cannot handle (a value nobody foresaw)
 * becomes a problem line naming the tab and row, and every other row is read as usual.
 */
function eachRow(
  values: Grid,
  tab: { name: string; id: string; en: string },
  read: (row: readonly CellValue[], i: number, sheetRow: number) => void,
  problems: RowProblem[],
): void {
  values.slice(1).forEach((row, i) => {
    const sheetRow = i + 2;
    if (row.every((c) => cellText(c) === '')) return;
    try {
      read(row, i, sheetRow);
    } catch {
      problems.push({
        tab: tab.name,
        row: sheetRow,
        message: {
          id: `${tab.id} baris ${sheetRow} tidak dapat dibaca otomatis; baris ini dilewati. Periksa isi tiap kolomnya.`,
          en: `${tab.en} row ${sheetRow} could not be read automatically and was skipped. Check each of its cells.`,
        },
      });
    }
  });
}

export function parseSessions(
  values: Grid | undefined,
  display: string[][] | undefined,
  offsetMinutes: number,
): { sessions: Session[]; problems: RowProblem[]; unreadable: Set<string> } {
  const sessions: Session[] = [];
  const problems: RowProblem[] = [];
  /** Codes of sessions that have a problem line: their participants are not reported again. */
  const unreadable = new Set<string>();
  if (!values || values.length < 2) return { sessions, problems, unreadable };
  const map = matchHeaders(SESSIONS_TAB, values[0]);
  const seen = new Map<string, number>();
  eachRow(
    values,
    { name: SESSIONS_TAB.name, id: 'Tab Sesi', en: 'Sesi tab' },
    (row, i, sheetRow) => {
      const r = rowRecord(map, sheetRow, row, display?.[i + 1]);
      const code = r.text('Kode Sesi');
      const problem = (id: string, en: string) => {
        if (code) unreadable.add(code.toUpperCase());
        problems.push({
          tab: SESSIONS_TAB.name,
          row: sheetRow,
          message: { id: `Tab Sesi baris ${sheetRow}: ${id}`, en: `Sesi tab row ${sheetRow}: ${en}` },
        });
      };
      if (!code)
        return problem(
          'Kode Sesi kosong. Isi kode singkat, misalnya TLT-FGD1.',
          'Kode Sesi is empty. Write a short code such as TLT-FGD1.',
        );
      const key = code.toUpperCase();
      if (seen.has(key))
        return problem(
          `Kode Sesi ${clip(code, 40)} sudah dipakai di baris ${seen.get(key)}. Setiap sesi perlu kode sendiri; sesi ini dilewati.`,
          `Kode Sesi ${clip(code, 40)} is already used on row ${seen.get(key)}. Each session needs its own code; this one was skipped.`,
        );
      seen.set(key, sheetRow);
      const date = parseDateCell(r.value('Tanggal'), offsetMinutes);
      if (!date.ok)
        return problem(
          `tanggal ${quote(r.shown('Tanggal'))} sesi ${clip(code, 40)} tidak terbaca. Tulis seperti 27/11/2019 atau 27 November 2019.`,
          `the date ${quote(r.shown('Tanggal'))} of session ${clip(code, 40)} cannot be read. Write it like 27/11/2019 or 27 November 2019.`,
        );
      const start = parseClock(r.shown('Jam Mulai'));
      if (!start)
        return problem(
          `Jam Mulai ${quote(r.shown('Jam Mulai'))} sesi ${clip(code, 40)} tidak terbaca. Tulis seperti 08.00 atau 19:30.`,
          `Jam Mulai ${quote(r.shown('Jam Mulai'))} of session ${clip(code, 40)} cannot be read. Write it like 08.00 or 19:30.`,
        );
      const endText = r.shown('Jam Selesai');
      const end =
        endText === '' || OPEN_END.has(matchKey(endText)) || OPEN_END.has(endText.trim().toLowerCase())
          ? ''
          : parseClock(endText);
      if (end === undefined)
        return problem(
          `Jam Selesai ${quote(endText)} sesi ${clip(code, 40)} tidak terbaca. Tulis seperti 12.00, atau "selesai".`,
          `Jam Selesai ${quote(endText)} of session ${clip(code, 40)} cannot be read. Write it like 12.00, or "selesai".`,
        );
      const zone = r.text('Zona Waktu').toUpperCase();
      if (!(TIME_ZONES as readonly string[]).includes(zone))
        return problem(
          `Zona Waktu ${quote(r.text('Zona Waktu'))} sesi ${clip(code, 40)} harus WIB, WITA atau WIT.`,
          `Zona Waktu ${quote(r.text('Zona Waktu'))} of session ${clip(code, 40)} must be WIB, WITA or WIT.`,
        );
      sessions.push({
        sheetRow,
        code,
        name: r.text('Nama Kegiatan'),
        date: date.date,
        start,
        end,
        zone,
        venue: r.text('Tempat'),
        village: r.text('Desa/Kelurahan'),
        district: r.text('Kecamatan'),
        regency: r.text('Kabupaten/Kota'),
        province: r.text('Provinsi'),
        facilitator: r.text('Fasilitator'),
        signingCity: r.text('Kota Penandatanganan'),
      });
    },
    problems,
  );
  for (const s of sessions) unreadable.delete(s.code.toUpperCase());
  return { sessions, problems, unreadable };
}

function unsurOf(text: string): (typeof UNSUR)[number] | undefined {
  const key = matchKey(text);
  return UNSUR.find((u) => matchKey(u) === key);
}

/** Same person in a session: same candidate ID, or same name and institution. */
export function participantKey(p: Pick<Participant, 'name' | 'institution' | 'candidateId'>): string {
  return p.candidateId ? `id:${p.candidateId.toUpperCase()}` : `nm:${matchKey(p.name)}|${matchKey(p.institution)}`;
}

/**
 * The one Peserta column parseParticipants reads as Sheets shows it (a phone number keeps the
 * leading zero and the spacing typed); its `display` rows need only this column.
 */
export const SHOWN_PARTICIPANT_COLUMN: ParticipantHeader = 'No. HP';

/**
 * Participants of known sessions. Those of a session the Sesi tab could not read (`unreadable`)
 * are left out without a line of their own: the session's problem line already says why.
 */
export function parseParticipants(
  values: Grid | undefined,
  display: string[][] | undefined,
  sessionCodes: ReadonlySet<string>,
  unreadable: ReadonlySet<string> = new Set(),
): { participants: Participant[]; problems: RowProblem[] } {
  const participants: Participant[] = [];
  const problems: RowProblem[] = [];
  if (!values || values.length < 2) return { participants, problems };
  const map = matchHeaders(PARTICIPANTS_TAB, values[0]);
  const seen = new Map<string, number>();
  eachRow(
    values,
    { name: PARTICIPANTS_TAB.name, id: 'Tab Peserta', en: 'Peserta tab' },
    (row, i, sheetRow) => {
      const r = rowRecord(map, sheetRow, row, display?.[i + 1]);
      const problem = (id: string, en: string) =>
        problems.push({
          tab: PARTICIPANTS_TAB.name,
          row: sheetRow,
          message: { id: `Tab Peserta baris ${sheetRow}: ${id}`, en: `Peserta tab row ${sheetRow}: ${en}` },
        });
      const code = r.text('Kode Sesi');
      const name = r.text('Nama');
      if (!name) return problem('Nama kosong; baris dilewati.', 'Nama is empty; the row was skipped.');
      if (unreadable.has(code.toUpperCase())) return;
      if (!sessionCodes.has(code.toUpperCase()))
        return problem(
          `Kode Sesi ${quote(code)} tidak ada di tab Sesi. Perbaiki kodenya; ${clip(name, 40)} belum masuk daftar hadir.`,
          `Kode Sesi ${quote(code)} is not on the Sesi tab. Fix the code; ${clip(name, 40)} is not on any attendance sheet yet.`,
        );
      const unsurText = r.text('Unsur');
      const unsur = unsurOf(unsurText);
      if (!unsur)
        problem(
          `Unsur ${quote(unsurText)} tidak dikenal; ${clip(name, 40)} dicatat sebagai Lainnya. Pilihan: ${UNSUR.join(', ')}.`,
          `Unsur ${quote(unsurText)} is not known; ${clip(name, 40)} is listed under Lainnya. Choices: ${UNSUR.join(', ')}.`,
        );
      const p: Participant = {
        sheetRow,
        code: code.toUpperCase(),
        name,
        sex: parseSex(r.text('Jenis Kelamin')) ?? '',
        unsur: unsur ?? 'Lainnya',
        position: r.text('Jabatan'),
        institution: r.text('Instansi/Asal'),
        phone: r.value('No. HP'),
        phoneShown: r.shown(SHOWN_PARTICIPANT_COLUMN),
        candidateId: r.text('ID Kandidat'),
      };
      const key = `${p.code}|${participantKey(p)}`;
      if (seen.has(key))
        return problem(
          `${clip(name, 40)} sudah terdaftar di sesi ${clip(code, 40)} pada baris ${seen.get(key)}; baris ganda ini dilewati.`,
          `${clip(name, 40)} is already listed for session ${clip(code, 40)} on row ${seen.get(key)}; this duplicate was skipped.`,
        );
      seen.set(key, sheetRow);
      participants.push(p);
    },
    problems,
  );
  return { participants, problems };
}
