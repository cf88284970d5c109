/**
 * Checks a write plan before anything is sent. Excel applies a batch command by command and
 * stops at the first failure, so a bad address halfway through would leave a half-written
 * sheet; refusing the whole plan up front means a wrong plan changes nothing.
 */
import { parseRangeA1 } from "../../engine/sheet/snapshot";
import type { WriteOp, WritePlan } from "../port";

/** Excel's limit on a data-validation list typed as text. */
const LIST_SOURCE_MAX = 255;
const NOTE_MAX = 32767;

function shapeIssue(range: string, rows: unknown[][], what: string): string | null {
  const r = parseRangeA1(range);
  if (!r) return `地址“${range}”无法识别`;
  const h = r.r2 - r.r1 + 1;
  const w = r.c2 - r.c1 + 1;
  if (rows.length !== h || rows.some((row) => !Array.isArray(row) || row.length !== w)) {
    return `${what}的行列数与区域 ${range}（${h} 行 × ${w} 列）不一致`;
  }
  return null;
}

function opIssue(op: WriteOp): string | null {
  switch (op.kind) {
    case "values":
      return shapeIssue(op.range, op.values, "数值");
    case "formulas":
      return shapeIssue(op.range, op.formulas, "公式");
    case "numberFormat":
    case "style":
    case "merge":
    case "locked":
      return parseRangeA1(op.range) ? null : `地址“${op.range}”无法识别`;
    case "validationList":
      if (!parseRangeA1(op.range)) return `地址“${op.range}”无法识别`;
      if (op.list.some((item) => item.includes(","))) return `下拉列表项不能包含英文逗号：${op.list.join(" / ")}`;
      if (op.list.join(",").length > LIST_SOURCE_MAX) return `下拉列表超过 ${LIST_SOURCE_MAX} 个字符`;
      return null;
    case "validationRule":
      if (!parseRangeA1(op.range)) return `地址“${op.range}”无法识别`;
      return op.formula.length > 255 ? `数据验证公式超过 255 个字符：${op.range}` : null;
    case "note":
      if (!parseRangeA1(op.cell)) return `地址“${op.cell}”无法识别`;
      return op.text.length > NOTE_MAX ? `批注超过 ${NOTE_MAX} 个字符` : null;
    case "columnWidth":
      return Number.isFinite(op.width) && op.width >= 0 && op.width <= 255 && op.col >= 0
        ? null
        : `列宽 ${op.width} 无效`;
    case "rowHeight":
      return Number.isFinite(op.height) && op.height >= 0 && op.height <= 409 && op.row >= 0
        ? null
        : `行高 ${op.height} 无效`;
    case "addMarks": {
      const bad = op.marks.find((m) => !parseRangeA1(m.cell));
      return bad ? `标记地址“${bad.cell}”无法识别` : null;
    }
    case "freezePanes":
      return op.rows >= 0 && op.cols >= 0 ? null : "冻结窗格的行列数不能为负";
    default:
      return null;
  }
}

/** Excel's own rules for a sheet name. */
export function sheetNameIssue(name: string): string | null {
  if (name.trim() === "") return "工作表名称不能为空";
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符`;
  if (/[\\/?*[\]:]/.test(name)) return `工作表名称“${name}”含有不允许的字符（\\ / ? * [ ] :）`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾`;
  return null;
}

/** Every problem of the plan, in zh-CN; empty when it can be sent. */
export function planIssues(plan: WritePlan): string[] {
  const issues: string[] = [];
  if (plan.createSheet) {
    const n = sheetNameIssue(plan.sheet);
    if (n) issues.push(n);
  }
  for (const op of plan.ops) {
    const issue = opIssue(op);
    if (issue) issues.push(issue);
  }
  return issues;
}
