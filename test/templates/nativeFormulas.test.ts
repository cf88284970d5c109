/**
 * The native formulas a template writes must score exactly as the engine does wherever their
 * inputs are plain numbers: evaluated here by HyperFormula (an Excel-compatible calculator)
 * against scoreIndicator / execScore / gradeFor, on a table of cases and on random inputs.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { execScore, getRuleSet, gradeFor, scoreIndicator, type RuleSet } from "../../src/engine";
import { nativeBuilder, NATIVE_TEXT_PROMPT } from "../../src/templates";

/** Evaluate one formula over one row of inputs: A nature, B target, C unit, D actual, E weight. */
function evalRow(formula: string, row: (string | number | null)[]): unknown {
  // A leading apostrophe keeps HyperFormula from reading the text "=" as a formula (as in Excel).
  const cells = row.map((v) => (typeof v === "string" && v.startsWith("=") ? `'${v}` : v));
  const hf = HyperFormula.buildFromArray([[...cells, formula]], { licenseKey: "gpl-v3" });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: row.length });
  hf.destroy();
  return v;
}

const refs = { nature: "A1", target: "B1", unit: "C1", actual: "D1", weight: "E1" };

function engineScore(ruleSet: RuleSet, nature: string, target: number, actual: number, weight: number): number | null {
  const r = scoreIndicator({ nature, target, actual, weight, unit: "" }, ruleSet);
  return r.ok ? r.value.score : null;
}

const CASES: [string, string, number, number, number][] = [
  ["more: met", "≥", 20, 20, 40],
  ["more: over", "≥", 20, 25, 40],
  ["more: under", "≥", 20, 15, 40],
  ["more: percent", "≥", 0.95, 0.9, 20],
  ["more: negative actual counts as 0", "≥", 10, -3, 10],
  ["less: met", "≤", 760, 700, 10],
  ["less: over", "≤", 100, 130, 10],
  ["less: double or more", "≤", 100, 250, 10],
  ["equal", "=", 17, 16, 10],
  ["equal, full width", "＝", 17, 16, 10],
  ["more, ≧", "≧", 17, 16, 10],
  ["equal: zero target met", "=", 0, 0, 5],
  ["equal: zero target missed", "=", 0, 2, 5],
  ["正向", "正向", 6, 7, 20],
  ["反向", "反向", 1, 1.5, 20],
];

describe.each(["mof-2020", "dept-gs"])("rule set %s", (id) => {
  const ruleSet = getRuleSet(id);
  const fx = nativeBuilder(ruleSet);
  test.each(CASES)("indicator %s", (_l, nature, target, actual, weight) => {
    const expected = engineScore(ruleSet, nature, target, actual, weight);
    expect(expected).not.toBeNull();
    expect(evalRow(fx.indicatorScore(refs), [nature, target, "", actual, weight])).toBeCloseTo(expected!, 10);
  });

  test("random numeric inputs: native = engine", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("≥", "≤", "=", ">", "<"),
        fc.integer({ min: 1, max: 10000 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 1, max: 60 }),
        (nature, target, actual, weight) => {
          const expected = engineScore(ruleSet, nature, target, actual, weight);
          if (expected === null) return true;
          const got = evalRow(fx.indicatorScore(refs), [nature, target, "", actual, weight]) as number;
          return Math.abs(got - expected) < 1e-9;
        },
      ),
      { numRuns: 150 },
    );
  });

  test.each([
    [10.56, 10.56, 10],
    [29.77, 25, 10],
    [41.61, 50, 10],
    [100, 33.333, 20],
  ])("execution score budget %p spent %p weight %p", (budget, spent, weight) => {
    const expected = execScore(budget, spent, weight);
    expect(expected.ok).toBe(true);
    const got = evalRow(fx.execScore("A1", "B1", "C1"), [budget, spent, weight]);
    expect(got).toBeCloseTo(expected.ok ? expected.value : NaN, 10);
  });

  test.each([100, 90, 89.99, 80, 79.5, 60, 59.99, 0])("grade of %p", (total) => {
    expect(evalRow(fx.grade("A1"), [total])).toBe(gradeFor(total, ruleSet));
  });

  test("text where a number belongs shows a prompt, never a silent blank that lowers the 总分", () => {
    expect(evalRow(fx.indicatorScore(refs), ["≥", "≥95%", "%", 0.98, 13])).toBe(NATIVE_TEXT_PROMPT);
    expect(evalRow(fx.indicatorScore(refs), ["≥", "1-2次", "次", 2, 40])).toBe(NATIVE_TEXT_PROMPT);
  });

  test("percent scale: 95 with 度量单位 % beside an actual typed 98% scores as the engine does (13, not 0.13)", () => {
    const engine = scoreIndicator(
      { nature: "≥", target: 95, actual: 0.98, weight: 13, unit: "%", targetFormat: "General", actualFormat: "0.00%" },
      ruleSet,
    );
    expect(engine.ok && engine.value.score).toBe(13);
    expect(evalRow(fx.indicatorScore(refs), ["≥", 95, "%", 0.98, 13])).toBe(13);
    expect(evalRow(fx.indicatorScore(refs), ["≤", 2, "%", 0.03, 10])).toBe(
      (
        scoreIndicator(
          {
            nature: "≤",
            target: 2,
            actual: 0.03,
            weight: 10,
            unit: "%",
            targetFormat: "General",
            actualFormat: "0.00%",
          },
          ruleSet,
        ) as { value: { score: number } }
      ).value.score,
    );
  });

  test.each([
    ["empty actual", "≥", 20, null, 40],
    ["qualitative", "定性", "有效促进", "有效促进", 10],
  ] as [string, string, string | number, string | number | null, number][])(
    "%s leaves the native score empty for a person (or JX) to fill",
    (_l, nature, target, actual, weight) => {
      expect(evalRow(fx.indicatorScore(refs), [nature, target, "", actual, weight])).toBe("");
    },
  );

  test("a zero budget gives an empty rate, never #DIV/0!", () => {
    expect(evalRow(fx.execRate("A1", "B1"), [0, 5])).toBe("");
    expect(evalRow(fx.execScore("A1", "B1", "C1"), [0, 5, 10])).toBe("");
  });
});
