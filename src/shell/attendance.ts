/**
 * Attendance sheets ("Buat daftar hadir") and adding selected candidates to sessions
 * ("Tambahkan peserta dari hasil seleksi"). Each DH tab is rebuilt from Sesi and Peserta in a
 * fixed number of calls, keeping the Hadir ticks of everyone still listed.
 */
import { attendanceLayout, attendanceTabName, readAttendanceRows, tickKey } from '../core/attendance';
import type { AttendanceChoices, AttendanceOutcome } from '../core/attendanceApi';
import { asText } from '../core/cells';
import { type RowRecord, matchHeaders, rowRecord } from '../core/headers';
import { formatShortDate } from '../core/dates';
import { menuLabel } from '../core/menu';
import { type Participant, type Session, parseParticipants, parseSessions } from '../core/sessions';
import { CANDIDATES_TAB, type CandidateHeader, PARTICIPANTS_TAB, type ParticipantHeader, SESSIONS_TAB } from '../core/schema';
import type { Settings } from '../core/settings';
import { parseSex } from '../core/validation/rules';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from '../core/types';
import { isBlankRow } from '../core/validation/record';
import { placeKey } from '../core/validation/villages';
import type { ActionContext } from './action';
import { alert, toast } from './action';
import { UserError } from './errors';
import { appendLog } from './log';
import { isGenerated, renderLayout } from './render';
import { loadSettings, sheetClock } from './settings';
import { writeBlock } from './workbook';


interface EventData {
  settings: Settings;
  sessions: Session[];
  participants: Participant[];
  problems: Bilingual[];
}

function readEventData(ctx: ActionContext): EventData {
  const { ss } = ctx;
  const clock = sheetClock(ss);
  const settings = loadSettings(ctx.settingsRows, clock);
  const sesi = ss.getSheetByName(SESSIONS_TAB.name);
  if (!sesi || sesi.getLastRow() < 2) throw new UserError({ id: 'Tab Sesi kosong. Isi sesi (kode, nama kegiatan, tanggal, jam, zona waktu, tempat) lalu coba lagi.', en: 'The Sesi tab is empty. Enter the sessions (code, activity, date, time, time zone, venue), then try again.' });
  const sesiRange = sesi.getDataRange();
  const parsedSessions = parseSessions(sesiRange.getValues() as Grid, sesiRange.getDisplayValues(), clock.offsetMinutes);
  const peserta = ss.getSheetByName(PARTICIPANTS_TAB.name);
  const pesertaRange = peserta?.getDataRange();
  const codes = new Set(parsedSessions.sessions.map((s) => s.code.toUpperCase()));
  const parsedPeople = parseParticipants(pesertaRange?.getValues() as Grid | undefined, pesertaRange?.getDisplayValues(), codes, parsedSessions.unreadable);
  return { settings, sessions: parsedSessions.sessions, participants: parsedPeople.participants, problems: [...parsedSessions.problems, ...parsedPeople.problems].map((p) => p.message) };
}

/** RPC for the dialog: the sessions to choose from. */
export function attendanceChoices(ctx: ActionContext): AttendanceChoices {
  const { ss, lang } = ctx;
  const data = readEventData(ctx);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  return {
    lang,
    sessions: data.sessions.map((s) => ({
      code: s.code,
      name: s.name,
      date: formatShortDate(s.date),
      participants: data.participants.filter((p) => p.code === s.code.toUpperCase()).length,
      tab: attendanceTabName(s.code),
      exists: names.has(attendanceTabName(s.code)),
    })),
    problems: data.problems.map((p) => pick(p, lang)),
  };
}

/** Build or refresh the DH tabs of the chosen sessions (all when `codes` is null). */
export function buildAttendance(ctx: ActionContext, codes: readonly string[] | null): AttendanceOutcome {
  const { ss, lang } = ctx;
  const data = readEventData(ctx);
  const wanted = codes ? new Set(codes.map((c) => c.toUpperCase())) : null;
  const problems = data.problems.map((p) => pick(p, lang));
  const chosen = data.sessions.filter((s) => !wanted || wanted.has(s.code.toUpperCase()));
  if (wanted) for (const code of wanted) if (!data.sessions.some((s) => s.code.toUpperCase() === code)) problems.push(pick({ id: `Sesi ${code} tidak ditemukan (atau barisnya bermasalah) di tab Sesi.`, en: `Session ${code} is not on the Sesi tab (or its row has a problem).` }, lang));
  const taken = new Set<string>();
  const built: AttendanceOutcome['built'] = [];
  for (const session of chosen) {
    const people = data.participants.filter((p) => p.code === session.code.toUpperCase());
    let tab = attendanceTabName(session.code);
    while (taken.has(tab.toUpperCase())) tab = `${tab.slice(0, 95)} (${taken.size + 1})`;
    taken.add(tab.toUpperCase());
    if (people.length === 0) problems.push(pick({ id: `Sesi ${session.code} belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.`, en: `Session ${session.code} has no participants on the Peserta tab yet; its sheet has blank rows only.` }, lang));
    const existing = ss.getSheetByName(tab);
    if (existing && !isGenerated(existing)) {
      problems.push(pick({ id: `Tab "${tab}" sudah ada dan bukan buatan add-on; tab itu tidak diubah. Ganti namanya agar daftar hadir sesi ${session.code} dapat dibuat.`, en: `A tab "${tab}" exists that the add-on did not make; it was left alone. Rename it so session ${session.code} can get its sheet.` }, lang));
      continue;
    }
    const old = existing ? readAttendanceRows(existing.getDataRange().getValues() as Grid) : [];
    const ticks = new Map(old.map((r) => [tickKey(r.name, r.institution, r.unsur), r.ticked]));
    const layout = attendanceLayout({ session, participants: people, settings: data.settings, lang, ticks });
    renderLayout(ss, tab, layout, { existing });
    const listed = new Set(people.map((p) => tickKey(p.name, p.institution, p.unsur)));
    const removed = old.filter((r) => !listed.has(tickKey(r.name, r.institution, r.unsur))).map((r) => `${r.name}${r.ticked ? ' (✓)' : ''}`);
    const ticksKept = people.filter((p) => ticks.get(tickKey(p.name, p.institution, p.unsur)) === true).length;
    built.push({ code: session.code, tab, participants: people.length, ticksKept, removed });
  }
  const removedText = built.filter((b) => b.removed.length).map((b) => `${b.tab}: ${pick({ id: 'dihapus', en: 'removed' }, lang)} ${b.removed.join(', ')}`);
  appendLog(ss, menuLabel('buildAttendanceSheets', lang), [`${built.length} ${pick({ id: 'daftar hadir', en: 'attendance sheets' }, lang)}: ${built.map((b) => b.tab).join(', ')}`, ...removedText, ...problems].join('\n'));
  const message = pick({ id: `${built.length} daftar hadir dibuat/diperbarui${problems.length ? `; ${problems.length} hal perlu diperiksa` : ''}.`, en: `${built.length} attendance sheets built or refreshed${problems.length ? `; ${problems.length} thing(s) to check` : ''}.` }, lang);
  return { built, problems, message };
}

/** Menu: Tambahkan peserta dari hasil seleksi. */
export function addSelectedParticipants(ctx: ActionContext): void {
  const { ss, lang } = ctx;
  // Everything that can be wrong (no sessions, no Peserta tab, nobody passed) is said before asking anything.
  const plan = planAdditions(ctx);
  if (plan.passed === 0) {
    alert(lang, { id: 'Belum ada yang lulus', en: 'Nobody has passed yet' }, { id: 'Belum ada kandidat berhasil Lulus. Jalankan Hitung skor & peringkat dulu.', en: 'No candidate is marked Lulus yet. Run "Compute scores & ranking" first.' });
    return;
  }
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    pick({ id: 'Tambahkan peserta dari hasil seleksi', en: 'Add participants from the selection results' }, lang),
    pick({ id: 'Kandidat berstatus Lulus ditambahkan ke tab Peserta untuk setiap sesi di kabupaten/kotanya, sebagai Calon Penyuluh Sosial.\n\nSertakan juga kandidat Cadangan?', en: 'Candidates marked Lulus are added to the Peserta tab for every session in their regency, as Calon Penyuluh Sosial.\n\nInclude the Cadangan (reserve) candidates too?' }, lang),
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
  const withReserves = answer === ui.Button.YES;
  const added = plan.add(withReserves);
  appendLog(ss, menuLabel('addParticipantsFromResults', lang), `${added.rows} ${pick({ id: 'baris ditambahkan', en: 'rows added' }, lang)} (${withReserves ? 'Lulus + Cadangan' : 'Lulus'}); ${added.skipped} ${pick({ id: 'sudah ada', en: 'already present' }, lang)}`);
  const text: Bilingual = { id: `${added.rows} peserta ditambahkan ke tab Peserta (${added.skipped} sudah ada).`, en: `${added.rows} participants added to the Peserta tab (${added.skipped} were already there).` };
  toast(ctx, text, { id: 'Peserta', en: 'Participants' });
}

/** Read what adding needs, then add Lulus (and, if asked, Cadangan) candidates to every session of their regency. */
function planAdditions(ctx: ActionContext): { passed: number; add: (withReserves: boolean) => { rows: number; skipped: number } } {
  const { ss, lang } = ctx;
  const data = readEventData(ctx);
  const values = ss.getSheetByName(CANDIDATES_TAB.name)?.getDataRange().getValues() as Grid | undefined;
  if (!values || values.length < 2) throw new UserError({ id: 'Tab Kandidat kosong.', en: 'The Kandidat tab is empty.' });
  const map = matchHeaders(CANDIDATES_TAB, values[0]);
  const ranked = values.slice(1).flatMap((row, i) => {
    if (isBlankRow(map, row)) return [];
    const r = rowRecord(map, i + 2, row, undefined);
    return ['Lulus', 'Cadangan'].includes(r.text('Hasil Seleksi')) && r.text('ID') ? [r] : [];
  });
  const peserta = ss.getSheetByName(PARTICIPANTS_TAB.name);
  if (!peserta) throw new UserError({ id: 'Tab Peserta belum ada. Jalankan Siapkan lembar kerja dulu.', en: 'There is no Peserta tab yet. Run "Set up the workbook" first.' });
  const passed = ranked.filter((r) => r.text('Hasil Seleksi') === 'Lulus').length;
  return { passed, add: (withReserves) => appendParticipants(peserta, data, withReserves ? ranked : ranked.filter((r) => r.text('Hasil Seleksi') === 'Lulus'), lang) };
}

function appendParticipants(peserta: GoogleAppsScript.Spreadsheet.Sheet, data: EventData, selected: RowRecord<CandidateHeader>[], lang: Lang): { rows: number; skipped: number } {
  const pesertaValues = peserta.getDataRange().getValues() as Grid;
  const pmap = matchHeaders(PARTICIPANTS_TAB, pesertaValues[0] ?? []);
  let width = Math.max(pesertaValues[0]?.length ?? 0, 1);
  const index = new Map(pmap.index);
  for (const header of PARTICIPANTS_TAB.columns.map((c) => c.header)) {
    if (!index.has(header)) {
      writeBlock(peserta, 1, width + 1, [[header]]);
      index.set(header, width++);
    }
  }
  const present = new Set(data.participants.filter((p) => p.candidateId).map((p) => `${p.code}|${p.candidateId.toUpperCase()}`));
  const rows: CellValue[][] = [];
  let skipped = 0;
  for (const session of data.sessions) {
    for (const c of selected) {
      // A regency's briefing and FGDs are for all its villages; the session's village is its venue.
      if (placeKey(c.text('Kabupaten/Kota')) !== placeKey(session.regency)) continue;
      const key = `${session.code.toUpperCase()}|${c.text('ID').toUpperCase()}`;
      if (present.has(key)) {
        skipped++;
        continue;
      }
      present.add(key);
      const row = new Array<CellValue>(width).fill('');
      const put = (header: ParticipantHeader, value: CellValue) => (row[index.get(header) as number] = value);
      put('Kode Sesi', asText(session.code));
      put('Nama', asText(c.text('Nama Lengkap')));
      put('Jenis Kelamin', parseSex(c.value('Jenis Kelamin')) ?? '');
      put('Unsur', 'Calon Penyuluh Sosial');
      put('Jabatan', pick({ id: 'Calon Penyuluh Sosial', en: 'Candidate extension worker' }, lang));
      put('Instansi/Asal', asText(`Desa ${c.text('Desa/Kelurahan')}, Kec. ${c.text('Kecamatan')}`));
      put('ID Kandidat', asText(c.text('ID')));
      rows.push(row);
    }
  }
  if (rows.length) writeBlock(peserta, Math.max(peserta.getLastRow(), 1) + 1, 1, rows);
  return { rows: rows.length, skipped };
}
