// CONTRACT STUB — owned by the value/scoring helper.
import type { RuleSet } from "../rules/schema";

export type Grade = "优" | "良" | "中" | "差";

/** The grade for a total: 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差 (lower bounds included). */
export function gradeFor(total: number, ruleSet: RuleSet): Grade {
  void total;
  void ruleSet;
  throw new Error("not implemented");
}

/** Sum scores the way a form does: Excel-rounded to 2 decimals. */
export function sumScores(scores: number[]): number {
  void scores;
  throw new Error("not implemented");
}
