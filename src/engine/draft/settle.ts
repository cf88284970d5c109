/**
 * The values a report uses: what the rules give for every computed cell, with the totals built
 * from those values (not from the slips the sheet states). `evaluateForm` sums what the sheet will
 * show, so a wrong typed 得分 would leak into 总分 and 等级; the form is evaluated again on a copy
 * holding the computed values until nothing changes (得分 → 合计 → 总分 → 等级: a few passes).
 */
import type { DetectedForm } from "../detect/form";
import type { RuleSet } from "../rules/schema";
import { SheetView, type CellValue, type SheetSnapshot } from "../sheet/snapshot";
import { evaluateForm } from "../validate/evaluate";
import type { ComputedCell, FormEvaluation } from "../validate/evaluation";

const MAX_PASSES = 5;

export function settledEvaluation(view: SheetView, form: DetectedForm, ruleSet: RuleSet): FormEvaluation {
  let snapshot = view.snapshot;
  let ev = evaluateForm(view, form, ruleSet, snapshot.name, true);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const next = withComputed(snapshot, ev.computed);
    if (!next) break;
    snapshot = next;
    ev = evaluateForm(new SheetView(snapshot), form, ruleSet, snapshot.name, true);
  }
  return ev;
}

/** A copy of the snapshot with every computed cell holding its expected value; null when none differs. */
function withComputed(s: SheetSnapshot, computed: ComputedCell[]): SheetSnapshot | null {
  let values: CellValue[][] | null = null;
  for (const c of computed) {
    if (c.expected === undefined) continue;
    const r = c.row - s.origin.row;
    const col = c.col - s.origin.col;
    const current = (values ?? s.values)[r]?.[col];
    if (current === undefined || current === c.expected) continue;
    values ??= s.values.map((row) => row.slice());
    values[r][col] = c.expected;
  }
  return values ? { ...s, values, formulas: undefined } : null;
}
