/**
 * The JX.* functions against the real engine: the published numbers of seeds/001 (three 项目支出
 * forms, every indicator row scored full marks, execution 100% → 10, 总分 100 → 优) and the
 * rules of docs/domain, one table per function and argument form. Errors must be #VALUE! with a
 * Chinese message, never a code or a stack trace.
 */
import { EXECRATE, EXECSCORE, EXPLAIN, GRADE, INDICATORSCORE, PARSEVALUE } from "../../src/functions/functions";
import { isValueError } from "../../src/functions/runtime";

const HAN = /[\u4e00-\u9fff]/;

function expectChineseValueError(x: unknown): void {
  expect(isValueError(x)).toBe(true);
  const message = (x as { message: string }).message;
  expect(message).toMatch(HAN);
  expect(message).not.toMatch(/not-implemented|Error:|\n\s+at /);
}

/** Seed 001's indicator rows: 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | published 得分. */
const SEED_PROJECTS: { project: string; rows: [string, unknown, string, unknown, number, number][] }[] = [
  {
    project: "2023年曲靖市人大代表履职能力提升专项资金",
    rows: [
      ["≥", 2, "次", 2, 40, 40],
      ["≥", 0.95, "%", 1, 20, 20],
      ["≥", 0.9, "%", 1, 20, 20],
      ["≥", 0.95, "%", 1, 10, 10],
    ],
  },
  {
    project: "专项工作经费",
    rows: [
      ["≥", 20, "次", 20, 40, 40],
      ["≥", 0.95, "%", 1, 20, 20],
      ["≥", 0.9, "%", 1, 20, 20],
      ["≥", 0.95, "%", 1, 10, 10],
    ],
  },
  {
    project: "三届三次人代会工作费",
    rows: [
      ["≥", "1-2次", "次", 2, 40, 40],
      ["≥", 1, "%", 1, 20, 20],
      ["≥", 1, "%", 1, 20, 20],
      ["≥", 0.95, "%", 1, 10, 10],
    ],
  },
];

describe("JX.EXECRATE", () => {
  it.each([
    { budget: 10.56, spent: 10.56, rate: 1 },
    { budget: 29.77, spent: 29.77, rate: 1 },
    { budget: 41.61, spent: 41.61, rate: 1 },
    { budget: 100, spent: 120, rate: 1.2 }, // the rate is not capped; only the score is
    { budget: 200, spent: 50, rate: 0.25 },
    { budget: "10.56", spent: "10.56", rate: 1 }, // numbers typed as text
  ])("$budget / $spent → $rate", ({ budget, spent, rate }) => {
    expect(EXECRATE(budget, spent)).toBeCloseTo(rate, 12);
  });

  it.each([
    { why: "zero budget", budget: 0, spent: 5 },
    { why: "negative budget", budget: -5, spent: 5 },
    { why: "empty budget", budget: "", spent: 5 },
    { why: "blank cell", budget: null, spent: 5 },
    { why: "text budget", budget: "约十万", spent: 5 },
  ])("$why → #VALUE! with a Chinese reason", ({ budget, spent }) => {
    expectChineseValueError(EXECRATE(budget, spent));
  });
});

describe("JX.EXECSCORE", () => {
  it.each([
    { args: [10.56, 10.56], score: 10 }, // seed 001, all three projects
    { args: [10.56, 10.56, 10], score: 10 },
    { args: [100, 50], score: 5 },
    { args: [100, 120, 10], score: 10 }, // capped at 分值
    { args: [100, 33.333, 20], score: 6.67 }, // rounded to 2 decimals
    { args: [100, 80, 20], score: 16 },
  ])("$args → $score", ({ args, score }) => {
    const [b, s, w] = args;
    expect(EXECSCORE(b, s, w)).toBe(score);
  });

  it.each([
    [0, 1],
    ["", 1],
    [-5, 1],
  ])("budget %p → #VALUE!", (b, s) => {
    expectChineseValueError(EXECSCORE(b, s));
  });
});

describe("JX.INDICATORSCORE", () => {
  describe.each(SEED_PROJECTS)("seed 001: $project", ({ rows }) => {
    it.each(rows)("%s | %p | %s | actual %p | 分值 %p → %p (single cells)", (op, target, unit, actual, w, score) => {
      expect(INDICATORSCORE([[op]], [[target]], [[actual]], [[w]], [[unit]])).toEqual([[score]]);
    });

    it("the whole table as columns spills the same scores", () => {
      const col = (i: number) => rows.map((r) => [r[i]]);
      expect(INDICATORSCORE(col(0), col(1), col(3), col(4), col(2))).toEqual(rows.map((r) => [r[5]]));
    });
  });

  it.each([
    { name: "less than target (more is better)", args: ["≥", 20, 15, 40], score: 30 },
    { name: "operator inside the target", args: ["", "≥20次", 15, 40], score: 30 },
    { name: "full-width = and digits", args: ["", "＝１７个", 17, 10], score: 10 },
    { name: "正向 means ≥", args: ["正向", 10, 5, 10], score: 5 },
    { name: "cost above target (linear)", args: ["≤", 100, 150, 10], score: 5 },
    { name: "cost at twice the target", args: ["≤", 100, 200, 10], score: 0 },
    { name: "cost under target", args: ["反向", 100, 80, 10], score: 10 },
    { name: "inside a range", args: ["", "1-2次", 1, 40], score: 40 },
    { name: "qualitative met (same words)", args: ["定性", "达成预期指标", "达成预期指标", 10], score: 10 },
    { name: "qualitative met (优)", args: ["定性", "优", "优", 10], score: 10 },
    { name: "never above 分值", args: ["≥", 10, 30, 10], score: 10 },
  ])("$name: $args → $score", ({ args, score }) => {
    const [n, t, a, w] = args;
    expect(INDICATORSCORE([[n]], [[t]], [[a]], [[w]])).toEqual([[score]]);
  });

  it.each([
    { name: "部分达成", actual: "部分达成", low: 6, high: 8 },
    { name: "未达成", actual: "未达成", low: 0, high: 6 },
  ])("qualitative $name lands inside its band of the default rule set", ({ actual, low, high }) => {
    const [[score]] = INDICATORSCORE([["定性"]], [["有效促进"]], [[actual]], [[10]]);
    expect(typeof score).toBe("number");
    expect(score as number).toBeGreaterThanOrEqual(low);
    expect(score as number).toBeLessThan(high);
  });

  it.each([
    { name: "missing 分值", args: ["≥", 2, 2, ""] },
    { name: "missing 指标值", args: ["≥", "", 2, 40] },
    { name: "unknown rule set", args: ["≥", 2, 2, 40], rule: "no-such-rules" },
  ])("$name → #VALUE! with a Chinese reason", ({ args, rule }) => {
    const [n, t, a, w] = args;
    const out = INDICATORSCORE([[n]], [[t]], [[a]], [[w]], undefined, rule);
    expect(out).toHaveLength(1);
    expectChineseValueError(out[0][0]);
  });
});

describe("values as Excel hands them", () => {
  // A % cell arrives as its fraction (no format), a data type as an object with a basic value.
  it.each([
    { name: "% cells with 度量单位 %", args: ["≥", 0.95, 0.9, 10, "%"], score: 9.47 },
    { name: "% cell target, points typed", args: ["≥", 0.95, 90, 10, "%"], score: 9.47 },
    { name: "% cell target, text actual", args: ["≥", 0.95, "90%", 10, "%"], score: 9.47 },
    { name: "formatted-number data type", args: ["≥", { type: "FormattedNumber", basicValue: 20 }, 15, 40], score: 30 },
  ])("$name → $score", ({ args, score }) => {
    const [n, t, a, w, u] = args;
    expect(INDICATORSCORE([[n]], [[t]], [[a]], [[w]], u === undefined ? undefined : [[u]])).toEqual([[score]]);
  });

  it("EXPLAIN shows % cells as percents", () => {
    expect(EXPLAIN([["≥"]], [[0.95]], [[1]], [[20]], [["%"]])).toEqual([
      ["≥95%，实际 100%：达到目标，得 20（满分 20）"],
    ]);
  });

  it("data types in the scalar functions", () => {
    expect(EXECRATE(100, { type: "FormattedNumber", basicValue: 90, numberFormat: "0.00" })).toBe(0.9);
    expect(GRADE({ type: "Double", basicValue: 95 })).toBe("优");
  });

  it("an empty 分值 cell in EXECSCORE is the default 10", () => {
    expect(EXECSCORE(100, 50, "")).toBe(5);
    expect(EXECSCORE(100, 50, null)).toBe(5);
  });

  it.each([
    { name: "text spending", out: () => EXECRATE(100, "abc"), says: "全年执行数为空或不是数字（abc）" },
    { name: "a percentage as budget", out: () => EXECRATE("10%", 5), says: "全年预算数为空或不是数字（10%）" },
    { name: "missing 分值", out: () => INDICATORSCORE([["≥"]], [[2]], [[2]], [[""]])[0][0], says: "分值为空" },
    {
      name: "unit contradicting the target",
      out: () => INDICATORSCORE([[""]], [["28.8万元"]], [[30]], [[10]], [["%"]])[0][0],
      says: "单位“万元”与度量单位“%”不一致",
    },
    {
      name: "正向 beside a ≤ target",
      out: () => INDICATORSCORE([["正向"]], [["≤1%"]], [[0.015]], [[10]])[0][0],
      says: "方向相反",
    },
    {
      name: "an unknown 指标性质",
      out: () => INDICATORSCORE([["foo"]], [[0.95]], [[0.9]], [[10]])[0][0],
      says: "“foo”无法识别",
    },
  ])("$name → #VALUE! saying what is wrong, naming no indicator", ({ out, says }) => {
    const x = out();
    expectChineseValueError(x);
    const message = (x as { message: string }).message;
    expect(message).toContain(says);
    expect(message).not.toContain("「—」");
  });
});

describe("JX.GRADE", () => {
  it.each([
    { total: 100, grade: "优" }, // seed 001
    { total: 90, grade: "优" },
    { total: 89.99, grade: "良" },
    { total: 80, grade: "良" },
    { total: 79.99, grade: "中" },
    { total: 60, grade: "中" },
    { total: 59.99, grade: "差" },
    { total: 0, grade: "差" },
    { total: "95", grade: "优" },
    { total: 85, rule: "dept-gs", grade: "优" }, // 80/70/60 deployments
    { total: 75, rule: "dept-gs", grade: "良" },
  ])("$total ($rule) → $grade", ({ total, rule, grade }) => {
    expect(GRADE(total, rule)).toBe(grade);
  });

  it.each(["", null, "九十", "95%", "≥90"])("%p → #VALUE!", (total) => {
    expectChineseValueError(GRADE(total));
  });
});

describe("JX.PARSEVALUE", () => {
  it.each([
    { text: "≥95%", row: ["≥", 0.95, "%"] },
    { text: "=17个", row: ["=", 17, "个"] },
    { text: "＝１７个", row: ["=", 17, "个"] },
    { text: "≤760万元", row: ["≤", 760, "万元"] },
    { text: ">90%", row: [">", 0.9, "%"] },
    { text: "≥100百分比", row: ["≥", 1, "%"] },
    { text: 0.95, row: ["", 0.95, ""] },
    { text: "95", row: ["", 95, ""] },
    { text: "1-2次", row: ["区间", "1-2", "次"] },
    { text: "12个月", row: ["期限", "12个月", ""] },
    { text: "2024年12月底之前完成", row: ["期限", "2024年12月", ""] },
    { text: "按时完成", row: ["期限", "按时", ""] },
    { text: "达成预期指标", row: ["定性", "达成预期指标", "达成"] },
    { text: "", row: ["", "", ""] },
  ])("$text → $row", ({ text, row }) => {
    expect(PARSEVALUE(text)).toEqual([row]);
  });

  it("a boolean is not a value: #VALUE! in the first cell", () => {
    const [[first]] = PARSEVALUE(true);
    expectChineseValueError(first);
  });
});

describe("JX.EXPLAIN", () => {
  it("explains a seed row in one Chinese line that states the score", () => {
    const [[text]] = EXPLAIN([["≥"]], [[20]], [[15]], [[40]], [["次"]]);
    expect(text).toMatch(HAN);
    expect(text).toContain("30");
    expect(String(text)).not.toContain("\n");
  });

  it.each([
    { why: "missing 指标值", target: "", actual: 2 },
    { why: "an actual that states no result", target: 2, actual: "abc" },
  ])("explains why a row cannot be scored ($why), as text, said once", ({ target, actual }) => {
    const [[text]] = EXPLAIN([["≥"]], [[target]], [[actual]], [[40]]);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(String(text).match(/无法(评|计)分/g)).toHaveLength(1);
  });
});
