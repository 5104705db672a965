/** SpreadsheetApp.Protection (recorded on the sheet model; edits are not blocked). */
import { EnumRef, Service, type Runtime } from './runtime';
import { RangeService } from './range';
import { UserService } from './services';
import type { ProtectionModel, SheetModel } from './workbook';

export class ProtectionService extends Service {
  readonly _class = 'Protection';
  constructor(
    rt: Runtime,
    readonly _sheet: SheetModel,
    readonly _model: ProtectionModel,
  ) {
    super(rt);
  }
  _emails(v: unknown): string[] {
    const list = Array.isArray(v) ? v : [v];
    return list.map((x) => (x instanceof UserService ? x._email : String(x)));
  }
  setDescription(description: string): this {
    this._model.description = String(description ?? '');
    return this;
  }
  getDescription(): string {
    return this._model.description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._model.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  getProtectionType(): EnumRef {
    return new EnumRef('ProtectionType', this._model.type);
  }
  getRange(): RangeService {
    const r = this._model.range ?? { row: 1, col: 1, numRows: this._sheet.maxRows, numCols: this._sheet.maxCols };
    return new RangeService(this._rt, this._sheet, { ...r });
  }
  remove(): void {
    const i = this._sheet.protections.indexOf(this._model);
    if (i >= 0) this._sheet.protections.splice(i, 1);
  }
  addEditor(emailOrUser: unknown): this {
    for (const e of this._emails(emailOrUser)) if (!this._model.editors.includes(e)) this._model.editors.push(e);
    return this;
  }
  addEditors(emails: unknown): this {
    return this.addEditor(emails);
  }
  removeEditor(emailOrUser: unknown): this {
    const drop = new Set(this._emails(emailOrUser));
    this._model.editors = this._model.editors.filter((e) => !drop.has(e));
    return this;
  }
  removeEditors(emails: unknown): this {
    return this.removeEditor(emails);
  }
  getEditors(): UserService[] {
    return this._model.editors.map((e) => new UserService(this._rt, e));
  }
  setDomainEdit(editable: boolean): this {
    this._model.domainEdit = Boolean(editable);
    return this;
  }
  canDomainEdit(): boolean {
    return this._model.domainEdit;
  }
  canEdit(): boolean {
    return true;
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    this._model.unprotectedRanges = (ranges ?? [])
      .filter((r): r is RangeService => r instanceof RangeService)
      .map((r) => ({ ...r._r }));
    return this;
  }
  getUnprotectedRanges(): RangeService[] {
    return this._model.unprotectedRanges.map((r) => new RangeService(this._rt, this._sheet, { ...r }));
  }
}
