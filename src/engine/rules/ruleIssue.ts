/**
 * What is wrong with a rule file, as codes and data (like findings): the words are in
 * ../i18n/ruleIssueMessages.ts, so `ziping --lang en` and the English pane say them in English.
 * `path` is where in the rule set (`execution.bands[0].lo.v`, empty for the whole).
 */
export type IssuePath = readonly PropertyKey[];

export interface RuleIssueData {
  "json-syntax": { line?: number; col?: number };
  missing: { path: IssuePath; expected: string };
  "wrong-type": { path: IssuePath; expected: string; got: string };
  "too-short": { path: IssuePath; min: string };
  "too-small": { path: IssuePath; min: string; inclusive: boolean };
  "too-big": { path: IssuePath; max: string; inclusive: boolean };
  "bad-id-format": { path: IssuePath };
  "one-of": { path: IssuePath; values: string[] };
  "no-variant": { path: IssuePath };
  "unknown-keys": { path: IssuePath; keys: string[] };
  "bad-key": { path: IssuePath };
  "schema-other": { path: IssuePath; message: string };
  "weights-sum": { sum: number; total: number };
  "profile-weights-sum": { at: string; sum: number; total: number };
  "profile-unknown-level1": { at: string; name: string };
  "band-order": { at: string };
  "band-out": { at: string; max: number; of: "share" | "cap" };
  "partial-floor-order": Record<string, never>;
  "partial-default-range": Record<string, never>;
  "unmet-default-order": Record<string, never>;
  "grades-order": Record<string, never>;
  "pass-mark-range": Record<string, never>;
  "level1-duplicate": { name: string };
  "id-builtin": { id: string };
}

export type RuleIssueCode = keyof RuleIssueData;

/** One problem of a rule file: a code and the data its message quotes. */
export type RuleIssue = { [C in RuleIssueCode]: { code: C; data: RuleIssueData[C] } }[RuleIssueCode];

export function ruleIssue<C extends RuleIssueCode>(code: C, data: RuleIssueData[C]): RuleIssue {
  return { code, data } as RuleIssue;
}
