/**
 * 汇总: project forms → a 部门整体 form's 重点工作任务 table. Two steps, so a front can show the
 * preview and write only on confirmation: `previewRollup` reads and plans (never writes),
 * `applyRollup` carries a preview out. Without a department form to fill, the preview plans
 * into our 部门整体 template, which `applyRollup` inserts on a new sheet first.
 */
import {
  detectForms,
  departmentFormsOf,
  findRuleSet,
  planRollup,
  projectFactsOfSheet,
  SheetView,
  type ProjectFacts,
  type RollupPlan,
} from "../engine";
import type { WorkbookPort, WriteOp } from "../host/port";
import { TEMPLATES, renderTemplate, type FormulaStyle } from "../templates";
import { OperationError } from "./errors";
import { freeSheetName } from "./names";
import { snapshotOfPlan } from "./planSnapshot";
import { insertTemplateImpl } from "./template";

export interface RollupOptions {
  /** Sheets of this workbook to take project forms from; default every sheet. */
  projectSheets?: string[];
  /** Project forms read elsewhere (other files), added after this workbook's own. */
  projects?: ProjectFacts[];
  /** The sheet whose 部门整体 form to fill; default the first sheet holding one, else a new sheet. */
  departmentSheet?: string;
  /** For a new sheet: the template's rule set and formula style (default its own, native). */
  ruleSetId?: string;
  formulaStyle?: FormulaStyle;
  /** Label project sources "label › sheet" (the CLI names the file). */
  sourceLabel?: string;
}

export interface RollupPreview {
  /** The department sheet filled (for a new sheet: the name it will get). */
  sheet: string;
  /** True when applying inserts our 部门整体 template first. */
  createSheet: boolean;
  projects: ProjectFacts[];
  plan: RollupPlan;
  template?: { ruleSetId: string; formulaStyle: FormulaStyle; taskRows: number };
}

/** Every project form on the given sheets (default all), as the facts a rollup repeats. */
export async function readProjectFacts(port: WorkbookPort, sheets?: string[], label?: string): Promise<ProjectFacts[]> {
  const out: ProjectFacts[] = [];
  for (const sheet of sheets ?? (await port.listSheets())) {
    const snapshot = await port.readSheet(sheet);
    const source = label ? `${label} › ${sheet}` : sheet;
    out.push(...projectFactsOfSheet(new SheetView(snapshot), detectForms(snapshot), source));
  }
  return out;
}

export async function previewRollupImpl(port: WorkbookPort, options: RollupOptions): Promise<RollupPreview> {
  const all = await port.listSheets();
  const department = options.departmentSheet ?? (await firstDepartmentSheet(port, all));
  if (options.departmentSheet !== undefined && !all.includes(options.departmentSheet))
    throw new OperationError("no-sheet", { sheet: options.departmentSheet, sheets: all });
  const own = options.projectSheets ?? all.filter((s) => s !== department);
  const projects = [...(await readProjectFacts(port, own, options.sourceLabel)), ...(options.projects ?? [])];
  if (projects.length === 0) throw new OperationError("no-projects", {});
  if (department === undefined) return previewIntoTemplate(all, projects, options);
  const plan = planRollup(await port.readSheet(department), projects);
  if (!plan) throw new OperationError("no-department", { sheet: department });
  return { sheet: department, createSheet: false, projects, plan };
}

async function firstDepartmentSheet(port: WorkbookPort, sheets: string[]): Promise<string | undefined> {
  for (const sheet of sheets) {
    if (departmentFormsOf(detectForms(await port.readSheet(sheet))).length > 0) return sheet;
  }
  return undefined;
}

function previewIntoTemplate(existing: string[], projects: ProjectFacts[], options: RollupOptions): RollupPreview {
  const def = TEMPLATES.department;
  const ruleSet = findRuleSet(options.ruleSetId ?? def.defaultRuleSetId);
  if (!ruleSet) throw new OperationError("unknown-rules", { ruleSetId: String(options.ruleSetId) });
  const formulaStyle = options.formulaStyle ?? "native";
  const taskRows = Math.max(def.taskRows ?? 5, projects.length);
  const sheet = freeSheetName(existing, def.sheetName);
  const rendered = renderTemplate("department", ruleSet, sheet, { formulaStyle, taskRows });
  const plan = planRollup(snapshotOfPlan(rendered), projects)!;
  return { sheet, createSheet: true, projects, plan, template: { ruleSetId: ruleSet.id, formulaStyle, taskRows } };
}

/** Carry a preview out: insert the template when asked, then write the planned cells. */
export async function applyRollupImpl(
  port: WorkbookPort,
  preview: RollupPreview,
): Promise<{ sheet: string; written: number }> {
  let sheet = preview.sheet;
  if (preview.createSheet && preview.template) {
    ({ sheet } = await insertTemplateImpl(port, { kind: "department", sheetName: preview.sheet, ...preview.template }));
  }
  const ops: WriteOp[] = [];
  for (const w of preview.plan.writes) {
    ops.push({ kind: "values", range: w.cell, values: [[w.value]] });
    if (w.numberFormat) ops.push({ kind: "numberFormat", range: w.cell, format: w.numberFormat });
  }
  if (ops.length > 0) await port.apply({ sheet, ops });
  return { sheet, written: preview.plan.writes.length };
}
