/**
 * The Office adapter against the strict fake: what readSheet returns, what apply writes, and
 * how many round trips each takes.
 */
import {
  createOfficePort,
  describeOfficeError,
  OfficeHostError,
  officeLocale,
  recalculateWorkbook,
  selectCell,
} from "../../src/host/office";
import type { WritePlan } from "../../src/host/port";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

function setup(sheets: ConstructorParameters<typeof FakeWorkbook>[0]): FakeWorkbook {
  fake = installFakeOffice(globalThis, new FakeWorkbook(sheets));
  return fake.workbook;
}

describe("readSheet", () => {
  test("values, formulas, number formats, errors and merges in one sync", async () => {
    const wb = setup({ sheets: { 表1: [] } });
    wb.setGrid("表1", 1, 1, [
      ["一级指标", "分值", "得分"],
      ["产出指标", 10, "=C3*2"],
      [null, 0.95, true],
    ]);
    wb.mustSheet("表1").cell(2, 3)!.value = { error: "#DIV/0!" };
    wb.mustSheet("表1").cell(3, 2)!.numberFormat = "0.00%";
    wb.mustSheet("表1").merges.push({ r1: 2, c1: 1, r2: 3, c2: 1 });
    const before = wb.syncCount;
    const snap = await createOfficePort().readSheet("表1");
    expect(wb.syncCount - before).toBe(1);
    expect(snap.name).toBe("表1");
    expect(snap.origin).toEqual({ row: 1, col: 1 });
    expect(snap.values).toEqual([
      ["一级指标", "分值", "得分"],
      ["产出指标", 10, { error: "#DIV/0!" }],
      [null, 0.95, true],
    ]);
    expect(snap.formulas).toEqual([
      [null, null, null],
      [null, null, "=C3*2"],
      [null, null, null],
    ]);
    expect(snap.numberFormats?.[2][1]).toBe("0.00%");
    expect(snap.numberFormats?.[0][0]).toBe("General");
    expect(snap.merges).toEqual([{ r1: 2, c1: 1, r2: 3, c2: 1 }]);
  });

  test.each([
    ["an empty sheet", { sheets: { 空: [] } }, "空", { values: [], merges: [] }],
    ["a typed '#N/A' text stays text", { sheets: { S: [["#N/A"]] } }, "S", { values: [["#N/A"]], merges: [] }],
  ])("%s", async (_label, init, sheet, expected) => {
    setup(init);
    const snap = await createOfficePort().readSheet(sheet);
    expect({ values: snap.values, merges: snap.merges }).toEqual(expected);
  });

  test("a missing sheet is a Chinese message, not a stack trace", async () => {
    setup({ sheets: { A: [[1]] } });
    const err = await createOfficePort()
      .readSheet("不存在")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect((err as Error).message).toContain("找不到工作表“不存在”");
  });
});

describe("apply", () => {
  test("a template-like plan lands entirely, in one sync", async () => {
    const wb = setup({ sheets: { Sheet1: [] } });
    const plan: WritePlan = {
      sheet: "项目支出绩效自评表",
      createSheet: true,
      activate: true,
      ops: [
        {
          kind: "values",
          range: "A1:B2",
          values: [
            ["项目名称", null],
            [1, { error: "#N/A" }],
          ],
        },
        { kind: "formulas", range: "C1:C2", formulas: [["=A2*2"], [null]] },
        { kind: "numberFormat", range: "B1:B2", format: "0.00%" },
        { kind: "style", range: "A1:C2", style: { bold: true, fill: "#FFFF00", horizontal: "center", border: "thin" } },
        { kind: "merge", range: "A3:C3" },
        { kind: "columnWidth", col: 0, width: 20 },
        { kind: "rowHeight", row: 0, height: 30 },
        { kind: "validationList", range: "D2:D5", list: ["≥", "≤", "="] },
        { kind: "note", cell: "A1", text: "填写项目全称" },
        { kind: "locked", range: "C1:C2", locked: true },
        { kind: "print", orientation: "landscape", paper: "A4", titleRows: "$1:$2", fitToWidth: true },
        { kind: "freezePanes", rows: 2, cols: 1 },
        { kind: "protectSheet" },
      ],
    };
    const before = wb.syncCount;
    await createOfficePort().apply(plan);
    expect(wb.syncCount - before).toBe(1);
    const s = wb.mustSheet("项目支出绩效自评表");
    expect(wb.activeSheetName).toBe("项目支出绩效自评表");
    expect(wb.values("项目支出绩效自评表", "A1:B2")).toEqual([
      ["项目名称", null],
      [1, "#N/A"],
    ]);
    expect(wb.formula("项目支出绩效自评表", "C1")).toBe("=A2*2");
    expect(wb.cell("项目支出绩效自评表", "B2")?.numberFormat).toBe("0.00%");
    expect(wb.cell("项目支出绩效自评表", "C2")?.format).toMatchObject({
      bold: true,
      fill: "#FFFF00",
      horizontal: "Center",
    });
    expect(wb.cell("项目支出绩效自评表", "B1")?.format.borders?.EdgeTop).toEqual({
      style: "Continuous",
      weight: "Thin",
    });
    expect(s.merges).toEqual([{ r1: 2, c1: 0, r2: 2, c2: 2 }]);
    expect(s.columnWidths.get(0)).toBeCloseTo(108.75);
    expect(s.rowHeights.get(0)).toBe(30);
    expect(s.validations).toEqual([{ range: { r1: 1, c1: 3, r2: 4, c2: 3 }, list: "≥,≤,=" }]);
    expect(s.notes).toEqual([{ cell: "A1", text: "填写项目全称", kind: "note" }]);
    expect(wb.cell("项目支出绩效自评表", "C1")?.format.locked).toBe(true);
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$2" });
    expect(s.freeze).toEqual({ rows: 2, cols: 1 });
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toMatchObject({ allowInsertRows: true, allowDeleteRows: true });
    expect(wb.suspendCalculationCount).toBe(1);
  });

  test("text that Excel would parse as typed stays text, exactly as the plan says", async () => {
    // "=17个" would become a broken formula, "95%" the number 0.95, "1-2" a date: users' 指标值 must not.
    const texts = ["=17个", "95%", "1-2", "2024-12-31", "0012", "TRUE", "+5", "≥95%", "优", "—"];
    const wb = setup({ sheets: { S: [] } });
    await createOfficePort().apply({ sheet: "S", ops: [{ kind: "values", range: "A1:J1", values: [texts] }] });
    expect(wb.values("S", "A1:J1")).toEqual([texts]);
    expect(wb.formula("S", "A1")).toBeUndefined();
    expect((await createOfficePort().readSheet("S")).values).toEqual([texts]);
  });

  test("null in formulas leaves the typed value alone", async () => {
    const wb = setup({ sheets: { S: [[5, 6]] } });
    await createOfficePort().apply({
      sheet: "S",
      ops: [{ kind: "formulas", range: "A1:B1", formulas: [[null, "=A1"]] }],
    });
    expect(wb.value("S", "A1")).toBe(5);
    expect(wb.formula("S", "B1")).toBe("=A1");
  });

  test("without ExcelApi 1.18 a note becomes a comment", async () => {
    const wb = setup({ sheets: { S: [] } });
    wb.unsupportedSets.add("ExcelApi 1.18");
    await createOfficePort().apply({ sheet: "S", ops: [{ kind: "note", cell: "B2", text: "说明" }] });
    expect(wb.mustSheet("S").notes).toEqual([{ cell: "B2", text: "说明", kind: "comment" }]);
  });

  test("creating a sheet that exists fails with a Chinese message and writes nothing", async () => {
    const wb = setup({ sheets: { S: [[1]] } });
    const err = await createOfficePort()
      .apply({ sheet: "S", createSheet: true, ops: [{ kind: "values", range: "A1", values: [[2]] }] })
      .catch((e: unknown) => e);
    expect((err as Error).message).toContain("已存在");
    expect(wb.value("S", "A1")).toBe(1);
  });
});

describe("settings and sheets", () => {
  test("setSetting saves into the document; getSetting reads it back", async () => {
    const wb = setup({ sheets: { S: [] } });
    const port = createOfficePort();
    expect(await port.getSetting("jx.ruleSet")).toBeUndefined();
    await port.setSetting("jx.ruleSet", "mof-2020");
    expect(wb.savedSettings["jx.ruleSet"]).toBe("mof-2020");
    expect(await port.getSetting("jx.ruleSet")).toBe("mof-2020");
  });

  test("listSheets and activeSheet", async () => {
    const wb = setup({ sheets: { 甲: [], 乙: [] } });
    wb.activeSheetName = "乙";
    const port = createOfficePort();
    expect(await port.listSheets()).toEqual(["甲", "乙"]);
    expect(await port.activeSheet()).toBe("乙");
  });
});

describe("a wrong plan changes nothing", () => {
  test.each<[string, WritePlan, string]>([
    [
      "values that do not fit the range",
      {
        sheet: "S",
        ops: [
          { kind: "values", range: "A1", values: [["x"]] },
          { kind: "values", range: "B1:C1", values: [[1]] },
        ],
      },
      "行列数与区域 B1:C1",
    ],
    [
      "an unreadable address after a good op",
      {
        sheet: "S",
        ops: [
          { kind: "values", range: "A1", values: [["x"]] },
          { kind: "merge", range: "第一行" },
        ],
      },
      "地址“第一行”无法识别",
    ],
    [
      "a list item with a comma",
      {
        sheet: "S",
        ops: [
          { kind: "values", range: "A1", values: [["x"]] },
          { kind: "validationList", range: "A2", list: ["是,否"] },
        ],
      },
      "英文逗号",
    ],
    [
      "a new sheet name Excel refuses",
      { sheet: "表[1]", createSheet: true, ops: [{ kind: "values", range: "A1", values: [["x"]] }] },
      "不允许的字符",
    ],
  ])("%s", async (_label, plan, message) => {
    const wb = setup({ sheets: { S: [[1]] } });
    const before = wb.syncCount;
    const err = await createOfficePort()
      .apply(plan)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect((err as Error).message).toContain("未做任何更改");
    expect((err as Error).message).toContain(message);
    expect(wb.syncCount).toBe(before);
    expect(wb.value("S", "A1")).toBe(1);
    expect(wb.sheets).toHaveLength(1);
  });
});

describe("pane helpers", () => {
  test.each([
    ["zh-CN", "zh-CN"],
    ["en-US", "en"],
  ])("officeLocale with display language %s → %s", (lang, locale) => {
    setup({ sheets: { S: [] }, displayLanguage: lang });
    expect(officeLocale()).toBe(locale);
  });

  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const wb = setup({ sheets: { 甲: [], 乙: [] } });
    const before = wb.syncCount;
    await selectCell("乙", "C7");
    expect(wb.syncCount - before).toBe(1);
    expect(wb.activeSheetName).toBe("乙");
    expect(wb.mustSheet("乙").selection).toBe("C7");
  });

  test("recalculateWorkbook asks Excel for a full calculation in one sync", async () => {
    const wb = setup({ sheets: { S: [[1]] } });
    const before = wb.syncCount;
    await recalculateWorkbook();
    expect(wb.calculations).toEqual(["Full"]);
    expect(wb.syncCount - before).toBe(1);
  });

  test("selectCell on a missing sheet says so in Chinese", async () => {
    setup({ sheets: { 甲: [] } });
    await expect(selectCell("丙", "A1")).rejects.toThrow("找不到工作表“丙”");
  });
});

test.each([
  ["readSheet", () => createOfficePort().readSheet("S")],
  ["apply", () => createOfficePort().apply({ sheet: "S", ops: [] })],
  ["getSetting", () => createOfficePort().getSetting("jx.ruleSet")],
  ["selectCell", () => selectCell("S", "A1")],
])("%s outside Excel: a clear message, not a ReferenceError", async (_label, call) => {
  await expect(call()).rejects.toThrow("未检测到 Excel");
});

describe("describeOfficeError", () => {
  test.each([
    [new TypeError("Cannot read properties of undefined (reading 'foo')"), "Internal", /加载项内部出错/],
    [
      Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" }),
      "GeneralException",
      /Excel 未能完成这次操作（GeneralException）/,
    ],
  ])("%s → a Chinese headline, the original words kept as detail", (e, code, headline) => {
    const d = describeOfficeError(e);
    expect(d.code).toBe(code);
    expect(d.message).toMatch(headline);
    expect(d.message).not.toMatch(/[A-Za-z]{6,}.*\(/); // no English sentence in the headline
    expect(d.detail).toBe((e as Error).message);
  });
});
