/**
 * Which 重点工作任务 row repeats which project: by name (normalised; the same name first, then one
 * name inside the other), and last by amounts — a task whose 批复金额 and 实际支出 both equal one
 * project's, and no other's (seed 001 lists "三届三次人代会工作费" as "曲靖市沾益区人代会会议经费").
 * A pair is made only when it is the only candidate on both sides: a wrong pair would report a
 * false mismatch, which is worse than no pair.
 */
import type { ProjectFacts } from "./facts";

export type MatchHow = "exact" | "contains" | "amounts";

export interface TaskKey {
  row: number;
  name: string;
  /** 批复金额总额 and 实际支出 as typed, for matching by amounts. */
  approved?: number;
  spent?: number;
}

export interface Pair {
  task: TaskKey;
  project: ProjectFacts;
  how: MatchHow;
}

/** NFKC, no spaces or punctuation, no leading year ("2023年", "2023年度"). */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .replace(/^(?:19|20)\d{2}年度?/, "");
}

const close = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Math.abs(a - b) <= 0.005;

export function matchTasks(tasks: TaskKey[], projects: ProjectFacts[]): { pairs: Pair[]; unmatched: ProjectFacts[] } {
  const pairs: Pair[] = [];
  const freeTasks = new Set(tasks);
  const freeProjects = new Set(projects);
  const norm = new Map<object, string>();
  for (const t of tasks) norm.set(t, normaliseName(t.name));
  for (const p of projects) norm.set(p, normaliseName(p.name));
  const n = (x: object) => norm.get(x)!;
  const rounds: [MatchHow, (t: TaskKey, p: ProjectFacts) => boolean][] = [
    ["exact", (t, p) => n(t) !== "" && n(t) === n(p)],
    ["contains", (t, p) => n(t).length >= 2 && n(p).length >= 2 && (n(t).includes(n(p)) || n(p).includes(n(t)))],
    ["amounts", (t, p) => close(t.spent, p.spent) && (close(t.approved, p.budget) || close(t.approved, p.initial))],
  ];
  for (const [how, fits] of rounds) {
    // Exact names pair in order even when repeated; the looser tests need a single candidate.
    for (const p of [...freeProjects]) {
      const cands = [...freeTasks].filter((t) => fits(t, p));
      if (cands.length === 0) continue;
      if (how !== "exact" && cands.length > 1) continue;
      const t = cands[0];
      if (how !== "exact" && [...freeProjects].some((q) => q !== p && fits(t, q))) continue;
      pairs.push({ task: t, project: p, how });
      freeTasks.delete(t);
      freeProjects.delete(p);
    }
  }
  return { pairs, unmatched: projects.filter((p) => freeProjects.has(p)) };
}
