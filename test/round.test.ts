import { excelRound } from "../src/engine/round";

// Expected values are what Excel's =ROUND(x, d) gives.
test.each([
  [2.675, 2, 2.68],
  [8.615, 2, 8.62],
  [1.005, 2, 1.01],
  [-2.675, 2, -2.68],
  [0.125, 2, 0.13],
  [3.75, 2, 3.75],
  [4.444999, 2, 4.44],
  [1234.5, 0, 1235],
  [-0.5, 0, -1],
  [0.285, 2, 0.29],
  [10, 2, 10],
  [0, 2, 0],
  [-0.001, 2, 0],
  [99.995, 2, 100],
  [1e-10, 2, 0],
])("ROUND(%p, %p) = %p", (x, d, want) => {
  expect(excelRound(x, d)).toBe(want);
});

test.each([[1e22], [-1e22], [123456789012345680], [1e15]])("ROUND of a huge %p is itself", (x) => {
  expect(excelRound(x, 2)).toBe(x);
});
