/**
 * Confirmed replacements, in the order values depend on each other: 执行率, then scores, then
 * 合计, then 总分, then 等级. Each stage is planned on the sheet as the earlier stages left it, so a
 * confirmed 总分 gets the sum of the scores confirmed with it — never a total built from a score
 * that is being corrected in the same run.
 */
import {
  parseA1,
  planCalculation,
  type CalcTarget,
  type CellValue,
  type ExtraFunctions,
  type RuleSet,
  type SheetSnapshot,
} from "../engine";

export interface Replacement {
  row: number;
  col: number;
  value: CellValue;
  cell: string;
  target: string;
  explanation: string;
}

const STAGES: CalcTarget[][] = [
  ["execRate", "taskRate"],
  ["execScore", "indicatorScore"],
  ["sumWeight", "sumScore"],
  ["totalWeight", "totalScore"],
  ["grade"],
];

export function resolveReplacements(
  read: SheetSnapshot,
  ruleSet: RuleSet,
  wanted: string[],
  options: { functions?: ExtraFunctions } = {},
): Replacement[] {
  const replace = new Set(wanted.map((s) => s.replace(/\$/g, "").toUpperCase()));
  if (replace.size === 0) return [];
  const done: Replacement[] = [];
  let snapshot = read;
  for (const stage of STAGES) {
    const plan = planCalculation(snapshot, ruleSet, options);
    const targetOf = new Map(plan.explained.map((w) => [w.cell ?? "", w]));
    let added = false;
    for (const c of plan.conflicts) {
      if (!c.cell || !replace.has(c.cell.toUpperCase())) continue;
      const computed = targetOf.get(c.cell);
      if (!computed || !stage.includes(computed.target)) continue;
      // The value the rules give is the computed cell's: no key of the finding's data to guess.
      const v = computed.value;
      const at = parseA1(c.cell);
      if (v === undefined || !at) continue;
      done.push({ ...at, value: v, cell: c.cell, target: computed.target, explanation: computed.explanation });
      added = true;
    }
    if (added) snapshot = withValues(read, done);
  }
  return done;
}

/** The snapshot as it reads once `cells` hold these values (nothing else changes). */
export function withValues(
  snapshot: SheetSnapshot,
  cells: { row: number; col: number; value: CellValue }[],
): SheetSnapshot {
  const values = snapshot.values.slice();
  const formulas = snapshot.formulas?.slice();
  for (const { row, col, value } of cells) {
    const r = row - snapshot.origin.row;
    const c = col - snapshot.origin.col;
    if (!values[r] || c < 0 || c >= values[r].length) continue;
    if (values[r] === snapshot.values[r]) values[r] = values[r].slice();
    values[r][c] = value;
    // A replaced value is typed: the formula it replaced no longer speaks for the cell.
    if (formulas?.[r]?.[c]) {
      if (formulas[r] === snapshot.formulas![r]) formulas[r] = formulas[r].slice();
      formulas[r][c] = null;
    }
  }
  return { ...snapshot, values, ...(formulas ? { formulas } : {}) };
}
