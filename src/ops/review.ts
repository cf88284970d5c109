/** reviewWorkbook: every form on every sheet, as a 财政局 reviewer sees it. Reads; never writes. */
import { reviewSheet, type CheckOptions, type RuleSet, type SheetReview } from "../engine";
import type { WorkbookPort } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { jxFunctions } from "./formulaFunctions";

export async function reviewWorkbookImpl(
  port: WorkbookPort,
  ruleSet: RuleSet,
  options: CheckOptions = {},
): Promise<SheetReview[]> {
  const out: SheetReview[] = [];
  // Formulas saved without results are read as Excel (with the add-in) would show them, as check does.
  const functions = jxFunctions(await port.getSetting(RULE_SET_SETTING));
  for (const sheet of await port.listSheets()) {
    out.push(reviewSheet(await port.readSheet(sheet), ruleSet, { ...options, functions }));
  }
  return out;
}
