/**
 * The findings catalogue: every finding code the engine emits and its default severity.
 * Codes are stable (the CLI's JSON, the task pane and tests key on them); each code's data is
 * typed in ../validate/finding.ts, its messages live in ./zh-CN.ts and ./en.ts (typed as
 * FindingMessages, so a code without a message does not compile) and are rendered by ./messages.ts.
 *
 * Severity policy: `error` = the form contradicts its own numbers or the rules (a reviewer would
 * send it back); `warning` = incomplete or worth a second look (the rules allow it, or a draft
 * is still being filled); `info` = nothing wrong, something the user may want to know.
 */
import type { FindingCode, FindingData, Severity } from "../validate/finding";

export const FINDING_CODES = {
  // Weights
  "weights-total": "error",
  "total-weight-mismatch": "error",
  "level1-weight-differs": "warning",
  "level1-unknown": "info",
  "exec-weight-differs": "warning",
  "exec-reason-required": "info",
  "exec-reason-missing": "warning",
  "weights-total-unfinished": "warning",
  "exec-weight-from-form": "info",
  "level1-weight-from-form": "info",
  "level1-label-mismatch": "error",
  "block-score-over": "error",
  "weights-unknown": "info",
  // Stated results that the rules would not give
  "score-above-weight": "error",
  "score-mismatch": "error",
  "score-out-of-band": "error",
  "sum-mismatch": "error",
  "total-mismatch": "error",
  "grade-mismatch": "error",
  "grade-word-ambiguous": "warning",
  "grade-bands-from-form": "info",
  "rate-mismatch": "error",
  "exec-score-mismatch": "error",
  // A mismatch that rests on what the form does not state: worth a look, not an error
  "score-direction-assumed": "warning",
  "score-rounded": "warning",
  "rate-rounded": "warning",
  "exec-score-rounded": "warning",
  // Values that cannot be
  "rate-over-100": "error",
  "exec-rate-over-100": "warning",
  "funds-sum-mismatch": "error",
  "task-sum-mismatch": "error",
  "budget-not-positive": "error",
  "budget-missing": "error",
  "error-cell": "error",
  // Incomplete rows
  "actual-missing": "warning",
  "target-missing": "warning",
  "weight-missing": "warning",
  "spent-missing": "warning",
  "unit-missing": "warning",
  "unit-mismatch": "warning",
  "value-unreadable": "warning",
  "nature-unreadable": "warning",
  "reason-missing": "warning",
  "shortfall-reason-missing": "warning",
  "task-reason-missing": "warning",
  "cost-positive": "warning",
  "over-achievement": "warning",
  "total-incomplete": "warning",
  // The 总分 stated in the header lines
  "header-total-mismatch": "error",
  "header-total-rounded": "warning",
  "header-total-unchecked": "info",
  // Scoring errors only the scoring functions give (a row that cannot be scored)
  "spent-negative": "warning",
  "rate-overflow": "warning",
  "weight-invalid": "warning",
  "nature-conflict": "warning",
  "rate-in-no-band": "warning",
  unscorable: "warning",
  // A reviewer's warnings (the budget platform's colours)
  "review-score-outpaces-spending": "warning",
  "review-zero-budget": "warning",
  "review-unspent": "warning",
  // 汇总: a 重点工作任务 row against the project form it repeats (see ../rollup)
  "task-project-mismatch": "error",
  "task-project-split-mismatch": "warning",
  "rollup-no-room": "warning",
  "rollup-matched": "info",
  "rollup-filled": "info",
  // Information
  "computed-empty": "info",
  // Formulas in computed cells (ours or the user's) that cannot give the rules' result
  "formula-misses": "error",
  "formula-extra": "error",
  "formula-grade-cutoffs": "error",
  "formula-no-result": "error",
  "no-form": "info",
  "layout-unsure": "info",
  "column-unlabelled": "info",
  "check-failed": "error",
} as const satisfies Record<FindingCode, Severity>;

export type { FindingCode };

/** A locale's messages: one function per code, from that code's data (../validate/finding.ts). */
export type FindingMessages = { readonly [C in FindingCode]: (data: FindingData[C]) => string };

export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];

export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(FINDING_CODES, code);
}

/** The default severity of a code (an unknown one, from a newer engine's JSON, is a warning). */
export function severityOf(code: string): Severity {
  return isFindingCode(code) ? FINDING_CODES[code] : "warning";
}
