/**
 * A sheet as an editable grid for metamorphic tests: rows and columns can be inserted the way Excel
 * inserts them (merges that span the insertion point grow, formulas' references move), and the
 * grid remembers where every original row and column went, so a finding on the original sheet
 * can be looked for at its new address.
 */
import { a1, parseA1, type CellRange, type CellValue, type SheetSnapshot } from "../../../src/engine/sheet/snapshot";

export interface Cell {
  v: CellValue;
  f: string | null;
  fmt: string | null;
}

const empty = (): Cell => ({ v: null, f: null, fmt: null });

export class Work {
  /** Absolute cells from A1 (the snapshot's origin padded with empty cells). */
  cells: Cell[][];
  merges: CellRange[];
  /** Original row / column (absolute, 0-based) → where it is now; -1 when it is gone. */
  rowMap: number[];
  colMap: number[];
  /** Cells moved on their own (original A1 → new A1), beyond the row and column maps. */
  readonly relocated = new Map<string, string>();

  constructor(
    readonly name: string,
    cells: Cell[][],
    merges: CellRange[],
  ) {
    this.cells = cells;
    this.merges = merges.map((m) => ({ ...m }));
    this.rowMap = cells.map((_, i) => i);
    this.colMap = Array.from({ length: this.width }, (_, i) => i);
  }

  static of(s: SheetSnapshot): Work {
    const cells: Cell[][] = [];
    for (let r = 0; r < s.origin.row + s.values.length; r++) {
      const row: Cell[] = [];
      const i = r - s.origin.row;
      const width = s.origin.col + (s.values[0]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const j = c - s.origin.col;
        if (i < 0 || j < 0) row.push(empty());
        else
          row.push({
            v: s.values[i][j] ?? null,
            f: s.formulas?.[i]?.[j] ?? null,
            fmt: s.numberFormats?.[i]?.[j] ?? null,
          });
      }
      cells.push(row);
    }
    return new Work(s.name, cells, s.merges);
  }

  get width(): number {
    return this.cells.reduce((m, r) => Math.max(m, r.length), 0);
  }

  clone(): Work {
    const w = new Work(
      this.name,
      this.cells.map((r) => r.map((c) => ({ ...c }))),
      this.merges,
    );
    w.rowMap = [...this.rowMap];
    w.colMap = [...this.colMap];
    for (const [k, v] of this.relocated) w.relocated.set(k, v);
    return w;
  }

  at(row: number, col: number): Cell {
    while (this.cells.length <= row) this.cells.push([]);
    const r = this.cells[row];
    while (r.length <= col) r.push(empty());
    return r[col];
  }

  /** `count` empty rows before row `at`, as Excel's 插入行. */
  insertRows(at: number, count = 1): this {
    const width = this.width;
    const fresh = Array.from({ length: count }, () => Array.from({ length: width }, empty));
    this.cells.splice(Math.min(at, this.cells.length), 0, ...fresh);
    for (const m of this.merges) {
      if (m.r1 >= at) m.r1 += count;
      if (m.r2 >= at) m.r2 += count;
    }
    this.rowMap = this.rowMap.map((r) => (r >= at ? r + count : r));
    this.shiftFormulas((ref) => (ref.row >= at ? { ...ref, row: ref.row + count } : ref));
    return this;
  }

  /** `count` empty columns before column `at`, as Excel's 插入列. */
  insertCols(at: number, count = 1): this {
    for (const row of this.cells) {
      if (row.length <= at) continue;
      row.splice(at, 0, ...Array.from({ length: count }, empty));
    }
    for (const m of this.merges) {
      if (m.c1 >= at) m.c1 += count;
      if (m.c2 >= at) m.c2 += count;
    }
    this.colMap = this.colMap.map((c) => (c >= at ? c + count : c));
    this.shiftFormulas((ref) => (ref.col >= at ? { ...ref, col: ref.col + count } : ref));
    return this;
  }

  private shiftFormulas(move: (ref: { row: number; col: number }) => { row: number; col: number }): void {
    for (const row of this.cells) for (const cell of row) if (cell.f) cell.f = moveReferences(cell.f, move);
  }

  /** Every string cell rewritten (numbers and formulas are left alone). */
  mapStrings(f: (s: string, row: number, col: number) => string): this {
    this.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell.v === "string" && !cell.f) cell.v = f(cell.v, r, c);
      }),
    );
    return this;
  }

  /** The snapshot: from A1, or from the used range's top-left (as Office reports it) when `trim`. */
  snapshot(trim = false): SheetSnapshot {
    const width = this.width;
    const rows = this.cells.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? empty()));
    let top = 0;
    let left = 0;
    if (trim) {
      const used = (c: Cell) => c.v !== null && c.v !== "";
      top = Math.max(
        0,
        rows.findIndex((r) => r.some(used)),
      );
      const firstCols = rows.map((r) => r.findIndex(used)).filter((c) => c >= 0);
      left = firstCols.length ? Math.min(...firstCols) : 0;
      for (const m of this.merges) {
        top = Math.min(top, m.r1);
        left = Math.min(left, m.c1);
      }
    }
    const body = rows.slice(top).map((r) => r.slice(left));
    return {
      name: this.name,
      origin: { row: top, col: left },
      values: body.map((r) => r.map((c) => c.v)),
      formulas: body.map((r) => r.map((c) => c.f)),
      numberFormats: body.map((r) => r.map((c) => c.fmt ?? "General")),
      merges: this.merges.map((m) => ({ ...m })),
    };
  }

  /** The cell now at (row, col) came from the original cell `from` (A1), moved on its own. */
  relocate(from: string, row: number, col: number): void {
    this.relocated.set(from, a1(row, col));
  }

  /** Where an original A1 address is now ("-" stays "-"; a cell that is gone gives "gone"). */
  moved(cell: string | null): string {
    if (!cell) return "-";
    const own = this.relocated.get(cell);
    if (own) return own;
    const p = parseA1(cell);
    if (!p) return cell;
    const r = this.rowMap[p.row] ?? p.row;
    const c = this.colMap[p.col] ?? p.col;
    return r < 0 || c < 0 ? "gone" : a1(r, c);
  }
}

/** A1 references in a formula moved (outside string literals; function names such as LOG10( untouched). */
export function moveReferences(
  formula: string,
  move: (ref: { row: number; col: number }) => { row: number; col: number },
): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g,
            (all, pre, d1, col, d2, row) => {
              const p = parseA1(`${col}${row}`);
              if (!p) return all;
              const q = move(p);
              const moved = a1(q.row, q.col);
              const letters = /^[A-Z]+/.exec(moved)![0];
              return `${pre}${d1}${letters}${d2}${q.row + 1}`;
            },
          ),
    )
    .join("");
}
