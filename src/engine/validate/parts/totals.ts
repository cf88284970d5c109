/**
 * What adds up: weights (execution + indicators = the rule set's total; 一级 weights against the
 * rule set's, a warning), 合计 rows, the 总分 row's 分值 and 得分, and the 等级.
 * Sums are taken over what each cell will hold after `calculate` (typed numbers stay).
 */
import type { DetectedForm } from "../../detect/form";
import { gradeFor, sumScores } from "../../scoring/total";
import { formatNumber } from "../../i18n/messages";
import { computedAt, effectiveNumber, type EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import { readNumber } from "../cells";
import { checkBlocks, checkWeights } from "./weights";
import type { SumRow } from "../../detect/form";
import type { FundsResult } from "./funds";
import type { IndicatorResult } from "./indicators";

export function evaluateTotals(
  ctx: EvalContext,
  form: DetectedForm,
  funds: FundsResult,
  rows: IndicatorResult[],
): void {
  const hasWeights = form.indicators?.columns.weight !== undefined;
  if (hasWeights) checkWeights(ctx, form, funds, rows);
  else noteUnknownWeights(ctx, form, rows);
  checkBlocks(ctx, form, rows);
  for (const sum of form.sums) {
    const covered = new Set(sum.covers);
    const members = rows.filter((r) => covered.has(r.row));
    const withExec = closesForm(form, sum) ? funds : undefined;
    if (sum.columns.weight !== undefined)
      addSum(
        ctx,
        sum.row,
        sum.columns.weight,
        "sumWeight",
        formTotalParts(ctx, sum.row, sum.columns.weight, weightsOf(members), withExec?.execWeight),
      );
    if (sum.columns.score !== undefined)
      addSum(
        ctx,
        sum.row,
        sum.columns.score,
        "sumScore",
        formTotalParts(
          ctx,
          sum.row,
          sum.columns.score,
          scoresOf(members),
          withExec?.execScore && effectiveNumber(withExec.execScore),
        ),
      );
  }
  const total = form.total;
  if (!total) return;
  if (total.weightCol !== undefined && hasWeights) {
    const parts = weightsOf(rows);
    if (funds.execWeight !== undefined) {
      parts.values.unshift(funds.execWeight);
      parts.rows.unshift(-1);
    }
    const cell = addSum(ctx, total.row, total.weightCol, "totalWeight", parts);
    // The weights themselves not adding to the total is already reported: no second finding here.
    if (cell.expected !== ctx.ruleSet.total) cell.quiet = true;
  }
  let totalScore: number | undefined;
  if (total.scoreCol !== undefined && (funds.execScore || rows.some((r) => r.score))) {
    const parts = scoresOf(rows.filter((r) => r.score));
    if (funds.execScore) {
      parts.values.unshift(effectiveNumber(funds.execScore));
      parts.rows.unshift(funds.execScore.row);
    }
    totalScore = effectiveNumber(addSum(ctx, total.row, total.scoreCol, "totalScore", parts));
  }
  if (total.gradeCol !== undefined && total.scoreCol !== undefined)
    addGrade(ctx, total.row, total.gradeCol, totalScore);
}

/** What a sum adds: values (undefined = cannot be known) and the row each comes from (-1: not a row). */
interface Parts {
  values: (number | undefined)[];
  rows: number[];
}

function weightsOf(rs: IndicatorResult[]): Parts {
  return { values: rs.map((r) => r.weight), rows: rs.map((r) => r.row) };
}

function scoresOf(rs: IndicatorResult[]): Parts {
  return { values: rs.map((r) => (r.score ? effectiveNumber(r.score) : undefined)), rows: rs.map((r) => r.row) };
}

function addSum(
  ctx: EvalContext,
  row: number,
  col: number,
  target: "sumWeight" | "sumScore" | "totalWeight" | "totalScore",
  parts: Parts,
): ComputedCell {
  const cell = computedAt(ctx, row, col, target, "General");
  ctx.computed.push(cell);
  const missing: number[] = [];
  parts.values.forEach((v, i) => {
    if (v === undefined) missing.push(parts.rows[i] + 1);
  });
  if (missing.length > 0) {
    // Nothing known yet (a blank template): nothing to report either.
    if (missing.length < parts.values.length) {
      cell.problem = ctx.sink.add("total-incomplete", row, col, { what: target, rows: missing.join("、") });
    }
    return cell;
  }
  const values = parts.values as number[];
  cell.expected = sumScores(values);
  cell.explanation = explainSum(values, cell.expected);
  cell.data = { column: target === "sumWeight" || target === "totalWeight" ? "weight" : "score" };
  return cell;
}

function explainSum(values: number[], sum: number): string {
  if (values.length === 0) return `无可加总的项 = 0`;
  if (values.length > 12) return `${values.length} 项之和 = ${formatNumber(sum)}`;
  return `${values.map(formatNumber).join(" + ")} = ${formatNumber(sum)}`;
}

function addGrade(ctx: EvalContext, row: number, col: number, total: number | undefined): void {
  const cell = computedAt(ctx, row, col, "grade", "General");
  ctx.computed.push(cell);
  if (total === undefined) return;
  const grade = gradeFor(total, ctx.ruleSet);
  const g = ctx.ruleSet.grades;
  cell.expected = grade;
  cell.explanation = `总分 ${formatNumber(total)}（优 ≥ ${g.excellent}，良 ≥ ${g.good}，中 ≥ ${g.pass}）→ ${grade}`;
  cell.data = { total };
}

/** A table with 得分 but no 分值: nothing is scored against an invented weight; say so once. */
function noteUnknownWeights(ctx: EvalContext, form: DetectedForm, rows: IndicatorResult[]): void {
  const table = form.indicators;
  if (!table || table.columns.score === undefined || rows.length === 0) return;
  ctx.sink.add("weights-unknown", table.headerRows[0], table.columns.score);
}

/** A 合计 covering the whole table with no 总分 below it (四川 2023): it may close the form, execution included. */
function closesForm(form: DetectedForm, sum: SumRow): boolean {
  const rows = form.indicators?.rows ?? [];
  return form.total === undefined && sum === form.sums[form.sums.length - 1] && sum.covers.length === rows.length;
}

/**
 * The parts a form-closing 合计 adds: the indicators alone, or with the execution weight/score
 * when that is what the cell states (both readings are correct forms; neither is guessed).
 */
function formTotalParts(ctx: EvalContext, row: number, col: number, parts: Parts, exec: number | undefined): Parts {
  if (exec === undefined || parts.values.some((v) => v === undefined)) return parts;
  const stated = readNumber(ctx.view, row, col);
  const plain = sumScores(parts.values as number[]);
  if (stated.kind !== "number" || Math.abs(stated.value - plain) < 0.005) return parts;
  return { ...parts, values: [exec, ...parts.values], rows: [-1, ...parts.rows] };
}
