/**
 * A typed 重点工作任务 row against the project form it repeats. 批复金额总额 may repeat either the
 * 全年预算数 or the 年初预算数 (both are "approved" amounts in use); 实际支出 has one meaning.
 * The 财政拨款 / 其他资金 split is read differently across provinces (上年结转 in or out), so a
 * split that differs is a warning, and it is compared only when the total is the 全年预算数.
 */
import type { TaskColumn } from "../detect/form";
import type { SheetView } from "../sheet/snapshot";
import { readNumber } from "../validate/cells";
import type { FindingSink } from "../validate/sink";
import type { Pair } from "./match";

const close = (a: number, b: number) => Math.abs(a - b) <= 0.005;

/** Words for the columns (i18n `{column|word}`). */
export const COLUMN_WORD: Partial<Record<TaskColumn, string>> = {
  approvedTotal: "taskApproved",
  approvedFiscal: "taskFiscal",
  approvedOther: "taskOther",
  spent: "taskSpent",
};

/** Records a finding per stated cell (typed, or a formula's result) that disagrees; returns how many. */
export function compareTaskRow(
  view: SheetView,
  columns: Partial<Record<TaskColumn, number>>,
  pair: Pair,
  sink: FindingSink,
): number {
  const p = pair.project;
  const row = pair.task.row;
  let found = 0;
  const stated = (col: TaskColumn) => {
    const n = readNumber(view, row, columns[col]);
    return n.kind === "number" ? n.value : undefined;
  };
  const report = (
    code: "task-project-mismatch" | "task-project-split-mismatch",
    col: TaskColumn,
    value: number,
    expected: number,
  ) => {
    found++;
    sink.add(code, row, columns[col]!, {
      task: pair.task.name || p.name,
      project: p.name,
      source: p.source,
      column: COLUMN_WORD[col] ?? col,
      stated: value,
      expected,
      // A formula's result is not something typed: the message says so.
      ...(view.formula(row, columns[col]!) !== null ? { fromFormula: true } : {}),
    });
  };
  const total = stated("approvedTotal");
  const fullYear = total !== undefined && p.budget !== undefined && close(total, p.budget);
  if (
    total !== undefined &&
    p.budget !== undefined &&
    !fullYear &&
    !(p.initial !== undefined && close(total, p.initial))
  )
    report("task-project-mismatch", "approvedTotal", total, p.budget);
  const spent = stated("spent");
  if (spent !== undefined && p.spent !== undefined && !close(spent, p.spent))
    report("task-project-mismatch", "spent", spent, p.spent);
  if (!fullYear) return found;
  for (const [col, expected] of [
    ["approvedFiscal", p.fiscal],
    ["approvedOther", p.other],
  ] as const) {
    const value = stated(col);
    if (value !== undefined && expected !== undefined && !close(value, expected))
      report("task-project-split-mismatch", col, value, expected);
  }
  return found;
}
