/**
 * Differential, one row at a time: for generated indicator rows (every built-in rule set, natures,
 * names that make a row a 满意度 or a bounded rate, plain and percent-scale numbers, percent
 * cells, blanks and text), the engine's score, the JX function, the native template formula
 * evaluated by HyperFormula and the same formula evaluated by the engine's own evaluator all agree —
 * or the formula path says it cannot compute (a blank or its prompt) instead of showing another
 * number. Whole forms through LibreOffice, calc, check and freeze: ./forms.test.ts.
 *
 * What a formula cannot see is left out on purpose: number formats. Under a 度量单位 of % a
 * percent is typed either as points (95) or as a percent cell (95%, i.e. 0.95); a plain 0.95 typed
 * without % is 0.95% to the engine, which sees the format, and cannot be told apart by a formula.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import {
  evaluateNode,
  listRuleSets,
  parseFormula,
  resultOf,
  scoreIndicator,
  type CellValue,
  type RuleSet,
} from "../../src/engine";
import { isBoundedRate } from "../../src/engine/validate/parts/indicatorKinds";
import { jxIndicatorScore } from "../../src/functions/jx";
import {
  nativeBuilder,
  NATIVE_NATURE_PROMPT,
  NATIVE_QUALITATIVE_PROMPT,
  NATIVE_RATE_PROMPT,
  NATIVE_TEXT_PROMPT,
} from "../../src/templates";

const RULE_SETS = listRuleSets();
// A nature, target, unit, actual, weight, then 一级, 二级, 三级 (F, G, H); the formula goes in I.

/** A typed value and its number format (a percent cell holds the fraction). */
type Typed = { v: CellValue; format: string | null };
type Row = {
  nature: string;
  target: Typed;
  unit: string;
  actual: Typed;
  weight: number;
  names: [string, string, string];
};

const plain = (arb: fc.Arbitrary<CellValue>) => arb.map((v): Typed => ({ v, format: null }));
const percentCell = fc.integer({ min: 1, max: 150 }).map((p): Typed => ({ v: p / 100, format: "0%" }));
const points = fc.integer({ min: 2, max: 600 }).map((v): Typed => ({ v, format: null }));

const NAMES: [string, string, string][] = [
  ["产出指标", "数量指标", "完成项目数"],
  ["产出指标", "质量指标", "验收合格率"],
  ["成本指标", "经济成本指标", "单位成本"],
  ["效益指标", "社会效益指标", "受益人数"],
  ["满意度指标", "服务对象满意度指标", "群众满意度"],
  ["满意度指标", "服务对象满意度指标", "满意度调查人数"],
];

const row: fc.Arbitrary<Row> = fc
  .record({
    nature: fc.constantFrom("≥", "≤", "=", ">", "<", "正向", "反向", "≥", "≤", "定性", ""),
    unit: fc.constantFrom("个", "%", "％", "万元", ""),
    weight: fc.constantFrom(5, 10, 13, 20),
    names: fc.constantFrom(...NAMES),
    blank: fc.constantFrom<"none" | "target" | "actual">("none", "none", "none", "target", "actual"),
    text: fc.constantFrom<CellValue>(null, null, null, null, "≥95%", "1-2次"),
    plainTarget: fc.integer({ min: 0, max: 500 }),
    plainActual: fc.integer({ min: 0, max: 600 }),
    pctTarget: fc.oneof(points, percentCell),
    pctActual: fc.oneof(points, percentCell, plain(fc.constant(0))),
  })
  .map((g): Row => {
    const pct = g.unit === "%" || g.unit === "％";
    let target: Typed = pct ? g.pctTarget : { v: g.plainTarget, format: null };
    let actual: Typed = pct ? g.pctActual : { v: g.plainActual, format: null };
    if (g.text !== null) target = { v: g.text, format: null };
    if (g.blank === "target") target = { v: null, format: null };
    if (g.blank === "actual") actual = { v: null, format: null };
    return { nature: g.nature, target, unit: g.unit, actual, weight: g.weight, names: g.names };
  });

const cellsOf = (r: Row): CellValue[] => [r.nature, r.target.v, r.unit, r.actual.v, r.weight, ...r.names];

/** Row i's references (1-based row i + 1), the formula going in column I. */
const refsAt = (i: number) => {
  const n = i + 1;
  return {
    nature: `A${n}`,
    target: `B${n}`,
    unit: `C${n}`,
    actual: `D${n}`,
    weight: `E${n}`,
    names: `F${n}&G${n}&H${n}`,
    rateNames: `G${n}&H${n}`,
  };
};

/** Every row's formula in one HyperFormula sheet (one build: a build per row would take minutes). */
function inHyperFormula(formulas: string[], rows: Row[]): CellValue[] {
  // A leading apostrophe keeps the text "=" a text, as typing it in Excel does.
  const data = rows.map((r, i) => [
    ...cellsOf(r).map((v) => (typeof v === "string" && v.startsWith("=") ? `'${v}` : v)),
    formulas[i],
  ]);
  const hf = HyperFormula.buildFromArray(data as (string | number | null)[][], { licenseKey: "gpl-v3" });
  const out = rows.map((_r, i) => {
    const v = hf.getCellValue({ sheet: 0, row: i, col: 8 });
    return typeof v === "object" && v !== null
      ? { error: String((v as { value?: string }).value ?? "#ERR") }
      : (v as CellValue);
  });
  hf.destroy();
  return out;
}

function inEngine(formula: string, rows: Row[]): CellValue {
  const node = parseFormula(formula)!;
  const cell = (row: number, col: number) => (col < 8 ? (cellsOf(rows[row])[col] ?? null) : null);
  return resultOf(evaluateNode(node, { cell }));
}

/** A 满意度 / 合格率 above 100% is given no score by the engine (validate's rate-over-100). */
function overBounded(r: Row): boolean {
  if (!isBoundedRate(r.names[1], r.names[2]) || !(r.unit === "%" || r.unit === "％")) return false;
  const fraction = (t: Typed) => (typeof t.v !== "number" ? 0 : t.format ? t.v : t.v / 100);
  return fraction(r.target) > 1 + 1e-12 || fraction(r.actual) > 1 + 1e-12;
}

function engineScore(r: Row, ruleSet: RuleSet) {
  const [level1, level2, level3] = r.names;
  const input = { nature: r.nature, target: r.target.v, actual: r.actual.v, weight: r.weight, unit: r.unit };
  const formats = { targetFormat: r.target.format, actualFormat: r.actual.format };
  return scoreIndicator({ ...input, ...formats, level1, level2, level3 }, ruleSet);
}

test("engine, JX, native formula in HyperFormula and in the engine's evaluator agree on generated rows", () => {
  const cases = fc.sample(fc.tuple(fc.integer({ min: 0, max: RULE_SETS.length - 1 }), row), { numRuns: 600, seed: 11 });
  const rows = cases.map(([, r]) => r);
  const formulas = cases.map(([k], i) => nativeBuilder(RULE_SETS[k]).indicatorScore(refsAt(i)));
  const shown = inHyperFormula(formulas, rows);
  cases.forEach(([k, r], i) => {
    const ruleSet = RULE_SETS[k];
    const hf = shown[i];
    const where = `row ${i + 1} (${ruleSet.id}): ${JSON.stringify(r)}`;
    // The engine's evaluator reproduces what a spreadsheet shows, exactly.
    expect([where, inEngine(formulas[i], rows)]).toEqual([where, hf]);
    const engine = engineScore(r, ruleSet);
    if (overBounded(r)) {
      expect([where, hf]).toEqual([where, NATIVE_RATE_PROMPT]);
      return;
    }
    // JX is called here without names: it agrees where names change nothing — not a 满意度 under
    // satisfaction bands, nor a 成本 row with no ≥ / ≤ in 指标性质 (the engine takes it as "less is better").
    const named =
      (ruleSet.satisfaction && /满意/.test(r.names.join(""))) ||
      (["", "定性"].includes(r.nature) && /成本/.test(r.names.join("")));
    const args = { nature: r.nature, target: r.target.v, actual: r.actual.v, weight: r.weight, unit: r.unit };
    const jx = jxIndicatorScore({ ...args, ruleSet: ruleSet.id })[0][0];
    if (engine.ok && !named) expect([where, jx]).toEqual([where, engine.value.score]);
    if (typeof hf === "number") {
      // A number on the native form is the engine's number.
      expect([where, engine.ok && engine.value.score]).toEqual([where, hf]);
    } else {
      // Otherwise the formula says it cannot compute: blank while an input is missing, else a prompt
      // naming what it cannot read: a 定性 row, text, no 指标性质 (never a silent blank).
      const filled = r.target.v !== null && r.actual.v !== null;
      const why =
        r.nature === "定性"
          ? NATIVE_QUALITATIVE_PROMPT
          : typeof r.target.v === "string"
            ? NATIVE_TEXT_PROMPT
            : r.nature === ""
              ? NATIVE_NATURE_PROMPT
              : "";
      expect([where, hf]).toEqual([where, filled ? why : ""]);
    }
  });
});

test("a 满意度 of 500% shows the prompt under every rule set, never full marks", () => {
  const r: Row = {
    nature: "≥",
    target: { v: 90, format: null },
    unit: "%",
    actual: { v: 500, format: null },
    weight: 10,
    names: NAMES[4],
  };
  const formulas = RULE_SETS.map((rs, i) => nativeBuilder(rs).indicatorScore(refsAt(i)));
  expect(
    inHyperFormula(
      formulas,
      formulas.map(() => r),
    ),
  ).toEqual(formulas.map(() => NATIVE_RATE_PROMPT));
});
