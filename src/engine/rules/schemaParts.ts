/**
 * The richer parts of a rule set (rules-reference.md §4): sources, bands with explicit bounds,
 * execution scoring, quantitative variants, adjustments, caps, grade bands, rounding. Every part
 * is optional in a rule set: an absent part means the 财政部 2020 behaviour (./resolve.ts), so a
 * rule set written before these parts existed scores exactly as it did.
 */
import * as z from "zod/mini";

/** One edge of a band: `v` and whether `v` itself belongs to the band. */
export const BoundSchema = z.strictObject({ v: z.number(), incl: z.boolean() });

/** A band over a number (a rate, a ratio, a total): lo/hi omitted = unbounded; `out` is what it gives. */
export const BandSchema = z.strictObject({
  lo: z.optional(BoundSchema),
  hi: z.optional(BoundSchema),
  out: z.number(),
});

/** Where a rule set comes from, so a user can see whether it is law, advice or a platform's habit. */
export const SourceSchema = z.strictObject({
  /** The document's title, e.g. 《项目支出绩效评价管理办法》. */
  document: z.string().check(z.minLength(1)),
  /** 文号, e.g. 财预〔2020〕10号. */
  docNo: z.optional(z.string()),
  year: z.optional(z.number().check(z.int(), z.gte(1990), z.lte(2100))),
  /** Where it was read (a compilation and its lines, a URL, a code id). */
  where: z.string().check(z.minLength(1)),
  /** The clause (第十六条, §三(七)). */
  clause: z.optional(z.string()),
});

export const StatusSchema = z.enum(["mandatory", "recommended", "platform", "unverified"]);

/** Which amount divides 全年执行数. On a form, 全年预算数 = 年初预算数 + 调整 = 调整后预算数. */
export const DenominatorSchema = z.enum(["adjustedBudget", "annualBudget", "fundsArrived"]);

/** A budget of 0: an error to report (default), 0 points, full points, or the platform's ÷1 quirk. */
export const ZeroBudgetSchema = z.enum(["error", "zero", "full", "divideByOne"]);

export const ProportionalExecutionSchema = z.strictObject({
  kind: z.literal("proportional"),
  denominator: z.optional(DenominatorSchema),
  /** The highest rate that scores (1 = 100%); null = uncapped (the MoF platform: overspending scores above the weight). */
  cap: z.optional(z.nullable(z.number().check(z.gt(0), z.lte(1)))),
  zeroBudget: z.optional(ZeroBudgetSchema),
});

export const BandedExecutionSchema = z.strictObject({
  kind: z.literal("banded"),
  denominator: z.optional(DenominatorSchema),
  /** 101号: full points when the project is completed and spending stayed within the budget. */
  fullIf: z.optional(z.literal("completedWithinBudget")),
  /** Bands on the rate; `out` is the fraction of the weight (0.7 of 10 = 7 points). */
  bands: z.array(BandSchema).check(z.minLength(1)),
  zeroBudget: z.optional(ZeroBudgetSchema),
});

export const ExecutionRuleSchema = z.discriminatedUnion("kind", [ProportionalExecutionSchema, BandedExecutionSchema]);

/** More-is-better indicators. */
export const PositiveRuleSchema = z.discriminatedUnion("kind", [
  /** min(B/A, 1) × w (财政部 2020). */
  z.strictObject({ kind: z.literal("proportional") }),
  /** 101号: below the pass mark 0; else (r − p) / (1 − p) × w, capped at w. */
  z.strictObject({ kind: z.literal("passMark"), pass: BoundSchema }),
  /** Bands on B/A; `out` is the fraction of the weight. */
  z.strictObject({ kind: z.literal("bands"), bands: z.array(BandSchema).check(z.minLength(1)) }),
]);

/** Equal (=) with a target > 0: scored as more-is-better, or full only when B equals A. Target 0: full only when B ≤ 0. */
export const EqualRuleSchema = z.strictObject({ otherwise: z.enum(["asPositive", "exactOrZero"]) });

/** Satisfaction indicators scored by bands on the satisfaction itself (101号: ≥ 90% → 10 of 10). */
export const SatisfactionRuleSchema = z.strictObject({
  /** `value`: the satisfaction rate (92%); `ratio`: B/A. */
  input: z.enum(["value", "ratio"]),
  bands: z.array(BandSchema).check(z.minLength(1)),
});

export const OverTargetActionSchema = z.discriminatedUnion("kind", [
  /** Flag the score for the evaluator to edit (MoF platform); the score stays. */
  z.strictObject({ kind: z.literal("flag") }),
  /** Deduct fixed points, never below 0 (D33 manual: −2). */
  z.strictObject({ kind: z.literal("deduct"), points: z.number().check(z.gt(0)) }),
  /** A reason becomes mandatory (广西). */
  z.strictObject({ kind: z.literal("requireReason") }),
]);

export const AdjustmentSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("overTarget"),
    /** B/A at (incl) or above this is "over target": 1.2 = 120%. */
    threshold: z.number().check(z.gt(1)),
    incl: z.boolean(),
    appliesTo: z.array(z.enum(["positive", "equal"])).check(z.minLength(1)),
    /** With a target of 0, an actual at or above this counts as over target (广西: 30). */
    zeroTargetAbsolute: z.optional(z.number().check(z.gt(0))),
    action: OverTargetActionSchema,
  }),
  /** A deduction the evaluator enters, taken off the score, never below `floor`. */
  z.strictObject({ kind: z.literal("manualDeduction"), floor: z.number().check(z.gte(0)) }),
]);

/** Caps on the total by execution rate: bands on the rate, `out` = the highest total allowed. */
export const TotalCapsSchema = z.strictObject({
  bands: z.array(BandSchema).check(z.minLength(1)),
  /** True when the source does not state which side of each edge belongs to the band. */
  boundsAssumed: z.optional(z.boolean()),
});

export const GradeSchema = z.enum(["优", "良", "中", "差"]);

export const GradeBandsSchema = z.strictObject({
  bands: z
    .array(z.strictObject({ grade: GradeSchema, lo: z.optional(BoundSchema), hi: z.optional(BoundSchema) }))
    .check(z.minLength(1)),
  /** A total in no band: `ungraded` (shown as 未定级, the MoF platform's NULL) or the next band below. */
  gapPolicy: z.enum(["ungraded", "lowerGrade"]),
});

export const RoundSchema = z.strictObject({
  places: z.number().check(z.int(), z.gte(0), z.lte(6)),
  mode: z.enum(["halfAwayFromZero", "truncate", "none"]),
});

export const RoundingSchema = z.strictObject({
  indicator: RoundSchema,
  execution: RoundSchema,
  total: RoundSchema,
  /** Grade the rounded total (what the form shows) or the raw one. */
  gradeOn: z.enum(["roundedTotal", "raw"]),
});

export const ReasonRulesSchema = z.strictObject({
  /** 四川: a reason is required when the execution rate is below this (0.9). */
  executionBelow: z.optional(z.number().check(z.gt(0), z.lte(1))),
  /** Compare the raw rate, or the rate as shown at 2 decimals of a percent (the source must choose). */
  executionOn: z.optional(z.enum(["raw", "displayed"])),
});

/** Conditions that pick a weight profile; every stated condition must hold. */
export const ProfileWhenSchema = z.strictObject({
  hasCost: z.optional(z.boolean()),
  hasSatisfaction: z.optional(z.boolean()),
  noFiscalFunds: z.optional(z.boolean()),
});

export const WeightProfileSchema = z.strictObject({
  when: z.optional(ProfileWhenSchema),
  executionWeight: z.number().check(z.gte(0), z.lte(100)),
  /** 一级 name → weight; a 一级 not named here weighs 0 in this profile. */
  weights: z.record(z.string(), z.number().check(z.gte(0), z.lte(100))),
});
