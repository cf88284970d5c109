/**
 * A rule set's rounding: half away from zero (Excel's ROUND, 财政部 platform SQL), truncation
 * (the platform's JS `getPointNum`), or none (the platform's uncapped execution score).
 */
import type { Round } from "../rules/resolve";
import { excelRound } from "../round";

/** Truncate toward zero at `places` decimals, on the decimal a person sees (2.675 → 2.67, 0.29 → 0.29). */
export function truncateDecimal(x: number, places: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  // At 15+ integer digits a double has no decimals left to cut, and past 1e21 its digits print as
  // `1e+21`, which the decimal shift below would turn into NaN (a NaN score found by the rule-set
  // property test: the platform's uncapped execution score on a 5e-324 budget).
  if (Math.abs(x) >= 1e15) return x;
  const [mantissa, exp] = Math.abs(x).toPrecision(15).split("e");
  const shifted = Number(`${mantissa}e${Number(exp ?? 0) + places}`);
  const back = Number(`${Math.floor(shifted)}e${-places}`) * Math.sign(x);
  return Object.is(back, -0) ? 0 : back;
}

export function applyRound(x: number, round: Round): number {
  if (round.mode === "none") return x;
  if (round.mode === "truncate") return truncateDecimal(x, round.places);
  return excelRound(x, round.places);
}

/** A score within [0, max]: rounded first (so 10.004 shows as 10), then clamped. */
export function roundClamp(x: number, round: Round, max: number): number {
  // No NaN or Infinity ever reaches a cell: NaN scores 0, an overflow the most the rule allows.
  if (Number.isNaN(x)) return 0;
  if (!Number.isFinite(x)) return x > 0 && Number.isFinite(max) ? max : 0;
  const r = applyRound(x, round);
  return r < 0 ? 0 : r > max ? max : r;
}
