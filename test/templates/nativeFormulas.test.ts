/**
 * The native formulas a template writes must score exactly as the engine does wherever their
 * inputs are plain numbers: evaluated here by HyperFormula (an Excel-compatible calculator)
 * against scoreIndicator / execScore / gradeFor, on a table of cases and on random inputs.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import {
  execScore,
  getRuleSet,
  gradeFor,
  listRuleSets,
  scoreExecution,
  scoreIndicator,
  scoreTotal,
  type RuleSet,
} from "../../src/engine";
import {
  nativeBuilder,
  nativeFormulaGaps,
  nativeTotal,
  NATIVE_NATURE_PROMPT,
  NATIVE_QUALITATIVE_PROMPT,
  NATIVE_TEXT_PROMPT,
  renderTemplateGrid,
} from "../../src/templates";

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
      { numRuns: 50, seed: 7 },
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
    // No 指标性质 chosen yet: the text is still what the formula cannot read.
    expect(evalRow(fx.indicatorScore(refs), ["", "≥95%", "%", 0.98, 13])).toBe(NATIVE_TEXT_PROMPT);
  });

  test("a 定性 row shows a prompt to type its score, never a silent blank — words or numbers", () => {
    expect(evalRow(fx.indicatorScore(refs), ["定性", "有效促进", "", "部分达成", 10])).toBe(NATIVE_QUALITATIVE_PROMPT);
    expect(evalRow(fx.indicatorScore(refs), ["定性", "优", "", "良", 10])).toBe(NATIVE_QUALITATIVE_PROMPT);
    expect(evalRow(fx.indicatorScore(refs), ["定性", 95, "%", 98, 10])).toBe(NATIVE_QUALITATIVE_PROMPT);
    // A 定性 row not filled in yet stays blank: a blank template prints no prompt.
    expect(evalRow(fx.indicatorScore(refs), ["定性", "有效促进", "", null, 10])).toBe("");
    expect(evalRow(fx.indicatorScore(refs), ["定性", null, "", null, 10])).toBe("");
  });

  test("two numbers with no 指标性质 the formula knows ask for one (blank, 定量), not a blank score", () => {
    expect(evalRow(fx.indicatorScore(refs), [null, 10, "个", 8, 13])).toBe(NATIVE_NATURE_PROMPT);
    expect(evalRow(fx.indicatorScore(refs), ["定量", 10, "个", 8, 13])).toBe(NATIVE_NATURE_PROMPT);
    // Still blank while a value is missing, or the 分值 is 0 (the engine gives no score: weight-invalid).
    expect(evalRow(fx.indicatorScore(refs), [null, 10, "个", null, 13])).toBe("");
    expect(evalRow(fx.indicatorScore(refs), [null, 10, "个", 8, 0])).toBe("");
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

  // A 定性 row is no longer a silent blank (issue 11): it prompts, see "a 定性 row shows a prompt" above.
  test("an empty actual leaves the native score empty for a person (or JX) to fill", () => {
    expect(evalRow(fx.indicatorScore(refs), ["≥", 20, "", null, 40])).toBe("");
  });

  test("a zero budget gives an empty rate, never #DIV/0!", () => {
    expect(evalRow(fx.execRate("A1", "B1"), [0, 5])).toBe("");
    expect(evalRow(fx.execScore("A1", "B1", "C1"), [0, 5, 10])).toBe("");
  });
});

describe("rule sets with bands, pass marks, caps and grade gaps: the native formulas give the engine's numbers", () => {
  const ids = listRuleSets().map((r) => r.id);

  /** Many rows in one HyperFormula sheet: the formula of row n reads A–C of row n (one build per rule set). */
  function evalMany(rows: { cells: (number | null)[]; formula: (n: number) => string }[]): unknown[] {
    const data = rows.map((r, i) => [...r.cells, null, null, null].slice(0, 3).concat([r.formula(i + 1)] as never[]));
    const hf = HyperFormula.buildFromArray(data as never, { licenseKey: "gpl-v3" });
    const out = rows.map((_r, i) => hf.getCellValue({ sheet: 0, row: i, col: 3 }));
    hf.destroy();
    return out;
  }
  // HyperFormula rounds results to 14 digits (5.8999999999999995 shows as 5.9), as Excel's display does.
  const shown = (v: unknown) => (typeof v === "number" ? Number(v.toPrecision(14)) : v);

  test.each(ids)("%s: execution score over budgets and rates, grade over totals", (id) => {
    const ruleSet = getRuleSet(id);
    const fx = nativeBuilder(ruleSet);
    const amounts = [
      [100, 100],
      [100, 95],
      [100, 80],
      [100, 79.99],
      [100, 60],
      [100, 59],
      [100, 120],
      [0, 5],
      [100, 0],
    ];
    const totals = [100, 90.004, 90, 89.996, 80, 79.99, 70, 60, 59.99, 0];
    const got = evalMany([
      ...amounts.map(([b, s]) => ({
        cells: [b, s, 10],
        formula: (n: number) => fx.execScore(`A${n}`, `B${n}`, `C${n}`),
      })),
      ...totals.map((t) => ({ cells: [t], formula: (n: number) => fx.grade(`A${n}`) })),
    ]).map(shown);
    const expected = [
      ...amounts.map(([budget, spent]) => {
        const r = scoreExecution({ budget, spent, weight: 10 }, ruleSet);
        return r.ok ? shown(r.value.score) : "";
      }),
      ...totals.map((t) => gradeFor(t, ruleSet)),
    ];
    expect(got).toEqual(expected);
  });

  test("every built-in rule set is exact in plain formulas (no JX fallback needed)", () => {
    for (const r of listRuleSets()) expect([r.id, nativeFormulaGaps(r)]).toEqual([r.id, []]);
  });

  test("rules plain formulas cannot say (truncation) are named, so the template uses JX and says why", () => {
    const base = getRuleSet("mof-platform");
    const truncating = {
      ...base,
      id: "truncating",
      rounding: { ...base.rounding!, indicator: { places: 2, mode: "truncate" as const } },
    };
    expect(nativeFormulaGaps(truncating)).toEqual(["指标得分按截尾取舍"]);
    const { grid, indicatorRows } = renderTemplateGrid("project", truncating, { formulaStyle: "native" });
    expect(grid.formulaAt(indicatorRows[0], 8)).toContain("JX.INDICATORSCORE");
    expect(grid.notes.map((n) => n.text).join()).toContain("截尾");
  });

  test("d33-caps: the native 总分 is capped by the execution rate as the engine caps it", () => {
    const ruleSet = getRuleSet("d33-caps");
    const f = nativeTotal(["B1"], "C1", "D1", undefined, { rate: "A1", ruleSet });
    for (const [rate, sum] of [
      [0.75, 95],
      [0.65, 95],
      [0.55, 60],
      [0.4, 70],
      [0.9, 95],
    ]) {
      const engine = scoreTotal({ indicators: [sum], executionRate: rate }, ruleSet);
      expect(evalRow(f, [rate, sum, 1, 1])).toBe(engine.ok ? engine.value.total : NaN);
    }
  });
});
