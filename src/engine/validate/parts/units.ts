/** Units of measure: is a target missing one, and does a value's own unit contradict the column? */
import type { ParsedValue } from "../../value/types";

const PERCENT_WORDS = new Set(["%", "％", "百分比", "百分率", "百分点"]);

function normalUnit(u: string): string {
  const t = u.replace(/\s+/g, "");
  return PERCENT_WORDS.has(t) ? "%" : t;
}

/** The unit a parsed number or range carries itself ("%" for a percent), or undefined. */
export function ownUnit(v: ParsedValue): string | undefined {
  if (v.kind !== "number" && v.kind !== "range") return undefined;
  if (v.percent) return "%";
  return v.unit ? v.unit : undefined;
}

/** 次 agrees with 人次 and 万元 with 万元; % never agrees with 万元. */
export function unitsAgree(a: string, b: string): boolean {
  const x = normalUnit(a);
  const y = normalUnit(b);
  if (x === y) return true;
  if (x === "%" || y === "%") return false;
  return x.includes(y) || y.includes(x);
}

/** A numeric target with no unit anywhere (neither in the value nor in the unit column). */
export function lacksUnit(target: ParsedValue, unitText: string): boolean {
  return (target.kind === "number" || target.kind === "range") && unitText === "" && ownUnit(target) === undefined;
}
