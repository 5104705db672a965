/** Data validation rules: SpreadsheetApp.newDataValidation() builder and DataValidation. */
import { rectToA1, parseA1, splitSheetRef } from './a1';
import { enumName, EnumRef, Service, type Runtime } from './runtime';
import { RangeService } from './range';
import { ServiceError, type ValidationModel } from './workbook';

/** Stored form of a range argument. */
interface RangeArg {
  $range: string; // 'Sheet'!A1:B2
}

function rangeArg(r: unknown): RangeArg {
  if (!(r instanceof RangeService))
    throw new ServiceError(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
    );
  return { $range: `${r._sheet.name}!${rectToA1(r._r)}` };
}

function resolveArgs(rt: Runtime, args: unknown[]): unknown[] {
  return args.map((a) => {
    if (a && typeof a === 'object' && typeof (a as RangeArg).$range === 'string') {
      const { sheet, ref } = splitSheetRef((a as RangeArg).$range);
      const model = rt.state.workbook.sheet(sheet ?? '');
      if (!model) return null;
      const rect = parseA1(ref, model.maxRows, model.maxCols);
      return rect ? new RangeService(rt, model, rect) : null;
    }
    return a;
  });
}

export class DataValidationService extends Service {
  readonly _class = 'DataValidation';
  constructor(
    rt: Runtime,
    readonly _model: ValidationModel,
  ) {
    super(rt);
  }
  getCriteriaType(): EnumRef {
    return new EnumRef('DataValidationCriteria', this._model.criteria);
  }
  getCriteriaValues(): unknown[] {
    return resolveArgs(this._rt, this._model.criteriaValues);
  }
  getHelpText(): string {
    return this._model.helpText;
  }
  getAllowInvalid(): boolean {
    return this._model.allowInvalid;
  }
  copy(): DataValidationBuilderService {
    return new DataValidationBuilderService(this._rt, JSON.parse(JSON.stringify(this._model)) as ValidationModel);
  }
}

export function validationFromModel(rt: Runtime, model: ValidationModel): DataValidationService {
  return new DataValidationService(rt, JSON.parse(JSON.stringify(model)) as ValidationModel);
}

export class DataValidationBuilderService extends Service {
  readonly _class = 'DataValidationBuilder';
  constructor(
    rt: Runtime,
    readonly _model: ValidationModel = { criteria: '', criteriaValues: [], allowInvalid: true, helpText: '' },
  ) {
    super(rt);
  }
  _criteria(criteria: string, args: unknown[]): this {
    this._model.criteria = criteria;
    this._model.criteriaValues = args.map((a) => (a instanceof Date ? { $date: a.getTime() } : a));
    return this;
  }
  requireValueInList(values: unknown[], showDropdown?: boolean): this {
    if (!Array.isArray(values))
      throw new ServiceError(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    return this._criteria('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean): this {
    return this._criteria('VALUE_IN_RANGE', [rangeArg(range), showDropdown ?? true]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._criteria('CHECKBOX', args);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._criteria('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this._criteria('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this._criteria('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this._criteria('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._criteria('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this._criteria('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._criteria('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): this {
    return this._criteria('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date): this {
    return this._criteria('DATE_AFTER', [d]);
  }
  requireDateBefore(d: Date): this {
    return this._criteria('DATE_BEFORE', [d]);
  }
  requireDateBetween(a: Date, b: Date): this {
    return this._criteria('DATE_BETWEEN', [a, b]);
  }
  requireDateOnOrAfter(d: Date): this {
    return this._criteria('DATE_ON_OR_AFTER', [d]);
  }
  requireDateOnOrBefore(d: Date): this {
    return this._criteria('DATE_ON_OR_BEFORE', [d]);
  }
  requireTextIsEmail(): this {
    return this._criteria('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._criteria('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(text: string): this {
    return this._criteria('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this._criteria('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this._criteria('TEXT_EQUAL_TO', [text]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._criteria('CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: unknown, args: unknown[]): this {
    return this._criteria(
      enumName(criteria),
      (args ?? []).map((a) => (a instanceof RangeService ? rangeArg(a) : a)),
    );
  }
  setAllowInvalid(allow: boolean): this {
    this._model.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this._model.helpText = String(text ?? '');
    return this;
  }
  getCriteriaType(): EnumRef {
    return new EnumRef('DataValidationCriteria', this._model.criteria);
  }
  getCriteriaValues(): unknown[] {
    return resolveArgs(this._rt, this._model.criteriaValues);
  }
  getHelpText(): string {
    return this._model.helpText;
  }
  getAllowInvalid(): boolean {
    return this._model.allowInvalid;
  }
  copy(): DataValidationBuilderService {
    return new DataValidationBuilderService(this._rt, JSON.parse(JSON.stringify(this._model)) as ValidationModel);
  }
  build(): DataValidationService {
    if (!this._model.criteria)
      throw new ServiceError('You must set a criteria type before building the data validation rule.');
    return new DataValidationService(this._rt, JSON.parse(JSON.stringify(this._model)) as ValidationModel);
  }
}
