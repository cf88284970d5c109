/**
 * Every word the pane shows, zh-CN first. English is used only when Office's display language
 * is not Chinese. Finding texts are not here: the engine renders those (formatFinding).
 */
import type { Locale } from "../engine";

const zh = {
  title: "绩效自评助手",
  ruleSet: "评分规则",
  ruleSetHint: "所选规则保存在本工作簿中，下一位打开的人使用同一规则。",
  ruleSetSaveFailed: "评分规则未能保存到工作簿：",
  recalculateFailed: "评分规则已保存，但 JX 函数未能重新计算（可按 Ctrl+Alt+F9 全部重算）：",
  savingRuleSet: "正在把评分规则保存到工作簿",
  recalculating: "正在按新规则重新计算 JX 函数",
  tabInsert: "模板",
  tabCheck: "校验",
  tabCalculate: "计算",
  tabFreeze: "固化",
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
  marked: (n: number) => `已在工作表中标记 ${n} 个单元格（不改动任何数值和原有格式）。`,
  marksCleared: "已清除本加载项所做的标记。",
  noFindings: (sheet: string) => `工作表“${sheet}”未发现问题。`,
  checkedSheet: (sheet: string) => `工作表“${sheet}”的校验结果（“标记”作用于此表）：`,
  noForm: (sheet: string) => `工作表“${sheet}”上没有找到绩效自评表。`,
  /** `blocks`: what the detector looks for, block by block (from the engine). */
  noFormHeaders: (blocks: string) => `应有的表头——${blocks}。请检查表头文字，或先插入模板。`,
  listSep: "、",
  blockSep: "；",
  severityError: "错误",
  severityWarning: "警告",
  severityInfo: "提示",
  formLevel: "表级",
  clickToSelect: "点击定位到单元格",
  // 计算
  calculate: "计算",
  calculateHint: "只填写空白单元格和本加载项的公式；您输入的数值不会被改动。",
  written: (n: number) => `已写入 ${n} 个单元格。`,
  writesTitle: "得分说明",
  filledTag: "（本次填入）",
  conflictsTitle: "以下单元格中您填写的数值与计算结果不同，未作改动：",
  stated: "填写值",
  computed: "计算值",
  replaceSelected: "用计算值替换所选单元格",
  replaced: (n: number) => `已按您的确认替换 ${n} 个单元格。`,
  problemsTitle: "无法计算的行",
  // 固化
  freezeHint: "把 JX 函数公式换成数值，没有安装本加载项的人也能看到数字，而不是 #NAME?。",
  freezeScope: "范围",
  scopeSheet: "当前工作表",
  scopeWorkbook: "整个工作簿",
  preferNative: "能换成 Excel 原生公式的，换成原生公式",
  freeze: "固化",
  frozen: (n: number) => `已固化 ${n} 个公式。`,
  /** `cells`: the first of them, already listed. */
  notFrozen: (count: number, cells: string) =>
    `${count} 个 JX 公式还没有计算结果，未能固化，没有安装加载项的人会看到 #NAME?：${cells}。请按 Ctrl+Alt+F9 重新计算后再固化。`,
  // 进度与错误
  working: "正在处理…",
  failed: "操作未完成",
  failedGeneric: "Excel 未能完成此操作，工作簿中的数据未被改动。请重试；如仍失败，请联系信息技术人员。",
  errEditMode: "Excel 正在编辑单元格。请先按 Enter 或 Esc 退出编辑，再试一次。",
  errNotFound: "找不到要操作的工作表或单元格，可能已被重命名或删除。",
  errAccessDenied: "工作表受保护或工作簿为只读，无法写入。",
  errDetail: "详细信息：",
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Performance Self-Evaluation",
  ruleSet: "Scoring rules",
  ruleSetHint: "The chosen rules are saved in this workbook, so the next person uses the same rules.",
  ruleSetSaveFailed: "The scoring rules could not be saved to the workbook: ",
  recalculateFailed:
    "The scoring rules were saved, but the JX functions could not be recalculated (press Ctrl+Alt+F9): ",
  savingRuleSet: "Saving the scoring rules to the workbook",
  recalculating: "Recalculating the JX functions under the new rules",
  tabInsert: "Template",
  tabCheck: "Check",
  tabCalculate: "Calculate",
  tabFreeze: "Freeze",
  formKind: "Form",
  kindProject: "Project expenditure self-evaluation",
  kindDepartment: "Department expenditure self-evaluation",
  kindDepartmentGs: "Department self-evaluation (management / performance / capacity)",
  formulaStyle: "Formulas",
  styleNative: "Native Excel formulas (open anywhere)",
  styleCustom: "JX custom functions (need this add-in)",
  insert: "Insert template",
  inserted: (sheet: string) => `Inserted the new sheet "${sheet}"; no existing sheet was changed.`,
  check: "Check",
  checkHint: "Checks the form on the active sheet: calculations, totals, grade and required cells.",
  mark: "Mark",
  clearMarks: "Clear marks",
  marked: (n: number) => `Marked ${n} cells (no value and no existing format changed).`,
  marksCleared: "Removed the marks this add-in made.",
  noFindings: (sheet: string) => `No problems found on "${sheet}".`,
  checkedSheet: (sheet: string) => `Results for "${sheet}" (Mark applies to this sheet):`,
  noForm: (sheet: string) => `No self-evaluation form found on "${sheet}".`,
  noFormHeaders: (blocks: string) => `Expected headers — ${blocks}. Check the header text or insert a template first.`,
  listSep: ", ",
  blockSep: "; ",
  severityError: "Errors",
  severityWarning: "Warnings",
  severityInfo: "Notes",
  formLevel: "form",
  clickToSelect: "Click to select the cell",
  calculate: "Calculate",
  calculateHint: "Fills only empty cells and this add-in's formulas; values you typed are never changed.",
  written: (n: number) => `Wrote ${n} cells.`,
  writesTitle: "Why each score",
  filledTag: "(filled in now)",
  conflictsTitle: "These cells hold a typed value that differs from the computed one; they were not changed:",
  stated: "Typed",
  computed: "Computed",
  replaceSelected: "Replace the selected cells with the computed values",
  replaced: (n: number) => `Replaced ${n} cells as you confirmed.`,
  problemsTitle: "Rows that could not be computed",
  freezeHint: "Replaces JX formulas by values so reviewers without the add-in see numbers, not #NAME?.",
  freezeScope: "Scope",
  scopeSheet: "Active sheet",
  scopeWorkbook: "Whole workbook",
  preferNative: "Use native Excel formulas where possible",
  freeze: "Freeze",
  frozen: (n: number) => `Froze ${n} formulas.`,
  notFrozen: (count: number, cells: string) =>
    `${count} JX formulas have no calculated value yet and were not frozen; people without the add-in will see #NAME? in ${cells}. Press Ctrl+Alt+F9 to recalculate, then freeze again.`,
  working: "Working…",
  failed: "The operation did not finish",
  failedGeneric: "Excel could not complete this; the workbook's data was not changed. Try again or ask IT.",
  errEditMode: "Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.",
  errNotFound: "The sheet or cell could not be found; it may have been renamed or deleted.",
  errAccessDenied: "The sheet is protected or the workbook is read-only.",
  errDetail: "Details: ",
};

/** Chinese for any Chinese display language (zh-CN, zh-TW, zh-HK…), English otherwise. */
export function pickLocale(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return "zh-CN";
  return /^zh\b/i.test(displayLanguage.trim()) ? "zh-CN" : "en";
}

export function stringsFor(locale: Locale): Strings {
  return locale === "zh-CN" ? zh : en;
}
