/**
 * The open selection on the demo workbook, as its people would run it through the add-on: verifiers
 * work the desk (the sidebar's own server functions), the coordinator announces the administrative
 * results, objections of every kind are typed on `Sanggah` and processed, and — once the objection
 * period is over and the panels have scored — the final results are announced.
 *
 * Time matters here (an objection period of three calendar days), so the story moves the emulator's
 * clock (`emu.setNow`): the announcement is made on ANNOUNCED, objections arrive on the following
 * days (one late), and the final announcement waits until the period has passed.
 */
import type { Emulator } from '../../emulator';
import { announcedResults } from '../../src/core/announcedResults';

/** When the administrative results are announced (09:00 WITA). */
export const ANNOUNCED = new Date('2019-11-27T01:00:00Z');
const DAY = 86_400_000;
const dayAfter = (days: number) => new Date(ANNOUNCED.getTime() + days * DAY);

type Log = (line: string) => void;

interface QueueItem {
  id: string;
  status: string;
  regency: string;
  village: string;
  checked: boolean;
}
interface Candidate {
  id: string;
  name: string;
  status: string;
  stamp: string;
  checklist: Array<{ name: string; state: string }>;
}
type Saved = { ok: true; candidate: Candidate; message: string } | { ok: false; message: string };

/**
 * Two verifiers at the desk: the first eight `Perlu Cek` candidates in the queue's own order get their
 * documents checked; six are decided MS with a reason, one misses its SKCK (so validation makes it TMS),
 * one is decided TMS. Returns the IDs decided, for the story's log.
 */
export function verifyAtDesk(emu: Emulator, log: Log): void {
  const verifiers = ['verifikator1@example.go.id', 'verifikator2@example.go.id'];
  const queue = emu.runRpc('deskQueue', [{}], { user: verifiers[0] }) as { items: QueueItem[]; documents: string[] };
  const waiting = queue.items.filter((i) => i.status === 'Perlu Cek' && !i.checked).slice(0, 8);
  const outcomes: string[] = [];
  waiting.forEach((item, n) => {
    const user = verifiers[n % 2];
    const candidate = emu.runRpc('deskCandidate', [{ id: item.id }], { user }) as Candidate;
    const documents = Object.fromEntries(
      queue.documents.map((d) => [d, n === 6 && d === 'SKCK' ? 'Tidak ada' : 'Ada']),
    );
    const decision = n === 6 ? '' : n === 7 ? 'TMS' : 'MS';
    const reason =
      decision === 'MS'
        ? 'Dokumen asli diperiksa dan sesuai'
        : decision === 'TMS'
          ? 'Ijazah tidak dapat diverifikasi ke sekolah penerbit'
          : '';
    const saved = emu.runRpc('deskSave', [{ id: item.id, documents, decision, reason, stamp: candidate.stamp }], {
      user,
    }) as Saved;
    if (!saved.ok) throw new Error(`desk: ${item.id} was not saved: ${saved.message}`);
    outcomes.push(`${item.id} → ${saved.candidate.status}`);
  });
  log(`\n▶ Meja verifikasi (deskQueue, deskCandidate, deskSave) by ${verifiers.join(' and ')}`);
  log(
    `  ${queue.items.filter((i) => i.status === 'Perlu Cek').length} candidates were Perlu Cek; decided: ${outcomes.join(', ')}`,
  );
}

/** Cells of one `Sanggah` row, in its contract order (the three add-on columns left blank). */
function objection(received: Date | string, id: string, name: string, text: string, decision = '', reason = '') {
  return [received, id, name, text, decision, reason];
}

/**
 * The objections staff type on `Sanggah` as they arrive, after the administrative announcement: one
 * accepted, one rejected, one late, a second one from the same candidate, one from a candidate announced
 * MS, one with an unknown ID, one whose name does not match, and (row 8) one decided without a reason.
 * Written straight on the tab, as typing does (no service call).
 */
export function typeObjections(emu: Emulator): void {
  const wb = emu.workbook;
  const announced = announcedResults(wb.sheet('Pengumuman Administrasi')!.values());
  const [header, ...candidates] = wb.sheet('Kandidat')!.values();
  const at = (name: string) => header.findIndex((h) => String(h) === name);
  const names = new Map(candidates.map((r) => [String(r[at('ID')]), String(r[at('Nama Lengkap')]).trim()]));
  const rowsWith = new Map<string, number>();
  for (const r of candidates) rowsWith.set(String(r[at('ID')]), (rowsWith.get(String(r[at('ID')])) ?? 0) + 1);
  // The objectors are real people: a candidate with a name, on one row (the demo's faulty rows
  // include blank names and repeated IDs, and which ones come first depends on the size).
  const objector = (id: string) => rowsWith.get(id) === 1 && (names.get(id) ?? '') !== '';
  const announcedAs = (result: string) =>
    [...announced].filter(([id, r]) => r === result && objector(id)).map(([id]) => id);
  const tms = announcedAs('TMS');
  const ms = announcedAs('MS');
  if (tms.length < 5 || ms.length < 1) throw new Error('story: the announcement needs at least 5 TMS and 1 MS');
  const who = (id: string) => names.get(id) ?? '';
  const sheet = wb.sheet('Sanggah')!;
  const rows = [
    objection(
      dayAfter(1),
      tms[0],
      who(tms[0]),
      'Ijazah saya setara SLTA (Paket C); salinan legalisir terlampir.',
      'Diterima',
      'Paket C setara SLTA menurut Permendikbud',
    ),
    objection(
      dayAfter(1),
      tms[1],
      who(tms[1]),
      'Usia saya masih memenuhi syarat.',
      'Ditolak',
      'Tanggal lahir pada KTP menunjukkan usia di atas batas',
    ),
    objection(
      dayAfter(2),
      tms[0],
      who(tms[0]),
      'Menambahkan surat keterangan domisili.',
      'Diterima',
      'Sudah diputus pada sanggahan pertama',
    ),
    objection(dayAfter(2), ms[0], who(ms[0]), 'Mohon nama saya dicek kembali.', 'Ditolak', 'Kandidat dinyatakan MS'),
    objection(dayAfter(2), 'TLT-99999', 'Tidak Terdaftar', 'Saya sudah mendaftar tetapi tidak ada di pengumuman.'),
    objection(
      dayAfter(3),
      tms[2],
      'Nama Lain Sekali',
      'NIK saya benar.',
      'Ditolak',
      'Nama tidak sesuai data pendaftaran',
    ),
    objection(dayAfter(3), tms[3], who(tms[3]), 'Desa saya termasuk desa sasaran.', 'Diterima'),
    objection(
      dayAfter(5),
      tms[4],
      who(tms[4]),
      'Saya terlambat mengetahui pengumuman.',
      'Diterima',
      'Alasan dapat dipahami',
    ),
  ];
  sheet.setValues(2, 1, rows);
}

/** When staff process the objections: the day after the period ended (so the late one has arrived too). */
export const PROCESSED = dayAfter(6);
/** When the final results are announced. */
export const FINAL = dayAfter(7);

/**
 * The administrative announcement, the objections (typeObjections), Proses sanggah, the decision
 * without a reason completed and processed again, and the validation that makes the accepted ones MS.
 */
export function announceAndObject(emu: Emulator, runMenu: (fn: string) => void, log: Log): void {
  emu.setNow(ANNOUNCED);
  runMenu('announceAdministrativeResults');
  typeObjections(emu);
  const sheet = emu.workbook.sheet('Sanggah')!;
  emu.setNow(PROCESSED);
  runMenu('processObjections');
  // The decision without a reason is completed, and the objections are processed again.
  sheet.setValues(8, 6, [['Desa tercantum pada tab Desa Sasaran; verifikasi domisili keliru']]);
  runMenu('processObjections');
  const statuses = sheet
    .values()
    .slice(1)
    .map((r, i) => `row ${i + 2}: ${String(r[6])}`);
  log(`  Sanggah now: ${statuses.join('; ')}`);
  // An accepted objection acts as the verifier's MS at the next validation.
  runMenu('validateCandidates');
}

/** After the objection period (and the panels' scoring and the ranking): the final announcement. */
export function announceFinal(emu: Emulator, runMenu: (fn: string) => void): void {
  emu.setNow(FINAL);
  runMenu('announceFinalResults');
}
