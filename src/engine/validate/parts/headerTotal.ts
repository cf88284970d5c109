/**
 * The 总分 a form states in its header lines (`自评总分: 95`, `自评得分 | 98`): one more place the
 * form says its total, so it must agree. With a 总分 row that states its 得分, the two are compared
 * (the 总分 row itself is checked against the sum elsewhere). Without one, the header total is the
 * 总分: checked against execution 得分 + Σ indicator 得分 — but only where the table as read is the
 * whole form (its weights make the rule set's total). Otherwise blocks the engine did not read, or
 * rows a page cut off, may hold the difference: said as an info, never judged.
 */
import type { DetectedForm, HeaderTotal } from "../../detect/form";
import { scoreTotal, sumScores } from "../../scoring/total";
import { readNumber, ownDecimals } from "../cells";
import { effectiveNumber, type EvalContext } from "../context";
import type { FundsResult } from "./funds";
import type { IndicatorResult } from "./indicators";

/** Two stated totals agree to 2 decimals. */
const SAME = 0.005;

export function checkHeaderTotal(ctx: EvalContext, form: DetectedForm, funds: FundsResult, rows: IndicatorResult[]) {
  const header = form.headerTotal;
  if (!header) return;
  const total = form.total;
  const stated = total ? readNumber(ctx.view, total.row, total.scoreCol) : undefined;
  if (stated?.kind === "number") return compare(ctx, header, stated.value, "total");
  const sum = scoreSum(ctx, funds, rows);
  if (sum === undefined) return;
  const weight = readWeight(funds, rows, form);
  if (weight !== undefined && Math.abs(weight - ctx.ruleSet.total) < 1e-9) return compare(ctx, header, sum, "sum");
  if (Math.abs(sum - header.value) >= SAME) {
    ctx.sink.add("header-total-unchecked", header.row, header.col, {
      stated: header.value,
      expected: sum,
      weight: weight ?? null,
    });
  }
}

/** Stated against what it must equal: an error, or a warning when the header writes fewer decimals. */
function compare(ctx: EvalContext, header: HeaderTotal, expected: number, what: "total" | "sum"): void {
  if (Math.abs(header.value - expected) < SAME) return;
  const data = { stated: header.value, expected, what };
  // 95 for 94.6: the header rounds what the table keeps to more decimals.
  const decimals = ownDecimals(header.value);
  if (decimals < 2 && Math.abs(round(expected, decimals) - header.value) < 1e-9) {
    ctx.sink.add("header-total-rounded", header.row, header.col, { ...data, decimals });
    return;
  }
  ctx.sink.add("header-total-mismatch", header.row, header.col, data);
}

function round(n: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  return Math.round(n * f) / f;
}

/**
 * Execution 得分 + Σ indicator 得分 as the cells show them (capped by the execution rate where the
 * rule set says so); undefined when nothing is scored or a score cannot be read (its row says why).
 */
function scoreSum(ctx: EvalContext, funds: FundsResult, rows: IndicatorResult[]): number | undefined {
  const cells = [funds.execScore, ...rows.map((r) => r.score)].filter((c) => c !== undefined);
  if (cells.length === 0) return undefined;
  const values = cells.map((c) => effectiveNumber(c));
  if (values.some((v) => v === undefined)) return undefined;
  const sum = sumScores(values as number[]);
  const rate = funds.execScore?.data?.rate;
  if (!ctx.ruleSet.totalCaps || typeof rate !== "number") return sum;
  const capped = scoreTotal({ indicators: [sum], executionRate: rate }, ctx.ruleSet, true);
  return capped.ok ? capped.value.total : sum;
}

/** Execution + indicator weights as read; undefined without a 分值 column or with a row unweighted. */
function readWeight(funds: FundsResult, rows: IndicatorResult[], form: DetectedForm): number | undefined {
  if (form.indicators?.columns.weight === undefined || rows.some((r) => r.weight === undefined)) return undefined;
  return sumScores([funds.execWeight ?? 0, ...rows.map((r) => r.weight as number)]);
}
