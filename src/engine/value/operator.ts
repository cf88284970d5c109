/**
 * One rule, one place: which cell states an indicator row's operator. The scorer scores by it and
 * the validator checks a cost marked "more is better" by it, so both must read the same cell.
 *
 * The order: the 指标性质 column (`≥`, `正向`), else the sign written inside the target (`≥95%`),
 * else the 指标方向 column. The target's own sign is more specific than a direction word (`正向`
 * beside `>90%` means `>`), and 指标性质 is where the forms put the operator first. A 指标方向 that
 * contradicts the target (`正向` beside `≤1%`) is a conflict the scorer reports, not a choice.
 */
import type { Op, ParsedValue } from "./types";

export type OpSource = "nature" | "target" | "direction";

export interface StatedOperator {
  op: Op;
  /** The cell the operator was read from. */
  from: OpSource;
}

/** The operator written inside a target (`≥95%`, `≥1-2次`), if any. */
export function targetOp(target: ParsedValue): Op | undefined {
  return target.kind === "number" || target.kind === "range" ? target.op : undefined;
}

/** The operator a row states, and where; undefined when no cell states one. */
export function statedOperator(
  natureOp: Op | undefined,
  target: ParsedValue,
  directionOp: Op | undefined,
): StatedOperator | undefined {
  if (natureOp) return { op: natureOp, from: "nature" };
  const own = targetOp(target);
  if (own) return { op: own, from: "target" };
  if (directionOp) return { op: directionOp, from: "direction" };
  return undefined;
}

/** +1 for more-is-better operators, −1 for less-is-better, 0 for "=". */
export function opSense(op: Op): number {
  return op === ">=" || op === ">" ? 1 : op === "<=" || op === "<" ? -1 : 0;
}
