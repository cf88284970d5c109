/**
 * 生成自评报告 in the pane: the drafts of a sheet's forms (the engine's draftReports, as
 * `ziping report` uses), and — where the host cannot save the .docx — the same report on a new,
 * print-ready sheet. Never changes an existing sheet.
 */
import { draftReports, type ReportDraft, type RuleSet } from "../engine";
import type { WorkbookPort } from "../host/port";
import { freeSheetName } from "./names";
import { reportSheetPlan } from "./reportSheetPlan";

export const REPORT_SHEET_NAME = "自评报告";

/** The drafts of every form on `sheet` (null: the active sheet), under `ruleSet`. */
export async function draftSheetReportsImpl(
  port: WorkbookPort,
  sheet: string | null,
  ruleSet: RuleSet,
): Promise<{ sheet: string; drafts: ReportDraft[] }> {
  const snapshot = await port.readSheet(sheet);
  return { sheet: snapshot.name, drafts: draftReports(snapshot, ruleSet) };
}

/** Writes `drafts` onto a new sheet (a free name, so nothing is overwritten) and returns its name. */
export async function writeReportSheetImpl(port: WorkbookPort, drafts: ReportDraft[]): Promise<{ sheet: string }> {
  const sheet = freeSheetName(await port.listSheets(), REPORT_SHEET_NAME);
  await port.apply(reportSheetPlan(drafts, sheet));
  return { sheet };
}

/** A file name for the report: its title, without characters Windows and macOS refuse. */
export function reportFileName(drafts: ReportDraft[]): string {
  const title = [...(drafts[0]?.title ?? "")]
    .map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? " " : ch))
    .join("")
    .trim();
  return `${(title || "绩效自评报告").slice(0, 120)}.docx`;
}
