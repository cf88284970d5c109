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
import type { IndicatorInput } from "../../scoring/indicator";

/** The row's cells as the value parser read them, once (the scorer takes them as they are). */
export interface RowRead {
  target: ParsedValue;
  /** The target and actual cells' number formats (null: General or no column). */
  targetFormat: string | null;
  actual: ParsedValue;
  actualFormat: string | null;
  nature: ParsedNature;
  direction: ParsedNature;
}

/**
 * One row's inputs. It is itself the scorer's input (the cells as they are: 指标性质, 指标值 …, and
 * `read`, the same cells parsed): a 10,000-row check builds one object per row, not two.
 */
export interface RowInput extends IndicatorInput {
  r: IndicatorRow;
  row: number;
  /** The table's columns. */
  c: IndicatorTable["columns"];
  /** The name findings quote: 三级, else 二级, else 一级. */
  label: string;
  nature: CellValue;
  direction: CellValue;
  target: CellValue;
  actual: CellValue;
  /** 度量单位 as the cell holds it; undefined when the table has no such column. */
  unit: CellValue | undefined;
  targetFormat: string | null;
  actualFormat: string | null;
  read: RowRead;
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
  const nature = cellAt(view, row, c.nature);
  const direction = cellAt(view, row, c.direction);
  const unit = c.unit === undefined ? undefined : view.value(row, c.unit);
  return {
    // The scorer's input, in IndicatorInput's order; weight and statedScore are set when it is scored.
    nature,
    direction,
    target: targetRaw,
    actual: actualRaw,
    weight: undefined,
    unit,
    targetFormat,
    actualFormat,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    statedScore: undefined,
    read: {
      target,
      targetFormat,
      actual,
      actualFormat,
      nature: parseNature(nature),
      direction: parseNature(direction),
    },
    r,
    row,
    c,
    label: r.level3 || r.level2 || r.level1,
    unitText: unitTextOf(unit),
    weightCell,
    scoreCell,
    pending:
      (target.kind === "empty" && c.target !== undefined && view.formula(row, c.target) !== null) ||
      (actual.kind === "empty" && c.actual !== undefined && view.formula(row, c.actual) !== null),
  };
}
