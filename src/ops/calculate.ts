/**
 * calculateSheet: fill 执行率 / 得分 / 合计 / 总分 / 等级 where the engine says a cell is free
 * (empty, or our own formula). A value the user typed is never overwritten: the engine reports
 * it as a conflict, and only an address the user confirmed in `replace` is written.
 */
import {
  a1,
  parseA1,
  detectForms,
  isCellError,
  isGeneralFormat,
  planCalculation,
  SheetView,
  type CalcPlan,
  type CellValue,
  type RuleSet,
  type SheetSnapshot,
} from "../engine";
import type { WorkbookPort, WriteOp } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { builderFor, formulaFor } from "./calcFormulas";

export interface CalculateArgs {
  replace?: string[];
  formulaStyle?: "native" | "custom" | "values";
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The computed value a conflict finding carries (the engine names it `expected` or `computed`). */
function expectedOf(data: Record<string, unknown>): CellValue | undefined {
  for (const key of ["expected", "computed", "value"]) {
    const v = data[key];
    if (typeof v === "number" || typeof v === "string") return v;
  }
  return undefined;
}

/** The snapshot as it reads once `cells` hold these values (nothing else changes). */
function withValues(snapshot: SheetSnapshot, cells: { row: number; col: number; value: CellValue }[]): SheetSnapshot {
  const values = snapshot.values.slice();
  for (const { row, col, value } of cells) {
    const r = row - snapshot.origin.row;
    const c = col - snapshot.origin.col;
    if (!values[r] || c < 0 || c >= values[r].length) continue;
    if (values[r] === snapshot.values[r]) values[r] = values[r].slice();
    values[r][c] = value;
  }
  return { ...snapshot, values };
}

export async function calculateSheetImpl(
  port: WorkbookPort,
  wanted: string | null,
  ruleSet: RuleSet,
  options: CalculateArgs = {},
): Promise<{ sheet: string; plan: CalcPlan; written: number; replaced: string[] }> {
  const read = await port.readSheet(wanted);
  const sheet = read.name;
  // Typed values the user explicitly agreed to replace, and nothing else. They are replaced
  // before planning, so a 合计 or 总分 filled in the same run already adds up the new values.
  const replace = new Set((options.replace ?? []).map((s) => s.replace(/\$/g, "").toUpperCase()));
  const replacements: { row: number; col: number; value: CellValue; cell: string }[] = [];
  if (replace.size > 0) {
    for (const c of planCalculation(read, ruleSet).conflicts) {
      if (!c.cell || !replace.has(c.cell.toUpperCase())) continue;
      const v = expectedOf(c.data);
      const at = parseA1(c.cell);
      if (v !== undefined && at) replacements.push({ ...at, value: v, cell: c.cell });
    }
  }
  const snapshot = replacements.length > 0 ? withValues(read, replacements) : read;
  const view = new SheetView(read);
  const plan = planCalculation(snapshot, ruleSet);
  options.onProgress?.(1, 3, "计算完成");
  const style = options.formulaStyle ?? "values";
  const forms = style === "values" ? [] : detectForms(read);
  const setting = style === "custom" ? await port.getSetting(RULE_SET_SETTING) : undefined;
  const fx = style === "values" ? null : builderFor(style, ruleSet, setting !== ruleSet.id);

  const ops: WriteOp[] = [];
  const changed: { row: number; col: number; value: CellValue }[] = [...replacements];
  let written = 0;
  const isEmpty = (row: number, col: number) => {
    const v = view.raw(row, col);
    return (v === null || v === "") && view.formula(row, col) === null;
  };
  for (const w of plan.writes) {
    // A cell holding a formula already computes itself; a value written over it would freeze it.
    if (!isEmpty(w.row, w.col)) continue;
    const cell = a1(w.row, w.col);
    const f = fx ? formulaFor(w.target, w.row, w.col, forms, fx, view) : null;
    if (f) ops.push({ kind: "formulas", range: cell, formulas: [[f]] });
    else ops.push({ kind: "values", range: cell, values: [[isCellError(w.value) ? null : w.value]] });
    // The user's own format on the empty cell stays (0.000, a percent); ours only replaces General.
    if (isGeneralFormat(view.numberFormat(w.row, w.col)) && !isGeneralFormat(w.numberFormat))
      ops.push({ kind: "numberFormat", range: cell, format: w.numberFormat! });
    changed.push({ row: w.row, col: w.col, value: w.value });
    written++;
  }
  for (const r of replacements) {
    ops.push({ kind: "values", range: r.cell, values: [[r.value]] });
    written++;
  }
  if (ops.length) await port.apply({ sheet, ops });
  options.onProgress?.(3, 3, "已写入");
  const replaced = replacements.map((r) => r.cell);
  if (changed.length === 0) return { sheet, plan, written, replaced };
  // What is left to decide once these cells hold their values: a replaced cell is no longer a
  // conflict, and a 总分 typed earlier may now be one (its parts changed). Writes stay as done.
  const after = planCalculation(withValues(read, changed), ruleSet);
  return {
    sheet,
    plan: { ...plan, conflicts: after.conflicts, problems: after.problems, explained: after.explained },
    written,
    replaced,
  };
}
