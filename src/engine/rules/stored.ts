/**
 * The rule set a workbook carries: its id (setting jx.ruleSet) and, for a rule set a user
 * imported, its JSON (setting jx.ruleSetData), so the next person and the JX functions score by
 * it too. A stored JSON that no longer parses is ignored (the id then falls back like any unknown
 * id): a broken setting must not break every formula in the workbook.
 */
import { findRuleSet, getRuleSet } from "./index";
import { parseRuleSetJson, type RuleSetParse } from "./parse";
import { ruleIssue } from "./ruleIssue";
import type { RuleSet } from "./schema";

export interface StoredRules {
  id?: string;
  data?: string;
}

let lastText: string | undefined;
let lastParsed: RuleSet | undefined;

/** The imported rule set in `data`, parsed once per distinct text (a recalculation asks thousands of times). */
export function customRuleSet(data: string | undefined): RuleSet | undefined {
  if (data === undefined || data.trim() === "") return undefined;
  if (data !== lastText) {
    const r = parseRuleSetJson(data);
    lastText = data;
    lastParsed = r.ok ? r.ruleSet : undefined;
  }
  return lastParsed;
}

/** A rule set by id: the workbook's imported one when the id is its id, else a built-in, else undefined. */
export function findStoredRuleSet(id: string, stored?: StoredRules): RuleSet | undefined {
  const custom = customRuleSet(stored?.data);
  if (custom && custom.id === id) return custom;
  return findRuleSet(id);
}

/** The rule set a workbook scores with: its imported one, or the built-in its id names, or the default. */
export function storedRuleSet(stored?: StoredRules): RuleSet {
  const custom = customRuleSet(stored?.data);
  if (custom && (stored?.id === undefined || stored.id === custom.id)) return custom;
  return getRuleSet(stored?.id);
}

/**
 * A user's rule file (JSON text): the schema and consistency checks, and an id of its own — a file
 * reusing a built-in id would make that id mean two things in two workbooks.
 */
export function parseUserRuleSet(text: string): RuleSetParse {
  const r = parseRuleSetJson(text);
  if (r.ok && findRuleSet(r.ruleSet.id)) {
    return { ok: false, issues: [ruleIssue("id-builtin", { id: r.ruleSet.id })] };
  }
  return r;
}
