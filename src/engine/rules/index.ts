/**
 * Rule sets: the built-ins (./builtin.ts), lookup by id, and `parseRuleSet` (./parse.ts)
 * for a rule set a user or a province supplies as JSON.
 */
import { BUILTIN_RULE_SETS } from "./builtin";
import type { RuleSet } from "./schema";
export { parseRuleSet, parseRuleSetJson, type RuleSetParse } from "./parse";
export type { RuleIssue, RuleIssueCode, RuleIssueData } from "./ruleIssue";
export type { RuleSet, Level1Rule } from "./schema";
export { rulesOf, EVALUATION_ORDER, DEFAULT_ROUNDING } from "./resolve";
export type { ResolvedRules, ExecutionRule, PositiveRule, Adjustment, GradeBands, Round, Rounding } from "./resolve";
export { findBand, inBounds } from "./bands";
export { weightsFor, type FormFacts, type Weights } from "./weights";
export type { Band, Bound } from "./bands";

export const DEFAULT_RULE_SET_ID = "mof-2020";

/**
 * The built-ins as data. Their schema and consistency checks run in the tests (rules.test.ts), not
 * at load: the functions carry the built-ins but not the schema validator (zod), which loads only
 * for a rule set given as JSON (./parse.ts).
 */
function loadBuiltins(): RuleSet[] {
  const out = BUILTIN_RULE_SETS as RuleSet[];
  const ids = new Set(out.map((r) => r.id));
  if (ids.size !== out.length) throw new Error("a built-in rule set id repeats");
  return out;
}

const BUILTINS: readonly RuleSet[] = loadBuiltins();

/** Every built-in rule set (each checked against RuleSetSchema by the tests). */
export function listRuleSets(): RuleSet[] {
  return BUILTINS.slice();
}

/** The rule set with this id, or undefined. */
export function findRuleSet(id: string): RuleSet | undefined {
  return BUILTINS.find((r) => r.id === id);
}

/** The rule set with this id, or the default one when id is empty/unknown. */
export function getRuleSet(id?: string | null): RuleSet {
  const r = (id && findRuleSet(id)) || findRuleSet(DEFAULT_RULE_SET_ID);
  if (!r) throw new Error("no default rule set");
  return r;
}

export { customRuleSet, findStoredRuleSet, parseUserRuleSet, storedRuleSet, type StoredRules } from "./stored";
