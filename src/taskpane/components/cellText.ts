/** Display helpers for values the engine hands back (presentation only, no rules). */
import {
  clipText,
  fmtNum,
  fmtPctFixed,
  isCellError,
  isPercentFormat,
  type CellValue,
  type Finding,
} from "../../engine";

/** A computed value as the cell will show it: percentages as %, numbers to 2 decimals at most. */
export function formatCellValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "number") {
    // The engine's rules for formats and rounding (Excel's ROUND), so the pane shows what the cell will.
    if (isPercentFormat(numberFormat)) return `${fmtNum(value * 100, 2)}%`;
    return fmtNum(value, 2);
  }
  return clipText(String(value));
}

/** Findings whose stated/expected values are rates (fractions shown as percentages). */
const RATE_CODES = new Set(["rate-mismatch"]);

/**
 * The typed and the computed value a conflict quotes, under the keys the engine uses, shown as
 * the cell shows them: a rate as 12.35%, a score without float noise.
 */
export function statedAndComputed(f: Finding): { stated?: string; computed?: string; explanation?: string } {
  const rate = RATE_CODES.has(f.code);
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const v = f.data[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== "number") return clipText(String(v), k === "explanation" ? 400 : undefined);
      return rate ? fmtPctFixed(v) : fmtNum(v);
    }
    return undefined;
  };
  return {
    stated: pick("stated", "typed"),
    computed: pick("expected", "computed"),
    explanation: pick("explanation"),
  };
}
