/**
 * The facts a reviewer lists for each form, read from the lines above its tables:
 * 项目名称 / 部门名称, 主管部门, 实施单位. Labels are matched by meaning, not by a fixed list:
 * published forms write "转移支付(项目)名称", "专项资金名称", "预算部门、单位名称", "评价部门名称",
 * "中央主管部门" / "地方主管部门", "项目主管单位", "资金使用单位" … The value is the next filled
 * cell to the right on the same row, or the text after the colon of a "项目名称：…" cell.
 */
import type { DetectedForm } from "../detect/form";
import type { SheetView } from "../sheet/snapshot";

export interface FormHeader {
  name?: string;
  department?: string;
  unit?: string;
}

type Field = keyof FormHeader;

/** A label and how well it fits its field: 0 fits best; a better fit replaces a worse one. */
interface Label {
  field: Field;
  rank: number;
}

/** Header lines are short: a label longer than this is prose, not a label. */
const MAX_LABEL = 16;

const UNIT = /(实施|使用|执行|承担)单位$/;
/** The unit that filled the form in: the 实施单位 when the form names no other. */
const FILLER = /填报单位$/;
const DEPARTMENT = /主管(部门|单位)+(名称)?$/;
/** What a form is about: a project (or a transfer, a special fund), else a department or unit. */
const NAME = /(项目|专项|资金|转移支付|部门|单位)[^主]*名称$|^预算单位$/;
const PROJECT_WORDS = /项目|专项|资金|转移支付/;
/** The central or provincial 主管部门 is far from the unit a local reviewer deals with. */
const REMOTE = /^(中央|省级|省)/;

function normalise(text: string): string {
  return text.replace(/[\s:：*＊()（）[\]【】]/g, "").replace(/盖章$/, "");
}

function labelOf(text: string, kind: DetectedForm["kind"]): Label | undefined {
  const t = normalise(text);
  if (t.length === 0 || t.length > MAX_LABEL) return undefined;
  if (UNIT.test(t)) return { field: "unit", rank: 0 };
  if (FILLER.test(t)) return { field: "unit", rank: 1 };
  if (DEPARTMENT.test(t)) return { field: "department", rank: REMOTE.test(t) ? 1 : 0 };
  if (NAME.test(t)) return { field: "name", rank: PROJECT_WORDS.test(t) === (kind === "project") ? 0 : 1 };
  return undefined;
}

function firstTableRow(form: DetectedForm): number {
  const rows = [form.funds?.headerRow, form.tasks?.headerRows[0], form.indicators?.headerRows[0]];
  const found = rows.filter((r): r is number => r !== undefined);
  return found.length > 0 ? Math.min(...found) : form.range.r2;
}

/** The cell right of a label that a reader would take as its value (merged labels skipped). */
function valueRightOf(view: SheetView, row: number, col: number, lastCol: number, form: DetectedForm) {
  const label = view.text(row, col);
  for (let c = col + 1; c <= lastCol; c++) {
    const t = view.text(row, c);
    if (t === "" || t === label) continue;
    return labelOf(t, form.kind) ? undefined : t.slice(0, 120);
  }
  return undefined;
}

/** A label with its value: "项目名称" and the cell beside it, or one cell "项目名称：值". */
function labelledValue(view: SheetView, row: number, col: number, form: DetectedForm) {
  const text = view.text(row, col);
  const whole = labelOf(text, form.kind);
  if (whole) return { ...whole, value: valueRightOf(view, row, col, form.range.c2, form) };
  const colon = text.search(/[:：]/);
  if (colon <= 0) return undefined;
  const inline = labelOf(text.slice(0, colon), form.kind);
  const value = text.slice(colon + 1).trim();
  return inline && value !== "" ? { ...inline, value: value.slice(0, 120) } : undefined;
}

export function readFormHeader(view: SheetView, form: DetectedForm): FormHeader {
  const header: FormHeader = {};
  const ranks: Partial<Record<Field, number>> = {};
  const lastRow = firstTableRow(form);
  for (let r = Math.max(view.firstRow, form.range.r1 - 1); r <= lastRow; r++) {
    for (let c = form.range.c1; c <= form.range.c2; c++) {
      if (view.isMergedCovered(r, c)) continue;
      const found = labelledValue(view, r, c, form);
      if (!found || found.value === undefined || (ranks[found.field] ?? Infinity) <= found.rank) continue;
      header[found.field] = found.value;
      ranks[found.field] = found.rank;
    }
  }
  if (header.name === undefined && form.name) header.name = form.name;
  return header;
}
