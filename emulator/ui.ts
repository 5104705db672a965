/** SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs, all recorded in the run's UiRecord. */
import { HtmlOutputService } from './html';
import { enumName, EnumRef, Service, SCOPES, type Runtime } from './runtime';
import type { AlertRecord, ButtonName, MenuEntry, PromptRecord } from './types';
import { ServiceError } from './workbook';

const BUTTON_SETS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class UiService extends Service {
  readonly _class = 'Ui';
  override _minAuth(method: string) {
    if (method === 'createMenu' || method === 'createAddonMenu') return 'NONE' as const;
    if (['showSidebar', 'showModalDialog', 'showModelessDialog', 'alert', 'prompt', 'showDialog'].includes(method))
      return 'FULL' as const;
    return 'LIMITED' as const;
  }
  override _scope(): string {
    return SCOPES.ui;
  }
  override _enums(): Record<string, string> {
    return { Button: 'Button', ButtonSet: 'ButtonSet' };
  }
  createMenu(caption: string): MenuService {
    return new MenuService(this._rt, String(caption), false);
  }
  createAddonMenu(): MenuService {
    return new MenuService(this._rt, '', true);
  }
  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons) */
  alert(a: unknown, b?: unknown, c?: unknown): EnumRef {
    const rec = parseDialogArgs(a, b, c, 'alert');
    const allowed = BUTTON_SETS[rec.buttons];
    let response = this._rt.state.alertResponder({ ...rec });
    if (!allowed.includes(response) && response !== 'CLOSE') response = allowed[0];
    rec.response = response;
    this._rt.ui.alerts.push(rec);
    return new EnumRef('Button', response);
  }
  prompt(a: unknown, b?: unknown, c?: unknown): PromptResponseService {
    const rec: PromptRecord = parseDialogArgs(a, b, c, 'prompt');
    const allowed = BUTTON_SETS[rec.buttons];
    const answer = this._rt.state.promptResponder({ ...rec });
    const button = allowed.includes(answer.button) || answer.button === 'CLOSE' ? answer.button : allowed[0];
    rec.response = button;
    rec.text = answer.text;
    this._rt.ui.prompts.push(rec);
    return new PromptResponseService(this._rt, button, answer.text);
  }
  showSidebar(userInterface: unknown): void {
    this._rt.ui.sidebars.push(htmlOf(userInterface, 'showSidebar')._record(false, 300, 0));
  }
  showModalDialog(userInterface: unknown, title: string): void {
    const rec = htmlOf(userInterface, 'showModalDialog')._record(true, 600, 400);
    rec.title = String(title ?? rec.title);
    this._rt.ui.dialogs.push(rec);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    const rec = htmlOf(userInterface, 'showModelessDialog')._record(false, 600, 400);
    rec.title = String(title ?? rec.title);
    this._rt.ui.dialogs.push(rec);
  }
}

function htmlOf(v: unknown, method: string): HtmlOutputService {
  if (v instanceof HtmlOutputService) return v;
  throw new ServiceError(
    `The parameters (${typeof v === 'string' ? 'String' : 'Object'}) don't match the method signature for Ui.${method}.`,
  );
}

function parseDialogArgs(a: unknown, b: unknown, c: unknown, method: string): AlertRecord {
  if (typeof a !== 'string')
    throw new ServiceError(`The parameters (${typeof a}) don't match the method signature for Ui.${method}.`);
  if (c !== undefined) return { title: a, prompt: String(b ?? ''), buttons: enumName(c) };
  if (b !== undefined && typeof b !== 'string') return { prompt: a, buttons: enumName(b) };
  if (typeof b === 'string') return { title: a, prompt: b, buttons: method === 'alert' ? 'OK' : 'OK' };
  return { prompt: a, buttons: 'OK' };
}

export class PromptResponseService extends Service {
  readonly _class = 'PromptResponse';
  constructor(
    rt: Runtime,
    readonly _button: ButtonName,
    readonly _text: string,
  ) {
    super(rt);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): EnumRef {
    return new EnumRef('Button', this._button);
  }
}

export class MenuService extends Service {
  readonly _class = 'Menu';
  readonly _items: MenuEntry[] = [];
  constructor(
    rt: Runtime,
    readonly _title: string,
    readonly _addon: boolean,
  ) {
    super(rt);
  }
  override _minAuth() {
    return 'NONE' as const;
  }
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '')
      throw new ServiceError('Invalid argument: functionName');
    this._items.push({ type: 'item', label: String(caption), functionName });
    return this;
  }
  addSeparator(): this {
    this._items.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): this {
    if (!(menu instanceof MenuService))
      throw new ServiceError("The parameters (Object) don't match the method signature for Ui.Menu.addSubMenu.");
    this._items.push({
      type: 'submenu',
      title: menu._title,
      items: JSON.parse(JSON.stringify(menu._items)) as MenuEntry[],
    });
    return this;
  }
  addToUi(): void {
    const menus = this._rt.ui.menus;
    const i = menus.findIndex((m) => m.addon === this._addon && m.title === this._title);
    const rec = {
      title: this._title,
      addon: this._addon,
      items: JSON.parse(JSON.stringify(this._items)) as MenuEntry[],
    };
    if (i >= 0) menus[i] = rec;
    else menus.push(rec);
  }
}
