/**
 * Native templates refuse what cannot be, where it is typed: a negative amount, a negative 执行率
 * typed over its formula, a 满意度 below 0 or above 100% — written by exceljs (the CLI) and by the
 * Office adapter (the pane, against the strict fake), and the rule's formula says TRUE for every
 * value a published form holds (a false refusal is worse than a missed slip). The 255-character
 * limit of Excel's validation formulas is kept.
 */
import { detectForms, evaluateNode, getRuleSet, parseFormula, resultOf, type CellValue } from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import { createOfficePort } from "../../src/host/office";
import type { WriteOp } from "../../src/host/port";
import { insertTemplate } from "../../src/ops";
import { renderTemplate, REFUSE, type TemplateKind } from "../../src/templates";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

type Rule = Extract<WriteOp, { kind: "validationRule" }>;
const rulesOf = (kind: TemplateKind) =>
  renderTemplate(kind, getRuleSet(kind === "department-gs" ? "dept-gs" : "mof-2020"), "表", {
    formulaStyle: "native",
  }).ops.filter((o): o is Rule => o.kind === "validationRule");

/**
 * Does the rule accept `value` in its top-left cell, beside these names and unit (B, C, F of its row)?
 * Evaluated by the engine's formula evaluator, which the differential tests hold to HyperFormula and
 * LibreOffice (a HyperFormula build per value would take a minute here).
 */
function accepts(rule: Rule, value: CellValue, names: [string, string], unit: string): boolean {
  const m = /^([A-Z])(\d+)/.exec(rule.range)!;
  const row = Number(m[2]) - 1;
  const cells = new Map<number, CellValue>([
    [1, names[0]],
    [2, names[1]],
    [5, unit],
    [m[1].charCodeAt(0) - 65, value],
  ]);
  const env = { cell: (r: number, c: number) => (r === row ? (cells.get(c) ?? null) : null) };
  return resultOf(evaluateNode(parseFormula(rule.formula)!, env)) === true;
}

describe.each(["project", "department", "department-gs"] as TemplateKind[])("%s template", (kind) => {
  const rules = rulesOf(kind);

  test("every rule fits Excel's 255 characters and has a message", () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.formula.length).toBeLessThanOrEqual(255);
      expect(r.message.length).toBeGreaterThan(0);
    }
  });

  test("amounts: a negative is refused, numbers ≥ 0, text and blanks pass (the check names text)", () => {
    const amounts = rules.filter((r) => r.message === REFUSE.negativeAmount);
    expect(amounts.length).toBeGreaterThan(0);
    for (const r of amounts) {
      expect(accepts(r, -1, ["", ""], "")).toBe(false);
      for (const ok of [0, 10.56, 1e6, "10万元", null]) expect(accepts(r, ok, ["", ""], "")).toBe(true);
    }
  });

  test("satisfaction: below 0 or above 100 points with % refused; the rows of other indicators are left alone", () => {
    const sat = rules.filter((r) => r.message === REFUSE.impossibleRate);
    expect(sat.length).toBeGreaterThan(0);
    const satisfied: [string, string] = ["服务对象满意度指标", "群众满意度"];
    for (const r of sat) {
      for (const bad of [-1, 120, 500]) expect([bad, accepts(r, bad, satisfied, "%")]).toEqual([bad, false]);
      for (const ok of [0, 0.95, 1, 85, 95, 100, "≥90%", null])
        expect([ok, accepts(r, ok, satisfied, "%")]).toEqual([ok, true]);
      // 500 people surveyed, or a growth of 150% on a 效益 row: not a satisfaction rate, not refused.
      expect(accepts(r, 500, ["服务对象满意度指标", "满意度调查人数"], "人")).toBe(true);
      expect(accepts(r, 150, ["社会效益指标", "就业增长率"], "%")).toBe(true);
    }
  });
});

describe("both hosts write the rules", () => {
  let fake: InstalledFake | undefined;
  afterEach(() => fake?.uninstall());

  test("exceljs: custom rules with a Stop alert survive a save and a reload", async () => {
    const port = new ExcelJsPort();
    const { sheet } = await insertTemplate(port, {
      kind: "project",
      ruleSetId: "mof-2021-101",
      formulaStyle: "native",
    });
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const ws = back.workbook.getWorksheet(sheet)!;
    const model = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
      .dataValidations.model;
    const custom = Object.values(model).filter((v) => v.type === "custom");
    expect(custom.map((v) => v.error)).toEqual(expect.arrayContaining([REFUSE.negativeAmount, REFUSE.impossibleRate]));
    expect(custom.every((v) => v.showErrorMessage === true && v.errorStyle === "stop")).toBe(true);
    const form = detectForms(await back.readSheet(sheet))[0];
    expect(form.indicators!.rows.length).toBeGreaterThan(0);
  });

  test("Office: the same rules through the adapter, each with its message", async () => {
    fake = installFakeOffice(globalThis, new FakeWorkbook({ sheets: { Sheet1: [] } }));
    const { sheet } = await insertTemplate(createOfficePort(), {
      kind: "department",
      ruleSetId: "mof-2020",
      formulaStyle: "native",
    });
    const validations = fake.workbook.mustSheet(sheet).validations.filter((v) => v.custom !== undefined);
    expect(validations.map((v) => v.message)).toEqual(
      expect.arrayContaining([REFUSE.negativeAmount, REFUSE.negativeRate, REFUSE.impossibleRate]),
    );
    expect(validations.length).toBe(rulesOf("department").length);
  });
});
