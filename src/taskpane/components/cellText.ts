/** Display helpers for values the engine hands back (presentation only, no rules). */
import {
  clipText,
  isCellError,
  isMismatch,
  renderSteps,
  type CellValue,
  type Finding,
  type Locale,
} from "../../engine";

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

/**
 * The typed and the computed value a mismatch finding quotes, shown as the cell shows them (a rate
 * as 12.35%, a score without float noise), and how the rules got it, in the pane's language.
 * Other findings quote no such pair: all undefined.
 */
export function statedAndComputed(
  f: Finding,
  locale: Locale,
): { stated?: string; computed?: string; explanation?: string } {
  if (!isMismatch(f)) return {};
  const rate = f.code === "rate-mismatch";
  const show = (v: CellValue | undefined) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number") return clipText(String(v));
    return rate ? `${(Math.round(v * 10000) / 100).toFixed(2)}%` : String(Math.round(v * 10000) / 10000);
  };
  const steps = f.data.explanation;
  return {
    stated: show(f.data.stated),
    computed: show(f.data.expected),
    explanation: steps && steps.length ? clipText(renderSteps(steps, locale), 400) : undefined,
  };
}
