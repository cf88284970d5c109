/** checkSheet: the engine's findings for every form on a sheet. Reads one snapshot; never writes. */
import type { CheckOptions, RuleSet, SheetCheck, SheetSnapshot } from "../engine";

/** A sheet's check, with the snapshot it was made from (a workbook-level check reads it again). */
export type SheetChecked = SheetCheck & { sheet: string; snapshot?: SheetSnapshot };
import type { WorkbookPort } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { progressStep, type OnProgress } from "./progress";
import { validateInThread, type SheetValidator } from "./validateJob";

export async function checkSheetImpl(
  port: WorkbookPort,
  wanted: string | null,
  ruleSet: RuleSet,
  options: CheckOptions = {},
  validate: SheetValidator = validateInThread,
): Promise<SheetChecked> {
  const snapshot = await port.readSheet(wanted);
  const sheet = snapshot.name;
  const workbookRule = await port.getSetting(RULE_SET_SETTING);
  const result = await validate({ snapshot, ruleSet, options, workbookRule });
  return {
    sheet,
    snapshot,
    forms: result.forms,
    verdicts: result.verdicts,
    findings: result.findings.map((f) => ({ ...f, sheet: f.sheet ?? sheet })),
  };
}

/**
 * checkWorkbook: every sheet checked, one after the other (one read each), so a clerk sees which
 * sheets hold a form and how each fares. Sheets without a form are listed too (forms: []).
 */
export async function checkWorkbookImpl(
  port: WorkbookPort,
  ruleSet: RuleSet,
  onProgress?: OnProgress,
  options: CheckOptions = {},
  validate: SheetValidator = validateInThread,
): Promise<SheetChecked[]> {
  const sheets = await port.listSheets();
  const out: SheetChecked[] = [];
  for (const [i, name] of sheets.entries()) {
    onProgress?.(i, sheets.length, progressStep("check-sheet", { sheet: name }));
    out.push(await checkSheetImpl(port, name, ruleSet, options, validate));
  }
  onProgress?.(sheets.length, sheets.length, progressStep("check-done", {}));
  return out;
}
