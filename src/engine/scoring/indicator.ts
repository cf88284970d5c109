// CONTRACT STUB — owned by the value/scoring helper.
import type { RuleSet } from "../rules/schema";
import type { QualLevel } from "../value/types";
import { fail, type Outcome } from "./outcome";

export interface IndicatorInput {
  /** 指标性质 cell (≥ 正向 定量 定性 …), may be empty when the operator sits in the target. */
  nature?: unknown;
  /** 指标方向 cell, when the form has one beside 指标性质. */
  direction?: unknown;
  /** 指标值 (A). */
  target: unknown;
  /** 实际完成值 (B). */
  actual: unknown;
  /** 分值 (w). */
  weight: unknown;
  /** 度量单位. */
  unit?: unknown;
  /** Number formats of the target/actual cells (an Excel 0.95 shown as 95% is a percent). */
  targetFormat?: string | null;
  actualFormat?: string | null;
  /** 一级 / 二级 names: a 成本 indicator defaults to "less is better". */
  level1?: string;
  level2?: string;
  /** The score the user stated, for qualitative rows: it is kept when inside the stated band. */
  statedScore?: unknown;
}

export type ScoreMethod = "more" | "less" | "equal" | "range" | "deadline" | "qualitative";

export interface IndicatorScore {
  /** Excel-rounded to 2 decimals, 0 ≤ score ≤ weight. */
  score: number;
  weight: number;
  method: ScoreMethod;
  /** B/A where it means something (for the over-achievement warning). */
  ratio?: number;
  /** Qualitative: the level read from the actual and the band of scores it allows [low, high]. */
  level?: QualLevel;
  band?: { low: number; high: number };
}

/** Score one indicator row by the rule set. Never throws; what cannot be scored is an error outcome. */
export function scoreIndicator(input: IndicatorInput, ruleSet: RuleSet): Outcome<IndicatorScore> {
  void input;
  void ruleSet;
  return fail("not-implemented");
}
