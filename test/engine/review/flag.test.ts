/** The platform's review colours: rules-reference §5 example 9 (pmkpi selfwarnproject), S out of 90. */
import { platformFlag } from "../../../src/engine/review";

test.each([
  // S, AMT3 (budget), AMT4 (spent), colour — why
  [85.5, 200, 180, "red"], // (0.95 − 0.90) / 0.95 = 0.0526 > 0.05
  [81, 200, 180, null], // gap 0; 10 % unspent is not > 20 %
  [72, 200, 150, "red"], // 0.0625
  [67.5, 200, 150, "yellow"], // gap 0; 25 % unspent
  [60, 0, 0, "red"], // red is tested before budget 0
  [0, 200, 10, null], // no flag when S = 0
  [60, 0, 5, "yellow"], // budget 0, money spent: the platform divides by 1, red does not fire
])("S %p, budget %p, spent %p → %p", (s, budget, spent, colour) => {
  expect(platformFlag({ indicatorScore: s, indicatorPoints: 90, money: { budget, spent } }).flag).toBe(colour);
});

test("a form with no money on it gets no colour (nothing to compare the scores with)", () => {
  expect(platformFlag({ indicatorScore: 80, indicatorPoints: 90, money: {} }).flag).toBeNull();
});

test("a 20/80 form is judged on its own indicator points", () => {
  // 76 of 80 = 95 % scored, 90 % spent: red on the platform's rule, as with 85.5 of 90.
  expect(platformFlag({ indicatorScore: 76, indicatorPoints: 80, money: { budget: 200, spent: 180 } }).flag).toBe(
    "red",
  );
  expect(platformFlag({ indicatorScore: 72, indicatorPoints: 80, money: { budget: 200, spent: 180 } }).flag).toBeNull();
});
