/**
 * A form cell as the report shows it: the value the rules give wherever the engine computes the
 * cell (执行率, 得分, 合计, 总分, 等级), the typed value elsewhere, in the cell's own number format
 * (a computed cell without one takes the engine's default: 执行率 0.00%). Prose and table use this
 * one function, so every number reads the same in both.
 */
import { isCellError, type CellValue, type SheetView } from "../sheet/snapshot";
import type { ComputedCell } from "../validate/evaluation";
import { fmtFixed, fmtNum, fmtPctFixed } from "../scoring/format";

export class FormCells {
  private readonly computed = new Map<number, ComputedCell>();
  constructor(
    readonly view: SheetView,
    computed: ComputedCell[],
  ) {
    for (const c of computed) this.computed.set(key(c.row, c.col), c);
  }

  computedAt(row: number, col: number | undefined): ComputedCell | undefined {
    return col === undefined ? undefined : this.computed.get(key(row, col));
  }

  /** True when the engine's value differs from what the cell states (or fills it). */
  replaced(row: number, col: number): boolean {
    const c = this.computedAt(row, col);
    if (!c || c.expected === undefined) return false;
    // The view is the form as typed; `c` comes from the settled evaluation (its `stated` is ours).
    return show(this.view.value(row, col), this.formatOf(row, col, c)) !== show(c.expected, this.formatOf(row, col, c));
  }

  /** The cell's text in the report ("" when empty or "nothing here"). */
  show(row: number, col: number | undefined): string {
    if (col === undefined) return "";
    const c = this.computedAt(row, col);
    const value = c && c.expected !== undefined ? c.expected : this.view.value(row, col);
    return show(value, this.formatOf(row, col, c));
  }

  /** The number the report uses for the cell (computed first), or undefined. */
  number(row: number, col: number | undefined): number | undefined {
    if (col === undefined) return undefined;
    const c = this.computedAt(row, col);
    const v = c && c.expected !== undefined ? c.expected : this.view.value(row, col);
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  }

  private formatOf(row: number, col: number, c: ComputedCell | undefined): string | null {
    const own = this.view.numberFormat(row, col);
    if (c && (!own || /general/i.test(own))) return c.defaultFormat;
    return own;
  }
}

function key(row: number, col: number): number {
  return row * 65536 + col;
}

/** A value in a number format, as Excel would show it for the formats forms use. */
export function show(v: CellValue | undefined, format: string | null): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v.trim();
  const section = (format ?? "").split(";")[0];
  const m = /0\.(0+)/.exec(section);
  const decimals = m ? m[1].length : /0/.test(section) ? 0 : null;
  if (section.includes("%")) return fmtPctFixed(v, decimals ?? 2);
  if (decimals !== null) return fmtFixed(v, decimals);
  return fmtNum(v);
}
