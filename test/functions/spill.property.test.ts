/**
 * Property: scoring a table with one column formula gives, row for row, exactly what one formula
 * per row gives — including rows that fail (same #VALUE! message) and blank rows ("") — for
 * tables drawn from the value forms people type (numbers, %, ranges, text with operators, words).
 */
import fc from "fast-check";
import { INDICATORSCORE } from "../../src/functions/functions";
import { isValueError } from "../../src/functions/runtime";

const nature = fc.constantFrom("≥", ">", "≤", "<", "=", "正向", "反向", "定性", "", null);
const value = fc.oneof(
  fc.double({ min: 0, max: 200, noNaN: true }),
  fc.integer({ min: 0, max: 50 }).map((n) => `≥${n}%`),
  fc.integer({ min: 1, max: 5 }).map((n) => `${n}-${n + 2}次`),
  fc.constantFrom("达成预期指标", "部分达成", "未达成", "优", "按时完成", "", null, "—"),
);
const weight = fc.oneof(fc.constantFrom(10, 20, 40, "", null), fc.integer({ min: 1, max: 60 }));
const unit = fc.constantFrom("%", "次", "个", "万元", "", null);
const row = fc.tuple(nature, value, value, weight, unit);

const comparable = (x: unknown) => (isValueError(x) ? `#VALUE!:${x.message}` : x);

describe("INDICATORSCORE column form = per-row form", () => {
  it("holds for random tables", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const col = (i: number) => rows.map((r) => [r[i]]);
        const spilled = INDICATORSCORE(col(0), col(1), col(2), col(3), col(4)).map((r) => comparable(r[0]));
        const single = rows.map(([n, t, a, w, u]) =>
          comparable(INDICATORSCORE([[n]], [[t]], [[a]], [[w]], [[u]])[0][0]),
        );
        expect(spilled).toEqual(single);
        spilled.forEach((s, i) => {
          const w = rows[i][3];
          if (typeof s === "number") {
            expect(s).toBeGreaterThanOrEqual(0);
            if (typeof w === "number") expect(s).toBeLessThanOrEqual(w); // never above 分值
          } else if (typeof s === "string" && s.startsWith("#VALUE!")) expect(s).toMatch(/[\u4e00-\u9fff]/);
          else expect(s).toBe("");
        });
      }),
      { numRuns: 300 },
    );
  });
});
