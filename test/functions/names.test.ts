/**
 * JX.INDICATORSCORE / JX.EXPLAIN with the row's names (the optional 一级 / 二级 / 三级 arguments after
 * 规则): the same score as the check gives the row — a 满意度 under 101号's satisfaction bands, a
 * 满意度 above 100% refused with the reason, never full marks. Without names the functions behave as
 * before (old formulas keep working), and the check's evaluator, freeze and the template agree.
 */
import { getRuleSet, planCalculation, detectForms, a1 } from "../../src/engine";
import { EXPLAIN, INDICATORSCORE } from "../../src/functions/functions";
import { isValueError } from "../../src/functions/runtime";
import { ExcelJsPort } from "../../src/host/exceljs";
import { RULE_SET_SETTING } from "../../src/host/settings";
import { freezeWorkbook, insertTemplate } from "../../src/ops";
import { jxFunctions } from "../../src/ops/formulaFunctions";
import { withFormulaResults } from "../../src/engine";

const m = (v: unknown) => [[v]] as never;
const SAT = ["满意度指标", "服务对象满意度指标", "群众满意度"].map(m) as [never, never, never];
const score = (target: number, actual: number, rule: string, names?: [never, never, never]) =>
  INDICATORSCORE(m("≥"), m(target), m(actual), m(10), m("%"), rule, ...(names ?? []))[0][0];

test("a 满意度 of 67% against ≥51% under 101号: the bands' 5 with names, the ratio's 10 without (as before)", () => {
  expect(score(0.51, 0.67, "mof-2021-101", SAT)).toBe(5);
  expect(score(0.51, 0.67, "mof-2021-101")).toBe(10);
  // Other rule sets have no satisfaction bands: names change nothing.
  expect(score(0.51, 0.67, "mof-2020", SAT)).toBe(10);
});

test("a 满意度 above 100% is refused with the reason in both functions; a growth rate above 100% is not", () => {
  for (const actual of [1.39, 139]) {
    const x = score(0.9, actual, "mof-2020", SAT);
    expect(isValueError(x)).toBe(true);
    expect((x as { message: string }).message).toContain("超过了 100%");
  }
  const explained = EXPLAIN(m("≥"), m(0.9), m(1.39), m(10), m("%"), "mof-2020", ...SAT)[0][0];
  expect(explained).toMatch(/群众满意度.*139(\.00)?%.*超过了 100%/);
  const growth = ["效益指标", "经济效益指标", "产值增长率"].map(m) as [never, never, never];
  expect(score(0.9, 1.39, "mof-2020", growth)).toBe(10);
});

test("names as whole columns: one score per row, in the same shape", () => {
  const col = (...xs: unknown[]) => xs.map((x) => [x]) as never;
  const out = INDICATORSCORE(
    col("≥", "≥"),
    col(0.51, 0.51),
    col(0.67, 0.67),
    col(10, 10),
    col("%", "%"),
    "mof-2021-101",
    col("满意度指标", "产出指标"),
    col("服务对象满意度指标", "质量指标"),
    col("群众满意度", "验收合格"),
  );
  expect(out).toEqual([[5], [10]]);
});

test("template, check's evaluator and freeze pass the names: the 满意度 row scores as the engine says", async () => {
  const port = new ExcelJsPort();
  await port.setSetting(RULE_SET_SETTING, "mof-2020");
  const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-2021-101", formulaStyle: "custom" });
  const form = detectForms(await port.readSheet(sheet))[0];
  const ic = form.indicators!.columns;
  const row = form.indicators!.rows.find((r) => /满意/.test(r.level1))!.row;
  const put = (col: number | undefined, v: string | number) => ({
    kind: "values" as const,
    range: a1(row, col!),
    values: [[v]],
  });
  await port.apply({ sheet, ops: [put(ic.target, 51), put(ic.unit, "%"), put(ic.actual, 67), put(ic.weight, 10)] });
  const snapshot = await port.readSheet(sheet);
  const formula = snapshot.formulas![row - snapshot.origin.row][ic.score! - snapshot.origin.col]!;
  expect(formula).toMatch(/^=JX\.INDICATORSCORE\(.*"mof-2021-101",A\d+,B\d+,C\d+\)$/);
  const engine = planCalculation(snapshot, getRuleSet("mof-2021-101")).explained.find(
    (w) => w.row === row && w.target === "indicatorScore",
  );
  expect(engine?.value).toBe(5);
  const evaluated = withFormulaResults(snapshot, jxFunctions("mof-2020"));
  expect(evaluated.values[row - snapshot.origin.row][ic.score! - snapshot.origin.col]).toBe(5);
  await freezeWorkbook(port, { sheets: [sheet] });
  const frozen = await port.readSheet(sheet);
  expect(frozen.values[row - frozen.origin.row][ic.score! - frozen.origin.col]).toBe(5);
});
