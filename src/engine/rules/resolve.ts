/**
 * A rule set with every optional part filled in. An absent part means what the 财政部 2020
 * rules (and this engine before rule sets grew) did: execution = w × min(B/A, 1) with a zero
 * budget an error, positive = proportional, equal = as positive, no adjustments or caps,
 * grades from `grades` with lower bounds included, everything rounded half away from zero to
 * 2 decimals, the grade taken on the rounded total. Resolved once per rule set object.
 */
import type { RuleSet } from "./schema";
import type * as z from "zod/mini";
import type {
  AdjustmentSchema,
  ExecutionRuleSchema,
  GradeBandsSchema,
  PositiveRuleSchema,
  RoundingSchema,
  RoundSchema,
} from "./schemaParts";

export type ExecutionRule = z.infer<typeof ExecutionRuleSchema>;
export type PositiveRule = z.infer<typeof PositiveRuleSchema>;
export type Adjustment = z.infer<typeof AdjustmentSchema>;
export type GradeBands = z.infer<typeof GradeBandsSchema>;
export type Rounding = z.infer<typeof RoundingSchema>;
export type Round = z.infer<typeof RoundSchema>;

export interface ResolvedRules {
  execution: ExecutionRule;
  positive: PositiveRule;
  equal: "asPositive" | "exactOrZero";
  adjustments: Adjustment[];
  gradeBands: GradeBands;
  rounding: Rounding;
  outOfBand: "default" | "zero";
}

const TWO_PLACES: Round = { places: 2, mode: "halfAwayFromZero" };

export const DEFAULT_ROUNDING: Rounding = {
  indicator: TWO_PLACES,
  execution: TWO_PLACES,
  total: TWO_PLACES,
  gradeOn: "roundedTotal",
};

/** 优 ≥ excellent, 良 [good, excellent), 中 [pass, good), 差 below pass: no gaps. */
export function gradeBandsFromCutoffs(g: RuleSet["grades"]): GradeBands {
  return {
    gapPolicy: "ungraded",
    bands: [
      { grade: "优", lo: { v: g.excellent, incl: true } },
      { grade: "良", lo: { v: g.good, incl: true }, hi: { v: g.excellent, incl: false } },
      { grade: "中", lo: { v: g.pass, incl: true }, hi: { v: g.good, incl: false } },
      { grade: "差", hi: { v: g.pass, incl: false } },
    ],
  };
}

const CACHE = new WeakMap<RuleSet, ResolvedRules>();

export function rulesOf(ruleSet: RuleSet): ResolvedRules {
  let r = CACHE.get(ruleSet);
  if (!r) {
    r = {
      execution: ruleSet.execution ?? { kind: "proportional", cap: 1, zeroBudget: "error" },
      positive: ruleSet.positive ?? { kind: "proportional" },
      equal: ruleSet.equal?.otherwise ?? "asPositive",
      adjustments: ruleSet.adjustments ?? [],
      gradeBands: ruleSet.gradeBands ?? gradeBandsFromCutoffs(ruleSet.grades),
      rounding: ruleSet.rounding ?? DEFAULT_ROUNDING,
      outOfBand: ruleSet.qualitativeBands.outOfBand ?? "default",
    };
    CACHE.set(ruleSet, r);
  }
  return r;
}

/**
 * The order every score is computed in, defined once (rules-reference §4). scoreIndicator does
 * steps 1–3 and 7 for a row, scoreExecution step 4, scoreTotal steps 5–8, the validator step 9.
 */
export const EVALUATION_ORDER = [
  "clamp-inputs", // a negative actual counts as 0
  "raw-indicator-scores", // positive / reverse / equal / satisfaction / qualitative rules
  "indicator-adjustments", // over-target flag / deduction / required reason, manual deduction
  "execution-score", // proportional or banded, with its denominator and zero-budget policy
  "sum", // execution + indicators
  "total-caps", // the highest total the execution rate allows
  "round", // the total's rounding
  "grade", // grade bands with explicit bounds; a total in a gap per gapPolicy
  "validations", // required reasons (e.g. 四川: execution < 90%)
] as const;
