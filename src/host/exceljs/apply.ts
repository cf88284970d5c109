/**
 * Apply a WritePlan to an exceljs worksheet, one op at a time over whole ranges.
 * The handler table is exhaustive over WriteOp, so a new op kind in the port fails to compile here.
 */
import type ExcelJS from "exceljs";
import { parseRangeA1, type CellRange, type CellValue } from "../../engine/sheet/snapshot";
import type { CellStyle, WriteOp } from "../port";
import { addMarks, clearMarks } from "./marks";
import { toStoredFormula } from "./udf";

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

function rangeOf(ref: string): CellRange {
  const r = parseRangeA1(ref);
  if (!r) throw new PlanError(`写入计划中的地址无法识别：${ref}`);
  return r;
}

function eachCell(ws: ExcelJS.Worksheet, ref: string, fn: (cell: ExcelJS.Cell, i: number, j: number) => void): void {
  const r = rangeOf(ref);
  for (let row = r.r1; row <= r.r2; row++) {
    for (let col = r.c1; col <= r.c2; col++) fn(ws.getCell(row + 1, col + 1), row - r.r1, col - r.c1);
  }
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v !== null && typeof v === "object") return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

/**
 * exceljs hands every cell loaded with the same style id (and every cell merged into a master)
 * ONE shared style object, fonts and fills included: a number format or font written on one
 * cell would change all of them. A cell gets a deep copy of its style before any style write.
 */
export function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  ownStyle(cell);
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize || s.fontName || s.fontColor) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize) font.size = s.fontSize;
    if (s.fontName) font.name = s.fontName;
    if (s.fontColor) font.color = { argb: argb(s.fontColor) };
    cell.font = font;
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.horizontal || s.vertical || s.wrap !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (s.horizontal) al.horizontal = s.horizontal;
    if (s.vertical) al.vertical = s.vertical;
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    cell.alignment = al;
  }
  if (s.border) {
    const edge: Partial<ExcelJS.Border> = { style: s.border };
    cell.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
}

function shape<T>(ref: string, rows: T[][]): void {
  const r = rangeOf(ref);
  const h = r.r2 - r.r1 + 1;
  const w = r.c2 - r.c1 + 1;
  if (rows.length !== h || rows.some((row) => row.length !== w)) {
    throw new PlanError(`写入计划的数据形状与区域 ${ref} 不符`);
  }
}

type OpOf<K extends WriteOp["kind"]> = Extract<WriteOp, { kind: K }>;
/** Each handler returns true when it wrote a formula. */
type OpHandlers = { [K in WriteOp["kind"]]: (ws: ExcelJS.Worksheet, op: OpOf<K>) => boolean };

function writeValues(ws: ExcelJS.Worksheet, op: OpOf<"values">): boolean {
  shape(op.range, op.values);
  eachCell(ws, op.range, (cell, i, j) => {
    cell.value = toExcelValue(op.values[i][j]);
  });
  return false;
}

function writeFormulas(ws: ExcelJS.Worksheet, op: OpOf<"formulas">): boolean {
  shape(op.range, op.formulas);
  let wrote = false;
  eachCell(ws, op.range, (cell, i, j) => {
    const f = op.formulas[i][j];
    if (f === null) return;
    if (!f.startsWith("=")) throw new PlanError(`公式必须以“=”开头：${f}`);
    cell.value = { formula: toStoredFormula(f.slice(1)) } as ExcelJS.CellFormulaValue;
    wrote = true;
  });
  return wrote;
}

function addValidation(ws: ExcelJS.Worksheet, range: string, dv: unknown): void {
  (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations.add(range, dv);
}

/** Excel limits an inline list to 255 characters; longer lists are cut at a whole item. */
function inlineListText(list: string[]): string {
  let text = "";
  for (const item of list.map((s) => s.replace(/[",]/g, " "))) {
    const next = text ? `${text},${item}` : item;
    if (next.length > 250) break;
    text = next;
  }
  return text;
}

function writeValidationList(ws: ExcelJS.Worksheet, op: OpOf<"validationList">): boolean {
  const text = inlineListText(op.list);
  addValidation(ws, op.range, { type: "list", allowBlank: true, showErrorMessage: false, formulae: [`"${text}"`] });
  return false;
}

function writeValidationRule(ws: ExcelJS.Worksheet, op: OpOf<"validationRule">): boolean {
  addValidation(ws, op.range, {
    type: "custom",
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "数值无效",
    error: op.message,
    formulae: [op.formula.replace(/^=/, "")],
  });
  return false;
}

function protectSheet(ws: ExcelJS.Worksheet): boolean {
  // exceljs's protect() is synchronous apart from password hashing, which we never use.
  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    // A form needs more or fewer indicator rows than the template has: let people add and delete rows.
    insertRows: true,
    deleteRows: true,
  });
  return false;
}

function writePrint(ws: ExcelJS.Worksheet, op: OpOf<"print">): boolean {
  ws.pageSetup.orientation = op.orientation;
  ws.pageSetup.paperSize = 9; // A4
  if (op.titleRows) ws.pageSetup.printTitlesRow = op.titleRows.replace(/\$/g, "");
  if (op.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (op.printArea) ws.pageSetup.printArea = op.printArea;
  return false;
}

const HANDLERS: OpHandlers = {
  values: writeValues,
  formulas: writeFormulas,
  numberFormat: (ws, op) => {
    eachCell(ws, op.range, (cell) => {
      ownStyle(cell);
      cell.numFmt = op.format;
    });
    return false;
  },
  style: (ws, op) => {
    eachCell(ws, op.range, (cell) => applyStyle(cell, op.style));
    return false;
  },
  merge: (ws, op) => {
    ws.mergeCells(op.range);
    return false;
  },
  columnWidth: (ws, op) => {
    ws.getColumn(op.col + 1).width = op.width;
    return false;
  },
  rowHeight: (ws, op) => {
    ws.getRow(op.row + 1).height = op.height;
    return false;
  },
  validationList: writeValidationList,
  validationRule: writeValidationRule,
  note: (ws, op) => {
    ws.getCell(op.cell).note = op.text;
    return false;
  },
  locked: (ws, op) => {
    eachCell(ws, op.range, (cell) => {
      ownStyle(cell);
      cell.protection = { ...(cell.protection ?? {}), locked: op.locked };
    });
    return false;
  },
  protectSheet,
  print: writePrint,
  freezePanes: (ws, op) => {
    ws.views = [{ state: "frozen", xSplit: op.cols, ySplit: op.rows }];
    return false;
  },
  addMarks: (ws, op) => {
    addMarks(ws, op.marks);
    return false;
  },
  clearMarks: (ws) => {
    clearMarks(ws);
    return false;
  },
};

/** Returns true when the op wrote a formula (the workbook then asks for recalculation on open). */
export function applyOp(ws: ExcelJS.Worksheet, op: WriteOp): boolean {
  const handler = Object.hasOwn(HANDLERS, op.kind)
    ? (HANDLERS[op.kind] as (w: ExcelJS.Worksheet, o: WriteOp) => boolean)
    : undefined;
  if (!handler) throw new PlanError(`未知的写入操作：${JSON.stringify(op)}`);
  return handler(ws, op);
}
