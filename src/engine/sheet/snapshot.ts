/**
 * The sheet snapshot: everything the engine knows about a worksheet.
 *
 * It mirrors what Office.js hands back for a used range in one round trip
 * (`values`, `formulas`, `numberFormat`, the merged areas), so the Office adapter
 * fills it without reshaping and the exceljs adapter fills the same shape from a file.
 * All coordinates are 0-based and absolute on the sheet (row 0 = Excel row 1).
 */

/** An Excel error value, such as `#DIV/0!` or `#NAME?`. */
export interface CellError {
  error: string;
}

/** What one cell holds after Excel has calculated it. Dates arrive as Excel serial numbers. */
export type CellValue = string | number | boolean | null | CellError;

/** An inclusive rectangle of cells, 0-based absolute coordinates. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetSnapshot {
  /** The worksheet's name. */
  name: string;
  /** Absolute position of `values[0][0]` (the used range's top-left cell). */
  origin: { row: number; col: number };
  /** Calculated values, row-major; every row has the same length. */
  values: CellValue[][];
  /**
   * Formulas, same shape as `values`: the formula text with its leading `=`,
   * or null where the cell holds a plain value. Optional: a snapshot without formulas
   * is read as "no cell holds a formula".
   */
  formulas?: (string | null)[][];
  /** Number formats, same shape as `values` ("General", "0.00%", …). Optional. */
  numberFormats?: (string | null)[][];
  /** Merged areas, absolute coordinates. */
  merges: CellRange[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** Column index (0-based) → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based absolute (row, col) → "B7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A range → "B7:D9" (or "B7" for a single cell). */
export function rangeA1(r: CellRange): string {
  const start = a1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? start : `${start}:${a1(r.r2, r.c2)}`;
}

/** "B7" → { row: 6, col: 1 }. Accepts `$` anchors and a leading sheet name. Returns null when unreadable. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B7:D9" → a range; a single cell gives a 1×1 range. Null when unreadable. */
export function parseRangeA1(ref: string): CellRange | null {
  const body = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const [a, b] = body.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/**
 * Read access to a snapshot by absolute coordinates, with merged cells resolved:
 * a cell covered by a merge (other than its top-left) reads as the merge's top-left value,
 * which is how a person reads a merged 一级指标 cell that spans several rows.
 */
export class SheetView {
  readonly snapshot: SheetSnapshot;
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * Per column of the snapshot: the covered (non-anchor) cells of its merges, as 1 + the merge's
   * index in `snapshot.merges` for each row from `from` on (0 = not covered). Typed arrays over
   * only the rows a column's merges span: a merged 一级 column over 10,000 rows is one array, not
   * 10,000 map entries, and reading a cell is two array lookups, not a hash.
   */
  private readonly covered: ({ from: number; merge: Int32Array } | undefined)[];

  constructor(snapshot: SheetSnapshot) {
    this.snapshot = snapshot;
    this.rowCount = snapshot.values.length;
    let cols = 0;
    for (const r of snapshot.values) if (r.length > cols) cols = r.length;
    this.colCount = cols;
    this.covered = coveredCells(snapshot, this.rowCount, this.colCount);
  }

  get firstRow(): number {
    return this.snapshot.origin.row;
  }
  get firstCol(): number {
    return this.snapshot.origin.col;
  }
  get lastRow(): number {
    return this.snapshot.origin.row + this.rowCount - 1;
  }
  get lastCol(): number {
    return this.snapshot.origin.col + this.colCount - 1;
  }

  /** The value the cell itself holds (no merge resolution). */
  raw(row: number, col: number): CellValue {
    const r = this.snapshot.values[row - this.snapshot.origin.row];
    if (!r) return null;
    const v = r[col - this.snapshot.origin.col];
    return v === undefined ? null : v;
  }

  /** The index in `snapshot.merges` of the merge covering (row, col) other than at its top-left, or -1. */
  private coveringMerge(row: number, col: number): number {
    const c = this.covered[col - this.snapshot.origin.col];
    if (c === undefined) return -1;
    const i = row - c.from;
    return i >= 0 && i < c.merge.length ? c.merge[i] - 1 : -1;
  }

  /** The value a reader sees: a merged cell reads as its anchor. */
  value(row: number, col: number): CellValue {
    const i = this.coveringMerge(row, col);
    if (i < 0) return this.raw(row, col);
    const m = this.snapshot.merges[i];
    return this.raw(m.r1, m.c1);
  }

  /** True when the cell is covered by a merge and is not its top-left cell. */
  isMergedCovered(row: number, col: number): boolean {
    return this.coveringMerge(row, col) >= 0;
  }

  formula(row: number, col: number): string | null {
    const f = this.snapshot.formulas?.[row - this.snapshot.origin.row]?.[col - this.snapshot.origin.col];
    return typeof f === "string" && f.startsWith("=") ? f : null;
  }

  numberFormat(row: number, col: number): string | null {
    return this.snapshot.numberFormats?.[row - this.snapshot.origin.row]?.[col - this.snapshot.origin.col] ?? null;
  }

  /** The value as trimmed text ("" for empty), merges resolved. */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null) return "";
    if (isCellError(v)) return v.error;
    return String(v).trim();
  }
}

/**
 * Every covered cell of the snapshot's merges, per column (see SheetView.covered). A merge larger
 * than the used range (whole columns, a million rows) is clipped: only cells the snapshot holds can
 * be read, and expanding it would cost memory for nothing. Later merges win, as they did before.
 */
function coveredCells(
  snapshot: SheetSnapshot,
  rowCount: number,
  colCount: number,
): ({ from: number; merge: Int32Array } | undefined)[] {
  const { row: r0, col: c0 } = snapshot.origin;
  const lastRow = r0 + rowCount - 1;
  const lastCol = c0 + colCount - 1;
  // First pass: the rows each column's merges span, so each column gets one array.
  const span: { lo: number; hi: number }[] = [];
  const clipped = (m: CellRange) => ({
    r1: Math.max(m.r1, r0),
    c1: Math.max(m.c1, c0),
    r2: Math.min(m.r2, lastRow),
    c2: Math.min(m.c2, lastCol),
  });
  for (const m of snapshot.merges) {
    const k = clipped(m);
    if (!(k.r1 <= k.r2)) continue; // wholly above or below the used range (or unreadable)
    for (let c = k.c1; c <= k.c2; c++) {
      const s = span[c - c0];
      if (!s) span[c - c0] = { lo: k.r1, hi: k.r2 };
      else {
        s.lo = Math.min(s.lo, k.r1);
        s.hi = Math.max(s.hi, k.r2);
      }
    }
  }
  const out: ({ from: number; merge: Int32Array } | undefined)[] = new Array(colCount).fill(undefined);
  for (let i = 0; i < snapshot.merges.length; i++) {
    const m = snapshot.merges[i];
    const k = clipped(m);
    if (!(k.r1 <= k.r2)) continue;
    for (let c = k.c1; c <= k.c2; c++) {
      const s = span[c - c0];
      let col = out[c - c0];
      if (!col) out[c - c0] = col = { from: s.lo, merge: new Int32Array(s.hi - s.lo + 1) };
      for (let r = k.r1; r <= k.r2; r++) {
        if (r === m.r1 && c === m.c1) continue;
        col.merge[r - col.from] = i + 1;
      }
    }
  }
  return out;
}
