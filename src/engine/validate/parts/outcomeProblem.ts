/**
 * A scoring error outcome becomes a finding on the cell it concerns: the code names its input
 * (target, actual, weight, budget, spent, nature), otherwise the computed cell carries it.
 * When validation already reported the same code on the row (a unit mismatch on the 指标值 cell),
 * that finding is reused, so a row never gets the same message twice.
 */
import type { ScoringFailure } from "../../scoring/outcome";
import type { Finding, FindingData } from "../finding";
import type { EvalContext } from "../context";

export type ProblemCells = Partial<Record<"target" | "actual" | "weight" | "budget" | "spent" | "nature", number>> & {
  default?: number;
};

const INPUT_WORDS = ["target", "actual", "weight", "budget", "spent", "nature"] as const;

export function outcomeProblem(
  ctx: EvalContext,
  outcome: ScoringFailure,
  row: number,
  cells: ProblemCells,
  extra: { label?: string } = {},
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
  const scoring: FindingData["unscorable"] = outcome.data as FindingData["unscorable"];
  const data = { ...extra, ...outcome.data, value: scoring.value ?? scoring.target ?? scoring.actual ?? null };
  // The outcome's code and data belong together (ScoringFailure); the spread hides that from TypeScript.
  return ctx.sink.add(outcome.code, row, col ?? null, data as FindingData[typeof outcome.code]);
}

/** Findings are recorded row by row: look back only over this row's (no O(n²) on big sheets). */
function recentOnRow(findings: Finding[], row1: number, code: string): Finding | undefined {
  for (let i = findings.length - 1; i >= 0 && findings[i].row === row1; i--) {
    if (findings[i].code === code) return findings[i];
  }
  return undefined;
}
