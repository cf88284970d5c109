/**
 * 江西's 部门整体 indicator table: the 一级 column is headed 分解目标 and a 自评权重 column beside it,
 * merged down over each 一级, states the 一级's weight; 分值 weighs each 三级 (the published 南昌县
 * 蚕茶卫生院 form, test/published/). The 一级 weights are read from their column, checked against
 * the rows, and not mistaken for the indicators' 分值.
 */
import { detectForms } from "../../../src/engine/detect/detect";
import { getRuleSet } from "../../../src/engine/rules";
import type { CellValue } from "../../../src/engine/sheet/snapshot";
import type { Finding } from "../../../src/engine/validate/finding";
import { validateSheet } from "../../../src/engine/validate/validate";
import { buildSheet } from "../../fixtures/sheetBuilder";

type Row = CellValue[];
const RULES = getRuleSet("mof-2020");

function check(rows: Row[], merges: string[] = [], explicitRules = false) {
  const sheet = buildSheet({ rows, merges, formats: {} });
  return { forms: detectForms(sheet), findings: validateSheet(sheet, RULES, { explicitRules }).findings };
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.cell}`);
const at = (fs: Finding[], cell: string) => fs.filter((f) => f.cell === cell).map((f) => `${f.severity} ${f.code}`);

/** 产出 25 over 5 + 5 + 15, 效果 35 over 20 + 15 (weights per 三级 in G), the 一级 weights in B. */
function jiangxi(output = 25, outputRows: [number, number, number] = [5, 5, 15]): Row[] {
  const [w1, w2, w3] = outputRows;
  return [
    ["部门整体支出绩效自评表"],
    ["分解目标", "自评权重", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差及原因分析"],
    ["产出指标", output, "数量指标", "门诊人次", "≥100人次", "120人次", w1, w1],
    [null, null, "质量指标", "诊断准确率", "≥95%", "97%", w2, w2],
    [null, null, "时效指标", "文书及时率", "≥90%", "95%", w3, w3],
    ["效果指标", 35, "社会效益指标", "签约率", "≥80%", "85%", 20, 20],
    [null, null, "可持续影响指标", "健康档案更新率", "≥90%", "92%", 15, 15],
    ["其他需要说明事项"],
  ];
}
const MERGES = ["A3:A5", "B3:B5", "A6:A7", "B6:B7"];

describe("a 一级 weight column beside the 一级 (江西 分解目标 | 自评权重)", () => {
  test("分解目标 is the 一级; 自评权重 gives each 一级 its weight; 分值 stays the indicators' weight", () => {
    const { forms } = check(jiangxi(), MERGES);
    const t = forms[0].indicators!;
    expect(t.columns.level1).toBe(0);
    expect(t.columns.weight).toBe(6);
    expect(t.level1WeightColumn).toBe(1);
    expect(t.rows.map((r) => [r.level1, r.level1Weight])).toEqual([
      ["产出指标", 25],
      ["产出指标", 25],
      ["产出指标", 25],
      ["效果指标", 35],
      ["效果指标", 35],
    ]);
  });

  test("the form's own 一级 weights are said (info), not warned as differing from the rule set", () => {
    const { findings } = check(jiangxi(), MERGES);
    expect(findings.filter((f) => f.code === "level1-weight-differs")).toEqual([]);
    expect(at(findings, "G3")).toContain("info level1-weight-from-form");
    expect(errors(findings).filter((e) => !e.startsWith("weights-total"))).toEqual([]);
  });

  test("rows that do not add up to their 一级's weight are a slip", () => {
    const { findings } = check(jiangxi(25, [5, 5, 12]), MERGES);
    expect(at(findings, "B3")).toContain("error level1-label-mismatch");
  });

  test("a lone weight column beside the 一级 is still the table's 分值", () => {
    const rows: Row[] = [
      ["一级指标", "分值", "二级指标", "三级指标", "年度指标值", "全年完成值", "得分"],
      ["产出指标", 50, "数量指标", "门诊人次", "≥100人次", "120人次", 50],
    ];
    const t = check(rows).forms[0].indicators!;
    expect(t.columns.weight).toBe(1);
    expect(t.level1WeightColumn).toBeUndefined();
  });
});
