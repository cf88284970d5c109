/**
 * Round trips on real files through the exceljs port: check never writes; calculate fills only
 * empty computed cells and leaves every typed value as it was (a wrong typed value is a
 * conflict, replaced only when the user confirms it); freeze leaves no JX formula and keeps
 * every value; marks come and go without touching a value.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { a1, detectForms, getRuleSet, SheetView } from "../../src/engine";
import { ExcelJsPort, countMarks } from "../../src/host/exceljs";
import type { Finding } from "../../src/engine";
import { calculateSheet, checkSheet, clearMarks, freezeWorkbook, insertTemplate, markFindings } from "../../src/ops";
import { seedProjectFormsWithLayout, SEED001_PROJECTS } from "../fixtures/seed001";
import { fillProject } from "../templates/fill";
import { sha256, typedCells, writeSnapshots } from "./xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-ops-"));
const rules = getRuleSet("mof-2020");

test("check never writes: the file is byte-identical afterwards", async () => {
  const file = path.join(dir, "check.xlsx");
  await writeSnapshots(
    file,
    seedProjectFormsWithLayout().map((x) => x.sheet),
  );
  const before = sha256(file);
  const port = await ExcelJsPort.fromFile(file);
  for (const sheet of await port.listSheets()) {
    const result = await checkSheet(port, sheet, rules);
    expect(result.forms).toHaveLength(1);
    for (const f of result.findings) expect(f.sheet).toBe(sheet);
  }
  expect(sha256(file)).toBe(before);
});

/** Seed forms with their 执行率 / 得分 / 总分 / 等级 cells emptied, and one 得分 typed wrong. */
async function formsWithBlanks(file: string) {
  const made = seedProjectFormsWithLayout().map(({ sheet, layout }, i) => {
    const blank = (r: number, c: number) => {
      sheet.values[r - sheet.origin.row][c - sheet.origin.col] = null;
    };
    const ind = layout.indicators;
    const fundsTotal = layout.funds.rows.total;
    blank(fundsTotal, layout.funds.columns.rate);
    blank(fundsTotal, layout.funds.columns.score);
    for (const r of ind.rows) blank(r, ind.columns.score!);
    blank(layout.total.row, layout.total.scoreCol);
    blank(layout.total.row, layout.total.gradeCol);
    // The user typed a wrong score on the first sheet's first indicator.
    const wrong = i === 0 ? { row: ind.rows[0], col: ind.columns.score! } : null;
    if (wrong) sheet.values[wrong.row - sheet.origin.row][wrong.col - sheet.origin.col] = 35;
    return { sheet, layout, wrong };
  });
  await writeSnapshots(
    file,
    made.map((m) => m.sheet),
  );
  return made;
}

test("calculate fills empty cells with the published numbers, never overwrites a typed value, reports the conflict", async () => {
  const file = path.join(dir, "calc-in.xlsx");
  const made = await formsWithBlanks(file);
  const typedBefore = await typedCells(file);
  const port = await ExcelJsPort.fromFile(file);
  const sheets = await port.listSheets();
  const conflicts: string[] = [];
  for (const sheet of sheets) {
    const r = await calculateSheet(port, sheet, rules);
    expect(r.written).toBeGreaterThan(0);
    conflicts.push(...r.plan.conflicts.map((c) => `${sheet}!${c.cell}`));
  }
  const out = path.join(dir, "calc-out.xlsx");
  await port.saveAs(out);

  // Every typed value is still there, unchanged.
  const typedAfter = await typedCells(out);
  for (const [cell, value] of typedBefore) expect([cell, typedAfter.get(cell)]).toEqual([cell, value]);
  const wrong = made[0].wrong!;
  expect(conflicts).toContain(`${sheets[0]}!${a1(wrong.row, wrong.col)}`);

  // Filled cells carry the published numbers.
  const back = await ExcelJsPort.fromFile(out);
  for (const [i, { layout }] of made.entries()) {
    const view = new SheetView(await back.readSheet(sheets[i]));
    const seed = SEED001_PROJECTS[i];
    expect(view.value(layout.funds.rows.total, layout.funds.columns.score)).toBe(seed.execution.score);
    expect(view.value(layout.funds.rows.total, layout.funds.columns.rate)).toBeCloseTo(seed.execution.rate, 9);
    layout.indicators.rows.forEach((r, k) => {
      if (i === 0 && k === 0) expect(view.value(r, layout.indicators.columns.score!)).toBe(35);
      else expect(view.value(r, layout.indicators.columns.score!)).toBe(seed.indicators[k].score);
    });
    if (i > 0) {
      expect(view.value(layout.total.row, layout.total.scoreCol)).toBe(seed.total.score);
      expect(view.value(layout.total.row, layout.total.gradeCol)).toBe(seed.total.grade);
    }
  }
});

test("calculate replaces a typed value only when the user confirmed that cell", async () => {
  const file = path.join(dir, "calc-replace.xlsx");
  const made = await formsWithBlanks(file);
  const port = await ExcelJsPort.fromFile(file);
  const sheet = (await port.listSheets())[0];
  const cell = a1(made[0].wrong!.row, made[0].wrong!.col);
  const r = await calculateSheet(port, sheet, rules, { replace: [cell] });
  const view = new SheetView(await port.readSheet(sheet));
  expect(view.value(made[0].wrong!.row, made[0].wrong!.col)).toBe(SEED001_PROJECTS[0].indicators[0].score);
  // The 总分 and 等级 filled in the same run add up the replaced value, and nothing is left to decide.
  const { total } = made[0].layout;
  expect([view.value(total.row, total.scoreCol), view.value(total.row, total.gradeCol)]).toEqual([
    SEED001_PROJECTS[0].total.score,
    SEED001_PROJECTS[0].total.grade,
  ]);
  expect(r.plan.conflicts).toEqual([]);
});

test("after a replacement, a total filled earlier that no longer adds up is the next conflict, not a silent stale number", async () => {
  const file = path.join(dir, "calc-replace-later.xlsx");
  const made = await formsWithBlanks(file);
  const port = await ExcelJsPort.fromFile(file);
  const sheet = (await port.listSheets())[0];
  const cell = a1(made[0].wrong!.row, made[0].wrong!.col);
  const first = await calculateSheet(port, sheet, rules); // fills 总分 from the typed 35
  expect(first.plan.conflicts.map((c) => c.cell)).toEqual([cell]);
  const second = await calculateSheet(port, sheet, rules, { replace: [cell] });
  const { total } = made[0].layout;
  expect(second.plan.conflicts.map((c) => [c.code, c.cell])).toEqual([
    ["total-mismatch", a1(total.row, total.scoreCol)],
  ]);
});

test("calculate with formula style writes formulas into empty cells, leaving typed values", async () => {
  const file = path.join(dir, "calc-formulas.xlsx");
  const made = await formsWithBlanks(file);
  const port = await ExcelJsPort.fromFile(file);
  const sheet = (await port.listSheets())[1];
  await calculateSheet(port, sheet, rules, { formulaStyle: "custom" });
  const s = await port.readSheet(sheet);
  const view = new SheetView(s);
  const { layout } = made[1];
  expect(view.formula(layout.funds.rows.total, layout.funds.columns.rate)).toMatch(/^=JX\.EXECRATE\(/);
  expect(view.formula(layout.indicators.rows[0], layout.indicators.columns.score!)).toMatch(/^=JX\.INDICATORSCORE\(/);
  expect(view.formula(layout.total.row, layout.total.gradeCol)).toMatch(/^=JX\.GRADE\(/);
});

describe("freeze", () => {
  let file: string;
  beforeAll(async () => {
    const port = new ExcelJsPort();
    for (const [i, seed] of SEED001_PROJECTS.entries()) {
      const { sheet } = await insertTemplate(port, {
        kind: "project",
        ruleSetId: "mof-2020",
        formulaStyle: "custom",
        sheetName: `P${i + 1}`,
      });
      await fillProject(port, sheet, seed);
    }
    file = path.join(dir, "custom.xlsx");
    await port.saveAs(file);
  });

  test("every JX formula becomes its value; typed values stay; the published numbers appear", async () => {
    const typedBefore = await typedCells(file);
    const port = await ExcelJsPort.fromFile(file);
    const r = await freezeWorkbook(port);
    expect(r.unresolved ?? []).toEqual([]);
    expect(r.frozen).toBeGreaterThan(10);
    const out = path.join(dir, "frozen.xlsx");
    await port.saveAs(out);
    const back = await ExcelJsPort.fromFile(out);
    for (const [i, sheet] of (await back.listSheets()).entries()) {
      const s = await back.readSheet(sheet);
      expect(s.formulas!.flat().filter((f) => f && /JX\./.test(f))).toEqual([]);
      const form = detectForms(s)[0];
      const view = new SheetView(s);
      const seed = SEED001_PROJECTS[i];
      expect(view.value(form.funds!.rows[0].row, form.funds!.columns.score!)).toBe(seed.execution.score);
      const scores = form
        .indicators!.rows.map((r) => view.value(r.row, form.indicators!.columns.score!))
        .filter((v) => v !== "" && v !== null);
      expect(scores).toEqual(seed.indicators.map((x) => x.score));
    }
    const typedAfter = await typedCells(out);
    for (const [cell, value] of typedBefore) expect([cell, typedAfter.get(cell)]).toEqual([cell, value]);
  });

  test("a cached JX value is kept as it is (the host computed it)", async () => {
    const port = await ExcelJsPort.fromFile(file);
    const ws = port.workbook.getWorksheet("P1")!;
    let cell = "";
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // Stored as Excel stores a custom function: _xldudf_JX_GRADE(…).
        if (!cell && typeof c.formula === "string" && c.formula.startsWith("_xldudf_JX_GRADE")) {
          cell = c.address;
          c.value = { formula: c.formula, result: "良" } as never;
        }
      }),
    );
    await freezeWorkbook(port, { sheets: ["P1"] });
    expect(port.workbook.getWorksheet("P1")!.getCell(cell).value).toBe("良");
  });

  test("preferNative turns JX calls with numeric inputs into native formulas", async () => {
    const port = await ExcelJsPort.fromFile(file);
    await freezeWorkbook(port, { preferNative: true });
    const s = await port.readSheet("P1");
    const formulas = s.formulas!.flat().filter((f): f is string => !!f);
    expect(formulas.some((f) => /JX\./.test(f))).toBe(false);
    expect(formulas.some((f) => f.startsWith("=IF(AND(ISNUMBER("))).toBe(true);
  });
});

test("marks highlight finding cells, replace earlier marks, and clear without touching values", async () => {
  const file = path.join(dir, "marks.xlsx");
  await formsWithBlanks(file);
  const port = await ExcelJsPort.fromFile(file);
  const sheet = (await port.listSheets())[0];
  const before = await port.readSheet(sheet);
  const findings = [
    { code: "score-mismatch", severity: "error" as const, cell: "I14", row: 14, data: {} },
    { code: "reason-missing", severity: "warning" as const, cell: "I14", row: 14, data: {} },
    { code: "x", severity: "info" as const, cell: "C5", row: 5, data: {} },
    { code: "sheet-level", severity: "info" as const, cell: null, row: null, data: {} },
  ] as unknown as Finding[];
  expect((await markFindings(port, sheet, findings)).marked).toBe(2);
  expect((await markFindings(port, sheet, findings)).marked).toBe(2);
  const ws = port.workbook.getWorksheet(sheet)!;
  expect(countMarks(ws)).toBe(2);
  await clearMarks(port, sheet);
  expect(countMarks(ws)).toBe(0);
  expect(await port.readSheet(sheet)).toEqual(before);
});
