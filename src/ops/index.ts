// CONTRACT STUB — owned by the workbook-operations helper. Signatures are the contract the
// task pane and the CLI code against; bodies get replaced.
import type { CalcPlan, RuleSet, SheetCheck, Finding } from "../engine";
import type { WorkbookPort } from "../host/port";

export type TemplateKind = "project" | "department" | "department-gs";
export type FormulaStyle = "native" | "custom";

export interface Progress {
  /** Called as work advances (done of total units), for long operations. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface InsertTemplateOptions extends Progress {
  kind: TemplateKind;
  ruleSetId: string;
  formulaStyle: FormulaStyle;
  /** Wanted sheet name; a clash gets " (2)", " (3)"… — an existing sheet is never overwritten. */
  sheetName?: string;
}

/** Insert a blank form into a new sheet. Returns the sheet's name. */
export async function insertTemplate(port: WorkbookPort, options: InsertTemplateOptions): Promise<{ sheet: string }> {
  void port;
  void options;
  throw new Error("not implemented");
}

/** The engine's findings for every form on the sheet (sheet name filled in). Never writes. */
export async function checkSheet(port: WorkbookPort, sheet: string, ruleSet: RuleSet): Promise<SheetCheck> {
  void port;
  void sheet;
  void ruleSet;
  throw new Error("not implemented");
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
  plan: CalcPlan;
  /** How many cells were written. */
  written: number;
}

/** Fill 执行率 / 得分 / 合计 / 总分 / 等级 where empty or ours; conflicts are reported, not overwritten. */
export async function calculateSheet(
  port: WorkbookPort,
  sheet: string,
  ruleSet: RuleSet,
  options?: CalculateOptions,
): Promise<CalculateResult> {
  void port;
  void sheet;
  void ruleSet;
  void options;
  throw new Error("not implemented");
}

export interface FreezeOptions extends Progress {
  /** Sheets to freeze; default every sheet. */
  sheets?: string[];
  /** Replace a JX formula by the equivalent native formula where its inputs allow (default false: values). */
  preferNative?: boolean;
}

/** Replace every `JX.*` formula by its value (or a native formula), so the workbook opens anywhere. */
export async function freezeWorkbook(port: WorkbookPort, options?: FreezeOptions): Promise<{ frozen: number }> {
  void port;
  void options;
  throw new Error("not implemented");
}

/** Mark the findings' cells (changes no value and no existing format). */
export async function markFindings(
  port: WorkbookPort,
  sheet: string,
  findings: Finding[],
): Promise<{ marked: number }> {
  void port;
  void sheet;
  void findings;
  throw new Error("not implemented");
}

/** Remove exactly our marks from the sheet. */
export async function clearMarks(port: WorkbookPort, sheet: string): Promise<void> {
  void port;
  void sheet;
  throw new Error("not implemented");
}
