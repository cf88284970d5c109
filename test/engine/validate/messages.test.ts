/**
 * Messages: every finding code and every scoring error code renders in zh-CN and English from
 * sample data with no placeholder left; unknown codes and missing data never throw.
 */
import { SCORING_ERROR_CODES } from "../../../src/engine/scoring/codes";
import {
  ALL_FINDING_CODES,
  formatFinding,
  formatMessage,
  formatNumber,
  formatScoringError,
  severityOf,
  type Locale,
} from "../../../src/engine/i18n/messages";
import type { Finding } from "../../../src/engine/validate/finding";
import { step } from "../../../src/engine/scoring/steps";

/** One value for every key any message quotes (a union of every code's data). */
const SAMPLE: Record<string, unknown> = {
  stated: 99,
  expected: 100,
  weight: 40,
  score: 20,
  execWeight: 10,
  indicatorWeight: 100,
  level1: "产出指标",
  ruleSet: "财政部2020",
  low: 12,
  high: 16,
  level: "partial",
  column: "budget",
  total: 100,
  spent: 10.56,
  budget: 10.56,
  rate: 1,
  ratio: 1.5,
  limit: 1.2,
  label: "服务对象满意度",
  value: "28.8万元",
  valueUnit: "万元",
  unit: "%",
  nature: "正向",
  what: "totalScore",
  rows: [14, 15],
  cells: [{ cell: "I13", what: "execScore" }, { cell: "I14" }],
  formula: "=SUM(I14:I19)",
  detail: "boom",
  explanation: [step("more-ratio", { A: 2, B: 1, w: 40, score: 20, pct: false, vunit: null })],
  target: "≥2次",
  actual: "1次",
  reason: "kind-mismatch",
  task: "专项工作",
  project: "专项工作经费",
  source: "a.xlsx",
  how: "match-exact",
  scoreRate: 0.9,
  execRate: 0.8,
  threshold: 0.9,
  at: 89.99,
  got: "优",
  excellent: 90,
  good: 80,
  pass: 60,
  bands: "优秀 ≥ 90，良好 ≥ 80",
  decimals: 1,
  words: ["年度指标值", "备注"],
  values: ["12", "30"],
};

const LOCALES: Locale[] = ["zh-CN", "en"];
const CODES = [...ALL_FINDING_CODES, ...Object.keys(SCORING_ERROR_CODES)];

describe.each(LOCALES)("messages in %s", (locale) => {
  it.each(CODES)("%s renders with no placeholder left", (code) => {
    const text = formatMessage(code, SAMPLE, locale);
    expect(text).not.toMatch(/\{\w+(\|\w+)?\}/);
    expect(text).not.toContain("undefined");
    expect(text).not.toContain("[object Object]");
    expect(text.length).toBeGreaterThan(5);
  });

  it.each(CODES)("%s quotes every value it is given, never a dash for data it has", (code) => {
    expect(formatMessage(code, SAMPLE, locale)).not.toContain("—");
  });

  it("an unknown code gets a generic line naming it", () => {
    expect(formatMessage("made-up-code", {}, locale)).toContain("made-up-code");
  });

  it("a custom function's scoring error renders in its own words, an unknown one named (never thrown)", () => {
    expect(formatScoringError("weight-invalid", { weight: -1 }, locale)).toContain("-1");
    const unknown = formatScoringError("made-up-code" as "weight-invalid", { weight: 1 }, locale);
    expect(unknown).toContain("made-up-code");
  });

  it("missing data shows a dash, never 'undefined'", () => {
    const text = formatMessage("score-mismatch", {}, locale);
    expect(text).toContain("—");
    expect(text).not.toContain("undefined");
  });
});

/** Words that call a cell's current value something a person typed (instructions to type are not this). */
const TYPED_ZH = /填写为|填写值|您填写|已填写|表头填写/;

describe("a value a formula shows is never called typed", () => {
  const FROM_FORMULA = { ...SAMPLE, fromFormula: true, doubtful: ["I14"] };
  it.each(ALL_FINDING_CODES)("%s says 公式结果 / formula, never 填写为 / typed", (code) => {
    const zh = formatMessage(code, FROM_FORMULA, "zh-CN");
    expect(zh).toContain("公式结果");
    expect(zh).not.toMatch(TYPED_ZH);
    const en = formatMessage(code, FROM_FORMULA, "en");
    expect(en).toMatch(/formula/i);
    expect(en).not.toMatch(/\btyped\b/i);
  });

  it("rounding that could explain a formula's result names it, not a 填写值", () => {
    const d = { stated: 0.9512, expected: 0.95, spent: 95.12, budget: 100 };
    expect(formatMessage("rate-rounded", d, "zh-CN")).toContain("也可能得出填写值");
    const f = formatMessage("rate-rounded", { ...d, fromFormula: true }, "zh-CN");
    expect(f).toContain("执行率的公式结果为 95.12%");
    expect(f).toContain("也可能得出该公式结果");
    expect(formatMessage("exec-score-rounded", { ...d, fromFormula: true }, "zh-CN")).toContain("也可能得出该公式结果");
  });

  it("a rollup mismatch on a task cell holding a formula says so; a typed one is quoted as it is", () => {
    const d = {
      task: "专项工作",
      project: "专项工作经费",
      source: "a.xlsx",
      column: "taskSpent",
      stated: 9,
      expected: 10,
    };
    expect(formatMessage("task-project-mismatch", d, "zh-CN")).toMatch(/^任务「专项工作」/);
    expect(formatMessage("task-project-mismatch", { ...d, fromFormula: true }, "zh-CN")).toMatch(/^（公式结果）任务/);
    expect(formatMessage("task-project-mismatch", { ...d, fromFormula: true }, "en")).toContain(
      "the amount spent (a formula's result) is 9",
    );
  });
});

describe("rendering details", () => {
  it.each([
    [
      "rate-mismatch",
      { stated: 0.9, expected: 1, spent: 10.56, budget: 10.56 },
      "zh-CN",
      "执行率填写为 90.00%，按 10.56 ÷ 10.56 应为 100.00%。",
    ],
    [
      "rate-mismatch",
      { stated: 0.9, expected: 1, spent: 10.56, budget: 10.56 },
      "en",
      "Execution rate is 90.00%; 10.56 ÷ 10.56 gives 100.00%.",
    ],
    [
      "score-out-of-band",
      { level: "partial", low: 12, high: 16, stated: 20 },
      "zh-CN",
      "定性指标完成情况为「部分达成」，得分应在 12 至 16 之间，填写为 20。",
    ],
    [
      "score-out-of-band",
      { level: "partial", low: 12, high: 16, stated: 20 },
      "en",
      "Qualitative result is partly met: the score must lie between 12 and 16, but it is 20.",
    ],
    [
      "funds-sum-mismatch",
      { column: "initial", stated: 10.56, expected: 10 },
      "zh-CN",
      "年度资金总额的年初预算数为 10.56，其中各项之和为 10。",
    ],
  ] as const)("%s (%s)", (code, data, locale, text) => {
    expect(formatMessage(code, data, locale as Locale)).toBe(text);
  });

  it("text a user typed is quoted as typed, even when it looks like a placeholder", () => {
    expect(formatMessage("cost-positive", { label: "{nature}", nature: "≥" }, "zh-CN")).toBe(
      "成本指标「{nature}」标为「≥」（越多越好），成本指标一般应为反向（≤）。",
    );
  });

  it("formatFinding renders the finding's code and data", () => {
    const f: Finding = {
      code: "total-mismatch",
      severity: "error",
      cell: "I20",
      row: 20,
      data: { stated: 99, expected: 100 },
    };
    expect(formatFinding(f)).toBe("总分填写为 99，预算执行率得分与各指标得分之和为 100。");
    expect(formatFinding(f, "en")).toBe("Total score is 99; execution score plus indicator scores is 100.");
  });

  it.each([
    [40, "40"],
    [3.75, "3.75"],
    [0.1 + 0.2, "0.3"],
    [2 / 3, "0.6667"],
  ])("formatNumber(%p) = %s", (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it("scoring codes render with the scoring module's templates", () => {
    expect(formatMessage("unscorable", { reason: "target-unreadable", target: "abc", actual: 2 })).toContain(
      "指标值无法识别",
    );
    expect(formatMessage("unscorable", { reason: "target-unreadable", target: "abc", actual: 2 }, "en")).toContain(
      "the target cannot be read",
    );
    expect(formatMessage("weight-invalid", { weight: -1 }, "en")).toContain("-1");
  });

  it("severity: catalogue codes have theirs, other codes are warnings", () => {
    expect(severityOf("total-mismatch")).toBe("error");
    expect(severityOf("level1-weight-differs")).toBe("warning");
    expect(severityOf("computed-empty")).toBe("info");
    expect(severityOf("unscorable")).toBe("warning");
  });
});
