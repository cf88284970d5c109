/**
 * reviewSheet: what a 财政局 reviewer needs of every form on a sheet — who it belongs to, the
 * money, the stated and computed 总分 and 等级, the findings (with the platform's review
 * colours added as warnings) and a suggestion: return the form, look at it, or pass it.
 * One evaluation per form, the same one `check` reports.
 */
import { detectForms } from "../detect/detect";
import type { DetectedForm, FormKind } from "../detect/form";
import type { RuleSet } from "../rules/schema";
import { SheetView, type CellValue, type SheetSnapshot } from "../sheet/snapshot";
import { effectiveNumber } from "../validate/context";
import { evaluateForm } from "../validate/evaluate";
import type { ComputedCell } from "../validate/evaluation";
import type { Finding } from "../validate/finding";
import { FindingSink } from "../validate/sink";
import { findingsOfEvaluation, type CheckOptions, type EvaluateOptions } from "../validate/validate";
import { withFormulaResults } from "../formula/recalculate";
import { adviceFor, type Advice } from "./advice";
import { platformFlag, type ReviewFlag } from "./flag";
import { readFormHeader, type FormHeader } from "./header";
import { rateOf, readFormMoney } from "./money";

export interface FormReview extends FormHeader {
  sheet: string;
  kind: FormKind;
  title?: string;
  /** 1-based rows the form spans. */
  firstRow: number;
  lastRow: number;
  budget?: number;
  spent?: number;
  rate?: number;
  statedTotal?: CellValue;
  computedTotal?: number;
  statedGrade?: CellValue;
  computedGrade?: string;
  /** Errors and warnings `check` reports for this form. */
  errors: number;
  warnings: number;
  /** The platform's colour: counted here, not in `warnings` (its finding is in `findings` too). */
  flag: ReviewFlag | null;
  advice: Advice;
  findings: Finding[];
}

export interface SheetReview {
  sheet: string;
  forms: FormReview[];
}

function cellOf(ev: ComputedCell[], target: ComputedCell["target"]): ComputedCell | undefined {
  return ev.find((c) => c.target === target);
}

function indicatorPoints(cells: ComputedCell[], ruleSet: RuleSet): number {
  const weights = cells.map((c) => c.weight);
  if (weights.length > 0 && weights.every((w) => typeof w === "number")) {
    return (weights as number[]).reduce((a, b) => a + b, 0);
  }
  return ruleSet.total - ruleSet.executionWeight;
}

function findingsOf(view: SheetView, form: DetectedForm, ruleSet: RuleSet, sheet: string, options: CheckOptions) {
  const ev = evaluateForm(view, form, ruleSet, sheet, false, options.explicitRules === true);
  const sink = new FindingSink(sheet);
  return { ev, findings: findingsOfEvaluation(ev, sink), sink };
}

/** `options` as for `validateSheet`, so a review finds exactly what a check finds (plus the colours). */
export function reviewForm(
  view: SheetView,
  form: DetectedForm,
  ruleSet: RuleSet,
  sheet: string,
  options: CheckOptions = {},
): FormReview {
  const { ev, findings, sink } = findingsOf(view, form, ruleSet, sheet, options);
  // What check finds, counted before the colour's finding joins: the summary's numbers are check's.
  const counts = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const errors = counts("error");
  const warnings = counts("warning");
  const money = readFormMoney(view, form);
  const scores = ev.computed.filter((c) => c.target === "indicatorScore");
  const shown = scores.map(effectiveNumber);
  const indicatorScore =
    shown.every((n) => n !== undefined) && shown.length > 0
      ? (shown as number[]).reduce((a, b) => a + b, 0)
      : undefined;
  const flag = platformFlag({ indicatorScore, indicatorPoints: indicatorPoints(scores, ruleSet), money });
  if (flag.code) {
    findings.push(
      sink.make(flag.code, form.range.r1, form.range.c1, {
        scoreRate: flag.scoreRate ?? null,
        execRate: flag.execRate ?? null,
      }),
    );
  }
  const total = cellOf(ev.computed, "totalScore");
  const grade = cellOf(ev.computed, "grade");
  return {
    ...readFormHeader(view, form),
    sheet,
    kind: form.kind,
    title: form.title,
    firstRow: form.range.r1 + 1,
    lastRow: form.range.r2 + 1,
    budget: money.budget,
    spent: money.spent,
    rate: rateOf(money),
    statedTotal: total?.stated ?? undefined,
    computedTotal: typeof total?.expected === "number" ? total.expected : undefined,
    statedGrade: grade?.stated ?? undefined,
    computedGrade: typeof grade?.expected === "string" ? grade.expected : undefined,
    errors,
    warnings,
    flag: flag.flag,
    advice: adviceFor(findings, flag.flag),
    findings,
  };
}

/** Every form on the sheet, reviewed. Never throws: a failure is a check-failed finding. */
export function reviewSheet(
  snapshot: SheetSnapshot,
  ruleSet: RuleSet,
  options: CheckOptions & EvaluateOptions = {},
): SheetReview {
  const sheet = snapshot.name;
  let forms: DetectedForm[];
  try {
    // As check does: a file no spreadsheet has calculated yet is read as it will show once calculated.
    snapshot = withFormulaResults(snapshot, options.functions);
    forms = detectForms(snapshot);
  } catch {
    return { sheet, forms: [] };
  }
  const view = new SheetView(snapshot);
  return { sheet, forms: forms.map((form) => reviewForm(view, form, ruleSet, sheet, options)) };
}
