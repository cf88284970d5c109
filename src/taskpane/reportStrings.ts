/**
 * The words of the 汇总与报告 tab (生成自评报告, 汇总到部门整体表; the tab's own name is in ./strings.ts,
 * so these load with the tab's panel, not with the pane's first scripts), zh-CN first, English typed
 * against it so neither can miss a key. Finding texts are not here: the engine renders those.
 */
import type { Locale } from "../engine";

const zh = {
  // 生成自评报告
  reportHeading: "生成自评报告",
  reportHint:
    "按当前工作表上的自评表起草自评报告（.docx）：数字全部取自按评分规则计算的表，只有本单位知道的内容留作【请填写】，表中的计算问题列在附件中。",
  reportButton: "生成自评报告",
  reportToSheet: "放到新工作表（可打印）",
  progressReport: "正在生成自评报告",
  reportNoForm: (sheet: string) => `工作表“${sheet}”上没有找到绩效自评表，未生成报告。`,
  reportSaved: (name: string, forms: number, holes: number) =>
    `已生成“${name}”（${forms} 张表，${holes} 处【请填写】待补充），请在下载栏或保存对话框中查看；工作簿未作改动。`,
  reportOnSheet: (sheet: string, forms: number, holes: number) =>
    `已把自评报告放到新工作表“${sheet}”（${forms} 张表，${holes} 处【请填写】以黄色标出；A4 纵向，已设打印区域），可直接打印，或复制到 Word 中修改。原有工作表均未改动。`,
  reportNoSaveHost: "此版本的 Excel（如 Mac 版）不能从加载项保存文件，报告改为放在新工作表上。",
  // 汇总到部门整体表
  rollupHeading: "汇总到部门整体表",
  rollupHint:
    "把项目支出绩效自评表的批复金额、实际支出和执行率填入部门整体表的“部门年度重点工作任务”表。只填空白单元格；已填写且与项目表不一致的行列为问题，不作改动。",
  rollupSheets: "从这些工作表汇总项目",
  rollupLoadSheets: "列出工作表",
  rollupNoSheets: "工作簿中只有一张工作表，没有可汇总的项目表。",
  rollupPreview: "预览汇总",
  rollupNeedsSheet: "先勾选至少一个项目表。",
  progressRollup: "正在汇总",
  rollupPreviewTitle: (writes: number, sheet: string) => `将向工作表“${sheet}”的空白单元格写入 ${writes} 个数值：`,
  rollupPreviewNewSheet: (writes: number, sheet: string) =>
    `工作簿中没有部门整体表：将插入新工作表“${sheet}”（部门整体支出绩效自评表模板），并写入 ${writes} 个数值：`,
  rollupPlaced: (project: string, source: string, row: number) => `${project}（${source}）→ 第 ${row} 行`,
  rollupPlacedNew: (project: string, source: string, row: number) => `${project}（${source}）→ 第 ${row} 行（新填）`,
  rollupConflict: (project: string, row: number) => `${project}：第 ${row} 行中的数值与项目表不一致，未作改动`,
  rollupConfirm: "写入部门整体表",
  rollupWritten: (n: number, sheet: string) => `已向工作表“${sheet}”写入 ${n} 个数值；您填写的数值均未改动。`,
  rollupNothing: (sheet: string) => `工作表“${sheet}”的重点工作任务表中没有需要由项目表填写的空白单元格，未作改动。`,
  rollupFindings: "汇总发现的问题（未作改动）：",
};

export type ReportStrings = typeof zh;

const en: ReportStrings = {
  reportHeading: "Draft the self-evaluation report",
  reportHint:
    "Drafts the self-evaluation report (.docx) from the forms on the active sheet: every number comes from the form evaluated under the scoring rules; what only your unit knows is left as a highlighted placeholder, and the form's slips are listed in an appendix.",
  reportButton: "Draft the report",
  reportToSheet: "Put it on a new sheet (printable)",
  progressReport: "Drafting the report",
  reportNoForm: (sheet: string) => `No self-evaluation form found on sheet "${sheet}"; no report was drafted.`,
  reportSaved: (name: string, forms: number, holes: number) =>
    `"${name}" is ready (${forms} form(s), ${holes} placeholder(s) to fill in): see the download bar or save dialog. The workbook is unchanged.`,
  reportOnSheet: (sheet: string, forms: number, holes: number) =>
    `The report is on the new sheet "${sheet}" (${forms} form(s), ${holes} placeholder(s) in yellow; A4 portrait with a print area): print it as is or copy it into Word. No existing sheet was changed.`,
  reportNoSaveHost:
    "This Excel (e.g. Excel for Mac) cannot save files from an add-in, so the report goes on a new sheet.",
  rollupHeading: "Roll up into the department form",
  rollupHint:
    "Fills the key-tasks table of the department-wide form with each project form's approved amount, spending and execution rate. Only blank cells are written; a filled row that disagrees with its project form is reported and left as it is.",
  rollupSheets: "Take projects from these sheets",
  rollupLoadSheets: "List the sheets",
  rollupNoSheets: "The workbook has only one sheet: there are no project forms to roll up.",
  rollupPreview: "Preview the rollup",
  rollupNeedsSheet: "Tick at least one project sheet first.",
  progressRollup: "Rolling up",
  rollupPreviewTitle: (writes: number, sheet: string) =>
    `${writes} value(s) will go into blank cells of sheet "${sheet}":`,
  rollupPreviewNewSheet: (writes: number, sheet: string) =>
    `The workbook has no department-wide form: a new sheet "${sheet}" (the department-wide template) will be inserted and ${writes} value(s) written:`,
  rollupPlaced: (project: string, source: string, row: number) => `${project} (${source}) → row ${row}`,
  rollupPlacedNew: (project: string, source: string, row: number) => `${project} (${source}) → row ${row} (new)`,
  rollupConflict: (project: string, row: number) =>
    `${project}: the values in row ${row} disagree with the project form; left unchanged`,
  rollupConfirm: "Write into the department form",
  rollupWritten: (n: number, sheet: string) =>
    `${n} value(s) written on sheet "${sheet}"; none of your typed values changed.`,
  rollupNothing: (sheet: string) =>
    `The task table on sheet "${sheet}" already matches the project forms: nothing to write.`,
  rollupFindings: "What the rollup found (nothing changed there):",
};

export function reportStringsFor(locale: Locale): ReportStrings {
  return locale === "en" ? en : zh;
}
