/**
 * Pure planning for the Office adapter: in which order a plan's operations go to Excel, and
 * where a batch must be split because of Office's limits (about 5 MB a request on the web,
 * 5,000,000 cells a read). Everything here is plain data in, plain data out, so it is tested
 * without Excel.
 */
import type { CellRange } from "../../engine/sheet/snapshot";
import { parseRangeA1, rangeA1 } from "../../engine/sheet/snapshot";
import type { WriteOp } from "../port";

/** Excel on the web rejects a request over 5 MB; keep a margin for the envelope Office adds. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Excel reads at most 5,000,000 cells in one range. */
export const MAX_CELLS_PER_READ = 5_000_000;

/**
 * The order Excel should see operations in: formats before values (Microsoft's advice, and a
 * merge after values would drop all but the top-left cell's value), marks after the content,
 * sheet protection last (nothing can be written to a protected sheet).
 */
const PHASE: Record<WriteOp["kind"], number> = {
  clearMarks: 0,
  numberFormat: 1,
  style: 1,
  merge: 1,
  columnWidth: 1,
  rowHeight: 1,
  validationList: 1,
  validationRule: 1,
  locked: 1,
  values: 2,
  formulas: 2,
  note: 3,
  addMarks: 4,
  print: 5,
  freezePanes: 5,
  protectSheet: 6,
};

/** Stable: operations of the same phase keep the plan's order. */
export function orderOps(ops: readonly WriteOp[]): WriteOp[] {
  return ops
    .map((op, i) => ({ op, i }))
    .sort((a, b) => PHASE[a.op.kind] - PHASE[b.op.kind] || a.i - b.i)
    .map((x) => x.op);
}

/** UTF-8 bytes of a value's JSON, which is what Office sends. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** What one operation costs in the request, roughly (the data dominates; commands are small). */
export function estimateOpBytes(op: WriteOp): number {
  const overhead = 200;
  switch (op.kind) {
    case "values":
      return overhead + jsonBytes(op.values);
    case "formulas":
      return overhead + jsonBytes(op.formulas);
    case "numberFormat": {
      // Sent as a full rectangle of the format string.
      const r = parseRangeA1(op.range);
      const cells = r ? (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) : 1;
      return overhead + cells * (jsonBytes(op.format) + 1);
    }
    case "validationRule":
      return overhead + jsonBytes(op.formula) + jsonBytes(op.message);
    case "validationList":
      return overhead + jsonBytes(op.list);
    case "note":
      return overhead + jsonBytes(op.text);
    case "addMarks":
      // A highlight is a few hundred bytes of commands; a note adds its text.
      return overhead + op.marks.reduce((n, m) => n + 300 + (m.note ? 200 + jsonBytes(m.note) : 0), 0);
    default:
      return overhead;
  }
}

/**
 * Split a values/formulas operation into row bands that each fit `budget` bytes. Other
 * operations are returned as they are (they are small or cannot be split).
 */
export function splitOp(op: WriteOp, budget: number): WriteOp[] {
  if (op.kind !== "values" && op.kind !== "formulas") return [op];
  if (estimateOpBytes(op) <= budget) return [op];
  const range = parseRangeA1(op.range);
  const rows: unknown[][] = op.kind === "values" ? op.values : op.formulas;
  if (!range || rows.length <= 1) return [op];
  const out: WriteOp[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const band: CellRange = { r1: range.r1 + start, r2: range.r1 + end - 1, c1: range.c1, c2: range.c2 };
    const slice = rows.slice(start, end);
    out.push(
      op.kind === "values"
        ? { kind: "values", range: rangeA1(band), values: slice as typeof op.values }
        : { kind: "formulas", range: rangeA1(band), formulas: slice as typeof op.formulas },
    );
    start = end;
    bytes = 0;
  };
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = jsonBytes(rows[i]) + 1;
    if (bytes + rowBytes > budget - 200 && i > start) flush(i);
    bytes += rowBytes;
  }
  flush(rows.length);
  return out;
}

/**
 * Ordered operations → batches, each meant for one `context.sync`. One batch unless the data
 * exceeds the request budget; clearMarks always opens the first batch (it needs the sheet's
 * conditional formats read first, see the adapter).
 */
export function planWriteBatches(ops: readonly WriteOp[], budget = REQUEST_BUDGET_BYTES): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of orderOps(ops).flatMap((o) => splitOp(o, budget))) {
    const cost = estimateOpBytes(op);
    if (current.length > 0 && bytes + cost > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Row bands of a used range for reads that had to be split: each band at most `maxCells` cells. */
export function planReadBands(
  rowCount: number,
  columnCount: number,
  maxCells = MAX_CELLS_PER_READ,
): { row: number; count: number }[] {
  if (rowCount <= 0 || columnCount <= 0) return [];
  const rowsPerBand = Math.max(1, Math.floor(maxCells / columnCount));
  const bands: { row: number; count: number }[] = [];
  for (let row = 0; row < rowCount; row += rowsPerBand) {
    bands.push({ row, count: Math.min(rowsPerBand, rowCount - row) });
  }
  return bands;
}

/**
 * Cells of one severity → as few rectangles as possible: vertical runs of adjacent cells in a
 * column. Fewer conditional formats keep Excel fast when a sheet has hundreds of findings.
 */
export function groupCells(cells: readonly { row: number; col: number }[]): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col) ?? [];
    list.push(c.row);
    byCol.set(c.col, list);
  }
  const out: CellRange[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push({ r1: start, r2: prev, c1: col, c2: col });
      start = prev = r;
    }
    out.push({ r1: start, r2: prev, c1: col, c2: col });
  }
  return out;
}
