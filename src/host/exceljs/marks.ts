/**
 * Validation marks as conditional formats, so a mark changes no value and no cell format and
 * can be removed exactly. Which formats are ours is decided in ../markIdentity.ts (exact formula
 * and our fill), shared with the Office.js adapter, so either side clears the other's marks.
 */
import type ExcelJS from "exceljs";
import { isOurMark, isOurNote, MARK_FILL_HEX, MARK_FORMULA_BODY, MARK_TAG, type MarkSeverity } from "../markIdentity";
import type { MarkSpec } from "../port";

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

/** A note's text: exceljs gives a string for notes it made, rich-text runs for notes it loaded. */
export function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** No note yet, or one of ours (to be replaced). */
function mayTakeNote(target: ExcelJS.Cell): boolean {
  const existing = noteText(target.note);
  return existing === undefined || isOurNote(existing);
}

export function addMarks(ws: ExcelJS.Worksheet, marks: MarkSpec[]): void {
  for (const m of marks) {
    // A cell holds one note: a note of the user's stays exactly as it is.
    if (m.note && mayTakeNote(ws.getCell(m.cell))) ws.getCell(m.cell).note = m.note;
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

/**
 * exceljs has no way to delete a note: `cell.note = undefined` writes an empty one. The note lives
 * in `_comment` and, once the cell was loaded or written, also in its value's model, which is what
 * gets saved; both go (exceljs's own row code unsets `_comment` the same way). The value stays.
 */
function dropNote(cell: ExcelJS.Cell): void {
  const raw = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  raw._comment = undefined;
  if (raw._value?.model) delete raw._value.model.comment;
}

/** Delete the notes we put on marked cells; every other note stays. */
export function clearMarkNotes(ws: ExcelJS.Worksheet): number {
  let removed = 0;
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (!isOurNote(noteText(cell.note))) return;
      dropNote(cell);
      removed++;
    }),
  );
  return removed;
}

export function clearMarks(ws: ExcelJS.Worksheet): number {
  clearMarkNotes(ws);
  const list = formatsOf(ws);
  const kept = list.filter((cf) => !isOurs(cf));
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings = kept;
  return list.length - kept.length;
}

/** How many of our marks the sheet carries (for tests and the task pane's counter). */
export function countMarks(ws: ExcelJS.Worksheet): number {
  return formatsOf(ws).filter(isOurs).length;
}
