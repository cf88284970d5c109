/**
 * Raw cells (./sheet.ts) → the cells exceljs would hold after loading: typed as its cell xform's
 * parseClose and reconcile type them (shared strings, dates by number format, formula results,
 * shared formulas), then notes on empty cells and merged areas applied as exceljs applies them
 * (../notesOnEmptyCells.ts, ../merges.ts). Values come out through the same `plain` as
 * ../snapshot.ts uses, so a date or an out-of-range number reads the same.
 */
import type { CellValue } from "../../../engine/sheet/snapshot";
import { plain } from "../snapshot";
import { fromStoredFormula } from "../udf";
import { MAX_MERGED_CELLS } from "../merges";
import { isDateFmtLinear } from "../dateFormats";
import type { SharedString, Styles } from "./parts";
import type { RawCell, RawSheet } from "./sheet";
import { unsupported } from "./xml";

const utils = require("exceljs/lib/utils/utils") as {
  xmlDecode(text: string): string;
  excelToDate(serial: unknown, date1904?: boolean): Date | number;
};
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, from: string, to: string): string;
};

// exceljs's ValueType.
export const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Formula: 6, RichText: 8, Boolean: 9, Error: 10 };

export interface Cell {
  type: number;
  /** The value exceljs holds (cell.value, or cell.result for a formula). */
  raw: unknown;
  /** Own formula text (no "="); for a shared-formula follower, the master's address in `shared`. */
  formula: string | undefined;
  shared: string | undefined;
  address: string;
  numFmt: string | undefined;
  /** A merge master (exceljs: _mergeCount > 0). */
  master?: boolean;
}

export interface Row {
  numFmt: string | undefined;
  cells: (Cell | undefined)[];
}

export interface Context {
  styles: Styles;
  sharedStrings: SharedString[] | undefined;
  date1904: boolean;
}

function scalar(raw: RawCell, text: string): unknown {
  switch (raw.t) {
    case "str":
      return utils.xmlDecode(text);
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    default:
      return parseFloat(text);
  }
}

function sharedString(index: number, ctx: Context): SharedString {
  const s = ctx.sharedStrings?.[index];
  if (s === undefined || !ctx.sharedStrings || !Number.isInteger(index)) unsupported("shared string index");
  return s;
}

/** The type and value exceljs gives a <c> (cell xform parseClose + reconcile). */
function typed(raw: RawCell, ctx: Context): { type: number; value: unknown } {
  const { value } = raw;
  if (raw.formula || raw.shareType) {
    if (typeof value === "object") unsupported("rich formula result");
    return { type: T.Formula, value: value ? scalar(raw, value) : undefined };
  }
  if (value === undefined) return { type: raw.styleId ? T.Null : T.Merge, value: null };
  if (typeof value === "object" && raw.t !== "inlineStr") unsupported("rich text in a non-string cell");
  switch (raw.t) {
    case "s": {
      const s = sharedString(parseInt(value as string, 10), ctx);
      return { type: typeof s === "string" ? T.String : T.RichText, value: s };
    }
    case "str":
      return { type: T.String, value: utils.xmlDecode(value as string) };
    case "inlineStr":
      return { type: typeof value === "string" ? T.String : T.RichText, value };
    case "b":
      return { type: T.Boolean, value: parseInt(value as string, 10) !== 0 };
    case "e":
      return { type: T.Error, value: { error: value } };
    default:
      return { type: T.Number, value: parseFloat(value as string) };
  }
}

/** One cell as exceljs holds it after loading; `formulae` maps a shared formula's si to its master. */
export function cellOf(raw: RawCell, ctx: Context, formulae: Map<string, string>): Cell | undefined {
  const { type, value } = typed(raw, ctx);
  if (type === T.Merge) return undefined;
  const hasStyle = raw.styleId ? ctx.styles.has(raw.styleId) : false;
  const numFmt = hasStyle ? ctx.styles.numFmtOf(raw.styleId) : undefined;
  const isDate = hasStyle && isDateFmtLinear(numFmt);
  const address = raw.address ?? "";
  const cell: Cell = { type, raw: value, formula: raw.formula, shared: undefined, address, numFmt };
  if (type === T.Number && isDate) {
    cell.type = T.Date;
    cell.raw = utils.excelToDate(value, ctx.date1904);
  } else if (type === T.Formula) {
    if (raw.address === undefined) unsupported("formula without r");
    if (value !== undefined && isDate) cell.raw = utils.excelToDate(value, ctx.date1904);
    if (raw.shareType === "shared") {
      if (raw.ref) formulae.set(String(raw.si), address);
      else cell.shared = formulae.get(String(raw.si));
    }
  }
  return cell;
}

/** The calculated value the snapshot shows. */
export function valueOf(cell: Cell): CellValue {
  return cell.type === T.Null || cell.type === T.Merge ? null : plain(cell.raw);
}

/** The formula the snapshot shows ("=…"), shared-formula followers translated from their master. */
export function formulaOf(cell: Cell, find: (address: string) => Cell | undefined): string | null {
  if (cell.type !== T.Formula) return null;
  let f = cell.formula;
  if (!f && cell.shared) {
    const master = find(cell.shared);
    if (master) {
      if (master.type !== T.Formula || !master.formula) unsupported("shared formula master");
      try {
        f = slideFormula(master.formula, master.address, cell.address);
      } catch {
        unsupported("shared formula translation");
      }
    }
  }
  return f ? fromStoredFormula(f.startsWith("=") ? f : `=${f}`) : null;
}

export { MAX_MERGED_CELLS };
export type { RawSheet };
