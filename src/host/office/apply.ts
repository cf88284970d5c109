/**
 * One write operation → the Office.js commands that carry it out. Commands are only queued
 * here; the adapter sends a whole batch with one `context.sync`.
 */
import { parseRangeA1, rangeA1 } from "../../engine/sheet/snapshot";
import type { CellStyle, CellValue, MarkSpec, WriteOp } from "../port";
import { groupCells } from "./batching";
import { MARK_FILL, MARK_RULE_FORMULA, type MarkSeverity } from "./marks";
import { noteKey } from "./markNotes";

/** Excel's column width unit in the API is points; the plan speaks characters of the default font (7 px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Text Excel would not keep as text when written through `values`, which parses strings as if
 * typed: "=17个" (an operator typed into a 指标值) would become a broken formula, "95%" a number,
 * "2024-12-31" a date, "0012" the number 12.
 */
export function needsTextPrefix(s: string): boolean {
  const t = s.trim();
  if (t === "") return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^[(（]?[\d.,\s]+[)）]?\s*%?$/.test(t) || /^\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(t)) return true;
  if (/^\d{1,2}\s+\d{1,2}\/\d{1,2}$/.test(t)) return true; // "1 1/2", a fraction
  if (/^\d{4}年\d{1,2}月(\d{1,2}日)?$/.test(t) || /^\d{1,2}月\d{1,2}日$/.test(t)) return true;
  return false;
}

/** A value as Office accepts it in `values`: "" empties a cell (null would leave it as it was). */
export function officeValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  // A leading apostrophe stores the rest as text, exactly as typed; Excel does not show it.
  if (typeof v === "string" && needsTextPrefix(v)) return `'${v}`;
  return v;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function queueStyle(range: Excel.Range, address: string, style: CellStyle): void {
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.fontColor !== undefined) font.color = style.fontColor;
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) range.format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.border !== undefined) {
    const box = parseRangeA1(address);
    const edges: Excel.BorderIndex[] = [
      Excel.BorderIndex.edgeTop,
      Excel.BorderIndex.edgeBottom,
      Excel.BorderIndex.edgeLeft,
      Excel.BorderIndex.edgeRight,
    ];
    // Inside edges exist only when the range has more than one column / row.
    if (box && box.c2 > box.c1) edges.push(Excel.BorderIndex.insideVertical);
    if (box && box.r2 > box.r1) edges.push(Excel.BorderIndex.insideHorizontal);
    const weight = style.border === "medium" ? Excel.BorderWeight.medium : Excel.BorderWeight.thin;
    for (const edge of edges) {
      const b = range.format.borders.getItem(edge);
      b.style = Excel.BorderLineStyle.continuous;
      b.weight = weight;
    }
  }
}

export interface ApplyEnv {
  context: Excel.RequestContext;
  sheet: Excel.Worksheet;
  sheetName: string;
  /** Worksheet notes (ExcelApi 1.18) when available; threaded comments otherwise. */
  notesSupported: boolean;
  /** Marked cells that keep a note of the user's: ours is not added there. */
  takenNoteCells?: Set<string>;
}

type OpOf<K extends WriteOp["kind"]> = Extract<WriteOp, { kind: K }>;
/** Every op kind must have a handler: a new kind in the port fails to compile here. */
type OpQueuers = { [K in WriteOp["kind"]]: (env: ApplyEnv, op: OpOf<K>) => void };

function queueNumberFormat({ sheet }: ApplyEnv, op: OpOf<"numberFormat">): void {
  const box = parseRangeA1(op.range);
  if (!box) throw new Error(`地址无法识别：${op.range}`);
  const line = new Array<string>(box.c2 - box.c1 + 1).fill(op.format);
  sheet.getRange(op.range).numberFormat = Array.from({ length: box.r2 - box.r1 + 1 }, () => line);
}

function queueValidationList({ sheet }: ApplyEnv, op: OpOf<"validationList">): void {
  const dv = sheet.getRange(op.range).dataValidation;
  dv.clear();
  dv.rule = { list: { inCellDropDown: true, source: op.list.join(",") } };
}

function queueValidationRule({ sheet }: ApplyEnv, op: OpOf<"validationRule">): void {
  const dv = sheet.getRange(op.range).dataValidation;
  dv.clear();
  dv.rule = { custom: { formula: op.formula } };
  dv.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: "数值无效",
    message: op.message,
  };
}

function queueNote(env: ApplyEnv, op: OpOf<"note">): void {
  const { sheet } = env;
  if (env.notesSupported) sheet.notes.add(sheet.getRange(op.cell), op.text);
  else env.context.workbook.comments.add(`'${env.sheetName.replace(/'/g, "''")}'!${op.cell}`, op.text);
}

function queueProtectSheet({ sheet }: ApplyEnv): void {
  // Rows may be inserted and deleted: a form needs more or fewer indicator rows than the template has.
  sheet.protection.protect({
    allowFormatColumns: true,
    allowFormatRows: true,
    allowAutoFilter: true,
    allowInsertRows: true,
    allowDeleteRows: true,
  });
}

function queuePrint({ sheet }: ApplyEnv, op: OpOf<"print">): void {
  sheet.pageLayout.orientation =
    op.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  sheet.pageLayout.paperSize = Excel.PaperType.a4;
  if (op.titleRows) sheet.pageLayout.setPrintTitleRows(op.titleRows);
  if (op.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (op.printArea) sheet.pageLayout.setPrintArea(op.printArea);
}

function queueFreezePanes({ sheet }: ApplyEnv, op: OpOf<"freezePanes">): void {
  if (op.rows > 0 && op.cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, op.rows, op.cols));
  else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
  else if (op.cols > 0) sheet.freezePanes.freezeColumns(op.cols);
  else sheet.freezePanes.unfreeze();
}

const QUEUERS: OpQueuers = {
  values: ({ sheet }, op) => {
    sheet.getRange(op.range).values = op.values.map((row) => row.map(officeValue));
  },
  formulas: ({ sheet }, op) => {
    // null in `formulas` leaves the cell as it is — exactly what the plan means.
    sheet.getRange(op.range).formulas = op.formulas as unknown as string[][];
  },
  numberFormat: queueNumberFormat,
  style: ({ sheet }, op) => queueStyle(sheet.getRange(op.range), op.range, op.style),
  merge: ({ sheet }, op) => sheet.getRange(op.range).merge(false),
  columnWidth: ({ sheet }, op) => {
    sheet.getRangeByIndexes(0, op.col, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(op.width);
  },
  rowHeight: ({ sheet }, op) => {
    sheet.getRangeByIndexes(op.row, 0, 1, 1).getEntireRow().format.rowHeight = op.height;
  },
  validationList: queueValidationList,
  validationRule: queueValidationRule,
  note: queueNote,
  locked: ({ sheet }, op) => {
    sheet.getRange(op.range).format.protection.locked = op.locked;
  },
  protectSheet: queueProtectSheet,
  print: queuePrint,
  freezePanes: queueFreezePanes,
  addMarks: (env, op) => {
    queueMarks(env.sheet, op.marks);
    if (env.notesSupported) queueMarkNotes(env.sheet, op.marks, env.takenNoteCells);
  },
  clearMarks: () => undefined,
};

/** Queue one operation. clearMarks is handled by the adapter (it needs a read first). */
export function queueOp(env: ApplyEnv, op: WriteOp): void {
  if (!Object.prototype.hasOwnProperty.call(QUEUERS, op.kind)) return;
  (QUEUERS[op.kind] as (env: ApplyEnv, op: WriteOp) => void)(env, op);
}

/** Our note on each marked cell that has none of the user's (a cell holds one note). */
function queueMarkNotes(sheet: Excel.Worksheet, marks: MarkSpec[], taken: Set<string> | undefined): void {
  for (const m of marks) {
    if (m.note && !taken?.has(noteKey(m.cell))) sheet.notes.add(sheet.getRange(m.cell), m.note);
  }
}

function queueMarks(sheet: Excel.Worksheet, marks: { cell: string; severity: MarkSeverity }[]): void {
  for (const severity of ["error", "warning", "info"] as const) {
    const cells = marks
      .filter((m) => m.severity === severity)
      .map((m) => parseRangeA1(m.cell))
      .filter((r): r is NonNullable<typeof r> => r !== null)
      .map((r) => ({ row: r.r1, col: r.c1 }));
    for (const box of groupCells(cells)) {
      const cf = sheet.getRange(rangeA1(box)).conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = MARK_RULE_FORMULA;
      cf.custom.format.fill.color = MARK_FILL[severity];
    }
  }
}
