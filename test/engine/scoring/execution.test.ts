import { getRuleSet } from "../../../src/engine/rules/index";
import { execRate, execScore } from "../../../src/engine/scoring/execution";
import { explainGrade, gradeFor, sumScores } from "../../../src/engine/scoring/total";

test.each<[unknown, unknown, number]>([
  [10.56, 10.56, 1],
  [29.77, 29.77, 1],
  [100, 85, 0.85],
  [100, 120, 1.2], // over 100% is returned as is
  ["100", " 50 ", 0.5],
  ["１００", "５０", 0.5],
  [100, 0, 0],
])("execRate(%p, %p) = %p", (budget, spent, want) => {
  const out = execRate(budget, spent);
  expect(out.ok && out.value).toBeCloseTo(want, 12);
});

test.each<[unknown, unknown, unknown, number, string]>([
  [10.56, 10.56, 10, 10, "执行率 10.56 ÷ 10.56 = 100.00%，得分 10 × 100% = 10"],
  [41.61, 41.61, 10, 10, "执行率 41.61 ÷ 41.61 = 100.00%，得分 10 × 100% = 10"],
  [100, 85.555, 10, 8.56, "执行率 85.555 ÷ 100 = 85.56%，得分 10 × 85.56% = 8.56"],
  [100, 120, 10, 10, "执行率 120 ÷ 100 = 120.00%，得分 10 × 100% = 10（超过 100% 按 100% 计）"],
  [200, 100, 20, 10, "执行率 100 ÷ 200 = 50.00%，得分 20 × 50% = 10"],
  [3, 2, 10, 6.67, "执行率 2 ÷ 3 = 66.67%，得分 10 × 66.67% = 6.67"],
])("execScore(%p, %p, %p) = %p", (budget, spent, weight, want, explanation) => {
  const out = execScore(budget, spent, weight);
  expect(out.ok && out.value).toBe(want);
  expect(out.ok && out.explanation).toBe(explanation);
});

test("execScore's weight defaults to 10", () => {
  const out = execScore(100, 50);
  expect(out.ok && out.value).toBe(5);
});

test.each<[unknown, unknown, unknown, string, Record<string, unknown>]>([
  [0, 5, 10, "budget-not-positive", { budget: 0 }],
  [-10, 5, 10, "budget-not-positive", { budget: -10 }],
  [null, 5, 10, "budget-missing", { budget: "空" }],
  ["—", 5, 10, "budget-missing", { budget: "—" }],
  ["十万", 5, 10, "budget-missing", { budget: "十万" }],
  [{ error: "#DIV/0!" }, 5, 10, "budget-missing", { budget: "#DIV/0!" }],
  [100, "", 10, "spent-missing", { spent: "空" }],
  [100, "/", 10, "spent-missing", { spent: "/" }],
  [100, -5, 10, "spent-negative", { spent: -5 }],
  [100, "-5", 10, "spent-negative", { spent: -5 }],
  [100, 50, 0, "weight-invalid", { weight: 0 }],
  [100, 50, "—", "weight-missing", {}],
])("execScore(%p, %p, %p) fails with %s", (budget, spent, weight, code, data) => {
  const out = execScore(budget, spent, weight);
  expect(out).toMatchObject({ ok: false, code, data });
});

const mof = getRuleSet("mof-2020");
const dept = getRuleSet("dept-gs");

test.each<[number, ReturnType<typeof getRuleSet>, string]>([
  [100, mof, "优"],
  [90, mof, "优"],
  [89.99, mof, "良"],
  [89.999999, mof, "优"], // shows as 90.00
  [80, mof, "良"],
  [79.99, mof, "中"],
  [60, mof, "中"],
  [59.99, mof, "差"],
  [0, mof, "差"],
  [NaN, mof, "差"],
  [80, dept, "优"],
  [79.99, dept, "良"],
  [70, dept, "良"],
  [69.99, dept, "中"],
  [60, dept, "中"],
  [59, dept, "差"],
])("gradeFor(%p, %s)", (total, ruleSet, want) => {
  expect(gradeFor(total, ruleSet)).toBe(want);
});

test.each<[number, string]>([
  [92.5, "总分 92.5 ≥ 90：优"],
  [85, "总分 85 在 80–90 之间（含 80）：良"],
  [60, "总分 60 在 60–80 之间（含 60）：中"],
  [12, "总分 12 < 60：差"],
])("explainGrade(%p)", (total, want) => {
  expect(explainGrade(total, mof)).toBe(want);
});

test.each<[number[], number]>([
  [[10, 40, 20, 20, 10], 100],
  [[0.1, 0.2], 0.3],
  [[3.75, 18.95, 6.67], 29.37],
  [[1.005, 1.67], 2.68],
  [[], 0],
  [[10, NaN, 5], 15],
])("sumScores(%p) = %p", (scores, want) => {
  expect(sumScores(scores)).toBe(want);
});
