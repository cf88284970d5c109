/**
 * A scoring error outcome becomes a finding on the cell it concerns: the code names its input
 * (target, actual, weight, budget, spent, nature), otherwise the computed cell carries it.
 * When validation already reported the same code on the row (a unit mismatch on the 指标值 cell),
 * that finding is reused, so a row never gets the same message twice.
 */
import type { Outcome } from "../../scoring/outcome";
import type { Finding, FindingData } from "../finding";
import type { EvalContext } from "../context";

export type ProblemCells = Partial<Record<"target" | "actual" | "weight" | "budget" | "spent" | "nature", number>> & {
  default?: number;
};

const INPUT_WORDS = ["target", "actual", "weight", "budget", "spent", "nature"] as const;

export function outcomeProblem(
  ctx: EvalContext,
  outcome: Extract<Outcome<unknown>, { ok: false }>,
  row: number,
  cells: ProblemCells,
  extra: FindingData = {},
): Finding {
  let col = cells.default;
  for (const word of INPUT_WORDS) {
    if (outcome.code.includes(word) && cells[word] !== undefined) {
      col = cells[word];
      break;
    }
  }
  const known = recentOnRow(ctx.sink.findings, row + 1, outcome.code);
  if (known) return known;
  // Catalogue messages quote `value` where the scoring data says `target`/`actual`.
  const data: FindingData = { ...extra, ...outcome.data };
  if (data.value === undefined) data.value = outcome.data.target ?? outcome.data.actual ?? null;
  return ctx.sink.add(outcome.code, row, col ?? null, data);
}

/** Findings are recorded row by row: look back only over this row's (no O(n²) on big sheets). */
function recentOnRow(findings: Finding[], row1: number, code: string): Finding | undefined {
  for (let i = findings.length - 1; i >= 0 && findings[i].row === row1; i--) {
    if (findings[i].code === code) return findings[i];
  }
  return undefined;
}
