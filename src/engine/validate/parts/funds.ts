/**
 * The 项目资金 block: 执行率 per row with amounts, the execution score on 年度资金总额, the
 * execution weight against the rule set, and 年度资金总额 = Σ sub-rows per amount column.
 */
import type { FundsBlock, FundsColumn, FundsRow } from "../../detect/form";
import { execRate, scoreExecution } from "../../scoring/execution";
import { rulesOf } from "../../rules/resolve";
import type { Finding } from "../finding";
import { numberOf, readNumber, sameAt, shownDecimals, type NumberCell } from "../cells";
import { computedAt, errorCell, type EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import { outcomeProblem } from "./outcomeProblem";
import { amountRateRange } from "../precision";
import { headerKey } from "../../detect/headers";

export interface FundsResult {
  /** The 分值 of 预算执行率 (stated, or the rule set's when the cell is empty); undefined without a weight column. */
  execWeight?: number;
  /** The execution 得分 cell, when the block has one. */
  execScore?: ComputedCell;
}

const AMOUNT_COLUMNS: FundsColumn[] = ["initial", "budget", "spent"];
const RATE_FORMAT = "0.00%";

export function evaluateFunds(ctx: EvalContext, funds: FundsBlock): FundsResult {
  const result: FundsResult = {};
  const cols = funds.columns;
  for (const fr of funds.rows) {
    for (const key of ["initial", "budget", "spent", "weight"] as const) errorCell(ctx, fr.row, cols[key]);
    const budget = readNumber(ctx.view, fr.row, cols.budget);
    const spent = readNumber(ctx.view, fr.row, cols.spent);
    const rate = evaluateRate(ctx, fr, budget, spent, cols.budget, cols.spent, cols.rate);
    if (fr.kind === "total") evaluateExecution(ctx, funds, fr, budget, spent, rate, result);
  }
  checkSubRowSums(ctx, funds);
  return result;
}

export interface RateResult {
  rate?: number;
  problem?: Finding;
  /** The 执行率 cell, when the row has one and amounts to compute it from. */
  cell?: ComputedCell;
}

/**
 * 执行率 = 执行数 / 预算数 on one row; shared with the 重点工作任务 table.
 * Writes a computed cell at `rateCol` when there is one and the row has amounts.
 */
export function evaluateRate(
  ctx: EvalContext,
  at: { row: number; kind?: string },
  budget: NumberCell,
  spent: NumberCell,
  budgetCol: number | undefined,
  spentCol: number | undefined,
  rateCol: number | undefined,
  target: "execRate" | "taskRate" = "execRate",
): RateResult {
  const row = at.row;
  const out: RateResult = {};
  const hasBudget = budget.kind === "number";
  const hasSpent = spent.kind === "number";
  if (budget.kind === "error" || spent.kind === "error") return out;
  if (budget.kind === "invalid") ctx.sink.add("value-unreadable", row, budgetCol ?? null, { value: budget.text });
  if (spent.kind === "invalid") ctx.sink.add("value-unreadable", row, spentCol ?? null, { value: spent.text });
  if (zeroBudgetNoSlip(ctx, at, budget, spent, target)) return out;
  if (hasBudget && budget.value <= 0 && (hasSpent || at.kind === "total")) {
    out.problem = ctx.sink.add("budget-not-positive", row, budgetCol ?? null, { budget: budget.value });
  } else if (!hasBudget && hasSpent && spent.value !== 0) {
    out.problem = ctx.sink.add("budget-missing", row, budgetCol ?? null, { spent: spent.value });
  } else if (hasBudget && !hasSpent && at.kind === "total" && spent.kind === "empty") {
    out.problem = ctx.sink.add("spent-missing", row, spentCol ?? null, { budget: budget.value });
  }
  let cell: ComputedCell | undefined;
  if (rateCol !== undefined && (out.problem || (hasBudget && hasSpent))) {
    cell = computedAt(ctx, row, rateCol, target, RATE_FORMAT);
    ctx.computed.push(cell);
    out.cell = cell;
  }
  if (out.problem) {
    if (cell) cell.problem = out.problem;
    return out;
  }
  if (!hasBudget || !hasSpent) return out;
  const outcome = execRate(budget.value, spent.value);
  if (!outcome.ok) {
    out.problem = outcomeProblem(ctx, outcome, row, { budget: budgetCol, spent: spentCol, default: rateCol });
    if (cell) cell.problem = out.problem;
    return out;
  }
  out.rate = outcome.value;
  if (cell) {
    cell.expected = outcome.value;
    cell.explanation = outcome.explanation;
    cell.steps = outcome.steps;
    cell.data = { budget: budget.value, spent: spent.value };
  }
  if (outcome.value > 1 + 1e-12) {
    ctx.sink.add("exec-rate-over-100", row, rateCol ?? spentCol ?? null, {
      budget: budget.value,
      spent: spent.value,
      rate: outcome.value,
    });
  }
  return out;
}

/**
 * A zero budget with no 执行率 to give but no slip either: a sub-row (上年结转资金 …) with nothing
 * spent simply had no such money ("—"); on 年度资金总额 under a rule set with a zero-budget policy
 * (the MoF platform divides by 1) the rule set scores it, as JX.EXECSCORE and the native formula do.
 */
function zeroBudgetNoSlip(
  ctx: EvalContext,
  at: { kind?: string },
  budget: NumberCell,
  spent: NumberCell,
  target: "execRate" | "taskRate",
): boolean {
  if (budget.kind !== "number" || budget.value !== 0) return false;
  const nothingSpent = spent.kind !== "number" || spent.value === 0;
  if (nothingSpent && at.kind !== undefined && at.kind !== "total") return true;
  const policy = rulesOf(ctx.ruleSet).execution.zeroBudget ?? "error";
  return target === "execRate" && at.kind === "total" && policy !== "error";
}

function evaluateExecution(
  ctx: EvalContext,
  funds: FundsBlock,
  fr: FundsRow,
  budget: NumberCell,
  spent: NumberCell,
  rate: RateResult,
  result: FundsResult,
): void {
  const cols = funds.columns;
  const weight = executionWeight(ctx, funds, fr);
  if (cols.weight !== undefined || cols.score !== undefined) result.execWeight = weight;
  if (cols.score === undefined) return;
  const hasInputs = budget.kind === "number" || spent.kind === "number";
  if (!hasInputs && !rate.problem) return;
  const cell = computedAt(ctx, fr.row, cols.score, "execScore", "General");
  // The MoF platform's execution score is uncapped: above the weight is its rule, not a slip.
  const exec = rulesOf(ctx.ruleSet).execution;
  if (exec.kind !== "proportional" || exec.cap !== null) cell.weight = weight;
  result.execScore = cell;
  ctx.computed.push(cell);
  if (rate.problem || budget.kind !== "number" || spent.kind !== "number") {
    if (rate.problem) cell.problem = rate.problem;
    return;
  }
  const outcome = scoreExecution({ budget: budget.value, spent: spent.value, weight }, ctx.ruleSet, ctx.explain);
  if (!outcome.ok) {
    cell.problem = outcomeProblem(ctx, outcome, fr.row, {
      budget: cols.budget,
      spent: cols.spent,
      default: cols.score,
    });
    return;
  }
  cell.expected = outcome.value.score;
  cell.explanation = outcome.explanation;
  cell.steps = outcome.steps;
  if (outcome.value.alternatives) cell.alternatives = outcome.value.alternatives;
  allowScoreFromShownRate(ctx, cell, rate, weight);
  softenWithinAmountRounding(ctx, cell, budget.value, spent.value, weight);
  cell.data = { weight, rate: rate.rate ?? null };
  if (outcome.value.reasonRequired && rate.rate !== undefined) requireReason(ctx, funds, fr, rate.rate);
}

/** How far right of the amounts, weight and score a block's 原因 column may sit. */
const REASON_REACH = 4;

/** The block's 原因 column ("原因", "偏差原因" …) just right of its other columns, if it has one. */
function reasonColumn(ctx: EvalContext, funds: FundsBlock): number | undefined {
  const last = Math.max(...Object.values(funds.columns).filter((c): c is number => c !== undefined));
  for (let c = last + 1; c <= Math.min(last + REASON_REACH, ctx.view.lastCol); c++) {
    const key = headerKey(ctx.view.text(funds.headerRow, c));
    if (key.length > 0 && key.length <= 20 && key.includes("原因")) return c;
  }
  return undefined;
}

/**
 * The rule set requires a reason below its execution threshold (四川: 90%). A form with a 原因
 * column must fill it on 年度资金总额 (warning when empty); without one, where the reason goes
 * cannot be told, so the requirement is only pointed out (info).
 */
function requireReason(ctx: EvalContext, funds: FundsBlock, fr: FundsRow, rate: number): void {
  const data = { rate, threshold: ctx.ruleSet.reasons?.executionBelow ?? null, ruleSet: ctx.ruleSet.label };
  const col = reasonColumn(ctx, funds);
  if (col === undefined) {
    ctx.sink.add("exec-reason-required", fr.row, funds.columns.rate ?? funds.columns.score ?? null, data);
  } else if (ctx.view.text(fr.row, col) === "") ctx.sink.add("exec-reason-missing", fr.row, col, data);
}

/**
 * A form that shows its 执行率 rounded (49.88% as 50%) and scores from what it shows (10 × 50% = 5)
 * is consistent at its own precision: that score is accepted too — only when the shown rate is
 * the amounts' rate at the places it shows (a wrong rate is no excuse for its score).
 */
function allowScoreFromShownRate(ctx: EvalContext, cell: ComputedCell, rate: RateResult, weight: number): void {
  const shown = rate.cell ? shownRate(rate.cell) : undefined;
  if (shown === undefined || rate.rate === undefined || Math.abs(shown.value - rate.rate) < 1e-12) return;
  if (!sameAt(shown.value, rate.rate, shown.decimals)) return;
  const again = scoreExecution({ budget: 1, spent: shown.value, weight }, ctx.ruleSet, false);
  if (again.ok) cell.alternatives = [...(cell.alternatives ?? []), again.value.score];
}

/**
 * An execution score the amounts could give before their own display rounding (20 × 30 ÷ 278.4449
 * is 2.15; 30.00 may be up to 30.005, which gives 2.16): a warning, not an error.
 */
function softenWithinAmountRounding(
  ctx: EvalContext,
  cell: ComputedCell,
  budget: number,
  spent: number,
  weight: number,
): void {
  const stated = numberOf(cell.stated, cell.numberFormat);
  if (stated.kind !== "number" || typeof cell.expected !== "number" || sameAt(stated.value, cell.expected, 2)) return;
  const range = amountRateRange(budget, spent);
  if (!range) return;
  const lo = scoreExecution({ budget: 1, spent: range.lo, weight }, ctx.ruleSet, false);
  const hi = scoreExecution({ budget: 1, spent: range.hi, weight }, ctx.ruleSet, false);
  if (!lo.ok || !hi.ok) return;
  if (stated.value < lo.value.score - 0.005 || stated.value > hi.value.score + 0.005) return;
  cell.assumed = { code: "exec-score-rounded", data: { budget, spent } };
}

/** The 执行率 a cell shows, as a fraction, with the decimals (of the fraction) it shows. */
function shownRate(c: ComputedCell): { value: number; decimals: number } | undefined {
  const n = numberOf(c.stated, c.numberFormat);
  if (n.kind !== "number") return undefined;
  const points = !n.percent && n.value > 1.5;
  const value = points ? n.value / 100 : n.value;
  const own = shownDecimals(c.stated, c.numberFormat, n.value) + (points ? 2 : 0);
  return { value, decimals: own };
}

/**
 * The execution weight the form is scored by: its 分值 cell, else the weight its header or label
 * states ("得分（20分*执行率）", "预算执行情况(10分)"), else the rule set's. A form's own weight
 * that differs from the rule set's is the form's rule variant: scored under it and said so (info),
 * unless the user chose the rule set explicitly (then it is a warning).
 */
function executionWeight(ctx: EvalContext, funds: FundsBlock, fr: FundsRow): number {
  const col = funds.columns.weight;
  const stated = readNumber(ctx.view, fr.row, col);
  if (stated.kind === "invalid") ctx.sink.add("value-unreadable", fr.row, col ?? null, { value: stated.text });
  const ruleWeight = ctx.weights.executionWeight;
  const own =
    stated.kind === "number"
      ? { value: stated.value, row: fr.row, col: col ?? null }
      : funds.statedWeight
        ? { value: funds.statedWeight.value, row: funds.statedWeight.row, col: funds.statedWeight.col }
        : undefined;
  if (!own) return ruleWeight;
  if (Math.abs(own.value - ruleWeight) > 1e-9) {
    const data = { stated: own.value, expected: ruleWeight, ruleSet: ctx.ruleSet.label };
    if (ctx.explicitRules) ctx.sink.add("exec-weight-differs", own.row, own.col, data);
    else ctx.sink.add("exec-weight-from-form", own.row, own.col, data);
  }
  return own.value;
}

/** 年度资金总额 must equal the sum of its sub-rows, column by column (only where sub-rows hold amounts). */
function checkSubRowSums(ctx: EvalContext, funds: FundsBlock): void {
  const total = funds.rows.find((r) => r.kind === "total");
  if (!total) return;
  for (const key of AMOUNT_COLUMNS) {
    const col = funds.columns[key];
    if (col === undefined) continue;
    const stated = readNumber(ctx.view, total.row, col);
    if (stated.kind !== "number") continue;
    let sum = 0;
    let any = false;
    for (const r of funds.rows) {
      if (r.kind === "total") continue;
      const n = readNumber(ctx.view, r.row, col);
      if (n.kind === "number") {
        sum += n.value;
        any = true;
      }
    }
    // Amounts are 万元 with 2 decimals: half a cent of a 万元 absorbs float noise, not real slips.
    if (any && Math.abs(sum - stated.value) > 0.005) {
      ctx.sink.add("funds-sum-mismatch", total.row, col, {
        column: key,
        stated: stated.value,
        expected: Math.round(sum * 1e6) / 1e6,
      });
    }
  }
}
