/** Display helpers for values the engine hands back (presentation only, no rules). */
import {
  clipText,
  fmtNum,
  fmtPctFixed,
  isCellError,
  isMismatch,
  isPercentFormat,
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
    // The engine's rules for formats and rounding (Excel's ROUND), so the pane shows what the cell will.
    if (isPercentFormat(numberFormat)) return `${fmtNum(value * 100, 2)}%`;
    return fmtNum(value, 2);
  }
  return clipText(String(value));
}

/**
 * The typed and the computed value a mismatch finding quotes, shown as the cell shows them (a rate
 * as 12.35%, a score without float noise), and how the rules got it, in the pane's language.
 * Another offered finding with such a pair (a 得分 above its 分值, a formula showing words where the rules
 * give a number) quotes it without steps, so the confirmation lists "I13：41 → 40", not "I13： → ".
 * Other findings quote no such pair: all undefined.
 */
export function statedAndComputed(
  f: Finding,
  locale: Locale,
): { stated?: string; computed?: string; explanation?: string } {
  if (!isMismatch(f)) {
    const d = f.data as { stated?: unknown; expected?: unknown };
    const shown = (v: unknown) => (typeof v === "number" ? fmtNum(v) : typeof v === "string" ? clipText(v) : undefined);
    const pair = { stated: shown(d.stated), computed: shown(d.expected) };
    return pair.stated && pair.computed !== undefined ? pair : {};
  }
  const rate = f.code === "rate-mismatch";
  const show = (v: CellValue | undefined) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number") return clipText(String(v));
    return rate ? fmtPctFixed(v) : fmtNum(v);
  };
  const steps = f.data.explanation;
  return {
    stated: show(f.data.stated),
    computed: show(f.data.expected),
    explanation: steps && steps.length ? clipText(renderSteps(steps, locale), 400) : undefined,
  };
}
