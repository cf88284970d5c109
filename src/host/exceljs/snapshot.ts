/**
 * exceljs worksheet → SheetSnapshot: calculated values (a formula cell gives its cached result),
 * formulas with a leading "=", number formats and merges. Only the rectangle that holds values
 * is read, and a rectangle beyond the limits (a stray value in A1048576) is clipped and
 * reported, so a "million-row" sheet costs no more than its real content.
 */
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetSnapshot } from "../../engine/sheet/snapshot";
import type { ReadOptions } from "../port";
import { fromStoredFormula } from "./udf";

export interface SnapshotLimits {
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxRows: 20000, maxCols: 256 };

/** What a read had to leave out, for the front to tell the user. */
export interface ClipNotice {
  sheet: string;
  /** The used range as the file states it (1-based last row/col). */
  lastRow: number;
  lastCol: number;
  /** What was read (1-based last row/col). */
  readToRow: number;
  readToCol: number;
}

// exceljs's ValueType enum, inlined so this file needs no runtime import of exceljs.
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  RichText: 8,
  Boolean: 9,
  Error: 10,
};

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A JS Date (exceljs reads date cells as UTC dates) → Excel serial number. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** An exceljs value (or formula result) as a snapshot value. */
export function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    // A number past 9999-12-31 in a date-formatted cell reaches us as an invalid Date: Excel
    // shows it as #####, never as a date, so it must not become NaN here.
    const serial = dateToSerial(v);
    return Number.isFinite(serial) ? serial : { error: "#NUM!" };
  }
  if (typeof v === "object") {
    const o = v as { error?: unknown; richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if (typeof o.text === "string") return o.text;
    if ("result" in o) return plain(o.result);
  }
  return null;
}

/** The calculated value of one exceljs cell. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  switch (cell.type as number) {
    case T.Null:
    case T.Merge:
      return null;
    case T.Formula:
      return plain(cell.result);
    default:
      return plain(cell.value);
  }
}

/** The formula text with "=", or null. Shared-formula followers get their translated text. */
export function cellFormulaOf(cell: ExcelJS.Cell): string | null {
  if ((cell.type as number) !== T.Formula) return null;
  const f = cell.formula;
  return f ? fromStoredFormula(f.startsWith("=") ? f : `=${f}`) : null;
}

function hasContent(cell: ExcelJS.Cell): boolean {
  const t = cell.type as number;
  return t !== T.Null && t !== T.Merge;
}

/** Merged areas, 0-based. exceljs keeps them in a private map keyed by the master cell. */
export function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const map = (
    ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  if (!map) return [];
  return Object.values(map)
    .filter(Boolean)
    .map((m) => ({ r1: m.top - 1, c1: m.left - 1, r2: m.bottom - 1, c2: m.right - 1 }));
}

type Box = { minR: number; minC: number; lastR: number; lastC: number };

/** The cells a row holds, empty ones with a style included, without creating any (getCell would). */
function storedCells(row: ExcelJS.Row): (ExcelJS.Cell | undefined)[] {
  return (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells ?? [];
}

/** Style of a row or column, when the file gave it one (reading it must not create the column). */
function numFmtOf(part: object | undefined): string | undefined {
  // exceljs's typings leave out a row's style; it has one at run time.
  return (part as { style?: Partial<ExcelJS.Style> } | undefined)?.style?.numFmt || undefined;
}

/**
 * Number formats of the rectangle, empty cells included: a 0.00% or 0.000 cell waiting for its
 * value decides how calc shows it. A position without a cell shows its row's, else its
 * column's format, as Excel does when something is typed there.
 */
function readFormats(ws: ExcelJS.Worksheet, box: Box, out: (string | null)[][]): void {
  const columns = (ws as unknown as { _columns?: { style?: Partial<ExcelJS.Style> }[] })._columns ?? [];
  const colFmt = (c: number) => numFmtOf(columns[c - 1]);
  const hasColFmt = columns.some((col) => numFmtOf(col));
  for (let r = box.minR; r <= box.lastR; r++) {
    const row = ws.findRow(r);
    const line = out[r - box.minR];
    const rowFmt = numFmtOf(row);
    const cells = row ? storedCells(row) : [];
    for (let c = box.minC; c <= box.lastC; c++) {
      const cell = cells[c - 1];
      const fmt = cell ? cell.numFmt : rowFmt || (hasColFmt ? colFmt(c) : undefined);
      if (fmt) line[c - box.minC] = fmt;
    }
  }
}

export function readSnapshot(
  ws: ExcelJS.Worksheet,
  options: ReadOptions = {},
  limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS,
): { snapshot: SheetSnapshot; clipped?: ClipNotice } {
  const wantFormulas = options.formulas !== false;
  const wantFormats = options.numberFormats !== false;
  // Pass 1: the bounds of cells that hold something (rows are sparse: holes cost nothing).
  let minR = Infinity;
  let maxR = -1;
  let minC = Infinity;
  let maxC = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!hasContent(cell)) return;
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
    });
  });
  const merges = mergesOf(ws);
  if (maxR < 0) {
    return {
      snapshot: { name: ws.name, origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [], merges },
    };
  }
  const { box, clipped, values, formulas, numberFormats } = readRectangle(ws.name, { minR, maxR, minC, maxC }, limits, {
    wantFormulas,
    wantFormats,
  });
  const { lastR, lastC } = box;
  // Pass 2: fill the rectangle.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < minR || r > lastR) return;
    const i = r - minR;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < minC || c > lastC) return;
      const j = c - minC;
      values[i][j] = cellValueOf(cell);
      if (wantFormulas) formulas[i][j] = cellFormulaOf(cell);
    });
  });
  if (wantFormats) readFormats(ws, box, numberFormats);
  const snapshot: SheetSnapshot = {
    name: ws.name,
    origin: { row: minR - 1, col: minC - 1 },
    values,
    merges,
  };
  if (wantFormulas) snapshot.formulas = formulas;
  if (wantFormats) snapshot.numberFormats = numberFormats;
  return { snapshot, clipped };
}

/** The rectangle a snapshot reads: the used bounds clipped to the limits (and the notice when clipped), with empty grids. */
export function readRectangle(
  sheet: string,
  used: { minR: number; maxR: number; minC: number; maxC: number },
  limits: SnapshotLimits,
  want: { wantFormulas: boolean; wantFormats: boolean },
) {
  const { minR, maxR, minC, maxC } = used;
  const lastR = Math.min(maxR, minR + limits.maxRows - 1);
  const lastC = Math.min(maxC, minC + limits.maxCols - 1);
  const clipped: ClipNotice | undefined =
    lastR < maxR || lastC < maxC
      ? { sheet, lastRow: maxR, lastCol: maxC, readToRow: lastR, readToCol: lastC }
      : undefined;
  const height = lastR - minR + 1;
  const width = lastC - minC + 1;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let i = 0; i < height; i++) {
    values.push(new Array<CellValue>(width).fill(null));
    if (want.wantFormulas) formulas.push(new Array<string | null>(width).fill(null));
    if (want.wantFormats) numberFormats.push(new Array<string | null>(width).fill("General"));
  }
  return { box: { minR, minC, lastR, lastC }, clipped, values, formulas, numberFormats };
}
