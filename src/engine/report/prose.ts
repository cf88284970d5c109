/**
 * Arithmetic inside the prose, no table needed: a sentence that states 预算, 支出 and 执行率
 * must agree with itself; "比上年 X 减少 Y，减少 Z%" must be the difference and its share of X;
 * a sentence that states a 总分 and a 等级 must give the grade that total earns.
 */
import type { RuleSet } from "../rules/schema";
import { fmtNum, fmtPctFixed } from "../scoring/format";
import { gradeFor } from "../scoring/total";
import { claimsOf, type Claim } from "./claims";
import { reportFinding, type ReportFinding } from "./findings";
import { agrees } from "./quantities";
import type { Sentence } from "./text";

export function checkProse(sentences: Sentence[], ruleSet: RuleSet): ReportFinding[] {
  const out: ReportFinding[] = [];
  for (const s of sentences) {
    const claims = claimsOf(s);
    const rate = rateFinding(s, claims);
    if (rate) out.push(rate);
    out.push(...changeFindings(s));
    const grade = gradeFinding(s, claims, ruleSet);
    if (grade) out.push(grade);
  }
  return out;
}

/** The one claim of a metric in the sentence; two of them (a list) make the sentence ambiguous. */
function only(claims: Claim[], metrics: string[]): Claim | null {
  const found = claims.filter((c) => metrics.includes(c.metric));
  return found.length === 1 ? found[0] : null;
}

function rateFinding(s: Sentence, claims: Claim[]): ReportFinding | null {
  const budget = only(claims, ["budget", "initial"]);
  const spent = only(claims, ["spent"]);
  const rate = only(claims, ["rate"]);
  if (!budget || !spent || !rate) return null;
  const b = budget.quantity.value as number;
  const sp = spent.quantity.value as number;
  if (!(b > 0)) return null;
  if (agrees(rate.quantity, sp / b)) return null;
  return reportFinding("report-prose-rate", s, null, {
    budget: budget.quantity.text,
    spent: spent.quantity.text,
    stated: rate.quantity.text,
    expected: fmtPctFixed(sp / b),
  });
}

/** "X，比上年 P 减少 D，减少 Z%": read with the bracketed asides removed, so X is the figure compared. */
function changeFindings(s: Sentence): ReportFinding[] {
  const plain: Sentence = { ...s, text: s.text.replace(/[（(][^）)]*[）)]/g, "") };
  const claims = claimsOf(plain).filter((c) => c.quantity.kind === "amount" || c.metric === "change");
  const out: ReportFinding[] = [];
  claims.forEach((prior, i) => {
    if (prior.metric !== "prior" || prior.quantity.kind !== "amount") return;
    const current = [...claims.slice(0, i)]
      .reverse()
      .find((c) => c.quantity.kind === "amount" && c.metric !== "change" && c.metric !== "prior");
    if (!current) return;
    const x = current.quantity.value as number;
    const p = prior.quantity.value as number;
    const diff = Math.abs(x - p);
    for (const c of claims.slice(i + 1)) {
      if (c.metric !== "change") break;
      const f = changeFinding(s, c, { x, p, diff, current: current.quantity.text, prior: prior.quantity.text });
      if (f) out.push(f);
    }
  });
  return out;
}

interface Change {
  x: number;
  p: number;
  diff: number;
  current: string;
  prior: string;
}

function changeFinding(s: Sentence, c: Claim, ch: Change): ReportFinding | null {
  const data = { current: ch.current, prior: ch.prior, stated: c.quantity.text };
  if (c.quantity.kind === "amount") {
    if (agrees(c.quantity, ch.diff) && directionAgrees(c.keyword, ch)) return null;
    return reportFinding("report-prose-difference", s, null, { ...data, expected: `${fmtNum(ch.x - ch.p, 2)}万元` });
  }
  if (c.quantity.kind === "percent" && ch.p > 0) {
    if (agrees(c.quantity, ch.diff / ch.p) && directionAgrees(c.keyword, ch)) return null;
    return reportFinding("report-prose-change-rate", s, null, { ...data, expected: fmtPctFixed((ch.x - ch.p) / ch.p) });
  }
  return null;
}

/** 减少 / 下降 when the figure went down; 增加 / 增长 when it went up. */
function directionAgrees(word: string, ch: Change): boolean {
  if (/减少|下降|降低|节约|少支/.test(word)) return ch.x <= ch.p;
  if (/增加|增长|提高|上升|多支|超支/.test(word)) return ch.x >= ch.p;
  return true;
}

function gradeFinding(s: Sentence, claims: Claim[], ruleSet: RuleSet): ReportFinding | null {
  const total = only(claims, ["totalScore"]);
  const grade = only(claims, ["grade"]);
  if (!total || !grade) return null;
  const expected = gradeFor(total.quantity.value as number, ruleSet);
  if (expected === grade.quantity.value) return null;
  return reportFinding("report-grade-score", s, null, {
    total: total.quantity.text,
    stated: grade.quantity.text,
    expected,
  });
}
