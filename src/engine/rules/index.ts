/**
 * Rule sets: the built-ins (./builtin.ts) validated at load, lookup by id, and `parseRuleSet`
 * for a rule set a user or a province supplies as JSON.
 */
import { BUILTIN_RULE_SETS } from "./builtin";
import type * as z from "zod/mini";
import { RuleSetSchema, type RuleSet } from "./schema";
export type { RuleSet, Level1Rule } from "./schema";

export const DEFAULT_RULE_SET_ID = "mof-2020";

export type RuleSetParse = { ok: true; ruleSet: RuleSet } | { ok: false; issues: string[] };

/** Checks the schema cannot state: the parts add up to the total, bands are ordered, ids unique. */
function consistencyIssues(r: RuleSet): string[] {
  const issues: string[] = [];
  const sum = r.executionWeight + r.level1.reduce((s, l) => s + l.weight, 0);
  if (Math.abs(sum - r.total) > 1e-9) {
    issues.push(`执行率分值与一级指标分值之和为 ${sum}，应等于总分 ${r.total}`);
  }
  const b = r.qualitativeBands;
  if (b.partialFloor >= b.metFloor) issues.push("qualitativeBands: partialFloor 须小于 metFloor");
  if (b.partialDefault < b.partialFloor || b.partialDefault >= b.metFloor) {
    issues.push("qualitativeBands: partialDefault 须在 [partialFloor, metFloor) 之内");
  }
  if (b.unmetDefault >= b.partialFloor && b.partialFloor > 0) {
    issues.push("qualitativeBands: unmetDefault 须小于 partialFloor");
  }
  const g = r.grades;
  if (!(g.excellent > g.good && g.good > g.pass)) issues.push("grades: 须满足 excellent > good > pass");
  const names = new Set<string>();
  for (const l of r.level1) {
    if (names.has(l.name)) issues.push(`level1: 一级指标“${l.name}”重复`);
    names.add(l.name);
  }
  return issues;
}

/** zod/mini ships no locale messages ("Invalid input"), so render the issue codes in zh-CN here. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join(".") : "(规则集)";
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      return i.input === undefined
        ? `${where}：缺少此项（应为 ${String(i.expected)}）`
        : `${where}：类型应为 ${String(i.expected)}`;
    case "too_small":
      return i.origin === "array" || i.origin === "string"
        ? `${where}：长度至少为 ${String(i.minimum)}`
        : `${where}：应${i.inclusive ? "≥" : "＞"} ${String(i.minimum)}`;
    case "too_big":
      return `${where}：应${i.inclusive ? "≤" : "＜"} ${String(i.maximum)}`;
    case "invalid_format":
      return `${where}：格式不符（只能用小写字母、数字和连字符）`;
    case "invalid_value":
      return `${where}：只能取 ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(" / ")}`;
    default:
      return `${where}：${issue.message}`;
  }
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
