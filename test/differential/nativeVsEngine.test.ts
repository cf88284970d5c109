/**
 * Differential: for hundreds of generated indicator rows (built-in rule sets, natures, plain and
 * percent-scale numbers, blanks and text), the engine's score, the JX function, the native
 * template formula evaluated by HyperFormula and the same formula evaluated by the engine's own
 * evaluator all agree — or the formula path says it cannot compute (a blank or its prompt)
 * instead of showing another number.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { evaluateNode, getRuleSet, parseFormula, resultOf, scoreIndicator, type CellValue } from "../../src/engine";
import { jxIndicatorScore } from "../../src/functions/jx";
import { nativeBuilder, NATIVE_TEXT_PROMPT } from "../../src/templates";

const RULE_SETS = ["mof-2020", "exec20", "prov-80-50", "dept-gs"].map((id) => getRuleSet(id));
const refs = { nature: "A1", target: "B1", unit: "C1", actual: "D1", weight: "E1" };

type Row = [string, CellValue, string, CellValue, number];

const row = fc.tuple(
  fc.constantFrom("≥", "≤", "=", ">", "<", "正向", "反向"),
  fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constantFrom<CellValue>(null, "≥95%", "1-2次")),
  fc.constantFrom("个", "%", "万元", ""),
  fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant<CellValue>(null)),
  fc.constantFrom(5, 10, 13, 20),
);

function inHyperFormula(formula: string, r: Row): CellValue {
  // A leading apostrophe keeps the text "=" a text, as typing it in Excel does.
  const cells = r.map((v) => (typeof v === "string" && v.startsWith("=") ? `'${v}` : v));
  const hf = HyperFormula.buildFromArray([[...cells, formula] as (string | number | null)[]], { licenseKey: "gpl-v3" });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: 5 });
  hf.destroy();
  return typeof v === "object" && v !== null
    ? { error: String((v as { value?: string }).value ?? "#ERR") }
    : (v as CellValue);
}

function inEngine(formula: string, r: Row): CellValue {
  const node = parseFormula(formula)!;
  return resultOf(evaluateNode(node, { cell: (_row, col) => (col < r.length ? r[col] : null) }));
}

test("engine, JX, native formula in HyperFormula and in the engine's evaluator agree on generated rows", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: RULE_SETS.length - 1 }), row, (k, r) => {
      const ruleSet = RULE_SETS[k];
      const formula = nativeBuilder(ruleSet).indicatorScore(refs);
      const hf = inHyperFormula(formula, r);
      // The engine's evaluator reproduces what a spreadsheet shows, exactly.
      expect(inEngine(formula, r)).toEqual(hf);
      const [nature, target, unit, actual, weight] = r;
      const engine = scoreIndicator(
        { nature, target, actual, weight, unit, targetFormat: null, actualFormat: null },
        ruleSet,
      );
      const jx = jxIndicatorScore({ nature, target, actual, weight, unit, ruleSet: ruleSet.id })[0][0];
      if (engine.ok) expect(jx).toBe(engine.value.score);
      if (typeof hf === "number") {
        // A number on the native form is the engine's number.
        expect(engine.ok && engine.value.score).toBe(hf);
      } else {
        // Otherwise the formula says it cannot compute: blank while an input is missing, the prompt for text.
        expect(["", NATIVE_TEXT_PROMPT]).toContain(hf);
        if (typeof target === "string" && actual !== null) expect(hf).toBe(NATIVE_TEXT_PROMPT);
      }
    }),
    { numRuns: 150, seed: 11 },
  );
});
