/**
 * What the attendance actions decide, apart from the sheets they read and write: which sessions
 * get a sheet and under which tab name, what a refresh keeps and drops, and which selected
 * candidates become participant rows. The shell only reads the tabs, hands the values here and
 * writes what comes back.
 */
import { type OldRow, attendanceTabName, tickKey } from './attendance';
import { asText } from './cells';
import type { PlaceNames } from './placeNames';
import { type RowRecord, matchHeaders, rowRecord } from './headers';
import { CANDIDATES_TAB, type CandidateHeader, PARTICIPANTS_TAB, type ParticipantHeader } from './schema';
import type { Participant, Session } from './sessions';
import { type Bilingual, type CellValue, type Grid, type Lang, pick } from './types';
import { isBlankRow } from './validation/record';
import { parseSex } from './validation/rules';
import { placeKey } from './validation/villages';

export interface SheetPlan {
  session: Session;
  /** The session's participants, in Peserta order. */
  people: Participant[];
  /** The DH tab, unique (case-insensitively) among this run's tabs. */
  tab: string;
}

/**
 * DH tabs per batch when the dialog builds them in several calls, chosen from the bench's time
 * model (scripts/bench.ts) at the design limit of 300 sessions of 20 participants. A batch is one
 * execution with a fixed cost, ~3.5 s (the lock and checkpoint, reading Sesi and Peserta, one
 * template drawn), and a cost per tab: ~0.10 s for a new tab (its copy, two value blocks and its
 * name: 6 calls and ~330 cells) and ~0.31 s for one that replaces an existing tab (its read,
 * ticks and deletion, and every tab's name looked at). 100 tabs: ~14 s new, ~33 s refreshed —
 * under the 60 s a batch may take with a margin of 1.8 for the model's error and for sheets with
 * more participants, a progress bar that moves every 15 s or so for a new build, and 300
 * sessions in 3 batches (each batch pays the fixed cost again, so fewer batches cost less in all).
 */
export const ATTENDANCE_BATCH = 100;

/** The sessions to build (all when `codes` is null), each with its people and tab name. */
export function planSheets(
  sessions: readonly Session[],
  participants: readonly Participant[],
  codes: readonly string[] | null,
): { plans: SheetPlan[]; problems: Bilingual[] } {
  const wanted = codes ? new Set(codes.map((c) => c.toUpperCase())) : null;
  const problems: Bilingual[] = [];
  if (wanted)
    for (const code of wanted)
      if (!sessions.some((s) => s.code.toUpperCase() === code))
        problems.push({
          id: `Sesi ${code} tidak ditemukan (atau barisnya bermasalah) di tab Sesi.`,
          en: `Session ${code} is not on the Sesi tab (or its row has a problem).`,
        });
  const taken = new Set<string>();
  const plans = sessions
    .filter((s) => !wanted || wanted.has(s.code.toUpperCase()))
    .map((session) => {
      const people = participants.filter((p) => p.code === session.code.toUpperCase());
      if (people.length === 0)
        problems.push({
          id: `Sesi ${session.code} belum punya peserta di tab Peserta; daftar hadirnya hanya berisi baris kosong.`,
          en: `Session ${session.code} has no participants on the Peserta tab yet; its sheet has blank rows only.`,
        });
      // Two codes can clip to the same 100-character tab name; the later one gets a suffix.
      let tab = attendanceTabName(session.code);
      while (taken.has(tab.toUpperCase())) tab = `${tab.slice(0, 95)} (${taken.size + 1})`;
      taken.add(tab.toUpperCase());
      return { session, people, tab };
    });
  return { plans, problems };
}

const keyOf = (r: { name: string; institution: string; unsur: string }) => tickKey(r.name, r.institution, r.unsur);

/** The Hadir ticks an existing sheet carries over, by person. */
export function ticksOf(old: readonly OldRow[]): Map<string, boolean> {
  return new Map(old.map((r) => [keyOf(r), r.ticked]));
}

/** What a refresh did to a sheet: who is no longer listed (ticked ones marked ✓) and how many ticks survived. */
export function refreshChanges(
  old: readonly OldRow[],
  people: readonly Participant[],
): { removed: string[]; ticksKept: number } {
  const ticks = ticksOf(old);
  const listed = new Set(people.map(keyOf));
  return {
    removed: old.filter((r) => !listed.has(keyOf(r))).map((r) => `${r.name}${r.ticked ? ' (✓)' : ''}`),
    ticksKept: people.filter((p) => ticks.get(keyOf(p)) === true).length,
  };
}

export interface Selection {
  /** Lulus candidates, in sheet order. */
  passed: RowRecord<CandidateHeader>[];
  /** Lulus and Cadangan candidates, in sheet order. */
  withReserves: RowRecord<CandidateHeader>[];
}

/** The Lulus and Cadangan candidates on the Kandidat tab (rows without an ID cannot be listed). */
export function selectedCandidates(values: Grid): Selection {
  const map = matchHeaders(CANDIDATES_TAB, values[0] ?? []);
  const withReserves = values.slice(1).flatMap((row, i) => {
    if (isBlankRow(map, row)) return [];
    const record = rowRecord(map, i + 2, row);
    return ['Lulus', 'Cadangan'].includes(record.text('Hasil Seleksi')) && record.text('ID') ? [record] : [];
  });
  return { passed: withReserves.filter((r) => r.text('Hasil Seleksi') === 'Lulus'), withReserves };
}

export interface ParticipantAdditions {
  /** Contract headers the Peserta tab lacks, appended after its last column in this order. */
  newHeaders: ParticipantHeader[];
  /** Rows to append, as wide as the tab's header row plus `newHeaders`. */
  rows: CellValue[][];
  /** Candidates already listed for a session. */
  skipped: number;
}

/**
 * Every selected candidate in every session of their regency: a regency's briefing and FGDs are
 * for all its villages (the session's village is only its venue). Someone already listed for a
 * session, by candidate ID, is skipped, so adding twice adds nothing.
 */
export function participantAdditions(input: {
  pesertaHeader: readonly CellValue[];
  sessions: readonly Session[];
  participants: readonly Participant[];
  selected: readonly RowRecord<CandidateHeader>[];
  places: PlaceNames;
  lang: Lang;
}): ParticipantAdditions {
  const index = new Map(matchHeaders(PARTICIPANTS_TAB, input.pesertaHeader).index);
  let width = Math.max(input.pesertaHeader.length, 1);
  const newHeaders = PARTICIPANTS_TAB.columns.map((c) => c.header).filter((header) => !index.has(header));
  for (const header of newHeaders) index.set(header, width++);

  const present = new Set(
    input.participants.filter((p) => p.candidateId).map((p) => `${p.code}|${p.candidateId.toUpperCase()}`),
  );
  const rows: CellValue[][] = [];
  let skipped = 0;
  for (const session of input.sessions) {
    for (const c of input.selected) {
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
      put('Jabatan', pick({ id: 'Calon Penyuluh Sosial', en: 'Candidate extension worker' }, input.lang));
      const [village, district, regency] = [c.text('Desa/Kelurahan'), c.text('Kecamatan'), c.text('Kabupaten/Kota')];
      const place = `Desa ${input.places.village(village, district, regency)}, Kec. ${input.places.district(district, regency)}`;
      put('Instansi/Asal', asText(place));
      put('ID Kandidat', asText(c.text('ID')));
      rows.push(row);
    }
  }
  return { newHeaders, rows, skipped };
}

/** A session with its place written as on Desa Sasaran, for the printed sheet. */
export function withPlaceNames(session: Session, places: PlaceNames): Session {
  return {
    ...session,
    regency: places.regency(session.regency),
    district: session.district && places.district(session.district, session.regency),
    village: session.village && places.village(session.village, session.district, session.regency),
  };
}
