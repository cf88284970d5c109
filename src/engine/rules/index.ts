// CONTRACT STUB — owned by the value/scoring helper.
import type { RuleSet } from "./schema";
export type { RuleSet, Level1Rule } from "./schema";

export const DEFAULT_RULE_SET_ID = "mof-2020";

/** Every built-in rule set, each validated by RuleSetSchema at load. */
export function listRuleSets(): RuleSet[] {
  return [];
}

/** The rule set with this id, or undefined. */
export function findRuleSet(id: string): RuleSet | undefined {
  return listRuleSets().find((r) => r.id === id);
}

/** The rule set with this id, or the default one when id is empty/unknown. */
export function getRuleSet(id?: string | null): RuleSet {
  const r = (id && findRuleSet(id)) || findRuleSet(DEFAULT_RULE_SET_ID);
  if (!r) throw new Error("no default rule set");
  return r;
}
