/** One rule for the scorer and the validator: which units contradict each other. */
import { isPercentUnit, unitsCompatible } from "../../../src/engine/value/units";

test.each([
  ["%", "%", true],
  ["%", "百分比", true],
  ["％", "百分点", true],
  ["%", "万元", false],
  ["万元", "%", false],
  ["万元", "万元", true],
  ["万元", "元", false], // another scale of the same unit
  ["人", "万人", false],
  ["万元", "次", false], // money against a count
  ["次", "人次", true],
  ["个", "项", true], // count words that differ still compare
  [" 万 元 ", "万元", true],
  ["%", "%(百分比)", true], // a gloss in brackets (河北 2020's 单位(文字描述) column)
  ["万元", "%(百分比)", false],
  ["(个)", "(个)", true],
])("%j vs %j → %s", (a, b, ok) => {
  expect(unitsCompatible(a, b)).toBe(ok);
  expect(unitsCompatible(b, a)).toBe(ok);
});

test.each([
  ["%", true],
  ["百分比", true],
  ["率", true],
  ["次", false],
  ["", false],
])("isPercentUnit(%j) → %s", (u, p) => expect(isPercentUnit(u)).toBe(p));
