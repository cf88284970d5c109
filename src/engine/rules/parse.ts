/**
 * A rule set given as data or JSON text (a user's file, a workbook setting): RuleSetSchema (zod)
 * and the consistency checks, with typed issues (worded in ../i18n/ruleIssueMessages.ts). Only this module and ./stored.ts need zod, so the
 * custom functions load it on demand (src/functions/importedRules.ts).
 */
import { consistencyIssues, describeIssue } from "./issues";
import { ruleIssue, type RuleIssue } from "./ruleIssue";
import { RuleSetSchema, type RuleSet } from "./schema";

export type RuleSetParse = { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleIssue[] };

/**
 * A rule set from JSON text (a user's file, a workbook setting): a syntax error is one issue
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

function jsonSyntaxIssue(text: string, e: unknown): RuleIssue {
  const at = syntaxOffset(text, e);
  if (at === undefined) return ruleIssue("json-syntax", {});
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const col = at - before.lastIndexOf("\n");
  return ruleIssue("json-syntax", { line, col });
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
