/** checkSheet: the engine's findings for every form on a sheet. Reads one snapshot; never writes. */
import { validateSheet, type RuleSet, type SheetCheck } from "../engine";
import type { WorkbookPort } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { jxFunctions } from "./formulaFunctions";

export async function checkSheetImpl(
  port: WorkbookPort,
  wanted: string | null,
  ruleSet: RuleSet,
): Promise<SheetCheck & { sheet: string }> {
  const snapshot = await port.readSheet(wanted);
  const sheet = snapshot.name;
  // Formulas saved without results (a file from exceljs or our CLI) are read as Excel would show them.
  const functions = jxFunctions(await port.getSetting(RULE_SET_SETTING));
  const result = validateSheet(snapshot, ruleSet, { functions });
  return { sheet, forms: result.forms, findings: result.findings.map((f) => ({ ...f, sheet: f.sheet ?? sheet })) };
}
