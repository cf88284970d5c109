/**
 * Fill an inserted template with a seed form's published numbers, the way a user types them
 * into the template's input cells (through the port, like any front would). For a `native`
 * template each value goes in its own cell: 指标性质, a numeric 指标值 (a range "1-2次" is typed as
 * its lower bound with ≥, which is how the range scores), 度量单位, 实际完成值. Rows the seed does not
 * use get their prefilled 分值 cleared, as the user would when deleting a spare indicator.
 *
 * Returns where each published number should appear, to compare after recalculation.
 */
import { a1, detectForms, type CellValue, type DetectedForm } from "../../src/engine";
import type { WorkbookPort, WriteOp } from "../../src/host/port";
import type { SeedCell, SeedDepartment, SeedProject } from "../fixtures/seed001";

export interface Expectation {
  cell: string;
  value: number | string;
  what: string;
}

const plain = (v: SeedCell): CellValue => (v !== null && typeof v === "object" && "pct" in v ? v.pct : v);

/** A typed target: numbers stay numbers; "1-2次" becomes its lower bound. */
function numericTarget(v: SeedCell): CellValue {
  const p = plain(v);
  if (typeof p !== "string") return p;
  const m = /^(\d+(?:\.\d+)?)\s*[-~至]\s*\d+/.exec(p);
  return m ? Number(m[1]) : p;
}

function put(ops: WriteOp[], row: number, col: number | undefined, value: CellValue): void {
  if (col === undefined) throw new Error("template column missing");
  ops.push({ kind: "values", range: a1(row, col), values: [[value]] });
}

async function formOf(port: WorkbookPort, sheet: string): Promise<DetectedForm> {
  const forms = detectForms(await port.readSheet(sheet));
  if (forms.length !== 1) throw new Error(`expected one form on ${sheet}, found ${forms.length}`);
  return forms[0];
}

/** Fill indicator rows: each seed indicator takes a template row of its 一级, matching 二级 first. */
function fillIndicators(
  ops: WriteOp[],
  form: DetectedForm,
  seed: SeedProject["indicators"],
  expect: Expectation[],
  withScores: boolean,
  skipRows: number[] = [],
): void {
  const t = form.indicators!;
  const c = t.columns;
  const free = t.rows.filter((r) => !skipRows.includes(r.row));
  const used = new Set<number>();
  for (const ind of seed) {
    const sameL1 = free.filter((r) => r.level1 === ind.level1 && !used.has(r.row));
    // A form under another rule set (部门管理/履职效果…) has no such 一级: any free row keeps its own.
    const row = sameL1.find((r) => ind.level2.startsWith(r.level2)) ?? sameL1[0] ?? free.find((r) => !used.has(r.row));
    if (!row) throw new Error(`no template row for ${ind.level1}/${ind.level2}`);
    used.add(row.row);
    put(ops, row.row, c.level2, ind.level2);
    put(ops, row.row, c.level3, ind.level3);
    put(ops, row.row, c.nature, ind.nature || "≥");
    put(ops, row.row, c.target, numericTarget(ind.target));
    put(ops, row.row, c.unit, ind.unit);
    put(ops, row.row, c.actual, plain(ind.actual));
    put(ops, row.row, c.weight, ind.weight ?? null);
    put(ops, row.row, c.reason, ind.reason);
    if (withScores && ind.score !== undefined) {
      expect.push({ cell: a1(row.row, c.score!), value: ind.score, what: `${ind.level2} 得分` });
    }
  }
  for (const r of free) if (!used.has(r.row)) put(ops, r.row, c.weight, null);
}

export async function fillProject(port: WorkbookPort, sheet: string, seed: SeedProject): Promise<Expectation[]> {
  const form = await formOf(port, sheet);
  const ops: WriteOp[] = [];
  const expect: Expectation[] = [];
  const f = form.funds!;
  const nameRow = form.range.r1 + 1;
  put(ops, nameRow, 2, seed.name);
  put(ops, nameRow + 1, 2, seed.department);
  put(ops, nameRow + 1, 6, seed.implementer);
  f.rows.forEach((r, i) => {
    const s = seed.funds[i];
    const amount = (v: SeedCell) => (typeof plain(v) === "number" ? plain(v) : null);
    put(ops, r.row, f.columns.initial, amount(s.initial));
    put(ops, r.row, f.columns.budget, amount(s.budget));
    put(ops, r.row, f.columns.spent, amount(s.spent));
  });
  const total = f.rows[0].row;
  expect.push({ cell: a1(total, f.columns.rate!), value: seed.execution.rate, what: "执行率" });
  expect.push({ cell: a1(total, f.columns.score!), value: seed.execution.score, what: "执行率得分" });
  fillIndicators(ops, form, seed.indicators, expect, true);
  const t = form.total!;
  expect.push({ cell: a1(t.row, t.weightCol!), value: seed.total.weight, what: "总分分值" });
  expect.push({ cell: a1(t.row, t.scoreCol!), value: seed.total.score, what: "总分" });
  expect.push({ cell: a1(t.row, t.gradeCol!), value: seed.total.grade, what: "等级" });
  await port.apply({ sheet, ops });
  return expect;
}

/** Department: the tasks (with their published 预算执行率) and the indicators (published without scores). */
export async function fillDepartment(port: WorkbookPort, sheet: string, seed: SeedDepartment): Promise<Expectation[]> {
  const form = await formOf(port, sheet);
  const ops: WriteOp[] = [];
  const expect: Expectation[] = [];
  put(ops, form.range.r1 + 1, 2, seed.name);
  const tc = form.tasks!.columns;
  const firstTaskRow = Math.max(...form.tasks!.headerRows) + 1;
  seed.tasks.forEach((task, i) => {
    const r = firstTaskRow + i;
    put(ops, r, tc.name, task.name);
    put(ops, r, tc.level, task.level);
    put(ops, r, tc.content, task.content);
    put(ops, r, tc.approvedTotal, task.approvedTotal);
    put(ops, r, tc.approvedFiscal, task.approvedFiscal);
    put(ops, r, tc.approvedOther, task.approvedOther);
    put(ops, r, tc.spent, task.spent);
    expect.push({ cell: a1(r, tc.rate!), value: task.rate, what: `${task.name} 预算执行率` });
  });
  const execRow = form.indicators!.rows.find((r) => /预算执行/.test(r.level1))?.row;
  fillIndicators(ops, form, seed.indicators, expect, false, execRow === undefined ? [] : [execRow]);
  await port.apply({ sheet, ops });
  return expect;
}
