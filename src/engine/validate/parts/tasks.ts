/**
 * The 部门年度重点工作任务 table: 预算执行率 = 实际支出 / 批复金额总额 per task, the total
 * against 财政拨款 + 其他资金, and a reason when a task spent less than approved.
 */
import type { TaskTable } from "../../detect/form";
import { readNumber, textOf } from "../cells";
import { effectiveNumber, errorCell, type EvalContext } from "../context";
import { evaluateRate } from "./funds";

export function evaluateTasks(ctx: EvalContext, table: TaskTable): void {
  const c = table.columns;
  for (const row of table.rows) {
    for (const key of ["approvedTotal", "approvedFiscal", "approvedOther", "spent"] as const)
      errorCell(ctx, row, c[key]);
    const total = readNumber(ctx.view, row, c.approvedTotal);
    const spent = readNumber(ctx.view, row, c.spent);
    const rateCell = evaluateRate(ctx, { row }, total, spent, c.approvedTotal, c.spent, c.rate, "taskRate").cell;
    checkApprovedSum(ctx, table, row, total);
    const rate = rateCell ? effectiveNumber(rateCell) : undefined;
    if (rate !== undefined && rate < 1 - 1e-9 && c.reason !== undefined && textOf(ctx.view, row, c.reason) === "") {
      ctx.sink.add("task-reason-missing", row, c.reason, { rate });
    }
  }
}

function checkApprovedSum(ctx: EvalContext, table: TaskTable, row: number, total: ReturnType<typeof readNumber>): void {
  const c = table.columns;
  if (total.kind !== "number") return;
  const fiscal = readNumber(ctx.view, row, c.approvedFiscal);
  const other = readNumber(ctx.view, row, c.approvedOther);
  if (fiscal.kind !== "number" && other.kind !== "number") return;
  const sum = (fiscal.kind === "number" ? fiscal.value : 0) + (other.kind === "number" ? other.value : 0);
  if (Math.abs(sum - total.value) > 0.005) {
    ctx.sink.add("task-sum-mismatch", row, c.approvedTotal ?? null, {
      stated: total.value,
      expected: Math.round(sum * 1e6) / 1e6,
    });
  }
}
