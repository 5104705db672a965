/** HtmlService: outputs and templates with real scriptlets, evaluated in the execution's context. */
import { Service, type Runtime } from './runtime';
import type { HtmlRecord } from './types';
import { ServiceError } from './workbook';

export class HtmlServiceService extends Service {
  readonly _class = 'HtmlService';
  override _minAuth() {
    return 'NONE' as const;
  }
  override _enums(): Record<string, string> {
    return { XFrameOptionsMode: 'XFrameOptionsMode', SandboxMode: 'SandboxMode' };
  }
  createHtmlOutput(html?: unknown): HtmlOutputService {
    if (html instanceof HtmlTemplateService) return html.evaluate();
    return new HtmlOutputService(this._rt, html === undefined || html === null ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputService {
    return new HtmlOutputService(this._rt, this._rt.state.readHtmlFile(String(filename)));
  }
  createTemplate(html: unknown): HtmlTemplateService {
    return new HtmlTemplateService(this._rt, String(html ?? ''));
  }
  createTemplateFromFile(filename: string): HtmlTemplateService {
    return new HtmlTemplateService(this._rt, this._rt.state.readHtmlFile(String(filename)));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (Apps Script emulator)';
  }
}

export class HtmlOutputService extends Service {
  readonly _class = 'HtmlOutput';
  _title = '';
  _width?: number;
  _height?: number;
  readonly _meta: Array<{ name: string; content: string }> = [];
  _favicon = '';
  _xframe = 'DEFAULT';
  _sandbox = 'IFRAME';
  constructor(
    rt: Runtime,
    public _content: string,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'NONE' as const;
  }
  _record(modal: boolean, defaultWidth: number, defaultHeight: number): HtmlRecord {
    return {
      title: this._title,
      width: this._width ?? defaultWidth,
      height: this._height ?? defaultHeight,
      content: this._content,
      modal,
    };
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content ?? '');
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent ?? '');
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += escapeHtml(String(addedContent ?? ''));
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  setTitle(title: string): this {
    this._title = String(title ?? '');
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): this {
    this._width = Number(width);
    return this;
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setHeight(height: number): this {
    this._height = Number(height);
    return this;
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  setXFrameOptionsMode(mode: unknown): this {
    this._xframe = String(mode);
    return this;
  }
  setSandboxMode(mode: unknown): this {
    this._sandbox = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._meta.push({ name: String(name), content: String(content) });
    return this;
  }
  setFaviconUrl(iconUrl: string): this {
    this._favicon = String(iconUrl);
    return this;
  }
  getFaviconUrl(): string {
    return this._favicon;
  }
  asTemplate(): HtmlTemplateService {
    return new HtmlTemplateService(this._rt, this._content);
  }
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Turns a template into the body of a function that pushes output chunks to `__out`. */
export function compileTemplate(source: string): string {
  let body = '';
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf('<?', i);
    if (start < 0) {
      body += `__out.push(${JSON.stringify(source.slice(i))});\n`;
      break;
    }
    if (start > i) body += `__out.push(${JSON.stringify(source.slice(i, start))});\n`;
    const end = source.indexOf('?>', start + 2);
    if (end < 0) throw new ServiceError('Bad template: unterminated scriptlet.');
    const inner = source.slice(start + 2, end);
    if (inner.startsWith('!=')) body += `__out.push(__str(${inner.slice(2).trim()}));\n`;
    else if (inner.startsWith('=')) body += `__out.push(__esc(${inner.slice(1).trim()}));\n`;
    else body += `${inner}\n`;
    i = end + 2;
  }
  return body;
}

const TEMPLATE_WRAPPER_HEAD = `(function (__data) {
  var __out = [];
  function __str(v) { return v === undefined || v === null ? '' : String(v); }
  function __esc(v) {
    return __str(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  with (__data) {
`;
const TEMPLATE_WRAPPER_TAIL = `
  }
  return __out.join('');
})`;

export class HtmlTemplateService extends Service {
  readonly _class = 'HtmlTemplate';
  readonly _vars = new Map<string, unknown>();
  constructor(
    rt: Runtime,
    readonly _source: string,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'NONE' as const;
  }
  override _get(prop: string): unknown {
    return this._vars.get(prop);
  }
  override _set(prop: string, value: unknown): boolean {
    this._vars.set(prop, value);
    return true;
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  evaluate(): HtmlOutputService {
    const code = TEMPLATE_WRAPPER_HEAD + compileTemplate(this._source) + TEMPLATE_WRAPPER_TAIL;
    const fn = this._rt.run(code, 'template.html') as (data: object) => string;
    const data = new this._rt.realm.Object() as Record<string, unknown>;
    for (const [k, v] of this._vars) data[k] = v;
    return new HtmlOutputService(this._rt, fn(data));
  }
}
