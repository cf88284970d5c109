/**
 * What makes a conditional format one of our validation marks, for both adapters. A mark is a
 * one-rule format whose formula is EXACTLY `ISTEXT("绩效自评助手")` (always true, the string is
 * our tag) and whose fill is one of our three severity colours. Both must hold, so a user's own
 * rule that merely mentions the tag (`=AND(A1>0,ISTEXT("绩效自评助手"))`), or uses the same formula
 * with a colour of their own, is never taken for ours and never deleted by 清除标记. Both parts
 * live in the file, so marks are recognised after save and reopen in Excel, WPS and LibreOffice.
 */
export type MarkSeverity = "error" | "warning" | "info";

export const MARK_TAG = "绩效自评助手";

/** Without the leading "=" (as a file stores conditional-format formulas). */
export const MARK_FORMULA_BODY = `ISTEXT("${MARK_TAG}")`;

/** Light fills (Excel's own "bad / neutral / note" palette) so the cell text stays readable, "RRGGBB". */
export const MARK_FILL_HEX: Record<MarkSeverity, string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** The formula is exactly ours: one optional "=", surrounding blanks and the function name's case aside. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  if (typeof formula !== "string") return false;
  const body = formula.trim().replace(/^=\s*/, "");
  return body.length === MARK_FORMULA_BODY.length && body.toUpperCase() === MARK_FORMULA_BODY.toUpperCase();
}

/** "#FFC7CE", "FFFFC7CE" (ARGB) or "ffc7ce": one of our three colours. */
export function isMarkFill(color: string | null | undefined): boolean {
  if (typeof color !== "string") return false;
  const hex = color.trim().replace(/^#/, "").toUpperCase();
  const rgb = hex.length === 8 ? hex.slice(2) : hex;
  return Object.values(MARK_FILL_HEX).includes(rgb);
}

export function isOurMark(formula: string | null | undefined, fill: string | null | undefined): boolean {
  return isMarkFormula(formula) && isMarkFill(fill);
}

/**
 * Our notes on marked cells start with this line, so 清除标记 deletes exactly the notes we wrote
 * (after save and reopen too) and never a note of the user's own.
 */
export const MARK_NOTE_HEADER = `【${MARK_TAG}】`;

/** The note a marked cell carries: our header line, then one line per finding. */
export function markNoteText(lines: string[]): string {
  return [MARK_NOTE_HEADER, ...lines].join("\n");
}

/** A note is ours when its first line is exactly our header (surrounding blanks aside). */
export function isOurNote(text: string | null | undefined): boolean {
  if (typeof text !== "string") return false;
  const first = text.replace(/^\s+/, "").split(/\r?\n/, 1)[0];
  return first.trim() === MARK_NOTE_HEADER;
}
