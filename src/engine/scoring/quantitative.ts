/**
 * The quantitative formulas of domain.md, on plain numbers already in the same scale
 * (percents as fractions on both sides). Each returns the unrounded-then-rounded score and the
 * formula as the one-line explanation shows it. A negative actual has already become 0.
 */
import type { RuleSet } from "../rules/schema";
import { roundScore } from "../round";
import { fmtNum } from "./format";

export interface Calc {
  score: number;
  /** The arithmetic, e.g. `3 ÷ 4 × 5 = 3.75`, or the reason for full/zero marks. */
  how: string;
}

/**
 * Formats a number in the row's scale (`95%`, `4 批次`). Every function below takes `explain`:
 * false skips building the text (a check of 10,000 rows reads none of it).
 */
export type Show = (x: number) => string;

function clamp(score: number, w: number): number {
  return roundScore(score, w);
}

/** More is better: B ≥ A → w; else w × B/A. A = 0 is always met (B ≥ 0). */
export function moreIsBetter(A: number, B: number, w: number, show: Show, explain = true): Calc {
  if (B >= A) return { score: w, how: !explain ? "" : `达到目标，得 ${fmtNum(w)}（满分 ${fmtNum(w)}）` };
  const score = clamp((w * B) / A, w);
  return { score, how: !explain ? "" : `${show(B)} ÷ ${show(A)} × ${fmtNum(w)} = ${fmtNum(score)}` };
}

/**
 * Less is better: B ≤ A → w. Otherwise `linear` (财政部 2020): w × (1 − (B−A)/A), 0 from B ≥ 2A;
 * or `ratio`: w × A/B. With A = 0 any B > 0 is at least 2A, so linear gives 0, and so does ratio.
 */
export function lessIsBetter(
  A: number,
  B: number,
  w: number,
  rule: RuleSet["reverseRule"],
  show: Show,
  explain = true,
): Calc {
  if (B <= A) return { score: w, how: !explain ? "" : `未超过目标，得 ${fmtNum(w)}（满分 ${fmtNum(w)}）` };
  if (rule === "ratio") {
    const score = clamp((w * A) / B, w);
    return { score, how: !explain ? "" : `${show(A)} ÷ ${show(B)} × ${fmtNum(w)} = ${fmtNum(score)}` };
  }
  if (B >= 2 * A) return { score: 0, how: `达到目标的 2 倍及以上，得 0` };
  const score = clamp(w * (1 - (B - A) / A), w);
  const how = !explain ? "" : `${fmtNum(w)} × (1 − (${show(B)} − ${show(A)}) ÷ ${show(A)}) = ${fmtNum(score)}`;
  return { score, how };
}

/** Equal: A > 0 scores like more-is-better; A = 0 gives w only when B ≤ 0. */
export function equalTo(A: number, B: number, w: number, show: Show, explain = true): Calc {
  if (A > 0) return moreIsBetter(A, B, w, show, explain);
  if (B <= 0) return { score: w, how: !explain ? "" : `等于目标，得 ${fmtNum(w)}（满分 ${fmtNum(w)}）` };
  return { score: 0, how: `目标为 0，实际不为 0，得 0` };
}

/**
 * A range a–b. With no operator (or "="): inside → w; below → against a as more-is-better;
 * above → against b as less-is-better. `≥1-2次` is "at least the range": only below counts;
 * `≤1-2次` is "at most": only above counts.
 */
export function inRange(
  low: number,
  high: number,
  B: number,
  w: number,
  op: string | undefined,
  rule: RuleSet["reverseRule"],
  show: Show,
  explain = true,
): Calc {
  const lowerOnly = op === ">=" || op === ">";
  const upperOnly = op === "<=" || op === "<";
  if (B < low && !upperOnly) return moreIsBetter(low, B, w, show, explain);
  if (B > high && !lowerOnly) return lessIsBetter(high, B, w, rule, show, explain);
  return { score: w, how: !explain ? "" : `在区间内，得 ${fmtNum(w)}（满分 ${fmtNum(w)}）` };
}
