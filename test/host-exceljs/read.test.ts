import ExcelJS from "exceljs";
import { ExcelJsPort, DEFAULT_SNAPSHOT_LIMITS, dateToSerial } from "../../src/host/exceljs";
import { SheetView } from "../../src/engine/sheet/snapshot";
import { bufferOf } from "./helpers";

async function portWith(fill: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJsPort> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("表1"));
  return ExcelJsPort.fromBuffer(await bufferOf(wb));
}

describe("readSheet: every kind of cell value after save and reopen", () => {
  const cases: [string, ExcelJS.CellValue, unknown][] = [
    ["number", 10.56, 10.56],
    ["text", "≥95%", "≥95%"],
    ["boolean", true, true],
    ["date as Excel serial", new Date(Date.UTC(2023, 11, 31)), dateToSerial(new Date(Date.UTC(2023, 11, 31)))],
    ["rich text joined", { richText: [{ text: "产出" }, { text: "指标" }] }, "产出指标"],
    ["error #DIV/0!", { error: "#DIV/0!" } as ExcelJS.CellErrorValue, { error: "#DIV/0!" }],
    ["error #NAME?", { error: "#NAME?" } as ExcelJS.CellErrorValue, { error: "#NAME?" }],
    ["formula gives its cached result", { formula: "E5/D5", result: 1 } as ExcelJS.CellFormulaValue, 1],
    ["formula with an error result", { formula: "1/0", result: { error: "#DIV/0!" } } as never, { error: "#DIV/0!" }],
    ["hyperlink gives its text", { text: "链接", hyperlink: "https://example.com" }, "链接"],
  ];
  test.each(cases)("%s", async (_label, input, expected) => {
    const port = await portWith((ws) => {
      ws.getCell("C4").value = input;
    });
    const s = await port.readSheet("表1");
    expect(s.origin).toEqual({ row: 3, col: 2 });
    expect(s.values).toEqual([[expected]]);
  });
});

test("formulas carry a leading '=', plain cells null; number formats and merges are read", async () => {
  const port = await portWith((ws) => {
    ws.getCell("B2").value = 10;
    ws.getCell("C2").value = { formula: "B2*2", result: 20 } as ExcelJS.CellFormulaValue;
    ws.getCell("D2").value = 0.95;
    ws.getCell("D2").numFmt = "0.00%";
    ws.getCell("B3").value = "产出指标";
    ws.mergeCells("B3:B5");
    ws.getCell("C5").value = "x";
  });
  const s = await port.readSheet("表1");
  expect(s.origin).toEqual({ row: 1, col: 1 });
  expect(s.formulas?.[0]).toEqual([null, "=B2*2", null]);
  expect(s.numberFormats?.[0][2]).toBe("0.00%");
  expect(s.merges).toEqual([{ r1: 2, c1: 1, r2: 4, c2: 1 }]);
  const view = new SheetView(s);
  expect(view.value(4, 1)).toBe("产出指标");
  expect(view.raw(4, 1)).toBeNull();
});

test("an empty sheet reads as an empty snapshot", async () => {
  const port = await portWith(() => undefined);
  const s = await port.readSheet("表1");
  expect(s.values).toEqual([]);
});

test("a value in A1048576 does not make a million-row snapshot: it is clipped and reported", async () => {
  const port = await portWith((ws) => {
    ws.getCell("A1").value = "项目支出绩效自评表";
    ws.getCell("B2").value = 1;
    ws.getCell("A1048576").value = "远处的值";
  });
  const started = Date.now();
  const s = await port.readSheet("表1");
  expect(Date.now() - started).toBeLessThan(5000);
  expect(s.values.length).toBe(DEFAULT_SNAPSHOT_LIMITS.maxRows);
  expect(s.values[0][0]).toBe("项目支出绩效自评表");
  expect(port.clipped).toEqual([
    { sheet: "表1", lastRow: 1048576, lastCol: 2, readToRow: DEFAULT_SNAPSHOT_LIMITS.maxRows, readToCol: 2 },
  ]);
});

test("reading without formulas or formats leaves them out", async () => {
  const port = await portWith((ws) => {
    ws.getCell("A1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  });
  const s = await port.readSheet("表1", { formulas: false, numberFormats: false });
  expect(s.values).toEqual([[2]]);
  expect(s.formulas).toBeUndefined();
  expect(s.numberFormats).toBeUndefined();
});

test("an unknown sheet name is a clear zh-CN error", async () => {
  const port = await portWith(() => undefined);
  await expect(port.readSheet("没有这张表")).rejects.toThrow("找不到工作表：没有这张表");
});
