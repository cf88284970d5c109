/**
 * Validation marks are custom conditional formats whose formula carries our marker string, so
 * they change no value and no existing format, and we can find exactly ours again after the
 * workbook was saved and reopened (a conditional format keeps its formula in the file). The
 * exceljs adapter writes the same marker, so marks made by the CLI are cleared by the pane.
 */
export const MARK_MARKER = "绩效自评助手";

export type MarkSeverity = "error" | "warning" | "info";

/**
 * Always true, so the highlight shows; the string literal is the tag. The same formula as the
 * exceljs adapter's (src/host/exceljs/marks.ts), so either side finds the other's marks. The
 * severity lives in the fill colour only.
 */
export const MARK_RULE_FORMULA = `=ISTEXT("${MARK_MARKER}")`;

export function isOurMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(MARK_MARKER);
}

/** Light fills (Excel's own "bad / neutral / note" palette) so the cell text stays readable. */
export const MARK_FILL: Record<MarkSeverity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};
