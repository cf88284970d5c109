/**
 * What is wrong with a rule set, as codes and data (./ruleIssue.ts; worded in
 * ../i18n/ruleIssueMessages.ts): zod's issues with their path (`execution.bands[0].lo.v`) and what
 * was expected; then the checks a schema cannot state (weights add up, bands in order, caps ≤ total).
 */
import type * as z from "zod/mini";
import type { Band } from "./bands";
import { ruleIssue, type RuleIssue } from "./ruleIssue";
import type { RuleSet } from "./schema";

/** zod's issue as a code and data: what was expected, and what was found when the user gave something. */
export function describeIssue(issue: z.core.$ZodIssue): RuleIssue {
  const path = issue.path;
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      return i.input === undefined
        ? ruleIssue("missing", { path, expected: String(i.expected) })
        : ruleIssue("wrong-type", { path, expected: String(i.expected), got: JSON.stringify(i.input) ?? "undefined" });
    case "too_small":
      return i.origin === "array" || i.origin === "string"
        ? ruleIssue("too-short", { path, min: String(i.minimum) })
        : ruleIssue("too-small", { path, min: String(i.minimum), inclusive: Boolean(i.inclusive) });
    case "too_big":
      return ruleIssue("too-big", { path, max: String(i.maximum), inclusive: Boolean(i.inclusive) });
    case "invalid_format":
      return ruleIssue("bad-id-format", { path });
    case "invalid_value":
      return ruleIssue("one-of", { path, values: (i.values as unknown[]).map((v) => JSON.stringify(v)) });
    case "invalid_union":
      return Array.isArray(i.options)
        ? ruleIssue("one-of", { path, values: (i.options as unknown[]).map((v) => JSON.stringify(v)) })
        : ruleIssue("no-variant", { path });
    case "unrecognized_keys":
      return ruleIssue("unknown-keys", { path, keys: i.keys as string[] });
    case "invalid_key":
      return ruleIssue("bad-key", { path });
    default:
      return ruleIssue("schema-other", { path, message: issue.message });
  }
}

const EPS = 1e-9;

function weightIssues(r: RuleSet): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const sum = r.executionWeight + r.level1.reduce((s, l) => s + l.weight, 0);
  if (Math.abs(sum - r.total) > EPS) issues.push(ruleIssue("weights-sum", { sum, total: r.total }));
  const names = new Set(r.level1.map((l) => l.name));
  (r.weightProfiles ?? []).forEach((p, i) => {
    const at = `weightProfiles[${i}]`;
    const s = p.executionWeight + Object.values(p.weights).reduce((a, b) => a + b, 0);
    if (Math.abs(s - r.total) > EPS) issues.push(ruleIssue("profile-weights-sum", { at, sum: s, total: r.total }));
    for (const k of Object.keys(p.weights)) {
      if (!names.has(k)) issues.push(ruleIssue("profile-unknown-level1", { at, name: k }));
    }
  });
  return issues;
}

function bandIssues(at: string, bands: readonly Band[], maxOut: number, of: "share" | "cap"): RuleIssue[] {
  const issues: RuleIssue[] = [];
  bands.forEach((b, i) => {
    if (b.lo && b.hi && !(b.lo.v < b.hi.v || (b.lo.v === b.hi.v && b.lo.incl && b.hi.incl))) {
      issues.push(ruleIssue("band-order", { at: `${at}[${i}]` }));
    }
    if (b.out < 0 || b.out > maxOut) issues.push(ruleIssue("band-out", { at: `${at}[${i}]`, max: maxOut, of }));
  });
  return issues;
}

function qualitativeIssues(r: RuleSet): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const b = r.qualitativeBands;
  if (b.partialFloor >= b.metFloor) issues.push(ruleIssue("partial-floor-order", {}));
  if (b.partialDefault < b.partialFloor || b.partialDefault >= b.metFloor) {
    issues.push(ruleIssue("partial-default-range", {}));
  }
  if (b.unmetDefault >= b.partialFloor && b.partialFloor > 0) issues.push(ruleIssue("unmet-default-order", {}));
  return issues;
}

function gradeIssues(r: RuleSet): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const g = r.grades;
  if (!(g.excellent > g.good && g.good > g.pass)) issues.push(ruleIssue("grades-order", {}));
  if (r.gradeBands)
    issues.push(
      ...bandIssues(
        "gradeBands.bands",
        r.gradeBands.bands.map((x) => ({ ...x, out: 0 })),
        0,
        "share", // out is 0 here: only the order of lo and hi is checked
      ),
    );
  return issues;
}

/** Checks the schema cannot state. Every fraction-of-weight band gives at most the weight (out ≤ 1). */
export function consistencyIssues(r: RuleSet): RuleIssue[] {
  const issues = [...weightIssues(r), ...qualitativeIssues(r), ...gradeIssues(r)];
  if (r.execution?.kind === "banded") issues.push(...bandIssues("execution.bands", r.execution.bands, 1, "share"));
  if (r.positive?.kind === "bands") issues.push(...bandIssues("positive.bands", r.positive.bands, 1, "share"));
  if (r.positive?.kind === "passMark" && !(r.positive.pass.v >= 0 && r.positive.pass.v < 1)) {
    issues.push(ruleIssue("pass-mark-range", {}));
  }
  if (r.satisfaction) issues.push(...bandIssues("satisfaction.bands", r.satisfaction.bands, 1, "share"));
  if (r.totalCaps) issues.push(...bandIssues("totalCaps.bands", r.totalCaps.bands, r.total, "cap"));
  const names = new Set<string>();
  for (const l of r.level1) {
    if (names.has(l.name)) issues.push(ruleIssue("level1-duplicate", { name: l.name }));
    names.add(l.name);
  }
  return issues;
}
