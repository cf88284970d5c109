/**
 * The three 项目支出 forms of seeds/001 scored end to end with the scoring functions alone:
 * each published 执行率, 得分, 总分 and 等级 comes out again.
 */
import { getRuleSet } from "../../../src/engine/rules/index";
import { execRate, execScore } from "../../../src/engine/scoring/execution";
import { scoreIndicator, type IndicatorInput } from "../../../src/engine/scoring/indicator";
import { gradeFor, sumScores } from "../../../src/engine/scoring/total";

const pct = "0.00%";
/** 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值, as the seed shows them (percent cells are Excel percents). */
function row(nature: string, target: unknown, unit: string, actual: unknown, weight: number): IndicatorInput {
  const isPct = unit === "%";
  return {
    nature,
    target,
    unit,
    actual,
    weight,
    targetFormat: isPct && typeof target === "number" ? pct : null,
    actualFormat: isPct && typeof actual === "number" ? pct : null,
  };
}

const forms: [string, [number, number], IndicatorInput[], number[], number, string][] = [
  [
    "人大代表履职能力提升专项资金",
    [10.56, 10.56],
    [row("≥", 2, "次", 2, 40), row("≥", 0.95, "%", 1, 20), row("≥", 0.9, "%", 1, 20), row("≥", 0.95, "%", 1, 10)],
    [40, 20, 20, 10],
    100,
    "优",
  ],
  [
    "人大专项工作经费",
    [29.77, 29.77],
    [row("≥", 20, "次", 20, 40), row("≥", 0.95, "%", 1, 20), row("≥", 0.9, "%", 1, 20), row("≥", 0.95, "%", 1, 10)],
    [40, 20, 20, 10],
    100,
    "优",
  ],
  [
    "三届三次人代会工作费",
    [41.61, 41.61],
    [row("≥", "1-2次", "次", 2, 40), row("≥", 1, "%", 1, 20), row("≥", 1, "%", 1, 20), row("≥", 0.95, "%", 1, 10)],
    [40, 20, 20, 10],
    100,
    "优",
  ],
];

test.each(forms)("%s", (_name, [budget, spent], rows, scores, total, grade) => {
  const ruleSet = getRuleSet("mof-2020");
  const rate = execRate(budget, spent);
  expect(rate.ok && rate.value).toBe(1);
  const exec = execScore(budget, spent, 10);
  expect(exec.ok && exec.value).toBe(10);
  const got = rows.map((r) => {
    const out = scoreIndicator(r, ruleSet);
    if (!out.ok) throw new Error(`${out.code}: ${JSON.stringify(out.data)}`);
    return out.value.score;
  });
  expect(got).toEqual(scores);
  const sum = sumScores([exec.ok ? exec.value : NaN, ...got]);
  expect(sum).toBe(total);
  expect(gradeFor(sum, ruleSet)).toBe(grade);
});

test("the 部门整体 form's indicators (seed 001) all score full marks under dept-gs", () => {
  const ruleSet = getRuleSet("dept-gs");
  const rows = [
    row("≥", 1, "%", 1, 10),
    row("=", 1, "%", 1, 10),
    row("=", 1, "%", 1, 10),
    { ...row("=", 1, "%", 1, 10), level1: "产出指标", level2: "成本指标" }, // stated "=" wins over 成本
    row("=", 1, "%", 1, 10),
    row("≥", 6, "次", 7, 10),
    row("", 0.95, "%", 1, 10),
  ];
  for (const r of rows) {
    const out = scoreIndicator(r, ruleSet);
    expect(out.ok && out.value.score).toBe(10);
  }
});
