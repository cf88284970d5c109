/**
 * The precision a form writes its scores with, read from the form itself. Many units print integer
 * scores (9 where the rules give 8.62 or 9.78): at the form's own precision that is rounding, not
 * an inconsistency, so it is a warning (`score-rounded`), never an error. A difference of a whole
 * unit or more at that precision stays an error.
 */
import { numberIn, ownDecimals } from "./cells";
import type { ComputedCell } from "./evaluation";

/** Scores are compared to 2 decimals unless the form shows it writes fewer. */
export const FULL_SCORE_DECIMALS = 2;

/** Fewer stated scores than this say nothing about a form's habit. */
const MIN_EVIDENCE = 3;

/** The most decimals any stated indicator or execution score on the form has (at most 2). */
export function formScoreDecimals(computed: readonly ComputedCell[]): number {
  let seen = 0;
  let decimals = 0;
  for (const c of computed) {
    if (c.target !== "indicatorScore" && c.target !== "execScore") continue;
    const n = numberIn(c.stated, c.numberFormat);
    if (n === undefined) continue;
    seen++;
    decimals = Math.max(decimals, ownDecimals(n));
    if (decimals >= FULL_SCORE_DECIMALS) return FULL_SCORE_DECIMALS;
  }
  return seen >= MIN_EVIDENCE ? decimals : FULL_SCORE_DECIMALS;
}

/**
 * True when a form writing `decimals` places could print `stated` for `expected`: rounded or cut
 * (9.78 → 10 or 9), i.e. less than one unit of that precision apart.
 */
export function withinRounding(stated: number, expected: number, decimals: number): boolean {
  if (decimals >= FULL_SCORE_DECIMALS) return false;
  const unit = Math.pow(10, -decimals);
  return Math.abs(stated - expected) < unit - 1e-9;
}

/**
 * True when amounts written with the decimals they show could give the stated rate: 31.69 ÷ 32.4
 * is 97.81%, but amounts rounded to those places can be anything from 31.685 ÷ 32.45 to
 * 31.695 ÷ 32.35 (97.64%–97.98%), so a stated 97.80% may be right. `decimals` is the stated
 * rate's own precision (of the fraction).
 */
export function rateWithinAmountRounding(stated: number, budget: unknown, spent: unknown, decimals: number): boolean {
  const range = amountRateRange(budget, spent);
  if (!range) return false;
  const half = halfUnitAt(decimals);
  return stated + half >= range.lo - 1e-12 && stated - half <= range.hi + 1e-12;
}

/** The rates amounts written with the decimals they show may stand for (31.69 ÷ 32.4 → 97.64%–97.98%). */
export function amountRateRange(budget: unknown, spent: unknown): { lo: number; hi: number } | undefined {
  if (typeof budget !== "number" || typeof spent !== "number" || budget <= 0 || spent < 0) return undefined;
  const hb = halfUnit(budget);
  const hs = halfUnit(spent);
  if (budget - hb <= 0) return undefined;
  return { lo: Math.max(0, spent - hs) / (budget + hb), hi: (spent + hs) / (budget - hb) };
}

/** Half a unit of the last decimal a number is written with (31.69 → 0.005). */
function halfUnit(n: number): number {
  return halfUnitAt(Math.min(ownDecimals(n), 6));
}

function halfUnitAt(decimals: number): number {
  return Math.pow(10, -decimals) / 2;
}
