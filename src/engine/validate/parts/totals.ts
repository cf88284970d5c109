/**
 * What adds up: weights (execution + indicators = the rule set's total; 一级 weights against the
 * rule set's, a warning), 合计 rows, the 总分 row's 分值 and 得分, and the 等级.
 * Sums are taken over what each cell will hold after `calculate` (typed numbers stay).
 */
import type { DetectedForm } from "../../detect/form";
import { gradeFor, sumScores } from "../../scoring/total";
import { formatNumber } from "../../i18n/messages";
import { a1 } from "../../sheet/snapshot";
import { computedAt, effectiveNumber, impossibleScore, type EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
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
    for (const [col, target] of [
      [sum.columns.weight, "sumWeight"],
      [sum.columns.score, "sumScore"],
    ] as const) {
      if (col === undefined) continue;
      const cell = addSum(ctx, sum.row, col, target, target === "sumWeight" ? weightsOf(members) : scoresOf(members));
      cell.adds = members.map((m) => ({ row: m.row, col }));
    }
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
    const execWeightCell = form.funds?.columns.weight;
    const fundsTotal = form.funds?.rows.find((r) => r.kind === "total")?.row;
    cell.adds = rows.map((r) => ({ row: r.row, col: total.weightCol! }));
    if (funds.execWeight !== undefined && execWeightCell !== undefined && fundsTotal !== undefined)
      cell.adds.unshift({ row: fundsTotal, col: execWeightCell, what: "execWeight" });
    // The weights themselves not adding to the total is already reported: no second finding here.
    if (cell.expected !== ctx.ruleSet.total) cell.quiet = true;
  }
  let totalScore: number | undefined;
  let totalProblem: ComputedCell["problem"];
  if (total.scoreCol !== undefined && (funds.execScore || rows.some((r) => r.score))) {
    const parts = scoresOf(rows.filter((r) => r.score));
    if (funds.execScore) {
      const p = scoresOfCells([funds.execScore]);
      parts.values.unshift(p.values[0]);
      parts.rows.unshift(funds.execScore.row);
      parts.corrected.unshift(...p.corrected);
      parts.doubtful?.unshift(...(p.doubtful ?? []));
    }
    const cell = addSum(ctx, total.row, total.scoreCol, "totalScore", parts);
    cell.adds = rows.filter((r) => r.score).map((r) => ({ row: r.row, col: r.score!.col }));
    const execAt = execScoreAt(form, funds);
    if (execAt) cell.adds.unshift({ ...execAt, what: "execScore" });
    // A grade is only given for a complete total: an incomplete one shows a number that is not the total.
    totalScore = cell.expected === undefined ? undefined : effectiveNumber(cell);
    totalProblem = cell.problem;
  }
  if (total.gradeCol !== undefined && total.scoreCol !== undefined) {
    addGrade(ctx, total.row, total.gradeCol, totalScore, totalProblem);
    ctx.computed[ctx.computed.length - 1].gradeOf = { row: total.row, col: total.scoreCol };
  }
}

/** Where the execution 得分 is, computed or not (a blank template has the cell but no amounts yet). */
function execScoreAt(form: DetectedForm, funds: FundsResult): { row: number; col: number } | undefined {
  if (funds.execScore) return { row: funds.execScore.row, col: funds.execScore.col };
  const row = form.funds?.rows.find((r) => r.kind === "total")?.row;
  const col = form.funds?.columns.score;
  return row !== undefined && col !== undefined ? { row, col } : undefined;
}

/** What a sum adds: values (undefined = cannot be known) and the row each comes from (-1: not a row). */
interface Parts {
  values: (number | undefined)[];
  rows: number[];
  /** Stated scores that could not stand and were counted at the rules' value: "I13（41 → 40）". */
  corrected: string[];
  /** Typed scores counted as typed although their row has an error (a 满意度 of 500%). */
  doubtful?: string[];
}

function weightsOf(rs: IndicatorResult[]): Parts {
  return { values: rs.map((r) => r.weight), rows: rs.map((r) => r.row), corrected: [] };
}

function scoresOf(rs: IndicatorResult[]): Parts {
  const cells = rs.map((r) => r.score);
  const parts = scoresOfCells(cells);
  parts.rows = rs.map((r) => r.row);
  return parts;
}

/** What each score cell adds to a sum: what it shows, or the rules' value when what it shows cannot stand. */
function scoresOfCells(cells: (ComputedCell | undefined)[]): Parts {
  const corrected: string[] = [];
  const doubtful: string[] = [];
  const values = cells.map((c) => {
    if (!c) return undefined;
    if (!impossibleScore(c)) {
      const v = effectiveNumber(c);
      if (v !== undefined && c.expected === undefined && c.problem?.severity === "error")
        doubtful.push(a1(c.row, c.col));
      return v;
    }
    const shown =
      typeof c.stated === "number"
        ? formatNumber(c.stated)
        : String((c.stated as { error?: string })?.error ?? c.stated);
    const to = typeof c.expected === "number" ? formatNumber(c.expected) : "?";
    corrected.push(`${a1(c.row, c.col)}（${shown} → ${to}）`);
    return typeof c.expected === "number" ? c.expected : undefined;
  });
  return { values, rows: cells.map((c) => c?.row ?? -1), corrected, doubtful };
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
  if (parts.corrected.length > 0) cell.data.corrected = parts.corrected.join("、");
  if (parts.doubtful?.length) cell.data.doubtful = parts.doubtful.join("、");
  return cell;
}

function explainSum(values: number[], sum: number): string {
  if (values.length === 0) return `无可加总的项 = 0`;
  if (values.length > 12) return `${values.length} 项之和 = ${formatNumber(sum)}`;
  return `${values.map(formatNumber).join(" + ")} = ${formatNumber(sum)}`;
}

function addGrade(
  ctx: EvalContext,
  row: number,
  col: number,
  total: number | undefined,
  totalProblem: ComputedCell["problem"],
): void {
  const cell = computedAt(ctx, row, col, "grade", "General");
  ctx.computed.push(cell);
  if (total === undefined) {
    cell.problem = totalProblem;
    return;
  }
  const grade = gradeFor(total, ctx.ruleSet);
  const g = ctx.ruleSet.grades;
  cell.expected = grade;
  cell.explanation = `总分 ${formatNumber(total)}（优 ≥ ${g.excellent}，良 ≥ ${g.good}，中 ≥ ${g.pass}）→ ${grade}`;
  cell.data = { total };
}

const EXECUTION_LEVEL1 = /^(?:部门)?(?:预算)?执行率(?:指标)?$/;

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
    const stated = sumScores(g.sum);
    // A department form carries 预算执行率 as an indicator row: it is the rule set's execution weight.
    if (EXECUTION_LEVEL1.test(name) && funds.execWeight === undefined) {
      if (Math.abs(stated - ctx.ruleSet.executionWeight) > 1e-9) {
        ctx.sink.add("exec-weight-differs", g.first, weightCol, {
          stated,
          expected: ctx.ruleSet.executionWeight,
          ruleSet: ctx.ruleSet.label,
        });
      }
      continue;
    }
    const rule = findLevel1(name, ctx.ruleSet);
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
