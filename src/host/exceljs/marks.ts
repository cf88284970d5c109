/**
 * Validation marks as conditional formats, so a mark changes no value and no cell format and
 * can be removed exactly. Every mark's rule is the always-true formula MARK_FORMULA, whose
 * string literal is our tag: it survives save and reopen in Excel, WPS and LibreOffice, and the
 * Office.js adapter writes and recognises the SAME formula (see docs/cli.md, "Marks").
 */
import type ExcelJS from "exceljs";

export const MARK_TAG = "绩效自评助手";
/** Without the leading "=" (as exceljs stores conditional-format formulas). */
export const MARK_FORMULA = `ISTEXT("${MARK_TAG}")`;

export const MARK_FILL: Record<"error" | "warning" | "info", string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

type CfRule = { formulae?: string[] };
type Cf = { ref: string; rules: CfRule[] };

function isOurs(cf: Cf): boolean {
  return cf.rules.length > 0 && cf.rules.every((r) => (r.formulae ?? []).some((f) => f.includes(MARK_TAG)));
}

export function addMarks(
  ws: ExcelJS.Worksheet,
  marks: { cell: string; severity: "error" | "warning" | "info" }[],
): void {
  for (const m of marks) {
    ws.addConditionalFormatting({
      ref: m.cell,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [MARK_FORMULA],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: MARK_FILL[m.severity] } } },
        },
      ],
    } as never);
  }
}

export function clearMarks(ws: ExcelJS.Worksheet): number {
  const list = (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? [];
  const kept = list.filter((cf) => !isOurs(cf));
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings = kept;
  return list.length - kept.length;
}

/** How many of our marks the sheet carries (for tests and the task pane's counter). */
export function countMarks(ws: ExcelJS.Worksheet): number {
  const list = (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? [];
  return list.filter(isOurs).length;
}
