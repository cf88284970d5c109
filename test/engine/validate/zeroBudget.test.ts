/**
 * A zero 全年预算数 on 年度资金总额: under a rule set with a zero-budget policy (the MoF platform
 * divides by 1) check and calc score it by that policy, as JX.EXECSCORE and the native formula do;
 * under the default set it stays the error budget-not-positive. Found by the differential test
 * (LibreOffice showed the native formula's 0 where the engine gave no score).
 */
import { getRuleSet, planCalculation } from "../../../src/engine";
import { projectSeed } from "./tamper";

function zeroBudgetPlan(ruleSetId: string, spent: number) {
  const t = projectSeed(0);
  const { rows, columns } = t.layout.funds;
  t.set(rows.total, columns.budget, 0);
  t.set(rows.total, columns.spent, spent);
  t.set(rows.total, columns.rate, null);
  t.set(rows.total, columns.score, null);
  const plan = planCalculation(t.sheet, getRuleSet(ruleSetId));
  const score = plan.explained.find((w) => w.target === "execScore");
  const totalRate = plan.explained.filter((w) => w.target === "execRate" && w.row === rows.total);
  return { score, totalRate, codes: plan.problems.map((p) => p.code) };
}

test.each(["mof-platform", "mof-platform-b", "mof-platform-c"])(
  "%s: a zero budget is scored 分值 × 执行数 ÷ 1, no error, no 执行率",
  (id) => {
    const { score, totalRate, codes } = zeroBudgetPlan(id, 0.8);
    expect(codes).not.toContain("budget-not-positive");
    expect(score?.value).toBe(8);
    expect(score?.explanation).toContain("÷1");
    expect(totalRate).toEqual([]);
  },
);

test("the default set: a zero budget stays an error and gets no execution score", () => {
  const { score, codes } = zeroBudgetPlan("mof-2020", 0.8);
  expect(codes).toContain("budget-not-positive");
  expect(score?.value ?? null).toBeNull();
});
