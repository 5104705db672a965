/**
 * Tabs the add-on writes for the user (scores, the audit trail) carry a warning-only protection:
 * editors can still change them, but Sheets asks first.
 */
const DESCRIPTIONS: Record<string, string> = {
  Penilaian: 'Penilaian: diisi formulir penilaian / written by the scoring form',
  Log: 'Log: catatan audit, hanya ditambah / audit trail, append-only',
};

export function isProtectedTab(name: string): boolean {
  return name in DESCRIPTIONS;
}

export function protectWarningOnly(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const description = DESCRIPTIONS[sheet.getName()] ?? sheet.getName();
  sheet.protect().setDescription(description).setWarningOnly(true);
}
