/**
 * A rule set is data: the weights, the bands, the grade cut-offs and the formula variants
 * a province (or a deployment) scores with. Adding a province is adding one object that
 * passes this schema. zod/mini keeps the custom-functions bundle small.
 */
import * as z from "zod/mini";
import {
  AdjustmentSchema,
  ExecutionRuleSchema,
  EqualRuleSchema,
  GradeBandsSchema,
  PositiveRuleSchema,
  ReasonRulesSchema,
  RoundingSchema,
  SatisfactionRuleSchema,
  SourceSchema,
  StatusSchema,
  TotalCapsSchema,
  WeightProfileSchema,
} from "./schemaParts";

/** One 一级指标 and the weight it carries "in principle". */
export const Level1Schema = z.strictObject({
  /** The 一级 name as forms write it, e.g. 产出指标. */
  name: z.string().check(z.minLength(1)),
  /** Other spellings that mean the same 一级 (产出 ≈ 产出指标). */
  aliases: z.optional(z.array(z.string())),
  /** The weight this 一级 carries in principle (a project may adjust it: a warning, not an error). */
  weight: z.number().check(z.gte(0), z.lte(100)),
  /** The usual 二级 names under it, for the template's validation lists. */
  level2: z.array(z.string()),
  /** True for cost-like 一级 (成本指标) whose indicators are "less is better". */
  lessIsBetter: z.optional(z.boolean()),
});

export const RuleSetSchema = z.strictObject({
  /** Stable id, ASCII, used by `=JX.INDICATORSCORE(…, "mof-2020")` and stored in workbooks. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  /** Chinese label shown to users. */
  label: z.string().check(z.minLength(1)),
  /** English label. */
  labelEn: z.string().check(z.minLength(1)),
  /** Which form this rule set is written for. */
  form: z.enum(["project", "department", "any"]),
  /** The 预算执行率 weight (分值 of 年度资金总额). */
  executionWeight: z.number().check(z.gte(0), z.lte(100)),
  /** The 一级 indicators and their weights. */
  level1: z.array(Level1Schema).check(z.minLength(1)),
  /** The total the whole form must add up to (100). */
  total: z.number().check(z.gt(0)),
  /** Qualitative bands as fractions of the weight: met ≥ metFloor; partial ≥ partialFloor; else unmet. */
  qualitativeBands: z.strictObject({
    metFloor: z.number().check(z.gt(0), z.lte(1)),
    partialFloor: z.number().check(z.gte(0), z.lt(1)),
    /** The fraction of the weight a "partial" result gets when nobody stated a score. */
    partialDefault: z.number().check(z.gte(0), z.lte(1)),
    /** The fraction an "unmet" result gets when nobody stated a score. */
    unmetDefault: z.number().check(z.gte(0), z.lte(1)),
    /** A stated score outside its band: the level's default (default) or 0 (the MoF platform resets it). */
    outOfBand: z.optional(z.enum(["default", "zero"])),
  }),
  /** Grade cut-offs, lower bound included: 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差. */
  grades: z.strictObject({
    excellent: z.number(),
    good: z.number(),
    pass: z.number(),
  }),
  /**
   * "Less is better" scoring: `linear` = w × (1 − (B−A)/A), 0 at B ≥ 2A (财政部 2020);
   * `ratio` = w × A/B.
   */
  reverseRule: z.enum(["linear", "ratio"]),
  /** B/A above this asks for an explanation (a warning; the score is not changed). */
  overAchievementRatio: z.number().check(z.gt(1)),

  // Everything below is optional: absent means the 财政部 2020 behaviour (see ./resolve.ts).
  /** A short name for explanations: `101号执行率分段：…`. */
  short: z.optional(z.string().check(z.minLength(1))),
  shortEn: z.optional(z.string().check(z.minLength(1))),
  /** mandatory (a 办法 says so), recommended (introduced with 如), platform (what a system does), unverified. */
  status: z.optional(StatusSchema),
  sources: z.optional(z.array(SourceSchema)),
  /** A note shown with the rule set (e.g. a grade gap the source leaves). */
  note: z.optional(z.string()),
  noteEn: z.optional(z.string()),
  /** Weights by condition (has 成本 …); the first whose `when` holds wins, else executionWeight/level1. */
  weightProfiles: z.optional(z.array(WeightProfileSchema)),
  execution: z.optional(ExecutionRuleSchema),
  positive: z.optional(PositiveRuleSchema),
  equal: z.optional(EqualRuleSchema),
  satisfaction: z.optional(SatisfactionRuleSchema),
  /** Applied in order after the raw score of each indicator. */
  adjustments: z.optional(z.array(AdjustmentSchema)),
  totalCaps: z.optional(TotalCapsSchema),
  /** Grade bands with explicit bounds; when absent, `grades` (lower bounds included) apply. */
  gradeBands: z.optional(GradeBandsSchema),
  rounding: z.optional(RoundingSchema),
  reasons: z.optional(ReasonRulesSchema),
});

export type RuleSet = z.infer<typeof RuleSetSchema>;
export type Level1Rule = z.infer<typeof Level1Schema>;
