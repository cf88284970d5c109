/** Number display for the one-line explanations: what a person would write, not 0.30000000000000004. */
import { excelRound } from "../round";

/** Up to `digits` decimals, trailing zeros dropped: 3.750 → "3.75", 10 → "10". */
export function fmtNum(x: number, digits = 4): string {
  return String(excelRound(x, digits));
}

/** A fraction as a percent: 0.95 → "95%", 1.0556 → "105.56%". */
export function fmtPct(x: number, digits = 2): string {
  return `${fmtNum(x * 100, digits)}%`;
}

/** A fraction as a percent with fixed decimals, the way a 执行率 cell shows it: 1 → "100.00%". */
export function fmtPctFixed(x: number, digits = 2): string {
  return `${excelRound(x * 100, digits).toFixed(digits)}%`;
}

/** A value with its unit: percent values as %, others as `4 批次`. */
export function fmtValue(x: number, percent: boolean, unit?: string): string {
  if (percent) return fmtPct(x);
  return unit ? `${fmtNum(x)} ${unit}` : fmtNum(x);
}

const OP_SIGN = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;

export function opSign(op: keyof typeof OP_SIGN): string {
  return OP_SIGN[op];
}

/** A cell value quoted in a message: text as typed, numbers as numbers, empty as "空". */
export function quote(raw: unknown): string | number {
  if (raw === null || raw === undefined || raw === "") return "空";
  if (typeof raw === "number") return raw;
  if (typeof raw === "string") return raw;
  if (typeof raw === "object" && typeof (raw as { error?: unknown }).error === "string") {
    return (raw as { error: string }).error;
  }
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}
