/**
 * validateSheet: detect every form on a sheet and check it. The findings are the evaluation's
 * notes (inputs) plus every computed cell whose stated value disagrees with the rules, plus an
 * info finding for each computed cell left empty that `calculate` could fill.
 */
import { detectForms } from "../detect/detect";
import type { DetectedForm } from "../detect/form";
import type { RuleSet } from "../rules/schema";
import { SheetView, type SheetSnapshot } from "../sheet/snapshot";
import { compareStated } from "./compare";
import { isBlank } from "./context";
import { evaluateForm } from "./evaluate";
import type { Finding } from "./finding";
import { FindingSink } from "./sink";
import { withFormulaResults, type ExtraFunctions } from "../formula/recalculate";

export interface EvaluateOptions {
  /** Functions beyond plain Excel's for formulas without a cached value (the add-in's JX.*). */
  functions?: ExtraFunctions;
}

export interface SheetCheck {
  forms: DetectedForm[];
  findings: Finding[];
}

/** Detect every form on the sheet and check it. Never writes, never throws. */
export function validateSheet(snapshot: SheetSnapshot, ruleSet: RuleSet, options: EvaluateOptions = {}): SheetCheck {
  const sink = new FindingSink(typeof snapshot?.name === "string" && snapshot.name !== "" ? snapshot.name : undefined);
  let forms: DetectedForm[] = [];
  try {
    // A file no spreadsheet has calculated yet is checked as it will read once calculated.
    snapshot = withFormulaResults(snapshot, options.functions);
    forms = detectForms(snapshot);
    const view = new SheetView(snapshot);
    for (const form of forms) sink.findings.push(...checkForm(view, form, ruleSet, sink));
    if (forms.length === 0) sink.add("no-form", null, null);
  } catch (e) {
    sink.add("check-failed", null, null, { detail: e instanceof Error ? e.message : String(e) });
  }
  return { forms, findings: sink.findings };
}

/** Check one detected form on a view (for callers that detected already). */
export function checkForm(view: SheetView, form: DetectedForm, ruleSet: RuleSet, sink: FindingSink): Finding[] {
  // Explanations are built only for the findings that quote them (compare.ts, explanationOf).
  const ev = evaluateForm(view, form, ruleSet, view.snapshot.name || undefined, false);
  const out = ev.notes.slice();
  for (const c of ev.computed) {
    const f = compareStated(c, sink);
    if (f) out.push(f);
    else if (c.expected !== undefined && isBlank(c.stated) && c.formula === null) {
      out.push(sink.make("computed-empty", c.row, c.col, { what: c.target, expected: shown(c) }));
    }
  }
  return out.sort(byPosition);
}

/** Rates read as percents in a message (0.9988 → 99.88%). */
function shown(c: { target: string; expected?: number | string }): number | string {
  const rate = c.target === "execRate" || c.target === "taskRate";
  return rate && typeof c.expected === "number" ? `${(c.expected * 100).toFixed(2)}%` : (c.expected ?? "");
}

function byPosition(a: Finding, b: Finding): number {
  return (
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.cell ?? "").length - (b.cell ?? "").length ||
    (a.cell ?? "").localeCompare(b.cell ?? "")
  );
}
