export { ExcelJsPort, type OpenOptions } from "./port";
export { WorkbookReadError, type ReadFailure } from "./errors";
export { loadWorkbook, partsLostOnSave, DEFAULT_LOAD_LIMITS, type LoadLimits } from "./load";
export { readSnapshot, cellValueOf, cellFormulaOf, dateToSerial, DEFAULT_SNAPSHOT_LIMITS } from "./snapshot";
export type { ClipNotice, SnapshotLimits } from "./snapshot";
export { MARK_TAG, MARK_FORMULA, MARK_FILL, countMarks } from "./marks";
export { SETTINGS_SHEET } from "./settings";
export { PlanError } from "./apply";
