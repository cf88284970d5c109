/**
 * Reading the cells validation and calculation care about, cheaply: plain Excel numbers take a
 * fast path (most cells in a real form), text goes through the value parser.
 */
import { isCellError, type CellValue, type SheetView } from "../sheet/snapshot";
import { isPercentFormat, parseValue } from "../value/parse";

/** A cell read as a number (amounts, weights, scores, rates). */
export type NumberCell =
  | { kind: "empty" }
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "error"; text: string }
  | { kind: "invalid"; text: string };

const EMPTY: NumberCell = { kind: "empty" };

/** Marks that mean "nothing here" in a cell: —, -, /, *, 无. */
const NOTHING = /^(?:[—–\-－/／*＊]+|无|空)$/;

export function isNothingText(s: string): boolean {
  return s === "" || NOTHING.test(s);
}

export function readNumber(view: SheetView, row: number, col: number | undefined): NumberCell {
  if (col === undefined) return EMPTY;
  const v = view.value(row, col);
  return numberOf(v, view.numberFormat(row, col));
}

export function numberOf(v: CellValue, format: string | null): NumberCell {
  if (v === null || v === "") return EMPTY;
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v, percent: isPercentFormat(format) } : EMPTY;
  }
  if (isCellError(v)) return { kind: "error", text: v.error };
  if (typeof v === "boolean") return { kind: "invalid", text: String(v) };
  const text = v.trim();
  if (isNothingText(text)) return EMPTY;
  const p = parseValue(v, format);
  if (p.kind === "empty") return EMPTY;
  // A comparison is not an amount: "比率不能超过100%，请核实" (a native template's prompt in a 得分
  // cell) reads as "> 100%", and a 总分 must not add it as a score of 1.
  if (p.kind === "number" && !p.op) return { kind: "number", value: p.value, percent: p.percent };
  return { kind: "invalid", text };
}

/**
 * numberOf's value alone: the number the cell states, or undefined (empty, an error, text that is
 * no number). A plain number builds no object: a check asks this of every 得分 cell several times.
 */
export function numberIn(v: CellValue, format: string | null): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const n = numberOf(v, format);
  return n.kind === "number" ? n.value : undefined;
}

/** The value as text, empty for a "nothing here" mark. */
export function textOf(view: SheetView, row: number, col: number | undefined): string {
  if (col === undefined) return "";
  const t = view.text(row, col);
  return isNothingText(t) ? "" : t;
}

// One rule for every reader of number formats: `%` outside quoted text (value/parse.ts).
export { isPercentFormat };

/**
 * How many decimals of a fraction a cell shows: "0.00%" → 4 (of the fraction), "0.0" → 1.
 * Null for General or no format: then the stated value's own digits decide.
 */
export function displayDecimals(format: string | null | undefined): number | null {
  if (!format || /general/i.test(format)) return null;
  const section = format.split(";")[0];
  const m = /0\.(0+)/.exec(section);
  const decimals = m ? m[1].length : /0/.test(section) ? 0 : null;
  if (decimals === null) return null;
  return section.includes("%") ? decimals + 2 : decimals;
}

/**
 * The decimals (of the fraction, for a percent) a stated number shows: its format's, else the digits
 * typed ("98.50%" → 4, "100%" → 2, "９８．５％" → 3: the text keeps trailing zeros the number loses),
 * else the number's own.
 */
export function shownDecimals(stated: CellValue, format: string | null, value: number): number {
  const fromFormat = displayDecimals(format);
  if (fromFormat !== null) return fromFormat;
  if (typeof stated !== "string") return ownDecimals(value);
  const text = stated.normalize("NFKC");
  const m = /\.(\d+)/.exec(text);
  const typed = m ? m[1].length : 0;
  return /%|百分/.test(text) ? typed + 2 : typed;
}

/** Decimals written in a number's shortest form (0.9988 → 4), capped at 10. */
export function ownDecimals(n: number): number {
  const s = String(n);
  if (s.includes("e")) return 10;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(10, s.length - dot - 1);
}

/** Two numbers that show the same at `decimals` places (or differ by at most half a unit there). */
export function sameAt(a: number, b: number, decimals: number): boolean {
  const unit = Math.pow(10, -decimals);
  return Math.abs(roundTo(a, decimals) - roundTo(b, decimals)) < unit / 2 || Math.abs(a - b) <= unit / 2 + 1e-12;
}

function roundTo(n: number, d: number): number {
  const f = Math.pow(10, d);
  return Math.round(n * f + (n >= 0 ? 1e-9 : -1e-9)) / f;
}

/** A formula that our own add-in wrote (a JX.* custom function): ours to refresh. */
export function isOurFormula(formula: string | null): boolean {
  return formula !== null && /\bJX\./i.test(formula);
}
