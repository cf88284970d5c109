/**
 * Reporting on one indicator row's inputs: Excel errors, unreadable values, what is missing, units,
 * rates that cannot pass 100%, a cost marked "more is better". Says whether the row can be scored.
 */
import { isCellError } from "../../sheet/snapshot";
import { statedOperator } from "../../value/operator";
import type { ParsedValue } from "../../value/types";
import { unitsCompatible } from "../../value/units";
import { errorCell, type EvalContext } from "../context";
import type { Finding } from "../finding";
import { isCost, isSavingRate } from "./indicatorKinds";
import { boundedRateExcess } from "./boundedRate";
import type { RowInput } from "./indicatorRead";
import { lacksUnit, ownUnit } from "./units";

export interface RowReport {
  /** False when an input cannot be read (an error cell, an unreadable value or 指标性质). */
  usable: boolean;
  /** Why the row cannot be scored (a missing input), also recorded as a finding. */
  problem?: Finding;
  /** A bounded rate (满意度, 合格率) above 100%, already reported. */
  overBounded: boolean;
}

export function reportRowInputs(ctx: EvalContext, x: RowInput): RowReport {
  let usable = reportErrorsAndUnreadable(ctx, x);
  let problem: Finding | undefined;
  if (x.pending) usable = false;
  else problem = reportMissing(ctx, x);
  checkUnits(ctx, x);
  const over = checkBoundedRate(ctx, x);
  checkCostDirection(ctx, x);
  // A rate that cannot pass 100% and does is not scored at all: full marks for a 满意度 of 500%
  // would be a number calculate writes and a reader trusts.
  return { usable, problem: problem ?? over, overBounded: over !== undefined };
}

/** Error cells and values nobody can read; false when any input is one of them. */
function reportErrorsAndUnreadable(ctx: EvalContext, x: RowInput): boolean {
  const { row, c } = x;
  // Plain code, no tuple arrays: this runs on every row of 10,000-row sheets.
  let usable = errorFree(ctx, row, x.nature, c.nature);
  usable = errorFree(ctx, row, x.direction, c.direction) && usable;
  usable = errorFree(ctx, row, x.target, c.target) && usable;
  usable = errorFree(ctx, row, x.unit, c.unit) && usable;
  usable = errorFree(ctx, row, x.actual, c.actual) && usable;
  if (x.weightCell.kind === "error") {
    errorCell(ctx, row, c.weight);
    usable = false;
  } else if (x.weightCell.kind === "invalid") {
    ctx.sink.add("value-unreadable", row, c.weight ?? null, { value: x.weightCell.text });
    usable = false;
  }
  // An unreadable 指标性质 is reported here, once; the row cannot be scored without it.
  usable = readableNature(ctx, row, x.read.nature, x.nature, c.nature) && usable;
  usable = readableNature(ctx, row, x.read.direction, x.direction, c.direction) && usable;
  usable = readableValue(ctx, row, x.read.target, c.target) && usable;
  return readableValue(ctx, row, x.read.actual, c.actual) && usable;
}

function errorFree(ctx: EvalContext, row: number, raw: RowInput["unit"], col: number | undefined): boolean {
  return !isCellError(raw) || !errorCell(ctx, row, col);
}

function readableNature(
  ctx: EvalContext,
  row: number,
  n: RowInput["read"]["nature"],
  raw: RowInput["nature"],
  col: number | undefined,
): boolean {
  if (!n.unreadable || isCellError(raw)) return true;
  ctx.sink.add("nature-unreadable", row, col ?? null, { value: String(raw) });
  return false;
}

function readableValue(ctx: EvalContext, row: number, v: ParsedValue, col: number | undefined): boolean {
  if (v.kind !== "invalid" || v.reason === "error-value") return true;
  ctx.sink.add("value-unreadable", row, col ?? null, { value: String(v.raw) });
  return false;
}

/**
 * A missing target, actual or weight. A table without an 实际完成值 column is a target-setting form
 * (绩效目标表), not a self-evaluation with gaps: nothing is missing there.
 */
function reportMissing(ctx: EvalContext, x: RowInput): Finding | undefined {
  const { row, c, label } = x;
  const { target, actual } = x.read;
  if (c.target !== undefined && target.kind === "empty" && actual.kind !== "empty") {
    return ctx.sink.add("target-missing", row, c.target, { label });
  }
  if (c.actual !== undefined && actual.kind === "empty" && target.kind !== "empty") {
    return ctx.sink.add("actual-missing", row, c.actual, { label });
  }
  if (c.weight !== undefined && x.weightCell.kind === "empty" && target.kind !== "empty") {
    return ctx.sink.add("weight-missing", row, c.weight, { label });
  }
  return undefined;
}

function checkUnits(ctx: EvalContext, x: RowInput): void {
  const { row, c, unitText } = x;
  if (lacksUnit(x.read.target, unitText)) {
    // Without a 度量单位 column the form writes units inside its values or not at all: worth
    // saying, not worth a warning on every row.
    const severity = c.unit === undefined ? "info" : undefined;
    ctx.sink.add("unit-missing", row, c.unit ?? c.target ?? null, { value: String(x.read.target.raw) }, severity);
    return;
  }
  if (unitText === "") return;
  checkUnitOf(ctx, row, x.read.target, c.target, unitText);
  checkUnitOf(ctx, row, x.read.actual, c.actual, unitText);
}

function checkUnitOf(ctx: EvalContext, row: number, v: ParsedValue, col: number | undefined, unitText: string): void {
  const own = ownUnit(v);
  if (own !== undefined && !unitsCompatible(own, unitText)) {
    ctx.sink.add("unit-mismatch", row, col ?? null, { value: String(v.raw), valueUnit: own, unit: unitText });
  }
}

/**
 * A cost indicator marked ≥ / 正向 (a saving rate worded "节约率 ≥" is right as it is), read by
 * the operator the scorer scores by (../../value/operator.ts), on the cell that states it.
 */
function checkCostDirection(ctx: EvalContext, x: RowInput): void {
  const { r, c } = x;
  const stated = statedOperator(x.read.nature.op, x.read.target, x.read.direction.op);
  if (!stated || (stated.op !== ">=" && stated.op !== ">")) return;
  if (!isCost(r.level1, r.level2, ctx.ruleSet) || isSavingRate(r.level3)) return;
  const { from } = stated;
  const col = from === "nature" ? c.nature : from === "direction" ? c.direction : c.target;
  const shown = from === "nature" ? x.nature : from === "direction" ? x.direction : x.target;
  ctx.sink.add("cost-positive", x.row, col ?? null, { label: x.label, nature: String(shown ?? "") });
}

/** A 满意度 or 合格率 above 100%: an error on the cell. True when one was found. */
function checkBoundedRate(ctx: EvalContext, x: RowInput): Finding | undefined {
  const over = boundedRateExcess(x.r.level2, x.r.level3, x.read.target, x.read.actual, x.unitText);
  if (!over) return undefined;
  const overTarget = over.target !== undefined ? rateOver100(ctx, x, over.target, x.c.target) : undefined;
  const overActual = over.actual !== undefined ? rateOver100(ctx, x, over.actual, x.c.actual) : undefined;
  return overActual ?? overTarget;
}

function rateOver100(ctx: EvalContext, x: RowInput, fraction: number, col: number | undefined): Finding {
  return ctx.sink.add("rate-over-100", x.row, col ?? null, { label: x.label, stated: fraction });
}
