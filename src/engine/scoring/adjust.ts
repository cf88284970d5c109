/**
 * Step 3 of the evaluation order (rules-reference §4): a rule set's adjustments to a raw indicator
 * score, in the order the rule set lists them — over-target flag / deduction / required reason,
 * then a deduction the evaluator entered. And the satisfaction rule's input (101号 bands).
 */
import type { Adjustment } from "../rules/resolve";
import { rulesOf } from "../rules/resolve";
import type { RuleSet } from "../rules/schema";
import type { Op } from "../value/types";
import { readAmount } from "./amounts";
import { roundClamp } from "./rounding";
import { step, type Step } from "./steps";
import type { IndicatorInput, IndicatorScore } from "./indicator";

type OverTarget = Extract<Adjustment, { kind: "overTarget" }>;

const ruleName = (r: RuleSet) => ({ rule: r.short ?? r.label, ruleEn: r.shortEn ?? r.labelEn });

/** B/A at or over the threshold (or, with a target of 0, B over the absolute limit). */
function overTarget(a: OverTarget, s: IndicatorScore, actual: number | undefined): number | undefined {
  const kind = s.method === "more" ? "positive" : s.method === "equal" ? "equal" : undefined;
  if (!kind || !a.appliesTo.includes(kind)) return undefined;
  if (s.ratio !== undefined) {
    const over = a.incl ? s.ratio >= a.threshold : s.ratio > a.threshold;
    return over ? s.ratio : undefined;
  }
  if (a.zeroTargetAbsolute !== undefined && actual !== undefined && actual >= a.zeroTargetAbsolute) return Infinity;
  return undefined;
}

export interface Adjusted {
  scored: IndicatorScore;
  steps: Step[];
}

export function applyAdjustments(
  scored: IndicatorScore,
  steps: Step[],
  deduction: unknown,
  ruleSet: RuleSet,
  actual?: number,
): Adjusted {
  const rules = rulesOf(ruleSet);
  if (rules.adjustments.length === 0) return { scored, steps };
  let s = scored;
  const out = [...steps];
  for (const a of rules.adjustments) {
    if (a.kind === "manualDeduction") {
      const d = readAmount(deduction);
      if (d.kind !== "number" || !(d.value > 0)) continue;
      const score = roundClamp(Math.max(a.floor, s.score - d.value), rules.rounding.indicator, s.weight);
      s = { ...s, score, deducted: (s.deducted ?? 0) + d.value };
      out.push(step("adj-manual-deduction", { deduct: d.value, score }));
      continue;
    }
    const ratio = overTarget(a, s, actual);
    if (ratio === undefined) continue;
    const data = { ...ruleName(ruleSet), ratio: Number.isFinite(ratio) ? ratio : null, threshold: a.threshold };
    if (a.action.kind === "deduct") {
      const score = roundClamp(s.score - a.action.points, rules.rounding.indicator, s.weight);
      s = { ...s, score, deducted: (s.deducted ?? 0) + a.action.points };
      out.push(step("adj-over-deduct", { ...data, points: a.action.points, score }));
    } else {
      const flag = a.action.kind === "flag" ? "over-target" : "reason-required";
      s = { ...s, flags: [...(s.flags ?? []), flag] };
      out.push(step(a.action.kind === "flag" ? "adj-over-flag" : "adj-over-reason", data));
    }
  }
  return { scored: s, steps: out };
}

/** The word that makes an indicator a satisfaction one (the native templates SEARCH for it too). */
export const SATISFACTION_WORD = "满意";
const SATISFACTION = new RegExp(SATISFACTION_WORD);

function namesSatisfaction(name: unknown): boolean {
  return typeof name === "string" && SATISFACTION.test(name);
}

/**
 * The number a satisfaction rule scores (the rate itself, or B/A), or undefined when the row is not
 * a satisfaction indicator, the rule set has no satisfaction rule, or the row is less-is-better.
 */
export function satisfactionInput(
  input: IndicatorInput,
  ruleSet: RuleSet,
  op: Op,
  percent: boolean,
  B: number,
  ratio: number | undefined,
): number | undefined {
  const rule = ruleSet.satisfaction;
  if (!rule || op === "<=" || op === "<") return undefined;
  if (!namesSatisfaction(input.level1) && !namesSatisfaction(input.level2) && !namesSatisfaction(input.level3)) {
    return undefined;
  }
  if (rule.input === "ratio") return ratio;
  return percent ? B : undefined;
}
