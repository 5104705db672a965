/** Embedded charts: Sheet.newChart() builder, EmbeddedChart and the `Charts` global (enums only). */
import { rectToA1 } from './a1';
import { enumName, EnumRef, Service, type Runtime, SCOPES } from './runtime';
import { RangeService } from './range';
import type { ChartModel, SheetModel } from './workbook';

function plain(v: unknown): unknown {
  if (v instanceof EnumRef) return v.name;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

export class ChartsService extends Service {
  readonly _class = 'Charts';
  override _minAuth(): 'NONE' {
    return 'NONE';
  }
  override _enums(): Record<string, string> {
    return { ChartType: 'ChartType', Position: 'Position' };
  }
}

export class EmbeddedChartBuilderService extends Service {
  readonly _class = 'EmbeddedChartBuilder';
  constructor(
    rt: Runtime,
    readonly _sheet: SheetModel,
    readonly _model: ChartModel,
  ) {
    super(rt);
  }
  setChartType(type: unknown): this {
    this._model.type = enumName(type);
    return this;
  }
  addRange(range: unknown): this {
    if (range instanceof RangeService) this._model.ranges.push(rectToA1(range._r));
    return this;
  }
  removeRange(range: unknown): this {
    if (range instanceof RangeService) this._model.ranges = this._model.ranges.filter((a) => a !== rectToA1(range._r));
    return this;
  }
  clearRanges(): this {
    this._model.ranges = [];
    return this;
  }
  getRanges(): RangeService[] {
    return chartRanges(this._rt, this._sheet, this._model);
  }
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number): this {
    this._model.position = {
      row: Number(anchorRow),
      col: Number(anchorCol),
      offsetX: Number(offsetX),
      offsetY: Number(offsetY),
    };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this._model.options[String(option)] = plain(value);
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  setNumHeaders(headers: number): this {
    return this.setOption('numHeaders', headers);
  }
  getChartType(): EnumRef {
    return new EnumRef('ChartType', this._model.type);
  }
  build(): EmbeddedChartService {
    return new EmbeddedChartService(this._rt, this._sheet, JSON.parse(JSON.stringify(this._model)) as ChartModel);
  }
}

function chartRanges(rt: Runtime, sheet: SheetModel, model: ChartModel): RangeService[] {
  return model.ranges.map((a1) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
    if (!m) return new RangeService(rt, sheet, { row: 1, col: 1, numRows: 1, numCols: 1 });
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const r1 = Number(m[2]);
    const c1 = col(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? col(m[3]) : c1;
    return new RangeService(rt, sheet, { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 });
  });
}

export class EmbeddedChartService extends Service {
  readonly _class = 'EmbeddedChart';
  constructor(
    rt: Runtime,
    readonly _sheet: SheetModel,
    readonly _model: ChartModel,
  ) {
    super(rt);
  }
  override _scope(): string {
    return SCOPES.sheets;
  }
  getChartId(): number {
    return this._model.id;
  }
  getId(): string {
    return `chart-${this._model.id}`;
  }
  getRanges(): RangeService[] {
    return chartRanges(this._rt, this._sheet, this._model);
  }
  getOptions(): ChartOptionsService {
    return new ChartOptionsService(this._rt, this._model.options);
  }
  modify(): EmbeddedChartBuilderService {
    return new EmbeddedChartBuilderService(
      this._rt,
      this._sheet,
      JSON.parse(JSON.stringify(this._model)) as ChartModel,
    );
  }
}

export class ChartOptionsService extends Service {
  readonly _class = 'ChartOptions';
  constructor(
    rt: Runtime,
    readonly _options: Record<string, unknown>,
  ) {
    super(rt);
  }
  get(option: string): unknown {
    return this._options[option] ?? null;
  }
}
