/**
 * Test helpers: a SheetSnapshot (from the shared fixtures) written as a real .xlsx — values,
 * number formats, merges, formulas with their cached values — and cell-level comparisons.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import ExcelJS from "exceljs";
import { isCellError, rangeA1, type CellValue, type SheetSnapshot } from "../../src/engine";

function excelValue(v: CellValue): ExcelJS.CellValue {
  return isCellError(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
}

export function addSnapshotSheet(wb: ExcelJS.Workbook, s: SheetSnapshot, name = s.name): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = s.formulas?.[i]?.[j];
      const fmt = s.numberFormats?.[i]?.[j];
      if (v === null && !f && (!fmt || fmt === "General")) return;
      const cell = ws.getCell(s.origin.row + i + 1, s.origin.col + j + 1);
      cell.value = f ? ({ formula: f.slice(1), result: v ?? undefined } as ExcelJS.CellFormulaValue) : excelValue(v);
      if (fmt && fmt !== "General") cell.numFmt = fmt;
    }),
  );
  for (const m of s.merges) ws.mergeCells(rangeA1(m));
  return ws;
}

export async function writeSnapshots(file: string, sheets: SheetSnapshot[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) =>
    addSnapshotSheet(wb, s, sheets.filter((x) => x.name === s.name).length > 1 ? `${s.name}${i + 1}` : s.name),
  );
  await wb.xlsx.writeFile(file);
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every non-empty, non-formula cell of every sheet: what a user typed. */
export async function typedCells(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  wb.worksheets.forEach((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula || cell.value === null || cell.value === undefined || (cell.isMerged && cell.master !== cell))
          return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    ),
  );
  return out;
}
