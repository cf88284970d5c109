/** What every part of a form's evaluation shares: the sheet, the rule set and the outputs. */
import type { CalcTarget } from "../calculate/plan";
import type { RuleSet } from "../rules/schema";
import type { Weights } from "../rules/weights";
import { isCellError, type CellValue, type SheetView } from "../sheet/snapshot";
import type { Value } from "./finding";
import { isOurFormula, numberIn, numberOf } from "./cells";
import type { ComputedCell } from "./evaluation";
import type { FindingSink } from "./sink";

export interface EvalContext {
  view: SheetView;
  ruleSet: RuleSet;
  /** Input findings (the evaluation's notes). */
  sink: FindingSink;
  computed: ComputedCell[];
  /**
   * Build every computed cell's explanation now (a calculation plan shows them all). A check
   * builds only those a finding quotes, later, from `ComputedCell.rescore`.
   */
  explain: boolean;
  /** The weights this form is held to (the rule set's weight profile for the form's facts). */
  weights: Weights;
  /**
   * The user chose this rule set (a --rules flag, the workbook's stored setting): weights the form
   * states otherwise are warnings. Otherwise the form's own variant is read and scored by (info).
   */
  explicitRules: boolean;
}

/** A computed cell at (row, col) with what it states now; the caller fills `expected`. */
export function computedAt(
  ctx: EvalContext,
  row: number,
  col: number,
  target: CalcTarget,
  defaultFormat: string,
): ComputedCell {
  const v = ctx.view;
  return new Computed(row, col, target, v.raw(row, col), v.formula(row, col), v.numberFormat(row, col), defaultFormat);
}

/**
 * A class, not an object literal, for a reason of speed: V8 follows where object literals are made
 * and, seeing ten thousand 得分 cells outlive a scavenge, "pretenures" that literal — allocates its
 * objects straight into the old generation. On a 10,000-row check that made each allocation slow,
 * grew the old generation by megabytes per check and made checks after each major collection up to
 * three times slower. Instances of a class are allocated young, like everything else.
 */
class Computed implements ComputedCell {
  // `expected` and `weight`, set later for most cells, are there from the start: one object shape.
  expected: number | string | undefined = undefined;
  weight: number | undefined = undefined;
  explanation = "";
  constructor(
    readonly row: number,
    readonly col: number,
    readonly target: CalcTarget,
    public stated: CellValue,
    public formula: string | null,
    public numberFormat: string | null,
    public defaultFormat: string,
  ) {}
}

/** True when the cell shows nothing a person typed (empty or a "—"). */
export function statesNothing(c: ComputedCell): boolean {
  // A plain number (most cells) needs no parsing: only a non-finite one reads as nothing.
  if (typeof c.stated === "number") return !Number.isFinite(c.stated);
  return numberOf(c.stated, c.numberFormat).kind === "empty";
}

/** A cell nobody typed anything into (whitespace counts as nothing). */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/**
 * The number this cell contributes to a sum once `calculate` has run: a typed number stays
 * (we never overwrite it); an empty cell or our own formula gets the computed value.
 */
export function effectiveNumber(c: ComputedCell): number | undefined {
  const expected = typeof c.expected === "number" ? c.expected : undefined;
  if (isOurFormula(c.formula) || isCellError(c.stated)) return expected;
  return numberIn(c.stated, c.numberFormat) ?? expected;
}

/**
 * A stated score that can never stand: above its weight, or an Excel error. A sum never adds it
 * as it is (that would propose a 总分 built on a wrong number): the rules' value counts instead,
 * and the sum says which cells it corrected.
 */
export function impossibleScore(c: ComputedCell): boolean {
  if (c.target !== "indicatorScore" && c.target !== "execScore") return false;
  if (isCellError(c.stated)) return true;
  if (c.weight === undefined || isOurFormula(c.formula)) return false;
  const n = numberIn(c.stated, c.numberFormat);
  return n !== undefined && n > c.weight + 1e-9;
}

/** Record an Excel error found in an input cell; true when there was one. */
export function errorCell(
  ctx: EvalContext,
  row: number,
  col: number | undefined,
  data: { expected?: Value; fromFormula?: boolean } = {},
): boolean {
  if (col === undefined) return false;
  const v = ctx.view.value(row, col);
  if (!isCellError(v)) return false;
  ctx.sink.add("error-cell", row, col, { value: v.error, ...data });
  return true;
}
