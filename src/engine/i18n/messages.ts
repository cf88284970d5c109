/**
 * The one place engine messages are rendered: a finding's code + data in zh-CN or English, the
 * way zod renders issue codes per locale. The catalogues (./zh-CN.ts, ./en.ts, ./scoringMessages.ts,
 * ./reportMessages.ts) are typed over every code, so no code lacks a message; rendering never
 * throws: a code from elsewhere (another version's JSON) gets a generic line naming it.
 */
import type { Finding, FindingCode, FindingData } from "../validate/finding";
import { isFindingCode, type FindingMessages } from "./catalogue";
import { EN_MESSAGES, EN_WORDS } from "./en";
import { reportMessage } from "./reportMessages";
import { showFor, type Locale } from "./show";
import { ZH_MESSAGES, ZH_WORDS } from "./zh-CN";

export { FINDING_CODES, ALL_FINDING_CODES, isFindingCode, severityOf, type FindingMessages } from "./catalogue";
export { formatNumber, type Locale } from "./show";
export { formatScoringError } from "./scoringMessages";

const MESSAGES: Record<Locale, FindingMessages> = { "zh-CN": ZH_MESSAGES, en: EN_MESSAGES };
const SHOW = { "zh-CN": showFor("zh-CN", ZH_WORDS), en: showFor("en", EN_WORDS) };

/** Render a finding's message from its code and data. */
export function formatFinding(finding: Finding, locale: Locale = "zh-CN"): string {
  return formatMessage(finding.code, finding.data, locale);
}

/**
 * Render any code with its data. Typed callers pass a FindingCode and its data; a string from
 * outside (JSON) is looked up and, when unknown, named.
 */
export function formatMessage<C extends FindingCode>(code: C, data: FindingData[C], locale?: Locale): string;
export function formatMessage(code: string, data: object, locale?: Locale): string;
export function formatMessage(code: string, data: object, locale: Locale = "zh-CN"): string {
  const lang: Locale = locale === "en" ? "en" : "zh-CN";
  const d = (data ?? {}) as Record<string, unknown>;
  const report = reportMessage(code, d, lang);
  if (report !== undefined) return report;
  if (!isFindingCode(code)) return lang === "en" ? `Finding (${code}).` : `发现问题（${code}）。`;
  const render = MESSAGES[lang][code] as (data: object) => string;
  return prefix(render(d), d, lang) + notes(d, lang);
}

/**
 * A value a formula shows is not something a person typed: a message that does not already say
 * so (公式结果 / formula) in its own words says it first.
 */
function prefix(text: string, d: Record<string, unknown>, lang: Locale): string {
  if (d.fromFormula !== true) return text;
  if (lang === "en") return /formula/i.test(text) ? text : `(Formula result) ${text}`;
  return text.includes("公式结果") ? text : `（公式结果）${text}`;
}

/** Extra sentences a sum's data asks for, in every locale. */
function notes(d: Record<string, unknown>, lang: Locale): string {
  const en = lang === "en";
  const show = SHOW[lang];
  let out = "";
  if (Array.isArray(d.corrected) && d.corrected.length > 0) {
    const cells = show.corrections(d.corrected as NonNullable<FindingData["sum-mismatch"]["corrected"]>);
    out += en
      ? ` Scores that cannot stand were counted at the rules' value: ${cells}.`
      : `其中 ${cells} 的得分本身有误（超过分值或为错误值），已按评分规则的值计入。`;
  }
  if (Array.isArray(d.doubtful) && d.doubtful.length > 0) {
    const cells = show.list(d.doubtful as string[]);
    out += en
      ? ` ${cells}: counted as they stand although the row has an error; correct that row first.`
      : `其中 ${cells} 所在行有错误，其得分暂按表中数值计入，请先更正该行。`;
  }
  return out;
}
