/**
 * planCalculation: what `calculate` fills on a sheet, decided by the same evaluation that
 * validation uses (../validate/evaluate.ts), so a check after a calculate finds nothing new.
 *
 * A computed cell is written only when it is empty or holds our own `JX.*` formula whose value
 * is stale. A typed value (or a formula that is not ours) that disagrees with the rules becomes a
 * conflict finding; it is never overwritten. A cell that cannot be computed becomes a problem.
 */
import { detectForms } from "../detect/detect";
import type { RuleSet } from "../rules/schema";
import { a1, SheetView, type CellValue, type SheetSnapshot } from "../sheet/snapshot";
import { isOurFormula } from "../validate/cells";
import { compareStated } from "../validate/compare";
import { noResultData } from "../validate/parts/formulaAudit";
import { formScoreDecimals } from "../validate/precision";
import { isBlank } from "../validate/context";
import { evaluateForm } from "../validate/evaluate";
import type { ComputedCell } from "../validate/evaluation";
import type { Step } from "../scoring/steps";
import type { Finding } from "../validate/finding";
import { FindingSink } from "../validate/sink";
import { withFormulaResults } from "../formula/recalculate";
import type { EvaluateOptions } from "../validate/validate";

/** Which computed cell a write fills. */
export type CalcTarget =
  | "execRate"
  | "execScore"
  | "indicatorScore"
  | "sumWeight"
  | "sumScore"
  | "totalWeight"
  | "totalScore"
  | "grade"
  | "taskRate";

export interface CellWrite {
  /** 0-based absolute. */
  row: number;
  col: number;
  target: CalcTarget;
  /** The computed value. */
  value: CellValue;
  /**
   * The number format the cell should show it with: the one the user set on it, or ours (0.00%)
   * when it has none. Writers set it only on a cell whose own format is General
   * (isGeneralFormat), so a user's 0.000 or percent format stays as it was.
   */
  numberFormat?: string;
  /** The engine's one-line zh-CN explanation of the value. */
  explanation: string;
  /** How the rules got the value, as steps a front renders in its language (explainWrite). */
  steps?: Step[];
  /** A1 address of the cell (same as row/col), for plans and logs. */
  cell?: string;
  /** The `JX.*` formula the cell holds now, when the write refreshes one of ours. */
  formula?: string;
}

export interface CalcPlan {
  /** Cells that are empty or hold our own formula: safe to fill. */
  writes: CellWrite[];
  /** Cells where the user typed a value that differs from the computed one (never overwritten). */
  conflicts: Finding[];
  /** Rows that could not be computed, with why (also findings). */
  problems: Finding[];
  /**
   * Every cell the engine computed, with the value the rules give and why — written or not, so
   * a person can see why any score is what it is. Same shape as a write.
   */
  explained: CellWrite[];
}

/** No format of its own: Excel's General (WPS shows it as G/通用格式), or none at all. */
export function isGeneralFormat(format: string | null | undefined): boolean {
  return !format || /^(general|G\/通用格式)$/i.test(format.trim());
}

/** What `calculate` would write on this sheet. Never writes, never throws. */
export function planCalculation(snapshot: SheetSnapshot, ruleSet: RuleSet, options: EvaluateOptions = {}): CalcPlan {
  const plan: CalcPlan = { writes: [], conflicts: [], problems: [], explained: [] };
  const sheet = snapshot.name || undefined;
  const sink = new FindingSink(sheet);
  try {
    // Formulas a library saved without results are read as the values they will show.
    snapshot = withFormulaResults(snapshot, options.functions);
    const view = new SheetView(snapshot);
    for (const form of detectForms(snapshot)) {
      const ev = evaluateForm(view, form, ruleSet, sheet);
      const seen = new Set<Finding>();
      // The form's own score precision, as the check reads it: both report the same conflicts.
      const scoreDecimals = formScoreDecimals(ev.computed);
      for (const c of ev.computed) planCell(c, sink, plan, seen, scoreDecimals);
      // A form the engine failed on is a problem too, not a silent partial plan.
      for (const f of ev.notes) if (f.code === "check-failed" && !seen.has(f)) plan.problems.push(f);
    }
  } catch (e) {
    plan.problems.push(sink.make("check-failed", null, null, { detail: e instanceof Error ? e.message : String(e) }));
  }
  return plan;
}

function planCell(c: ComputedCell, sink: FindingSink, plan: CalcPlan, seen: Set<Finding>, scoreDecimals: number): void {
  if (c.expected === undefined) {
    if (c.problem && !seen.has(c.problem)) {
      seen.add(c.problem);
      plan.problems.push(c.problem);
    }
    return;
  }
  const ours = isOurFormula(c.formula);
  const computed: CellWrite = {
    row: c.row,
    col: c.col,
    target: c.target,
    value: c.expected,
    numberFormat: isGeneralFormat(c.numberFormat) ? c.defaultFormat : (c.numberFormat ?? undefined),
    explanation: c.explanation,
    cell: a1(c.row, c.col),
  };
  if (c.steps) computed.steps = c.steps;
  plan.explained.push(computed);
  // Only a truly blank cell is free: a typed "—" means "not applicable" and stays.
  const empty = c.formula === null && isBlank(c.stated);
  if (empty || (ours && !sameValue(c))) {
    const write: CellWrite = { ...computed };
    if (ours && c.formula) write.formula = c.formula;
    plan.writes.push(write);
    return;
  }
  if (ours) return;
  const conflict = compareStated(c, sink, scoreDecimals) ?? formulaWithoutNumber(c, sink);
  if (conflict) plan.conflicts.push(conflict);
}

/**
 * A score formula (not ours) that shows words or "" where the rules give a number — a native
 * template's "定性指标请直接填写得分": offered like any other disagreement, replaced only when confirmed.
 */
function formulaWithoutNumber(c: ComputedCell, sink: FindingSink): Finding | null {
  const data = noResultData(c);
  return data ? sink.make("formula-no-result", c.row, c.col, data) : null;
}

/** Our formula already shows the computed value: nothing to refresh. */
function sameValue(c: ComputedCell): boolean {
  return (
    c.stated === c.expected ||
    (typeof c.stated === "number" && typeof c.expected === "number" && Math.abs(c.stated - c.expected) < 1e-9)
  );
}
