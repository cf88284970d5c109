/** The form's total and its grade. */
import type { RuleSet } from "../rules/schema";
import { excelRound } from "../round";
import { fmtNum } from "./format";

export type Grade = "优" | "良" | "中" | "差";

/** The grade for a total: 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差 (lower bounds included). */
export function gradeFor(total: number, ruleSet: RuleSet): Grade {
  const g = ruleSet.grades;
  // Compare the total as the form shows it (2 decimals), so 89.999999 from float sums is not 良 when it shows 90.
  const t = Number.isFinite(total) ? excelRound(total, 2) : Number.NaN;
  if (t >= g.excellent) return "优";
  if (t >= g.good) return "良";
  if (t >= g.pass) return "中";
  return "差";
}

/** One line of zh-CN: `总分 92.5 ≥ 90：优`. */
export function explainGrade(total: number, ruleSet: RuleSet): string {
  const grade = gradeFor(total, ruleSet);
  const g = ruleSet.grades;
  const t = fmtNum(total, 2);
  if (grade === "优") return `总分 ${t} ≥ ${g.excellent}：优`;
  if (grade === "良") return `总分 ${t} 在 ${g.good}–${g.excellent} 之间（含 ${g.good}）：良`;
  if (grade === "中") return `总分 ${t} 在 ${g.pass}–${g.good} 之间（含 ${g.pass}）：中`;
  return `总分 ${t} < ${g.pass}：差`;
}

/** Sum scores the way a form does: Excel-rounded to 2 decimals. Non-finite entries are skipped. */
export function sumScores(scores: number[]): number {
  let sum = 0;
  for (const s of scores) if (Number.isFinite(s)) sum += s;
  return excelRound(sum, 2);
}
