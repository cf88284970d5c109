/**
 * The workbook port: the only way workbook operations (insert template, check, calculate,
 * freeze, mark) touch a workbook. Two adapters implement it: Office.js (inside Excel) and
 * exceljs (.xlsx files, the CLI). An operation reads one snapshot and applies one plan, so the
 * Office adapter can do each in a single `context.sync`.
 *
 * Addresses in a plan are A1 strings on the plan's sheet ("B7", "B7:D9").
 */
import type { CellValue, SheetSnapshot } from "../engine/sheet/snapshot";

export type { CellValue, SheetSnapshot };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  fontName?: string;
  /** "#RRGGBB". */
  fontColor?: string;
  /** Fill colour "#RRGGBB". */
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin borders on every edge of every cell in the range. */
  border?: "thin" | "medium";
}

export type WriteOp =
  /** Plain values, a rectangle matching `range`. */
  | { kind: "values"; range: string; values: CellValue[][] }
  /** Formulas (text starting with "="), a rectangle matching `range`; null leaves a cell as it is. */
  | { kind: "formulas"; range: string; formulas: (string | null)[][] }
  /** One number format for the whole range. */
  | { kind: "numberFormat"; range: string; format: string }
  | { kind: "style"; range: string; style: CellStyle }
  | { kind: "merge"; range: string }
  /** Column width in characters (Excel's unit); `col` 0-based. */
  | { kind: "columnWidth"; col: number; width: number }
  /** Row height in points; `row` 0-based. */
  | { kind: "rowHeight"; row: number; height: number }
  /** An in-cell drop-down list. */
  | { kind: "validationList"; range: string; list: string[] }
  /**
   * A value the cell refuses (Stop alert with `message`): `formula` (with "=", at most 255 characters)
   * must be TRUE for an accepted value; its references are relative to the range's top-left cell.
   */
  | { kind: "validationRule"; range: string; formula: string; message: string }
  /** A cell note (comment) with plain text. */
  | { kind: "note"; cell: string; text: string }
  /** Locked or unlocked cells (matters once the sheet is protected). */
  | { kind: "locked"; range: string; locked: boolean }
  /** Protect the sheet without a password (formula cells locked, inputs open). */
  | { kind: "protectSheet" }
  | {
      kind: "print";
      orientation: "landscape" | "portrait";
      paper: "A4";
      /** Rows repeated on every printed page, e.g. "$9:$10". */
      titleRows?: string;
      fitToWidth?: boolean;
      /** The print area ("A1:H60"); absent leaves the sheet's own. */
      printArea?: string;
    }
  /** Freeze panes above/left of a cell. */
  | { kind: "freezePanes"; rows: number; cols: number }
  /**
   * Validation marks: a highlight on each cell that changes no value and no existing format
   * (adapters use conditional formats tagged as ours). `severity` picks the colour. With `note`
   * (text from markNoteText, starting with our header line) the cell also gets a note saying why —
   * unless it already holds a note of the user's, which is left exactly as it is.
   */
  | { kind: "addMarks"; marks: MarkSpec[] }
  /** Remove exactly the marks and notes `addMarks` made on this sheet, also after save and reopen. */
  | { kind: "clearMarks" };

export interface MarkSpec {
  cell: string;
  severity: "error" | "warning" | "info";
  /** Our note for the cell (see markNoteText in markIdentity.ts). */
  note?: string;
}

export interface WritePlan {
  /** The sheet the plan writes to. */
  sheet: string;
  /** Create the sheet first (the operation has already picked a name that is free). */
  createSheet?: boolean;
  /** Make it the active sheet afterwards. */
  activate?: boolean;
  ops: WriteOp[];
}

export interface ReadOptions {
  /** Also read formulas (default true). */
  formulas?: boolean;
  /** Also read number formats (default true). */
  numberFormats?: boolean;
}

export interface WorkbookPort {
  /** Names of all worksheets, in order. */
  listSheets(): Promise<string[]>;
  /** The active sheet's name (the first sheet for a file). */
  activeSheet(): Promise<string>;
  /**
   * One snapshot of a sheet's used range. `null` reads the active sheet, resolved in the same
   * round trip (the snapshot's `name` says which sheet it was).
   */
  readSheet(name: string | null, options?: ReadOptions): Promise<SheetSnapshot>;
  /** Apply a plan in as few batches as the host allows. */
  apply(plan: WritePlan): Promise<void>;
  /** A document-level setting (the chosen rule set travels with the workbook). */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /**
   * Whether this host can put notes on cells (Excel needs ExcelApi 1.18). Absent means no: marks
   * are then made without notes, and the pane says so.
   */
  supportsNotes?(): boolean;
  /**
   * Copy a sheet, everything on it, to a new sheet named `name` placed right after it; the active
   * sheet stays as it was. Absent where the host cannot (Excel needs ExcelApi 1.7: see canCopySheet).
   */
  copySheet?(sheet: string, name: string): Promise<void>;
  /** Whether copySheet works here (Excel: ExcelApi 1.7). */
  canCopySheet?(): boolean;
}
