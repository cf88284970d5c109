/**
 * A rate that cannot pass 100% (满意度, 合格率 … by the row's 二级 / 三级 names) and does: one rule
 * for the check (rate-over-100, the row is not scored) and the JX functions, which get the names
 * through their optional 一级/二级/三级 arguments — so neither path gives a score the other refuses.
 */
import { isCellError } from "../../sheet/snapshot";
import type { ParsedValue } from "../../value/types";
import { isNothingText } from "../cells";
import { isPercentUnit } from "../../value/units";
import { isBoundedRate } from "./indicatorKinds";
import { ownUnit } from "./units";

function isPercentValue(v: ParsedValue): boolean {
  return (v.kind === "number" || v.kind === "range") && v.percent;
}

/**
 * A value as a fraction of 1 when it is a percentage (95% → 0.95; 95 with unit % → 0.95; a plain
 * 500 beside a ≥90% target → 5, as the scorer reads it: points, not a count). Where number formats
 * are unknown (a custom function gets 139% as 1.39), a number up to 1.5 beside a % unit is that
 * fraction, as the scorer and the native formula read it.
 */
function asFraction(
  v: ParsedValue,
  unitText: string,
  otherPercent: boolean,
  formatsUnknown: boolean,
): number | undefined {
  if (v.kind === "number") {
    if (v.percent) return v.value;
    if (ownUnit(v) !== undefined) return undefined;
    const percentUnit = unitText !== "" && isPercentUnit(unitText);
    if (percentUnit && formatsUnknown && Math.abs(v.value) <= 1.5) return v.value;
    if (percentUnit || (unitText === "" && otherPercent && Math.abs(v.value) > 1.5)) return v.value / 100;
    return undefined;
  }
  if (v.kind === "range") return v.percent ? v.high : undefined;
  return undefined;
}

export interface BoundedRateExcess {
  /** Which input states more than 100%. */
  actual?: number;
  target?: number;
}

/**
 * The fractions above 1 a bounded rate states in its target and actual; null when the row is no
 * bounded rate or stays within 100%. `formatsUnknown`: the values come without number formats.
 */
export function boundedRateExcess(
  level2: string,
  level3: string,
  target: ParsedValue,
  actual: ParsedValue,
  unitText: string,
  formatsUnknown = false,
): BoundedRateExcess | null {
  if (!isBoundedRate(level2, level3)) return null;
  const over = (f: number | undefined) => (f !== undefined && f > 1 + 1e-12 ? f : undefined);
  const t = over(asFraction(target, unitText, isPercentValue(actual), formatsUnknown));
  const a = over(asFraction(actual, unitText, isPercentValue(target), formatsUnknown));
  if (t === undefined && a === undefined) return null;
  return { ...(t !== undefined ? { target: t } : {}), ...(a !== undefined ? { actual: a } : {}) };
}

/** A 度量单位 cell as text: "" when empty, an error or a "nothing here" mark (—, /, 无). */
export function unitTextOf(raw: unknown): string {
  if (raw === null || raw === undefined || isCellError(raw as never)) return "";
  const text = String(raw).trim();
  return isNothingText(text) ? "" : text;
}
