/** Display helpers for values the engine hands back (presentation only, no rules). */
import { isCellError, type CellValue, type Finding } from "../../engine";

/** A computed value as the cell will show it: percentages as %, numbers to 2 decimals at most. */
export function formatCellValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "number") {
    if (numberFormat && numberFormat.includes("%")) return `${trim2(value * 100)}%`;
    return trim2(value);
  }
  return String(value);
}

function trim2(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The typed and the computed value a conflict quotes, under the keys the engine uses. */
export function statedAndComputed(f: Finding): { stated?: string; computed?: string; explanation?: string } {
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const v = f.data[k];
      if (v !== undefined && v !== null) return String(v);
    }
    return undefined;
  };
  return {
    stated: pick("stated", "typed"),
    computed: pick("expected", "computed"),
    explanation: pick("explanation"),
  };
}
