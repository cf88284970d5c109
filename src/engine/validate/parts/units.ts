/**
 * Units of measure: is a target missing one, and which unit does a value carry itself? Whether two
 * units contradict each other is ../../value/units.ts, shared with the scorer.
 */
import type { ParsedValue } from "../../value/types";

/** The unit a parsed number or range carries itself ("%" for a percent), or undefined. */
export function ownUnit(v: ParsedValue): string | undefined {
  if (v.kind !== "number" && v.kind !== "range") return undefined;
  if (v.percent) return "%";
  return v.unit ? v.unit : undefined;
}

/** A numeric target with no unit anywhere (neither in the value nor in the unit column). */
export function lacksUnit(target: ParsedValue, unitText: string): boolean {
  return (target.kind === "number" || target.kind === "range") && unitText === "" && ownUnit(target) === undefined;
}
