/** checkSheet: the engine's findings for every form on a sheet. Reads one snapshot; never writes. */
import { validateSheet, type RuleSet, type SheetCheck } from "../engine";
import type { WorkbookPort } from "../host/port";

export async function checkSheetImpl(port: WorkbookPort, sheet: string, ruleSet: RuleSet): Promise<SheetCheck> {
  const snapshot = await port.readSheet(sheet);
  const result = validateSheet(snapshot, ruleSet);
  return { forms: result.forms, findings: result.findings.map((f) => ({ ...f, sheet: f.sheet ?? sheet })) };
}
