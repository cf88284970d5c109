/**
 * Workbook operations, written once over the WorkbookPort: the task pane (Office.js adapter) and
 * the CLI (exceljs adapter) call the same functions. Each reads one snapshot and applies one plan.
 * Implementations live beside this file; the signatures here are the contract.
 */
import type { CalcPlan, CheckOptions, RuleSet, SheetReview, Finding, ReportDraft } from "../engine";
import type { WorkbookPort } from "../host/port";
import { calculateSheetImpl, type FilledCell } from "./calculate";
import { checkSheet as checkSheetWith, checkWorkbook as checkWorkbookWith, type SheetChecked } from "./check";
export type { SheetChecked } from "./check";
import { validateInThread, type SheetValidator } from "./validateJob";
export { validateInThread, type SheetValidator, type ValidationJob } from "./validateJob";
import { freezeWorkbookImpl } from "./freeze";
import { clearMarksImpl, markFindingsImpl, type MarkOptions, type MarkResult } from "./marks";
export type { MarkOptions, MarkResult } from "./marks";
import { reviewWorkbookImpl } from "./review";
import { insertTemplateImpl } from "./template";
import { applyRollupImpl, previewRollupImpl, type RollupOptions, type RollupPreview } from "./rollup";
import { crossCheckWorkbookImpl, type CrossCheckOptions } from "./crossCheck";
import { copySheetsImpl } from "./copySheet";
import { draftSheetReportsImpl, writeReportSheetImpl } from "./report";
import type { OnProgress } from "./progress";
export { freezeProblemText, type FreezeProblem } from "./freezeProblems";
import type { FreezeProblem } from "./freezeProblems";
export { progressStep, progressText, type OnProgress, type ProgressCode, type ProgressStep } from "./progress";

export { OperationError } from "./errors";
export { readWorkbookRules, importRuleSet, type WorkbookRules } from "./ruleSets";
export type { FilledCell } from "./calculate";
export { freeSheetName, cleanSheetName } from "./names";
export { readProjectFacts, type RollupOptions, type RollupPreview } from "./rollup";
export type { CrossCheckOptions } from "./crossCheck";
export { parseJxCall, hasJx, type JxCall, type JxArg } from "./jxFormula";

export type TemplateKind = "project" | "department" | "department-gs";
export type FormulaStyle = "native" | "custom";

export interface Progress {
  /** Called as work advances (done of total units), for long operations. */
  onProgress?: OnProgress;
}

export interface InsertTemplateOptions extends Progress {
  kind: TemplateKind;
  ruleSetId: string;
  /** A rule set from a user's rule file (not a built-in): used as is and stored in the workbook. */
  ruleSet?: RuleSet;
  formulaStyle: FormulaStyle;
  /** Wanted sheet name; a clash gets " (2)", " (3)"… — an existing sheet is never overwritten. */
  sheetName?: string;
  /** Protect the new sheet without a password (formula cells locked, inputs open). Default false. */
  protect?: boolean;
  /** Department forms: how many empty 重点工作任务 rows (default 5). */
  taskRows?: number;
}

/**
 * Insert a blank form into a new sheet. Returns the sheet's name and the rule set it was drawn under
 * (the kind's default when the chosen rules do not fit the kind: the rows follow the kind). With `custom` formulas the
 * workbook's rule-set setting is set when it has none. Throws OperationError (zh-CN message)
 * for an unknown kind or rule-set id.
 */
export async function insertTemplate(
  port: WorkbookPort,
  options: InsertTemplateOptions,
): Promise<{ sheet: string; ruleSetId?: string }> {
  return insertTemplateImpl(port, options);
}

/**
 * The engine's findings for every form on the sheet (sheet name filled in). Never writes.
 * `null` checks the active sheet, found in the same read; `sheet` says which one it was.
 * `validate` runs the engine on the snapshot read (default: in this thread; the pane passes its worker).
 */
export async function checkSheet(
  port: WorkbookPort,
  sheet: string | null,
  ruleSet: RuleSet,
  options: CheckOptions = {},
  validate?: SheetValidator,
): Promise<SheetChecked> {
  return checkSheetWith(port, sheet, ruleSet, options, validate ?? validateInThread);
}

/** Every sheet of the workbook checked (in order), each with its findings and verdicts. Never writes. */
export async function checkWorkbook(
  port: WorkbookPort,
  ruleSet: RuleSet,
  options: Progress & CheckOptions & { validate?: SheetValidator } = {},
): Promise<SheetChecked[]> {
  return checkWorkbookWith(port, ruleSet, { ...options, validate: options.validate ?? validateInThread });
}

export interface CalculateOptions extends Progress {
  /**
   * A1 addresses of cells holding a typed value that the user explicitly agreed to replace
   * with the computed one (after being shown the conflict). Nothing else typed is touched.
   */
  replace?: string[];
  /** Write `JX.*` formulas instead of values where the cell is ours (default: values). */
  formulaStyle?: FormulaStyle | "values";
}

export interface CalculateResult {
  /** The sheet calculated (the active one when none was named). */
  sheet: string;
  plan: CalcPlan;
  /** How many cells were written. */
  written: number;
  /** The cells of `replace` that held a conflict and were replaced (the others were left alone). */
  replaced: string[];
  /** Every cell written (filled because empty, or replaced on confirmation), with the engine's why. */
  filled: FilledCell[];
  /**
   * A check of the sheet as it reads after the writes: the errors and warnings that remain
   * (a 满意度 of 500%, weights that do not add up …). Calculate never hides them.
   */
  remaining: Finding[];
}

/**
 * Fill 执行率 / 得分 / 合计 / 总分 / 等级 where empty; conflicts are reported, not overwritten.
 * A cell that already holds a formula (ours) is left alone: it computes itself.
 */
export async function calculateSheet(
  port: WorkbookPort,
  sheet: string | null,
  ruleSet: RuleSet,
  options?: CalculateOptions,
): Promise<CalculateResult> {
  return calculateSheetImpl(port, sheet, ruleSet, options);
}

export interface FreezeOptions extends Progress {
  /** Sheets to freeze; default every sheet. */
  sheets?: string[];
  /** Replace a JX formula by the equivalent native formula where its inputs allow (default false: values). */
  preferNative?: boolean;
}

/**
 * Replace every `JX.*` formula by its value (or a native formula), so the workbook opens anywhere.
 * `unresolved` (optional) lists "Sheet!A1" cells that had no value to freeze to and were left as they were;
 * `problems` (optional) says why, as data (`freezeProblemText` words it), for those whose inputs were
 * beyond bounds (a huge range, a deep chain).
 */
export async function freezeWorkbook(
  port: WorkbookPort,
  options?: FreezeOptions,
): Promise<{ frozen: number; unresolved?: string[]; problems?: FreezeProblem[]; blanked?: string[] }> {
  return freezeWorkbookImpl(port, options);
}

/**
 * Mark the findings' cells (changes no value and no existing format), each with a note giving its
 * findings in `options.locale` where the host supports notes. Replaces earlier marks and notes.
 */
export async function markFindings(
  port: WorkbookPort,
  sheet: string,
  findings: Finding[],
  options: MarkOptions = {},
): Promise<MarkResult> {
  return markFindingsImpl(port, sheet, findings, options);
}

/** Remove exactly our marks and our notes from the sheet (a user's own notes stay). */
export async function clearMarks(port: WorkbookPort, sheet: string): Promise<void> {
  return clearMarksImpl(port, sheet);
}

/**
 * Every form on every sheet as a 财政局 reviewer sees it: who it belongs to, the money, stated and
 * computed 总分 / 等级, findings with the budget platform's colours, and a suggestion. Never writes.
 */
export async function reviewWorkbook(
  port: WorkbookPort,
  ruleSet: RuleSet,
  options: CheckOptions = {},
): Promise<SheetReview[]> {
  return reviewWorkbookImpl(port, ruleSet, options);
}

/**
 * 汇总, step 1: read the project forms (this workbook's `projectSheets`, plus `projects` read from
 * other files) and plan what goes into the 部门整体 form's 重点工作任务 table. Never writes: show
 * `plan.placements` / `plan.writes` / `plan.findings`, then `applyRollup` on confirmation.
 * Throws OperationError (zh-CN message) when there is no project form or no task table to fill.
 */
export async function previewRollup(port: WorkbookPort, options: RollupOptions = {}): Promise<RollupPreview> {
  return previewRollupImpl(port, options);
}

/** 汇总, step 2: write a preview's blank cells (inserting our template first when it planned one). */
export async function applyRollup(
  port: WorkbookPort,
  preview: RollupPreview,
): Promise<{ sheet: string; written: number }> {
  return applyRollupImpl(port, preview);
}

/** Preview and apply in one call (for callers that confirmed beforehand, e.g. the CLI). */
export async function rollupWorkbook(
  port: WorkbookPort,
  options: RollupOptions = {},
): Promise<RollupPreview & { written: number }> {
  const preview = await previewRollupImpl(port, options);
  const { sheet, written } = await applyRollupImpl(port, preview);
  return { ...preview, sheet, written };
}

/**
 * The cross-sheet check of 检查: 重点工作任务 rows that disagree with the project forms they repeat,
 * whenever the workbook holds both kinds. Never writes. Pass `sheets` already read to read none again.
 */
export async function crossCheckWorkbook(port: WorkbookPort, options?: CrossCheckOptions): Promise<Finding[]> {
  return crossCheckWorkbookImpl(port, options);
}

export { reportFileName, REPORT_SHEET_NAME } from "./report";

/** 生成自评报告: the 自评报告 drafts of every form on `sheet` (null: the active sheet). Never writes. */
export async function draftSheetReports(
  port: WorkbookPort,
  sheet: string | null,
  ruleSet: RuleSet,
): Promise<{ sheet: string; drafts: ReportDraft[] }> {
  return draftSheetReportsImpl(port, sheet, ruleSet);
}

/**
 * The report on a new, print-ready sheet (A4, print area, fonts) — for hosts that cannot save the
 * .docx. Picks a free sheet name; never changes an existing sheet. Returns the new sheet's name.
 */
export async function writeReportSheet(port: WorkbookPort, drafts: ReportDraft[]): Promise<{ sheet: string }> {
  return writeReportSheetImpl(port, drafts);
}

/**
 * Copy each sheet, as it is, to a new sheet right after it named "<sheet> <suffix>" (a free name),
 * before a write the clerk may want to compare with. Returns the copies' names. Throws
 * OperationError (zh-CN) where the host cannot copy sheets; nothing is changed then.
 */
export async function copySheets(port: WorkbookPort, sheets: string[], suffix = "副本"): Promise<string[]> {
  return copySheetsImpl(port, sheets, suffix);
}
