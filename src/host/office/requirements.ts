/**
 * Which Excel API sets this host has: asked synchronously (the pane decides what to offer while
 * it renders), so they live apart from the adapter, which loads after the pane's first paint.
 */

/** Excel's notes API (ExcelApi 1.18); older Excel gets marks without notes. */
export function notesAvailable(): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.18");
}

/** Copying a worksheet (ExcelApi 1.7). */
export function sheetCopyAvailable(): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.7");
}
