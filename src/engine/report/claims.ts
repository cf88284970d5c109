/**
 * A claim is one quantity with what it says: which metric (全年预算, 实际支出, 执行率, 总分 …)
 * read from the keyword just before it in its clause. Quantities about last year, or a change
 * (增加/减少 …), are kept apart: they are checked as arithmetic, never against this year's table.
 */
import { quantitiesIn, type Quantity } from "./quantities";
import { splitClauses, type Sentence } from "./text";

export type Metric =
  | "initial" // 年初预算数
  | "budget" // 全年预算数 / 预算数 / 批复金额 / 应支出
  | "spent" // 全年执行数 / 实际支出
  | "rate" // 预算执行率
  | "execScore" // 预算执行率得分
  | "totalScore" // 总分 / 自评得分
  | "grade" // 等级
  | "prior" // 上年 … (a comparison base)
  | "change" // 增加 / 减少 … (an amount or a percent of change)
  | "total" // 合计 (收入合计, 支出合计)
  | "other";

export interface Claim {
  sentence: Sentence;
  /** 0-based clause index within the sentence. */
  clause: number;
  metric: Metric;
  quantity: Quantity;
  /** The keyword that decided the metric ("实际支出"), empty when none. */
  keyword: string;
  /** "projects": the sentence speaks of 项目支出 as a whole (a department's total) up to here. */
  scope?: "projects";
}

const CHANGE = /(?:增加|减少|增长|下降|提高|降低|上升|节约|结余|超支|差额|少支|多支|同比|环比)/;
const PRIOR = /(?:上年|去年|上一年|上年度|前一年)/;

/** Keywords per metric, most specific first (the last keyword before a quantity decides). */
const KEYWORDS: [Metric, RegExp][] = [
  ["initial", /年初预算数?|年初批复|年初安排/g],
  ["rate", /预算执行率|资金执行率|执行率|支出率/g],
  ["spent", /全年执行数|实际支出金额|实际支出|实际使用|实际执行|执行数|执行金额|已支出|支出|使用|拨付|执行/g],
  [
    "budget",
    /全年预算数?|调整后预算数?|预算数|预算金额|预算资金|批复金额|批复资金|预算安排|应支出|下达资金|资金总额|预算|批复|安排资金/g,
  ],
  ["totalScore", /总分|自评得分|综合得分|最终得分|得分|评分|自评分/g],
  ["total", /合计|总计/g],
  // Department aggregates and sub-rows: never this project's 全年预算 or 实际支出.
  ["other", /基本支出|项目支出|人员经费|公用经费|三公经费|收入|财政拨款|其他资金|结转|自筹|单位资金|配套/g],
];

/** 项目支出 as a whole ("本项目支出" is one project's); what ends it: another part of the department's money. */
const PROJECTS_SCOPE = /(?<![本该此])项目支出|重点工作任务/g;
const OTHER_SCOPE = /基本支出|支出合计|收入合计|部门整体|人员经费|公用经费|三公经费/g;

function lastIndex(text: string, re: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index ?? at;
  return at;
}

/** Every claim of a sentence. */
export function claimsOf(sentence: Sentence): Claim[] {
  const out: Claim[] = [];
  let earlier = "";
  splitClauses(sentence.text).forEach((clause, ci) => {
    let from = 0;
    for (const q of quantitiesIn(clause)) {
      const gap = clause.slice(from, q.start);
      const { metric, keyword } = metricOf(q, gap, clause.slice(0, q.start));
      const upTo = earlier + clause.slice(0, q.start);
      const scope = lastIndex(upTo, PROJECTS_SCOPE) > lastIndex(upTo, OTHER_SCOPE) ? "projects" : undefined;
      out.push({ sentence, clause: ci, metric, quantity: q, keyword, ...(scope ? { scope } : {}) });
      from = q.end;
    }
    earlier += `${clause}，`;
  });
  return out;
}

function metricOf(q: Quantity, gap: string, before: string): { metric: Metric; keyword: string } {
  if (q.kind === "grade") return { metric: "grade", keyword: "等级" };
  if (CHANGE.test(gap)) return { metric: "change", keyword: CHANGE.exec(gap)?.[0] ?? "" };
  if (PRIOR.test(gap)) return { metric: "prior", keyword: PRIOR.exec(gap)?.[0] ?? "" };
  // "预算数、执行数分别为 60 万元、38.7 万元": which is which is beyond a keyword reader; say nothing.
  if (/分别/.test(before)) return { metric: "other", keyword: "" };
  const found = lastKeyword(gap);
  if (!found) return { metric: "other", keyword: "" };
  return { metric: fitToKind(found.metric, q, before), keyword: found.keyword };
}

/** The keyword that ends last in `text` (ties: the longer one). */
function lastKeyword(text: string): { metric: Metric; keyword: string } | null {
  let best: { metric: Metric; keyword: string; end: number } | null = null;
  for (const [metric, re] of KEYWORDS) {
    for (const m of text.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      if (!best || end > best.end || (end === best.end && m[0].length > best.keyword.length)) {
        best = { metric, keyword: m[0], end };
      }
    }
  }
  return best && { metric: best.metric, keyword: best.keyword };
}

/** A keyword only means its metric for the right kind of quantity (执行率 of 95% but 得分 of 10 分). */
function fitToKind(metric: Metric, q: Quantity, before: string): Metric {
  if (q.kind === "score") {
    if (/满分|分值|权重/.test(before)) return "other";
    if (/执行率/.test(before)) return "execScore";
    return metric === "totalScore" || /总分|得分/.test(before) ? "totalScore" : "other";
  }
  if (q.kind === "percent") return metric === "rate" ? "rate" : "other";
  if (metric === "rate" || metric === "totalScore") return "other";
  return metric;
}
