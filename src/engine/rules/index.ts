/**
 * Rule sets: the built-ins (./builtin.ts) validated at load, lookup by id, and `parseRuleSet`
 * for a rule set a user or a province supplies as JSON.
 */
import { BUILTIN_RULE_SETS } from "./builtin";
import { consistencyIssues, describeIssue } from "./issues";
import { RuleSetSchema, type RuleSet } from "./schema";
export type { RuleSet, Level1Rule } from "./schema";
export { rulesOf, EVALUATION_ORDER, DEFAULT_ROUNDING } from "./resolve";
export type { ResolvedRules, ExecutionRule, PositiveRule, Adjustment, GradeBands, Round, Rounding } from "./resolve";
export { findBand, inBounds } from "./bands";
export { weightsFor, type FormFacts, type Weights } from "./weights";
export type { Band, Bound } from "./bands";

export const DEFAULT_RULE_SET_ID = "mof-2020";

export type RuleSetParse = { ok: true; ruleSet: RuleSet } | { ok: false; issues: string[] };

/**
 * A rule set from JSON text (a user's file, a workbook setting): a syntax error is one zh-CN issue
 * naming the line and column, then the same checks as parseRuleSet. Never throws.
 */
export function parseRuleSetJson(text: string): RuleSetParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, issues: [jsonSyntaxIssue(text, e)] };
  }
  return parseRuleSet(data);
}

/** Where JSON.parse gave up: from its message when it says, else the shortest prefix that fails otherwise than by ending early. */
function syntaxOffset(text: string, e: unknown): number | undefined {
  const message = e instanceof Error ? e.message : "";
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const endsEarly = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (x) {
      // Failing at the very end of the prefix (or "end of input") is running out of text, not a bad token.
      const m = x instanceof Error ? x.message : "";
      const p = /position (\d+)/.exec(m);
      return /end of JSON|Unexpected end/i.test(m) || (p !== null && Number(p[1]) >= n);
    }
  };
  if (endsEarly(text.length)) return undefined;
  let lo = 0;
  let hi = text.length; // invariant: prefix lo ends early (or parses), prefix hi fails on a token
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (endsEarly(mid)) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

function jsonSyntaxIssue(text: string, e: unknown): string {
  const at = syntaxOffset(text, e);
  if (at === undefined) return "不是有效的 JSON（请检查引号、逗号和括号是否成对）";
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const col = at - before.lastIndexOf("\n");
  return `不是有效的 JSON：第 ${line} 行第 ${col} 列附近有误（请检查引号、逗号和括号是否成对）`;
}

/** Validate a rule set given as data (e.g. JSON from a user or a province). Never throws. */
export function parseRuleSet(data: unknown): RuleSetParse {
  const parsed = RuleSetSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(describeIssue);
    return { ok: false, issues };
  }
  const issues = consistencyIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, ruleSet: parsed.data };
}

/** Parse every built-in once; a broken one throws here, at load, so a test fails before it ships. */
function loadBuiltins(): RuleSet[] {
  const out: RuleSet[] = [];
  for (const data of BUILTIN_RULE_SETS) {
    const r = parseRuleSet(data);
    const id = (data as { id?: unknown })?.id;
    if (!r.ok) throw new Error(`built-in rule set ${String(id)} is invalid: ${r.issues.join("; ")}`);
    if (out.some((x) => x.id === r.ruleSet.id)) throw new Error(`built-in rule set id ${r.ruleSet.id} repeats`);
    out.push(r.ruleSet);
  }
  return out;
}

const BUILTINS: readonly RuleSet[] = loadBuiltins();

/** Every built-in rule set, each validated by RuleSetSchema at load. */
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
