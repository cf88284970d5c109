import { a1, parseA1 } from "../src/engine/sheet/snapshot";
test.each([
  [0, 0, "A1"],
  [6, 1, "B7"],
  [0, 26, "AA1"],
])("a1(%i,%i) = %s and back", (r, c, s) => {
  expect(a1(r, c)).toBe(s);
  expect(parseA1(s)).toEqual({ row: r, col: c });
});
