/**
 * Precision as a rule (docs/engine.md): a mismatch that rests on what the form does not state —
 * the direction of a target with no operator, the decimals a form writes its scores with — is a
 * warning, never an error; a mismatch those readings cannot explain stays an error.
 */
import { getRuleSet } from "../../../src/engine/rules";
import { planCalculation } from "../../../src/engine/calculate/plan";
import { validateSheet } from "../../../src/engine/validate/validate";
import { a1 } from "../../../src/engine/sheet/snapshot";
import { projectSeed } from "./tamper";
import { buildSheet } from "../../fixtures/sheetBuilder";

const RULES = getRuleSet("mof-2020");
type Seed = ReturnType<typeof projectSeed>;

/** Row 0 of seed project 1 (视察 ≥2 次, 分值 40) edited; the findings on its 得分 cell. */
function scoreFindings(
  edit: (t: Seed, row: number, col: (k: "nature" | "target" | "actual" | "score") => number) => void,
) {
  const t = projectSeed(0);
  const row = t.layout.indicators.rows[0];
  const col = (k: "nature" | "target" | "actual" | "score") => t.layout.indicators.columns[k]!;
  edit(t, row, col);
  const cell = a1(row, col("score"));
  const findings = validateSheet(t.sheet, RULES).findings.filter((f) => f.cell === cell);
  const conflicts = planCalculation(t.sheet, RULES).conflicts.filter((f) => f.cell === cell);
  return { codes: findings.map((f) => `${f.severity} ${f.code}`), conflicts: conflicts.map((f) => f.code), findings };
}

describe("a target with no operator", () => {
  test("a score no direction gives is a warning naming the assumption", () => {
    const r = scoreFindings((t, row, col) => {
      t.set(row, col("nature"), null);
      t.set(row, col("actual"), 1);
      t.set(row, col("score"), 30);
    });
    expect(r.codes).toEqual(["warning score-direction-assumed"]);
    expect(r.findings[0].data).toMatchObject({ stated: 30, expected: 20, op: "≥" });
    expect(r.conflicts).toEqual(["score-direction-assumed"]);
  });

  test("the score a ceiling would earn is accepted", () => {
    const r = scoreFindings((t, row, col) => {
      t.set(row, col("nature"), null);
      t.set(row, col("actual"), 1);
    });
    expect(r.codes).toEqual([]);
  });

  test("target met exactly: every direction gives full marks, a lower score stays an error", () => {
    const r = scoreFindings((t, row, col) => {
      t.set(row, col("nature"), null);
      t.set(row, col("score"), 30);
    });
    expect(r.codes).toEqual(["error score-mismatch"]);
  });

  test("with ≥ stated, the same score is an error", () => {
    const r = scoreFindings((t, row, col) => {
      t.set(row, col("actual"), 1);
      t.set(row, col("score"), 30);
    });
    expect(r.codes).toEqual(["error score-mismatch"]);
  });
});

describe("the form's own score precision", () => {
  // 2 of 3 times: 40 × 2/3 = 26.67.
  const twoOfThree =
    (score: number, other?: number) => (t: Seed, row: number, col: (k: "target" | "score") => number) => {
      t.set(row, col("target"), 3);
      t.set(row, col("score"), score);
      if (other !== undefined) t.set(t.layout.indicators.rows[1], col("score"), other);
    };

  test.each([27, 26])("integer scores everywhere: %s for 26.67 is rounding, a warning", (score) => {
    const r = scoreFindings(twoOfThree(score));
    expect(r.codes).toEqual(["warning score-rounded"]);
    expect(r.findings[0].data).toMatchObject({ stated: score, expected: 26.67, decimals: 0 });
    expect(r.conflicts).toEqual(["score-rounded"]);
  });

  test("a whole unit away at that precision stays an error", () => {
    expect(scoreFindings(twoOfThree(25)).codes).toEqual(["error score-mismatch"]);
  });

  test("a form that writes decimals elsewhere is held to them", () => {
    // Another row written 19.5: the form keeps decimals, so 27 for 26.67 is not its rounding.
    const r = scoreFindings(twoOfThree(27, 19.5));
    expect(r.codes).toEqual(["error score-mismatch"]);
  });
});

describe("an execution score from the rate as the form shows it", () => {
  /** Seed project 1's funds (10.56 budgeted) with `spent`, the rate shown as `rate` in `format`, 得分 `score`. */
  function execFindings(spent: number, rate: number, format: string, score: number) {
    const t = projectSeed(0);
    const row = t.layout.funds.rows.total;
    const c = t.layout.funds.columns;
    t.set(row, c.spent, spent);
    t.set(t.layout.funds.rows.fiscal, c.spent, spent);
    t.set(row, c.rate, rate, format);
    t.set(row, c.score, score);
    const at = (col: number) => a1(row, col);
    const found = validateSheet(t.sheet, RULES).findings;
    return {
      rate: found.filter((f) => f.cell === at(c.rate)).map((f) => `${f.severity} ${f.code}`),
      score: found.filter((f) => f.cell === at(c.score)).map((f) => `${f.severity} ${f.code}`),
    };
  }

  test("5.27 of 10.56 is 49.91%, shown 50%: 10 × 50% = 5 is consistent", () => {
    expect(execFindings(5.27, 0.5, "0%", 5)).toEqual({ rate: [], score: [] });
  });

  test("a rate shown wrong does not excuse its score", () => {
    // 4 of 10.56 is 37.88%: 50% is wrong, and so is 5 (3.79 by the rules, more than a unit away).
    expect(execFindings(4, 0.5, "0%", 5)).toEqual({
      rate: ["error rate-mismatch"],
      score: ["error exec-score-mismatch"],
    });
  });
});

test("a 其中 breakdown row with no 分值 and no 得分 is not an indicator missing its weight", () => {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
    ["产出指标", "数量指标", "★补助种植面积", 50, "29.5亩", "29.5亩", 50],
    [null, null, "其中桃树种植面积", null, "1.5亩", "1.5亩", null],
    [null, null, "其中露天蔬菜", null, "28亩", "28亩", null],
    ["满意度指标", "服务对象满意度指标", "满意度", 40, "≥90%", "95%", 40],
    ["总分", null, null, 90, null, null, 90],
  ];
  const codes = validateSheet(buildSheet({ rows }), RULES).findings.map((f) => `${f.row} ${f.code}`);
  expect(codes.filter((c) => /^(3|4) /.test(c) || c.includes("total-incomplete"))).toEqual([]);
});
