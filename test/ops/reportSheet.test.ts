/**
 * The 自评报告 on a sheet (for hosts that cannot save a .docx), through the exceljs adapter and
 * back from a saved .xlsx: a new sheet only, A4 portrait one page wide with a print area, the
 * title in 宋体, placeholders in yellow, the form table bordered; every number of the draft's
 * text on the sheet as text, nothing a formula.
 */
import ExcelJS from "exceljs";
import { draftReports, getRuleSet, placeholderText } from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import { reportFileName, writeReportSheet } from "../../src/ops";
import { addSnapshotSheet } from "./xlsx";
import { seedDepartmentForm, seedProjectForms } from "../fixtures/seed001";

const RULES = getRuleSet("mof-2020");

async function saved(port: ExcelJsPort): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

it("writes a print-ready report sheet and leaves the form's sheet alone", async () => {
  const wb = new ExcelJS.Workbook();
  const form = seedProjectForms()[0];
  addSnapshotSheet(wb, form, "项目1");
  addSnapshotSheet(wb, seedDepartmentForm(), "自评报告"); // the name is taken: a free one is picked
  const port = new ExcelJsPort(wb);
  const drafts = draftReports(await port.readSheet("项目1"), RULES);
  const before = JSON.stringify((await port.readSheet("项目1")).values);
  const { sheet } = await writeReportSheet(port, drafts);
  expect(sheet).toBe("自评报告 (2)");
  expect(JSON.stringify((await port.readSheet("项目1")).values)).toBe(before);

  const back = (await saved(port)).getWorksheet(sheet)!;
  expect(back.pageSetup.paperSize).toBe(9);
  expect(back.pageSetup.orientation).toBe("portrait");
  expect(back.pageSetup.fitToWidth).toBe(1);
  expect(back.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
  const cells: ExcelJS.Cell[] = [];
  back.eachRow((row) => row.eachCell((c) => cells.push(c)));
  const [first] = cells; // A1: the title
  expect(first.address).toBe("A1");
  expect(String(first.value)).toBe(drafts[0].title);
  expect(first.font?.name).toBe("宋体");

  const texts = cells.map((c) => String(c.value ?? ""));
  const hole = cells.find((c) => String(c.value).includes(placeholderText("项目背景")))!;
  expect((hole.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFFF00$/);
  expect(cells.some((c) => c.formula !== undefined && c.formula !== null)).toBe(false);
  // Every number the draft states reads the same on the sheet.
  const stated = drafts[0].blocks.flatMap((b) =>
    b.kind === "paragraph" ? b.runs.flatMap((r) => ("text" in r ? (r.text.match(/\d+(?:\.\d+)?%?/g) ?? []) : [])) : [],
  );
  expect(stated.length).toBeGreaterThan(5);
  for (const n of stated) expect(texts.some((t) => t.includes(n))).toBe(true);
  expect(reportFileName(drafts)).toBe(`${drafts[0].title}.docx`);
});
