/**
 * A small in-memory grid the template renderer fills row by row, then turns into one WritePlan:
 * one values op and one formulas op for the whole rectangle, then merges, formats, styles,
 * validation lists and locks, so an adapter applies it in one batch.
 */
import { a1, columnLetters, type CellValue } from "../engine/sheet/snapshot";
import type { CellStyle, WriteOp } from "../host/port";

export class Grid {
  readonly width: number;
  private readonly values: CellValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  readonly merges: string[] = [];
  readonly styles: { range: string; style: CellStyle }[] = [];
  readonly formats: { range: string; format: string }[] = [];
  readonly lists: { range: string; list: string[] }[] = [];
  readonly rules: { range: string; formula: string; message: string }[] = [];
  readonly unlocked: string[] = [];
  readonly notes: { cell: string; text: string }[] = [];
  readonly heights: { row: number; height: number }[] = [];

  constructor(width: number) {
    this.width = width;
  }

  /** Append an empty row; returns its 0-based index. */
  addRow(height?: number): number {
    this.values.push(new Array<CellValue>(this.width).fill(null));
    this.formulas.push(new Array<string | null>(this.width).fill(null));
    const r = this.values.length - 1;
    if (height) this.heights.push({ row: r, height });
    return r;
  }

  get rowCount(): number {
    return this.values.length;
  }

  set(row: number, col: number, value: CellValue): void {
    this.values[row][col] = value;
  }

  formula(row: number, col: number, f: string): void {
    this.formulas[row][col] = f;
  }

  get(row: number, col: number): CellValue {
    return this.values[row]?.[col] ?? null;
  }

  formulaAt(row: number, col: number): string | null {
    return this.formulas[row]?.[col] ?? null;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 !== r2 || c1 !== c2) this.merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
  }

  style(r1: number, c1: number, r2: number, c2: number, style: CellStyle): void {
    this.styles.push({ range: `${a1(r1, c1)}:${a1(r2, c2)}`, style });
  }

  format(r1: number, c1: number, r2: number, c2: number, format: string): void {
    this.formats.push({ range: `${a1(r1, c1)}:${a1(r2, c2)}`, format });
  }

  list(r1: number, c1: number, r2: number, c2: number, list: string[]): void {
    this.lists.push({ range: `${a1(r1, c1)}:${a1(r2, c2)}`, list });
  }

  /** Values the cells refuse: `formula(topLeft)` is TRUE for an accepted value (relative to the top-left cell). */
  refuse(r1: number, c1: number, r2: number, c2: number, formula: (topLeft: string) => string, message: string): void {
    this.rules.push({ range: `${a1(r1, c1)}:${a1(r2, c2)}`, formula: formula(a1(r1, c1)), message });
  }

  /** An input area: unlocked, so it stays editable once the sheet is protected. */
  input(r1: number, c1: number, r2: number = r1, c2: number = c1): void {
    this.unlocked.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
  }

  note(row: number, col: number, text: string): void {
    this.notes.push({ cell: a1(row, col), text });
  }

  /** The whole grid as write ops (values, formulas, then the decoration). */
  toOps(): WriteOp[] {
    const last = `${columnLetters(this.width - 1)}${this.rowCount}`;
    const all = `A1:${last}`;
    const ops: WriteOp[] = [
      { kind: "values", range: all, values: this.values.map((r) => [...r]) },
      { kind: "formulas", range: all, formulas: this.formulas.map((r) => [...r]) },
    ];
    for (const m of this.merges) ops.push({ kind: "merge", range: m });
    for (const f of this.formats) ops.push({ kind: "numberFormat", range: f.range, format: f.format });
    for (const s of this.styles) ops.push({ kind: "style", range: s.range, style: s.style });
    for (const l of this.lists) ops.push({ kind: "validationList", range: l.range, list: l.list });
    for (const v of this.rules)
      ops.push({ kind: "validationRule", range: v.range, formula: v.formula, message: v.message });
    for (const u of this.unlocked) ops.push({ kind: "locked", range: u, locked: false });
    for (const n of this.notes) ops.push({ kind: "note", cell: n.cell, text: n.text });
    for (const h of this.heights) ops.push({ kind: "rowHeight", row: h.row, height: h.height });
    return ops;
  }
}
