/** Number display for the one-line explanations: what a person would write, not 0.30000000000000004. */
import { clipText } from "../clip";
import { excelRound } from "../round";

/**
 * Number display, one set for every message, explanation, report and draft (one rule, one place):
 * each rounds as Excel's ROUND does (half away from zero on the decimal shown, ../round.ts), never
 * as `toFixed` on the binary value (1.005 → "1.00").
 */

/**
 * Up to `digits` decimals, trailing zeros dropped: 3.750 → "3.75", 10 → "10", 0.1 + 0.2 → "0.3".
 * A tiny non-zero number is not "0": it keeps 4 significant digits (1e-300 → "1e-300").
 */
export function fmtNum(x: number, digits = 4): string {
  const r = excelRound(x, digits);
  return r === 0 && x !== 0 && Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(r);
}

/** Exactly `digits` decimals, as a cell formatted "0.00" shows it: 1.005 → "1.01", 2 → "2.00". */
export function fmtFixed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return excelRound(x, digits).toFixed(digits);
}

/** A fraction as a percent: 0.95 → "95%", 1.0556 → "105.56%". */
export function fmtPct(x: number, digits = 2): string {
  const points = x * 100;
  // 1e308 × 100 overflows: shift the exponent in the text instead, so no "Infinity%" is shown.
  if (!Number.isFinite(points) && Number.isFinite(x))
    return `${String(x).replace(/e\+(\d+)$/, (_m, e) => `e+${Number(e) + 2}`)}%`;
  return `${fmtNum(points, digits)}%`;
}

/** A fraction as a percent with fixed decimals, the way a 执行率 cell shows it: 1 → "100.00%". */
export function fmtPctFixed(x: number, digits = 2): string {
  if (!Number.isFinite(x * 100)) return fmtPct(x, digits);
  return `${fmtFixed(x * 100, digits)}%`;
}

/** A value with its unit: percent values as %, others as `4 批次`. */
export function fmtValue(x: number, percent: boolean, unit?: string): string {
  if (percent) return fmtPct(x);
  return unit ? `${fmtNum(x)} ${clipText(unit)}` : fmtNum(x);
}

const OP_SIGN = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;

export function opSign(op: keyof typeof OP_SIGN): string {
  return OP_SIGN[op];
}

/** A cell value quoted in a message: text as typed, numbers as numbers, empty as "空". */
export function quote(raw: unknown): string | number {
  if (raw === null || raw === undefined || raw === "") return "空";
  // A NaN or Infinity (from a host, never typed) shows as Excel shows it, not as "NaN".
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : "#NUM!";
  if (typeof raw === "string") return clipText(raw);
  if (typeof raw === "object" && typeof (raw as { error?: unknown }).error === "string") {
    return clipText((raw as { error: string }).error);
  }
  try {
    return clipText(JSON.stringify(raw) ?? String(raw));
  } catch {
    return clipText(String(raw));
  }
}
