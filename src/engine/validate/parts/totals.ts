/**
 * What adds up: weights (execution + indicators = the rule set's total; 一级 weights against the
 * rule set's, a warning), 合计 rows, the 总分 row's 分值 and 得分, and the 等级.
 * Sums are taken over what each cell will hold after `calculate` (typed numbers stay).
 */
import type { DetectedForm } from "../../detect/form";
import { gradeFor, sumScores } from "../../scoring/total";
import { formatNumber } from "../../i18n/messages";
import { computedAt, effectiveNumber, type EvalContext } from "../context";
import { findLevel1 } from "./indicatorKinds";
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
  for (const sum of form.sums) {
    const covered = new Set(sum.covers);
    const members = rows.filter((r) => covered.has(r.row));
    if (sum.columns.weight !== undefined) {
      addSum(ctx, sum.row, sum.columns.weight, "sumWeight", members.map(weightPart));
    }
    if (sum.columns.score !== undefined) {
      addSum(ctx, sum.row, sum.columns.score, "sumScore", members.map(scorePart));
    }
  }
  const total = form.total;
  if (!total) return;
  const execParts: Part[] = [];
  if (funds.execWeight !== undefined) execParts.push({ row: -1, value: funds.execWeight });
  if (total.weightCol !== undefined && hasWeights) {
    const cell = addSum(ctx, total.row, total.weightCol, "totalWeight", [...execParts, ...rows.map(weightPart)]);
    // The weights themselves not adding to the total is already reported: no second finding here.
    if (cell && cell.expected !== ctx.ruleSet.total) cell.quiet = true;
  }
  let totalScore: number | undefined;
  if (total.scoreCol !== undefined && (rows.some((r) => r.score) || funds.execScore)) {
    const scoreParts: Part[] = [];
    if (funds.execScore) scoreParts.push({ row: funds.execScore.row, value: effectiveNumber(funds.execScore) });
    scoreParts.push(...rows.filter((r) => r.score).map(scorePart));
    const cell = addSum(ctx, total.row, total.scoreCol, "totalScore", scoreParts);
    if (cell) totalScore = effectiveNumber(cell);
  }
  if (total.gradeCol !== undefined && total.scoreCol !== undefined)
    addGrade(ctx, total.row, total.gradeCol, totalScore);
}

interface Part {
  /** The row the value comes from (-1: not a row, e.g. the execution weight). */
  row: number;
  value: number | undefined;
}

const weightPart = (r: IndicatorResult): Part => ({ row: r.row, value: r.weight });
const scorePart = (r: IndicatorResult): Part => ({ row: r.row, value: r.score ? effectiveNumber(r.score) : undefined });

function addSum(
  ctx: EvalContext,
  row: number,
  col: number,
  target: "sumWeight" | "sumScore" | "totalWeight" | "totalScore",
  parts: Part[],
) {
  const cell = computedAt(ctx, row, col, target, "General");
  ctx.computed.push(cell);
  const missing = parts.filter((p) => p.value === undefined).map((p) => p.row + 1);
  if (missing.length > 0) {
    cell.problem = ctx.sink.add("total-incomplete", row, col, { what: target, rows: missing.join("、") });
    return cell;
  }
  const values = parts.map((p) => p.value as number);
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

/** Execution + indicators must make the rule set's total; each 一级 is compared with the rule set's weight. */
function checkWeights(ctx: EvalContext, form: DetectedForm, funds: FundsResult, rows: IndicatorResult[]): void {
  const weighted = rows.filter((r) => r.weight !== undefined);
  if (weighted.length === 0) return;
  const indicatorWeight = sumScores(weighted.map((r) => r.weight as number));
  const execWeight = funds.execWeight ?? 0;
  const all = sumScores([execWeight, indicatorWeight]);
  const weightCol = form.indicators?.columns.weight ?? null;
  if (Math.abs(all - ctx.ruleSet.total) > 1e-9) {
    const at = form.total?.weightCol !== undefined ? form.total : undefined;
    ctx.sink.add(
      "weights-total",
      at ? at.row : (form.indicators?.headerRows[0] ?? null),
      at ? (at.weightCol ?? null) : weightCol,
      {
        stated: all,
        expected: ctx.ruleSet.total,
        execWeight,
        indicatorWeight,
      },
    );
  }
  const byLevel1 = new Map<string, { sum: number[]; first: number }>();
  for (const r of weighted) {
    const g = byLevel1.get(r.level1);
    if (g) g.sum.push(r.weight as number);
    else byLevel1.set(r.level1, { sum: [r.weight as number], first: r.row });
  }
  for (const [name, g] of byLevel1) {
    const rule = findLevel1(name, ctx.ruleSet);
    const stated = sumScores(g.sum);
    if (!rule) {
      if (name !== "") ctx.sink.add("level1-unknown", g.first, weightCol, { level1: name, ruleSet: ctx.ruleSet.label });
      continue;
    }
    if (Math.abs(stated - rule.weight) > 1e-9) {
      ctx.sink.add("level1-weight-differs", g.first, weightCol, {
        level1: name,
        stated,
        expected: rule.weight,
        ruleSet: ctx.ruleSet.label,
      });
    }
  }
}
