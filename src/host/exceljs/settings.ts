/**
 * Document settings in a file: a very hidden worksheet SETTINGS_SHEET with key in column A and
 * value in column B. Office's document.settings live in a web-extension part that exceljs does
 * not keep, and exceljs has no custom document properties, so a sheet is the one place that
 * survives exceljs, Excel, WPS and LibreOffice alike. The Office adapter may read it as a
 * fallback when document.settings has no value.
 */
import type ExcelJS from "exceljs";

export const SETTINGS_SHEET = "_jx_settings";

export function readSetting(wb: ExcelJS.Workbook, key: string): string | undefined {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) return undefined;
  let found: string | undefined;
  ws.eachRow((row) => {
    if (found === undefined && String(row.getCell(1).value ?? "") === key) {
      const v = row.getCell(2).value;
      found = v === null || v === undefined ? undefined : String(v);
    }
  });
  return found;
}

export function writeSetting(wb: ExcelJS.Workbook, key: string, value: string): void {
  const ws = wb.getWorksheet(SETTINGS_SHEET) ?? wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  let target = 0;
  ws.eachRow((row, r) => {
    if (!target && String(row.getCell(1).value ?? "") === key) target = r;
  });
  if (!target) target = ws.rowCount + 1;
  ws.getCell(target, 1).value = key;
  ws.getCell(target, 2).value = value;
}
