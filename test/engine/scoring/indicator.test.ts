import { getRuleSet } from "../../../src/engine/rules/index";
import { SCORING_ERROR_CODES, UNSCORABLE_REASONS } from "../../../src/engine/scoring/codes";
import { formatScoringError } from "../../../src/engine/i18n/scoringMessages";
import { scoreIndicator, type IndicatorInput } from "../../../src/engine/scoring/indicator";

const mof = getRuleSet("mof-2020");
const dept = getRuleSet("dept-gs"); // bands 80/50, reverse rule "ratio"

type Row = [name: string, input: IndicatorInput, score: number, method?: string];

// Published seed rows (seeds/001): 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 → 得分.
const seedRows: Row[] = [
  ["≥ | 2 | 次 | 2 | 40", { nature: "≥", target: 2, unit: "次", actual: 2, weight: 40 }, 40, "more"],
  [
    "≥ | 95.00% | % | 100.00% | 20",
    { nature: "≥", target: 0.95, targetFormat: "0.00%", unit: "%", actual: 1, actualFormat: "0.00%", weight: 20 },
    20,
    "more",
  ],
  ["≥ | 1-2次 | 次 | 2 | 40", { nature: "≥", target: "1-2次", unit: "次", actual: 2, weight: 40 }, 40, "range"],
  ["≥ | 20 | 次 | 20 | 40", { nature: "≥", target: 20, unit: "次", actual: 20, weight: 40 }, 40, "more"],
  [
    "(blank) | 95.00% | % | 100.00% | 10",
    { nature: "", target: 0.95, targetFormat: "0.00%", unit: "%", actual: 1, actualFormat: "0.00%", weight: 10 },
    10,
    "more",
  ],
  [
    "= | 100.00% | % | 100.00% | 10",
    { nature: "=", target: 1, targetFormat: "0.00%", unit: "%", actual: 1, actualFormat: "0.00%", weight: 10 },
    10,
    "equal",
  ],
];

const moreRows: Row[] = [
  ["≥4, actual 3, w5", { nature: "≥", target: 4, actual: 3, weight: 5 }, 3.75, "more"],
  ["正向 4, actual 3", { nature: "正向", target: 4, actual: 3, weight: 5 }, 3.75, "more"],
  ["> in the target", { target: ">90%", actual: "81%", weight: 10 }, 9, "more"],
  ["over-achieved never above w", { target: "≥10", actual: 1000, weight: 8 }, 8, "more"],
  ["negative actual counts as 0", { target: "≥10", actual: -5, weight: 8 }, 0, "more"],
  ["target 0 is always met", { target: "≥0", actual: 0, weight: 8 }, 8, "more"],
  ["no operator anywhere: more is better", { target: 10, actual: 5, weight: 10 }, 5, "more"],
  ["direction column when nature is 定量", { nature: "定量", direction: "正向", target: 10, actual: 5, weight: 10 }, 5],
  ["rounding is Excel's: 2/3 × 10", { target: "≥3", actual: 2, weight: 10 }, 6.67, "more"],
  ["full-width target", { target: "≧９５％", actual: "９０％", weight: 20 }, 18.95, "more"],
  ["text numbers", { nature: "≥", target: " 95 ", unit: "%", actual: "90", weight: 20 }, 18.95, "more"],
];

const percentRows: Row[] = [
  ["95% vs 100 typed with unit %", { target: 0.95, targetFormat: "0%", unit: "%", actual: 100, weight: 20 }, 20],
  ["95% vs 90 typed with unit %", { target: 0.95, targetFormat: "0%", unit: "%", actual: 90, weight: 20 }, 18.95],
  ["≥100百分比 vs 100%", { target: "≥100百分比", actual: "100%", weight: 10 }, 10],
  ["≥100百分比 vs 90%", { target: "≥100百分比", actual: "90%", weight: 10 }, 9],
  ["≥95% vs plain 98 (no unit column)", { target: "≥95%", actual: 98, weight: 10 }, 10],
  ["≥95% vs plain 0.9 (a fraction)", { target: "≥95%", actual: 0.9, weight: 10 }, 9.47],
  ["95 | % | 100 all plain", { nature: "≥", target: 95, unit: "%", actual: 100, weight: 10 }, 10],
  // Formats unknown (a custom function gets values only): a % cell's 95% arrives as 0.95.
  ["% cells with unit %, formats unknown", { nature: "≥", target: 0.95, unit: "%", actual: 0.9, weight: 10 }, 9.47],
  ["% cell vs typed points, formats unknown", { nature: "≥", target: 0.95, unit: "%", actual: 90, weight: 10 }, 9.47],
  ["% cell vs typed 90%, formats unknown", { nature: "≥", target: 0.95, unit: "%", actual: "90%", weight: 10 }, 9.47],
  ["typed 95% vs % cell, formats unknown", { target: "95%", unit: "%", actual: 0.9, weight: 10 }, 9.47],
  ["1 (100%) vs typed 95, formats unknown", { nature: "≥", target: 1, unit: "%", actual: 95, weight: 10 }, 9.5],
  // Formats known (a sheet): a General 0.95 beside unit % is 0.95 percentage points, as typed.
  [
    "General 0.95 with unit %, formats known",
    { nature: "≥", target: 0.95, targetFormat: null, unit: "%", actual: 0.9, actualFormat: null, weight: 10 },
    9.47,
  ],
];

const lessRows: Row[] = [
  ["≤ met", { target: "≤760万元", unit: "万元", actual: 700, weight: 20 }, 20, "less"],
  ["≤ linear", { target: "≤760万元", unit: "万元", actual: 800, weight: 20 }, 18.95, "less"],
  ["≤ linear at 1.5A", { nature: "≤", target: 100, actual: 150, weight: 10 }, 5, "less"],
  ["≤ linear at 2A is 0", { nature: "≤", target: 100, actual: 200, weight: 10 }, 0, "less"],
  ["≤ linear beyond 2A is 0", { nature: "反向", target: 100, actual: 500, weight: 10 }, 0, "less"],
  ["≤1% vs 1.5%", { target: "≤1%", actual: "1.5%", weight: 10 }, 5, "less"],
  ["< strictly", { target: "<10", actual: 12, weight: 10 }, 8, "less"],
  ["≤0 vs 0", { target: "≤0", actual: 0, weight: 10 }, 10, "less"],
  ["≤0 vs 1", { target: "≤0", actual: 1, weight: 10 }, 0, "less"],
  ["成本 二级 with no operator", { level2: "成本指标", target: 100, actual: 150, weight: 10 }, 5, "less"],
  [
    "成本 一级 with no operator",
    { level1: "成本指标", level2: "经济成本指标", target: 100, actual: 110, weight: 10 },
    9,
  ],
  [
    "成本 but 正向 stated: stated wins",
    { nature: "正向", level2: "成本指标", target: 100, actual: 150, weight: 10 },
    10,
  ],
  ["nature column and target agree", { nature: "≤", target: "≤100", actual: 150, weight: 10 }, 5, "less"],
];

const ratioRows: Row[] = [
  ["ratio rule: A/B × w", { target: "≤100", actual: 125, weight: 10 }, 8, "less"],
  ["ratio rule at 2A", { target: "≤100", actual: 200, weight: 10 }, 5, "less"],
  ["ratio rule met", { target: "≤100", actual: 90, weight: 10 }, 10, "less"],
];

const equalRows: Row[] = [
  ["=17个 met", { target: "=17个", actual: 17, weight: 10 }, 10, "equal"],
  ["=17个 above is met", { target: "=17个", actual: 20, weight: 10 }, 10, "equal"],
  ["=17个 below", { target: "=17个", actual: 8.5, weight: 10 }, 5, "equal"],
  ["=0 with 0", { target: "=0", actual: 0, weight: 10 }, 10, "equal"],
  ["=0 with negative", { target: "=0", actual: -1, weight: 10 }, 10, "equal"],
  ["=0 with 1", { target: "=0", actual: 1, weight: 10 }, 0, "equal"],
  ["﹦ in the nature column", { nature: "﹦", target: 4, actual: 2, weight: 10 }, 5, "equal"],
];

const rangeRows: Row[] = [
  ["inside", { target: "1-2次", actual: 1, weight: 10 }, 10, "range"],
  ["inside, upper edge", { target: "1～2", actual: 2, weight: 10 }, 10, "range"],
  ["below: against a", { target: "4至8", actual: 3, weight: 10 }, 7.5, "range"],
  ["above: against b, less-is-better", { target: "4-8", actual: 10, weight: 10 }, 7.5, "range"],
  ["above 2b is 0", { target: "4-8", actual: 16, weight: 10 }, 0, "range"],
  ["≥ range: above never penalised", { nature: "≥", target: "1-2次", actual: 5, weight: 10 }, 10, "range"],
  ["≤ range: below never penalised", { nature: "≤", target: "4-8", actual: 1, weight: 10 }, 10, "range"],
  ["percent range", { target: "90%-100%", actual: "95%", weight: 10 }, 10, "range"],
];

const deadlineRows: Row[] = [
  ["before the deadline", { target: "2024年12月底之前完成", actual: "2024年11月", weight: 10 }, 10, "deadline"],
  ["on the deadline", { target: "2024年12月底之前完成", actual: "2024年12月31日", weight: 10 }, 10, "deadline"],
  ["late: partial default", { target: "2024年12月底之前完成", actual: "2025年1月", weight: 10 }, 7, "deadline"],
  ["late, stated score kept in band", { target: "2024年12月", actual: "2025年2月", weight: 10, statedScore: 6 }, 6],
  ["actual says 按时完成", { target: "2024年12月底之前完成", actual: "按时完成", weight: 10 }, 10, "deadline"],
  ["actual says 已完成", { target: "2024年12月底之前完成", actual: "已完成", weight: 10 }, 10, "deadline"],
  ["actual says 未按时完成", { target: "2024年12月底之前完成", actual: "未按时完成", weight: 10 }, 3, "deadline"],
  ["按时完成 both", { target: "按时完成", actual: "按时完成", weight: 10 }, 10, "deadline"],
  ["及时 vs 及时", { target: "及时", actual: "及时", weight: 5 }, 5, "deadline"],
  ["按时完成 vs a date with 完成", { target: "按时完成", actual: "2024年11月完成", weight: 5 }, 5, "deadline"],
  ["12个月 vs 12个月", { target: "12个月", actual: "12个月", weight: 10 }, 10, "deadline"],
  ["12个月 vs 13个月 (linear)", { target: "12个月", actual: "13个月", weight: 10 }, 9.17, "deadline"],
  ["12个月 vs 10", { target: "12个月", actual: 10, weight: 10 }, 10, "deadline"],
  ["按时完成 vs 90%", { target: "按时完成", actual: "90%", weight: 10 }, 9, "deadline"],
  [
    "Excel date vs Excel date",
    { target: 45657, targetFormat: "yyyy-mm-dd", actual: 45650, actualFormat: "yyyy/m/d", weight: 4 },
    4,
  ],
  ["target 12月底前, actual a later year-less month", { target: "12月底前", actual: "2024年12月20日", weight: 4 }, 4],
];

const qualitativeRows: Row[] = [
  ["same text as the target", { target: "有效促进", actual: "有效促进", weight: 5 }, 5, "qualitative"],
  ["达成 words", { target: "长期有效", actual: "达成预期指标", weight: 5 }, 5, "qualitative"],
  ["优", { target: "优", actual: "优", weight: 5 }, 5, "qualitative"],
  ["良 against 优 is partial", { target: "优", actual: "良", weight: 5 }, 3.5, "qualitative"],
  ["优 against 良 is met", { target: "良", actual: "优", weight: 5 }, 5, "qualitative"],
  ["良 against 良 is met", { target: "良", actual: "良好", weight: 5 }, 5, "qualitative"],
  ["差 against 中 is unmet", { target: "中", actual: "差", weight: 10 }, 3, "qualitative"],
  ["好 is met", { target: "有效促进", actual: "好", weight: 5 }, 5, "qualitative"],
  ["中 is partial", { target: "优", actual: "中", weight: 10 }, 7, "qualitative"],
  ["差 is unmet", { target: "优", actual: "差", weight: 10 }, 3, "qualitative"],
  ["部分达成: default 70%", { target: "规范", actual: "部分达成", weight: 5 }, 3.5, "qualitative"],
  ["未达成: default 30%", { target: "健全", actual: "未达成", weight: 5 }, 1.5, "qualitative"],
  ["met, stated 4.5 inside [4,5] is kept", { target: "显著", actual: "显著", weight: 5, statedScore: 4.5 }, 4.5],
  ["met, stated 4 (80% included) is kept", { target: "显著", actual: "达成", weight: 5, statedScore: 4 }, 4],
  ["met, stated 3 outside the band → w", { target: "显著", actual: "达成", weight: 5, statedScore: 3 }, 5],
  ["partial, stated 3.9 kept", { target: "规范", actual: "基本达成", weight: 5, statedScore: 3.9 }, 3.9],
  [
    "partial, stated 4 (band top excluded) → default",
    { target: "规范", actual: "部分达成", weight: 5, statedScore: 4 },
    3.5,
  ],
  ["unmet, stated 2 kept", { target: "规范", actual: "未达成", weight: 5, statedScore: 2 }, 2],
  ["numeric target, words actual", { target: "≥95%", actual: "达成", weight: 10 }, 10, "qualitative"],
  ["numeric target, 按时完成 actual", { target: "=100%", actual: "按时完成", weight: 10 }, 10, "qualitative"],
  ["stated score as text", { target: "规范", actual: "部分达成", weight: 5, statedScore: "3.2" }, 3.2],
];

const deptRows: Row[] = [
  ["dept-gs partial default 65%", { target: "规范", actual: "部分达成", weight: 10 }, 6.5],
  ["dept-gs unmet default 25%", { target: "规范", actual: "未达成", weight: 10 }, 2.5],
  ["dept-gs partial, 5.2 inside [5, 8)", { target: "规范", actual: "部分达成", weight: 10, statedScore: 5.2 }, 5.2],
];

describe.each([
  ["seed rows (mof-2020)", seedRows, mof],
  ["more is better", moreRows, mof],
  ["percent handling", percentRows, mof],
  ["less is better (linear)", lessRows, mof],
  ["less is better (ratio, dept-gs)", ratioRows, dept],
  ["equal", equalRows, mof],
  ["ranges", rangeRows, mof],
  ["deadlines", deadlineRows, mof],
  ["qualitative", qualitativeRows, mof],
  ["qualitative bands 80/50", deptRows, dept],
])("scoreIndicator: %s", (_name, rows, ruleSet) => {
  // Pad to a fixed arity: jest hands a short row a `done` callback in place of the missing column.
  test.each(rows.map((r) => [r[0], r[1], r[2], r[3] ?? null] as const))("%s → %p", (_n, input, score, method) => {
    const out = scoreIndicator(input, ruleSet);
    if (!out.ok) throw new Error(`expected a score, got ${out.code} ${JSON.stringify(out.data)}`);
    expect(out.value.score).toBe(score);
    expect(out.value.score).toBeLessThanOrEqual(out.value.weight);
    if (method) expect(out.value.method).toBe(method);
    expect(out.explanation).toMatch(/[\u4e00-\u9fff]/);
    expect(out.explanation).not.toMatch(/\n|NaN|undefined/);
  });
});

test.each<[string, IndicatorInput, string]>([
  [
    "≥4 批次，实际 3",
    { nature: "≥", target: 4, unit: "批次", actual: 3, weight: 5 },
    "≥4 批次，实际 3：3 ÷ 4 × 5 = 3.75",
  ],
  ["定性 达成", { target: "有效", actual: "达成", weight: 5 }, "定性：达成，得 5（满分 5）"],
  [
    "linear formula",
    { target: "≤760万元", actual: 800, weight: 20 },
    "≤760 万元，实际 800：20 × (1 − (800 − 760) ÷ 760) = 18.95",
  ],
  ["ratio formula", { target: "≤100", actual: 125, weight: 10 }, "≤100，实际 125：100 ÷ 125 × 10 = 8"],
  ["negative actual", { target: "≥10", actual: -5, weight: 8 }, "≥10，实际 -5（负数按 0 计）：0 ÷ 10 × 8 = 0"],
])("explanation: %s", (name, input, want) => {
  const out = scoreIndicator(input, name === "ratio formula" ? dept : mof);
  expect(out.ok && out.explanation).toBe(want);
});

test.each<[string, IndicatorInput, Record<string, unknown>]>([
  ["met", { target: "有效", actual: "有效", weight: 10 }, { level: "met", band: { low: 8, high: 10 } }],
  ["partial", { target: "有效", actual: "部分达成", weight: 10 }, { level: "partial", band: { low: 6, high: 8 } }],
  ["unmet", { target: "有效", actual: "未达成", weight: 10 }, { level: "unmet", band: { low: 0, high: 6 } }],
  ["ratio B/A", { target: "≥4", actual: 3, weight: 10 }, { ratio: 0.75, op: ">=" }],
  ["ratio above 1.2 reported, score capped", { target: "≥10", actual: 15, weight: 10 }, { ratio: 1.5, score: 10 }],
])("result fields: %s", (_n, input, want) => {
  const out = scoreIndicator(input, mof);
  expect(out.ok && out.value).toMatchObject(want);
});

const errorRows: [string, IndicatorInput, string, Record<string, unknown>?][] = [
  ["target empty", { target: "—", actual: 3, weight: 5 }, "target-missing"],
  ["target null", { target: null, actual: 3, weight: 5 }, "target-missing"],
  ["actual empty", { target: 4, actual: "", weight: 5 }, "actual-missing"],
  ["actual a dash", { target: 4, actual: "-", weight: 5 }, "actual-missing"],
  ["weight empty", { target: 4, actual: 3, weight: null }, "weight-missing"],
  ["weight zero", { target: 4, actual: 3, weight: 0 }, "weight-invalid", { weight: 0 }],
  ["weight negative", { target: 4, actual: 3, weight: -5 }, "weight-invalid"],
  ["weight text", { target: 4, actual: 3, weight: "五分" }, "weight-invalid", { weight: "五分" }],
  ["weight typed as a percentage", { target: 4, actual: 3, weight: "10%" }, "weight-invalid", { weight: "10%" }],
  [
    "正向 beside a ≤ target",
    { nature: "正向", target: "≤1%", actual: "1.5%", weight: 10 },
    "nature-conflict",
    { nature: "正向", target: "≤1%" },
  ],
  ["≥ beside a ≤ target", { nature: "≥", target: "≤1%", actual: 0.015, weight: 10 }, "nature-conflict"],
  ["反向 beside a ≥ target", { nature: "反向", target: "≥95%", actual: 0.9, weight: 10 }, "nature-conflict"],
  [
    "an unreadable 指标性质",
    { nature: "foo", target: 0.95, actual: 0.9, weight: 10 },
    "nature-unreadable",
    { nature: "foo" },
  ],
  ["weight error", { target: 4, actual: 3, weight: { error: "#REF!" } }, "weight-invalid", { weight: "#REF!" }],
  [
    "target error",
    { target: { error: "#DIV/0!" }, actual: 3, weight: 5 },
    "unscorable",
    { reason: "target-unreadable" },
  ],
  ["actual error text", { target: 4, actual: "#N/A", weight: 5 }, "unscorable", { reason: "actual-unreadable" }],
  ["actual boolean", { target: 4, actual: true, weight: 5 }, "unscorable", { reason: "actual-unreadable" }],
  ["actual a range", { target: 4, actual: "3-5", weight: 5 }, "unscorable", { reason: "actual-range" }],
  [
    "words that state no level",
    { target: "有效促进", actual: "详见附件", weight: 5 },
    "unscorable",
    { reason: "level-unknown" },
  ],
  [
    "words target, number actual",
    { target: "有效促进", actual: 100, weight: 5 },
    "unscorable",
    { reason: "kind-mismatch" },
  ],
  ["negative target", { target: "≥-5", actual: 3, weight: 5 }, "unscorable", { reason: "target-negative" }],
  [
    "date target, number actual",
    { target: "2024年12月", actual: 17, weight: 5 },
    "unscorable",
    { reason: "kind-mismatch" },
  ],
  [
    "按时完成 vs a bare date",
    { target: "按时完成", actual: "2024年11月", weight: 5 },
    "unscorable",
    { reason: "deadline-not-comparable" },
  ],
  [
    "28.8万元 with unit %",
    { target: "28.8万元", unit: "%", actual: 28.8, weight: 5 },
    "unit-mismatch",
    { valueUnit: "万元", unit: "%" },
  ],
  [
    "≥95% with unit 次",
    { target: "≥95%", unit: "次", actual: 1, weight: 5 },
    "unit-mismatch",
    { valueUnit: "%", unit: "次" },
  ],
  ["760万元 with unit 元", { target: "≤760万元", unit: "元", actual: 700, weight: 5 }, "unit-mismatch"],
];

test.each(errorRows.map((r) => [r[0], r[1], r[2], r[3] ?? null] as const))(
  "error: %s → %s",
  (_n, input, code, data) => {
    const out = scoreIndicator(input, mof);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.code).toBe(code);
      expect(Object.keys(SCORING_ERROR_CODES)).toContain(out.code);
      if (data) expect(out.data).toMatchObject(data);
      if (out.code === "unscorable") expect(Object.keys(UNSCORABLE_REASONS)).toContain(out.data.reason);
    }
  },
);

test.each<[string, IndicatorInput]>([
  ["次 vs 人次", { target: "≥20次", unit: "人次", actual: 20, weight: 5 }],
  ["个 vs 个", { target: "=17个", unit: "个", actual: 17, weight: 5 }],
  ["% vs 百分比", { target: "≥95%", unit: "百分比", actual: "96%", weight: 5 }],
  ["Excel % format with unit %", { target: 0.95, targetFormat: "0.00%", unit: "%", actual: 1, weight: 5 }],
  ["unit column a dash", { target: "≥20次", unit: "—", actual: 20, weight: 5 }],
])("no unit mismatch: %s", (_n, input) => {
  expect(scoreIndicator(input, mof).ok).toBe(true);
});

test("every scoring error renders in both languages (the catalogues are typed over every code)", () => {
  for (const [, input, code] of errorRows) {
    const out = scoreIndicator(input, mof);
    if (out.ok) throw new Error(`${code} expected`);
    const zh = formatScoringError(out.code, out.data, "zh-CN");
    const en = formatScoringError(out.code, out.data, "en");
    expect(zh).not.toBe(en);
    expect(en.replace(/“[^”]*”|"[^"]*"/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
  }
});

test("a broken rule set gives an error outcome, not an exception", () => {
  const broken = {} as unknown as typeof mof;
  const out = scoreIndicator({ target: "有效", actual: "部分达成", weight: 5 }, broken);
  expect(out).toMatchObject({ ok: false, code: "unscorable", data: { reason: "internal-error" } });
});

test("a missing input object gives an error outcome", () => {
  const out = scoreIndicator(null as unknown as IndicatorInput, mof);
  expect(out).toMatchObject({ ok: false, code: "weight-missing" });
});

test.each<[string, IndicatorInput, boolean]>([
  ["个 vs 项 still scores", { target: "≥3个", unit: "项", actual: 3, weight: 5 }, true],
  ["次 vs 次/年 still scores", { target: "≥20次", unit: "次/年", actual: 20, weight: 5 }, true],
  ["万元 vs 次 is a mismatch", { target: "≤760万元", unit: "次", actual: 700, weight: 5 }, false],
  ["万人 vs 人 is a mismatch", { target: "≥2万人", unit: "人", actual: 3, weight: 5 }, false],
  ["万元 vs 亿元 is a mismatch", { target: "≤5万元", unit: "亿元", actual: 3, weight: 5 }, false],
  ["% vs 比例 still scores", { target: "≥95%", unit: "比例", actual: "96%", weight: 5 }, true],
])("unit compatibility: %s", (_n, input, scores) => {
  const out = scoreIndicator(input, mof);
  expect(out.ok).toBe(scores);
  if (!out.ok) expect(out.code).toBe("unit-mismatch");
});
