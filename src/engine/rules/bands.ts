/** Bands with explicit bounds, evaluated and described the same way for every rule that has them. */
import type * as z from "zod/mini";
import type { BandSchema, BoundSchema } from "./schemaParts";

export type Bound = z.infer<typeof BoundSchema>;
export type Band = z.infer<typeof BandSchema>;

/** True when x is above `lo` (or at it, when included) and below `hi` (or at it, when included). */
export function inBounds(x: number, lo: Bound | undefined, hi: Bound | undefined): boolean {
  if (lo && (lo.incl ? x < lo.v : x <= lo.v)) return false;
  if (hi && (hi.incl ? x > hi.v : x >= hi.v)) return false;
  return true;
}

/** The first band holding x, or undefined (x in a gap, or not a number). */
export function findBand<T extends { lo?: Bound; hi?: Bound }>(bands: readonly T[], x: number): T | undefined {
  if (!Number.isFinite(x)) return undefined;
  for (const b of bands) if (inBounds(x, b.lo, b.hi)) return b;
  return undefined;
}

/**
 * A band in words: `80%–100%`, `≥ 90%`, `< 60%` — with the inclusivity spelled out where it is not
 * the usual "lower included, upper excluded": `(90, 100]` reads `> 90`.
 */
export function describeBounds(lo: Bound | undefined, hi: Bound | undefined, show: (v: number) => string): string {
  if (lo && hi) {
    const left = lo.incl ? "" : ">";
    const right = hi.incl ? "（含）" : "";
    return `${left}${show(lo.v)}–${show(hi.v)}${right}`;
  }
  if (lo) return `${lo.incl ? "≥" : ">"} ${show(lo.v)}`;
  if (hi) return `${hi.incl ? "≤" : "<"} ${show(hi.v)}`;
  return "—";
}
