/**
 * calculateSheet: fill 执行率 / 得分 / 合计 / 总分 / 等级 where the engine says a cell is free
 * (empty, or our own formula). A value the user typed is never overwritten: the engine reports
 * it as a conflict, and only an address the user confirmed in `replace` is written.
 */
import {
  a1,
  detectForms,
  isCellError,
  isGeneralFormat,
  planCalculation,
  SheetView,
  validateSheet,
  type CalcPlan,
  type CellValue,
  type Finding,
  type RuleSet,
  type SheetSnapshot,
} from "../engine";
import type { Step } from "../engine/scoring/steps";
import type { WorkbookPort, WriteOp } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { builderFor, formulaFor } from "./calcFormulas";
import { jxFunctions } from "./formulaFunctions";
import { resolveReplacements, withValues, type Replacement } from "./replacements";
import { progressStep, type OnProgress } from "./progress";

export interface CalculateArgs {
  replace?: string[];
  formulaStyle?: "native" | "custom" | "values";
  onProgress?: OnProgress;
}

/** One cell calculate filled: where, what, and why (the engine's explanation). */
export interface FilledCell {
  cell: string;
  target: string;
  value: CellValue;
  /** The formula written instead of the value, when a formula style was asked for. */
  formula?: string;
  explanation: string;
  /** How the rules got the value, as steps a front renders in its language (explainWrite). */
  steps?: Step[];
  /** "filled": the cell was empty; "replaced": the user confirmed replacing what it held. */
  how: "filled" | "replaced";
}

export interface CalculateReport {
  sheet: string;
  plan: CalcPlan;
  written: number;
  replaced: string[];
  /** Every cell written, with why. */
  filled: FilledCell[];
  /** What a check of the sheet finds once these cells hold their values (errors, warnings, infos). */
  remaining: Finding[];
}

export async function calculateSheetImpl(
  port: WorkbookPort,
  wanted: string | null,
  ruleSet: RuleSet,
  options: CalculateArgs = {},
): Promise<CalculateReport> {
  const read = await port.readSheet(wanted);
  const sheet = read.name;
  // Formulas saved without results are read as Excel (with the add-in) would show them.
  const workbookRule = await port.getSetting(RULE_SET_SETTING);
  const fns = { functions: jxFunctions(workbookRule) };
  // Confirmed replacements are applied in dependency order (rates, scores, sums, 总分, 等级), each
  // stage re-evaluated, so a 总分 the user agreed to replace adds up the scores replaced with it.
  const replacements = resolveReplacements(read, ruleSet, options.replace ?? [], fns);
  const snapshot = replacements.length > 0 ? withValues(read, replacements) : read;
  const plan = planCalculation(snapshot, ruleSet, fns);
  options.onProgress?.(1, 3, progressStep("calculate-planned", { sheet }));
  const style = options.formulaStyle ?? "values";
  const { ops, filled, changed } = writesFor(read, plan, ruleSet, style, workbookRule);
  for (const r of replacements) {
    ops.push({ kind: "values", range: r.cell, values: [[r.value]] });
    filled.push({ cell: r.cell, target: r.target, value: r.value, explanation: r.explanation, how: "replaced" });
  }
  if (ops.length) await port.apply({ sheet, ops });
  options.onProgress?.(3, 3, progressStep("calculate-written", { sheet }));
  const replaced = replacements.map((r) => r.cell);
  const after = withValues(read, [...replacements, ...changed]);
  // What is left to decide once these cells hold their values: a replaced cell is no longer a
  // conflict, and a 总分 typed earlier may now be one (its parts changed). Writes stay as done.
  const next = changed.length + replacements.length === 0 ? plan : planCalculation(after, ruleSet, fns);
  const remaining = validateSheet(after, ruleSet, fns).findings.map((f) => ({ ...f, sheet: f.sheet ?? sheet }));
  return {
    sheet,
    plan: { ...plan, conflicts: next.conflicts, problems: next.problems, explained: next.explained },
    written: filled.length,
    replaced,
    filled,
    remaining,
  };
}

/** The write ops for the plan's free cells (values, or formulas in the asked style). */
function writesFor(
  read: SheetSnapshot,
  plan: CalcPlan,
  ruleSet: RuleSet,
  style: "native" | "custom" | "values",
  setting: string | undefined,
): { ops: WriteOp[]; filled: FilledCell[]; changed: Replacement[] } {
  const view = new SheetView(read);
  const forms = style === "values" ? [] : detectForms(read);
  const fx = style === "values" ? null : builderFor(style, ruleSet, setting !== ruleSet.id);
  const ops: WriteOp[] = [];
  const filled: FilledCell[] = [];
  const changed: Replacement[] = [];
  for (const w of plan.writes) {
    // A cell holding a formula already computes itself; a value written over it would freeze it.
    const v = view.raw(w.row, w.col);
    if (!((v === null || v === "") && view.formula(w.row, w.col) === null)) continue;
    const cell = a1(w.row, w.col);
    const f = fx ? formulaFor(w.target, w.row, w.col, forms, fx, view) : null;
    const value = isCellError(w.value) ? null : w.value;
    if (f) ops.push({ kind: "formulas", range: cell, formulas: [[f]] });
    else ops.push({ kind: "values", range: cell, values: [[value]] });
    // The user's own format on the empty cell stays (0.000, a percent); ours only replaces General.
    if (isGeneralFormat(view.numberFormat(w.row, w.col)) && !isGeneralFormat(w.numberFormat))
      ops.push({ kind: "numberFormat", range: cell, format: w.numberFormat! });
    changed.push({ row: w.row, col: w.col, value: w.value, cell, target: w.target, explanation: w.explanation });
    filled.push({
      cell,
      target: w.target,
      value,
      ...(f ? { formula: f } : {}),
      explanation: w.explanation,
      ...(w.steps ? { steps: w.steps } : {}),
      how: "filled",
    });
  }
  return { ops, filled, changed };
}
