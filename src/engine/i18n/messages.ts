/**
 * The one place engine messages are rendered: finding codes (./catalogue.ts) and scoring error
 * codes, in zh-CN and English, from code + data — the way zod renders issue codes per locale.
 * Rendering never throws: an unknown code gets a generic line naming it, a missing value shows "—".
 */
import { clipText } from "../clip";
import { fmtNum, fmtPctFixed } from "../scoring/format";
import type { Finding, FindingData } from "../validate/finding";
import { EN_MESSAGES, EN_UNKNOWN, EN_WORDS } from "./en";
import { isFindingCode } from "./catalogue";
import { ZH_MESSAGES, ZH_UNKNOWN, ZH_WORDS } from "./zh-CN";
import { reportTemplate } from "./reportMessages";
import { scoringTemplate } from "./scoringMessages";

export { FINDING_CODES, ALL_FINDING_CODES, isFindingCode, severityOf, type FindingCode } from "./catalogue";

export type Locale = "zh-CN" | "en";

interface LocaleTable {
  messages: Record<string, string>;
  words: Record<string, string>;
  unknown: string;
}

const TABLES: Record<Locale, LocaleTable> = {
  "zh-CN": { messages: ZH_MESSAGES, words: ZH_WORDS, unknown: ZH_UNKNOWN },
  en: { messages: EN_MESSAGES, words: EN_WORDS, unknown: EN_UNKNOWN },
};

/** Render a finding's message from its code and data. */
export function formatFinding(finding: Finding, locale: Locale = "zh-CN"): string {
  return formatMessage(finding.code, finding.data, locale);
}

/** Render any engine code (a finding code or a scoring error code) with its data. */
export function formatMessage(code: string, data: FindingData, locale: Locale = "zh-CN"): string {
  const table = TABLES[locale] ?? TABLES["zh-CN"];
  const report = reportTemplate(code, data ?? {}, locale);
  if (report) return fill(report.template, report.data, table);
  const template = isFindingCode(code) ? table.messages[code] : scoringTemplate(code, locale);
  if (template === undefined) return fill(table.unknown, { ...data, code }, table);
  return fill(aboutFormula(template, data ?? {}, locale), data ?? {}, table) + notes(data ?? {}, locale);
}

/**
 * A value a formula shows is not something a person typed: "公式结果为", not "填写为". The finding's
 * `fromFormula` says which it is.
 */
function aboutFormula(template: string, data: FindingData, locale: Locale): string {
  if (data.fromFormula !== true) return template;
  if (locale === "en") return template.replace(/ is \{stated/, " (a formula's result) is {stated");
  return template.includes("填写为") ? template.replace("填写为", "的公式结果为") : `（公式结果）${template}`;
}

/** Extra sentences a finding's data asks for, in every locale. */
function notes(data: FindingData, locale: Locale): string {
  const en = locale === "en";
  let out = "";
  if (typeof data.corrected === "string" && data.corrected !== "") {
    out += en
      ? ` Scores that cannot stand were counted at the rules' value: ${data.corrected}.`
      : `其中 ${data.corrected} 的得分本身有误（超过分值或为错误值），已按评分规则的值计入。`;
  }
  if (typeof data.doubtful === "string" && data.doubtful !== "") {
    out += en
      ? ` ${data.doubtful}: counted as typed although the row has an error; correct that row first.`
      : `其中 ${data.doubtful} 所在行有错误，其得分暂按填写值计入，请先更正该行。`;
  }
  return out;
}

/**
 * Render a scoring error outcome where there is no form around it (a custom function): the
 * scoring module's own template, which quotes the arguments, comes first; the findings
 * catalogue's (which names a row's indicator) only for codes the scoring module lacks.
 */
export function formatScoringError(code: string, data: FindingData, locale: Locale = "zh-CN"): string {
  const table = TABLES[locale] ?? TABLES["zh-CN"];
  const template = scoringTemplate(code, locale);
  return template === undefined ? formatMessage(code, data, locale) : fill(template, data ?? {}, table);
}

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

function fill(template: string, data: FindingData, table: LocaleTable): string {
  return template.replace(PLACEHOLDER, (_m, key: string, fmt: string | undefined) => show(data[key], fmt, table, key));
}

/** One quoted value as a reader expects it: numbers without float noise, fractions as percents. */
function show(v: FindingData[string] | undefined, fmt: string | undefined, table: LocaleTable, key: string): string {
  if (v === undefined || v === null || v === "") return "—";
  if (fmt === "pct" && typeof v === "number") return fmtPctFixed(v);
  if (fmt === "word") return table.words[String(v)] ?? String(v);
  if (typeof v === "number") return formatNumber(v);
  return clipText(String(v), key === "explanation" ? EXPLANATION_MAX_CHARS : undefined);
}

/** An explanation is our own sentence (its quoted cell text already clipped): it may run longer. */
const EXPLANATION_MAX_CHARS = 400;

/** 40 → "40", 3.75 → "3.75", 0.1 + 0.2 → "0.3": at most 4 decimals (the one rule: scoring/format.ts). */
export function formatNumber(n: number): string {
  return fmtNum(n, 4);
}
