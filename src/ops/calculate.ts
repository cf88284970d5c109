/**
 * calculateSheet: fill 执行率 / 得分 / 合计 / 总分 / 等级 where the engine says a cell is free
 * (empty, or our own formula). A value the user typed is never overwritten: the engine reports
 * it as a conflict, and only an address the user confirmed in `replace` is written.
 */
import {
  a1,
  detectForms,
  isCellError,
  planCalculation,
  SheetView,
  type CalcPlan,
  type CellValue,
  type RuleSet,
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

export async function calculateSheetImpl(
  port: WorkbookPort,
  sheet: string,
  ruleSet: RuleSet,
  options: CalculateArgs = {},
): Promise<{ plan: CalcPlan; written: number }> {
  const snapshot = await port.readSheet(sheet);
  const view = new SheetView(snapshot);
  const plan = planCalculation(snapshot, ruleSet);
  options.onProgress?.(1, 3, "计算完成");
  const style = options.formulaStyle ?? "values";
  const forms = style === "values" ? [] : detectForms(snapshot);
  const setting = style === "custom" ? await port.getSetting(RULE_SET_SETTING) : undefined;
  const fx = style === "values" ? null : builderFor(style, ruleSet, setting !== ruleSet.id);

  const ops: WriteOp[] = [];
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
    const fmt = view.numberFormat(w.row, w.col);
    if (w.numberFormat && (!fmt || fmt === "General"))
      ops.push({ kind: "numberFormat", range: cell, format: w.numberFormat });
    written++;
  }
  // Typed values the user explicitly agreed to replace, and nothing else.
  const replace = new Set((options.replace ?? []).map((s) => s.replace(/\$/g, "").toUpperCase()));
  for (const c of plan.conflicts) {
    if (!c.cell || !replace.has(c.cell.toUpperCase())) continue;
    const v = expectedOf(c.data);
    if (v === undefined) continue;
    ops.push({ kind: "values", range: c.cell, values: [[v]] });
    written++;
  }
  if (ops.length) await port.apply({ sheet, ops });
  options.onProgress?.(3, 3, "已写入");
  return { plan, written };
}
