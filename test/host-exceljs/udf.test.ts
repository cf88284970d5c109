/**
 * Excel stores our custom functions as `_xldudf_JX_NAME(…)`: the adapter reads them as `JX.NAME(…)`
 * and writes them back in Excel's form, so check/calc/freeze work on files Excel saved and Excel
 * recognises the formulas our templates write.
 */
import ExcelJS from "exceljs";
import { ExcelJsPort } from "../../src/host/exceljs";
import { fromStoredFormula, toStoredFormula } from "../../src/host/exceljs/udf";
import { freezeWorkbook } from "../../src/ops";
import { bufferOf } from "./helpers";

test.each([
  ["_xldudf_JX_GRADE(I18)", "JX.GRADE(I18)"],
  ["[2]!_xldudf_JX_INDICATORSCORE(D13,E13,G13,H13)", "JX.INDICATORSCORE(D13,E13,G13,H13)"],
  ['IF(A1="","",_xldudf_jx_execscore(D5,E5,F5))', 'IF(A1="","",JX.execscore(D5,E5,F5))'],
  ["SUM(I13:I21)", "SUM(I13:I21)"],
])("read %s → %s", (stored, typed) => {
  expect(fromStoredFormula(stored)).toBe(typed);
});

test.each([
  ["JX.GRADE(I18)", "_xldudf_JX_GRADE(I18)"],
  ["ROUND(JX.EXECSCORE(D5,E5,F5),2)", "ROUND(_xldudf_JX_EXECSCORE(D5,E5,F5),2)"],
  ["MY.JX.GRADE(I18)", "MY.JX.GRADE(I18)"], // another namespace's function is not ours
  ["SUM(I13:I21)", "SUM(I13:I21)"],
])("write %s → %s", (typed, stored) => {
  expect(toStoredFormula(typed)).toBe(stored);
});

test("a file as Excel saved it: read as JX.*, frozen to its cached values, written back in Excel's form", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = 95;
  ws.getCell("B1").value = { formula: "_xldudf_JX_GRADE(A1)", result: "优" } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { formula: "_xldudf_JX_GRADE(A1)", result: "优" } as ExcelJS.CellFormulaValue;
  const port = await ExcelJsPort.fromBuffer(await bufferOf(wb));
  expect((await port.readSheet("表1")).formulas?.[0]).toEqual([null, "=JX.GRADE(A1)"]);

  await port.apply({ sheet: "表1", ops: [{ kind: "formulas", range: "C1", formulas: [["=JX.GRADE(A1)"]] }] });
  expect(port.workbook.getWorksheet("表1")!.getCell("C1").formula).toBe("_xldudf_JX_GRADE(A1)");

  await freezeWorkbook(port, { sheets: ["表1"] });
  const frozen = port.workbook.getWorksheet("表1")!;
  expect([frozen.getCell("B1").value, frozen.getCell("B2").value]).toEqual(["优", "优"]);
});
