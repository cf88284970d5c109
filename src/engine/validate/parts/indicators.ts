/**
 * The 绩效指标 table, row by row: what is missing or unreadable, units, bounded rates, cost
 * direction, the score the rules give (a computed 得分 cell) and the reason a shortfall needs.
 */
import type { IndicatorRow, IndicatorTable } from "../../detect/form";
import { scoreIndicator, type IndicatorInput, type IndicatorScore } from "../../scoring/indicator";
import { isCellError } from "../../sheet/snapshot";
import { parseNature, parseValue } from "../../value/parse";
import type { ParsedValue } from "../../value/types";
import { isNothingText, isOurFormula, readNumber, textOf } from "../cells";
import { computedAt, errorCell, statesNothing, type EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import type { Finding } from "../finding";
import { isBoundedRate, isCost, isSavingRate } from "./indicatorKinds";
import { outcomeProblem } from "./outcomeProblem";
import { isPercentUnit, unitsCompatible } from "../../value/units";
import { lacksUnit, ownUnit } from "./units";

export interface IndicatorResult {
  row: number;
  level1: string;
  /** The stated 分值, when the row has a readable one. */
  weight?: number;
  /** The 得分 cell, when the table has a score column. */
  score?: ComputedCell;
}

/** The weight a row is scored against when the form has no 分值 column (only "met or not" matters). */
const NOMINAL_WEIGHT = 100;

export function evaluateIndicators(ctx: EvalContext, table: IndicatorTable): IndicatorResult[] {
  const out: IndicatorResult[] = [];
  for (const r of table.rows) {
    const res = evaluateRow(ctx, table, r);
    if (res) out.push(res);
  }
  return out;
}

function evaluateRow(ctx: EvalContext, table: IndicatorTable, r: IndicatorRow): IndicatorResult | undefined {
  const { view, sink } = ctx;
  const c = table.columns;
  const row = r.row;
  const targetRaw = c.target === undefined ? null : view.value(row, c.target);
  const actualRaw = c.actual === undefined ? null : view.value(row, c.actual);
  const target = parseValue(targetRaw, c.target === undefined ? null : view.numberFormat(row, c.target));
  const actual = parseValue(actualRaw, c.actual === undefined ? null : view.numberFormat(row, c.actual));
  const weightCell = readNumber(view, row, c.weight);
  const scoreCell = c.score === undefined ? undefined : computedAt(ctx, row, c.score, "indicatorScore", "General");
  const blank =
    r.level3 === "" &&
    target.kind === "empty" &&
    actual.kind === "empty" &&
    weightCell.kind === "empty" &&
    (!scoreCell || statesNothing(scoreCell));
  if (blank) return undefined;

  const label = r.level3 || r.level2 || r.level1;
  const result: IndicatorResult = { row, level1: r.level1 };
  if (scoreCell) {
    result.score = scoreCell;
    ctx.computed.push(scoreCell);
  }
  // Each input cell is read once; an Excel error in any of them is a finding of its own.
  const natureRaw = c.nature === undefined ? null : view.value(row, c.nature);
  const directionRaw = c.direction === undefined ? null : view.value(row, c.direction);
  const unitRaw = c.unit === undefined ? null : view.value(row, c.unit);
  let usable = true;
  if (isCellError(natureRaw)) usable = !errorCell(ctx, row, c.nature);
  if (isCellError(directionRaw)) usable = !errorCell(ctx, row, c.direction) && usable;
  if (isCellError(targetRaw)) usable = !errorCell(ctx, row, c.target) && usable;
  if (isCellError(unitRaw)) usable = !errorCell(ctx, row, c.unit) && usable;
  if (isCellError(actualRaw)) usable = !errorCell(ctx, row, c.actual) && usable;

  // The 分值.
  if (weightCell.kind === "number") result.weight = weightCell.value;
  else if (weightCell.kind === "error") {
    errorCell(ctx, row, c.weight);
    usable = false;
  } else if (weightCell.kind === "invalid") {
    sink.add("value-unreadable", row, c.weight ?? null, { value: weightCell.text });
    usable = false;
  }

  // The 指标性质 / 指标方向.
  const nature = parseNature(natureRaw);
  const direction = parseNature(directionRaw);
  // An unreadable 指标性质 is reported here, once; the row cannot be scored without it.
  if (nature.unreadable && !isCellError(natureRaw)) {
    sink.add("nature-unreadable", row, c.nature ?? null, { value: String(natureRaw) });
    usable = false;
  }
  if (direction.unreadable && !isCellError(directionRaw)) {
    sink.add("nature-unreadable", row, c.direction ?? null, { value: String(directionRaw) });
    usable = false;
  }

  // Values that cannot be read, and what is missing.
  if (target.kind === "invalid" && target.reason !== "error-value") {
    sink.add("value-unreadable", row, c.target ?? null, { value: String(target.raw) });
    usable = false;
  }
  if (actual.kind === "invalid" && actual.reason !== "error-value") {
    sink.add("value-unreadable", row, c.actual ?? null, { value: String(actual.raw) });
    usable = false;
  }
  let problem: Finding | undefined = undefined;
  // A table without an 实际完成值 column is a target-setting form (绩效目标表), not a self-evaluation
  // with gaps: nothing is missing there, and nothing is scored.
  // A formula whose value is not calculated yet (a file saved by a library, not by Excel) is pending,
  // not missing: the row is simply not scored.
  const pending =
    (target.kind === "empty" && c.target !== undefined && view.formula(row, c.target) !== null) ||
    (actual.kind === "empty" && c.actual !== undefined && view.formula(row, c.actual) !== null);
  if (pending) usable = false;
  else if (c.target !== undefined && target.kind === "empty" && actual.kind !== "empty") {
    problem = sink.add("target-missing", row, c.target, { label });
  } else if (c.actual !== undefined && actual.kind === "empty" && target.kind !== "empty") {
    problem = sink.add("actual-missing", row, c.actual, { label });
  } else if (c.weight !== undefined && weightCell.kind === "empty" && target.kind !== "empty") {
    problem = sink.add("weight-missing", row, c.weight, { label });
  }

  // Units, bounded rates, cost direction.
  const unitText = unitRaw === null || isCellError(unitRaw) ? "" : nothingAsEmpty(String(unitRaw).trim());
  checkUnits(ctx, row, target, actual, unitText, c.target, c.actual, c.unit);
  const overBounded = checkBoundedRate(ctx, r, label, target, actual, unitText, c.target, c.actual);
  const op = direction.op ?? nature.op ?? (target.kind === "number" || target.kind === "range" ? target.op : undefined);
  if ((op === ">=" || op === ">") && isCost(r.level1, r.level2, ctx.ruleSet) && !isSavingRate(r.level3)) {
    const natureCol = direction.op ? c.direction : nature.op ? c.nature : c.target;
    const shown = direction.op ? directionRaw : nature.op ? natureRaw : targetRaw;
    sink.add("cost-positive", row, natureCol ?? null, { label, nature: String(shown ?? "") });
  }

  if (scoreCell) scoreCell.weight = result.weight;
  // A rate that cannot pass 100% and does is not scored at all: full marks for 500% satisfaction
  // would be a number calculate writes and a reader trusts.
  if (!problem && overBounded) problem = overBounded;
  if (problem || !usable || target.kind === "empty" || actual.kind === "empty") {
    if (scoreCell && problem) scoreCell.problem = problem;
    return result;
  }
  if (c.weight !== undefined && result.weight === undefined) return result;

  // The score the rules give.
  const input: IndicatorInput = {
    nature: natureRaw,
    direction: directionRaw,
    target: targetRaw,
    actual: actualRaw,
    weight: result.weight ?? NOMINAL_WEIGHT,
    unit: c.unit === undefined ? undefined : unitRaw,
    targetFormat: c.target === undefined ? null : view.numberFormat(row, c.target),
    actualFormat: c.actual === undefined ? null : view.numberFormat(row, c.actual),
    level1: r.level1,
    level2: r.level2,
  };
  if (scoreCell && !statesNothing(scoreCell) && !isOurFormula(scoreCell.formula)) input.statedScore = scoreCell.stated;
  const outcome = scoreIndicator(input, ctx.ruleSet, { explain: ctx.explain });
  if (!outcome.ok) {
    const p = outcomeProblem(
      ctx,
      outcome,
      row,
      {
        target: c.target,
        actual: c.actual,
        weight: c.weight,
        nature: c.nature,
        default: c.score ?? c.actual,
      },
      { label },
    );
    if (scoreCell) scoreCell.problem = p;
    return result;
  }
  const scored = outcome.value;
  if (scoreCell) {
    fillScore(scoreCell, scored, outcome.explanation);
    if (!ctx.explain) scoreCell.rescore = { input, ruleSet: ctx.ruleSet };
  }
  // Over-achievement is B far above A where more is better; above a ≤ target it is an overrun.
  const limit = ctx.ruleSet.overAchievementRatio;
  const moreIsBetter = scored.method === "more" || scored.method === "equal";
  if (!overBounded && moreIsBetter && scored.ratio !== undefined && scored.ratio > limit + 1e-12) {
    sink.add("over-achievement", row, c.actual ?? null, { ratio: scored.ratio, limit, label });
  }
  checkReason(ctx, table, row, scored, scoreCell);
  return result;
}

function fillScore(cell: ComputedCell, scored: IndicatorScore, explanation: string): void {
  cell.expected = scored.score;
  cell.explanation = explanation;
  cell.weight = scored.weight;
  if (scored.method === "qualitative" && scored.band) {
    cell.band = { low: scored.band.low, high: scored.band.high, level: scored.level };
  }
}

/** 得分 < 分值 needs a 偏差原因; a form without scores needs one when the target was not met. */
function checkReason(
  ctx: EvalContext,
  table: IndicatorTable,
  row: number,
  scored: IndicatorScore,
  scoreCell: ComputedCell | undefined,
): void {
  const reasonCol = table.columns.reason;
  if (reasonCol === undefined || textOf(ctx.view, row, reasonCol) !== "") return;
  if (scoreCell) {
    const stated = readNumber(ctx.view, row, scoreCell.col);
    const score = stated.kind === "number" && !isOurFormula(scoreCell.formula) ? stated.value : scored.score;
    if (score < scored.weight - 0.005) ctx.sink.add("reason-missing", row, reasonCol, { score, weight: scored.weight });
  } else if (scored.score < scored.weight - 0.005) {
    ctx.sink.add("shortfall-reason-missing", row, reasonCol, {});
  }
}

function checkUnits(
  ctx: EvalContext,
  row: number,
  target: ParsedValue,
  actual: ParsedValue,
  unitText: string,
  targetCol: number | undefined,
  actualCol: number | undefined,
  unitCol: number | undefined,
): void {
  if (lacksUnit(target, unitText)) {
    ctx.sink.add("unit-missing", row, unitCol ?? targetCol ?? null, { value: String(target.raw) });
    return;
  }
  if (unitText === "") return;
  checkUnitOf(ctx, row, target, targetCol, unitText);
  checkUnitOf(ctx, row, actual, actualCol, unitText);
}

function checkUnitOf(ctx: EvalContext, row: number, v: ParsedValue, col: number | undefined, unitText: string): void {
  const own = ownUnit(v);
  if (own !== undefined && !unitsCompatible(own, unitText)) {
    ctx.sink.add("unit-mismatch", row, col ?? null, { value: String(v.raw), valueUnit: own, unit: unitText });
  }
}

/** A 满意度 or 合格率 above 100%: an error on the cell (the first one found, when any). */
function checkBoundedRate(
  ctx: EvalContext,
  r: IndicatorRow,
  label: string,
  target: ParsedValue,
  actual: ParsedValue,
  unitText: string,
  targetCol: number | undefined,
  actualCol: number | undefined,
): Finding | undefined {
  if (!isBoundedRate(r.level2, r.level3)) return undefined;
  const overTarget = overHundred(ctx, r.row, label, target, targetCol, unitText, isPercentValue(actual));
  const overActual = overHundred(ctx, r.row, label, actual, actualCol, unitText, isPercentValue(target));
  return overActual ?? overTarget;
}

function overHundred(
  ctx: EvalContext,
  row: number,
  label: string,
  v: ParsedValue,
  col: number | undefined,
  unitText: string,
  otherPercent: boolean,
): Finding | undefined {
  const fraction = asFraction(v, unitText, otherPercent);
  if (fraction === undefined || fraction <= 1 + 1e-12) return undefined;
  return ctx.sink.add("rate-over-100", row, col ?? null, { label, stated: fraction });
}

function isPercentValue(v: ParsedValue): boolean {
  return (v.kind === "number" || v.kind === "range") && v.percent;
}

/**
 * A value as a fraction of 1 when it is a percentage (95% → 0.95; 95 with unit % → 0.95; a plain
 * 500 beside a ≥90% target → 5, as the scorer reads it: points, not a count).
 */
function asFraction(v: ParsedValue, unitText: string, otherPercent: boolean): number | undefined {
  if (v.kind === "number") {
    if (v.percent) return v.value;
    if (ownUnit(v) !== undefined) return undefined;
    if (unitsIsPercent(unitText) || (unitText === "" && otherPercent && Math.abs(v.value) > 1.5)) return v.value / 100;
    return undefined;
  }
  if (v.kind === "range") return v.percent ? v.high : undefined;
  return undefined;
}

function unitsIsPercent(unitText: string): boolean {
  return unitText !== "" && isPercentUnit(unitText);
}

function nothingAsEmpty(s: string): string {
  return isNothingText(s) ? "" : s;
}
