/**
 * The summary charts as specs, at the seed's sizes (7 regencies, 210 villages, 28 sessions) and at
 * the design limit (300 sessions): one readable line per bar label, whole numbers on count axes,
 * no chart over a cell that holds data, and tabs as wide as A4 landscape at 100 %.
 */
import { chartOptions, type ChartSpec, DEFAULT_ROW_HEIGHT, type Layout } from '../../src/core/layout';
import { A4_LANDSCAPE } from '../../src/core/printPages';
import {
  attendanceSummary,
  MAX_BAR_LABELS,
  selectionSummary,
  type SessionAttendance,
  type SummaryCandidate,
} from '../../src/core/summaries';
import { UNSUR } from '../../src/core/vocab';
import { heightOf } from '../support/layout';

const REGENCIES = ['Aceh Besar', 'Tanah Laut', 'Sigi', 'Kupang', 'Jayapura', 'Banyumas', 'Lombok Barat'];

function selection(): Layout {
  const candidates: SummaryCandidate[] = [];
  const keys: string[] = [];
  REGENCIES.forEach((regency, r) => {
    for (let v = 0; v < 30; v++)
      for (let k = 0; k < 7; k++) {
        candidates.push({
          province: `Provinsi ${r}`,
          regency,
          village: `Desa ${v}`,
          sex: k % 2 ? 'L' : 'P',
          status: k === 6 ? 'TMS' : 'MS',
          result: k === 0 ? 'Lulus' : k === 1 ? 'Cadangan' : k === 6 ? '' : 'Tidak Lulus',
          final: k === 6 ? undefined : 40 + k * 9,
        });
        keys.push(`${r}|${v}`);
      }
  });
  return selectionSummary({
    candidates,
    keys,
    villages: [],
    tmsReasons: [['NIK bukan 16 digit', 210]],
    agreement: undefined,
    notices: [],
    lang: 'id',
    stamp: 'x',
  });
}

function attendance(sessions: number): Layout {
  const list: SessionAttendance[] = Array.from({ length: sessions }, (_, i) => ({
    code: `FGD-${i + 1}`,
    name: `FGD hari ${(i % 4) + 1}`,
    date: { year: 2019, month: 11, day: 1 + (i % 28) },
    regency: REGENCIES[i % REGENCIES.length],
    rows: Array.from({ length: 20 }, (_, j) => ({
      sex: j % 2 ? 'L' : 'P',
      unsur: UNSUR[j % UNSUR.length],
      ticked: j % 3 > 0,
    })),
  }));
  return attendanceSummary({ sessions: list, lang: 'id', stamp: 'x', notices: [] });
}

/** Bars a chart draws: the rows of its first range below the header. */
const labels = (spec: ChartSpec) => spec.ranges[0].rows - 1;

/** Every cell under the chart's rectangle (rows at the default height, columns at the layout's widths). */
function cellsUnder(layout: Layout, spec: ChartSpec): Array<[number, number]> {
  const rows = Math.ceil(spec.height / DEFAULT_ROW_HEIGHT);
  const cells: Array<[number, number]> = [];
  let x = 0;
  for (let c = spec.anchor.column; c <= layout.widths.length && x < spec.width; c++) {
    for (let r = spec.anchor.row; r < spec.anchor.row + rows; r++) cells.push([r, c]);
    x += layout.widths[c - 1];
  }
  return cells;
}

const layouts: Array<[string, () => Layout]> = [
  ['Rekap Seleksi (7 regencies, 210 villages)', selection],
  ['Rekap Kehadiran (28 sessions)', () => attendance(28)],
  ['Rekap Kehadiran (300 sessions)', () => attendance(300)],
];

describe.each(layouts)('%s', (_name, build) => {
  const layout = build();

  it('is no wider than A4 landscape at 100 %, and neither is any chart', () => {
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(A4_LANDSCAPE.width);
    for (const spec of layout.charts ?? []) expect(spec.width).toBeLessThanOrEqual(A4_LANDSCAPE.width);
  });

  it('draws no chart over a cell that holds anything', () => {
    for (const spec of layout.charts ?? []) {
      const covered = cellsUnder(layout, spec).filter(([r, c]) => (layout.values[r - 1]?.[c - 1] ?? '') !== '');
      expect([spec.title, covered]).toEqual([spec.title, []]);
    }
  });

  it('keeps every chart on one printed page (A4 landscape)', () => {
    // Where each row starts on the printed pages: a row that does not fit starts the next page.
    const pageOf: number[] = [];
    let page = 0;
    let fill = 0;
    for (let row = 1; row <= layout.values.length; row++) {
      if (fill + heightOf(layout, row) > A4_LANDSCAPE.height) [page, fill] = [page + 1, 0];
      pageOf[row] = page;
      fill += heightOf(layout, row);
    }
    for (const spec of layout.charts ?? []) {
      const last = spec.anchor.row + Math.ceil(spec.height / DEFAULT_ROW_HEIGHT) - 1;
      expect([spec.title, pageOf[last]]).toEqual([spec.title, pageOf[spec.anchor.row]]);
    }
    // The first chart fits under the title: page 1 is never the title alone.
    expect(pageOf[layout.charts![0].anchor.row]).toBe(0);
  });

  it('gives every bar label a line of its own', () => {
    for (const spec of (layout.charts ?? []).filter((s) => s.type === 'BAR')) {
      expect(labels(spec)).toBeLessThanOrEqual(MAX_BAR_LABELS);
      // The plot area (the chart less its title and axis, about 90 px) has a line of 9-pt text (13 px) or more a label.
      expect((spec.height - 90) / labels(spec)).toBeGreaterThanOrEqual(13);
    }
  });

  it('shows counts in whole numbers and rates in per cent, on the value axis', () => {
    for (const spec of layout.charts ?? []) {
      if (spec.type === 'PIE') continue;
      const options = chartOptions(spec);
      const axis = options[spec.type === 'BAR' ? 'hAxis' : 'vAxis'] as { format: string };
      expect(axis.format).toBe(spec.valueFormat === '0%' ? '0%' : '0');
    }
  });
});

describe('count axes with small numbers', () => {
  it('ask for one gridline per whole number, so no axis reads 0.3 of a candidate', () => {
    const layout = attendance(2); // 2 sessions of 20: at most 3 people of one group attended
    const unsur = layout.charts!.find((s) => s.title === 'Peserta menurut unsur')!;
    const axis = chartOptions(unsur).hAxis as { gridlines?: { count: number }; viewWindow: { min: number } };
    expect(axis.viewWindow.min).toBe(0);
    expect(axis.gridlines).toBeUndefined(); // 6 invited per group: Sheets' own steps are whole
    const histogram = selectionSummary({
      candidates: [{ province: 'P', regency: 'R', village: 'V', sex: 'L', status: 'MS', result: 'Lulus', final: 75 }],
      keys: ['v'],
      villages: [],
      tmsReasons: [],
      agreement: undefined,
      notices: [],
      lang: 'id',
      stamp: 'x',
    }).charts!.find((s) => s.title === 'Sebaran skor akhir')!;
    expect(chartOptions(histogram).vAxis).toEqual({ format: '0', viewWindow: { min: 0 }, gridlines: { count: 2 } });
  });

  it('switches the attendance chart to regencies when there are more sessions than labels fit', () => {
    expect(attendance(28).charts![0].title).toBe('Tingkat kehadiran per sesi');
    expect(attendance(300).charts![0].title).toBe('Tingkat kehadiran per kabupaten/kota');
    expect(labels(attendance(300).charts![0])).toBe(REGENCIES.length);
  });
});
