/**
 * checkSheet / checkWorkbook: the engine's findings for every form on a sheet. One read each;
 * never writes.
 *
 * Reading and validating are apart: this file reads the job and assembles the result, and the
 * validator it is given runs the engine — in this thread for the CLI (ops/index.ts passes
 * validateInThread), in its worker for the pane. Nothing here imports the engine's code, so the
 * pane checks a sheet without loading the operations first (bench taskpane.e2e.check_5000.ms).
 */
import type { CheckOptions, RuleSet, SheetCheck, SheetSnapshot } from "../engine";
import type { WorkbookPort } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { progressStep, type OnProgress } from "./progress";
import type { SheetValidator } from "./validateJob";

/** A sheet's check, with the snapshot it was made from (a workbook-level check reads it again). */
export type SheetChecked = SheetCheck & { sheet: string; snapshot?: SheetSnapshot };

/** `null` checks the active sheet, found in the same read; `sheet` says which one it was. */
export async function checkSheet(
  port: WorkbookPort,
  wanted: string | null,
  ruleSet: RuleSet,
  options: CheckOptions,
  validate: SheetValidator,
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

export interface CheckWorkbookOptions extends CheckOptions {
  onProgress?: OnProgress;
  validate: SheetValidator;
}

/**
 * Every sheet checked, one after the other (one read each), so a clerk sees which sheets hold a
 * form and how each fares. Sheets without a form are listed too (forms: []).
 */
export async function checkWorkbook(
  port: WorkbookPort,
  ruleSet: RuleSet,
  options: CheckWorkbookOptions,
): Promise<SheetChecked[]> {
  const { onProgress, validate, ...check } = options;
  const sheets = await port.listSheets();
  const out: SheetChecked[] = [];
  for (const [i, name] of sheets.entries()) {
    onProgress?.(i, sheets.length, progressStep("check-sheet", { sheet: name }));
    out.push(await checkSheet(port, name, ruleSet, check, validate));
  }
  onProgress?.(sheets.length, sheets.length, progressStep("check-done", {}));
  return out;
}
