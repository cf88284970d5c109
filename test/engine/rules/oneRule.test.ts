/** One rule, one place: isCost (scorer and validator share src/engine/rules/level1.ts), pinned by a table. */
import { getRuleSet, scoreIndicator } from "../../../src/engine";
import { isCost } from "../../../src/engine/rules/level1";
import { isCost as validatorIsCost } from "../../../src/engine/validate/parts/indicatorKinds";

test("the validator's isCost is the rules' isCost", () => {
  expect(validatorIsCost).toBe(isCost);
});

test.each<[string, string, string, boolean]>([
  ["产出指标", "成本指标", "mof-2020", true],
  ["成本指标", "经济成本指标", "cost-level1", true],
  ["成本", "", "cost-level1", true],
  ["成本 指标", "", "mof-2021-101", true],
  ["产出指标", "数量指标", "mof-2020", false],
  ["效益指标", "经济效益指标", "mof-2020", false],
  ["", "", "mof-2020", false],
])("一级 %p, 二级 %p under %s → cost %p", (l1, l2, id, want) => {
  expect(isCost(l1, l2, getRuleSet(id))).toBe(want);
});

test("the scorer reads a cost the same way: no operator stated → less is better", () => {
  const r = scoreIndicator({ target: 100, actual: 120, weight: 10, level1: "成本 指标" }, getRuleSet("cost-level1"));
  expect(r.ok && r.value.op).toBe("<=");
});
