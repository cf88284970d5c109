/**
 * Issue 10's property test: no rule set the schema accepts (src/engine/rules/schemaParts.ts) can make
 * a score exceed its weight unless the rule set says so explicitly (the MoF platform's uncapped
 * execution score, `execution.cap: null`), and no input makes scoring throw — nor reach the
 * scorer's last-resort guard (an "internal-error" outcome is a bug that guard hid).
 *
 * Rule sets are generated part by part from the schema's own shapes, over the edges that matter
 * (bands whose `out` is above 1 or below 0, pass marks at or above 100%, rounding none/truncate,
 * floors above the weight), then validated by the schema (RuleSetSchema) as a stored rule set is.
 */
import fc from "fast-check";
import { getRuleSet, RuleSetSchema, scoreExecution, scoreIndicator, scoreTotal } from "../../../src/engine";
import type { RuleSet } from "../../../src/engine";
import { truncateDecimal } from "../../../src/engine/scoring/rounding";

const bound = fc.record({ v: fc.double({ min: -1, max: 3, noNaN: true }), incl: fc.boolean() });
const band = fc.record(
  { lo: bound, hi: bound, out: fc.oneof(fc.double({ min: -2, max: 3, noNaN: true }), fc.constantFrom(0, 0.6, 1)) },
  { requiredKeys: ["out"] },
);
const bands = fc.array(band, { minLength: 1, maxLength: 4 });
const zeroBudget = fc.constantFrom("error", "zero", "full", "divideByOne");

const execution = fc.oneof(
  fc.record(
    {
      kind: fc.constant("proportional" as const),
      denominator: fc.constantFrom("adjustedBudget", "annualBudget", "fundsArrived"),
      cap: fc.oneof(fc.constant(null), fc.double({ min: 0.01, max: 1, noNaN: true })),
      zeroBudget,
    },
    { requiredKeys: ["kind"] },
  ),
  fc.record(
    { kind: fc.constant("banded" as const), fullIf: fc.constant("completedWithinBudget" as const), bands, zeroBudget },
    { requiredKeys: ["kind", "bands"] },
  ),
);

const positive = fc.oneof(
  fc.record({ kind: fc.constant("proportional" as const) }),
  fc.record({ kind: fc.constant("passMark" as const), pass: bound }),
  fc.record({ kind: fc.constant("bands" as const), bands }),
);

const adjustment = fc.oneof(
  fc.record(
    {
      kind: fc.constant("overTarget" as const),
      threshold: fc.double({ min: 1.0001, max: 3, noNaN: true }),
      incl: fc.boolean(),
      appliesTo: fc.subarray(["positive", "equal"] as const, { minLength: 1 }),
      zeroTargetAbsolute: fc.double({ min: 0.01, max: 100, noNaN: true }),
      action: fc.oneof(
        fc.record({ kind: fc.constant("flag" as const) }),
        fc.record({ kind: fc.constant("deduct" as const), points: fc.double({ min: 0.01, max: 200, noNaN: true }) }),
        fc.record({ kind: fc.constant("requireReason" as const) }),
      ),
    },
    { requiredKeys: ["kind", "threshold", "incl", "appliesTo", "action"] },
  ),
  fc.record({ kind: fc.constant("manualDeduction" as const), floor: fc.double({ min: 0, max: 200, noNaN: true }) }),
);

const round = fc.record({
  places: fc.integer({ min: 0, max: 6 }),
  mode: fc.constantFrom("halfAwayFromZero", "truncate", "none"),
});

const qualitativeBands = fc.record(
  {
    metFloor: fc.double({ min: 0.01, max: 1, noNaN: true }),
    partialFloor: fc.double({ min: 0, max: 0.99, noNaN: true }),
    partialDefault: fc.double({ min: 0, max: 1, noNaN: true }),
    unmetDefault: fc.double({ min: 0, max: 1, noNaN: true }),
    outOfBand: fc.constantFrom("default", "zero"),
  },
  { requiredKeys: ["metFloor", "partialFloor", "partialDefault", "unmetDefault"] },
);

/** The optional parts of a rule set, each present or not, over a valid base. */
const parts = fc.record(
  {
    execution,
    positive,
    equal: fc.record({ otherwise: fc.constantFrom("asPositive", "exactOrZero") }),
    satisfaction: fc.record({ input: fc.constantFrom("value", "ratio"), bands }),
    adjustments: fc.array(adjustment, { maxLength: 3 }),
    rounding: fc.record({
      indicator: round,
      execution: round,
      total: round,
      gradeOn: fc.constantFrom("roundedTotal", "raw"),
    }),
    qualitativeBands,
    reverseRule: fc.constantFrom("linear", "ratio"),
    overAchievementRatio: fc.double({ min: 1.0001, max: 5, noNaN: true }),
  },
  { requiredKeys: [] },
);

/**
 * A rule set the schema accepts, or null (then the run is skipped). The schema alone, not
 * parseRuleSet's consistency checks (which also refuse a band's `out` above 1): the scorer must
 * hold every score to its weight even for data that slipped past those checks.
 */
function ruleSetOf(p: Record<string, unknown>): RuleSet | null {
  const base = getRuleSet("mof-2020");
  const r = RuleSetSchema.safeParse({ ...base, id: "generated", ...p });
  return r.success ? r.data : null;
}

const ruleSet = parts.map(ruleSetOf).filter((r): r is RuleSet => r !== null);

const num = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.integer({ min: 0, max: 200 }),
  fc.constantFrom(0, 1, 0.6, 0.8, 0.9, 1e308, -0, Infinity, Number.MIN_VALUE),
);
const cellText = fc.constantFrom(
  "≥95%",
  "≤5%",
  "=0",
  "1-2次",
  "≥1-2次",
  "90%-100%",
  "100%",
  "120%",
  "达成",
  "部分达成",
  "未达成",
  "优",
  "差",
  "按时完成",
  "2024年12月底之前完成",
  "12个月",
  "有效促进",
  "—",
  "",
  "#DIV/0!",
);
const cell = fc.oneof(num, cellText, fc.constant(null), fc.constant(undefined), fc.boolean(), fc.anything());
const nature = fc.constantFrom(undefined, null, "≥", "≤", "=", ">", "<", "正向", "反向", "定量", "定性", "?");
const names = fc.constantFrom(
  { level1: "产出指标", level2: "数量指标", level3: "培训次数" },
  { level1: "产出指标", level2: "成本指标", level3: "人均成本" },
  { level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度" },
  { level1: "效益指标", level2: "社会效益指标", level3: "推动工作" },
);
const indicator = fc.record({
  nature,
  direction: nature,
  target: cell,
  actual: cell,
  weight: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }), cell),
  unit: fc.constantFrom(undefined, "%", "次", "万元", "率", ""),
  targetFormat: fc.constantFrom(undefined, null, "0.00%", "General", '0"%"'),
  actualFormat: fc.constantFrom(undefined, null, "0.00%", "General"),
  statedScore: fc.oneof(num, fc.constant(undefined)),
  deduction: fc.oneof(num, fc.constant(undefined), cell),
  names,
});

test("no schema rule set scores an indicator above its weight, and no input throws", () => {
  fc.assert(
    fc.property(ruleSet, fc.array(indicator, { minLength: 1, maxLength: 6 }), (rs, rows) => {
      for (const { names: n, ...row } of rows) {
        const out = scoreIndicator({ ...row, ...n }, rs);
        if (!out.ok) {
          expect(out.code === "unscorable" ? out.data.reason : out.code).not.toBe("internal-error");
          continue;
        }
        const { score, weight } = out.value;
        expect(Number.isFinite(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(weight);
      }
    }),
    { numRuns: 300 },
  );
});

const execInput = fc.record({
  budget: fc.oneof(num, cell),
  spent: fc.oneof(num, cell),
  weight: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 100 }), num),
  annualBudget: fc.oneof(fc.constant(undefined), num),
  fundsArrived: fc.oneof(fc.constant(undefined), num),
  completed: fc.constantFrom(undefined, true, false),
});

/** The one explicit allowance: a proportional execution rule with `cap: null` (the MoF platform). */
function uncapped(rs: RuleSet): boolean {
  return rs.execution?.kind === "proportional" && rs.execution.cap === null;
}

test("no schema rule set scores execution above its weight unless it says `cap: null`", () => {
  fc.assert(
    fc.property(ruleSet, fc.array(execInput, { minLength: 1, maxLength: 6 }), (rs, inputs) => {
      for (const input of inputs) {
        const out = scoreExecution(input, rs);
        if (!out.ok) {
          expect(out.code === "unscorable" ? out.data.reason : out.code).not.toBe("internal-error");
          continue;
        }
        const { score, weight } = out.value;
        expect(Number.isFinite(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        if (!uncapped(rs)) expect(score).toBeLessThanOrEqual(weight);
      }
    }),
    { numRuns: 300 },
  );
});

test("the uncapped allowance is real: cap null scores overspending above the weight", () => {
  const rs = ruleSetOf({ execution: { kind: "proportional", cap: null } });
  expect(rs).not.toBeNull();
  const out = scoreExecution({ budget: 100, spent: 120, weight: 10 }, rs!);
  expect(out.ok && out.value.score).toBe(12);
  // The same rule set capped at 100% does not.
  const capped = ruleSetOf({ execution: { kind: "proportional", cap: 1 } });
  const c = scoreExecution({ budget: 100, spent: 120, weight: 10 }, capped!);
  expect(c.ok && c.value.score).toBe(10);
});

test("a band giving more than the whole weight is held to the weight", () => {
  // out: 1.5 is valid data (the schema leaves `out` free); the score still stops at the weight.
  const rs = ruleSetOf({
    positive: { kind: "bands", bands: [{ lo: { v: 0, incl: true }, out: 1.5 }] },
    satisfaction: { input: "value", bands: [{ lo: { v: 0, incl: true }, out: 2 }] },
    execution: { kind: "banded", bands: [{ lo: { v: 0, incl: true }, out: 3 }] },
  });
  expect(rs).not.toBeNull();
  const ind = scoreIndicator({ nature: "≥", target: 100, actual: 50, weight: 10 }, rs!);
  expect(ind.ok && ind.value.score).toBe(10);
  const sat = scoreIndicator(
    { target: 0.9, actual: 0.8, weight: 10, level3: "群众满意度", targetFormat: "0%", actualFormat: "0%" },
    rs!,
  );
  expect(sat.ok && sat.value.score).toBe(10);
  const ex = scoreExecution({ budget: 100, spent: 50, weight: 10 }, rs!);
  expect(ex.ok && ex.value.score).toBe(10);
});

test("totals never throw under a schema rule set", () => {
  fc.assert(
    fc.property(ruleSet, fc.array(num, { maxLength: 12 }), num, (rs, indicators, rate) => {
      expect(() => scoreTotal({ indicators, executionRate: rate }, rs)).not.toThrow();
    }),
    { numRuns: 100 },
  );
});

test("found by the property above: truncating a score past 1e21 keeps it, never NaN", () => {
  expect(truncateDecimal(1e21, 0)).toBe(1e21);
  expect(truncateDecimal(1.5e15, 2)).toBe(1.5e15);
  expect(truncateDecimal(2.675, 2)).toBe(2.67);
  const rs = ruleSetOf({
    execution: { kind: "proportional", cap: null },
    rounding: {
      indicator: { places: 2, mode: "truncate" },
      execution: { places: 0, mode: "truncate" },
      total: { places: 2, mode: "truncate" },
      gradeOn: "roundedTotal",
    },
  });
  const out = scoreExecution({ budget: 5e-324, spent: 6.958671068186568e-305, weight: 71 }, rs!);
  expect(out.ok && Number.isFinite(out.value.score)).toBe(true);
});
