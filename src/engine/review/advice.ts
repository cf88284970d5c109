/**
 * The reviewer's suggestion for one form, with the main reason: 建议退回 when the form
 * contradicts its own numbers (an error), 请核实 when only warnings or a platform colour remain,
 * 通过 otherwise. The reason is the most serious finding, in the order a reviewer reads a form:
 * totals and grades first, then scores, then money.
 */
import type { Finding } from "../validate/finding";
import type { ReviewFlag } from "./flag";

export type AdviceAction = "return" | "verify" | "pass";

export interface Advice {
  action: AdviceAction;
  /** The finding code behind the suggestion (absent for pass). */
  code?: string;
  /** That finding, so a summary can quote it. */
  finding?: Finding;
  /** How many findings of that severity there are. */
  count: number;
}

/** Codes a reviewer weighs first; anything else comes after, in sheet order. */
const PRIORITY = [
  "total-mismatch",
  "grade-mismatch",
  "weights-total",
  "total-weight-mismatch",
  "exec-score-mismatch",
  "rate-mismatch",
  "score-above-weight",
  "score-mismatch",
  "score-out-of-band",
  "sum-mismatch",
  "funds-sum-mismatch",
  "rate-over-100",
  "review-score-outpaces-spending",
  "exec-rate-over-100",
  "review-zero-budget",
  "review-unspent",
];

function rank(f: Finding): number {
  const i = PRIORITY.indexOf(f.code);
  return i < 0 ? PRIORITY.length : i;
}

function mainOf(findings: Finding[]): Finding {
  return findings.slice().sort((a, b) => rank(a) - rank(b))[0];
}

export function adviceFor(findings: Finding[], flag: ReviewFlag | null): Advice {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    const main = mainOf(errors);
    return { action: "return", code: main.code, finding: main, count: errors.length };
  }
  const warnings = findings.filter((f) => f.severity === "warning");
  if (flag !== null || warnings.length > 0) {
    const main = mainOf(warnings);
    return { action: "verify", code: main.code, finding: main, count: warnings.length };
  }
  return { action: "pass", count: 0 };
}
