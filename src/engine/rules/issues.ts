/**
 * What is wrong with a rule set, in Chinese: zod/mini ships no locale messages ("Invalid input"),
 * so each issue code is rendered here with its path (`execution.bands[0].lo.v`) and what was
 * expected; then the checks a schema cannot state (weights add up, bands in order, caps ≤ total).
 */
import type * as z from "zod/mini";
import type { Band } from "./bands";
import type { RuleSet } from "./schema";

const TYPE_ZH: Record<string, string> = {
  number: "数字",
  string: "文字（加引号）",
  boolean: "true 或 false",
  object: "对象 {…}",
  array: "数组 […]",
  record: "对象 {名称: 数值}",
  int: "整数",
  null: "null",
};

/** `a.b[0].c`, or （规则集） for the whole. */
export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "（规则集）";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

function expected(i: Record<string, unknown>): string {
  const e = String(i.expected);
  return TYPE_ZH[e] ?? e;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      return i.input === undefined
        ? `${where}：缺少此项（应为${expected(i)}）`
        : `${where}：应为${expected(i)}，而不是 ${JSON.stringify(i.input) ?? "undefined"}`;
    case "too_small":
      return i.origin === "array" || i.origin === "string"
        ? `${where}：长度至少为 ${String(i.minimum)}`
        : `${where}：应${i.inclusive ? "≥" : "＞"} ${String(i.minimum)}`;
    case "too_big":
      return `${where}：应${i.inclusive ? "≤" : "＜"} ${String(i.maximum)}`;
    case "invalid_format":
      return `${where}：格式不符（只能用小写字母、数字和连字符，以字母或数字开头）`;
    case "invalid_value":
      return `${where}：只能取 ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(" / ")}`;
    case "invalid_union":
      return Array.isArray(i.options)
        ? `${where}：只能取 ${(i.options as unknown[]).map((v) => JSON.stringify(v)).join(" / ")}`
        : `${where}：不符合任何一种允许的写法`;
    case "unrecognized_keys":
      return `${where}：不认识的项 ${(i.keys as string[]).map((k) => `“${k}”`).join("、")}（拼写错误？）`;
    case "invalid_key":
      return `${where}：名称无效`;
    default:
      return `${where}：${issue.message}`;
  }
}

const EPS = 1e-9;

function weightIssues(r: RuleSet): string[] {
  const issues: string[] = [];
  const sum = r.executionWeight + r.level1.reduce((s, l) => s + l.weight, 0);
  if (Math.abs(sum - r.total) > EPS) issues.push(`执行率分值与一级指标分值之和为 ${sum}，应等于总分 ${r.total}`);
  const names = new Set(r.level1.map((l) => l.name));
  (r.weightProfiles ?? []).forEach((p, i) => {
    const at = `weightProfiles[${i}]`;
    const s = p.executionWeight + Object.values(p.weights).reduce((a, b) => a + b, 0);
    if (Math.abs(s - r.total) > EPS) issues.push(`${at}：执行率与各一级分值之和为 ${s}，应等于总分 ${r.total}`);
    for (const k of Object.keys(p.weights)) {
      if (!names.has(k)) issues.push(`${at}.weights：一级指标“${k}”不在 level1 中`);
    }
  });
  return issues;
}

function bandIssues(at: string, bands: readonly Band[], maxOut: number, outName: string): string[] {
  const issues: string[] = [];
  bands.forEach((b, i) => {
    if (b.lo && b.hi && !(b.lo.v < b.hi.v || (b.lo.v === b.hi.v && b.lo.incl && b.hi.incl))) {
      issues.push(`${at}[${i}]：下限 lo 须小于上限 hi`);
    }
    if (b.out < 0 || b.out > maxOut) issues.push(`${at}[${i}].out：${outName}须在 0 到 ${maxOut} 之间`);
  });
  return issues;
}

function qualitativeIssues(r: RuleSet): string[] {
  const issues: string[] = [];
  const b = r.qualitativeBands;
  if (b.partialFloor >= b.metFloor) issues.push("qualitativeBands：partialFloor 须小于 metFloor");
  if (b.partialDefault < b.partialFloor || b.partialDefault >= b.metFloor) {
    issues.push("qualitativeBands：partialDefault 须在 [partialFloor, metFloor) 之内");
  }
  if (b.unmetDefault >= b.partialFloor && b.partialFloor > 0)
    issues.push("qualitativeBands：unmetDefault 须小于 partialFloor");
  return issues;
}

function gradeIssues(r: RuleSet): string[] {
  const issues: string[] = [];
  const g = r.grades;
  if (!(g.excellent > g.good && g.good > g.pass)) issues.push("grades：须满足 excellent > good > pass");
  if (r.gradeBands)
    issues.push(
      ...bandIssues(
        "gradeBands.bands",
        r.gradeBands.bands.map((x) => ({ ...x, out: 0 })),
        0,
        "",
      ),
    );
  return issues;
}

/** Checks the schema cannot state. Every fraction-of-weight band gives at most the weight (out ≤ 1). */
export function consistencyIssues(r: RuleSet): string[] {
  const issues = [...weightIssues(r), ...qualitativeIssues(r), ...gradeIssues(r)];
  if (r.execution?.kind === "banded") issues.push(...bandIssues("execution.bands", r.execution.bands, 1, "分值比例"));
  if (r.positive?.kind === "bands") issues.push(...bandIssues("positive.bands", r.positive.bands, 1, "分值比例"));
  if (r.positive?.kind === "passMark" && !(r.positive.pass.v >= 0 && r.positive.pass.v < 1)) {
    issues.push("positive.pass.v：及格线须在 0 到 1 之间（0.6 = 60%）");
  }
  if (r.satisfaction) issues.push(...bandIssues("satisfaction.bands", r.satisfaction.bands, 1, "分值比例"));
  if (r.totalCaps) issues.push(...bandIssues("totalCaps.bands", r.totalCaps.bands, r.total, "封顶分"));
  const names = new Set<string>();
  for (const l of r.level1) {
    if (names.has(l.name)) issues.push(`level1：一级指标“${l.name}”重复`);
    names.add(l.name);
  }
  return issues;
}
