/**
 * The form's total and its grade (rules-reference §4 steps 5–8): sum, the cap the execution rate
 * allows, the total's rounding, then the grade bands — with explicit bounds, and a policy for a
 * total that falls in no band (the MoF platform's version B leaves exactly 90.00 ungraded).
 */
import { findBand } from "../rules/bands";
import { rulesOf, type GradeBands } from "../rules/resolve";
import type { RuleSet } from "../rules/schema";
import { excelRound } from "../round";
import { okSteps, type Outcome } from "./outcome";
import { applyRound } from "./rounding";
import { renderSteps } from "../i18n/explain";
import { bandData, step, type Step } from "./steps";

export type Grade = "优" | "良" | "中" | "差";
/** What a total in a grade gap gets under gapPolicy "ungraded" (the platform shows NULL). */
export const UNGRADED = "未定级";
export type GradeResult = Grade | typeof UNGRADED;

const ruleName = (r: RuleSet) => ({ rule: r.short ?? r.label, ruleEn: r.shortEn ?? r.labelEn });

/** The total the grade is taken on: as the form shows it (default, 2 decimals) or raw. */
function gradedTotal(total: number, ruleSet: RuleSet): number {
  const r = rulesOf(ruleSet).rounding;
  return r.gradeOn === "raw" ? total : applyRound(total, r.total);
}

/** Under "lowerGrade", a total in a gap gets the band just below it (the highest upper edge under it). */
function lowerBand(bands: GradeBands["bands"], t: number): GradeBands["bands"][number] | undefined {
  let best: GradeBands["bands"][number] | undefined;
  for (const b of bands) if (b.hi && b.hi.v <= t && (!best || b.hi.v > (best.hi?.v ?? -Infinity))) best = b;
  return best;
}

export function gradeWithSteps(total: number, ruleSet: RuleSet): { grade: GradeResult; steps: Step[] } {
  // A total nobody can read grades as the lowest, as it always has (a cell shows the error instead).
  if (!Number.isFinite(total)) return { grade: "差", steps: [] };
  const gb = rulesOf(ruleSet).gradeBands;
  const t = gradedTotal(total, ruleSet);
  const band = findBand(gb.bands, t);
  if (band) {
    const data = { t, grade: band.grade, ...bandData(band.lo, band.hi, "num") };
    return { grade: band.grade, steps: [step(ruleSet.gradeBands ? "grade-band" : gradeCode(band), data)] };
  }
  const lower = gb.gapPolicy === "lowerGrade" ? lowerBand(gb.bands, t) : undefined;
  if (lower)
    return { grade: lower.grade, steps: [step("grade-gap-lower", { ...ruleName(ruleSet), t, grade: lower.grade })] };
  return { grade: UNGRADED, steps: [step("grade-gap", { ...ruleName(ruleSet), t })] };
}

/** The 2020 wording for cut-off grades: `总分 92.5 ≥ 90：优`, `… 在 80–90 之间（含 80）：良`. */
function gradeCode(band: { lo?: unknown; hi?: unknown }): "grade-between" | "grade-at-least" | "grade-below" {
  return band.lo && band.hi ? "grade-between" : band.lo ? "grade-at-least" : "grade-below";
}

/** The grade for a total by the rule set's grade bands (by default 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, lower bounds included). */
export function gradeFor(total: number, ruleSet: RuleSet): GradeResult {
  return gradeWithSteps(total, ruleSet).grade;
}

/** One line of zh-CN: `总分 92.5 ≥ 90：优`. */
export function explainGrade(total: number, ruleSet: RuleSet, locale: "zh-CN" | "en" = "zh-CN"): string {
  return renderSteps(gradeWithSteps(total, ruleSet).steps, locale);
}

/** Sum scores the way a form does: Excel-rounded to 2 decimals. Non-finite entries are skipped. */
export function sumScores(scores: number[]): number {
  let sum = 0;
  // An index, not for…of: called a few times per check over 10,000 scores, this loop is seldom
  // optimised, and unoptimised for…of builds an iterator result per element.
  for (let i = 0; i < scores.length; i++) if (Number.isFinite(scores[i])) sum += scores[i];
  return excelRound(sum, 2);
}

export interface TotalInput {
  /** The execution score (预算执行率得分), if the form has one. */
  execution?: number;
  indicators: number[];
  /** The execution rate, for caps by execution rate (D33). */
  executionRate?: number;
}

export interface TotalScore {
  /** Execution + indicators, before any cap. */
  sum: number;
  /** The cap that applied, if any. */
  cap?: number;
  total: number;
  grade: GradeResult;
}

/** Steps 5–8 of the evaluation order: sum, cap by execution rate, round, grade. Never throws. */
export function scoreTotal(input: TotalInput, ruleSet: RuleSet, explain = true): Outcome<TotalScore> {
  const parts = [...(input.execution !== undefined ? [input.execution] : []), ...(input.indicators ?? [])];
  let sum = 0;
  for (const s of parts) if (Number.isFinite(s)) sum += s;
  const steps: Step[] = [step("total-sum", { sum, n: parts.length })];
  const capBand =
    ruleSet.totalCaps && input.executionRate !== undefined
      ? findBand(ruleSet.totalCaps.bands, input.executionRate)
      : undefined;
  const capped = capBand && sum > capBand.out ? capBand.out : undefined;
  if (capBand && capped !== undefined) {
    const assumed = ruleSet.totalCaps?.boundsAssumed === true;
    const data = {
      ...ruleName(ruleSet),
      rate: input.executionRate ?? null,
      cap: capBand.out,
      ...bandData(capBand.lo, capBand.hi, "pct"),
    };
    steps.push(step(assumed ? "total-cap-assumed" : "total-cap", data));
  }
  const total = applyRound(capped ?? sum, rulesOf(ruleSet).rounding.total);
  const g = gradeWithSteps(total, ruleSet);
  const value: TotalScore = { sum, total, grade: g.grade, ...(capped !== undefined ? { cap: capped } : {}) };
  return okSteps(value, [...steps, ...g.steps], explain);
}
