/**
 * The engine's public API. Pure: no Office, React, exceljs or Node fs.
 * Fronts (custom functions, task pane, CLI) and workbook operations import from here.
 * See docs/engine.md.
 */
export * from "./sheet/snapshot";
export * from "./value/types";
export { parseValue, parseNature, isPercentFormat } from "./value/parse";
export { isPercentUnit } from "./value/units";
// Number display, one rule for every front: Excel's rounding, never toFixed on the binary value.
export { fmtNum, fmtFixed, fmtPct, fmtPctFixed } from "./scoring/format";
export * from "./rules/index";
export { RuleSetSchema } from "./rules/schema";
export * from "./round";
export { clipText, QUOTE_MAX_CHARS } from "./clip";
export * from "./scoring/outcome";
export * from "./scoring/execution";
export * from "./scoring/indicator";
export * from "./scoring/total";
export * from "./detect/form";
export { detectForms } from "./detect/detect";
export { EXPECTED_HEADERS } from "./detect/headers";
export * from "./validate/finding";
export * from "./validate/validate";
export { boundedRateExcess, unitTextOf, type BoundedRateExcess } from "./validate/parts/boundedRate";
export * from "./i18n/messages";
export { explainWrite, renderSteps } from "./i18n/explain";
export * from "./calculate/plan";
export { parseFormula, type Node as FormulaNode } from "./formula/parse";
export { evaluateNode, resultOf, UnknownValue, type EvalEnv, type Val as FormulaValue } from "./formula/evaluate";
export { withFormulaResults, parsedFormula, type ExtraFunctions } from "./formula/recalculate";
export * from "./report/index";
export { ALL_REPORT_CODES, isReportCode, formatReportFinding } from "./i18n/reportMessages";
export * from "./review/index";
export * from "./draft/index";
export * from "./rollup/index";
