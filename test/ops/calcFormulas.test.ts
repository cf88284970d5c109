/**
 * Which formula calculate writes into a 得分 cell: a native formula only where plain Excel gives
 * the engine's score (the operator read from 指标方向 before a 定量/定性 指标性质, numeric inputs
 * on one scale); JX functions everywhere.
 */
import { detectForms, getRuleSet, SheetView } from "../../src/engine";
import { builderFor, formulaFor } from "../../src/ops/calcFormulas";
import { buildSheet } from "../fixtures/sheetBuilder";

const HEAD = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标方向",
  "指标值",
  "度量单位",
  "实际完成值",
  "分值",
  "得分",
];
const sheet = buildSheet({
  rows: [
    HEAD,
    ["产出指标", "数量指标", "培训次数", "定量", "≥", 20, "次", 15, 40, null],
    ["产出指标", "质量指标", "合格率", "定量", "≥", "≥95%", "%", "98%", 20, null],
    ["效益指标", "社会效益指标", "促进作用", "定性", "", "有效促进", "", "达成预期指标", 30, null],
    ["满意度指标", "服务对象满意度指标", "满意度", "定量", "正向", 0.9, "%", 95, 10, null],
  ],
  formats: { F5: "0%" },
});
const forms = detectForms(sheet);
const view = new SheetView(sheet);
const rs = getRuleSet("mof-2020");
const scoreCol = 9;

test("native: reads 指标方向 for the operator, and gives up where plain Excel cannot score", () => {
  const fx = builderFor("native", rs, false);
  const at = (row: number) => formulaFor("indicatorScore", row, scoreCol, forms, fx, view);
  expect(at(1)).toContain('"|"&E2&"|"');
  expect(at(1)).not.toContain("D2=");
  expect(at(2)).toBeNull(); // "≥95%" typed as text
  expect(at(3)).toBeNull(); // qualitative
  expect(at(4)).toBeNull(); // a 90% cell against 95 typed as points
});

test("custom: every row gets its JX formula", () => {
  const fx = builderFor("custom", rs, false);
  for (const row of [1, 2, 3, 4])
    expect(formulaFor("indicatorScore", row, scoreCol, forms, fx, view)).toMatch(/^=JX\.INDICATORSCORE\(/);
});
