/** Evaluate one detected form: its blocks in order, then what adds up across them. */
import type { DetectedForm } from "../detect/form";
import type { RuleSet } from "../rules/schema";
import type { SheetView } from "../sheet/snapshot";
import type { EvalContext } from "./context";
import type { FormEvaluation } from "./evaluation";
import { evaluateFunds, type FundsResult } from "./parts/funds";
import { evaluateIndicators, type IndicatorResult } from "./parts/indicators";
import { evaluateTasks } from "./parts/tasks";
import { evaluateTotals } from "./parts/totals";
import { auditFormulas } from "./parts/formulaAudit";
import { FindingSink } from "./sink";
import { weightsFor, type FormFacts } from "../rules/weights";

/** What picks a weight profile, read from the form's 一级 / 二级 names (no fiscal funds is not on a form). */
function formFacts(form: DetectedForm): FormFacts {
  const rows = form.indicators?.rows ?? [];
  return {
    hasCost: rows.some((r) => r.level1.includes("成本") || r.level2.includes("成本")),
    hasSatisfaction: rows.some((r) => r.level1.includes("满意") || r.level2.includes("满意")),
  };
}

/** `explain`: build every explanation now (a plan shows them all); false leaves them to explanationOf. */
export function evaluateForm(
  view: SheetView,
  form: DetectedForm,
  ruleSet: RuleSet,
  sheet?: string,
  explain = true,
  explicitRules = false,
): FormEvaluation {
  const weights = weightsFor(ruleSet, formFacts(form));
  const ctx: EvalContext = {
    view,
    ruleSet,
    sink: new FindingSink(sheet),
    computed: [],
    explain,
    explicitRules,
    weights,
  };
  try {
    const funds: FundsResult = form.funds ? evaluateFunds(ctx, form.funds) : {};
    if (form.tasks) evaluateTasks(ctx, form.tasks);
    const rows: IndicatorResult[] = form.indicators ? evaluateIndicators(ctx, form.indicators) : [];
    evaluateTotals(ctx, form, funds, rows);
    auditFormulas(ctx);
  } catch (e) {
    // A bug of ours must not hide the findings already made, nor reach the user as a stack trace.
    ctx.sink.add("check-failed", form.range.r1, form.range.c1, { detail: e instanceof Error ? e.message : String(e) });
  }
  return { notes: ctx.sink.findings, computed: ctx.computed };
}
