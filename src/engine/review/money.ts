/**
 * The money a reviewer reads off a form: 全年预算数 and 全年执行数 of 年度资金总额 (or, when that
 * row is left 0 / empty while its sub-rows carry the money, their sums), or the 重点工作任务
 * totals of a 部门整体 form without a funds block.
 */
import type { DetectedForm, FundsBlock, TaskTable } from "../detect/form";
import type { SheetView } from "../sheet/snapshot";
import { readNumber } from "../validate/cells";

export interface FormMoney {
  budget?: number;
  spent?: number;
}

function amount(view: SheetView, row: number, col: number | undefined): number | undefined {
  const n = readNumber(view, row, col);
  return n.kind === "number" ? n.value : undefined;
}

function sumOf(values: (number | undefined)[]): number | undefined {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length > 0 ? present.reduce((a, b) => a + b, 0) : undefined;
}

function fundsMoney(view: SheetView, funds: FundsBlock): FormMoney {
  const total = funds.rows.find((r) => r.kind === "total");
  const subs = funds.rows.filter((r) => r.kind !== "total");
  const read = (key: "budget" | "spent") => {
    const stated = total ? amount(view, total.row, funds.columns[key]) : undefined;
    if (stated !== undefined && stated !== 0) return stated;
    return sumOf(subs.map((r) => amount(view, r.row, funds.columns[key]))) ?? stated;
  };
  return { budget: read("budget"), spent: read("spent") };
}

function taskMoney(view: SheetView, tasks: TaskTable): FormMoney {
  return {
    budget: sumOf(tasks.rows.map((r) => amount(view, r, tasks.columns.approvedTotal))),
    spent: sumOf(tasks.rows.map((r) => amount(view, r, tasks.columns.spent))),
  };
}

export function readFormMoney(view: SheetView, form: DetectedForm): FormMoney {
  if (form.funds && form.funds.columns.budget !== undefined) return fundsMoney(view, form.funds);
  if (form.tasks) return taskMoney(view, form.tasks);
  return {};
}

/** 执行数 ÷ 预算数, uncapped; undefined without a positive budget. */
export function rateOf(money: FormMoney): number | undefined {
  if (money.budget === undefined || money.spent === undefined || money.budget <= 0) return undefined;
  const r = money.spent / money.budget;
  return Number.isFinite(r) ? r : undefined;
}
