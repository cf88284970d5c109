/** checkSheet: the engine's findings for every form on a sheet. Reads one snapshot; never writes. */
import { validateSheet, type RuleSet, type SheetCheck } from "../engine";
import type { WorkbookPort } from "../host/port";

export async function checkSheetImpl(
  port: WorkbookPort,
  wanted: string | null,
  ruleSet: RuleSet,
): Promise<SheetCheck & { sheet: string }> {
  const snapshot = await port.readSheet(wanted);
  const sheet = snapshot.name;
  const result = validateSheet(snapshot, ruleSet);
  return { sheet, forms: result.forms, findings: result.findings.map((f) => ({ ...f, sheet: f.sheet ?? sheet })) };
}
