/**
 * What adds up: weights (execution + indicators = the rule set's total; 一级 weights against the
 * rule set's, a warning), 合计 rows, the 总分 row's 分值 and 得分, and the 等级.
 * Sums are taken over what each cell will hold after `calculate` (typed numbers stay).
 */
import type { DetectedForm } from "../../detect/form";
import { describeFormBands, formGradeBands, formGradeFor } from "./formGrades";
import { gradeFor, gradeWithSteps, scoreTotal, sumScores } from "../../scoring/total";
import { formatNumber } from "../../i18n/show";
import { step, type Step } from "../../scoring/steps";
import type { CellNotes, Correction } from "../finding";
import { renderSteps } from "../../i18n/explain";
import { a1 } from "../../sheet/snapshot";
import { computedAt, effectiveNumber, impossibleScore, type EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import { readNumber } from "../cells";
import { checkBlocks, checkWeights } from "./weights";
import { checkHeaderTotal } from "./headerTotal";
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
  checkSumRows(ctx, form, funds, rows);
  checkHeaderTotal(ctx, form, funds, rows);
  const total = form.total;
  if (!total) return;
  if (total.weightCol !== undefined && hasWeights) addTotalWeight(ctx, form, funds, rows, total.weightCol);
  let totalScore: number | undefined;
  let totalProblem: ComputedCell["problem"];
  if (total.scoreCol !== undefined && (funds.execScore || rows.some((r) => r.score))) {
    const cell = addTotalScore(ctx, form, funds, rows, total.scoreCol);
    // A grade is only given for a complete total: an incomplete one shows a number that is not the total.
    totalScore = cell.expected === undefined ? undefined : effectiveNumber(cell);
    totalProblem = cell.problem;
  }
  if (total.gradeCol !== undefined && total.scoreCol !== undefined) {
    addGrade(ctx, total.row, total.gradeCol, totalScore, totalProblem);
    gradeByFormBands(ctx, form, ctx.computed[ctx.computed.length - 1], totalScore);
    ctx.computed[ctx.computed.length - 1].gradeOf = { row: total.row, col: total.scoreCol };
  }
}

/**
 * Only the formula audit reads what a sum adds (`adds`), and only where the cell holds a formula:
 * a typed 总分 on a 10,000-row form keeps no list of 10,000 cells.
 */
function auditable(cell: ComputedCell): boolean {
  return cell.formula !== null;
}

/** The 总分 row's 分值: execution + every indicator weight. */
function addTotalWeight(
  ctx: EvalContext,
  form: DetectedForm,
  funds: FundsResult,
  rows: IndicatorResult[],
  col: number,
): void {
  const parts = weightsOf(rows);
  if (funds.execWeight !== undefined) {
    parts.values.unshift(funds.execWeight);
    parts.rows.unshift(-1);
  }
  const cell = addSum(ctx, form.total!.row, col, "totalWeight", parts);
  if (auditable(cell)) {
    const execWeightCell = form.funds?.columns.weight;
    const fundsTotal = form.funds?.rows.find((r) => r.kind === "total")?.row;
    cell.adds = rows.map((r) => ({ row: r.row, col }));
    if (funds.execWeight !== undefined && execWeightCell !== undefined && fundsTotal !== undefined)
      cell.adds.unshift({ row: fundsTotal, col: execWeightCell, what: "execWeight" });
  }
  // The weights themselves not adding to the total is already reported: no second finding here.
  if (cell.expected !== ctx.ruleSet.total) cell.quiet = true;
}

/** The 总分 row's 得分: execution + every indicator score, capped by the execution rate where the rules say. */
function addTotalScore(
  ctx: EvalContext,
  form: DetectedForm,
  funds: FundsResult,
  rows: IndicatorResult[],
  col: number,
): ComputedCell {
  const scored = rows.filter((r) => r.score);
  const parts = scoresOf(scored);
  if (funds.execScore) {
    const p = scoresOfCells([funds.execScore]);
    parts.values.unshift(p.values[0]);
    parts.rows.unshift(funds.execScore.row);
    parts.corrected.unshift(...p.corrected);
    parts.doubtful?.unshift(...(p.doubtful ?? []));
  }
  const cell = addSum(ctx, form.total!.row, col, "totalScore", parts);
  // A total short by exactly this score says the sum may have left it out (G23's 9 points).
  const execScore = funds.execScore ? parts.values[0] : undefined;
  if (execScore !== undefined && execScore > 0 && cell.data) cell.data.execScore = execScore;
  if (auditable(cell)) {
    cell.adds = scored.map((r) => ({ row: r.row, col: r.score!.col }));
    const execAt = execScoreAt(form, funds);
    if (execAt) cell.adds.unshift({ ...execAt, what: "execScore" });
  }
  capTotal(ctx, cell, funds);
  return cell;
}

/** Where the execution 得分 is, computed or not (a blank template has the cell but no amounts yet). */
function execScoreAt(form: DetectedForm, funds: FundsResult): { row: number; col: number } | undefined {
  if (funds.execScore) return { row: funds.execScore.row, col: funds.execScore.col };
  const row = form.funds?.rows.find((r) => r.kind === "total")?.row;
  const col = form.funds?.columns.score;
  return row !== undefined && col !== undefined ? { row, col } : undefined;
}

/** Step 6 of the evaluation order: the highest total the execution rate allows (D33's 89/79/69/59). */
function capTotal(ctx: EvalContext, cell: ComputedCell, funds: FundsResult): void {
  const rate = funds.execScore?.data?.rate;
  if (!ctx.ruleSet.totalCaps || typeof cell.expected !== "number" || typeof rate !== "number") return;
  const capped = scoreTotal({ indicators: [cell.expected], executionRate: rate }, ctx.ruleSet, true);
  if (!capped.ok || capped.value.cap === undefined) return;
  cell.expected = capped.value.total;
  const capSteps = (capped.steps ?? []).filter((st) => st.code.startsWith("total-cap"));
  cell.explanation = `${cell.explanation}；${renderSteps(capSteps, "zh-CN")}`;
  cell.steps = [...(cell.steps ?? []), ...capSteps];
}

/** What a sum adds: values (undefined = cannot be known) and the row each comes from (-1: not a row). */
interface Parts {
  values: (number | undefined)[];
  rows: number[];
  /** Stated scores that could not stand and were counted at the rules' value: "I13（41 → 40）". */
  corrected: Correction[];
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
  const corrected: Correction[] = [];
  const doubtful: string[] = [];
  const values = cells.map((c) => {
    if (!c) return undefined;
    if (!impossibleScore(c)) {
      const v = effectiveNumber(c);
      if (v !== undefined && c.expected === undefined && c.problem?.severity === "error")
        doubtful.push(a1(c.row, c.col));
      return v;
    }
    const from = typeof c.stated === "object" && c.stated !== null ? c.stated.error : c.stated;
    corrected.push({ cell: a1(c.row, c.col), from, to: typeof c.expected === "number" ? c.expected : null });
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
      cell.problem = ctx.sink.add("total-incomplete", row, col, { what: target, rows: missing });
    }
    return cell;
  }
  const values = parts.values as number[];
  cell.expected = sumScores(values);
  cell.steps = [sumStep(values, cell.expected)];
  cell.explanation = renderSteps(cell.steps, "zh-CN");
  const data: CellNotes = { column: target === "sumWeight" || target === "totalWeight" ? "weight" : "score" };
  if (parts.corrected.length > 0) data.corrected = parts.corrected;
  if (parts.doubtful?.length) data.doubtful = parts.doubtful;
  cell.data = data;
  return cell;
}

function sumStep(values: number[], sum: number): Step {
  if (values.length === 0) return step("sum-none");
  if (values.length > 12) return step("sum-many", { count: values.length, sum });
  return step("sum-of", { terms: values.map(formatNumber).join(" + "), sum });
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
  // Explicit grade bands (version B's "> 90", a gap) are explained band by band; cut-offs as before.
  cell.steps = ctx.ruleSet.gradeBands
    ? gradeWithSteps(total, ctx.ruleSet).steps
    : [step("grade-cutoffs", { t: total, excellent: g.excellent, good: g.good, pass: g.pass, grade })];
  cell.explanation = renderSteps(cell.steps, "zh-CN");
  cell.data = { total };
}

/**
 * A form that states its own grade words and cut-offs in a note is graded by them (the form's rule
 * variant, said in an info), unless the user chose a rule set: then the rule set's grade stands.
 */
function gradeByFormBands(ctx: EvalContext, form: DetectedForm, cell: ComputedCell, total: number | undefined): void {
  if (ctx.explicitRules || total === undefined || cell.expected === undefined) return;
  const bands = formGradeBands(ctx.view, form);
  if (!bands) return;
  const grade = formGradeFor(total, bands);
  const described = describeFormBands(bands);
  cell.expected = grade;
  cell.steps = [step("grade-form-bands", { t: total, bands: described, grade })];
  cell.explanation = renderSteps(cell.steps, "zh-CN");
  ctx.sink.add("grade-bands-from-form", cell.row, cell.col, { bands: described });
}

/** A table with 得分 but no 分值: nothing is scored against an invented weight; say so once. */
function noteUnknownWeights(ctx: EvalContext, form: DetectedForm, rows: IndicatorResult[]): void {
  const table = form.indicators;
  if (!table || table.columns.score === undefined || rows.length === 0) return;
  ctx.sink.add("weights-unknown", table.headerRows[0], table.columns.score, {});
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

/** Each 合计 / 小计 row against the rows it covers (a 合计 closing the form may include execution). */
function checkSumRows(ctx: EvalContext, form: DetectedForm, funds: FundsResult, rows: IndicatorResult[]): void {
  for (const sum of form.sums) {
    const covered = new Set(sum.covers);
    const members = rows.filter((r) => covered.has(r.row));
    const withExec = closesForm(form, sum) ? funds : undefined;
    const execAt = withExec ? execScoreAt(form, funds) : undefined;
    for (const [col, target] of [
      [sum.columns.weight, "sumWeight"],
      [sum.columns.score, "sumScore"],
    ] as const) {
      if (col === undefined) continue;
      const exec =
        target === "sumWeight" ? withExec?.execWeight : withExec?.execScore && effectiveNumber(withExec.execScore);
      const parts = formTotalParts(
        ctx,
        sum.row,
        col,
        target === "sumWeight" ? weightsOf(members) : scoresOf(members),
        exec,
      );
      const cell = addSum(ctx, sum.row, col, target, parts);
      if (!auditable(cell)) continue;
      // What the formula audit expects the sum to add: its rows, and the execution cell when it is counted.
      cell.adds = members.map((m) => ({ row: m.row, col }));
      const execCol = target === "sumWeight" ? form.funds?.columns.weight : execAt?.col;
      if (parts.rows[0] === -1 && execAt && execCol !== undefined) cell.adds.unshift({ row: execAt.row, col: execCol });
    }
  }
}
