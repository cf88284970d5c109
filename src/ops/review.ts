/** reviewWorkbook: every form on every sheet, as a 财政局 reviewer sees it. Reads; never writes. */
import { reviewSheet, type CheckOptions, type RuleSet, type SheetReview } from "../engine";
import type { WorkbookPort } from "../host/port";

export async function reviewWorkbookImpl(
  port: WorkbookPort,
  ruleSet: RuleSet,
  options: CheckOptions = {},
): Promise<SheetReview[]> {
  const out: SheetReview[] = [];
  for (const sheet of await port.listSheets()) out.push(reviewSheet(await port.readSheet(sheet), ruleSet, options));
  return out;
}
