/**
 * Excel's ROUND: half away from zero, on the decimal the user sees.
 *
 * Binary floats store 2.675 as 2.67499999…, so `Math.round(x * 100) / 100` gives 2.67 where
 * Excel gives 2.68. Rounding the shortest decimal representation (what `toPrecision(15)`
 * prints, which is also what Excel keeps: 15 significant digits) avoids that.
 */
export function excelRound(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  // At 15+ integer digits a double has no decimals left to round (and `1e+21e-2` would not parse).
  if (Math.abs(x) >= 1e15) return x;
  // Fast path (the validator rounds tens of thousands of scores): when x·10^d is clearly not at a
  // half, ordinary rounding cannot differ from Excel's, and k / 10^d is the nearest double to the decimal.
  if (digits >= 0 && digits <= 10) {
    const p = POW10[digits];
    const m = Math.abs(x) * p;
    const frac = m - Math.floor(m);
    const tolerance = Math.max(1e-7, m * 1e-12);
    if (tolerance < 0.01 && Math.abs(frac - 0.5) > tolerance) {
      const r = Math.round(m) / p;
      return r === 0 ? 0 : x < 0 ? -r : r;
    }
  }
  return roundViaDecimal(x, digits);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/** The exact route: round the 15-significant-digit decimal string, half away from zero. */
function roundViaDecimal(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // 15 significant digits, as Excel stores them; then shift the decimal point in the string.
  const [mantissa, expPart] = abs.toPrecision(15).split("e");
  const exp = expPart ? Number(expPart) : 0;
  const shifted = Number(`${mantissa}e${exp + digits}`);
  // Half-up on the positive magnitude is half away from zero overall.
  const rounded = Math.floor(shifted + 0.5);
  const back = Number(`${rounded}e${-digits}`);
  const result = sign * back;
  return Object.is(result, -0) ? 0 : result;
}

/**
 * A score as a form shows it: Excel-rounded to 2 decimals, within [0, weight]. A weight with 3+
 * decimals (1.555) would otherwise round up past itself (1.56); non-finite input scores 0, so no
 * Infinity or NaN ever reaches a cell.
 */
export function roundScore(score: number, weight: number): number {
  if (Number.isNaN(score) || score <= 0) return 0;
  const r = score === Infinity ? weight : excelRound(score, 2);
  return r > weight ? weight : r;
}
