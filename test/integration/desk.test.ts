/**
 * The verification desk through the built bundle: the queue and its filters, one candidate, the
 * checklist written to Kelengkapan Berkas and validated at once (documents.missing → TMS), the
 * decision with its required reason, the logged NIK reveal, two verifiers on one candidate, a tab
 * sorted between load and save, the Log, both languages — and the call and cell budget at 100 and
 * 10,000 candidates.
 */
import type { Emulator, Workbook } from '../../emulator';
import { Emulator as Emu } from '../../emulator';
import { deskQueue as orderQueue, nextToCheck } from '../../src/core/desk';
import type { DeskCandidate, DeskQueue, SaveResponse } from '../../src/core/deskApi';
import { loadDemoWorkbook } from '../../scripts/demo-data/workbook';
import { ensureBuilt } from '../support/dist';
import { CANDIDATES, DRIVE_LINK, OTHER_VERIFIER, VERIFIER, deskWorkbook, rowById } from '../support/deskWorkbook';

beforeAll(ensureBuilt);

const ALL_PRESENT = {
  KTP: 'Ada',
  'Ijazah terakhir': 'Ada',
  'Surat keterangan sehat': 'Ada',
  SKCK: 'Ada',
  'Pas foto': 'Ada',
} as const;

const queueOf = (emu: Emulator, user?: string) => emu.runRpc('deskQueue', [{}], { user }) as DeskQueue;
const candidateOf = (emu: Emulator, id: string, user?: string) =>
  emu.runRpc('deskCandidate', [{ id }], { user }) as DeskCandidate;
const save = (emu: Emulator, request: Record<string, unknown>, user?: string) =>
  emu.runRpc('deskSave', [{ decision: '', reason: '', documents: {}, ...request }], { user }) as SaveResponse;
const logRows = (wb: Workbook) => wb.sheet('Log')!.values().slice(1);

describe('the verification desk', () => {
  it('is on the menu after the registration form, first of the selection group, in both languages', () => {
    const { emu } = deskWorkbook();
    const menu = emu.run('onOpen').ui.menus[0];
    const labels = menu.items.map((i) => (i.type === 'item' ? i.label : '—'));
    const at = labels.indexOf('Buka meja verifikasi');
    expect(labels.slice(at - 2, at + 2)).toEqual([
      'Putuskan formulir',
      '—',
      'Buka meja verifikasi',
      'Umumkan hasil administrasi',
    ]);
    const run = emu.run('openVerificationDesk');
    expect(run.error).toBeUndefined();
    expect(run.ui.sidebars[0].width).toBe(300);
    expect(run.ui.sidebars[0].title).toBe('Meja verifikasi');
    expect(run.ui.sidebars[0].content).toContain('data-lang="id"');
  });

  it('walks Perlu Cek first, then TMS, optionally all, filtered by regency and village', () => {
    const { emu } = deskWorkbook();
    const queue = queueOf(emu);
    expect(queue.status).toBe('ok');
    expect(queue.verifier).toEqual({ label: VERIFIER, selfDeclared: false });
    expect(queue.documents).toEqual(['KTP', 'Ijazah terakhir', 'Surat keterangan sehat', 'SKCK', 'Pas foto']);
    expect(queue.items.map((q) => `${q.id} ${q.status} ${q.village}`)).toEqual([
      'K-0001 MS Angsau',
      'K-0002 Perlu Cek Angsau',
      'K-0003 Perlu Cek Takisung',
      'K-0004 TMS Takisung',
      'K-0005 Perlu Cek Pataruman',
      'K-0006 MS Takisung',
    ]);
    const ids = (filter: Parameters<typeof orderQueue>[1]) => orderQueue(queue.items, filter).map((q) => q.id);
    expect(ids({ scope: 'review' })).toEqual(['K-0002', 'K-0003', 'K-0005', 'K-0004']);
    expect(ids({ scope: 'all' })).toEqual(['K-0002', 'K-0003', 'K-0005', 'K-0004', 'K-0001', 'K-0006']);
    expect(ids({ scope: 'review', regency: 'Kabupaten Garut' })).toEqual(['K-0005']);
    expect(ids({ scope: 'review', regency: 'Kabupaten Tanah Laut', village: 'Takisung' })).toEqual([
      'K-0003',
      'K-0004',
    ]);
    expect(queue.items.every((q) => !q.checked)).toBe(true);
  });

  it('shows one candidate: masked NIK, every finding with its severity, the checklist, Drive links only as links', () => {
    const { emu } = deskWorkbook();
    const c = candidateOf(emu, 'K-0003');
    expect(c.name).toBe(CANDIDATES.hostile);
    expect(c.village).toBe('Takisung');
    expect(c.maskedNik).toBe('630101******0003');
    expect(c.status).toBe('Perlu Cek');
    expect(c.findings).toEqual([
      { severity: 'warning', text: 'Email "bukan-email" tidak berformat nama@domain.xx. Perbaiki atau kosongkan.' },
    ]);
    expect(c.checklist.map((d) => d.state)).toEqual(Array(5).fill('Belum dicek'));
    expect(c.links).toHaveLength(1);
    const links = c.links[0].parts.filter((p) => p.url).map((p) => p.url);
    expect(links).toEqual([DRIVE_LINK]);
    expect(c.links[0].parts.map((p) => p.text).join('')).toContain('javascript:alert(1)');
    const tms = candidateOf(emu, 'K-0004');
    expect(tms.findings[0].severity).toBe('error');
    expect(tms.findings[0].text).toMatch(/^Usia 14 tahun/);
  });

  it('saves the checklist to Kelengkapan Berkas; a missing document makes the candidate TMS at once (documents.missing), logged', () => {
    const { wb, emu } = deskWorkbook();
    const loaded = candidateOf(emu, 'K-0002');
    const saved = save(emu, {
      id: 'K-0002',
      documents: { ...ALL_PRESENT, SKCK: 'Tidak ada', 'Pas foto': 'Belum dicek' },
      stamp: loaded.stamp,
    });
    expect(saved.ok).toBe(true);
    const row = rowById(wb, 'K-0002');
    expect(row['Kelengkapan Berkas']).toBe('KTP ✓; Ijazah terakhir ✓; Surat keterangan sehat ✓; SKCK ✗');
    expect(row['Status Administrasi']).toBe('TMS');
    expect(String(row['Catatan Validasi']).split('\n')[0]).toBe(
      '✖ berkas belum lengkap: SKCK. Minta berkasnya; setelah diterima, tandai Ada di meja verifikasi (atau ✓ di kolom Kelengkapan Berkas).',
    );
    expect(row['Diverifikasi Oleh']).toBe(VERIFIER);
    expect(row['Waktu Verifikasi']).toBeInstanceOf(Date);
    expect(row['Keputusan Verifikator']).toBe('');
    if (!saved.ok) return;
    expect(saved.candidate.status).toBe('TMS');
    expect(saved.candidate.checklist.map((d) => d.state)).toEqual(['Ada', 'Ada', 'Ada', 'Tidak ada', 'Belum dicek']);
    expect(saved.candidate.findings[0]).toEqual({
      severity: 'error',
      text: expect.stringMatching(/^berkas belum lengkap: SKCK/),
    });
    // The sidebar's view of the row equals the row itself.
    expect(candidateOf(emu, 'K-0002')).toEqual(saved.candidate);
    const log = logRows(wb).at(-1)!;
    expect(log[1]).toBe(VERIFIER);
    expect(log[2]).toBe('Buka meja verifikasi');
    expect(log[3]).toBe(
      'K-0002 — verifikator@example.go.id: berkas "KTP ✓; Ijazah terakhir ✓; Surat keterangan sehat ✓; SKCK ✗"; keputusan -; Status Administrasi Perlu Cek → TMS',
    );
    // Checked now: the queue says so.
    expect(queueOf(emu).items.find((q) => q.id === 'K-0002')).toMatchObject({ status: 'TMS', checked: true });
    // The full validation agrees with the desk.
    emu.run('validateCandidates');
    expect(rowById(wb, 'K-0002')['Status Administrasi']).toBe('TMS');
  });

  it('reads a Kelengkapan Berkas typed by hand the same way (live check); documents no longer required do not count', () => {
    const { wb, emu } = deskWorkbook();
    const col = wb.sheet('Kandidat')!.values()[0].indexOf('Kelengkapan Berkas') + 1;
    const letter = String.fromCharCode(64 + col);
    emu.edit('Kandidat', `${letter}2`, 'KTP ada; SKCK tidak ada; Surat domisili ✗');
    expect(rowById(wb, 'K-0001')['Status Administrasi']).toBe('TMS');
    expect(String(rowById(wb, 'K-0001')['Catatan Validasi'])).toContain('✖ berkas belum lengkap: SKCK.');
    expect(candidateOf(emu, 'K-0001').checklist.find((d) => d.name === 'SKCK')?.state).toBe('Tidak ada');
    emu.edit('Kandidat', `${letter}2`, 'KTP ✓; SKCK ✓; Surat domisili ✗');
    expect(rowById(wb, 'K-0001')['Status Administrasi']).toBe('MS');
  });

  it('records a decision MS or TMS with its reason; a decision without a reason, or MS with a missing document, writes nothing', () => {
    const { wb, emu } = deskWorkbook();
    const before = wb.sheet('Kandidat')!.values();
    const loaded = candidateOf(emu, 'K-0005');
    const noReason = save(emu, {
      id: 'K-0005',
      documents: ALL_PRESENT,
      decision: 'MS',
      reason: '  ',
      stamp: loaded.stamp,
    });
    expect(noReason).toEqual({
      ok: false,
      field: 'reason',
      message: 'Keputusan MS perlu alasan. Pilih alasan dari daftar atau tulis sendiri.',
    });
    const msMissing = save(emu, {
      id: 'K-0005',
      documents: { ...ALL_PRESENT, KTP: 'Tidak ada' },
      decision: 'MS',
      reason: 'Data sesuai dokumen asli',
      stamp: loaded.stamp,
    });
    expect(msMissing).toMatchObject({ ok: false, field: 'decision' });
    expect(wb.sheet('Kandidat')!.values()).toEqual(before);

    const ms = save(emu, {
      id: 'K-0005',
      documents: ALL_PRESENT,
      decision: 'MS',
      reason: 'Data sesuai dokumen asli: email dikonfirmasi lewat telepon',
      stamp: loaded.stamp,
    });
    expect(ms).toMatchObject({ ok: true, candidate: { status: 'MS', decision: 'MS' } });
    const row = rowById(wb, 'K-0005');
    expect(row['Keputusan Verifikator']).toBe('MS');
    expect(row['Alasan Verifikator']).toBe('Data sesuai dokumen asli: email dikonfirmasi lewat telepon');
    expect(row['Status Administrasi']).toBe('MS');
    expect(String(row['Catatan Validasi'])).toContain('ℹ Status ditetapkan verifikator: MS — Data sesuai dokumen asli');

    const again = candidateOf(emu, 'K-0004');
    const tms = save(emu, {
      id: 'K-0004',
      documents: ALL_PRESENT,
      decision: 'TMS',
      reason: 'Usia tidak memenuhi syarat',
      stamp: again.stamp,
    });
    expect(tms).toMatchObject({
      ok: true,
      candidate: { status: 'TMS', decision: 'TMS', reason: 'Usia tidak memenuhi syarat' },
    });
    expect(logRows(wb).at(-1)![3]).toContain(
      'keputusan TMS — Usia tidak memenuhi syarat; Status Administrasi TMS → TMS',
    );
  });

  it('writes a reason or a self-declared name that looks like a formula as text', () => {
    const { wb, emu } = deskWorkbook({ user: '' });
    emu.runRpc('deskSetName', [{ name: '=IMPORTXML("http://x.example")' }]);
    const loaded = candidateOf(emu, 'K-0004');
    const saved = save(emu, {
      id: 'K-0004',
      documents: ALL_PRESENT,
      decision: 'TMS',
      reason: '=HYPERLINK("http://x.example")',
      stamp: loaded.stamp,
    });
    expect(saved.ok).toBe(true);
    const sheet = wb.sheet('Kandidat')!;
    const header = sheet.values()[0];
    const row = sheet.values().findIndex((r) => r[0] === 'K-0004') + 1;
    for (const h of ['Alasan Verifikator', 'Diverifikasi Oleh']) {
      const cell = sheet.cell(row, header.indexOf(h) + 1);
      expect(cell.formula).toBe('');
    }
    expect(rowById(wb, 'K-0004')['Alasan Verifikator']).toBe('=HYPERLINK("http://x.example")');
    expect(rowById(wb, 'K-0004')['Diverifikasi Oleh']).toBe('=IMPORTXML("http://x.example") (diisi sendiri)');
  });

  it('reveals the full NIK only on request, and logs who and when', () => {
    const { wb, emu } = deskWorkbook();
    const before = logRows(wb).length;
    expect(emu.runRpc('deskRevealNik', [{ id: 'K-0002' }])).toBe('6301031708900002');
    const log = logRows(wb);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)![0]).toBeInstanceOf(Date);
    expect(log.at(-1)!.slice(1)).toEqual([
      'verifikator@example.go.id',
      'NIK lengkap dilihat',
      'K-0002 — verifikator@example.go.id (Buka meja verifikasi)',
    ]);
    // Nothing else hands out the full NIK.
    expect(JSON.stringify(candidateOf(emu, 'K-0002'))).not.toContain('6301031708900002');
    expect(JSON.stringify(queueOf(emu))).not.toContain('6301031708900002');
  });

  it('never lets a second verifier overwrite the first silently: told who and when, the current values shown, nothing written', () => {
    const { wb, emu } = deskWorkbook();
    const first = candidateOf(emu, 'K-0003', VERIFIER);
    const second = candidateOf(emu, 'K-0003', OTHER_VERIFIER);
    expect(
      save(
        emu,
        {
          id: 'K-0003',
          documents: ALL_PRESENT,
          decision: 'MS',
          reason: 'Data sesuai dokumen asli',
          stamp: second.stamp,
        },
        OTHER_VERIFIER,
      ).ok,
    ).toBe(true);
    const row = rowById(wb, 'K-0003');
    const logBefore = logRows(wb).length;
    const late = save(
      emu,
      { id: 'K-0003', documents: { ...ALL_PRESENT, SKCK: 'Tidak ada' }, stamp: first.stamp },
      VERIFIER,
    );
    expect(late.ok).toBe(false);
    if (late.ok) return;
    expect(late.message).toMatch(
      /^Tidak disimpan: K-0003 sudah diperiksa oleh verifikator\.dua@example\.go\.id pada \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d, setelah Anda membukanya\./,
    );
    expect(late.conflict).toMatchObject({ verifiedBy: OTHER_VERIFIER, decision: 'MS', status: 'MS' });
    expect(rowById(wb, 'K-0003')).toEqual(row);
    expect(logRows(wb)).toHaveLength(logBefore);
    // Told, the verifier may save deliberately over it with the stamp now shown.
    const deliberate = save(
      emu,
      { id: 'K-0003', documents: { ...ALL_PRESENT, SKCK: 'Tidak ada' }, stamp: late.conflict!.stamp },
      VERIFIER,
    );
    expect(deliberate).toMatchObject({ ok: true, candidate: { status: 'TMS', verifiedBy: VERIFIER } });
  });

  it('writes onto the candidate it loaded even when Kandidat was sorted or a row inserted in between', () => {
    const { wb, emu } = deskWorkbook();
    const loaded = candidateOf(emu, 'K-0003');
    const kandidat = wb.sheet('Kandidat')!;
    const values = kandidat.values();
    // A user sorts Kandidat Z→A by name, then inserts a row above the data.
    const sorted = values.slice(1).sort((a, b) => String(b[1]).localeCompare(String(a[1])));
    kandidat.setValues(2, 1, sorted);
    kandidat.insertRows(2, 1);
    const others = kandidat.values().filter((r) => r[0] !== 'K-0003');
    const saved = save(emu, { id: 'K-0003', documents: { ...ALL_PRESENT, KTP: 'Tidak ada' }, stamp: loaded.stamp });
    expect(saved).toMatchObject({ ok: true, candidate: { id: 'K-0003', name: CANDIDATES.hostile, status: 'TMS' } });
    const row = rowById(wb, 'K-0003');
    expect(row['Nama Lengkap']).toBe(CANDIDATES.hostile);
    expect(row['Kelengkapan Berkas']).toBe('KTP ✗; Ijazah terakhir ✓; Surat keterangan sehat ✓; SKCK ✓; Pas foto ✓');
    expect(kandidat.values().filter((r) => r[0] !== 'K-0003')).toEqual(others);
    // An ID that is gone is said plainly.
    expect(() => emu.runRpc('deskCandidate', [{ id: 'K-0999' }])).toThrow(
      /Kandidat K-0999 tidak ditemukan di kolom ID tab Kandidat/,
    );
  });

  it('refuses to write when an ID is on two rows, naming them', () => {
    const { wb, emu } = deskWorkbook();
    const loaded = candidateOf(emu, 'K-0003');
    wb.sheet('Kandidat')!.setValues(6, 1, [['K-0003']]);
    const before = wb.sheet('Kandidat')!.values();
    expect(() => save(emu, { id: 'K-0003', documents: ALL_PRESENT, stamp: loaded.stamp })).toThrow(
      'ID K-0003 ada di lebih dari satu baris tab Kandidat (baris 4, 6). Perbaiki ID gandanya, jalankan Validasi data kandidat, lalu coba lagi. Tidak ada yang diubah.',
    );
    expect(wb.sheet('Kandidat')!.values()).toEqual(before);
  });

  it('checks the saved row with its own reads exactly as an edit of that row does: twins typed differently, new row inserted', () => {
    const { wb, emu } = deskWorkbook();
    const kandidat = wb.sheet('Kandidat')!;
    const header = kandidat.values()[0].map(String);
    const at = (h: string) => header.indexOf(h) + 1;
    const loaded = candidateOf(emu, 'K-0003');
    // By hand, no onEdit: a row inserted above, K-0001 given K-0003's NIK typed with dots and
    // spaces, K-0006 given its phone in the +62 form, and a typed row without an ID at the bottom.
    kandidat.insertRows(2, 1);
    const rowOf = (id: string) => kandidat.values().findIndex((r) => r[0] === id) + 1;
    kandidat.setValues(rowOf('K-0001'), at('NIK'), [['6301 0143.0195 0003']]);
    kandidat.setValues(rowOf('K-0006'), at('No. HP'), [['+62 812-3456-0003']]);
    const bottom = kandidat.lastRow() + 1;
    kandidat.setValues(bottom, at('Nama Lengkap'), [['Tanpa ID']]);
    const saved = save(emu, { id: 'K-0003', documents: ALL_PRESENT, stamp: loaded.stamp });
    expect(saved.ok).toBe(true);
    const row = rowOf('K-0003');
    const outcome = () =>
      ['ID', 'Status Administrasi', 'Catatan Validasi', 'NIK', 'No. HP'].map((h) => {
        const cell = kandidat.cell(row, at(h));
        return [cell.value, cell.note, cell.background];
      });
    const bySave = outcome();
    const notes = String(kandidat.cell(row, at('Catatan Validasi')).value);
    expect(notes).toContain(`NIK yang sama juga ada di baris ${rowOf('K-0001')}.`);
    expect(notes).toContain(`No. HP yang sama juga dipakai kandidat di baris ${rowOf('K-0006')}.`);
    // The live check of an edit re-reads everything itself: the same ID, status, notes, highlights and cell notes.
    emu.edit('Kandidat', `${String.fromCharCode(64 + at('Nama Lengkap'))}${row}`, CANDIDATES.hostile);
    expect(outcome()).toEqual(bySave);
    // The row without an ID was not the desk's to number.
    expect(kandidat.cell(bottom, at('ID')).value).toBe('');
  });

  it('adds the desk’s columns at the right end of a Kandidat tab made before they existed', () => {
    const { wb, emu } = deskWorkbook();
    const kandidat = wb.sheet('Kandidat')!;
    const header = kandidat.values()[0].map(String);
    const first = header.indexOf('Kelengkapan Berkas') + 1;
    // An older workbook: the three desk columns are not there (the upload column moves left).
    kandidat.deleteColumns(first, 3);
    const loaded = candidateOf(emu, 'K-0002');
    expect(loaded.checklist.every((d) => d.state === 'Belum dicek')).toBe(true);
    const saved = save(emu, { id: 'K-0002', documents: { ...ALL_PRESENT, SKCK: 'Tidak ada' }, stamp: loaded.stamp });
    expect(saved).toMatchObject({ ok: true, candidate: { status: 'TMS', verifiedBy: VERIFIER } });
    expect(kandidat.values()[0].slice(-3)).toEqual(['Kelengkapan Berkas', 'Diverifikasi Oleh', 'Waktu Verifikasi']);
    expect(rowById(wb, 'K-0002')['Kelengkapan Berkas']).toBe(
      'KTP ✓; Ijazah terakhir ✓; Surat keterangan sehat ✓; SKCK ✗; Pas foto ✓',
    );
    expect(rowById(wb, 'K-0002')['Status Administrasi']).toBe('TMS');
  });

  it('speaks English when Bahasa is English', () => {
    const { wb, emu } = deskWorkbook({ language: 'English' });
    expect(emu.run('openVerificationDesk').ui.sidebars[0].title).toBe('Verification desk');
    const queue = queueOf(emu);
    expect(queue.lang).toBe('en');
    const loaded = candidateOf(emu, 'K-0002');
    const saved = save(emu, { id: 'K-0002', documents: { ...ALL_PRESENT, SKCK: 'Tidak ada' }, stamp: loaded.stamp });
    expect(saved).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^K-0002 saved at \d\d:\d\d: status TMS\.$/),
    });
    expect(String(rowById(wb, 'K-0002')['Catatan Validasi'])).toContain('✖ documents missing: SKCK.');
    expect(logRows(wb).at(-1)!.slice(2)).toEqual([
      'Open the verification desk',
      'K-0002 — verifikator@example.go.id: documents "KTP ✓; Ijazah terakhir ✓; Surat keterangan sehat ✓; SKCK ✗; Pas foto ✓"; decision -; Status Administrasi Perlu Cek → TMS',
    ]);
    expect(save(emu, { id: 'K-0002', decision: 'TMS', stamp: 'x' })).toMatchObject({
      field: 'reason',
      message: 'A TMS decision needs a reason. Pick one from the list or write your own.',
    });
    emu.runRpc('deskRevealNik', [{ id: 'K-0002' }]);
    expect(logRows(wb).at(-1)![2]).toBe('Full NIK revealed');
  });

  it('asks a verifier Google does not name for their name once, and records it as self-declared', () => {
    const { wb, emu } = deskWorkbook({ user: '' });
    const first = queueOf(emu);
    expect(first.status).toBe('name');
    expect(first.message).toMatch(/^Google tidak memberikan email akun Anda/);
    expect(first.items).toEqual([]);
    expect(() => emu.runRpc('deskSetName', [{ name: '   ' }])).toThrow(/Nama kosong/);
    const named = emu.runRpc('deskSetName', [{ name: 'Rina  Wati' }]) as DeskQueue;
    expect(named).toMatchObject({ status: 'ok', verifier: { label: 'Rina Wati (diisi sendiri)', selfDeclared: true } });
    // Kept: the next opening knows the name.
    expect(queueOf(emu).verifier?.label).toBe('Rina Wati (diisi sendiri)');
    const loaded = candidateOf(emu, 'K-0002');
    expect(save(emu, { id: 'K-0002', documents: ALL_PRESENT, stamp: loaded.stamp }).ok).toBe(true);
    expect(rowById(wb, 'K-0002')['Diverifikasi Oleh']).toBe('Rina Wati (diisi sendiri)');
    expect(logRows(wb).at(-1)![3]).toMatch(/^K-0002 — Rina Wati \(diisi sendiri\): /);
  });

  it('moves on to the next candidate not yet checked', () => {
    const { emu } = deskWorkbook();
    let queue = orderQueue(queueOf(emu).items, { scope: 'review' });
    expect(nextToCheck(queue, '')).toBe('K-0002');
    const loaded = candidateOf(emu, 'K-0002');
    save(emu, { id: 'K-0002', documents: ALL_PRESENT, stamp: loaded.stamp });
    queue = orderQueue(queueOf(emu).items, { scope: 'review' });
    expect(nextToCheck(queue, 'K-0002')).toBe('K-0003');
  });
});

/** Calls per endpoint at each size: they must not grow with the rows. */
const measured = new Map<string, number[]>();
function measure(emu: Emulator, name: string): void {
  measured.set(name, [...(measured.get(name) ?? []), emu.lastRun!.totalCalls]);
}

describe.each([100, 10_000])('budget at %i candidates', (size) => {
  let emu: Emulator;
  let wb: Workbook;
  beforeAll(() => {
    const { workbook } = loadDemoWorkbook({ candidates: size });
    wb = workbook;
    emu = new Emu({ workbook, user: VERIFIER });
    emu.run('setupWorkbook');
    emu.documentProperties.set('validation:oneStepRows', '1000000');
    emu.run('validateCandidates');
  });

  const smallTabs = () =>
    ['Pengaturan', 'Desa Sasaran'].reduce((n, name) => n + wb.sheet(name)!.lastRow() * wb.sheet(name)!.lastColumn(), 0);

  it('deskQueue: a fixed number of calls; cells = five Kandidat columns + the header row + Pengaturan', () => {
    const queue = queueOf(emu);
    expect(queue.status).toBe('ok');
    measure(emu, 'deskQueue');
    const run = emu.lastRun!;
    const kandidat = wb.sheet('Kandidat')!;
    expect(run.totalCalls).toBeLessThanOrEqual(25);
    expect(run.cellsRead).toBeLessThanOrEqual(5 * (kandidat.lastRow() - 1) + kandidat.maxCols + smallTabs());
    expect(queue.items.length).toBeGreaterThan(size * 0.9);
  });

  it('deskCandidate and deskRevealNik: a fixed number of calls; cells = one row + the header row + Pengaturan', () => {
    const id = orderQueue(queueOf(emu).items, { scope: 'review' })[0].id;
    candidateOf(emu, id);
    measure(emu, 'deskCandidate');
    const kandidat = wb.sheet('Kandidat')!;
    const oneRow = kandidat.maxCols * 2 + smallTabs();
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(20);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(oneRow);
    emu.runRpc('deskRevealNik', [{ id }]);
    measure(emu, 'deskRevealNik');
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(25);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(oneRow + 1);
  });

  it('deskSave: a fixed number of calls; cells = the live check (ID, NIK, phone columns + the row) + one row', () => {
    const item = orderQueue(queueOf(emu).items, { scope: 'review' }).find((q) => !q.checked)!;
    const loaded = candidateOf(emu, item.id);
    const saved = save(emu, {
      id: item.id,
      documents: ALL_PRESENT,
      decision: 'MS',
      reason: 'Data sesuai dokumen asli',
      stamp: loaded.stamp,
    });
    expect(saved).toMatchObject({ ok: true, candidate: { status: 'MS' } });
    measure(emu, 'deskSave');
    const run = emu.lastRun!;
    const kandidat = wb.sheet('Kandidat')!;
    // The live check runs on the desk's own reads; this first save after the validation report was
    // drawn also marks the report stale (5 calls, once).
    expect(run.totalCalls).toBeLessThanOrEqual(45);
    // The header row, the ID, NIK and phone columns (which also find the row), and the row: its
    // values, display, colours and notes.
    expect(run.cellsRead).toBeLessThanOrEqual(3 * kandidat.lastRow() + 5 * kandidat.maxCols + smallTabs());
    const next = orderQueue(queueOf(emu).items, { scope: 'review' }).find((q) => !q.checked)!;
    const again = save(emu, {
      id: next.id,
      documents: ALL_PRESENT,
      decision: 'TMS',
      reason: 'Berkas tidak asli',
      stamp: candidateOf(emu, next.id).stamp,
    });
    expect(again).toMatchObject({ ok: true, candidate: { status: 'TMS' } });
    measure(emu, 'deskSave (report already stale)');
    expect(emu.lastRun!.totalCalls).toBeLessThanOrEqual(40);
    expect(emu.lastRun!.cellsRead).toBeLessThanOrEqual(3 * kandidat.lastRow() + 5 * kandidat.maxCols + smallTabs());
  });
});

describe('budget across sizes', () => {
  it('every desk call makes as many service calls at 10,000 candidates as at 100', () => {
    expect([...measured.keys()].sort()).toEqual([
      'deskCandidate',
      'deskQueue',
      'deskRevealNik',
      'deskSave',
      'deskSave (report already stale)',
    ]);
    for (const [name, [small, large]] of measured) expect({ name, calls: large }).toEqual({ name, calls: small });
  });
});
