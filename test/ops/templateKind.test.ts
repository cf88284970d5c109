/** The template's rows follow its kind; the rule set never turns one kind into another. */
import { findRuleSet, validateSheet } from "../../src/engine";
import { ruleSetForKind } from "../../src/ops/template";
import { renderTemplateGrid } from "../../src/templates";

const rules = (id: string) => findRuleSet(id)!;
const level1Of = (kind: "project" | "department" | "department-gs", id: string) =>
  ruleSetForKind(kind, rules(id)).level1.map((l) => l.name);

test("部门管理/履职效果 rules do not draw a 项目支出 template's rows, and 财政部 rules do not flatten the 部门管理 one", () => {
  expect(level1Of("project", "dept-gs")).toContain("产出指标");
  expect(level1Of("project", "dept-gs")).not.toContain("部门管理");
  expect(level1Of("department-gs", "mof-2020")).toContain("部门管理");
  // Rules that fit the kind are kept (their weights and bands are the clerk's choice).
  expect(ruleSetForKind("project", rules("exec20")).id).toBe("exec20");
  expect(ruleSetForKind("department-gs", rules("dept-gs")).id).toBe("dept-gs");
});

test("a blank template has a form but no verdict total; no total to state yet", () => {
  const { grid } = renderTemplateGrid("project", rules("mof-2020"), { formulaStyle: "native" });
  const values = Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: 10 }, (_, c) => grid.get(r, c)));
  const check = validateSheet({ name: "T", origin: { row: 0, col: 0 }, values, merges: [] }, rules("mof-2020"));
  expect(check.forms).toHaveLength(1);
  expect(check.verdicts).toEqual([{ kind: "project" }]);
});

test("a filled form's verdict is the total and grade the rules give, agreeing with its 总分 finding", () => {
  const { generateProjectSheet } = require("../fixtures/generate");
  const check = validateSheet(generateProjectSheet(20), rules("mof-2020"));
  const [verdict] = check.verdicts!;
  expect(verdict.totalScore).toEqual(expect.any(Number));
  expect(verdict.totalScore).toBeGreaterThan(0);
  expect(verdict.totalScore).toBeLessThanOrEqual(100);
  expect(["优", "良", "中", "差"]).toContain(verdict.grade);
  const mismatch = check.findings.find((f) => f.code === "total-mismatch");
  if (mismatch) expect(mismatch.data.expected).toBeCloseTo(verdict.totalScore!, 2);
});
