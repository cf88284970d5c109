/**
 * Header words and their synonyms: which column a header cell names, per block.
 *
 * Real forms spell the same column many ways (domain.md, "Words that mean the same column"),
 * with spaces, line breaks, full-width brackets and a unit in brackets ("全年预算数（A）",
 * "实际支出金额（万元）"). `headerKey` reduces a header cell to a comparable key once; the
 * tables below map keys to the column names of `form.ts`. Adding a synonym is adding a line.
 */
import type { FundsColumn, FundsRowKind, IndicatorColumn, TaskColumn } from "./form";

/** Headers are short: longer text (a goal, a task description) is never a header and is not normalised. */
export const MAX_HEADER_LENGTH = 40;

/**
 * Reduce header text to a key: NFKC (full-width → ASCII brackets, digits, spaces), no whitespace,
 * bracketed parts dropped ("(A)", "(万元)", "(%)"), a leading "其中：" and trailing colons dropped.
 */
export function headerKey(text: string): string {
  // Longer text is never a header; the bracket regex below would also rescan it at every "(".
  if (text.length > MAX_HEADER_LENGTH) return "";
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[([【][^)\]】]*[)\]】]/g, "")
    .replace(/^其中[:：]?/, "")
    .replace(/[:：]+$/, "");
}

function table<K extends string>(entries: Record<K, readonly string[]>): Map<string, K> {
  const m = new Map<string, K>();
  for (const [key, words] of Object.entries(entries) as [K, readonly string[]][]) {
    for (const w of words) m.set(headerKey(w), key);
  }
  return m;
}

/** The indicator table. The first word of each list is the canonical header (shown to users). */
export const INDICATOR_SYNONYMS: Record<IndicatorColumn, readonly string[]> = {
  // 分解目标: 江西's 部门整体 template names its 一级 column so (管理指标 / 产出指标 / 效果指标).
  level1: ["一级指标", "分解目标"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标内容", "指标名称", "三级指标名称", "绩效指标名称"],
  nature: ["指标性质", "指标值类型", "指标类型", "指标属性"],
  direction: ["指标方向", "指标方向性"],
  target: [
    "指标值",
    "年度指标值",
    "年初目标值",
    "年度目标值",
    "目标值",
    "年度目标",
    "全年指标值",
    "预期指标值",
    "年初指标值",
  ],
  unit: ["度量单位", "计量单位", "单位"],
  actual: [
    "实际完成值",
    "完成值",
    "全年实际值",
    "实际值",
    "全年完成值",
    "实际完成",
    "实际完成指标值",
    "单项指标实际完成值",
    "年终完成值",
  ],
  // 自评权重 beside the 一级 (江西) weighs the 一级, not the rows: see level1Weight.ts.
  weight: ["分值", "权重", "指标分值", "指标权重", "自评权重"],
  score: ["得分", "自评得分", "实际得分", "评分", "指标得分", "自评分"],
  reason: ["偏差原因分析及改进措施", "未完成原因分析", "原因", "偏差原因", "偏差原因分析", "未完成原因分析及改进措施"],
};

/** Group headers of a two-row indicator header: they name no column of their own. */
export const INDICATOR_GROUP_WORDS: readonly string[] = ["绩效指标", "年度指标值"];

export const FUNDS_SYNONYMS: Record<FundsColumn, readonly string[]> = {
  initial: ["年初预算数", "年初预算"],
  budget: ["全年预算数", "调整后预算数", "全年预算", "调整后预算", "预算数"],
  spent: ["全年执行数", "预算执行数", "实际支出", "全年执行", "实际执行数", "执行数"],
  weight: ["分值", "权重"],
  rate: ["执行率", "预算执行率"],
  score: ["得分", "自评得分"],
};

export const FUNDS_ROW_SYNONYMS: Record<FundsRowKind, readonly string[]> = {
  total: ["年度资金总额", "资金总额", "年度资金总量", "总额", "年度财政资金总额", "资金总额合计"],
  fiscal: ["当年财政拨款", "本年财政拨款", "财政拨款", "财政资金"],
  carryover: ["上年结转资金", "上年结转", "结转资金"],
  other: ["其他资金", "财政专户管理资金", "单位资金", "社会资金", "自筹资金"],
};

export const TASK_SYNONYMS: Record<TaskColumn, readonly string[]> = {
  name: ["任务名称", "重点工作任务", "工作任务"],
  level: ["项目级次"],
  content: ["主要内容"],
  approvedTotal: ["总额", "批复金额", "批复金额合计"],
  approvedFiscal: ["财政拨款"],
  approvedOther: ["其他资金"],
  spent: ["实际支出金额", "实际支出", "全年执行数"],
  rate: ["预算执行率", "执行率"],
  reason: ["预算执行偏低原因及改进措施", "原因", "偏差原因"],
};

/**
 * A funds sub-row by its wording when no synonym names it: "其中：中央财政资金", "自治区财政资金",
 * "盟市财政资金" — a source of money ending in 资金 or 拨款 (the block's own label is not one).
 */
export function fundsRowKindOf(key: string): FundsRowKind | undefined {
  const kind = FUNDS_ROW_LABELS.get(key);
  if (kind) return kind;
  if (key.length > 16 || key.startsWith("项目资金") || key.startsWith("资金")) return undefined;
  return /(?:资金|拨款)$/.test(key) ? "other" : undefined;
}

/**
 * A weight written inside a label or header: "预算执行情况(10分)", "得分（20分*执行率）",
 * "产出指标（50分）", "(50分)", "效益指标⏎30分)". The number, or undefined.
 */
export function statedWeightIn(text: string): number | undefined {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  const m = /(\d+(?:\.\d+)?)分/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 && n <= 100 ? n : undefined;
}

export const INDICATOR_HEADERS = table(INDICATOR_SYNONYMS);
export const FUNDS_HEADERS = table(FUNDS_SYNONYMS);
export const FUNDS_ROW_LABELS = table(FUNDS_ROW_SYNONYMS);
export const TASK_HEADERS = table(TASK_SYNONYMS);
const GROUP_WORDS = new Set(INDICATOR_GROUP_WORDS.map(headerKey));

export function isIndicatorGroupWord(key: string): boolean {
  return GROUP_WORDS.has(key);
}

/** Reason columns are spelt freely ("偏差原因及整改措施"): any short header mentioning 原因 counts. */
export function indicatorColumnOf(key: string): IndicatorColumn | undefined {
  const k = INDICATOR_HEADERS.get(key);
  if (k) return k;
  if (key.length <= 20 && key.includes("原因")) return "reason";
  return undefined;
}

/** Labels whose value (the next filled cell to the right) names the form. */
export const NAME_LABELS = new Map<string, "project" | "department">([
  ["项目名称", "project"],
  ["部门名称", "department"],
  ["单位名称", "department"],
  ["部门(单位)名称", "department"],
]);

/**
 * Every word any block or label recognises, in one set: a row none of whose cells is in it (and
 * none mentions 原因) cannot start a block, which lets the scan skip it with one lookup per cell.
 */
const KNOWN_WORDS = new Set<string>([
  ...INDICATOR_HEADERS.keys(),
  ...FUNDS_HEADERS.keys(),
  ...FUNDS_ROW_LABELS.keys(),
  ...TASK_HEADERS.keys(),
  ...GROUP_WORDS,
  ...NAME_LABELS.keys(),
]);

export function isKnownWord(key: string): boolean {
  return KNOWN_WORDS.has(key) || (key.length <= 20 && key.includes("原因"));
}

/** A title line: "2023年度项目支出绩效自评表", "部门整体支出绩效自评表" … */
const TITLE = /绩效自评.{0,4}表|绩效评价表|自评表/;

/**
 * 部门 alone does not make a 部门整体 form: 四川, 山东 and 宁夏 title their project forms
 * "部门预算项目支出绩效自评表" / "本级部门项目支出绩效自评表" — a project of a department's budget.
 */
export function titleKind(text: string): "project" | "department" | null {
  if (text.length > 60 || !TITLE.test(text)) return null;
  if (/整体/.test(text)) return "department";
  return /部门/.test(text) && !/项目/.test(text) ? "department" : "project";
}

/** The row ending an indicator table or marking the notes below it. */
export function isNotesLabel(key: string): boolean {
  return key.length <= 12 && (key.startsWith("其他需") || key.includes("说明事项"));
}

export function isTotalLabel(key: string): boolean {
  return key === "总分" || (key.length <= 6 && key.startsWith("总分")) || key === "综合得分" || key === "自评总分";
}

/** 合计 / 小计 rows; "产出指标小计" too, but not an indicator that merely mentions 合计. */
export function sumLabelKind(key: string): "total" | "subtotal" | null {
  if (key.length > 10) return null;
  if (key === "合计" || key === "总计" || key.startsWith("合计")) return "total";
  if (key.endsWith("小计") || key.startsWith("小计")) return "subtotal";
  if (key.endsWith("合计")) return "subtotal";
  return null;
}

/**
 * What the task pane shows when no form is found: the headers the detector looks for, so a user
 * can see which words their sheet lacks. Canonical spelling first, then the accepted synonyms.
 */
export const EXPECTED_HEADERS: readonly { block: string; headers: readonly { name: string; synonyms: string[] }[] }[] =
  [
    {
      block: "绩效指标表",
      headers: (Object.keys(INDICATOR_SYNONYMS) as IndicatorColumn[]).map((k) => ({
        name: INDICATOR_SYNONYMS[k][0],
        synonyms: INDICATOR_SYNONYMS[k].slice(1),
      })),
    },
    {
      block: "项目资金",
      headers: (Object.keys(FUNDS_SYNONYMS) as FundsColumn[]).map((k) => ({
        name: FUNDS_SYNONYMS[k][0],
        synonyms: FUNDS_SYNONYMS[k].slice(1),
      })),
    },
    {
      block: "部门年度重点工作任务",
      headers: (Object.keys(TASK_SYNONYMS) as TaskColumn[]).map((k) => ({
        name: TASK_SYNONYMS[k][0],
        synonyms: TASK_SYNONYMS[k].slice(1),
      })),
    },
  ];
