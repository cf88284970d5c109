/**
 * Messages of the 文表一致 (report vs tables) codes, zh-CN and English. The finding quotes its
 * sentence separately; the message says what the sentence states and what the form (or the
 * sentence's own arithmetic) gives.
 */
import { REPORT_CODES, type ReportCode, type ReportData, type ReportFinding } from "../report/findings";
import { showFor, type Locale } from "./show";
import { EN_WORDS, ZH_WORDS } from "./words";

/** A locale's report messages, typed over every report code and its data. */
type ReportMessages = { readonly [C in ReportCode]: (data: ReportData[C]) => string };

const WHAT: Record<Locale, Record<string, string>> = {
  "zh-CN": {
    initial: "年初预算数",
    budget: "预算数",
    spent: "实际支出",
    rate: "预算执行率",
    execScore: "预算执行率得分",
    totalScore: "总分",
    grade: "等级",
  },
  en: {
    initial: "the initial budget",
    budget: "the budget",
    spent: "the spending",
    rate: "the execution rate",
    execScore: "the execution score",
    totalScore: "the total score",
    grade: "the grade",
  },
};

function zhMessages(): ReportMessages {
  const { v } = showFor("zh-CN", ZH_WORDS);
  const what = (x: string | undefined) => WHAT["zh-CN"][x ?? ""] ?? v(x);
  return {
    "report-amount-mismatch": (d) =>
      `报告称「${v(d.subject)}」的${what(d.what)}为 ${v(d.stated)}，表中为 ${v(d.expected)}（${v(d.cell)}）。`,
    "report-rate-mismatch": (d) =>
      `报告称「${v(d.subject)}」的${what(d.what)}为 ${v(d.stated)}，表中为 ${v(d.expected)}（${v(d.cell)}）。`,
    "report-score-mismatch": (d) =>
      `报告称「${v(d.subject)}」的${what(d.what)}为 ${v(d.stated)}，表中为 ${v(d.expected)}（${v(d.cell)}）。`,
    "report-grade-mismatch": (d) =>
      `报告称「${v(d.subject)}」的等级为「${v(d.stated)}」，表中为「${v(d.expected)}」（${v(d.cell)}）。`,
    "report-text-inconsistent": (d) =>
      `「${v(d.subject)}」的${what(d.what)}在报告中前后不一：此处为 ${v(d.stated)}，前文为 ${v(d.earlier)}（「${v(d.earlierSentence)}」）。`,
    "report-prose-rate": (d) =>
      `同一句中预算 ${v(d.budget)}、支出 ${v(d.spent)}，执行率应为 ${v(d.expected)}，报告写为 ${v(d.stated)}。`,
    "report-prose-difference": (d) =>
      `${v(d.current)} 与上年 ${v(d.prior)} 相差 ${v(d.expected)}，报告写为 ${v(d.stated)}。`,
    "report-prose-change-rate": (d) =>
      `${v(d.current)} 较上年 ${v(d.prior)} 的变动幅度应为 ${v(d.expected)}，报告写为 ${v(d.stated)}。`,
    "report-grade-score": (d) => `总分 ${v(d.total)} 对应的等级为「${v(d.expected)}」，报告写为「${v(d.stated)}」。`,
  };
}

function enMessages(): ReportMessages {
  const { v } = showFor("en", EN_WORDS);
  const what = (x: string | undefined) => WHAT.en[x ?? ""] ?? v(x);
  return {
    "report-amount-mismatch": (d) =>
      `The report states ${what(d.what)} of “${v(d.subject)}” as “${v(d.stated)}”; the form holds “${v(d.expected)}” (${v(d.cell)}).`,
    "report-rate-mismatch": (d) =>
      `The report states ${what(d.what)} of “${v(d.subject)}” as “${v(d.stated)}”; the form holds “${v(d.expected)}” (${v(d.cell)}).`,
    "report-score-mismatch": (d) =>
      `The report states ${what(d.what)} of “${v(d.subject)}” as “${v(d.stated)}”; the form holds “${v(d.expected)}” (${v(d.cell)}).`,
    "report-grade-mismatch": (d) =>
      `The report states the grade of “${v(d.subject)}” as “${v(d.stated)}”; the form holds “${v(d.expected)}” (${v(d.cell)}).`,
    "report-text-inconsistent": (d) =>
      `The report states ${what(d.what)} of “${v(d.subject)}” as “${v(d.stated)}” here but as “${v(d.earlier)}” earlier (“${v(d.earlierSentence)}”).`,
    "report-prose-rate": (d) =>
      `With a budget of “${v(d.budget)}” and spending of “${v(d.spent)}”, the rate is ${v(d.expected)}; the sentence says “${v(d.stated)}”.`,
    "report-prose-difference": (d) =>
      `“${v(d.current)}” against last year's “${v(d.prior)}” differs by “${v(d.expected)}”; the sentence says “${v(d.stated)}”.`,
    "report-prose-change-rate": (d) =>
      `“${v(d.current)}” against last year's “${v(d.prior)}” changes by ${v(d.expected)}; the sentence says “${v(d.stated)}”.`,
    "report-grade-score": (d) =>
      `A total of ${v(d.total)} earns grade “${v(d.expected)}”; the sentence says “${v(d.stated)}”.`,
  };
}

const MESSAGES: Record<Locale, ReportMessages> = { "zh-CN": zhMessages(), en: enMessages() };

export function isReportCode(code: string): code is ReportCode {
  return Object.prototype.hasOwnProperty.call(REPORT_CODES, code);
}

/** A report code's message from its data, or undefined for another code. */
export function reportMessage(code: string, data: object, locale: Locale): string | undefined {
  if (!isReportCode(code)) return undefined;
  const render = MESSAGES[locale === "en" ? "en" : "zh-CN"][code] as (d: object) => string;
  return render(data ?? {});
}

/** A report finding's message. */
export function formatReportFinding(f: ReportFinding, locale: Locale = "zh-CN"): string {
  return reportMessage(f.code, f.data, locale) ?? f.code;
}

export const ALL_REPORT_CODES = Object.keys(REPORT_CODES) as ReportCode[];
