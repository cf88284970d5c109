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
