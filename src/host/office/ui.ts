/**
 * Office calls the task pane needs beside the port: the display language, and selecting the
 * cell of a finding the user clicked. Components call these; they never touch Office.
 */
import { assertExcelHost, describeOfficeError } from "./errors";

export { localeFromDisplayLanguage, officeLocale, type PaneLocale } from "./locale";

/**
 * Recalculate every formula in the workbook: one sync. The JX.* functions are not volatile, so
 * after the workbook's rule set changes, their cells would keep the scores of the old rules until
 * each input changed; a full calculation makes them read the new setting now.
 */
export async function recalculateWorkbook(): Promise<void> {
  assertExcelHost();
  try {
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
  } catch (e) {
    throw describeOfficeError(e);
  }
}

/** Activate `sheet` and select `address` ("B7" or "B7:D9"): one sync. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  assertExcelHost();
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  } catch (e) {
    throw describeOfficeError(e, sheet);
  }
}
