/** Display helpers for values the engine hands back (presentation only, no rules). */
import { clipText, isCellError, type CellValue, type Finding } from "../../engine";

/** A computed value as the cell will show it: percentages as %, numbers to 2 decimals at most. */
export function formatCellValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "number") {
    if (numberFormat && numberFormat.includes("%")) return `${trim2(value * 100)}%`;
    return trim2(value);
  }
  return clipText(String(value));
}

function trim2(n: number): string {
  return String(Math.round(n * 100) / 100);
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
      return rate ? `${(Math.round(v * 10000) / 100).toFixed(2)}%` : String(Math.round(v * 10000) / 10000);
    }
    return undefined;
  };
  return {
    stated: pick("stated", "typed"),
    computed: pick("expected", "computed"),
    explanation: pick("explanation"),
  };
}
