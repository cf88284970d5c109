/**
 * A rule file's problems in words, zh-CN and English. Typed over every RuleIssueCode, so a new
 * code without its wording in either language does not compile. zod/mini ships no locale
 * messages ("Invalid input"), so each schema issue is worded here with its path.
 */
import type { IssuePath, RuleIssue, RuleIssueCode, RuleIssueData } from "../rules/ruleIssue";
import type { Locale } from "./show";

type Messages = { readonly [C in RuleIssueCode]: (d: RuleIssueData[C]) => string };

const TYPE_ZH: Record<string, string> = {
  number: "数字",
  string: "文字（加引号）",
  boolean: "true 或 false",
  object: "对象 {…}",
  array: "数组 […]",
  record: "对象 {名称: 数值}",
  int: "整数",
};
const TYPE_EN: Record<string, string> = {
  string: "text (in quotes)",
  boolean: "true or false",
  object: "an object {…}",
  array: "an array […]",
  record: "an object {name: number}",
  int: "a whole number",
};

/** `a.b[0].c`, or the whole rule set when the path is empty. */
export function pathText(path: IssuePath, whole: string): string {
  if (path.length === 0) return whole;
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

const listZh = (xs: string[]) => xs.join(" / ");
const keysZh = (xs: string[]) => xs.map((k) => `“${k}”`).join("、");
const keysEn = (xs: string[]) => xs.map((k) => `“${k}”`).join(", ");
const ZH_BRACKETS = "（请检查引号、逗号和括号是否成对）";
const EN_BRACKETS = " (check that quotes, commas and brackets are paired)";

function zh(): Messages {
  const at = (p: IssuePath) => pathText(p, "（规则集）");
  const t = (e: string) => TYPE_ZH[e] ?? e;
  return {
    "json-syntax": (d) =>
      d.line === undefined
        ? `不是有效的 JSON${ZH_BRACKETS}`
        : `不是有效的 JSON：第 ${d.line} 行第 ${d.col} 列附近有误${ZH_BRACKETS}`,
    missing: (d) => `${at(d.path)}：缺少此项（应为${t(d.expected)}）`,
    "wrong-type": (d) => `${at(d.path)}：应为${t(d.expected)}，而不是 ${d.got}`,
    "too-short": (d) => `${at(d.path)}：长度至少为 ${d.min}`,
    "too-small": (d) => `${at(d.path)}：应${d.inclusive ? "≥" : "＞"} ${d.min}`,
    "too-big": (d) => `${at(d.path)}：应${d.inclusive ? "≤" : "＜"} ${d.max}`,
    "bad-id-format": (d) => `${at(d.path)}：格式不符（只能用小写字母、数字和连字符，以字母或数字开头）`,
    "one-of": (d) => `${at(d.path)}：只能取 ${listZh(d.values)}`,
    "no-variant": (d) => `${at(d.path)}：不符合任何一种允许的写法`,
    "unknown-keys": (d) => `${at(d.path)}：不认识的项 ${keysZh(d.keys)}（拼写错误？）`,
    "bad-key": (d) => `${at(d.path)}：名称无效`,
    "schema-other": (d) => `${at(d.path)}：${d.message}`,
    "weights-sum": (d) => `执行率分值与一级指标分值之和为 ${d.sum}，应等于总分 ${d.total}`,
    "profile-weights-sum": (d) => `${d.at}：执行率与各一级分值之和为 ${d.sum}，应等于总分 ${d.total}`,
    "profile-unknown-level1": (d) => `${d.at}.weights：一级指标“${d.name}”不在 level1 中`,
    "band-order": (d) => `${d.at}：下限 lo 须小于上限 hi`,
    "band-out": (d) => `${d.at}.out：${d.of === "cap" ? "封顶分" : "分值比例"}须在 0 到 ${d.max} 之间`,
    "partial-floor-order": () => "qualitativeBands：partialFloor 须小于 metFloor",
    "partial-default-range": () => "qualitativeBands：partialDefault 须在 [partialFloor, metFloor) 之内",
    "unmet-default-order": () => "qualitativeBands：unmetDefault 须小于 partialFloor",
    "grades-order": () => "grades：须满足 excellent > good > pass",
    "pass-mark-range": () => "positive.pass.v：及格线须在 0 到 1 之间（0.6 = 60%）",
    "level1-duplicate": (d) => `level1：一级指标“${d.name}”重复`,
    "id-builtin": (d) => `id：“${d.id}”已是内置规则集的编号，请为自己的规则集另取一个编号`,
  };
}

function en(): Messages {
  const at = (p: IssuePath) => pathText(p, "(rule set)");
  const t = (e: string) => TYPE_EN[e] ?? `a ${e}`;
  return {
    "json-syntax": (d) =>
      d.line === undefined
        ? `not valid JSON${EN_BRACKETS}`
        : `not valid JSON: an error near line ${d.line}, column ${d.col}${EN_BRACKETS}`,
    missing: (d) => `${at(d.path)}: missing (should be ${t(d.expected)})`,
    "wrong-type": (d) => `${at(d.path)}: should be ${t(d.expected)}, not ${d.got}`,
    "too-short": (d) => `${at(d.path)}: needs at least ${d.min} item(s) or character(s)`,
    "too-small": (d) => `${at(d.path)}: should be ${d.inclusive ? "≥" : ">"} ${d.min}`,
    "too-big": (d) => `${at(d.path)}: should be ${d.inclusive ? "≤" : "<"} ${d.max}`,
    "bad-id-format": (d) =>
      `${at(d.path)}: wrong format (lower-case letters, digits and hyphens only, starting with a letter or digit)`,
    "one-of": (d) => `${at(d.path)}: can only be ${d.values.join(" / ")}`,
    "no-variant": (d) => `${at(d.path)}: matches none of the allowed forms`,
    "unknown-keys": (d) => `${at(d.path)}: unknown key(s) ${keysEn(d.keys)} (a typo?)`,
    "bad-key": (d) => `${at(d.path)}: invalid name`,
    "schema-other": (d) => `${at(d.path)}: ${d.message}`,
    "weights-sum": (d) =>
      `the execution weight and the level-1 weights add up to ${d.sum}; they should equal the total ${d.total}`,
    "profile-weights-sum": (d) =>
      `${d.at}: the execution weight and the level-1 weights add up to ${d.sum}; they should equal the total ${d.total}`,
    "profile-unknown-level1": (d) => `${d.at}.weights: the level-1 indicator “${d.name}” is not in level1`,
    "band-order": (d) => `${d.at}: the lower bound lo must be below the upper bound hi`,
    "band-out": (d) =>
      `${d.at}.out: the ${d.of === "cap" ? "cap" : "share of the weight"} must be between 0 and ${d.max}`,
    "partial-floor-order": () => "qualitativeBands: partialFloor must be below metFloor",
    "partial-default-range": () => "qualitativeBands: partialDefault must be within [partialFloor, metFloor)",
    "unmet-default-order": () => "qualitativeBands: unmetDefault must be below partialFloor",
    "grades-order": () => "grades: excellent > good > pass is required",
    "pass-mark-range": () => "positive.pass.v: the pass mark must be between 0 and 1 (0.6 = 60%)",
    "level1-duplicate": (d) => `level1: the level-1 indicator “${d.name}” appears twice`,
    "id-builtin": (d) => `id: “${d.id}” is already a built-in rule set's id; give your rule set an id of its own`,
  };
}

let cache: Partial<Record<Locale, Messages>> = {};

/** The words for one problem of a rule file. */
export function ruleIssueText(issue: RuleIssue, locale: Locale): string {
  const m = (cache[locale] ??= locale === "en" ? en() : zh());
  return (m[issue.code] as (d: RuleIssueData[typeof issue.code]) => string)(issue.data);
}

/** For tests: the catalogues are built lazily once per locale. */
export function resetRuleIssueMessages(): void {
  cache = {};
}
