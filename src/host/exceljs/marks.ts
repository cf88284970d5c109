/**
 * Validation marks as conditional formats, so a mark changes no value and no cell format and
 * can be removed exactly. Which formats are ours is decided in ../markIdentity.ts (exact formula
 * and our fill), shared with the Office.js adapter, so either side clears the other's marks.
 */
import type ExcelJS from "exceljs";
import { isOurMark, MARK_FILL_HEX, MARK_FORMULA_BODY, MARK_TAG, type MarkSeverity } from "../markIdentity";

export { MARK_TAG };
/** Without the leading "=" (as exceljs stores conditional-format formulas). */
export const MARK_FORMULA = MARK_FORMULA_BODY;

export const MARK_FILL: Record<MarkSeverity, string> = {
  error: `FF${MARK_FILL_HEX.error}`,
  warning: `FF${MARK_FILL_HEX.warning}`,
  info: `FF${MARK_FILL_HEX.info}`,
};

type Color = { argb?: string };
type CfRule = { type?: string; formulae?: string[]; style?: { fill?: { bgColor?: Color; fgColor?: Color } } };
type Cf = { ref: string; rules: CfRule[] };

/** A file may keep a solid dxf fill's colour as bgColor (Excel) or fgColor (some writers). */
function fillOf(rule: CfRule): string | undefined {
  return rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb;
}

function isOurs(cf: Cf): boolean {
  if (cf.rules.length !== 1) return false;
  const [rule] = cf.rules;
  return rule.type === "expression" && (rule.formulae ?? []).length === 1 && isOurMark(rule.formulae![0], fillOf(rule));
}

export function addMarks(ws: ExcelJS.Worksheet, marks: { cell: string; severity: MarkSeverity }[]): void {
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

function formatsOf(ws: ExcelJS.Worksheet): Cf[] {
  return (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? [];
}

export function clearMarks(ws: ExcelJS.Worksheet): number {
  const list = formatsOf(ws);
  const kept = list.filter((cf) => !isOurs(cf));
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings = kept;
  return list.length - kept.length;
}

/** How many of our marks the sheet carries (for tests and the task pane's counter). */
export function countMarks(ws: ExcelJS.Worksheet): number {
  return formatsOf(ws).filter(isOurs).length;
}
