import ExcelJS from "exceljs";
import { ExcelJsPort, MARK_FORMULA, SETTINGS_SHEET, countMarks } from "../../src/host/exceljs";
import type { WriteOp } from "../../src/host/port";
import { saveAndReopen } from "./helpers";

/** The style parts of a cell, as plain data. */
function styleOf(ws: ExcelJS.Worksheet, ref: string) {
  const { font, fill, alignment, border } = ws.getCell(ref);
  return { font, fill, alignment, border };
}

async function applied(ops: WriteOp[], setup?: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const port = new ExcelJsPort();
  const ws = port.workbook.addWorksheet("表");
  setup?.(ws);
  await port.apply({ sheet: "表", ops });
  const back = await saveAndReopen(port);
  return back.workbook.getWorksheet("表")!;
}

// Each WriteOp kind, applied, saved, reopened, and checked on the reopened file.
const cases: [string, WriteOp[], (ws: ExcelJS.Worksheet) => void][] = [
  [
    "values",
    [
      {
        kind: "values",
        range: "B2:C3",
        values: [
          [1, "二"],
          [true, { error: "#N/A" }],
        ],
      },
    ],
    (ws) => {
      expect(ws.getCell("B2").value).toBe(1);
      expect(ws.getCell("C2").value).toBe("二");
      expect(ws.getCell("B3").value).toBe(true);
      expect(ws.getCell("C3").value).toEqual({ error: "#N/A" });
    },
  ],
  [
    "formulas (null leaves a cell as it is)",
    [{ kind: "formulas", range: "A1:B1", formulas: [["=1+1", null]] }],
    (ws) => {
      expect(ws.getCell("A1").formula).toBe("1+1");
      expect(ws.getCell("B1").value).toBe("保留");
    },
  ],
  [
    "numberFormat",
    [{ kind: "numberFormat", range: "A1:A2", format: "0.00%" }],
    (ws) => expect(ws.getCell("A2").numFmt).toBe("0.00%"),
  ],
  [
    "style",
    [
      {
        kind: "style",
        range: "A1",
        style: { bold: true, fill: "#F2F2F2", horizontal: "center", wrap: true, border: "thin", fontSize: 14 },
      },
    ],
    (ws) => {
      const c = styleOf(ws, "A1");
      expect(c.font.bold).toBe(true);
      expect(c.font.size).toBe(14);
      expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF2F2F2");
      expect(c.alignment.horizontal).toBe("center");
      expect(c.alignment.wrapText).toBe(true);
      expect(c.border.left?.style).toBe("thin");
    },
  ],
  ["merge", [{ kind: "merge", range: "A3:C4" }], (ws) => expect(ws.getCell("C4").isMerged).toBe(true)],
  ["columnWidth", [{ kind: "columnWidth", col: 2, width: 30 }], (ws) => expect(ws.getColumn(3).width).toBe(30)],
  ["rowHeight", [{ kind: "rowHeight", row: 4, height: 40 }], (ws) => expect(ws.getRow(5).height).toBe(40)],
  [
    "validationList",
    [{ kind: "validationList", range: "D5:D9", list: ["≥", "≤", "=", ">", "<", "定性"] }],
    (ws) => {
      const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } })
        .dataValidations.model;
      const found = Object.entries(dv).find(([addr]) => addr.includes("D5") || addr === "D7");
      expect(found?.[1].type).toBe("list");
      expect(found?.[1].formulae[0]).toBe('"≥,≤,=,>,<,定性"');
    },
  ],
  // exceljs keeps a note only on a cell that holds a value (B1 is set up with one).
  [
    "note",
    [{ kind: "note", cell: "B1", text: "定性指标请直接输入得分" }],
    (ws) => expect(JSON.stringify(ws.getCell("B1").note)).toContain("定性指标请直接输入得分"),
  ],
  [
    "locked",
    [{ kind: "locked", range: "A1:A2", locked: false }],
    (ws) => expect(ws.getCell("A2").protection?.locked).toBe(false),
  ],
  [
    "protectSheet",
    [{ kind: "protectSheet" }],
    (ws) => {
      const p = (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection;
      expect(p?.sheet).toBe(true);
      // Protected, yet rows can be added and removed (exceljs reads insertRows/deleteRows as "allowed").
      expect([p?.insertRows, p?.deleteRows]).toEqual([true, true]);
    },
  ],
  [
    "print",
    [{ kind: "print", orientation: "landscape", paper: "A4", titleRows: "$11:$12", fitToWidth: true }],
    (ws) => {
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?11:\$?12$/);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    },
  ],
  [
    "freezePanes",
    [{ kind: "freezePanes", rows: 2, cols: 1 }],
    (ws) => expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 }),
  ],
];

test.each(cases)("%s survives save and reopen", async (_label, ops, check) => {
  const ws = await applied(ops, (s) => {
    s.getCell("B1").value = "保留";
  });
  check(ws);
});

test("marks are conditional formats tagged as ours: they change no value or format, survive reopen, and clear exactly", async () => {
  const port = new ExcelJsPort();
  const ws = port.workbook.addWorksheet("表");
  ws.getCell("B2").value = 7;
  ws.getCell("B2").numFmt = "0.00";
  // A user's own conditional format must survive clearMarks.
  ws.addConditionalFormatting({
    ref: "A1:A5",
    rules: [{ type: "expression", priority: 1, formulae: ["A1>5"], style: {} }],
  } as never);
  await port.apply({
    sheet: "表",
    ops: [
      {
        kind: "addMarks",
        marks: [
          { cell: "B2", severity: "error" },
          { cell: "C3", severity: "warning" },
        ],
      },
    ],
  });
  const back = await saveAndReopen(port);
  const ws2 = back.workbook.getWorksheet("表")!;
  expect(countMarks(ws2)).toBe(2);
  expect(ws2.getCell("B2").value).toBe(7);
  expect(ws2.getCell("B2").numFmt).toBe("0.00");
  const cfs = (ws2 as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
    .conditionalFormattings;
  expect(cfs.find((c) => c.ref === "B2")?.rules[0].formulae[0]).toBe(MARK_FORMULA);
  await back.apply({ sheet: "表", ops: [{ kind: "clearMarks" }] });
  const again = await saveAndReopen(back);
  const ws3 = again.workbook.getWorksheet("表")!;
  expect(countMarks(ws3)).toBe(0);
  const left = (ws3 as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  expect(left.map((c) => c.ref)).toEqual(["A1:A5"]);
});

test("createSheet makes the sheet; an existing name is refused, never overwritten", async () => {
  const port = new ExcelJsPort();
  await port.apply({ sheet: "新表", createSheet: true, ops: [{ kind: "values", range: "A1", values: [["x"]] }] });
  await expect(port.apply({ sheet: "新表", createSheet: true, ops: [] })).rejects.toThrow("工作表已存在");
  expect((await port.readSheet("新表")).values).toEqual([["x"]]);
});

test("a plan whose data does not match its range is refused before writing", async () => {
  const port = new ExcelJsPort();
  port.workbook.addWorksheet("表");
  await expect(port.apply({ sheet: "表", ops: [{ kind: "values", range: "A1:B1", values: [[1]] }] })).rejects.toThrow(
    "形状",
  );
});

test("settings live in a very hidden sheet that listSheets does not show, and survive reopen", async () => {
  const port = new ExcelJsPort();
  port.workbook.addWorksheet("表");
  expect(await port.getSetting("jx.ruleSet")).toBeUndefined();
  await port.setSetting("jx.ruleSet", "dept-gs");
  await port.setSetting("jx.ruleSet", "mof-2020");
  const back = await saveAndReopen(port);
  expect(await back.getSetting("jx.ruleSet")).toBe("mof-2020");
  expect(await back.listSheets()).toEqual(["表"]);
  expect(back.workbook.getWorksheet(SETTINGS_SHEET)?.state).toBe("veryHidden");
  expect(await back.activeSheet()).toBe("表");
});
