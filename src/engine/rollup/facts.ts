/**
 * What a 部门整体 form's 重点工作任务 row repeats from a 项目支出 form: the project's name, its
 * 全年预算数 split into 财政拨款 (当年财政拨款 + 上年结转资金, as the forms' own notes define it)
 * and 其他资金, its 全年执行数 and 执行率, and a reason where the form gives one.
 */
import type { DetectedForm, FundsBlock, FundsColumn, FundsRowKind } from "../detect/form";
import { SheetView } from "../sheet/snapshot";
import { isNothingText, readNumber, textOf } from "../validate/cells";

export interface ProjectFacts {
  /** 项目名称 as typed (the sheet's name when the form has none). */
  name: string;
  /** Where the form is: a sheet name, or "file › sheet" when projects come from several files. */
  source: string;
  /** 年初预算数 of 年度资金总额, when stated: a 批复金额 may repeat it instead of 全年预算数. */
  initial?: number;
  /** 全年预算数 (A). */
  budget?: number;
  /** 财政拨款 part of the budget (当年财政拨款 + 上年结转资金). */
  fiscal?: number;
  /** 其他资金 part of the budget. */
  other?: number;
  /** 全年执行数 (B). */
  spent?: number;
  /** B / A, when A > 0. */
  rate?: number;
  /** A reason the form gives for its execution (an execution-related indicator's 偏差原因). */
  reason?: string;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The facts of one detected project form. */
export function projectFacts(view: SheetView, form: DetectedForm, source: string): ProjectFacts {
  const name = (form.name ?? "").trim() || nameFromTitle(form.title ?? "") || source;
  const facts: ProjectFacts = { name, source };
  if (form.funds) readFunds(view, form.funds, facts);
  if (facts.budget !== undefined && facts.spent !== undefined && facts.budget > 0)
    facts.rate = facts.spent / facts.budget;
  const reason = executionReason(view, form);
  if (reason) facts.reason = reason;
  return facts;
}

/**
 * A form without 项目名称 is often titled by its project ("就业补助资金绩效自评表",
 * "2020年度县级专项资金绩效目标自评表"): the title without year and form words.
 */
function nameFromTitle(title: string): string {
  const name = title
    .replace(/^[\s\S]*?(?:19|20)\d{2}\s*年度?/, "")
    .replace(/(?:项目支出|项目)?(?:绩效)?(?:目标)?自评表[\s\S]*$/, "")
    .replace(/[（(]\s*[）)]|^[（(：:\s]+|[)）：:\s]+$/g, "")
    .trim();
  return name.length >= 2 && !/^(?:项目支出|项目|部门)$/.test(name) ? name : "";
}

/** Every project form on a sheet, as facts. */
export function projectFactsOfSheet(view: SheetView, forms: DetectedForm[], source: string): ProjectFacts[] {
  return forms.filter((f) => f.kind === "project" && f.funds).map((f) => projectFacts(view, f, source));
}

function readFunds(view: SheetView, funds: FundsBlock, facts: ProjectFacts): void {
  const amount = (kind: FundsRowKind, col: FundsColumn): number | undefined => {
    let sum: number | undefined;
    for (const r of funds.rows.filter((x) => x.kind === kind)) {
      const n = readNumber(view, r.row, funds.columns[col]);
      if (n.kind === "number") sum = (sum ?? 0) + n.value;
    }
    return sum;
  };
  const part = (col: FundsColumn) => {
    const fiscal = sumOf(amount("fiscal", col), amount("carryover", col));
    const other = amount("other", col);
    return { fiscal, other, all: sumOf(fiscal, other) };
  };
  const budget = part("budget");
  const spent = part("spent");
  const initial = amount("total", "initial");
  // A 年度资金总额 left 0 (or empty) while its sub-rows carry the money: the sub-rows are the facts.
  const pick = (total: number | undefined, parts: number | undefined) =>
    total !== undefined && (total !== 0 || !parts) ? total : parts;
  const total = pick(amount("total", "budget"), budget.all);
  if (total !== undefined) facts.budget = round6(total);
  const done = pick(amount("total", "spent"), spent.all);
  if (done !== undefined) facts.spent = round6(done);
  if (initial !== undefined) facts.initial = round6(initial);
  // A split that does not add up to the budget (sub-rows left 0, a slip) is no fact to repeat:
  // a task row filled with it would contradict its own 批复金额总额.
  if (budget.all === undefined || total === undefined || Math.abs(budget.all - total) > 0.005) return;
  if (budget.fiscal !== undefined) facts.fiscal = round6(budget.fiscal);
  if (budget.other !== undefined) facts.other = round6(budget.other);
}

function sumOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/** An indicator about spending (预算执行 / 资金 / 支出) with a real 偏差原因: the form's own words. */
function executionReason(view: SheetView, form: DetectedForm): string | undefined {
  const t = form.indicators;
  if (!t || t.columns.reason === undefined) return undefined;
  for (const r of t.rows) {
    if (!/预算执行|执行率|资金(?:使用|支付|拨付)|支出进度/.test(`${r.level1}${r.level2}${r.level3}`)) continue;
    const text = textOf(view, r.row, t.columns.reason);
    if (!isNothingText(text) && !/^无偏差|^无$/.test(text)) return text;
  }
  return undefined;
}
