/**
 * 预算执行率 and its score. Amounts may arrive as numbers, numeric text (`"10.56"`, `"１０.５６"`)
 * or a "nothing here" mark; a missing or non-positive budget is an error outcome, never a
 * division by zero. How the rate scores is the rule set's (./executionRules.ts).
 */
import { getRuleSet } from "../rules/index";
import type { RuleSet } from "../rules/schema";
import { readAmount } from "./amounts";
import { scoreExecution } from "./executionRules";
import { quote } from "./format";
import { fail, okSteps, type Outcome } from "./outcome";
import { step } from "./steps";

export { readAmount, readWeight, type Amount } from "./amounts";
export { scoreExecution, type ExecutionInput, type ExecutionScore } from "./executionRules";

/** 预算执行率 = 全年执行数 / 全年预算数, unrounded. A budget ≤ 0 or missing is an error. */
export function execRate(budget: unknown, spent: unknown): Outcome<number> {
  const b = readAmount(budget);
  if (b.kind !== "number") return fail("budget-missing", { budget: quote(budget) });
  if (!(b.value > 0)) return fail("budget-not-positive", { budget: b.value });
  const s = readAmount(spent);
  if (s.kind !== "number") return fail("spent-missing", { spent: quote(spent) });
  if (s.value < 0) return fail("spent-negative", { spent: s.value });
  const rate = s.value / b.value;
  // 1e10 ÷ 1e-300 overflows: no Infinity may reach a cell or a message.
  if (!Number.isFinite(rate)) return fail("rate-overflow", { budget: b.value, spent: s.value });
  return okSteps(rate, [step("exec-rate", { spent: s.value, budget: b.value, rate })]);
}

/**
 * The execution score by a rule set (default: 财政部 2020, 分值 × min(执行率, 1), Excel-rounded
 * to 2 decimals). The value is the score; see scoreExecution for the rate, bands and flags.
 */
export function execScore(budget: unknown, spent: unknown, weight: unknown = 10, ruleSet?: RuleSet): Outcome<number> {
  const r = scoreExecution({ budget, spent, weight }, ruleSet ?? getRuleSet());
  return r.ok ? { ...r, value: r.value.score } : r;
}
