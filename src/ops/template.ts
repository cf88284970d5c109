/** insertTemplate: a blank form in a new sheet, never over an existing one. */
import { findRuleSet } from "../engine/rules/index";
import type { RuleSet } from "../engine";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../host/settings";
import type { WorkbookPort } from "../host/port";
import { TEMPLATES, renderTemplate, type FormulaStyle, type TemplateKind } from "../templates";
import { freeSheetName } from "./names";
import { OperationError } from "./errors";
import { progressStep, type OnProgress } from "./progress";

export interface InsertTemplateArgs {
  kind: TemplateKind;
  ruleSetId: string;
  /** A rule set from a user's rule file (not a built-in): used as is and stored in the workbook. */
  ruleSet?: RuleSet;
  formulaStyle: FormulaStyle;
  sheetName?: string;
  /** Protect the new sheet without a password (formula cells locked, inputs open). Default false. */
  protect?: boolean;
  /** Department forms: how many empty 重点工作任务 rows (a rollup asks for one per project). */
  taskRows?: number;
  onProgress?: OnProgress;
}

export async function insertTemplateImpl(
  port: WorkbookPort,
  options: InsertTemplateArgs,
): Promise<{ sheet: string; ruleSetId: string }> {
  const def = TEMPLATES[options.kind];
  if (!def) throw new OperationError("unknown-template", { kind: String(options.kind) });
  const chosen =
    options.ruleSet && options.ruleSet.id === options.ruleSetId
      ? options.ruleSet
      : findRuleSet(options.ruleSetId || def.defaultRuleSetId);
  if (!chosen) throw new OperationError("unknown-rules", { ruleSetId: String(options.ruleSetId) });
  const ruleSet = ruleSetForKind(options.kind, chosen);
  options.onProgress?.(0, 2, progressStep("template-preparing", {}));
  // JX.* calls name the rule set only when it differs from the workbook's own setting, so a
  // workbook-wide rule change still rescores forms that follow the workbook.
  // A workbook without a rule set of its own takes the template's, whatever the formula style:
  // checking the filled form later (pane or CLI) then uses the rules its formulas were built for.
  const current = await port.getSetting(RULE_SET_SETTING);
  if (!current) await port.setSetting(RULE_SET_SETTING, ruleSet.id);
  // A user's own rule set travels inside the workbook, or its id would mean nothing to the next reader.
  if (!current && !findRuleSet(ruleSet.id)) await port.setSetting(RULE_SET_DATA_SETTING, JSON.stringify(ruleSet));
  const explicitRuleArg = options.formulaStyle === "custom" && !!current && current !== ruleSet.id;
  const sheet = freeSheetName(await port.listSheets(), options.sheetName ?? def.sheetName);
  const plan = renderTemplate(options.kind, ruleSet, sheet, {
    formulaStyle: options.formulaStyle,
    explicitRuleArg,
    protect: options.protect,
    taskRows: options.taskRows,
  });
  await port.apply(plan);
  options.onProgress?.(2, 2, progressStep("template-inserted", { sheet }));
  return { sheet, ruleSetId: ruleSet.id };
}

/**
 * The template's rows follow its kind, never the rule set: a rule set whose 一级指标 are not the
 * kind's own (部门管理/履职效果 rules for a 项目支出 form, or the other way round) would draw the
 * wrong rows, so such a template is drawn under the kind's default rules instead (the result says which).
 */
export function ruleSetForKind(kind: TemplateKind, chosen: RuleSet): RuleSet {
  const fallback = findRuleSet(TEMPLATES[kind].defaultRuleSetId);
  if (!fallback) return chosen;
  const names = (r: RuleSet) =>
    r.level1
      .map((l) => l.name)
      .filter((n) => !/预算执行/.test(n) && n !== "成本指标")
      .sort()
      .join("|");
  return names(chosen) === names(fallback) ? chosen : fallback;
}
