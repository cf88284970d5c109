/**
 * A scoring error outcome becomes a finding on the cell it concerns: the code names its input
 * (target, actual, weight, budget, spent, nature), otherwise the computed cell carries it.
 */
import type { Outcome } from "../../scoring/outcome";
import type { Finding } from "../finding";
import type { EvalContext } from "../context";

export type ProblemCells = Partial<Record<"target" | "actual" | "weight" | "budget" | "spent" | "nature", number>> & {
  default?: number;
};

const INPUT_WORDS: (keyof ProblemCells)[] = ["target", "actual", "weight", "budget", "spent", "nature"];

export function outcomeProblem(
  ctx: EvalContext,
  outcome: Extract<Outcome<unknown>, { ok: false }>,
  row: number,
  cells: ProblemCells,
): Finding {
  let col = cells.default;
  for (const word of INPUT_WORDS) {
    if (outcome.code.includes(word) && cells[word] !== undefined) {
      col = cells[word];
      break;
    }
  }
  return ctx.sink.add(outcome.code, row, col ?? null, outcome.data);
}
