/**
 * 部门整体 totals a report restates: "项目支出81.94万元", "项目支出预算236万元", "项目支出执行率
 * 100%". The department's 项目支出 figures are held three ways — the 重点工作任务 table's 合计 row,
 * the sum of its task rows, and the sum of the project forms checked with it — and a claim that
 * agrees with any of them is taken as right: the task table may list only key tasks, and a false
 * error on a correct report is worse than a missed slip. Only a figure none of them gives is a finding.
 */
import type { Fact, Subject } from "./facts";

type Summed = "budget" | "spent";

/** Σ of `metric` over subjects that all hold it (a sum with a hole in it proves nothing). */
function sumOf(subjects: Subject[], metric: Summed): { value: number; cells: string[] } | null {
  if (subjects.length === 0) return null;
  const facts = subjects.map((s) => s.facts.find((f) => f.metric === metric && typeof f.value === "number"));
  if (facts.some((f) => f === undefined)) return null;
  const value = facts.reduce((n, f) => n + (f!.value as number), 0);
  return { value: Math.round(value * 1e6) / 1e6, cells: facts.map((f) => f!.cell) };
}

/** Σ budget, Σ spent and their ratio, each fact naming the cells it adds up. */
function summedFacts(subjects: Subject[]): Fact[] {
  const out: Fact[] = [];
  const budget = sumOf(subjects, "budget");
  const spent = sumOf(subjects, "spent");
  if (budget) out.push({ metric: "budget", value: budget.value, cell: sumCell(budget.cells) });
  if (spent) out.push({ metric: "spent", value: spent.value, cell: sumCell(spent.cells) });
  if (budget && spent && budget.value > 0) {
    const cell = `(${sumCell(spent.cells)}) ÷ (${sumCell(budget.cells)})`;
    out.push({ metric: "rate", value: spent.value / budget.value, cell });
  }
  return out;
}

/** "S!D14 + S!D15 + S!D16", or the first and last when there are many. */
function sumCell(cells: string[]): string {
  return cells.length <= 4 ? cells.join(" + ") : `${cells[0]} + … + ${cells[cells.length - 1]}`;
}

/**
 * The 项目支出 subject of a 部门整体 form: its 合计 row's figures (`sumRowFacts`) and the sum of its
 * task rows. Kept on the department subject, out of the name index: reports name it by "项目支出".
 */
export function projectTotalsOf(department: Subject, tasks: Subject[], sumRowFacts: Fact[]): Subject {
  const facts = [...sumRowFacts, ...summedFacts(tasks)];
  return { name: `${department.name}（项目支出）`, kind: "projects", sheet: department.sheet, facts };
}

/**
 * With exactly one 部门整体 form among the subjects, its 项目支出 subject also holds the sum of the
 * project forms checked with it. Returns new subjects; the inputs are left as they were.
 */
export function withProjectFormSums(subjects: Subject[]): Subject[] {
  const departments = subjects.filter((s) => s.kind === "department" && s.projects);
  const projects = subjects.filter((s) => s.kind === "project");
  if (departments.length !== 1 || projects.length === 0) return subjects;
  const dept = departments[0];
  const extra = summedFacts(projects);
  if (extra.length === 0) return subjects;
  const totals: Subject = { ...dept.projects!, facts: [...dept.projects!.facts, ...extra] };
  return subjects.map((s) => (s === dept ? { ...dept, projects: totals } : s));
}
