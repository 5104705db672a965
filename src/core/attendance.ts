/**
 * One attendance sheet (daftar hadir) as a layout, ready to print on A4 portrait: header block,
 * numbered table with the classic zig-zag signature column (odd numbers sign on the left, even on
 * the right), blank numbered rows for walk-ins, a summary line and the signature block. A `Hadir`
 * tick column records attendance afterwards; ticks are carried over when the tab is rebuilt.
 */
import { asText } from './cells';
import { formatDayAndDate, formatLongDate } from './dates';
import { type BlockFormat, type Layout, rectangular } from './layout';
import { showPersonal } from './privacy';
import type { Participant, Session } from './sessions';
import type { Settings } from './settings';
import { cellText, matchKey } from './text';
import { type CellValue, type Grid, type Lang, pick } from './types';
import { UNSUR } from './vocab';

export const ATTENDANCE_PREFIX = 'DH ';
/** Column widths (px) that fit A4 portrait with 1.27 cm margins (≈ 698 px printable). */
export const ATTENDANCE_WIDTHS = [26, 120, 26, 80, 90, 100, 80, 50, 50, 40];
const COLUMNS = ATTENDANCE_WIDTHS.length;
const TICK_COLUMN = 10;
const HEADER_BG = '#e8eaed';

/** `DH <Kode Sesi>`, within Sheets' 100-character limit. */
export function attendanceTabName(code: string): string {
  return `${ATTENDANCE_PREFIX}${code}`.slice(0, 100);
}

export function tickKey(name: string, institution: string, unsur: string): string {
  return `${matchKey(name)}|${matchKey(institution)}|${matchKey(unsur)}`;
}

const HEADERS = {
  id: ['No', 'Nama', 'L/P', 'Unsur', 'Jabatan', 'Instansi/Asal', 'No. HP', 'Tanda Tangan', '', 'Hadir'],
  en: ['No', 'Name', 'Sex', 'Group', 'Position', 'Institution', 'Phone', 'Signature', '', 'Hadir'],
};

export interface OldRow {
  name: string;
  sex: string;
  institution: string;
  unsur: string;
  ticked: boolean;
}

/** The participant rows of an existing attendance tab, with their ticks. */
export function readAttendanceRows(values: Grid | undefined): OldRow[] {
  if (!values) return [];
  const header = values.findIndex((r) => cellText(r[0]) === 'No' && cellText(r[TICK_COLUMN - 1]) === 'Hadir');
  if (header < 0) return [];
  const out: OldRow[] = [];
  for (const row of values.slice(header + 1)) {
    if (typeof row[0] !== 'number' && !/^\d+$/.test(cellText(row[0]))) break;
    if (cellText(row[1]) === '') continue; // a blank walk-in row
    out.push({
      name: cellText(row[1]),
      sex: cellText(row[2]),
      institution: cellText(row[5]),
      unsur: cellText(row[3]),
      ticked: row[TICK_COLUMN - 1] === true,
    });
  }
  return out;
}

/** Groups in the contract's order, then names alphabetically. */
export function orderParticipants(list: readonly Participant[]): Participant[] {
  return [...list].sort(
    (a, b) =>
      UNSUR.indexOf(a.unsur) - UNSUR.indexOf(b.unsur) || a.name.localeCompare(b.name, 'id') || a.sheetRow - b.sheetRow,
  );
}

export interface AttendanceInput {
  session: Session;
  participants: readonly Participant[];
  settings: Settings;
  lang: Lang;
  /** Ticks from the tab as it was, by tickKey. */
  ticks: ReadonlyMap<string, boolean>;
}

function timeText(session: Session, lang: Lang): string {
  const end = session.end ? `${session.end} ${session.zone}` : lang === 'en' ? 'until finished' : 'selesai';
  return `${lang === 'en' ? 'at' : 'pukul'} ${session.start} ${session.zone} – ${end}`;
}

function areaText(session: Session, lang: Lang): string {
  const parts = [
    session.village && `${lang === 'en' ? 'Village' : 'Desa/Kel.'} ${session.village}`,
    session.district && `Kec. ${session.district}`,
    session.regency,
    session.province,
  ];
  return parts.filter(Boolean).join(', ');
}

export function attendanceLayout(input: AttendanceInput): Layout {
  const { session, settings, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const rows: Grid = [];
  const formats: BlockFormat[] = [];
  const line = (
    values: CellValue[],
    format?: Omit<BlockFormat, 'row' | 'column' | 'rows' | 'columns'>,
    from = 1,
    span = COLUMNS,
  ) => {
    const row = new Array<CellValue>(COLUMNS).fill('');
    values.forEach((v, i) => (row[from - 1 + i] = v));
    rows.push(row);
    if (format) formats.push({ row: rows.length, column: from, rows: 1, columns: span, ...format });
  };

  line([asText(settings.organiser.toUpperCase())], { bold: true, merge: true, horizontal: 'center' });
  line([t('DAFTAR HADIR', 'ATTENDANCE LIST (DAFTAR HADIR)')], {
    bold: true,
    fontSize: 14,
    merge: true,
    horizontal: 'center',
  });
  line([asText(session.name || session.code)], {
    bold: true,
    fontSize: 12,
    merge: true,
    horizontal: 'center',
    wrap: true,
  });
  line([asText(settings.activityName)], { merge: true, horizontal: 'center', wrap: true });
  line([]);
  const info: Array<[string, string]> = [
    [t('Hari/Tanggal', 'Day/Date'), formatDayAndDate(session.date, lang)],
    [t('Waktu', 'Time'), timeText(session, lang)],
    [t('Tempat', 'Venue'), session.venue],
    [t('Wilayah', 'Area'), areaText(session, lang)],
  ];
  if (session.facilitator) info.push([t('Fasilitator', 'Facilitator'), session.facilitator]);
  for (const [label, value] of info) {
    line([label], { merge: true, bold: true }, 1, 2);
    rows[rows.length - 1][2] = asText(`: ${value}`);
    formats.push({ row: rows.length, column: 3, rows: 1, columns: COLUMNS - 2, merge: true, wrap: true });
  }
  line([]);

  const headerRow = rows.length + 1;
  line(HEADERS[lang], {
    bold: true,
    background: HEADER_BG,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    fontSize: 9,
  });
  formats.push({ row: headerRow, column: 8, rows: 1, columns: 2, merge: true });

  const people = orderParticipants(input.participants);
  const firstData = rows.length + 1;
  people.forEach((p, i) => {
    const n = i + 1;
    const phone =
      cellText(p.phone) === '' ? '' : showPersonal('No. HP', p.phone, p.phoneShown, settings.maskPersonalData);
    const ticked = input.ticks.get(tickKey(p.name, p.institution, p.unsur)) === true;
    line([
      n,
      asText(p.name),
      p.sex,
      p.unsur,
      asText(p.position),
      asText(p.institution),
      asText(phone),
      ...zigzag(n),
      ticked,
    ]);
  });
  for (let i = 0; i < settings.walkInRows; i++) {
    const n = people.length + i + 1;
    line([n, '', '', '', '', '', '', ...zigzag(n), '']);
  }
  const tableRows = rows.length - firstData + 1;
  if (tableRows > 0) {
    formats.push({
      row: firstData,
      column: 1,
      rows: tableRows,
      columns: 7,
      vertical: 'middle',
      wrap: true,
      fontSize: 8,
    });
    formats.push({ row: firstData, column: 1, rows: tableRows, columns: 1, horizontal: 'center' });
    formats.push({ row: firstData, column: 3, rows: tableRows, columns: 1, horizontal: 'center' });
    formats.push({
      row: firstData,
      column: 8,
      rows: tableRows,
      columns: 2,
      vertical: 'top',
      horizontal: 'left',
      fontSize: 9,
    });
    formats.push({
      row: firstData,
      column: TICK_COLUMN,
      rows: tableRows,
      columns: 1,
      vertical: 'middle',
      horizontal: 'center',
    });
  }
  formats.push({ row: headerRow, column: 1, rows: tableRows + 1, columns: COLUMNS, borders: true });

  line([]);
  line([asText(summaryText(people, lang))], { merge: true, wrap: true, italic: true });
  line([]);
  // Each regency signs its own sheets: the session's city first, the setting when it is blank.
  const signing = session.signingCity || settings.signingCity;
  const city = signing ? `${signing}, ` : '';
  line([asText(`${city}${formatLongDate(session.date, lang)}`)], { merge: true, horizontal: 'center' }, 7, 4);
  line([t('Penanggung jawab,', 'Person responsible,')], { merge: true, horizontal: 'center' }, 7, 4);
  const signRow = rows.length + 1;
  line([]);
  line(
    [asText(settings.responsibleName || '(.................................)')],
    { merge: true, horizontal: 'center', bold: true, underline: settings.responsibleName !== '' },
    7,
    4,
  );
  line(
    [
      settings.responsibleNip
        ? asText(`NIP. ${settings.responsibleNip}`)
        : t('NIP. ..............................', 'NIP. ..............................'),
    ],
    { merge: true, horizontal: 'center' },
    7,
    4,
  );

  return {
    values: rectangular(rows),
    formats,
    widths: ATTENDANCE_WIDTHS,
    frozenRows: 0,
    rowHeights: [
      ...(tableRows > 0 ? [{ row: firstData, rows: tableRows, height: 40 }] : []),
      { row: signRow, rows: 1, height: 64 },
    ],
    checkboxes: { row: firstData, column: TICK_COLUMN, rows: people.length },
    note: t(
      `Dibuat oleh add-on Seleksi & FGD dari tab Sesi dan Peserta (sesi ${session.code}). Centang kolom Hadir setelah kegiatan; centang tetap ada saat daftar dibuat ulang. Peserta tambahan: tambahkan ke tab Peserta.`,
      `Generated by the Seleksi & FGD add-on from the Sesi and Peserta tabs (session ${session.code}). Tick Hadir after the event; ticks are kept when the sheet is rebuilt. Walk-ins: add them to the Peserta tab.`,
    ),
  };
}

/** The classic zig-zag: odd numbers sign in the left half of the signature column, even in the right. */
function zigzag(n: number): [CellValue, CellValue] {
  const label = asText(`${n}.`); // "1." would otherwise be read as the number 1
  return n % 2 === 1 ? [label, ''] : ['', label];
}

export function summaryText(people: readonly Participant[], lang: Lang): string {
  const men = people.filter((p) => p.sex === 'L').length;
  const women = people.filter((p) => p.sex === 'P').length;
  const groups = UNSUR.map((u) => [u, people.filter((p) => p.unsur === u).length] as const).filter(([, n]) => n > 0);
  const head = pick(
    {
      id: `Jumlah peserta terdaftar: ${people.length} orang (L ${men}, P ${women})`,
      en: `Registered participants: ${people.length} (M ${men}, F ${women})`,
    },
    lang,
  );
  return groups.length ? `${head}. ${groups.map(([u, n]) => `${u} ${n}`).join(' · ')}.` : `${head}.`;
}
