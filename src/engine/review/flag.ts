/**
 * The budget platform's review colours (rules-reference §2.2, MoF pmkpi `selfwarnproject`),
 * evaluated in the platform's order — the first rule that holds wins:
 * 1. no indicator score at all → no colour;
 * 2. the indicator score rate exceeds the execution rate by more than 5 % of itself → red;
 * 3. a zero budget → yellow;
 * 4. more than 20 % of the budget unspent → yellow.
 * The platform divides the indicator score by 90 (its indicator points); a form under other
 * weights is divided by its own indicator points, so a 20/80 form is judged on its own scale.
 */
import type { FormMoney } from "./money";

export type ReviewFlag = "red" | "yellow";

export interface FlagInputs {
  /** Σ indicator 得分 as the form shows it. */
  indicatorScore?: number;
  /** The points the indicators are out of (90 under 10 + 90). */
  indicatorPoints?: number;
  money: FormMoney;
}

export interface FlagResult {
  flag: ReviewFlag | null;
  /** Which rule gave the colour (a finding code). */
  code?: "review-score-outpaces-spending" | "review-zero-budget" | "review-unspent";
  scoreRate?: number;
  execRate?: number;
}

const RED_GAP = 0.05;
const UNSPENT = 0.2;

export function platformFlag(x: FlagInputs): FlagResult {
  const s = x.indicatorScore;
  const points = x.indicatorPoints;
  const { budget, spent } = x.money;
  if (s === undefined || s === 0 || points === undefined || points <= 0) return { flag: null };
  // No funds on the form at all: nothing to compare the scores with.
  if (budget === undefined) return { flag: null };
  const scoreRate = s / points;
  // As the platform does: a zero budget divides by 1 (bgtscore = 10 × 执行数), so a zero budget
  // with nothing spent is red (red is tested first) and one with money spent is yellow.
  const execRate = (spent ?? 0) / (budget === 0 ? 1 : budget);
  if ((scoreRate - execRate) / scoreRate > RED_GAP) {
    return { flag: "red", code: "review-score-outpaces-spending", scoreRate, execRate };
  }
  if (budget === 0) return { flag: "yellow", code: "review-zero-budget", scoreRate, execRate };
  if ((budget - (spent ?? 0)) / budget > UNSPENT) {
    return { flag: "yellow", code: "review-unspent", scoreRate, execRate };
  }
  return { flag: null, scoreRate, execRate };
}
