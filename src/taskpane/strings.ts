/**
 * Every word the pane shows, zh-CN first. English is used only when Office's display language
 * is not Chinese: its table (./strings.en.ts) is a chunk of its own, loaded before the pane
 * renders in English, so the Chinese pane's first scripts do not carry it (bench
 * bundle.taskpane.initial_gzip_kb). Finding texts are not here: the engine renders those (formatFinding).
 */
import type { Locale } from "../engine";

const zh = {
  title: "绩效自评助手",
  ruleSet: "评分规则",
  ruleSetHint: "所选规则保存在本工作簿中，下一位打开的人使用同一规则。",
  importRules: "导入规则文件（.json）…",
  importRulesFailed: "规则文件有问题，未导入：",
  importRulesUnreadable: "无法读取所选文件。",
  ruleStatus: { mandatory: "规定", recommended: "推荐做法", platform: "平台行为", unverified: "未经核实" } as Record<
    string,
    string
  >,
  ruleSetSaveFailed: "评分规则未能保存到工作簿：",
  recalculateFailed: "评分规则已保存，但 JX 函数未能重新计算（可按 Ctrl+Alt+F9 全部重算）：",
  savingRuleSet: "正在把评分规则保存到工作簿",
  recalculating: "正在按新规则重新计算 JX 函数",
  tabInsert: "模板",
  tabCheck: "校验",
  tabCalculate: "计算",
  tabFreeze: "固化",
  tabReport: "汇总与报告",
  // 插入模板
  formKind: "表格类型",
  kindProject: "项目支出绩效自评表",
  kindDepartment: "部门整体支出绩效自评表",
  kindDepartmentGs: "部门整体支出绩效自评表（部门管理/履职效果/能力建设）",
  formulaStyle: "公式形式",
  styleNative: "Excel 原生公式（任何电脑都能打开）",
  styleCustom: "JX 自定义函数（需安装本加载项）",
  insert: "插入模板",
  inserted: (sheet: string) => `已插入新工作表“${sheet}”，原有工作表均未改动。`,
  // 校验
  check: "校验",
  checkHint: "检查当前工作表上的绩效自评表：计算、合计、等级与必填项。",
  mark: "标记",
  clearMarks: "清除标记",
  noFindings: (sheet: string) => `工作表“${sheet}”未发现问题。`,
  noForm: (sheet: string) => `工作表“${sheet}”上没有找到绩效自评表。`,
  listSep: "、",
  severityError: "错误",
  severityWarning: "警告",
  severityInfo: "提示",
  badge: { error: "错误", warning: "警告", info: "提示" },
  formLevel: "表级",
  clickToSelect: "点击定位到单元格",
  // 计算
  calculate: "计算",
  calculateHint: "只填写空着的执行率、得分、合计、总分、等级（以及本加载项自己的公式）；您输入的数值不会被改动。",
  writesTitle: "得分说明",
  filledTag: "（本次填入）",
  /** The heading says what the list holds: only typed values, only formulas' results, or both (each row says which). */
  conflictsTitle: {
    typed: "以下单元格中您填写的数值与计算结果不同，未作改动：",
    formula: "以下单元格中的公式结果与计算结果不同，未作改动：",
    mixed: "以下单元格中的填写值或公式结果（逐项注明）与计算结果不同，未作改动：",
  },
  /** What a conflict row calls the cell's current value: typed by the clerk, or shown by a formula. */
  statedAs: { typed: "填写值", formula: "公式结果" },
  conflictLine: (statedAs: string, stated: string, computed: string, why: string) =>
    `${statedAs} ${stated} → 计算值 ${computed}：${why}`,
  replaceLine: (cell: string, statedAs: string, stated: string, computed: string) =>
    `${cell}：${statedAs} ${stated} → ${computed}`,
  /** After a replaced formula's line: the formula itself goes, not only its result. */
  formulaGoes: "（公式将换成数值）",
  replaceSelected: "用计算值替换勾选的单元格",
  replaceNeedsTick: "先勾选要替换的单元格。",
  problemsTitle: "无法计算的行",
  // 固化
  freezeHint: "把 JX 函数公式换成数值，没有安装本加载项的人也能看到数字，而不是 #NAME?。",
  freezeScope: "范围",
  scopeSheet: "当前工作表",
  scopeWorkbook: "整个工作簿",
  preferNative: "能换成 Excel 原生公式的，换成原生公式",
  freeze: "固化",
  /** `cells`: the first of them, already listed. */
  notFrozen: (count: number, cells: string) =>
    `${count} 个 JX 公式还没有计算结果，未能固化，没有安装加载项的人会看到 #NAME?：${cells}。请按 Ctrl+Alt+F9 重新计算后再固化。`,
  // 第一步
  firstStepLoading: "正在查看当前工作表…",
  firstStepForm: (sheet: string, kind: string) => `工作表“${sheet}”是一张${kind}：点 校验 检查它。`,
  firstStepNoForm: (sheet: string) => `工作表“${sheet}”上没有绩效自评表：插入模板，或切换到填好的表格后点 校验。`,
  suggestedRules: (label: string) => `建议评分规则：${label}`,
  useSuggested: "使用建议的规则",
  kindNameProject: "项目支出绩效自评表",
  kindNameDepartment: "部门整体支出绩效自评表",
  // 校验结果
  checkSheet: "校验当前工作表",
  checkWorkbook: "校验整个工作簿",
  verdict: (total: string, grade: string, errors: number, warnings: number) =>
    `应得总分 ${total}，等级 ${grade}；错误 ${errors} 个，警告 ${warnings} 个`,
  verdictNoTotal: (errors: number, warnings: number) =>
    `还算不出总分（缺少得分或没有总分行）；错误 ${errors} 个，警告 ${warnings} 个`,
  verdictNoForm: "没有绩效自评表",
  workbookSummary: (n: number, forms: number) => `已校验 ${n} 个工作表，其中 ${forms} 个有绩效自评表：`,
  blankForm: (sheet: string) => `工作表“${sheet}”上的表格还没有可评分的内容：填写指标值、实际完成值等后再校验。`,
  filter: "显示",
  previous: "上一条",
  next: "下一条",
  navNeedsShown: "没有可逐条查看的问题：筛选隐藏了全部问题。",
  position: (i: number, n: number) => `第 ${i} / ${n} 条`,
  newTag: "新",
  resultsUpdated: (sheet: string) => `工作表“${sheet}”已改动，校验结果已更新。`,
  legendTitle: "标记底色：",
  markNeedsCheck: "先校验；有指向单元格的问题时才能标记。",
  clearNeedsSheet: "先校验，清除标记作用于校验过的工作表。",
  marksOn: (sheets: string) => `标记作用于：${sheets}`,
  marksClearedOn: (sheets: string) => `已清除工作表${sheets}上本加载项所做的标记（您自己的格式未动）。`,
  markedOn: (n: number, sheets: string) => `已在工作表${sheets}标记 ${n} 个单元格（不改动任何数值和原有格式）。`,
  /** The rules' grade words as the pane shows them. */
  gradeName: { 优: "优", 良: "良", 中: "中", 差: "差" } as Record<string, string>,
  quoteSheet: (sheet: string) => `“${sheet}”`,
  sheetLine: (sheet: string, line: string) => `工作表“${sheet}”：${line}`,
  noFormMinimum:
    "最少需要：① 指标表表头“三级指标”（或一级/二级指标），再加 指标值、实际完成值、分值、得分 中的任意两个；或 ② 项目资金表头“全年预算数”“全年执行数”，再加 年初预算数、执行率、分值、得分 中的一个。",
  // 计算 / 固化 的诚实结果
  writtenOn: (n: number, sheet: string) => `已在工作表“${sheet}”写入 ${n} 个单元格。`,
  nothingToWrite: (sheet: string) => `工作表“${sheet}”没有需要填写的单元格，未作改动。`,
  noFormNoWrite: (sheet: string) => `工作表“${sheet}”上没有找到绩效自评表，未写入任何单元格。`,
  replacedOn: (n: number, sheet: string) => `已按您的确认替换工作表“${sheet}”上的 ${n} 个单元格。`,
  frozenOn: (n: number, where: string) => `已固化${where}上的 ${n} 个 JX 公式。`,
  nothingToFreeze: (where: string) => `${where}没有 JX 公式需要固化，未作改动。`,
  workbookWhere: "整个工作簿",
  sheetWhere: (sheet: string) => `工作表“${sheet}”`,
  insertedUnder: (kind: string, used: string, chosen: string) =>
    `${kind}按“${used}”规则绘制：所选的“${chosen}”不是这类表格的指标体系。`,
  progressCheck: "正在校验",
  progressCalculate: "正在计算",
  progressFreeze: "正在固化",
  progressInsert: "正在插入模板",
  progressMark: "正在标记",
  // 确认与撤销
  confirmReplaceTitle: (n: number, sheet: string) => `将改动工作表“${sheet}”上的 ${n} 个单元格：`,
  confirmReplace: "确认替换",
  confirmFreezeTitle: (n: number, where: string) => `将把${where}上的 ${n} 个 JX 公式换成数值（或原生公式）：`,
  confirmFreeze: "确认固化",
  cancel: "取消",
  undo: "撤销上一次操作",
  undoAvailable: (action: string, sheets: string, n: number) =>
    `可撤销：上一次${action}改动了工作表${sheets}上的 ${n} 个单元格（记录保存在工作簿中）。`,
  undone: (n: number, sheets: string) => `已把工作表${sheets}上的 ${n} 个单元格恢复为操作前的内容。`,
  actionName: { calculate: "计算", replace: "替换", freeze: "固化", rollup: "汇总" },
  progressUndo: "正在撤销",
  undoKeptEdits: (n: number, cells: string) =>
    `另有 ${n} 个单元格在那次操作之后被改动过，保留现在的内容，未恢复：${cells}。`,
  undoNotKept: "改动已完成，但撤销记录未能保存到工作簿：这次改动不能用“撤销上一次操作”撤回。",
  // 进度与错误
  working: "正在处理…",
  failed: "操作未完成",
  failedGeneric: "Excel 未能完成此操作，工作簿中的数据未被改动。请重试；如仍失败，请联系信息技术人员。",
  errEditMode: "Excel 正在编辑单元格。请先按 Enter 或 Esc 退出编辑，再试一次。",
  errNotFound: "找不到要操作的工作表或单元格，可能已被重命名或删除。",
  errAccessDenied: "工作表受保护或工作簿为只读，无法写入。",
  errExists: "同名的工作表已存在，未做任何更改。",
  errTooLarge: "数据量超过 Excel 单次传输的上限，请缩小表格后重试。",
  errNoHost: "未检测到 Excel：请在 Excel 中通过“开始 → 绩效自评”打开本加载项。",
  errInvalidPlan: "写入内容有误，工作表未做任何更改。",
  errInternal: "操作未能完成：加载项内部出错。请重试；若仍出错，请把详细信息告诉信息技术人员。",
  errDetail: "详细信息：",
  /** The pane's language, for messages the engine and the operations render themselves. */
  locale: "zh-CN" as Locale,
};

export type Strings = typeof zh;

/** Chinese for any Chinese display language (zh-CN, zh-TW, zh-HK…), English otherwise. */
export function pickLocale(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return "zh-CN";
  return /^zh\b/i.test(displayLanguage.trim()) ? "zh-CN" : "en";
}

let english: Strings | undefined;

/** The table for `locale`; English must have been loaded (loadStrings) first. */
export function stringsFor(locale: Locale): Strings {
  if (locale === "zh-CN") return zh;
  if (!english) throw new Error('The English strings are not loaded: await loadStrings("en") before rendering.');
  return english;
}

/** Load the table for `locale` (English is fetched once); resolves to it. */
export async function loadStrings(locale: Locale): Promise<Strings> {
  if (locale !== "zh-CN") english ??= (await import(/* webpackChunkName: "strings-en" */ "./strings.en")).en;
  return stringsFor(locale);
}
