/**
 * The two public announcements as printable layouts (A4 portrait at 100 %, pages planned as for the
 * attendance sheets, core/printPages.ts): `Pengumuman Administrasi` (every candidate's MS / TMS /
 * Perlu Cek, per regency and village, with reason codes explained in a legend) and `Pengumuman
 * Hasil Akhir` (Lulus and Cadangan per quota unit in rank order). Each candidate table's header row
 * uses ANNOUNCED_HEADERS, so `announcedResults` reads either announcement back.
 *
 * What is printed about a person: ID, name, a masked NIK (always, whatever `Samarkan data
 * pribadi` says), village, the result, and — on the administrative one — reason codes that stand
 * for validation rules (their titles in the legend). Never a birth date, phone number, address, a
 * finding's message (it quotes the cells) or the verifier's free-text reason (it may quote them too):
 * a verifier's decision is shown as its own code, "Diputuskan verifikator".
 */
import { ANNOUNCED_HEADERS, ADMIN_ANNOUNCEMENT_TAB, FINAL_ANNOUNCEMENT_TAB } from './announcedResults';
import { heightRuns } from './attendance';
import { asText } from './cells';
import { type CalendarDate, formatLongDate } from './dates';
import type { BlockFormat, Layout } from './layout';
import { rectangular } from './layout';
import { describeWindow, type ObjectionWindow } from './objectionWindow';
import { heightForLines, PAGE_BODY, wrappedLines } from './printPages';
import { showPersonal } from './privacy';
import type { PlaceNames } from './placeNames';
import type { RankedCandidate } from './ranking';
import { resultOrder } from './resultsReport';
import type { Settings } from './settings';
import { cellText, matchKey } from './text';
import { type CellValue, type Lang, pick } from './types';
import { RULES, type RuleCode } from './validation/findings';
import { overrideOf } from './validation/rules';
import type { RowOutcome } from './validation/validate';

/**
 * Every row is a whole number of ROWs tall, and a ROW is the tab's default height: a page (PAGE_BODY,
 * 40 ROWs) fills exactly with blank rows of the default height, and only rows that need more room
 * (the heading, a wrapped name, the space to sign) cost a call to size, however many pages there
 * are. 24 px holds one line of 10-point text; 960 px plus the next page's first row (24 px) do not
 * fit on A4 (978 px), so a printer breaks where the plan does.
 */
export const ROW = 24;
const LINE = ROW;
const TITLE = 2 * ROW;
const TABLE_FONT = 8;
const HEADER_FONT = 8;
/** A height in whole ROWs, at least one. */
const inRows = (px: number) => Math.max(ROW, Math.ceil(px / ROW) * ROW);
const HEADER_BG = '#e8eaed';
const SECTION_BG = '#f3f3f3';

/**
 * The reason codes, numbered once: "A08" is the eighth rule here. A code printed on an announcement
 * must keep its meaning, so a new validation rule is appended at the end, never inserted (the type
 * makes the list name every rule; a test checks each appears once).
 */
export const REASON_ORDER: readonly RuleCode[] = [
  'required',
  'id.duplicate',
  'sex.invalid',
  'nik.format',
  'nik.province',
  'nik.birthdate',
  'nik.serial',
  'nik.duplicate',
  'nik.resubmission',
  'nik.regency',
  'nik.regency-old-papua',
  'nik.birthdate-mismatch',
  'nik.sex-mismatch',
  'nik.number-cell',
  'birthdate.format',
  'age.range',
  'education.unknown',
  'education.below-minimum',
  'phone.invalid',
  'phone.landline',
  'phone.shared',
  'email.format',
  'domicile.not-target',
  'override.invalid',
  'override.applied',
  'row.unchecked',
  'duplicate.pending',
  'documents.missing',
  'objection.accepted',
] satisfies ReadonlyArray<keyof typeof RULES>;

/** The short code a candidate looks up in the legend: "A08" for the eighth rule of REASON_ORDER. */
export function reasonCode(rule: RuleCode): string {
  return `A${String(REASON_ORDER.indexOf(rule) + 1).padStart(2, '0')}`;
}

/**
 * The rules behind a candidate's status, as codes: for TMS its errors, for Perlu Cek its warnings,
 * and the verifier's decision when it set the status. Nothing for MS.
 */
export function reasonRules(row: RowOutcome): RuleCode[] {
  if (row.status !== 'TMS' && row.status !== 'Perlu Cek') return [];
  const rules: RuleCode[] = [];
  const override = overrideOf(row.record);
  if (override && override.decision === row.status) rules.push('override.applied');
  const severity = row.status === 'TMS' ? 'error' : 'warning';
  for (const f of row.findings) if (f.severity === severity && !rules.includes(f.rule)) rules.push(f.rule);
  return rules.sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
}

// ---- A printed document: header block, tables in sections, closing units, a footer per page ----

type CellFormat = Omit<BlockFormat, 'row' | 'rows' | 'column' | 'columns'>;

interface PrintRow {
  values: CellValue[];
  height: number;
  formats: Array<Omit<BlockFormat, 'row' | 'rows'>>;
}

interface Section {
  title: string;
  header: CellValue[];
  rows: PrintRow[];
}

interface Doc {
  widths: readonly number[];
  head: PrintRow[];
  sections: Section[];
  /** Blocks kept together on one page (a legend line, the signature block). */
  closing: PrintRow[][];
  /** Label of the document in the footer and on continuation pages. */
  label: string;
  lang: Lang;
}

function blankRow(columns: number, height: number): PrintRow {
  return { values: new Array<CellValue>(columns).fill(''), height, formats: [] };
}

/** A line of text across `span` columns from `from` (merged), as tall as its wrapped text needs. */
function banner(
  widths: readonly number[],
  text: string,
  format: CellFormat,
  minHeight = LINE,
  from = 1,
  span = widths.length - from + 1,
): PrintRow {
  const width = widths.slice(from - 1, from - 1 + span).reduce((a, b) => a + b, 0);
  const fontPt = format.fontSize ?? 10;
  const lines = format.wrap ? wrappedLines(text, width, fontPt, format.bold) : 1;
  const row = blankRow(widths.length, inRows(Math.max(minHeight, heightForLines(lines, fontPt))));
  row.values[from - 1] = asText(text);
  row.formats.push({ column: from, columns: span, merge: true, ...format });
  return row;
}

/**
 * A line of left-aligned text across the page. One that fits on one line is written unmerged (its
 * text runs over the empty cells beside it, and lines that recur on every page or section cost no
 * call of their own); a longer one is merged and wrapped, as tall as it needs, so that nothing runs
 * past the page's right edge (a printer would add pages for it).
 */
function line(widths: readonly number[], text: string, format: CellFormat): PrintRow {
  const width = widths.reduce((a, b) => a + b, 0);
  if (wrappedLines(text, width, 10, format.bold) > 1) return banner(widths, text, { wrap: true, ...format });
  const row = blankRow(widths.length, ROW);
  row.values[0] = asText(text);
  row.formats.push({ column: 1, columns: widths.length, vertical: 'middle', ...format });
  return row;
}

/** `text` cut (with "…") to what one line of the page holds. */
function oneLine(widths: readonly number[], text: string, bold: boolean): string {
  const width = widths.reduce((a, b) => a + b, 0);
  if (wrappedLines(text, width, 10, bold) === 1) return text;
  let cut = text;
  while (cut.length > 1 && wrappedLines(`${cut}…`, width, 10, bold) > 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** A table row: its height from the wrapped text of its cells, one line at the least. */
function tableRow(widths: readonly number[], values: CellValue[]): PrintRow {
  const lines = Math.max(
    1,
    ...values.map((v, i) => wrappedLines(cellText(v).replace(/^'/, ''), widths[i], TABLE_FONT)),
  );
  // A monstrous cell would make a row taller than a page: it is cut at what a page holds.
  const height = Math.min(PAGE_BODY - 6 * ROW, inRows(heightForLines(lines, TABLE_FONT)));
  return { values, height, formats: [] };
}

/**
 * The pages: the header block on page 1, a continuation line on the others; each section's title
 * and table header start a page's stretch of that table (with at least one row under them), the
 * header is repeated on every page the table runs on, and each page is filled to exactly
 * PAGE_BODY and ends with a footer naming the document and the page.
 */
function paginateDoc(doc: Doc): Layout {
  const columns = doc.widths.length;
  const t = (id: string, en: string) => (doc.lang === 'en' ? en : id);
  const sheet: PrintRow[] = [];
  const formats: BlockFormat[] = [];
  const footers: number[] = [];
  /** Room for rows on a page, less its footer. */
  const room = PAGE_BODY - ROW;
  let used = 0;
  let table: { header: number; rows: number } | undefined;
  const push = (row: PrintRow) => {
    sheet.push(row);
    used += row.height;
  };
  /** Blank rows of the default height to the foot of the page (every height is a whole number of ROWs). */
  const fill = () => {
    for (; used < room; used += ROW) sheet.push(blankRow(columns, ROW));
  };
  /** Blank rows to the foot of the page, then its footer (its text once the pages are counted). */
  const endPage = () => {
    fill();
    const footer = blankRow(columns, ROW);
    footer.formats.push({
      column: columns,
      columns: 1,
      italic: true,
      fontSize: 8,
      horizontal: 'right',
      vertical: 'bottom',
    });
    sheet.push(footer);
    footers.push(sheet.length);
  };
  const closeTable = () => {
    if (table) formats.push({ row: table.header, column: 1, rows: table.rows + 1, columns, borders: true });
    table = undefined;
  };
  const openTable = (header: CellValue[]) => {
    closeTable();
    const row: PrintRow = {
      values: header,
      height: inRows(
        heightForLines(
          Math.max(...header.map((h, i) => wrappedLines(cellText(h), doc.widths[i], HEADER_FONT, true))),
          HEADER_FONT,
        ),
      ),
      formats: [
        {
          column: 1,
          columns,
          bold: true,
          background: HEADER_BG,
          vertical: 'middle',
          horizontal: 'center',
          wrap: true,
          fontSize: HEADER_FONT,
        },
      ],
    };
    push(row);
    table = { header: sheet.length, rows: 0 };
  };
  const newPage = (section?: Section) => {
    closeTable();
    endPage();
    used = 0;
    const title = `${doc.label} — ${t('lanjutan', 'continued')}${section ? ` · ${section.title}` : ''}`;
    push(line(doc.widths, oneLine(doc.widths, title, true), { bold: true }));
  };

  for (const row of doc.head) push(row);
  for (const section of doc.sections) {
    const first = section.rows[0]?.height ?? 0;
    if (used + 3 * ROW + first > room) newPage();
    push(line(doc.widths, section.title, { bold: true, background: SECTION_BG }));
    openTable(section.header);
    for (const row of section.rows) {
      if (used + row.height > room) {
        newPage(section);
        openTable(section.header);
      }
      push(row);
      if (table) table.rows++;
    }
    closeTable();
    if (used + LINE <= room) push(blankRow(columns, LINE));
  }
  for (const unit of doc.closing) {
    const height = unit.reduce((sum, r) => sum + r.height, 0);
    if (used + height > room) newPage();
    for (const row of unit) push(row);
  }
  // The last page: filled like the others, so its footer is at the foot of the page.
  endPage();

  footers.forEach((row, i) => {
    sheet[row - 1].values[columns - 1] = asText(
      `${doc.label} · ${t(`Halaman ${i + 1} dari ${footers.length}`, `Page ${i + 1} of ${footers.length}`)}`,
    );
  });
  // Each row's own formats, at its row (the candidate tables' body formats are added by bodyFormats).
  sheet.forEach((r, i) => {
    for (const f of r.formats) formats.push({ ...f, row: i + 1, rows: 1 });
  });
  return {
    values: rectangular(sheet.map((r) => r.values)),
    formats,
    widths: [...doc.widths],
    frozenRows: 0,
    defaultRowHeight: ROW,
    rowHeights: heightRuns(
      sheet.map((r) => r.height),
      ROW,
    ),
    note: '',
  };
}

/** Every candidate table's body: the rows under each table header, down to the first row without an ID. */
function bodyBlocks(layout: Layout, header: readonly CellValue[]): Array<{ row: number; rows: number }> {
  const blocks: Array<{ row: number; rows: number }> = [];
  let start = 0;
  const flush = (end: number) => {
    if (start > 0 && end >= start) blocks.push({ row: start, rows: end - start + 1 });
  };
  layout.values.forEach((row, i) => {
    const isHeader = header.every((h, c) => row[c] === h);
    if (isHeader) {
      start = i + 2;
      return;
    }
    if (start > 0 && cellText(row[1]) === '') {
      flush(i);
      start = 0;
    }
  });
  flush(layout.values.length);
  return blocks;
}

/**
 * Formats of the candidate tables' bodies: the font and alignment over each table, and wrapping
 * only on its rows taller than a line. Wrapping changes a cell only when its text needs more than a
 * line, and such a cell is what made its row taller (tableRow); at 50,000 candidates this spares
 * writing the wrap of some 400,000 cells that fit on their line.
 */
function bodyFormats(layout: Layout, header: readonly CellValue[], centred: readonly number[]): BlockFormat[] {
  const columns = header.length;
  const tall = (layout.rowHeights ?? []).filter((h) => h.height > (layout.defaultRowHeight ?? ROW));
  return bodyBlocks(layout, header).flatMap((block) => {
    const end = block.row + block.rows - 1;
    const wrapped = tall
      .map((h) => ({ row: Math.max(h.row, block.row), last: Math.min(h.row + h.rows - 1, end) }))
      .filter((h) => h.last >= h.row)
      .map((h): BlockFormat => ({ row: h.row, rows: h.last - h.row + 1, column: 1, columns, wrap: true }));
    return [
      { ...block, column: 1, columns, fontSize: TABLE_FONT, vertical: 'middle' } as BlockFormat,
      ...wrapped,
      ...centred.map((c): BlockFormat => ({ ...block, column: c, columns: 1, horizontal: 'center' })),
    ];
  });
}

/** The heading of either announcement: organiser, title, activity, its own lines, then the paragraph that explains it. */
function heading(
  widths: readonly number[],
  settings: Settings,
  title: string,
  lines: string[],
  explanation: string,
): PrintRow[] {
  return [
    banner(widths, settings.organiser.toUpperCase(), { bold: true, horizontal: 'center', wrap: true }),
    banner(widths, title, { bold: true, fontSize: 13, horizontal: 'center', wrap: true }, TITLE),
    banner(widths, settings.activityName, { horizontal: 'center', wrap: true }),
    ...lines.map((line) => banner(widths, line, { horizontal: 'center', wrap: true })),
    blankRow(widths.length, LINE),
    banner(widths, explanation, { wrap: true, vertical: 'top' }),
    blankRow(widths.length, LINE),
  ];
}

function signatureBlock(widths: readonly number[], settings: Settings, date: CalendarDate, lang: Lang): PrintRow[] {
  const from = 4;
  const span = widths.length - from + 1;
  const signer = (text: string, extra: CellFormat = {}, height = LINE) =>
    banner(widths, text, { horizontal: 'center', ...extra }, height, from, span);
  const city = settings.signingCity ? `${settings.signingCity}, ` : '';
  return [
    blankRow(widths.length, LINE),
    signer(`${city}${formatLongDate(date, lang)}`),
    signer(lang === 'en' ? 'Person responsible,' : 'Penanggung jawab,'),
    blankRow(widths.length, 3 * ROW),
    signer(settings.responsibleName || '(.................................)', {
      bold: true,
      underline: settings.responsibleName !== '',
    }),
    signer(settings.responsibleNip ? `NIP. ${settings.responsibleNip}` : 'NIP. ..............................'),
  ];
}

/** The masked NIK, whatever the masking setting says: an announcement is public. */
function maskedNik(record: RowOutcome['record']): string {
  const shown = record.text('NIK');
  return shown === '' ? '' : showPersonal('NIK', record.value('NIK'), shown, true);
}

// ---- Pengumuman Administrasi ---------------------------------------------------------------------

/**
 * No | ID Kandidat | Nama | NIK | Desa/Kelurahan | Hasil | Kode Alasan: 648 px, inside A4 portrait's
 * 659. Every header label fits on one line in either language, and so do a masked NIK and every result.
 */
export const ADMIN_WIDTHS = [36, 84, 166, 110, 116, 60, 76];

export interface AdminAnnouncementInput {
  /** The validated rows of Kandidat (blank rows are left out here). */
  rows: readonly RowOutcome[];
  settings: Settings;
  lang: Lang;
  /** The announcement's date (the first one's, kept on Pengaturan), and today when announced again later. */
  date: CalendarDate;
  updated?: CalendarDate;
  window: ObjectionWindow;
  /** The spelling of places on Desa Sasaran: "Kab. Aceh Besar" and "Aceh Besar" are one regency. */
  places: PlaceNames;
}

export function adminHeader(lang: Lang): CellValue[] {
  return [
    'No',
    pick(ANNOUNCED_HEADERS.id, lang),
    lang === 'en' ? 'Name' : 'Nama',
    'NIK',
    'Desa/Kelurahan',
    pick(ANNOUNCED_HEADERS.result, lang),
    lang === 'en' ? 'Reason code' : 'Kode Alasan',
  ];
}

const idOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function adminAnnouncementLayout(input: AdminAnnouncementInput): Layout {
  const { settings, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const widths = ADMIN_WIDTHS;
  const candidates = input.rows.filter((r) => !r.blank && r.status !== '');
  const groups = new Map<string, { regency: string; district: string; village: string; rows: RowOutcome[] }>();
  const { places } = input;
  const placeOf = (row: RowOutcome) => {
    const regency = row.record.text('Kabupaten/Kota');
    const district = row.record.text('Kecamatan');
    return {
      regency: places.regency(regency),
      district: places.district(district, regency),
      village: places.village(row.record.text('Desa/Kelurahan'), district, regency),
    };
  };
  for (const row of candidates) {
    const place = placeOf(row);
    const key = [place.regency, place.district, place.village].map(matchKey).join('|');
    const group = groups.get(key) ?? { ...place, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.regency.localeCompare(b.regency, 'id') ||
      a.district.localeCompare(b.district, 'id') ||
      a.village.localeCompare(b.village, 'id'),
  );
  const used = new Set<RuleCode>();
  let n = 0;
  const header = adminHeader(lang);
  const sections: Section[] = ordered.map((g) => ({
    title: [
      g.regency || t('(kabupaten/kota kosong)', '(no regency)'),
      g.district && `Kec. ${g.district}`,
      `${t('Desa/Kel.', 'Village')} ${g.village || t('(kosong)', '(blank)')}`,
    ]
      .filter(Boolean)
      .join(' · '),
    header,
    rows: [...g.rows]
      .sort((a, b) => idOrder(a.id, b.id))
      .map((r) => {
        const rules = reasonRules(r);
        rules.forEach((rule) => used.add(rule));
        return tableRow(widths, [
          ++n,
          asText(r.id),
          asText(r.record.text('Nama Lengkap')),
          asText(maskedNik(r.record)),
          asText(g.village),
          r.status,
          rules.map(reasonCode).join(', '),
        ]);
      }),
  }));

  const count = (s: string) => candidates.filter((r) => r.status === s).length;
  const lines = [
    `${t('Nomor', 'Number')}: ${settings.adminAnnouncementNumber || '—'}`,
    `${t('Tanggal', 'Date')}: ${formatLongDate(input.date, lang)}${
      input.updated ? ` (${t('diperbarui', 'updated')} ${formatLongDate(input.updated, lang)})` : ''
    }`,
  ];
  const head = heading(
    widths,
    settings,
    t('PENGUMUMAN HASIL SELEKSI ADMINISTRASI', 'ADMINISTRATIVE SELECTION RESULTS'),
    lines,
    t(
      'Berikut hasil seleksi administrasi. MS = memenuhi syarat, TMS = tidak memenuhi syarat, Perlu Cek = masih diperiksa panitia. Arti setiap kode alasan ada di keterangan di akhir pengumuman.',
      'The administrative selection results follow. MS = eligible, TMS = not eligible, Perlu Cek = still being checked by the committee. Each reason code is explained at the end of this announcement.',
    ),
  );

  const closing: PrintRow[][] = [];
  const text = (line: string, format: CellFormat = {}) => banner(widths, line, { wrap: true, ...format });
  closing.push([
    text(
      t(
        `Jumlah: ${candidates.length} kandidat — MS ${count('MS')}, TMS ${count('TMS')}, Perlu Cek ${count('Perlu Cek')}.`,
        `Total: ${candidates.length} candidates — MS ${count('MS')}, TMS ${count('TMS')}, Perlu Cek ${count('Perlu Cek')}.`,
      ),
      { italic: true },
    ),
  ]);
  closing.push([
    text(`${t('Masa sanggah', 'Objection period')}: ${describeWindow(input.window, lang)}`, { bold: true }),
    text(
      t(
        `Kandidat TMS atau Perlu Cek yang keberatan dapat mengajukan sanggahan tertulis kepada panitia dalam masa sanggah, paling banyak ${settings.objectionsPerCandidate} kali, dengan menyebut ID Kandidat. Sanggahan yang masuk setelah masa sanggah tidak diproses.`,
        `A TMS or Perlu Cek candidate who disagrees may file a written objection with the committee within the objection period, at most ${settings.objectionsPerCandidate} time(s), quoting the Candidate ID. Objections arriving after the period are not processed.`,
      ),
      { vertical: 'top' },
    ),
  ]);
  const legend = [...used].sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
  if (legend.length) {
    const [firstRule, ...rest] = legend;
    const line = (rule: RuleCode) => text(`${reasonCode(rule)} — ${pick(RULES[rule].title, lang)}`);
    // The legend's title stays with its first line.
    closing.push([
      blankRow(widths.length, ROW),
      text(t('Keterangan kode alasan:', 'Reason codes:'), { bold: true }),
      line(firstRule),
    ]);
    for (const rule of rest) closing.push([line(rule)]);
  }
  closing.push(signatureBlock(widths, settings, input.updated ?? input.date, lang));

  const layout = paginateDoc({ widths, head, sections, closing, label: ADMIN_ANNOUNCEMENT_TAB, lang });
  layout.formats.push(...bodyFormats(layout, header, [1, 6, 7]));
  layout.note = t(
    'Dibuat oleh add-on Seleksi & FGD (menu Umumkan hasil administrasi) dari Status Administrasi di tab Kandidat. NIK selalu disamarkan; tanggal lahir, No. HP dan alamat tidak dicantumkan. Isi tab ini diganti setiap kali diumumkan ulang.',
    'Generated by the Seleksi & FGD add-on (Announce the administrative results) from Status Administrasi on the Kandidat tab. NIKs are always masked; birth dates, phone numbers and addresses are left out. The content is replaced whenever it is announced again.',
  );
  return layout;
}

// ---- Pengumuman Hasil Akhir ----------------------------------------------------------------------

/** Peringkat | ID Kandidat | Nama | NIK | Desa/Kelurahan | (Skor Akhir) | Hasil: 648 px. */
export const FINAL_WIDTHS = { withScore: [66, 84, 150, 110, 100, 70, 68], noScore: [66, 84, 180, 110, 140, 68] };

export interface FinalAnnouncementInput {
  candidates: readonly RankedCandidate[];
  settings: Settings;
  lang: Lang;
  date: CalendarDate;
}

/** The candidates the final announcement lists, in its order: Lulus and Cadangan, per unit in rank order. */
export function finalListed(candidates: readonly RankedCandidate[]): RankedCandidate[] {
  return resultOrder(candidates.filter((c) => c.result === 'Lulus' || c.result === 'Cadangan'));
}

/** The final score as announced: one decimal, as on Hasil Seleksi. */
export function announcedScore(final: number | undefined): number | '' {
  return final === undefined ? '' : Math.round(final * 10) / 10;
}

export function finalAnnouncementLayout(input: FinalAnnouncementInput): Layout {
  const { settings, lang } = input;
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const withScore = settings.showScoreInAnnouncement;
  const widths = withScore ? FINAL_WIDTHS.withScore : FINAL_WIDTHS.noScore;
  const header: CellValue[] = [
    t('Peringkat', 'Rank'),
    pick(ANNOUNCED_HEADERS.id, lang),
    t('Nama', 'Name'),
    'NIK',
    'Desa/Kelurahan',
    ...(withScore ? [t('Skor Akhir', 'Final score')] : []),
    pick(ANNOUNCED_HEADERS.result, lang),
  ];
  const listed = finalListed(input.candidates);
  const units = new Map<string, RankedCandidate[]>();
  for (const c of listed) units.set(c.unit.key, [...(units.get(c.unit.key) ?? []), c]);
  const sections: Section[] = [...units.values()].map((list) => ({
    title: `${list[0].unit.label} (${t('kuota', 'quota')} ${list[0].unit.quota})`,
    header,
    rows: list.map((c) =>
      tableRow(widths, [
        c.rank ?? '',
        asText(c.id),
        asText(c.record.text('Nama Lengkap')),
        asText(maskedNik(c.record)),
        asText(c.record.text('Desa/Kelurahan')),
        ...(withScore ? [announcedScore(c.final)] : []),
        c.result,
      ]),
    ),
  }));
  const head = heading(
    widths,
    settings,
    t('PENGUMUMAN HASIL AKHIR SELEKSI', 'FINAL SELECTION RESULTS'),
    [`${t('Tanggal', 'Date')}: ${formatLongDate(input.date, lang)}`],
    t(
      'Berikut kandidat yang dinyatakan Lulus dan Cadangan per unit kuota, dalam urutan peringkat, setelah masa sanggah berakhir dan semua sanggahan diputuskan. Cadangan menggantikan yang lulus bila berhalangan, sesuai urutan.',
      'The candidates declared Lulus (passed) and Cadangan (reserve) per quota unit follow, in rank order, after the objection period ended and every objection was decided. Reserves replace a passed candidate who withdraws, in this order.',
    ),
  );
  const count = (r: string) => listed.filter((c) => c.result === r).length;
  const closing: PrintRow[][] = [
    [
      banner(
        widths,
        t(
          `Jumlah: Lulus ${count('Lulus')}, Cadangan ${count('Cadangan')}.`,
          `Total: Lulus ${count('Lulus')}, Cadangan ${count('Cadangan')}.`,
        ),
        { italic: true, wrap: true },
      ),
    ],
    signatureBlock(widths, settings, input.date, lang),
  ];
  const layout = paginateDoc({ widths, head, sections, closing, label: FINAL_ANNOUNCEMENT_TAB, lang });
  const centred = withScore ? [1, 6, 7] : [1, 6];
  layout.formats.push(...bodyFormats(layout, header, centred));
  if (withScore)
    for (const block of bodyBlocks(layout, header))
      layout.formats.push({ ...block, column: 6, columns: 1, numberFormat: '0.0' });
  layout.note = t(
    'Dibuat oleh add-on Seleksi & FGD (menu Umumkan hasil akhir) dari peringkat Hitung skor & peringkat. NIK selalu disamarkan; tanggal lahir, No. HP dan alamat tidak dicantumkan. Isi tab ini diganti setiap kali diumumkan ulang.',
    'Generated by the Seleksi & FGD add-on (Announce the final results) from the ranking of Compute scores & ranking. NIKs are always masked; birth dates, phone numbers and addresses are left out. The content is replaced whenever it is announced again.',
  );
  return layout;
}

// ---- What changed since the last announcement ----------------------------------------------------

export interface AnnouncementChanges {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; from: string; to: string }>;
}

export function announcementChanges(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): AnnouncementChanges {
  const added = [...after.keys()].filter((id) => !before.has(id)).sort(idOrder);
  const removed = [...before.keys()].filter((id) => !after.has(id)).sort(idOrder);
  const changed = [...after.entries()]
    .filter(([id, to]) => before.has(id) && before.get(id) !== to)
    .map(([id, to]) => ({ id, from: before.get(id) ?? '', to }))
    .sort((a, b) => idOrder(a.id, b.id));
  return { added, removed, changed };
}

/** "2 ditambahkan (K-0007, K-0008); 1 status berubah (K-0003 TMS → MS)", or "tidak ada perubahan". */
export function describeChanges(changes: AnnouncementChanges, lang: Lang, max = 30): string {
  const t = (id: string, en: string) => (lang === 'en' ? en : id);
  const list = (items: string[]) =>
    items.length > max ? `${items.slice(0, max).join(', ')}, … (+${items.length - max})` : items.join(', ');
  const parts: string[] = [];
  if (changes.added.length) parts.push(`${changes.added.length} ${t('ditambahkan', 'added')} (${list(changes.added)})`);
  if (changes.removed.length)
    parts.push(`${changes.removed.length} ${t('dihapus', 'removed')} (${list(changes.removed)})`);
  if (changes.changed.length)
    parts.push(
      `${changes.changed.length} ${t('status berubah', 'status changed')} (${list(changes.changed.map((c) => `${c.id} ${c.from} → ${c.to}`))})`,
    );
  return parts.length ? parts.join('; ') : t('tidak ada perubahan', 'no changes');
}
