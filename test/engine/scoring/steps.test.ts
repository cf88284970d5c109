/**
 * Every explanation step, rendered in both languages from a typed example of its data: each
 * placeholder finds its value (no "—"), and the English line has no Chinese outside what the
 * user wrote (a rule set's zh name is never shown in English; quoted cell words are the user's).
 * The example table is typed over StepDataMap, so a new code without an example does not compile.
 */
import { renderDate, renderStep, renderSteps } from "../../../src/engine/i18n/explain";
import { EXPLAIN_CATALOGUE } from "../../../src/engine/i18n/explainCatalogue";
import { step, type Step, type StepCode, type StepDataMap } from "../../../src/engine/scoring/steps";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const rule = { rule: "101号", ruleEn: "MoF No. 101" };
const band = { lo: 0.8, loIncl: true, hi: 1, hiIncl: false, bandUnit: "pct" as const };
const ratio = { A: 10, B: 8, w: 20, score: 16, pct: false, vunit: null };
const head = { op: ">=" as const, pct: false, unit: "km", B: 8, rawB: -2 };
const qual = { level: "partial" as const, low: 12, high: 16, w: 20 };
const graded = { t: 85.5, grade: "良" };

const EXAMPLES: { [C in StepCode]: StepDataMap[C] } = {
  "exec-rate": { spent: 95, budget: 100, rate: 0.95 },
  "exec-proportional": { weight: 10, capped: 0.95, score: 9.5 },
  "exec-capped": { cap: 1 },
  "exec-uncapped": rule,
  "exec-zero-budget": { ...rule, score: 10 },
  "exec-divide-by-one": { ...rule, weight: 10, spent: 0.5, score: 5 },
  "exec-band": { ...rule, score: 8, ...band },
  "exec-band-unknown-completion": { full: 10 },
  "exec-completed": { ...rule, score: 10 },
  "exec-reason-required": { ...rule, threshold: 0.9 },
  "ind-head": { ...head, A: 10 },
  "ind-head-negative": { ...head, A: 10 },
  "range-head": { ...head, lo: 5, hi: 10 },
  "range-head-negative": { ...head, lo: 5, hi: 10 },
  "deadline-percent-head": { B: 0.9 },
  "deadline-months-head": { A: 12, B: 14 },
  "qual-head": {},
  "deadline-on-time": { actual: { year: 2024, month: 11, day: 30 }, target: { year: 2024, month: 12 } },
  "deadline-late": { actual: { month: 12, day: 31 }, target: { months: 6 } },
  "deadline-same": {},
  "deadline-words": { text: "已完成" },
  "deadline-in-time": {},
  "deadline-done": { actual: { onTime: true } },
  "more-met": { w: 20 },
  "more-ratio": ratio,
  "pass-below": { ...rule, w: 20, r: 0.5, pass: 0.6 },
  "pass-scaled": { ...rule, w: 20, r: 0.8, pass: 0.6, score: 10 },
  "positive-band": { ...rule, r: 0.85, score: 16, ...band },
  "satisfaction-band": { ...rule, x: 0.85, score: 16, ...band },
  "less-met": { w: 20 },
  "less-ratio": { ...ratio, vunit: "months" },
  "less-zero": {},
  "less-linear": ratio,
  "equal-met": { w: 20 },
  "equal-zero-miss": {},
  "equal-exact-miss": rule,
  "range-in": { w: 20 },
  "qual-kept": { ...qual, score: 14 },
  "qual-met": { ...qual, level: "met", score: 20 },
  "qual-default": { ...qual, score: 16, share: 80 },
  "qual-out-of-band-zero": { ...qual, ...rule, stated: 19 },
  "adj-over-flag": { ...rule, ratio: 1.6, threshold: 1.5 },
  "adj-over-deduct": { ...rule, ratio: 1.6, threshold: 1.5, points: 2, score: 18 },
  "adj-over-reason": { ...rule, ratio: 1.6, threshold: 1.5 },
  "adj-manual-deduction": { deduct: 2, score: 18 },
  "total-sum": { sum: 95, n: 8 },
  "sum-of": { terms: "10 + 20", sum: 30 },
  "sum-many": { count: 14, sum: 90 },
  "sum-none": {},
  "grade-form-bands": { ...graded, bands: "优秀 ≥ 90，良好 ≥ 80" },
  "grade-cutoffs": { ...graded, excellent: 90, good: 80, pass: 60 },
  "total-cap": { ...rule, rate: 0.75, cap: 89, ...band },
  "total-cap-assumed": { ...rule, rate: 0.75, cap: 89, ...band },
  "grade-at-least": { ...graded, lo: 80, hi: null },
  "grade-between": { ...graded, lo: 80, hi: 90 },
  "grade-below": { ...graded, lo: null, hi: 90 },
  "grade-band": { ...graded, ...band, bandUnit: "num", lo: 80, hi: 90 },
  "grade-gap": { ...rule, t: 89.995 },
  "grade-gap-lower": { ...rule, ...graded },
};

const codes = Object.keys(EXAMPLES) as StepCode[];
const stepOf = (code: StepCode) => ({ code, data: EXAMPLES[code] }) as Step;
/** What the user wrote, taken out: quoted cell words and the example's user texts. */
const ownWords = (text: string) => text.replace(/“[^”]*”/g, "").replace(/km/g, "");

test("the catalogue has exactly the typed codes", () => {
  expect(Object.keys(EXPLAIN_CATALOGUE).sort()).toEqual([...codes].sort());
});

test.each(codes)("%s renders every placeholder in both languages, English without Chinese", (code) => {
  const zh = renderStep(stepOf(code), "zh-CN");
  const en = renderStep(stepOf(code), "en");
  expect(zh).not.toContain("—");
  expect(en).not.toContain("—");
  expect(zh).not.toMatch(/[{}]/);
  expect(en).not.toMatch(/[{}]/);
  expect(ownWords(en)).not.toMatch(CJK);
});

test("dates and months render in the reader's language", () => {
  expect(renderDate({ year: 2024, month: 12, day: 31 }, "zh-CN")).toBe("2024年12月31日");
  expect(renderDate({ year: 2024, month: 12, day: 31 }, "en")).toBe("31 December 2024");
  expect(renderDate({ month: 6 }, "en")).toBe("June");
  expect(renderDate({ months: 12 }, "en")).toBe("12 months");
  expect(renderDate({ onTime: true }, "zh-CN")).toBe("按时");
  expect(renderSteps([step("less-ratio", { ...ratio, vunit: "months" })], "en")).toBe("10 months ÷ 8 months × 20 = 16");
  expect(renderSteps([step("less-ratio", { ...ratio, vunit: "months" })], "zh-CN")).toBe("10个月 ÷ 8个月 × 20 = 16");
});

test("a grade word is the cell's (quoted) with its meaning in English", () => {
  expect(renderStep(step("grade-at-least", { t: 92, grade: "优", lo: 90, hi: null }), "en")).toBe(
    "total 92 ≥ 90: “优” (excellent)",
  );
  expect(renderStep(step("grade-at-least", { t: 92, grade: "优", lo: 90, hi: null }), "zh-CN")).toBe(
    "总分 92 ≥ 90：优",
  );
});

test("a step of an unknown code (older data) renders as its code, never throws", () => {
  expect(renderStep({ code: "gone", data: {} } as unknown as Step, "en")).toBe("gone");
});
