/** Public API of the Apps Script emulator. */
export { Emulator, type EmulatorOptions, type RunOptions, type FormAnswers, type TriggerInfo } from './emulator';
export {
  Workbook,
  SheetModel,
  ServiceError,
  DEFAULT_NUMBER_FORMAT,
  MAX_CELLS,
  MAX_CELL_CHARS,
  type CellValue,
  type CellData,
  type CellView,
  type CellBorders,
  type BorderSide,
  type ValidationModel,
  type ProtectionModel,
  type ChartModel,
  type PageSetup,
  type WorkbookOptions,
  type WorkbookSnapshot,
} from './workbook';
export type {
  AuthMode,
  ButtonName,
  MenuEntry,
  MenuRecord,
  HtmlRecord,
  AlertRecord,
  PromptRecord,
  ToastRecord,
  UiRecord,
  RunResult,
  RunError,
  TriggerEventType,
  TriggerRecord,
  AdvancedServiceConfig,
} from './types';
export { Drive, type DriveAccess, type DriveRole } from './drive';
export {
  GoogleJsonResponseError,
  SHEETS_API_SCOPES,
  NOT_FOUND,
  CALLER_NO_PERMISSION,
  INSUFFICIENT_SCOPES,
} from './sheetsApi';
export { exportXlsx, importXlsx } from './xlsx';
export { displayValue, formatNumber, typeInput } from './format';
export { formatJavaDate, serialToDate, dateToSerial } from './time';
export { columnToLetters, lettersToColumn, parseA1, rectToA1, type GridRect } from './a1';
export { LOCK_TIMEOUT, TOO_MANY_TRIGGERS, MAX_TRIGGERS_PER_USER } from './services';
