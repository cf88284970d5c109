// CONTRACT STUB — owned by the value/scoring helper, replaced by the real parser.
import type { ParsedNature, ParsedValue } from "./types";

/** Read any cell value (number, text, Excel error…) into a typed value. Never throws. */
export function parseValue(raw: unknown, numberFormat?: string | null): ParsedValue {
  void numberFormat;
  return { kind: "invalid", reason: "unreadable", raw };
}

/** Read a 指标性质 / 指标方向 cell (≥ ＝ 正向 反向 定量 定性 …). Never throws. */
export function parseNature(raw: unknown): ParsedNature {
  return { raw, empty: raw === null || raw === undefined || raw === "", unreadable: false };
}
