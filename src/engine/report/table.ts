/**
 * Text against tables: every claim about a subject the forms know is compared with the figure
 * the form holds for the same metric; a metric the form does not hold is compared across the
 * report's own sentences (the same project's 实际支出 stated twice, differently).
 */
import { fmtNum, fmtPctFixed } from "../scoring/format";
import type { AttributedClaim } from "./attribute";
import type { Metric } from "./claims";
import type { Fact, Subject } from "./facts";
import { reportFinding, type ReportCode, type ReportFinding } from "./findings";
import { agrees, type Quantity } from "./quantities";

const COMPARED: Metric[] = ["initial", "budget", "spent", "rate", "execScore", "totalScore", "grade"];

const CODE_OF: Record<string, ReportCode> = {
  initial: "report-amount-mismatch",
  budget: "report-amount-mismatch",
  spent: "report-amount-mismatch",
  rate: "report-rate-mismatch",
  execScore: "report-score-mismatch",
  totalScore: "report-score-mismatch",
  grade: "report-grade-mismatch",
};

export function checkAgainstTables(claims: AttributedClaim[]): ReportFinding[] {
  const out: ReportFinding[] = [];
  const unmatched: AttributedClaim[] = [];
  for (const c of claims) {
    if (!c.subject || !COMPARED.includes(c.metric)) continue;
    const facts = factsFor(c.subject, c.metric);
    if (facts.length === 0) {
      unmatched.push(c);
      continue;
    }
    if (facts.some((f) => same(c.quantity, f.value))) continue;
    const f = facts[facts.length - 1];
    out.push(
      reportFinding(CODE_OF[c.metric], c.sentence, f.cell, {
        subject: c.subject.name,
        what: c.metric,
        stated: c.quantity.text,
        expected: showFact(f),
        cell: f.cell,
      }),
    );
  }
  return out.concat(inconsistencies(unmatched));
}

/** A plain 预算 may mean 年初 or 全年: either agrees. */
function factsFor(subject: Subject, metric: Metric): Fact[] {
  const metrics: Metric[] = metric === "budget" ? ["initial", "budget"] : [metric];
  return subject.facts.filter((f) => metrics.includes(f.metric));
}

function same(q: Quantity, value: number | string): boolean {
  if (q.kind === "grade") return String(value).trim().startsWith(String(q.value));
  return typeof value === "number" && agrees(q, value);
}

export function showFact(f: Fact): string {
  if (typeof f.value === "string") return f.value;
  if (f.metric === "rate") return fmtPctFixed(f.value);
  if (f.metric === "execScore" || f.metric === "totalScore") return `${fmtNum(f.value, 2)}分`;
  return `${fmtNum(f.value, 2)}万元`;
}

/** The same subject and metric stated twice with values that cannot both be right. */
function inconsistencies(claims: AttributedClaim[]): ReportFinding[] {
  const out: ReportFinding[] = [];
  const first = new Map<string, AttributedClaim>();
  for (const c of claims) {
    const key = `${c.subject?.sheet}|${c.subject?.name}|${c.metric}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, c);
      continue;
    }
    if (compatible(earlier.quantity, c.quantity)) continue;
    out.push(
      reportFinding("report-text-inconsistent", c.sentence, null, {
        subject: c.subject?.name ?? "",
        what: c.metric,
        stated: c.quantity.text,
        earlier: earlier.quantity.text,
        earlierSentence: earlier.sentence.text,
      }),
    );
  }
  return out;
}

function compatible(a: Quantity, b: Quantity): boolean {
  if (a.kind === "grade" || b.kind === "grade") return a.value === b.value;
  return typeof b.value === "number" && typeof a.value === "number" && (agrees(a, b.value) || agrees(b, a.value));
}
