/**
 * What the forms say, as subjects a report can speak of: each project form (by 项目名称), each
 * 部门整体 form (by 部门名称) and each row of its 重点工作任务 table (by 任务名称), with the cell
 * behind every figure. A blank computed cell (执行率, 得分, 总分, 等级) takes the value the rules
 * give, so a draft form can be checked too; a typed value is taken as the table states it.
 */
import { detectForms } from "../detect/detect";
import type { DetectedForm, FundsBlock } from "../detect/form";
import type { RuleSet } from "../rules/schema";
import { a1, SheetView, type SheetSnapshot } from "../sheet/snapshot";
import { readNumber, textOf } from "../validate/cells";
import { evaluateForm } from "../validate/evaluate";
import type { ComputedCell } from "../validate/evaluation";
import type { Metric } from "./claims";
import { projectTotalsOf } from "./projectTotals";
import { scanTaskRows } from "../rollup/taskRows";

export interface Fact {
  metric: Metric;
  value: number | string;
  /** "Sheet!E7". */
  cell: string;
}

export interface Subject {
  name: string;
  /** "projects": a 部门整体 form's 项目支出 totals (see projectTotals.ts). */
  kind: "project" | "department" | "task" | "projects";
  sheet: string;
  facts: Fact[];
  /** 部门整体 forms with a 重点工作任务 table: the 项目支出 totals, which reports name by "项目支出". */
  projects?: Subject;
}

type Reader = { view: SheetView; sheet: string; computed: ComputedCell[] };

/** Every subject on one sheet. Never throws: a sheet nobody can read has no subjects. */
export function subjectsOfSheet(snapshot: SheetSnapshot, ruleSet: RuleSet): Subject[] {
  try {
    const view = new SheetView(snapshot);
    const out: Subject[] = [];
    for (const form of detectForms(snapshot)) {
      const computed = evaluateForm(view, form, ruleSet, snapshot.name, false).computed;
      out.push(...subjectsOfForm({ view, sheet: snapshot.name, computed }, form));
    }
    return out;
  } catch {
    return [];
  }
}

function subjectsOfForm(r: Reader, form: DetectedForm): Subject[] {
  const name = (form.name ?? "").trim() || r.sheet;
  const main: Subject = { name, kind: form.kind, sheet: r.sheet, facts: [] };
  if (form.funds) main.facts.push(...fundsFacts(r, form.funds));
  if (form.total) {
    const t = form.total;
    pushNumber(r, main, "totalScore", t.row, t.scoreCol);
    if (t.gradeCol !== undefined) {
      const grade = textOf(r.view, t.row, t.gradeCol) || computedAt(r, t.row, t.gradeCol);
      if (typeof grade === "string" && grade !== "")
        main.facts.push({ metric: "grade", value: grade, cell: cellOf(r, t.row, t.gradeCol) });
    }
  }
  // A 总分 stated only in the header lines (`自评总分: 95`) is the form's total too.
  const header = form.headerTotal;
  if (header && !main.facts.some((f) => f.metric === "totalScore"))
    main.facts.push({ metric: "totalScore", value: header.value, cell: cellOf(r, header.row, header.col) });
  const tasks = taskSubjects(r, form);
  if (form.kind === "department" && form.tasks) main.projects = projectTotalsOf(main, tasks, sumRowFacts(r, form));
  return [main, ...tasks];
}

/** The 重点工作任务 table's 合计 row: its 批复金额, 实际支出 and 执行率 as typed (or computed). */
function sumRowFacts(r: Reader, form: DetectedForm): Fact[] {
  const sumRow = scanTaskRows(r.view, form)?.sumRow;
  const c = form.tasks?.columns;
  if (sumRow === undefined || !c) return [];
  const holder: Subject = { name: "", kind: "projects", sheet: r.sheet, facts: [] };
  pushNumber(r, holder, "budget", sumRow, c.approvedTotal);
  pushNumber(r, holder, "spent", sumRow, c.spent);
  pushNumber(r, holder, "rate", sumRow, c.rate);
  return holder.facts;
}

/** 年度资金总额 (or, when it was left empty, 当年财政拨款, which then carries the money). */
function fundsFacts(r: Reader, funds: FundsBlock): Fact[] {
  const holder: Subject = { name: "", kind: "project", sheet: r.sheet, facts: [] };
  const rows = [funds.rows.find((x) => x.kind === "total"), funds.rows.find((x) => x.kind === "fiscal")];
  for (const row of rows) {
    if (!row) continue;
    const c = funds.columns;
    pushNumber(r, holder, "initial", row.row, c.initial);
    pushNumber(r, holder, "budget", row.row, c.budget);
    pushNumber(r, holder, "spent", row.row, c.spent);
    pushNumber(r, holder, "rate", row.row, c.rate);
    pushNumber(r, holder, "execScore", row.row, c.score);
    if (holder.facts.some((f) => f.metric === "budget" && typeof f.value === "number" && f.value > 0)) break;
    holder.facts = [];
  }
  return holder.facts;
}

function taskSubjects(r: Reader, form: DetectedForm): Subject[] {
  if (!form.tasks) return [];
  const c = form.tasks.columns;
  const out: Subject[] = [];
  for (const row of form.tasks.rows) {
    const name = textOf(r.view, row, c.name).trim();
    if (name === "") continue;
    const s: Subject = { name, kind: "task", sheet: r.sheet, facts: [] };
    pushNumber(r, s, "budget", row, c.approvedTotal);
    pushNumber(r, s, "spent", row, c.spent);
    pushNumber(r, s, "rate", row, c.rate);
    out.push(s);
  }
  return out;
}

function pushNumber(r: Reader, s: Subject, metric: Metric, row: number, col: number | undefined): void {
  if (col === undefined) return;
  const n = readNumber(r.view, row, col);
  const value = n.kind === "number" ? n.value : n.kind === "empty" ? computedAt(r, row, col) : undefined;
  if (typeof value !== "number") return;
  // A 执行率 typed as a bare 100 means 100% (seen in published forms).
  const held = metric === "rate" && value > 2 ? value / 100 : value;
  s.facts.push({ metric, value: held, cell: cellOf(r, row, col) });
}

function computedAt(r: Reader, row: number, col: number): number | string | undefined {
  return r.computed.find((c) => c.row === row && c.col === col)?.expected;
}

function cellOf(r: Reader, row: number, col: number): string {
  return `${r.sheet}!${a1(row, col)}`;
}
