/**
 * crossCheckWorkbook: the workbook-level part of 检查. Whenever a workbook holds both kinds of
 * form, every 重点工作任务 row that repeats a project form must repeat its numbers. Never writes.
 */
import { crossCheckSheets, type Finding, type SheetForms } from "../engine";
import type { WorkbookPort } from "../host/port";

export interface CrossCheckOptions {
  /** Sheets already read (and their detected forms), so a check of every sheet reads each once. */
  sheets?: SheetForms[];
}

export async function crossCheckWorkbookImpl(port: WorkbookPort, options: CrossCheckOptions = {}): Promise<Finding[]> {
  const sheets = options.sheets ?? [];
  if (!options.sheets)
    for (const name of await port.listSheets()) sheets.push({ snapshot: await port.readSheet(name) });
  return crossCheckSheets(sheets);
}
