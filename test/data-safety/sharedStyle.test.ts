/**
 * exceljs shares one style object among the cells a file gives the same style id. A write of a
 * number format (or font, fill …) on one cell must not change the others: calc once turned 39
 * typed numbers of a one-style form into percentages (全年预算数 390 shown as 39000.00%).
 */
import ExcelJS from "exceljs";
import { getRuleSet, SheetView } from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import { calculateSheet } from "../../src/ops";
import { seedProjectFormsWithLayout } from "../fixtures/seed001";
import { addSnapshotSheet } from "../ops/xlsx";

const rules = getRuleSet("mof-2020");
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/**
 * The first seed form as a "one-style" file: every cell of the form, typed or empty, has the
 * same bordered General style (so a reader shares one style object among all of them), except
 * the empty cells named in `formats`, which get the number format a user gave them.
 */
async function oneStyleForm(
  emptyCells: (layout: ReturnType<typeof seedProjectFormsWithLayout>[0]["layout"]) => [number, number][],
  formats: Record<string, string> = {},
) {
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  const empties = emptyCells(layout);
  for (const [r, c] of empties) sheet.values[r - sheet.origin.row][c - sheet.origin.col] = null;
  sheet.numberFormats = undefined;
  const wb = new ExcelJS.Workbook();
  const ws = addSnapshotSheet(wb, sheet, "表1");
  const { r1, c1, r2, c2 } = layout.range;
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) ws.getCell(r + 1, c + 1).border = BORDER;
  for (const [addr, fmt] of Object.entries(formats)) ws.getCell(addr).numFmt = fmt;
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), layout, empties };
}

async function formatsOf(buffer: Buffer): Promise<Map<string, string | undefined>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const out = new Map<string, string | undefined>();
  wb.worksheets[0].eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => out.set(cell.address, cell.numFmt)));
  return out;
}

test("filling one empty 执行率 in a one-style form changes the format of no other cell", async () => {
  const { buffer, layout } = await oneStyleForm((l) => [[l.funds.rows.total, l.funds.columns.rate]]);
  const before = await formatsOf(buffer);
  const port = await ExcelJsPort.fromBuffer(buffer);
  const r = await calculateSheet(port, "表1", rules);
  expect(r.written).toBe(1);
  const out = await port.toBuffer();
  const after = await formatsOf(out);
  const rate = new SheetView(await (await ExcelJsPort.fromBuffer(out)).readSheet("表1"));
  const rateCell = `${String.fromCharCode(65 + layout.funds.columns.rate)}${layout.funds.rows.total + 1}`;
  const changed = [...before].filter(([addr, fmt]) => addr !== rateCell && after.get(addr) !== fmt);
  expect(changed).toEqual([]);
  // The filled cell shows a percentage (it had no format of its own).
  expect(after.get(rateCell)).toBe("0.00%");
  expect(rate.numberFormat(layout.funds.rows.total, layout.funds.columns.rate)).toBe("0.00%");
});

test("a filled cell keeps the number format the user gave it (0.000 on an empty 得分)", async () => {
  const pick = (l: ReturnType<typeof seedProjectFormsWithLayout>[0]["layout"]): [number, number][] => [
    [l.indicators.rows[0], l.indicators.columns.score!],
    [l.indicators.rows[1], l.indicators.columns.score!],
  ];
  const probe = await oneStyleForm(pick);
  const [a, b] = probe.empties.map(([r, c]) => `${String.fromCharCode(65 + c)}${r + 1}`);
  const { buffer } = await oneStyleForm(pick, { [a]: "0.000" });
  const port = await ExcelJsPort.fromBuffer(buffer);
  const r = await calculateSheet(port, "表1", rules);
  expect(r.written).toBe(2);
  const after = await formatsOf(await port.toBuffer());
  expect(after.get(a)).toBe("0.000");
  // The other one had none, and the engine has none for a score: it stays General.
  expect(after.get(b) ?? "General").toBe("General");
});

test("a user's percent format on an empty 执行率 stays (0%, not ours 0.00%)", async () => {
  const pick = (l: ReturnType<typeof seedProjectFormsWithLayout>[0]["layout"]): [number, number][] => [
    [l.funds.rows.total, l.funds.columns.rate],
  ];
  const probe = await oneStyleForm(pick);
  const [[r, c]] = probe.empties;
  const addr = `${String.fromCharCode(65 + c)}${r + 1}`;
  const { buffer } = await oneStyleForm(pick, { [addr]: "0%" });
  const port = await ExcelJsPort.fromBuffer(buffer);
  expect((await calculateSheet(port, "表1", rules)).written).toBe(1);
  expect((await formatsOf(await port.toBuffer())).get(addr)).toBe("0%");
});

test("every style write (number format, font, fill, border, lock) reaches its own cells only", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  for (let r = 1; r <= 3; r++)
    for (let c = 1; c <= 3; c++) {
      ws.getCell(r, c).value = r * c;
      ws.getCell(r, c).border = BORDER;
      ws.getCell(r, c).font = { name: "宋体", size: 11 };
    }
  const input = Buffer.from(await wb.xlsx.writeBuffer());
  const original = new ExcelJS.Workbook();
  await original.xlsx.load(input as never);
  const plain = JSON.stringify(original.getWorksheet("表1")!.getCell("A2").style);
  const port = await ExcelJsPort.fromBuffer(input);
  await port.apply({
    sheet: "表1",
    ops: [
      { kind: "numberFormat", range: "B2", format: "0.00%" },
      { kind: "style", range: "C3", style: { bold: true, fill: "#FFEEDD", border: "medium", horizontal: "center" } },
      { kind: "locked", range: "A1", locked: false },
    ],
  });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await port.toBuffer()) as never);
  const sheet = back.getWorksheet("表1")!;
  const styleOf = (a: string) => JSON.stringify(sheet.getCell(a).style);
  for (const a of ["B1", "C1", "A2", "C2", "A3", "B3"]) expect([a, styleOf(a)]).toEqual([a, plain]);
  expect(sheet.getCell("B2").numFmt).toBe("0.00%");
  expect(sheet.getCell("C3").font.bold).toBe(true);
  expect(sheet.getCell("C3").font.name).toBe("宋体");
  expect(sheet.getCell("A1").protection?.locked).toBe(false);
});
