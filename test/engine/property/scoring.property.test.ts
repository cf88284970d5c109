import fc from "fast-check";
import { excelRound } from "../../../src/engine/round";
import { listRuleSets } from "../../../src/engine/rules/index";
import type { RuleSet } from "../../../src/engine/rules/schema";
import { execRate, execScore } from "../../../src/engine/scoring/execution";
import { scoreIndicator } from "../../../src/engine/scoring/indicator";
import { gradeFor, sumScores } from "../../../src/engine/scoring/total";
import { parseNature, parseValue } from "../../../src/engine/value/parse";

const ruleSets = listRuleSets();
const ruleSet = fc.constantFrom(...ruleSets);

/** Strings built from the characters real cells carry, so the parser's branches are reached. */
const cellChars = fc.constantFrom(
  ..."0123456789.-+%,~ ≥≤><=﹦＝≧≦＞＜０１２９％—－/*年月日底前个次万元至到按时完成达成部分未优良中差有效基本以上以内#DIV!百分比".split(
    "",
  ),
);
const cellText = fc.oneof(
  fc.string(),
  fc.array(cellChars, { maxLength: 14 }).map((a) => a.join("")),
);
const anyCell = fc.oneof(
  cellText,
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.record({ error: fc.constantFrom("#DIV/0!", "#N/A", "#REF!") }),
  fc.anything(),
);
const numberFormat = fc.oneof(
  fc.constant(null),
  fc.constantFrom("General", "0.00%", "0%", "yyyy-mm-dd", "@"),
  fc.string(),
);

test("parseValue never throws and always keeps raw", () => {
  fc.assert(
    fc.property(anyCell, numberFormat, (raw, fmt) => {
      const v = parseValue(raw, fmt);
      expect(["empty", "number", "range", "deadline", "qualitative", "invalid"]).toContain(v.kind);
      expect(v.raw).toBe(raw);
      if (v.kind === "number") expect(Number.isFinite(v.value)).toBe(true);
      if (v.kind === "range") expect(v.low).toBeLessThanOrEqual(v.high);
    }),
    { numRuns: 3000 },
  );
});

test("parseNature never throws", () => {
  fc.assert(
    fc.property(anyCell, (raw) => {
      const n = parseNature(raw);
      expect(n.empty && n.unreadable).toBe(false);
    }),
    { numRuns: 2000 },
  );
});

test("a number typed as text reads back as that number", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
      const v = parseValue(String(x));
      expect(v).toMatchObject({ kind: "number", value: x === 0 ? 0 : x }); // "-0" prints as "0"
    }),
  );
});

test("scoreIndicator never throws; an ok score lies in [0, weight] with 2 decimals", () => {
  fc.assert(
    fc.property(anyCell, anyCell, anyCell, anyCell, anyCell, ruleSet, (nature, target, actual, weight, unit, rs) => {
      const out = scoreIndicator({ nature, target, actual, weight, unit }, rs);
      if (out.ok) {
        expect(out.value.score).toBeGreaterThanOrEqual(0);
        expect(out.value.score).toBeLessThanOrEqual(out.value.weight);
        // Two decimals, unless the score is the weight itself as typed (full marks keep the weight).
        // From 2^53 / 100 up a double has no digits after the point, and score × 100 / 100 itself
        // rounds: there the score must be a whole number.
        const { score } = out.value;
        if (score !== out.value.weight && score < 2 ** 53 / 100) expect(Math.round(score * 100) / 100).toBe(score);
        else if (score !== out.value.weight) expect(Number.isInteger(score)).toBe(true);
        expect(typeof out.explanation).toBe("string");
      } else {
        expect(typeof out.code).toBe("string");
      }
    }),
    {
      numRuns: 3000,
      // Found in CI: a score of 1.84e145 (weight 2.03e301), where × 100 / 100 is not exact.
      examples: [[undefined, 1, 9.078243478466952e-157, 2.0267276578690386e301, null, ruleSets[0]]],
    },
  );
});

const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
const weight = fc.integer({ min: 1, max: 100 });
const target = fc.double({ min: 0.01, max: 1e5, noNaN: true });

/**
 * A rule set's over-target deductions for this direction (D33 manual: −2 at 130% of the target):
 * the one place a score may fall as the actual grows — by at most these points, at the threshold.
 */
function overTargetDeductions(rs: RuleSet, op: string): { points: number; thresholds: number[] } {
  const direction = op === "=" ? "equal" : "positive";
  let points = 0;
  const thresholds: number[] = [];
  for (const a of rs.adjustments ?? []) {
    if (a.kind !== "overTarget" || a.action.kind !== "deduct" || !a.appliesTo.includes(direction)) continue;
    points += a.action.points;
    thresholds.push(a.threshold);
  }
  return { points, thresholds };
}

/** Both actuals clearly on one side of every threshold (1% margin: the edge itself is the rule's business). */
function sameSide(A: number, lo: number, hi: number, thresholds: number[]): boolean {
  return thresholds.every((t) => hi < 0.99 * t * A || lo > 1.01 * t * A);
}

test.each([">=", ">", "正向", "="])("for %s the score never falls as the actual grows", (op) => {
  fc.assert(
    fc.property(target, amount, amount, weight, ruleSet, (A, b1, b2, w, rs) => {
      const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
      const s1 = scoreIndicator({ nature: op, target: A, actual: lo, weight: w }, rs);
      const s2 = scoreIndicator({ nature: op, target: A, actual: hi, weight: w }, rs);
      expect(s1.ok && s2.ok).toBe(true);
      if (!s1.ok || !s2.ok) return;
      const { points, thresholds } = overTargetDeductions(rs, op);
      const allowedDrop = sameSide(A, lo, hi, thresholds) ? 0 : points;
      expect(s2.value.score).toBeGreaterThanOrEqual(excelRound(s1.value.score - allowedDrop, 2));
    }),
  );
});

// Found by the property above in CI (seed 459317043): an actual past 130% of its target loses the
// D33 manual's 2 points, so 0.013 against 0.01 scores 0 where 0.00005 scored 0.01. The rule, not a bug.
test("over target by 30% under the D33 manual: 2 points off, so a larger actual can score less", () => {
  const rs = listRuleSets().find((r) => r.id === "d33-caps");
  expect(rs).toBeDefined();
  if (!rs) return;
  const low = scoreIndicator({ nature: ">", target: 0.01, actual: 0.00005, weight: 1 }, rs);
  const over = scoreIndicator({ nature: ">", target: 0.01, actual: 0.013000000000000001, weight: 1 }, rs);
  expect(low.ok && low.value.score).toBe(0.01);
  expect(over.ok && over.value.score).toBe(0);
  const justUnder = scoreIndicator({ nature: ">", target: 10, actual: 12.9, weight: 10 }, rs);
  const atThreshold = scoreIndicator({ nature: ">", target: 10, actual: 13, weight: 10 }, rs);
  expect(justUnder.ok && justUnder.value.score).toBe(10);
  expect(atThreshold.ok && atThreshold.value.score).toBe(8);
});

test.each(["<=", "<", "反向"])("for %s the score never rises as the actual grows", (op) => {
  fc.assert(
    fc.property(target, amount, amount, weight, ruleSet, (A, b1, b2, w, rs) => {
      const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
      const s1 = scoreIndicator({ nature: op, target: A, actual: lo, weight: w }, rs);
      const s2 = scoreIndicator({ nature: op, target: A, actual: hi, weight: w }, rs);
      expect(s1.ok && s2.ok).toBe(true);
      if (s1.ok && s2.ok) expect(s2.value.score).toBeLessThanOrEqual(s1.value.score);
    }),
  );
});

test("a negative actual scores like 0", () => {
  fc.assert(
    fc.property(
      target,
      fc.double({ min: -1e6, max: -1e-9, noNaN: true }),
      weight,
      fc.constantFrom(">=", "<=", "="),
      (A, B, w, op) => {
        const neg = scoreIndicator({ nature: op, target: A, actual: B, weight: w }, ruleSets[0]);
        const zero = scoreIndicator({ nature: op, target: A, actual: 0, weight: w }, ruleSets[0]);
        expect(neg.ok && neg.value.score).toBe(zero.ok && zero.value.score);
      },
    ),
  );
});

test("a qualitative score stays inside the band of its level", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("达成", "部分达成", "未达成", "优", "中", "差"),
      fc.oneof(fc.double({ min: -10, max: 200, noNaN: true }), fc.constant(undefined)),
      weight,
      ruleSet,
      (actual, stated, w, rs) => {
        const out = scoreIndicator({ target: "有效", actual, weight: w, statedScore: stated }, rs);
        expect(out.ok).toBe(true);
        if (out.ok) {
          const { band, level, score } = out.value;
          expect(band).toBeDefined();
          // The MoF platform resets a stated score outside its band to 0 (rules-reference §2.1).
          if (rs.qualitativeBands.outOfBand === "zero" && score === 0 && stated !== undefined) return;
          expect(score).toBeGreaterThanOrEqual(band!.low);
          if (level === "met") expect(score).toBeLessThanOrEqual(band!.high);
          else expect(score).toBeLessThan(band!.high);
        }
      },
    ),
  );
});

test("execution: never throws; score in [0, weight]; rate × budget = spent", () => {
  fc.assert(
    fc.property(anyCell, anyCell, anyCell, (b, s, w) => {
      const out = execScore(b, s, w);
      if (out.ok) expect(out.value).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.double({ min: 0.01, max: 1e9, noNaN: true }), amount, weight, (b, s, w) => {
      const rate = execRate(b, s);
      const score = execScore(b, s, w);
      expect(rate.ok && score.ok).toBe(true);
      if (rate.ok && score.ok) {
        expect(rate.value * b).toBeCloseTo(s, 3);
        expect(score.value).toBeLessThanOrEqual(w);
      }
    }),
  );
});

test("grades never rise as the total falls", () => {
  const order = { 优: 3, 良: 2, 中: 1, 差: 0 };
  fc.assert(
    fc.property(
      fc.double({ min: -10, max: 110, noNaN: true }),
      fc.double({ min: -10, max: 110, noNaN: true }),
      ruleSet,
      (a, b, rs) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [gh, gl] = [gradeFor(hi, rs), gradeFor(lo, rs)];
        // A total in a grade gap (version B's 90.00) has no grade to order.
        if (gh === "未定级" || gl === "未定级") return;
        expect(order[gh]).toBeGreaterThanOrEqual(order[gl]);
      },
    ),
  );
});

test("sumScores equals the 2-decimal sum of 2-decimal scores", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { maxLength: 30 }), (cents) => {
      const total = cents.reduce((s, c) => s + c, 0);
      expect(sumScores(cents.map((c) => c / 100))).toBe(total / 100);
    }),
  );
});

test("ranges: full marks inside, never more than outside", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 5000 }),
      weight,
      ruleSet,
      (low, span, B, w, rs) => {
        const high = low + span;
        const out = scoreIndicator({ target: `${low}-${high}次`, actual: B, weight: w }, rs);
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        if (B >= low && B <= high) expect(out.value.score).toBe(w);
        else if (B < low && (rs.positive?.kind ?? "proportional") === "proportional")
          expect(out.value.score).toBe(excelRound((w * B) / low, 2));
        else if (B < low) expect(out.value.score).toBeLessThanOrEqual(excelRound((w * B) / low, 2));
        else expect(out.value.score).toBeLessThanOrEqual(w);
        expect(out.value.method).toBe("range");
      },
    ),
  );
});
