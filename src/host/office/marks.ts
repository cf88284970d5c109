/**
 * Validation marks are custom conditional formats with our exact formula and one of our fills
 * (../markIdentity.ts, shared with the exceljs adapter), so they change no value and no existing
 * format, and we find exactly ours again after the workbook was saved and reopened — never a
 * user's own rule that merely mentions our tag. Marks made by the CLI are cleared by the pane.
 */
import { isOurMark, MARK_FILL_HEX, MARK_FORMULA_BODY, MARK_TAG, type MarkSeverity } from "../markIdentity";

export type { MarkSeverity };

export const MARK_MARKER = MARK_TAG;

/** Always true, so the highlight shows. The severity lives in the fill colour. */
export const MARK_RULE_FORMULA = `=${MARK_FORMULA_BODY}`;

/** A custom conditional format's formula and fill colour are those of one of our marks. */
export function isOurMarkFormat(formula: string | null | undefined, fill: string | null | undefined): boolean {
  return isOurMark(formula, fill);
}

export const MARK_FILL: Record<MarkSeverity, string> = {
  error: `#${MARK_FILL_HEX.error}`,
  warning: `#${MARK_FILL_HEX.warning}`,
  info: `#${MARK_FILL_HEX.info}`,
};
