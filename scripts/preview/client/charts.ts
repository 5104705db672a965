/**
 * Inline SVG for the charts the add-in inserts: column (grouped or stacked), bar and pie, from the
 * data the server read off the chart's ranges. Drawn at the chart's anchor cell when that row is on
 * screen, otherwise below the grid. Labels go in with textContent.
 */
import type { ChartOut } from '../view';
import type { GridHandle } from './grid';

const NS = 'http://www.w3.org/2000/svg';
const COLOURS = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function fmt(v: number, percent: boolean): string {
  if (percent) return `${Math.round(v * 100)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function legend(svg: SVGSVGElement, names: string[], y: number): void {
  let x = 60;
  names.forEach((name, i) => {
    svg.append(el('rect', { x, y: y - 9, width: 10, height: 10, fill: COLOURS[i % COLOURS.length] }));
    const label = el('text', { x: x + 14, y }, name);
    svg.append(label);
    x += 24 + Math.min(140, name.length * 6.5);
  });
}

function axes(chart: ChartOut, svg: SVGSVGElement, horizontal: boolean): void {
  const { labels, series, stacked, percent, width, height } = chart;
  const top = 44;
  const bottom = height - 56;
  const left = horizontal ? 150 : 50;
  const right = width - 20;
  const totals = labels.map((_, i) =>
    stacked
      ? series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const max = percent ? Math.max(1, niceMax(Math.max(...totals, 0))) : niceMax(Math.max(...totals, 0));
  const span = horizontal ? right - left : bottom - top;
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    const at = (span * k) / 4;
    if (horizontal) {
      svg.append(el('line', { x1: left + at, y1: top, x2: left + at, y2: bottom, stroke: '#e0e0e0' }));
      svg.append(el('text', { x: left + at, y: bottom + 14, 'text-anchor': 'middle' }, fmt(v, percent)));
    } else {
      svg.append(el('line', { x1: left, y1: bottom - at, x2: right, y2: bottom - at, stroke: '#e0e0e0' }));
      svg.append(el('text', { x: left - 6, y: bottom - at + 4, 'text-anchor': 'end' }, fmt(v, percent)));
    }
  }
  const n = Math.max(1, labels.length);
  const band = (horizontal ? bottom - top : right - left) / n;
  const groups = stacked ? 1 : Math.max(1, series.length);
  const thick = Math.max(2, (band * 0.7) / groups);
  labels.forEach((label, i) => {
    let offset = 0;
    series.forEach((s, j) => {
      const v = Math.max(0, s.values[i] ?? 0);
      const len = (v / max) * span;
      const slot = stacked ? 0 : j;
      const start = band * i + band * 0.15 + slot * thick;
      const rect = horizontal
        ? el('rect', { x: left + offset, y: top + start, width: len, height: thick, fill: COLOURS[j % COLOURS.length] })
        : el('rect', {
            x: left + start,
            y: bottom - offset - len,
            width: thick,
            height: len,
            fill: COLOURS[j % COLOURS.length],
          });
      rect.append(el('title', {}, `${label} · ${s.name}: ${fmt(s.values[i] ?? 0, percent)}`));
      svg.append(rect);
      if (stacked) offset += len;
    });
    const short = label.length > 22 ? `${label.slice(0, 21)}…` : label;
    if (horizontal)
      svg.append(el('text', { x: left - 6, y: top + band * i + band / 2 + 4, 'text-anchor': 'end' }, short));
    else
      svg.append(
        el(
          'text',
          { x: left + band * i + band / 2, y: bottom + 14, 'text-anchor': 'middle' },
          n > 8 && label.length > 6 ? `${label.slice(0, 6)}…` : short,
        ),
      );
  });
  if (series.length > 1 || stacked)
    legend(
      svg,
      series.map((s) => s.name),
      height - 16,
    );
}

function pie(chart: ChartOut, svg: SVGSVGElement): void {
  const values = (chart.series[0]?.values ?? []).map((v) => Math.max(0, v));
  const total = values.reduce((a, b) => a + b, 0);
  // Sized to the chart: the title above, the legend to the right.
  const r = Math.max(30, Math.min(110, chart.height / 2 - 40));
  const cx = 40 + r;
  const cy = 30 + chart.height / 2;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (total <= 0 || v <= 0) return;
    const sweep = (v / total) * Math.PI * 2;
    const colour = COLOURS[i % COLOURS.length];
    const x1 = cx + r * Math.cos(angle);
    const y1 = cy + r * Math.sin(angle);
    const x2 = cx + r * Math.cos(angle + sweep);
    const y2 = cy + r * Math.sin(angle + sweep);
    const shape =
      sweep >= Math.PI * 2 - 1e-9
        ? el('circle', { cx, cy, r, fill: colour })
        : el('path', {
            d: `M${cx},${cy} L${x1},${y1} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2},${y2} Z`,
            fill: colour,
            stroke: '#fff',
          });
    shape.append(el('title', {}, `${chart.labels[i] ?? ''}: ${v} (${Math.round((v / total) * 100)}%)`));
    svg.append(shape);
    angle += sweep;
  });
  chart.labels.forEach((label, i) => {
    const y = cy - r + 20 + i * 22;
    const x = cx + r + 40;
    svg.append(el('rect', { x, y: y - 10, width: 12, height: 12, fill: COLOURS[i % COLOURS.length] }));
    svg.append(
      el('text', { x: x + 18, y }, `${label} — ${total > 0 ? Math.round(((values[i] ?? 0) / total) * 100) : 0}%`),
    );
  });
}

export interface Placed {
  top: number;
  left: number;
}

/** Draws `chart`; `placed` holds the charts already drawn on this tab, so they do not cover each other. */
export function renderChart(scroller: HTMLElement, grid: GridHandle, chart: ChartOut, placed: Placed[]): void {
  const { width: W, height: H } = chart; // the size the add-on asked for, as Sheets draws it
  const svg = el('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
  svg.setAttribute('aria-label', chart.title);
  svg.dataset.type = chart.type;
  svg.append(el('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
  svg.append(el('text', { x: 16, y: 26, class: 'title' }, chart.title));
  if (chart.type === 'PIE') pie(chart, svg);
  else axes(chart, svg, chart.type === 'BAR');
  const at = grid.cellOrigin(chart.anchor.row, chart.anchor.col);
  if (at) {
    let top = at.top;
    const overlaps = () =>
      placed.some((p) => Math.abs(p.left - at.left) < W && top < p.top + H + 8 && top + H + 8 > p.top);
    while (overlaps())
      top = Math.max(...placed.filter((p) => Math.abs(p.left - at.left) < W).map((p) => p.top)) + H + 8;
    placed.push({ top, left: at.left });
    svg.style.top = `${top}px`;
    svg.style.left = `${at.left}px`;
    scroller.append(svg);
    return;
  }
  let below = scroller.querySelector<HTMLElement>('.charts-below');
  if (!below) {
    below = document.createElement('div');
    below.className = 'charts-below';
    scroller.append(below);
  }
  svg.classList.add('below');
  below.append(svg);
}
