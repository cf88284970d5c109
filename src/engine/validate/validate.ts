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
import { formScoreDecimals } from "./precision";
import { isBlank } from "./context";
import { evaluateForm } from "./evaluate";
import { gradeFor } from "../scoring/total";
import { fmtPctFixed } from "../scoring/format";
import type { FormEvaluation } from "./evaluation";
import type { Finding } from "./finding";
import { FindingSink } from "./sink";
import { withFormulaResults, type ExtraFunctions } from "../formula/recalculate";

export interface EvaluateOptions {
  /** Functions beyond plain Excel's for formulas without a cached value (the add-in's JX.*). */
  functions?: ExtraFunctions;
}

export interface CheckOptions {
  /**
   * True when the user chose the rule set (a --rules flag, the workbook's stored setting): a weight
   * the form states otherwise is a warning. False (the default rule set): the form's own variant
   * (execution weight in its header, 一级 weights in its labels) is scored by, with an info saying so.
   */
  explicitRules?: boolean;
}

export interface SheetCheck {
  forms: DetectedForm[];
  findings: Finding[];
  /** One per form, in the order of `forms`: what its 总分 and 等级 should be under the rules. */
  verdicts?: FormVerdict[];
}

/** A form's outcome under the rules: the total its scores add up to, and the grade that gives. */
export interface FormVerdict {
  kind: DetectedForm["kind"];
  /** 项目名称 / 部门名称, when found. */
  name?: string;
  /** The 总分 the rules give (undefined when the form has no 总分 cell or a score is missing). */
  totalScore?: number;
  grade?: string;
}

/** Detect every form on the sheet and check it. Never writes, never throws. */
export function validateSheet(
  snapshot: SheetSnapshot,
  ruleSet: RuleSet,
  options: CheckOptions & EvaluateOptions = {},
): SheetCheck {
  const sink = new FindingSink(typeof snapshot?.name === "string" && snapshot.name !== "" ? snapshot.name : undefined);
  let forms: DetectedForm[] = [];
  const verdicts: FormVerdict[] = [];
  try {
    // A file no spreadsheet has calculated yet is checked as it will read once calculated.
    snapshot = withFormulaResults(snapshot, options.functions);
    forms = detectForms(snapshot);
    const view = new SheetView(snapshot);
    for (const form of forms) {
      const checked = checkFormWithVerdict(view, form, ruleSet, sink, options);
      sink.findings.push(...checked.findings);
      verdicts.push(checked.verdict);
    }
    if (forms.length === 0) sink.add("no-form", null, null, {});
  } catch (e) {
    sink.add("check-failed", null, null, { detail: e instanceof Error ? e.message : String(e) });
  }
  return { forms, findings: sink.findings, verdicts };
}

/** Check one detected form on a view (for callers that detected already). */
export function checkForm(
  view: SheetView,
  form: DetectedForm,
  ruleSet: RuleSet,
  sink: FindingSink,
  options: CheckOptions = {},
): Finding[] {
  return checkFormWithVerdict(view, form, ruleSet, sink, options).findings;
}

function checkFormWithVerdict(
  view: SheetView,
  form: DetectedForm,
  ruleSet: RuleSet,
  sink: FindingSink,
  options: CheckOptions,
): { findings: Finding[]; verdict: FormVerdict } {
  // Explanations are built only for the findings that quote them (compare.ts, explanationOf).
  const ev = evaluateForm(view, form, ruleSet, view.snapshot.name || undefined, false, options.explicitRules === true);
  return { findings: findingsOfEvaluation(ev, sink), verdict: verdictOf(form, ev, ruleSet) };
}

/** The 总分 and 等级 the evaluation computed for the form's 总分 row. */
function verdictOf(form: DetectedForm, ev: FormEvaluation, ruleSet: RuleSet): FormVerdict {
  const total = ev.computed.find((c) => c.target === "totalScore");
  const grade = ev.computed.find((c) => c.target === "grade");
  const verdict: FormVerdict = { kind: form.kind };
  if (form.name) verdict.name = form.name;
  if (typeof total?.expected === "number") verdict.totalScore = total.expected;
  if (typeof grade?.expected === "string") verdict.grade = grade.expected;
  // A form with a 总分 but no 等级 cell still gets the grade its total earns.
  else if (verdict.totalScore !== undefined) verdict.grade = gradeFor(verdict.totalScore, ruleSet);
  return verdict;
}

/** The findings one evaluation gives: its notes, each stated value that disagrees, each empty computed cell. */
export function findingsOfEvaluation(ev: FormEvaluation, sink: FindingSink): Finding[] {
  const out = ev.notes.slice();
  const scoreDecimals = formScoreDecimals(ev.computed);
  for (const c of ev.computed) {
    const f = compareStated(c, sink, scoreDecimals);
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
  return rate && typeof c.expected === "number" ? fmtPctFixed(c.expected) : (c.expected ?? "");
}

function byPosition(a: Finding, b: Finding): number {
  return (
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.cell ?? "").length - (b.cell ?? "").length ||
    (a.cell ?? "").localeCompare(b.cell ?? "")
  );
}
