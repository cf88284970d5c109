/**
 * Which rule set a command uses: --rules (a built-in id or a rule file), else the workbook's own
 * (its imported rule set, or the id it stores), else the default. And `ziping rules [--show ID]`.
 */
import * as fs from "fs";
import * as path from "path";
import { findRuleSet, listRuleSets, parseUserRuleSet, ruleIssueText, type Locale, type RuleSet } from "../engine";
import type { WorkbookPort } from "../host/port";
import { readWorkbookRules } from "../ops";
import { UsageError } from "./args";

function availableIds(): string {
  return listRuleSets()
    .map((x) => x.id)
    .join("、");
}

/** A rule file (JSON) named by --rules: read and validated, every issue listed with its path. */
function ruleSetFromFile(file: string, cwd: string): RuleSet {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), "utf8");
  } catch {
    throw new UsageError(
      `找不到规则文件：${file}（--rules 可以是规则编号 ${availableIds()}，或一个 .json 规则文件）`,
      `rule file not found: ${file} (--rules is a rule set id, ${availableIds()}, or a .json rule file)`,
    );
  }
  const r = parseUserRuleSet(text);
  if (r.ok) return r.ruleSet;
  const lines = (locale: Locale) => r.issues.map((i) => `  · ${ruleIssueText(i, locale)}`).join("\n");
  throw new UsageError(
    `规则文件 ${file} 有 ${r.issues.length} 处问题：\n${lines("zh-CN")}`,
    `rule file ${file} has ${r.issues.length} problem(s):\n${lines("en")}`,
  );
}

/** Validate --rules up front, so a typo or a bad rule file is a usage error before any workbook is read. */
export function ruleSetFromFlag(value: string | undefined, cwd: string = process.cwd()): RuleSet | undefined {
  if (value === undefined) return undefined;
  const builtin = findRuleSet(value);
  if (builtin) return builtin;
  if (/\.json$/i.test(value) || fs.existsSync(path.resolve(cwd, value))) return ruleSetFromFile(value, cwd);
  throw new UsageError(
    `未知的评分规则：${value}（可用：${availableIds()}，或一个 .json 规则文件）`,
    `unknown rule set: ${value} (available: ${availableIds()}, or a .json rule file)`,
  );
}

/**
 * --rules checked up front (a usage error before any file is read), as workers get it: a rule
 * file's path made absolute, since a worker resolves paths against its own working directory.
 */
export function rulesForWorkers(value: string | undefined, cwd: string): string | undefined {
  ruleSetFromFlag(value, cwd);
  return value && !findRuleSet(value) ? path.resolve(cwd, value) : value;
}

export async function ruleSetFor(port: WorkbookPort, flag: RuleSet | undefined): Promise<RuleSet> {
  if (flag) return flag;
  return (await readWorkbookRules(port)).ruleSet;
}

const STATUS = {
  "zh-CN": { mandatory: "规定", recommended: "推荐", platform: "平台行为", unverified: "未经核实" },
  en: { mandatory: "mandatory", recommended: "recommended", platform: "platform", unverified: "unverified" },
} as const;

/** One rule set's lines in `ziping rules`: id, label, status and where it comes from. */
function listingOf(r: RuleSet, lang: Locale): string {
  const label = lang === "en" ? r.labelEn : r.label;
  const status = r.status ? STATUS[lang][r.status] : lang === "en" ? "unstated" : "未注明";
  const sep = lang === "en" ? "; " : "；";
  const from = (r.sources ?? []).map((s) => [s.docNo, s.document, s.year].filter(Boolean).join(" ")).join(sep);
  const note = lang === "en" ? r.noteEn : r.note;
  const source = lang === "en" ? "source: " : "来源：";
  return (
    `${r.id.padEnd(16)} ${label}\n` +
    `${"".padEnd(16)} [${status}] ${source}${from || "—"}\n` +
    (note ? `${"".padEnd(16)} ${note}\n` : "")
  );
}

export function rulesListing(lang: Locale = "zh-CN"): string {
  return listRuleSets()
    .map((r) => listingOf(r, lang))
    .join("");
}

/** `ziping rules --show ID|FILE.json`: the rule set as JSON, ready to copy into a rule file of one's own. */
export function ruleSetShown(value: string, cwd: string): string {
  const r = ruleSetFromFlag(value, cwd);
  return `${JSON.stringify(r, null, 2)}\n`;
}
