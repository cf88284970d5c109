/**
 * Reading one indicator row: every input cell once (raw value, parsed value, number format), the
 * 分值 and the 得分 cell. No finding is made here; reporting and scoring work from what this returns.
 */
import type { IndicatorRow, IndicatorTable } from "../../detect/form";
import type { CellValue, SheetView } from "../../sheet/snapshot";
import { parseNature, parseValue } from "../../value/parse";
import type { ParsedNature, ParsedValue } from "../../value/types";
import { readNumber, type NumberCell } from "../cells";
import { computedAt, statesNothing, type EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import { unitTextOf } from "./boundedRate";

export interface RowInput {
  r: IndicatorRow;
  row: number;
  /** The table's columns. */
  c: IndicatorTable["columns"];
  /** The name findings quote: 三级, else 二级, else 一级. */
  label: string;
  natureRaw: CellValue;
  directionRaw: CellValue;
  targetRaw: CellValue;
  actualRaw: CellValue;
  unitRaw: CellValue;
  nature: ParsedNature;
  direction: ParsedNature;
  target: ParsedValue;
  /** The target and actual cells' number formats (null: General or no column). */
  targetFormat: string | null;
  actual: ParsedValue;
  actualFormat: string | null;
  /** 度量单位 as text ("" when empty, an error or a "nothing here" mark). */
  unitText: string;
  weightCell: NumberCell;
  /** The 得分 cell, when the table has a score column. */
  scoreCell?: ComputedCell;
  /** A target or actual formula with no calculated value yet: the row is not scored. */
  pending: boolean;
}

/**
 * Template rows nobody filled: "指标2：", "指标3", "……", "/", "指标1：/". A row whose name is one of
 * these and whose cells are empty is a line of the template, not an indicator.
 */
const PLACEHOLDER_NAME = /^(?:指标\s*[\d０-９]*\s*[:：]?\s*(?:[—–\-－/／…]*)|[.…。·、\s]+|[—–\-－/／]+)$/;

export function isPlaceholderName(name: string): boolean {
  return name === "" || PLACEHOLDER_NAME.test(name.trim());
}

function cellAt(view: SheetView, row: number, col: number | undefined): CellValue {
  return col === undefined ? null : view.value(row, col);
}

/** A row that details the one above it: "其中…". */
export function isBreakdownName(name: string): boolean {
  return /^\s*其中/.test(name);
}

/** The row's inputs, or null when the row is blank (a cleared or placeholder row of the template) or a breakdown. */
export function readIndicatorRow(ctx: EvalContext, table: IndicatorTable, r: IndicatorRow): RowInput | null {
  const { view } = ctx;
  const c = table.columns;
  const row = r.row;
  const targetRaw = cellAt(view, row, c.target);
  const actualRaw = cellAt(view, row, c.actual);
  const targetFormat = c.target === undefined ? null : view.numberFormat(row, c.target);
  const actualFormat = c.actual === undefined ? null : view.numberFormat(row, c.actual);
  const target = parseValue(targetRaw, targetFormat);
  const actual = parseValue(actualRaw, actualFormat);
  const weightCell = readNumber(view, row, c.weight);
  const scoreCell = c.score === undefined ? undefined : computedAt(ctx, row, c.score, "indicatorScore", "General");
  const nothingEntered =
    target.kind === "empty" &&
    actual.kind === "empty" &&
    weightCell.kind === "empty" &&
    (!scoreCell || statesNothing(scoreCell));
  if (nothingEntered && isPlaceholderName(r.level3)) return null;
  // "其中桃树种植面积" under "★补助各类瓜果蔬菜种植面积": a breakdown of the indicator above, with
  // no 分值 and no 得分 of its own — not an indicator missing its weight, and not part of any sum.
  if (isBreakdownName(r.level3) && weightCell.kind === "empty" && (!scoreCell || statesNothing(scoreCell))) return null;
  const natureRaw = cellAt(view, row, c.nature);
  const directionRaw = cellAt(view, row, c.direction);
  const unitRaw = cellAt(view, row, c.unit);
  return {
    r,
    row,
    c,
    label: r.level3 || r.level2 || r.level1,
    natureRaw,
    directionRaw,
    targetRaw,
    actualRaw,
    unitRaw,
    nature: parseNature(natureRaw),
    direction: parseNature(directionRaw),
    target,
    targetFormat,
    actual,
    actualFormat,
    unitText: unitTextOf(unitRaw),
    weightCell,
    scoreCell,
    pending:
      (target.kind === "empty" && c.target !== undefined && view.formula(row, c.target) !== null) ||
      (actual.kind === "empty" && c.actual !== undefined && view.formula(row, c.actual) !== null),
  };
}
