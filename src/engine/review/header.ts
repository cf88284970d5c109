/**
 * The facts a reviewer lists for each form, read from the lines above its tables:
 * 项目名称 / 部门名称, 主管部门, 实施单位. Labels are matched by meaning (spaces, colons and the
 * common variants removed); the value is the next filled cell to the right on the same row.
 */
import type { DetectedForm } from "../detect/form";
import type { SheetView } from "../sheet/snapshot";

export interface FormHeader {
  name?: string;
  department?: string;
  unit?: string;
}

const LABELS: Record<keyof FormHeader, readonly string[]> = {
  name: ["项目名称", "部门名称", "部门（单位）名称", "单位名称", "部门(单位)名称", "预算单位"],
  department: ["主管部门", "主管单位", "主管部门（单位）", "主管部门(单位)"],
  unit: ["实施单位", "项目实施单位", "实施单位（盖章）", "实施单位(盖章)"],
};

/** Header lines are short: a label cell longer than this is prose, not a label. */
const MAX_LABEL = 16;

function labelKey(text: string): keyof FormHeader | undefined {
  const t = text.replace(/[\s:：*＊]/g, "");
  if (t.length === 0 || t.length > MAX_LABEL) return undefined;
  return (Object.keys(LABELS) as (keyof FormHeader)[]).find((k) => LABELS[k].includes(t));
}

function firstTableRow(form: DetectedForm): number {
  const rows = [form.funds?.headerRow, form.tasks?.headerRows[0], form.indicators?.headerRows[0]];
  const found = rows.filter((r): r is number => r !== undefined);
  return found.length > 0 ? Math.min(...found) : form.range.r2;
}

/** The cell right of a label that a reader would take as its value (merged labels skipped). */
function valueRightOf(view: SheetView, row: number, col: number, lastCol: number): string | undefined {
  const label = view.text(row, col);
  for (let c = col + 1; c <= lastCol; c++) {
    const t = view.text(row, c);
    if (t === "" || t === label) continue;
    return labelKey(t) ? undefined : t.slice(0, 120);
  }
  return undefined;
}

export function readFormHeader(view: SheetView, form: DetectedForm): FormHeader {
  const header: FormHeader = {};
  const lastRow = firstTableRow(form);
  for (let r = Math.max(view.firstRow, form.range.r1 - 1); r <= lastRow; r++) {
    for (let c = form.range.c1; c <= form.range.c2; c++) {
      if (view.isMergedCovered(r, c)) continue;
      const key = labelKey(view.text(r, c));
      if (key && header[key] === undefined) header[key] = valueRightOf(view, r, c, form.range.c2);
    }
  }
  if (header.name === undefined && form.name) header.name = form.name;
  return header;
}
