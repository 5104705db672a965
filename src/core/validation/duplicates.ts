/**
 * Rules across rows: the same NIK, ID or phone on two rows. Each row names the others, so
 * whoever fixes one sees where the twin is.
 */
import { isNikShape, nikText } from '../nik';
import { parsePhone } from '../phone';
import type { Bilingual } from '../types';
import { FROM_FORM } from '../vocab';
import { type Finding, type RuleCode, finding } from './findings';
import type { RowRecord } from '../headers';
import type { CandidateHeader } from '../schema';

/** A filled row with the ID it will have after this run's assignment. */
export interface Candidate {
  row: RowRecord<CandidateHeader>;
  id: string;
}

type Key = (candidate: Candidate) => string | undefined;

const nikKey: Key = ({ row }) => {
  const { cleaned } = nikText(row.value('NIK'));
  return isNikShape(cleaned) ? cleaned : undefined;
};

const idKey: Key = ({ id }) => id.toUpperCase() || undefined;

const phoneKey: Key = ({ row }) => {
  const phone = parsePhone(row.value('No. HP'));
  return phone.national || undefined;
};

function groups(candidates: readonly Candidate[], key: Key): Map<RowRecord<CandidateHeader>, number[]> {
  const byKey = new Map<string, RowRecord<CandidateHeader>[]>();
  for (const candidate of candidates) {
    const k = key(candidate);
    if (k === undefined) continue;
    const same = byKey.get(k);
    if (same) same.push(candidate.row);
    else byKey.set(k, [candidate.row]);
  }
  const twins = new Map<RowRecord<CandidateHeader>, number[]>();
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    for (const row of same)
      twins.set(
        row,
        same.filter((r) => r !== row).map((r) => r.sheetRow),
      );
  }
  return twins;
}

function rowsText(rows: number[], lang: 'id' | 'en'): string {
  const shown = rows.slice(0, 5).join(', ');
  const more =
    rows.length > 5 ? (lang === 'id' ? ` dan ${rows.length - 5} lainnya` : ` and ${rows.length - 5} more`) : '';
  return shown + more;
}

const CHECKS: Array<{ rule: RuleCode; column: CandidateHeader; key: Key; message: (rows: number[]) => Bilingual }> = [
  {
    rule: 'nik.duplicate',
    column: 'NIK',
    key: nikKey,
    message: (rows) => ({
      id: `NIK yang sama juga ada di baris ${rowsText(rows, 'id')}. Satu orang hanya boleh terdaftar sekali: hapus baris ganda atau perbaiki NIK yang salah.`,
      en: `The same NIK is also on row ${rowsText(rows, 'en')}. A person may register only once: delete the duplicate or correct the wrong NIK.`,
    }),
  },
  {
    rule: 'id.duplicate',
    column: 'ID',
    key: idKey,
    message: (rows) => ({
      id: `ID yang sama juga dipakai di baris ${rowsText(rows, 'id')}. Kosongkan ID pada baris yang baru agar add-on memberi ID baru.`,
      en: `The same ID is also used on row ${rowsText(rows, 'en')}. Clear the ID on the newer row and the add-on will assign a new one.`,
    }),
  },
  {
    rule: 'phone.shared',
    column: 'No. HP',
    key: phoneKey,
    message: (rows) => ({
      id: `No. HP yang sama juga dipakai kandidat di baris ${rowsText(rows, 'id')}. Pastikan setiap kandidat dapat dihubungi langsung.`,
      en: `The same phone number is also used by the candidate on row ${rowsText(rows, 'en')}. Make sure each candidate can be reached directly.`,
    }),
  },
];

/** Findings per row for every duplicate among `rows`. */
export function duplicateFindings(candidates: readonly Candidate[]): Map<RowRecord<CandidateHeader>, Finding[]> {
  const out = new Map<RowRecord<CandidateHeader>, Finding[]>();
  const add = (row: RowRecord<CandidateHeader>, f: Finding) => out.set(row, [...(out.get(row) ?? []), f]);
  for (const check of CHECKS) {
    for (const [row, others] of groups(candidates, check.key))
      add(row, finding(check.rule, check.column, check.message(others)));
  }
  for (const [row, first] of resubmissions(candidates))
    add(row, finding('nik.resubmission', 'NIK', resubmitted(first)));
  return out;
}

/**
 * A form row whose NIK an earlier row (higher up: imports append at the bottom) already has: the
 * candidate sent the form again. It names the first registration's ID, so the verifier keeps one.
 */
function resubmissions(candidates: readonly Candidate[]): Map<RowRecord<CandidateHeader>, Candidate> {
  const first = new Map<string, Candidate>();
  const out = new Map<RowRecord<CandidateHeader>, Candidate>();
  for (const candidate of [...candidates].sort((a, b) => a.row.sheetRow - b.row.sheetRow)) {
    const nik = nikKey(candidate);
    if (nik === undefined) continue;
    const earlier = first.get(nik);
    if (!earlier) first.set(nik, candidate);
    else if (candidate.row.text('Sumber') === FROM_FORM) out.set(candidate.row, earlier);
  }
  return out;
}

function resubmitted(first: Candidate): Bilingual {
  const id = first.id || `baris ${first.row.sheetRow}`;
  const idEn = first.id || `row ${first.row.sheetRow}`;
  return {
    id: `Kiriman formulir ini adalah pendaftaran ulang dari kandidat ${id} (baris ${first.row.sheetRow}). Pertahankan satu baris: putuskan baris yang lain TMS di Keputusan Verifikator (jangan dihapus: impor berikutnya akan membawanya kembali).`,
    en: `This form submission registers again the candidate ${idEn} (row ${first.row.sheetRow}). Keep one row: decide the other TMS in Keputusan Verifikator (do not delete it: the next import would bring it back).`,
  };
}
