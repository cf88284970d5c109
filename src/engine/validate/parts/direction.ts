/**
 * A quantitative row whose target states no operator anywhere (工程资金金额 43.2 → 37.24: no ≥ / ≤ in
 * 指标性质, 指标方向 or the value) is scored "more is better" by the rules, but the form never said
 * so: the amount may well be a ceiling. A stated score another direction gives is accepted; one no
 * direction gives is a warning naming the assumption, never an error (docs/engine.md, precision).
 */
import { scoreIndicator, type IndicatorInput, type IndicatorScore } from "../../scoring/indicator";
import { numberOf, sameAt } from "../cells";
import type { EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import { isBoundedRate } from "./indicatorKinds";
import type { RowInput } from "./indicatorRead";

/** Rates whose name says more is better (完成率, 及时率 …): their direction is known without an operator. */
const MORE_IS_BETTER_NAME =
  /(?:完成|合格|达标|覆盖|及时|到位|验收|使用|利用|入住|普及|知晓|满意|完好|执行|支付|兑现|发放|参保|接种|就业|通过|开工|竣工|办结|受益)率|满意度/;

/** True when nothing on the row says which way the target points, and the rules assumed ≥. */
export function directionUnstated(x: RowInput, scored: IndicatorScore): boolean {
  if (scored.method !== "more" || x.read.nature.op || x.read.direction.op) return false;
  if (x.read.target.kind !== "number" || x.read.target.op !== undefined) return false;
  const { level2, level3 } = x.r;
  return !isBoundedRate(level2, level3) && !MORE_IS_BETTER_NAME.test(level3);
}

const OTHER_DIRECTIONS = ["≤", "="] as const;

/**
 * Called after the row was scored ≥: when the stated score differs, the scores ≤ and = give become
 * accepted alternatives, and a remaining mismatch is reported as `score-direction-assumed`.
 */
export function allowOtherDirections(
  ctx: EvalContext,
  x: RowInput,
  scored: IndicatorScore,
  cell: ComputedCell,
  input: IndicatorInput,
): void {
  if (!directionUnstated(x, scored)) return;
  const stated = numberOf(cell.stated, cell.numberFormat);
  // Rescoring only the rows that disagree keeps a 10,000-row check as fast as before.
  if (stated.kind !== "number" || sameAt(stated.value, scored.score, 2)) return;
  const others: number[] = [];
  for (const op of OTHER_DIRECTIONS) {
    const o = scoreIndicator({ ...input, nature: op, statedScore: undefined }, ctx.ruleSet, { explain: false });
    if (o.ok) others.push(o.value.score);
  }
  // Every direction giving the same score (target met exactly: 95% of 95%) means the assumption
  // changed nothing, and a wrong score stays an error.
  if (others.every((o) => sameAt(o, scored.score, 2))) return;
  cell.alternatives = [...(cell.alternatives ?? []), ...others];
  cell.assumed = { code: "score-direction-assumed", data: { op: "≥" } };
}
