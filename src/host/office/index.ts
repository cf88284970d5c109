/** The Office.js adapter: the workbook port inside Excel, plus the pane's Office helpers. */
export { createOfficePort, OfficeWorkbookPort, type OfficePortOptions } from "./port";
export { officeLocale, localeFromDisplayLanguage, selectCell, recalculateWorkbook, type PaneLocale } from "./ui";
export { OfficeHostError, describeOfficeError } from "./errors";
export { MARK_MARKER, MARK_RULE_FORMULA, isOurMarkFormat, MARK_FILL } from "./marks";
export { canSaveFiles, downloadFile, officePlatform } from "./files";
