/**
 * Messages of the 文表一致 (report vs tables) codes, zh-CN and English. The finding quotes its
 * sentence separately; the message says what the sentence states and what the form (or the
 * sentence's own arithmetic) gives.
 */
import { REPORT_CODES, type ReportCode } from "../report/findings";
import type { FindingData } from "../validate/finding";
import type { Locale } from "./messages";

const ZH: Record<ReportCode, string> = {
  "report-amount-mismatch": "报告称「{subject}」的{what}为 {stated}，表中为 {expected}（{cell}）。",
  "report-rate-mismatch": "报告称「{subject}」的{what}为 {stated}，表中为 {expected}（{cell}）。",
  "report-score-mismatch": "报告称「{subject}」的{what}为 {stated}，表中为 {expected}（{cell}）。",
  "report-grade-mismatch": "报告称「{subject}」的等级为「{stated}」，表中为「{expected}」（{cell}）。",
  "report-text-inconsistent":
    "「{subject}」的{what}在报告中前后不一：此处为 {stated}，前文为 {earlier}（「{earlierSentence}」）。",
  "report-prose-rate": "同一句中预算 {budget}、支出 {spent}，执行率应为 {expected}，报告写为 {stated}。",
  "report-prose-difference": "{current} 与上年 {prior} 相差 {expected}，报告写为 {stated}。",
  "report-prose-change-rate": "{current} 较上年 {prior} 的变动幅度应为 {expected}，报告写为 {stated}。",
  "report-grade-score": "总分 {total} 对应的等级为「{expected}」，报告写为「{stated}」。",
};

const EN: Record<ReportCode, string> = {
  "report-amount-mismatch": "The report states {what} of “{subject}” as {stated}; the form holds {expected} ({cell}).",
  "report-rate-mismatch": "The report states {what} of “{subject}” as {stated}; the form holds {expected} ({cell}).",
  "report-score-mismatch": "The report states {what} of “{subject}” as {stated}; the form holds {expected} ({cell}).",
  "report-grade-mismatch":
    "The report states the grade of “{subject}” as “{stated}”; the form holds “{expected}” ({cell}).",
  "report-text-inconsistent":
    "The report states {what} of “{subject}” as {stated} here but as {earlier} earlier (“{earlierSentence}”).",
  "report-prose-rate":
    "With a budget of {budget} and spending of {spent}, the rate is {expected}; the sentence says {stated}.",
  "report-prose-difference": "{current} against last year's {prior} differs by {expected}; the sentence says {stated}.",
  "report-prose-change-rate":
    "{current} against last year's {prior} changes by {expected}; the sentence says {stated}.",
  "report-grade-score": "A total of {total} earns grade “{expected}”; the sentence says “{stated}”.",
};

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

export function isReportCode(code: string): code is ReportCode {
  return Object.prototype.hasOwnProperty.call(REPORT_CODES, code);
}

/** The template of a report code with `what` put into words, or undefined for another code. */
export function reportTemplate(
  code: string,
  data: FindingData,
  locale: Locale,
): { template: string; data: FindingData } | undefined {
  if (!isReportCode(code)) return undefined;
  const words = WHAT[locale] ?? WHAT["zh-CN"];
  const what = typeof data.what === "string" ? (words[data.what] ?? data.what) : data.what;
  return { template: (locale === "en" ? EN : ZH)[code], data: { ...data, what } };
}

export const ALL_REPORT_CODES = Object.keys(REPORT_CODES) as ReportCode[];
