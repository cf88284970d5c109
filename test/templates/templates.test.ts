import type ExcelJS from "exceljs";
import { ExcelJsPort } from "../../src/host/exceljs";
import { insertTemplate } from "../../src/ops";
import { detectForms, getRuleSet, SheetView } from "../../src/engine";
import { RULE_SET_SETTING } from "../../src/host/settings";
import { TEMPLATES, type TemplateKind } from "../../src/templates";

type Style = "native" | "custom";
const KINDS: [TemplateKind, string, "project" | "department"][] = [
  ["project", "mof-2020", "project"],
  ["department", "mof-2020", "department"],
  ["department-gs", "dept-gs", "department"],
];
const MATRIX: [TemplateKind, string, "project" | "department", Style][] = KINDS.flatMap(([k, r, f]) =>
  (["native", "custom"] as Style[]).map((s) => [k, r, f, s] as [TemplateKind, string, "project" | "department", Style]),
);

async function inserted(kind: TemplateKind, ruleSetId: string, formulaStyle: Style) {
  const port = new ExcelJsPort();
  const { sheet } = await insertTemplate(port, { kind, ruleSetId, formulaStyle });
  // Everything is checked on the saved and reopened file, as a user would get it.
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  return { port: back, sheet, ws: back.workbook.getWorksheet(sheet)!, snapshot: await back.readSheet(sheet) };
}

/** Lock state and formula of a cell (1-based), as plain data. */
function cellFacts(ws: ExcelJS.Worksheet, row: number, col: number) {
  const { protection, formula } = ws.getCell(row, col);
  // exceljs cells are plain objects, not Office.js proxies: nothing to load or sync.
  // eslint-disable-next-line office-addins/call-sync-before-read
  return { locked: protection?.locked, formula };
}

// Functions Excel, WPS and LibreOffice all have (the text prompt and a blank incomplete 总分 need ISTEXT…COUNT; 满意度 and bounded rates SEARCH their names).
const NATIVE_FUNCTIONS = new Set([
  ...["IF", "AND", "OR", "NOT", "ISNUMBER", "MIN", "MAX", "ROUND", "SUM"],
  ...["ISTEXT", "LEN", "TRIM", "ABS", "COUNT", "SEARCH", "FIND"],
]);

describe.each(MATRIX)("%s template (%s rules, %s form, %s formulas)", (kind, ruleSetId, formKind, style) => {
  let t: Awaited<ReturnType<typeof inserted>>;
  beforeAll(async () => {
    t = await inserted(kind, ruleSetId, style);
  });

  test("indicator and task rows keep an automatic height, so wrapped text shows whole", () => {
    const f = detectForms(t.snapshot)[0];
    const rows = [...(f.indicators?.rows ?? []).map((r) => r.row), ...(f.tasks?.rows ?? [])];
    expect(rows.length).toBeGreaterThan(5);
    // exceljs rows are plain objects, not Office.js proxies: nothing to load or sync.

    for (const r of rows) expect([r + 1, t.ws.getRow(r + 1).height]).toEqual([r + 1, undefined]);
  });

  test("the engine's detection reads it as a form of the right kind with every column", () => {
    const forms = detectForms(t.snapshot);
    expect(forms).toHaveLength(1);
    const f = forms[0];
    expect(f.kind).toBe(formKind);
    expect(Object.keys(f.indicators?.columns ?? {}).sort()).toEqual(
      ["level1", "level2", "level3", "nature", "target", "unit", "actual", "weight", "score", "reason"].sort(),
    );
    expect(f.total?.scoreCol).toBe(8);
    expect(f.total?.gradeCol).toBe(9);
    if (formKind === "project")
      expect(f.funds?.rows.map((r) => r.kind)).toEqual(["total", "fiscal", "carryover", "other"]);
    // Blank task rows are not tasks yet; the table itself and its columns are found.
    else
      expect(Object.keys(f.tasks?.columns ?? {})).toEqual(
        expect.arrayContaining(["name", "approvedTotal", "spent", "rate"]),
      );
  });

  test("prefilled 分值 add up to the rule set's total with the execution weight", () => {
    const ruleSet = getRuleSet(ruleSetId);
    const view = new SheetView(t.snapshot);
    const f = detectForms(t.snapshot)[0];
    const wcol = f.indicators!.columns.weight!;
    const indicatorWeights = f.indicators!.rows.map((r) => Number(view.value(r.row, wcol) ?? 0));
    const sum = indicatorWeights.reduce((a, b) => a + b, 0);
    const exec = formKind === "project" ? ruleSet.executionWeight : 0; // department: 预算执行率 is an indicator row
    expect(sum + exec).toBe(ruleSet.total);
  });

  test(`formulas are ${style === "native" ? "plain Excel functions only" : "JX.* functions"}`, () => {
    const formulas = t.snapshot.formulas!.flat().filter((f): f is string => f !== null);
    expect(formulas.length).toBeGreaterThan(5);
    const called = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    if (style === "native") {
      for (const fn of called) expect(NATIVE_FUNCTIONS).toContain(fn);
    } else {
      expect([...called].filter((fn) => fn.startsWith("JX."))).toEqual(
        expect.arrayContaining(["JX.EXECRATE", "JX.INDICATORSCORE", "JX.GRADE"]),
      );
    }
  });

  test("validation lists: 指标性质 operators, 一级 and 二级 names from the rule set", () => {
    const model = (t.ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    const lists = Object.values(model).map((v) => v.formulae[0]);
    expect(lists).toContain('"≥,≤,=,>,<,定性"');
    const ruleSet = getRuleSet(ruleSetId);
    const level1 = ruleSet.level1
      .filter((l) => !/预算执行/.test(l.name))
      .map((l) => l.name)
      .join(",");
    expect(lists).toContain(`"${level1}"`);
    const level2 = lists.find((l) => l.includes(ruleSet.level1[0].level2[0]));
    expect(level2).toBeDefined();
  });

  test("inputs unlocked, formula cells (other than indicator 得分) locked; formats; A4 landscape with title rows", () => {
    const f = detectForms(t.snapshot)[0];
    const firstIndicator = f.indicators!.rows[0].row + 1;
    expect(cellFacts(t.ws, firstIndicator, f.indicators!.columns.target! + 1).locked).toBe(false);
    const totalScore = cellFacts(t.ws, f.total!.row + 1, f.total!.scoreCol! + 1);
    expect(totalScore.formula).toBeTruthy();
    expect(totalScore.locked).not.toBe(false);
    expect(t.ws.pageSetup.orientation).toBe("landscape");
    expect(t.ws.pageSetup.paperSize).toBe(9);
    const [h1, h2] = f.indicators!.headerRows;
    expect(t.ws.pageSetup.printTitlesRow).toMatch(new RegExp(`^\\$?${h1 + 1}:\\$?${h2 + 1}$`));
    expect(t.ws.getColumn(3).width).toBe(TEMPLATES[kind].widths[2]);
    if (formKind === "project") {
      const total = f.funds!.rows[0].row + 1;
      expect(t.ws.getCell(total, f.funds!.columns.budget! + 1).numFmt).toBe("0.00");
      expect(t.ws.getCell(total, f.funds!.columns.rate! + 1).numFmt).toBe("0.00%");
    } else {
      const row = Math.max(...f.tasks!.headerRows) + 2; // first row under the two-row header, 1-based
      expect(t.ws.getCell(row, f.tasks!.columns.approvedTotal! + 1).numFmt).toBe("0.00");
      expect(t.ws.getCell(row, f.tasks!.columns.rate! + 1).numFmt).toBe("0.00%");
    }
    expect(t.snapshot.merges.length).toBeGreaterThan(8);
  });
});

test("a second template never overwrites the first: it gets ' (2)'", async () => {
  const port = new ExcelJsPort();
  port.workbook.addWorksheet("项目支出绩效自评表").getCell("A1").value = "我的数据";
  const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-2020", formulaStyle: "native" });
  expect(sheet).toBe("项目支出绩效自评表 (2)");
  expect(port.workbook.getWorksheet("项目支出绩效自评表")!.getCell("A1").value).toBe("我的数据");
});

test("custom formulas follow the workbook's rule set, and name theirs only when it differs", async () => {
  const port = new ExcelJsPort();
  await insertTemplate(port, { kind: "project", ruleSetId: "mof-2020", formulaStyle: "custom" });
  expect(await port.getSetting(RULE_SET_SETTING)).toBe("mof-2020");
  const { sheet } = await insertTemplate(port, { kind: "department-gs", ruleSetId: "dept-gs", formulaStyle: "custom" });
  const s = await port.readSheet(sheet);
  const formulas = s.formulas!.flat().filter((f): f is string => !!f && f.includes("JX.GRADE"));
  expect(formulas[0]).toMatch(/JX\.GRADE\([A-Z]+\d+,"dept-gs"\)/);
  const first = (await port.readSheet("项目支出绩效自评表")).formulas!.flat().find((f) => f?.includes("JX.GRADE"));
  expect(first).toMatch(/^=JX\.GRADE\([A-Z]+\d+\)$/);
});

test("an unknown rule set is a clear zh-CN error, nothing inserted", async () => {
  const port = new ExcelJsPort();
  await expect(insertTemplate(port, { kind: "project", ruleSetId: "nope", formulaStyle: "native" })).rejects.toThrow(
    "未知的评分规则：nope",
  );
  expect(await port.listSheets()).toEqual([]);
});
