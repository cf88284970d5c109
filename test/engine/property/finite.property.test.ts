/**
 * Issue 8 §4: 200,000 random inputs to the parser and the scorers — 0 throws, 0 non-finite
 * numbers in any output (values, explanations, rendered messages), 0 scores above the weight.
 * Inputs lean on the edges that broke before: weights with 3+ decimals, 1e-300 and 1e300,
 * huge numbers in date-formatted cells.
 */
import fc from "fast-check";
import { formatMessage, type Outcome } from "../../../src/engine";
import { listRuleSets } from "../../../src/engine/rules/index";
import { execRate, execScore } from "../../../src/engine/scoring/execution";
import { scoreIndicator } from "../../../src/engine/scoring/indicator";
import { parseValue } from "../../../src/engine/value/parse";

const ruleSets = listRuleSets();

const extreme = fc.constantFrom(1e-300, 5e-324, 1e300, 1.7976931348623157e308, 1e15, 2958466, 1e21, -1e300, 0);
const number = fc.oneof(
  extreme,
  fc.double({ noNaN: false }),
  fc.double({ min: 0, max: 200, noNaN: true }),
  // Weights of any precision: 1.555, 2.3333 …
  fc.integer({ min: 1, max: 100000 }).map((n) => n / 1000),
);
const text = fc.oneof(
  fc.string({ maxLength: 20 }).filter((s) => !/NaN|Infinity/.test(s)),
  // Typed text never says NaN/Infinity here, so any such word in an output is the engine's own.
  fc
    .tuple(fc.constantFrom("≥", "≤", "=", "", "<", ">"), number, fc.constantFrom("%", "", "万元", "个", "个月"))
    .map(([op, n, u]) => `${op}${Number.isFinite(n) ? n : 0}${u}`),
  fc.constantFrom("达成", "部分达成", "未达成", "按时完成", "2024年12月底", "12个月", "1-2次", "良"),
);
const cell = fc.oneof(number, text, fc.constant(null), fc.boolean());
const format = fc.constantFrom(undefined, null, "General", "0.00%", "yyyy-mm-dd", "yyyy年m月d日", "0.000", "[[[y");

/** Every number inside a value is finite, and no text says NaN or Infinity. */
function allFinite(v: unknown, depth = 0): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "string") return !/NaN|Infinity/.test(v);
  if (v === null || typeof v !== "object" || depth > 4) return true;
  return Object.entries(v).every(([k, x]) => k === "raw" || allFinite(x, depth + 1));
}

/** An outcome's numbers and its rendered message are finite. Failure data quotes raw input, so only the message is checked. */
function outcomeFinite(out: Outcome<unknown>): boolean {
  if (out.ok) return allFinite(out.value) && allFinite(out.explanation);
  return allFinite(formatMessage(out.code, out.data)) && allFinite(formatMessage(out.code, out.data, "en"));
}

const problems: string[] = [];
function record(what: string, ok: boolean, input: unknown): void {
  if (!ok && problems.length < 10) problems.push(`${what}: ${JSON.stringify(input)}`);
}

test("200,000 random inputs: no throw, no non-finite output, no score above its weight", () => {
  const runs = { parse: 80000, indicator: 80000, exec: 40000 };
  fc.assert(
    fc.property(cell, format, (raw, fmt) => {
      const v = parseValue(raw, fmt);
      record("parseValue", allFinite(v), [raw, fmt]);
      return true;
    }),
    { numRuns: runs.parse },
  );
  fc.assert(
    fc.property(
      cell,
      cell,
      cell,
      cell,
      format,
      fc.nat(ruleSets.length - 1),
      (nature, target, actual, weight, fmt, r) => {
        const input = { nature, target, actual, weight, targetFormat: fmt, actualFormat: fmt, statedScore: actual };
        const out = scoreIndicator(input, ruleSets[r]);
        record("scoreIndicator", outcomeFinite(out), input);
        if (out.ok) record("score above weight", out.value.score <= out.value.weight && out.value.score >= 0, input);
        return true;
      },
    ),
    { numRuns: runs.indicator },
  );
  fc.assert(
    fc.property(cell, cell, cell, (budget, spent, weight) => {
      const rate = execRate(budget, spent);
      const score = execScore(budget, spent, weight);
      record("execRate", outcomeFinite(rate), [budget, spent]);
      record("execScore", outcomeFinite(score), [budget, spent, weight]);
      if (score.ok && typeof weight === "number")
        record("exec above weight", score.value <= weight, [budget, spent, weight]);
      return true;
    }),
    { numRuns: runs.exec },
  );
  expect(problems).toEqual([]);
});

test("the edges named in issue 8", () => {
  const rs = ruleSets[0];
  const full = scoreIndicator({ target: "好", actual: "好", weight: 1.555 }, rs);
  expect(full.ok && full.value.score).toBe(1.555);
  expect(full.ok && full.explanation).not.toContain("1.56");
  const exec = execScore(100, 100, 1.555);
  expect(exec.ok && exec.value).toBe(1.555);
  expect(exec.ok && exec.explanation).toContain("= 1.555");
  const rate = execRate(1e-300, 1e10);
  expect(rate.ok).toBe(false);
  expect(!rate.ok && formatMessage(rate.code, rate.data)).toMatch(/无法计算执行率/);
  expect(parseValue(1e300, "yyyy-mm-dd")).toMatchObject({ kind: "number", value: 1e300 });
  expect(parseValue(45657, "yyyy-mm-dd")).toMatchObject({ kind: "deadline", year: 2024, month: 12, day: 31 });
});
