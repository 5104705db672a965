/**
 * `Kelengkapan Berkas`: the parser and the formatter (core/documents.ts), the rule that reads the
 * cell (documents.missing), and the desk's pure helpers (core/desk.ts).
 */
import fc from 'fast-check';
import {
  documentChecklist,
  formatDocuments,
  missingDocuments,
  parseDocuments,
  type DocumentEntry,
} from '../../src/core/documents';
import {
  deskQueue,
  driveLinks,
  formatWallTime,
  isDriveUrl,
  nextToCheck,
  parseNotes,
  reasonText,
  verificationStamp,
} from '../../src/core/desk';
import { matchHeaders, rowRecord } from '../../src/core/headers';
import { CANDIDATES_TAB } from '../../src/core/schema';
import { parseSettings } from '../../src/core/settings';
import { documentsRule } from '../../src/core/validation/rules';
import type { ValidationContext } from '../../src/core/validation/context';

const REQUIRED = ['KTP', 'Ijazah terakhir', 'Surat keterangan sehat', 'SKCK', 'Pas foto'];

describe('Kelengkapan Berkas: formatter and parser', () => {
  it('writes each checked document with ✓ or ✗, in order, leaving out the unchecked ones', () => {
    const entries: DocumentEntry[] = [
      { name: 'KTP', state: 'Ada' },
      { name: 'Ijazah terakhir', state: 'Ada' },
      { name: 'Surat keterangan sehat', state: 'Belum dicek' },
      { name: 'SKCK', state: 'Tidak ada' },
      { name: 'Pas foto', state: 'Belum dicek' },
    ];
    expect(formatDocuments(entries)).toBe('KTP ✓; Ijazah terakhir ✓; SKCK ✗');
    expect(formatDocuments(entries.map((e) => ({ ...e, state: 'Belum dicek' as const })))).toBe('');
  });

  it('reads back what it writes', () => {
    expect(parseDocuments('KTP ✓; Ijazah terakhir ✓; SKCK ✗')).toEqual([
      { name: 'KTP', state: 'Ada' },
      { name: 'Ijazah terakhir', state: 'Ada' },
      { name: 'SKCK', state: 'Tidak ada' },
    ]);
  });

  it('reads what a person types by hand: words, other check marks, line breaks and commas', () => {
    expect(
      parseDocuments(
        'ktp ada\nIjazah terakhir: tidak ada, SKCK ✔️; Pas foto x; Surat keterangan sehat ?; Surat domisili v',
      ),
    ).toEqual([
      { name: 'ktp', state: 'Ada' },
      { name: 'Ijazah terakhir', state: 'Tidak ada' },
      { name: 'SKCK ✔️', state: 'Belum dicek' },
      { name: 'Pas foto', state: 'Tidak ada' },
      { name: 'Surat keterangan sehat', state: 'Belum dicek' },
      { name: 'Surat domisili', state: 'Ada' },
    ]);
    // A name that merely ends in x or v, or carries no mark, decides nothing.
    expect(parseDocuments('Surat Pajak Dev; Kartu Pers')).toEqual([
      { name: 'Surat Pajak Dev', state: 'Belum dicek' },
      { name: 'Kartu Pers', state: 'Belum dicek' },
    ]);
    expect(parseDocuments('SKCK belum ada; KTP (ada); Pas foto ✘')).toEqual([
      { name: 'SKCK', state: 'Tidak ada' },
      { name: 'KTP', state: 'Ada' },
      { name: 'Pas foto', state: 'Tidak ada' },
    ]);
  });

  it('gives one line per required document, matched ignoring case and spacing; a doubt ("missing" once) wins', () => {
    expect(documentChecklist(REQUIRED, 'ktp ✓; SKCK ✓; skck ✗; Surat domisili ✗')).toEqual([
      { name: 'KTP', state: 'Ada' },
      { name: 'Ijazah terakhir', state: 'Belum dicek' },
      { name: 'Surat keterangan sehat', state: 'Belum dicek' },
      { name: 'SKCK', state: 'Tidak ada' },
      { name: 'Pas foto', state: 'Belum dicek' },
    ]);
    // Only documents still listed in Berkas wajib count.
    expect(missingDocuments(REQUIRED, 'KTP ✓; Surat domisili ✗')).toEqual([]);
    expect(missingDocuments(['KTP', 'Surat domisili'], 'KTP ✓; Surat domisili ✗')).toEqual(['Surat domisili']);
  });

  it('round-trips any checklist of the required documents', () => {
    const state = fc.constantFrom('Ada' as const, 'Tidak ada' as const, 'Belum dicek' as const);
    fc.assert(
      fc.property(fc.array(state, { minLength: REQUIRED.length, maxLength: REQUIRED.length }), (states) => {
        const entries = REQUIRED.map((name, i) => ({ name, state: states[i] }));
        expect(documentChecklist(REQUIRED, formatDocuments(entries))).toEqual(entries);
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const entries = parseDocuments(text);
        for (const e of entries) expect(['Ada', 'Tidak ada', 'Belum dicek']).toContain(e.state);
      }),
    );
  });
});

describe('rule documents.missing', () => {
  const header = CANDIDATES_TAB.columns.map((c) => c.header);
  const map = matchHeaders(CANDIDATES_TAB, header);
  const at = header.indexOf('Kelengkapan Berkas');
  function ctx(requiredDocuments?: string): ValidationContext {
    const rows =
      requiredDocuments === undefined
        ? undefined
        : [
            ['Pengaturan', 'Nilai'],
            ['Berkas wajib', requiredDocuments],
          ];
    const parsed = parseSettings(rows, 480);
    if (!parsed.ok) throw new Error('settings');
    return {
      settings: parsed.settings,
      reference: { year: 2019, month: 11, day: 25 },
      offsetMinutes: 480,
      villages: undefined,
    };
  }
  const row = (cell: string) => {
    const values = header.map(() => '');
    values[at] = cell;
    return rowRecord(map, 2, values);
  };

  it('is an error naming the missing documents, in both languages', () => {
    expect(documentsRule(row('KTP ✓; SKCK ✗; Pas foto ✗'), ctx())).toEqual([
      {
        rule: 'documents.missing',
        severity: 'error',
        column: 'Kelengkapan Berkas',
        message: {
          id: 'berkas belum lengkap: SKCK, Pas foto. Minta berkasnya; setelah diterima, tandai Ada di meja verifikasi (atau ✓ di kolom Kelengkapan Berkas).',
          en: 'documents missing: SKCK, Pas foto. Ask for them; once received, mark them Ada at the verification desk (or ✓ in the Kelengkapan Berkas column).',
        },
      },
    ]);
  });

  it('finds nothing when nothing is marked missing, or the missing one is no longer required', () => {
    expect(documentsRule(row(''), ctx())).toEqual([]);
    expect(documentsRule(row('KTP ✓; SKCK ?'), ctx())).toEqual([]);
    expect(documentsRule(row('SKCK ✗'), ctx('KTP, Ijazah terakhir'))).toEqual([]);
    // An empty Berkas wajib means the default list (settings.ts), so SKCK still counts.
    expect(documentsRule(row('SKCK ✗'), ctx(''))).toHaveLength(1);
  });
});

describe('desk helpers', () => {
  const item = (id: string, status: string, regency = 'A', village = 'x', checked = false) => ({
    id,
    status,
    regency,
    village,
    checked,
  });

  it('orders Perlu Cek, then TMS, then (all) the rest, in sheet order; skips rows without an ID', () => {
    const items = [
      item('K1', 'MS'),
      item('K2', 'TMS'),
      item('K3', 'Perlu Cek', 'B'),
      item('', 'Perlu Cek'),
      item('K5', 'Perlu Cek'),
      item('K6', ''),
    ];
    expect(deskQueue(items, { scope: 'review' }).map((q) => q.id)).toEqual(['K3', 'K5', 'K2']);
    expect(deskQueue(items, { scope: 'all' }).map((q) => q.id)).toEqual(['K3', 'K5', 'K2', 'K1', 'K6']);
    expect(deskQueue(items, { scope: 'review', regency: 'B' }).map((q) => q.id)).toEqual(['K3']);
  });

  it('moves to the next unchecked candidate, wrapping, and says when none is left', () => {
    const queue = [item('K1', 'Perlu Cek', 'A', 'x', true), item('K2', 'Perlu Cek'), item('K3', 'TMS')];
    expect(nextToCheck(queue, '')).toBe('K2');
    expect(nextToCheck(queue, 'K2')).toBe('K3');
    expect(nextToCheck(queue, 'K3')).toBe('K2');
    expect(nextToCheck([item('K1', 'TMS', 'A', 'x', true)], 'K1')).toBe('');
  });

  it('reads Catatan Validasi line by line with its severity', () => {
    expect(parseNotes('✖ Usia 14 tahun\n⚠ Email salah\nℹ Kode lama Papua\n⏳ belum diperiksa')).toEqual([
      { severity: 'error', text: 'Usia 14 tahun' },
      { severity: 'warning', text: 'Email salah' },
      { severity: 'info', text: 'Kode lama Papua' },
      { severity: 'info', text: '⏳ belum diperiksa' },
    ]);
  });

  it('makes links of https Google Drive/Docs addresses only', () => {
    expect(isDriveUrl('https://drive.google.com/open?id=abc')).toBe(true);
    expect(isDriveUrl('https://docs.google.com/document/d/abc/edit')).toBe(true);
    for (const bad of [
      'http://drive.google.com/open?id=abc',
      'javascript:alert(1)',
      'https://drive.google.com.evil.example/x',
      'https://evil.example/https://drive.google.com/',
      'https://drive.google.com/x"onmouseover="alert(1)',
      'https://drive.google.com/<script>',
    ])
      expect(isDriveUrl(bad)).toBe(false);
    const cells = driveLinks(
      ['Nama', 'Unggah'],
      ['Siti https://drive.google.com/a', 'https://drive.google.com/b, https://x.example/c'],
    );
    expect(cells).toEqual([
      {
        column: 'Nama',
        parts: [{ text: 'Siti ' }, { text: 'https://drive.google.com/a', url: 'https://drive.google.com/a' }],
      },
      {
        column: 'Unggah',
        parts: [
          { text: 'https://drive.google.com/b', url: 'https://drive.google.com/b' },
          { text: ', ' },
          { text: 'https://x.example/c' },
        ],
      },
    ]);
    expect(driveLinks(['A'], ['https://x.example/only'])).toEqual([]);
  });

  it('stamps a save to the second and by whom; tells the time in the sheet’s zone; joins the reason', () => {
    const at = new Date(Date.UTC(2019, 10, 27, 1, 2, 3, 456));
    expect(verificationStamp('a@x.id', at)).toBe(
      verificationStamp('a@x.id', new Date(Date.UTC(2019, 10, 27, 1, 2, 3))),
    );
    expect(verificationStamp('a@x.id', at)).not.toBe(verificationStamp('b@x.id', at));
    expect(verificationStamp('', '')).toBe('s|');
    expect(formatWallTime(at, 480)).toBe('27/11/2019 09:02:03');
    expect(reasonText('Berkas wajib tidak lengkap', ' SKCK menyusul ')).toBe(
      'Berkas wajib tidak lengkap: SKCK menyusul',
    );
    expect(reasonText('', 'Sendiri')).toBe('Sendiri');
    expect(reasonText('Umum', '')).toBe('Umum');
  });
});
