/**
 * Which weights a form is held to: the first weight profile whose conditions all hold (101号: with
 * 成本 indicators 10/20/40/20/10; 河南专项债: no fiscal funds → 执行率 0, 成本 30), else the rule
 * set's own executionWeight and 一级 weights.
 */
import type { RuleSet } from "./schema";

export interface FormFacts {
  /** The form has 成本 indicators (a 成本 一级 or 二级). */
  hasCost?: boolean;
  /** The form has a 满意度 indicator. */
  hasSatisfaction?: boolean;
  /** No fiscal money this year (a special bond's operating period). */
  noFiscalFunds?: boolean;
}

export interface Weights {
  executionWeight: number;
  /** 一级 name → weight (every 一级 of the rule set, 0 where the profile leaves it out). */
  level1: Record<string, number>;
  /** Index of the profile that applied, or -1 for the rule set's own weights. */
  profile: number;
}

type Profile = NonNullable<RuleSet["weightProfiles"]>[number];

function holds(when: Profile["when"], facts: FormFacts): boolean {
  if (!when) return true;
  for (const key of ["hasCost", "hasSatisfaction", "noFiscalFunds"] as const) {
    const want = when[key];
    if (want !== undefined && Boolean(facts[key]) !== want) return false;
  }
  return true;
}

export function weightsFor(ruleSet: RuleSet, facts: FormFacts = {}): Weights {
  const profiles = ruleSet.weightProfiles ?? [];
  const i = profiles.findIndex((p) => holds(p.when, facts));
  if (i < 0) {
    const level1 = Object.fromEntries(ruleSet.level1.map((l) => [l.name, l.weight]));
    return { executionWeight: ruleSet.executionWeight, level1, profile: -1 };
  }
  const p = profiles[i];
  const level1 = Object.fromEntries(ruleSet.level1.map((l) => [l.name, p.weights[l.name] ?? 0]));
  return { executionWeight: p.executionWeight, level1, profile: i };
}
