/**
 * The execution score by a rule set's execution rule (rules-reference §4 step 4): proportional to
 * the rate (capped, or not: the MoF platform) or banded (101号, with its "completed within budget"
 * condition as an input). A zero budget follows the rule set's policy; without one it is an error.
 */
import { findBand } from "../rules/bands";
import { rulesOf, type ExecutionRule } from "../rules/resolve";
import type { RuleSet } from "../rules/schema";
import { readAmount, readWeight } from "./amounts";
import { quote } from "./format";
import { fail, okSteps, type Outcome } from "./outcome";
import { applyRound, roundClamp } from "./rounding";
import { bandData, step, type Step } from "./steps";

export interface ExecutionInput {
  /** 全年预算数 / 调整后预算数: the form's A (on a form, 全年预算数 = 年初预算数 + 调整). */
  budget: unknown;
  /** 全年执行数 / 预算执行数 (B). */
  spent: unknown;
  /** 分值; default the rule set's execution weight. */
  weight?: unknown;
  /** Where a source tells them apart: the budget before adjustment (annualBudget) and 到位资金. */
  annualBudget?: unknown;
  fundsArrived?: unknown;
  /** 101号: the project was completed. Undefined = not stated. */
  completed?: boolean;
}

export interface ExecutionScore {
  score: number;
  weight: number;
  /** The unrounded rate, or undefined when the budget was 0 and the policy scored anyway. */
  rate?: number;
  /** Scores the rules would also give under an input nobody stated (101号: completed → full). */
  alternatives?: number[];
  /** The rule set asks for a reason at this rate (四川: below 90%). */
  reasonRequired?: boolean;
}

function denominatorOf(input: ExecutionInput, rule: ExecutionRule): unknown {
  if (rule.denominator === "annualBudget" && input.annualBudget !== undefined) return input.annualBudget;
  if (rule.denominator === "fundsArrived" && input.fundsArrived !== undefined) return input.fundsArrived;
  return input.budget;
}

const ruleName = (r: RuleSet) => ({ rule: r.short ?? r.label, ruleEn: r.shortEn ?? r.labelEn });

export function scoreExecution(input: ExecutionInput, ruleSet: RuleSet, explain = true): Outcome<ExecutionScore> {
  try {
    return scoreExecutionRow(input ?? ({} as ExecutionInput), ruleSet, explain);
  } catch {
    return fail("unscorable", { reason: "internal-error", target: "", actual: "" });
  }
}

function scoreExecutionRow(input: ExecutionInput, ruleSet: RuleSet, explain: boolean): Outcome<ExecutionScore> {
  const rules = rulesOf(ruleSet);
  const rule = rules.execution;
  const w = readWeight(input.weight === undefined ? ruleSet.executionWeight : input.weight);
  if (!w.ok) return w.outcome;
  const weight = w.weight;
  const den = denominatorOf(input, rule);
  const b = readAmount(den);
  if (b.kind !== "number") return fail("budget-missing", { budget: quote(den) });
  if (b.value < 0 || (b.value === 0 && (rule.zeroBudget ?? "error") === "error")) {
    return fail("budget-not-positive", { budget: b.value });
  }
  const s = readAmount(input.spent);
  if (s.kind !== "number") return fail("spent-missing", { spent: quote(input.spent) });
  if (s.value < 0) return fail("spent-negative", { spent: s.value });
  if (b.value === 0) return zeroBudget(rule, weight, s.value, ruleSet, explain);
  const rate = s.value / b.value;
  // 1e10 ÷ 1e-300 overflows: no Infinity may reach a cell or a message.
  if (!Number.isFinite(rate)) return fail("rate-overflow", { budget: b.value, spent: s.value });
  const head = step("exec-rate", { spent: s.value, budget: b.value, rate });
  const scored =
    rule.kind === "proportional"
      ? proportional(rate, weight, rule.cap === undefined ? 1 : rule.cap, ruleSet)
      : banded(rate, weight, rule, input.completed, ruleSet);
  if (!scored) return fail("rate-in-no-band", { rate, ruleSet: ruleSet.label });
  const value: ExecutionScore = {
    score: scored.score,
    weight,
    rate,
    ...(scored.alternatives ? { alternatives: scored.alternatives } : {}),
  };
  const steps = [head, ...scored.steps];
  const threshold = ruleSet.reasons?.executionBelow;
  if (threshold !== undefined && reasonRequired(rate, threshold, ruleSet.reasons?.executionOn ?? "raw")) {
    value.reasonRequired = true;
    steps.push(step("exec-reason-required", { ...ruleName(ruleSet), threshold }));
  }
  return okSteps(value, steps, explain);
}

/** 四川: below 90%, judged on the raw rate or on the rate as a 0.00% cell shows it. */
export function reasonRequired(rate: number, threshold: number, on: "raw" | "displayed"): boolean {
  const r = on === "displayed" ? applyRound(rate, { places: 4, mode: "halfAwayFromZero" }) : rate;
  return r < threshold;
}

interface Scored {
  score: number;
  steps: Step[];
  alternatives?: number[];
}

function proportional(rate: number, weight: number, cap: number | null, ruleSet: RuleSet): Scored {
  const round = rulesOf(ruleSet).rounding.execution;
  const capped = cap === null ? rate : Math.min(rate, cap);
  const score = roundClamp(weight * capped, round, cap === null ? Number.POSITIVE_INFINITY : weight);
  const steps = [step("exec-proportional", { weight, capped, score })];
  if (cap !== null && rate > cap) steps.push(step("exec-capped", { cap }));
  if (cap === null && rate > 1) steps.push(step("exec-uncapped", ruleName(ruleSet)));
  return { score, steps };
}

function banded(
  rate: number,
  weight: number,
  rule: Extract<ExecutionRule, { kind: "banded" }>,
  completed: boolean | undefined,
  ruleSet: RuleSet,
): Scored | undefined {
  const round = rulesOf(ruleSet).rounding.execution;
  const withinBudget = rate <= 1;
  if (rule.fullIf && completed === true && withinBudget) {
    return { score: weight, steps: [step("exec-completed", { ...ruleName(ruleSet), score: weight })] };
  }
  const band = findBand(rule.bands, rate);
  if (!band) return undefined;
  const score = roundClamp(weight * band.out, round, weight);
  const steps = [step("exec-band", { ...ruleName(ruleSet), score, ...bandData(band.lo, band.hi, "pct") })];
  if (!rule.fullIf || completed !== undefined || !withinBudget || score === weight) return { score, steps };
  steps.push(step("exec-band-unknown-completion", { full: weight }));
  return { score, steps, alternatives: [weight] };
}

function zeroBudget(rule: ExecutionRule, weight: number, spent: number, ruleSet: RuleSet, explain: boolean) {
  const policy = rule.zeroBudget;
  if (policy === "divideByOne") {
    const round = rulesOf(ruleSet).rounding.execution;
    const cap = rule.kind === "proportional" && rule.cap === null ? Number.POSITIVE_INFINITY : weight;
    const score = roundClamp(weight * spent, round, cap);
    return okSteps<ExecutionScore>(
      { score, weight },
      [step("exec-divide-by-one", { ...ruleName(ruleSet), weight, spent, score })],
      explain,
    );
  }
  const score = policy === "full" ? weight : 0;
  return okSteps<ExecutionScore>(
    { score, weight },
    [step("exec-zero-budget", { ...ruleName(ruleSet), score })],
    explain,
  );
}
