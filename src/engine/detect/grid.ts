/**
 * The detector's read access to a sheet: a SheetView plus the window of columns worth scanning
 * and memoised header keys. Header keys are computed once per distinct short string (most cells
 * of a big table repeat: "≥", "次", "%"), long text is never normalised, and only the first
 * MAX_SCAN_COLS columns of the used range are read, so detection stays a single cheap pass.
 */
import { SheetView, isCellError } from "../sheet/snapshot";
import { MAX_HEADER_LENGTH, headerKey } from "./headers";

/** Forms are at most ~12 columns wide; 40 leaves room for leading columns and side notes. */
export const MAX_SCAN_COLS = 40;

/**
 * Text that headerKey would change: whitespace, brackets, colons, full-width or compatibility
 * characters, a leading 其中. Anything else is its own key.
 */
const NEEDS_KEYING = /[\s()（）[\]【】:：\u3000\uFF00-\uFFEF\u2E80-\u2FDF\uF900-\uFAFF]|^其中/;

export interface FilledCell {
  col: number;
  key: string;
}

export class Grid {
  readonly view: SheetView;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  /** Last column scanned (the used range may be wider; forms live on the left). */
  readonly lastCol: number;
  private readonly keys = new Map<string, string>();
  private readonly markers = new Map<string, unknown>();

  constructor(view: SheetView) {
    this.view = view;
    this.firstRow = view.firstRow;
    this.lastRow = view.lastRow;
    this.firstCol = view.firstCol;
    this.lastCol = Math.min(view.lastCol, view.firstCol + MAX_SCAN_COLS - 1);
  }

  /** The cell's own text ("" when empty or covered by a merge). */
  rawText(row: number, col: number): string {
    const v = this.view.raw(row, col);
    if (v === null || v === undefined) return "";
    if (isCellError(v)) return v.error;
    if (typeof v === "object") return "";
    return String(v).trim();
  }

  /** Text as a reader sees it (merges resolved). The merge lookup is paid only for empty cells. */
  text(row: number, col: number): string {
    const v = this.view.raw(row, col);
    if (v === null || v === undefined || v === "") return this.view.text(row, col);
    if (typeof v === "string") return v.trim();
    if (isCellError(v)) return v.error;
    return typeof v === "object" ? "" : String(v);
  }

  /**
   * Memoised per header key: what a row starting with this text means to a table being read.
   * `classify` runs once per distinct key, so a 10,000-row table costs Map lookups, not regexes.
   */
  markerOf<T>(key: string, classify: (key: string) => T): T {
    let m = this.markers.get(key) as T | undefined;
    if (m === undefined) {
      m = classify(key);
      this.markers.set(key, m);
    }
    return m;
  }

  /** The cell's header key; "" for empty cells, numbers and long text. */
  key(row: number, col: number): string {
    const v = this.view.raw(row, col);
    if (typeof v !== "string") return "";
    if (v.length > MAX_HEADER_LENGTH) return "";
    // Plain text needs no normalising: skip NFKC and the memo for it (most cells of a sheet).
    if (!NEEDS_KEYING.test(v)) return v;
    let k = this.keys.get(v);
    if (k === undefined) {
      k = headerKey(v);
      this.keys.set(v, k);
    }
    return k;
  }

  isFilled(row: number, col: number): boolean {
    const v = this.view.raw(row, col);
    if (v === null || v === undefined) return false;
    if (typeof v !== "string") return true;
    // Only a string that starts with a space can be blank; avoid trimming every cell.
    return v.length > 0 && (v.charCodeAt(0) > 32 && v.charCodeAt(0) !== 0x3000 ? true : v.trim() !== "");
  }

  /** Filled cells of a row (own values, not merge-covered), with their header keys. */
  filled(row: number, c1 = this.firstCol, c2 = this.lastCol): FilledCell[] {
    const out: FilledCell[] = [];
    for (let c = c1; c <= c2; c++) if (this.isFilled(row, c)) out.push({ col: c, key: this.key(row, c) });
    return out;
  }

  /**
   * One allocation-free look at a row: the number of filled cells (stops counting at 4) and
   * whether any holds a word some block recognises. Lets the scan pass over prose and data rows.
   */
  peek(row: number, isKnown: (key: string) => boolean): { filled: number; known: boolean } {
    let filled = 0;
    let known = false;
    for (let c = this.firstCol; c <= this.lastCol; c++) {
      if (!this.isFilled(row, c)) continue;
      if (filled < 4) filled++;
      if (!known) {
        const k = this.key(row, c);
        if (k && isKnown(k)) known = true;
      }
      if (known && filled >= 4) break;
    }
    this.peeked.filled = filled;
    this.peeked.known = known;
    return this.peeked;
  }
  private readonly peeked = { filled: 0, known: false };

  /** The first filled cell of the row between c1 and c2, or null. */
  firstFilled(row: number, c1 = this.firstCol, c2 = this.lastCol): FilledCell | null {
    for (let c = c1; c <= c2; c++) if (this.isFilled(row, c)) return { col: c, key: this.key(row, c) };
    return null;
  }

  /** The rightmost column a merge starting at (row, col) reaches, or col itself. */
  mergeRight(row: number, col: number): number {
    let right = col;
    for (const m of this.view.snapshot.merges)
      if (m.r1 <= row && row <= m.r2 && m.c1 === col) right = Math.max(right, m.c2);
    return right;
  }
}
