/** The words of the review outputs, in zh-CN and English (rendered here, at the edge). */
import type { Advice, AdviceAction, FormKind, Locale, ReviewFlag } from "../../engine";
import { formatFinding } from "../../engine";

export interface ReviewWords {
  sheets: { summary: string; details: string; unread: string };
  summaryHeader: string[];
  detailHeader: string[];
  unreadHeader: string[];
  kind: Record<FormKind, string>;
  flag: Record<ReviewFlag, string>;
  severity: Record<"error" | "warning" | "info", string>;
  advice: Record<AdviceAction, string>;
  link: string;
  title: string;
  gradeChart: string;
  noGrade: string;
  generated: (forms: number, files: number, unread: number) => string;
}

const ZH: ReviewWords = {
  sheets: { summary: "汇总", details: "问题明细", unread: "未能读取" },
  summaryHeader: [
    "序号",
    "文件",
    "工作表",
    "表类型",
    "项目名称/部门",
    "主管部门",
    "实施单位",
    "全年预算数",
    "全年执行数",
    "执行率",
    "填报总分",
    "应得总分",
    "填报等级",
    "应得等级",
    "错误",
    "警告",
    "预警",
    "建议",
    "明细",
  ],
  detailHeader: ["文件", "工作表", "单元格", "级别", "代码", "问题"],
  unreadHeader: ["文件", "原因"],
  kind: { project: "项目支出", department: "部门整体" },
  flag: { red: "红色", yellow: "黄色" },
  severity: { error: "错误", warning: "警告", info: "提示" },
  advice: { return: "建议退回", verify: "请核实", pass: "通过" },
  link: "查看",
  title: "绩效自评表审核汇总",
  gradeChart: "等级分布（应得等级）",
  noGrade: "无等级",
  generated: (forms, files, unread) => `共 ${files} 个文件、${forms} 张自评表；未能读取 ${unread} 个文件。`,
};

const EN: ReviewWords = {
  sheets: { summary: "Summary", details: "Findings", unread: "Unreadable" },
  summaryHeader: [
    "No.",
    "File",
    "Sheet",
    "Form",
    "Project / department",
    "Supervising dept.",
    "Implementing unit",
    "Budget",
    "Spent",
    "Execution rate",
    "Stated total",
    "Computed total",
    "Stated grade",
    "Computed grade",
    "Errors",
    "Warnings",
    "Flag",
    "Suggestion",
    "Details",
  ],
  detailHeader: ["File", "Sheet", "Cell", "Severity", "Code", "Finding"],
  unreadHeader: ["File", "Reason"],
  kind: { project: "Project", department: "Department" },
  flag: { red: "red", yellow: "yellow" },
  severity: { error: "error", warning: "warning", info: "info" },
  advice: { return: "Return", verify: "Verify", pass: "Pass" },
  link: "view",
  title: "Self-evaluation review summary",
  gradeChart: "Grades (computed)",
  noGrade: "no grade",
  generated: (forms, files, unread) => `${files} file(s), ${forms} form(s); ${unread} file(s) could not be read.`,
};

export function reviewWords(locale: Locale): ReviewWords {
  return locale === "en" ? EN : ZH;
}

/** 建议退回：总分与各项得分之和不符 — the suggestion with its main reason in a few words. */
export function adviceText(advice: Advice, locale: Locale): string {
  const w = reviewWords(locale);
  if (!advice.code) return w.advice[advice.action];
  return `${w.advice[advice.action]}${locale === "en" ? ": " : "："}${reasonWords(advice, locale)}`;
}

const REASON_ZH: Record<string, string> = {
  "total-mismatch": "总分与各项得分之和不符",
  "grade-mismatch": "等级与总分不符",
  "weights-total": "分值合计不是 100",
  "total-weight-mismatch": "总分的分值与各项分值之和不符",
  "exec-score-mismatch": "预算执行率得分有误",
  "rate-mismatch": "执行率与金额不符",
  "score-above-weight": "得分超过分值",
  "score-mismatch": "指标得分与评分规则不符",
  "score-out-of-band": "定性指标得分超出档次",
  "sum-mismatch": "合计不等于各行之和",
  "funds-sum-mismatch": "年度资金总额与各项之和不符",
  "rate-over-100": "比率超过 100%",
  "review-score-outpaces-spending": "指标得分率明显高于预算执行率",
  "exec-rate-over-100": "执行数超过预算数",
  "review-zero-budget": "预算数为 0",
  "review-unspent": "超过 20% 的预算未支出",
};

const REASON_EN: Record<string, string> = {
  "total-mismatch": "total is not the sum of the scores",
  "grade-mismatch": "grade does not match the total",
  "weights-total": "weights do not add up to 100",
  "total-weight-mismatch": "total weight is not the sum of the weights",
  "exec-score-mismatch": "execution score is wrong",
  "rate-mismatch": "execution rate does not match the amounts",
  "score-above-weight": "a score exceeds its weight",
  "score-mismatch": "a score the rules would not give",
  "score-out-of-band": "a qualitative score outside its band",
  "sum-mismatch": "a subtotal is not the sum of its rows",
  "funds-sum-mismatch": "funds total is not the sum of its parts",
  "rate-over-100": "a rate above 100%",
  "review-score-outpaces-spending": "score rate well above the execution rate",
  "exec-rate-over-100": "spent more than the budget",
  "review-zero-budget": "zero budget",
  "review-unspent": "more than 20% unspent",
};

/** A few words for the main finding; codes without their own words quote the finding, shortened. */
export function reasonWords(advice: Advice, locale: Locale): string {
  const words = (locale === "en" ? REASON_EN : REASON_ZH)[advice.code ?? ""];
  if (words) return words;
  const text = advice.finding ? formatFinding(advice.finding, locale) : (advice.code ?? "");
  const short = text.replace(/[。.]$/, "");
  return short.length > 40 ? `${short.slice(0, 39)}…` : short;
}
