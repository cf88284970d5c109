/**
 * The reviewer's facts of a form (项目名称 / 部门, 主管部门, 实施单位), read by the meaning of the
 * labels published forms use — each label below is copied from a form in test/published.
 */
import type { CellValue } from "../../../src/engine/sheet/snapshot";
import { reviewSheet } from "../../../src/engine/review";
import { getRuleSet } from "../../../src/engine/rules";
import { buildSheet } from "../../fixtures/sheetBuilder";
import { INDICATOR_HEADER_TO_SCORE } from "../../fixtures/indicatorHeader";

type Row = CellValue[];
const HEADER: Row = [...INDICATOR_HEADER_TO_SCORE];
const IND: Row = ["产出指标", "数量指标", "培训次数", "≥", 5, "次", 5, 90, 90];

function headerOf(title: string, lines: Row[]) {
  const forms = reviewSheet(buildSheet({ rows: [[title], ...lines, HEADER, IND] }), getRuleSet("cn-mof-2020-10")).forms;
  expect(forms).toHaveLength(1);
  const { name, department, unit } = forms[0];
  return { name, department, unit };
}

test("a transfer payment's form: 转移支付(项目)名称, 中央 and 地方主管部门, 资金使用单位", () => {
  const h = headerOf("就业补助资金绩效自评表", [
    ["转移支付(项目)名称", "就业补助资金"],
    ["中央主管部门", "人力资源社会保障部"],
    ["地方主管部门", "淮南市人力资源和社会保障局"],
    ["资金使用单位", "淮南市田家庵区人力资源和社会保障局"],
  ]);
  // The local 主管部门 is the one a local reviewer deals with, whichever line comes first.
  expect(h).toEqual({
    name: "就业补助资金",
    department: "淮南市人力资源和社会保障局",
    unit: "淮南市田家庵区人力资源和社会保障局",
  });
});

test.each([
  ["预算部门、单位名称", "衡山县贯塘乡人民政府"],
  ["区级预算单位名称", "永州市零陵区疾病预防控制中心"],
  ["评价部门名称", "南昌县黄马乡蚕茶卫生院"],
])("a 部门整体 form names its department as %s", (label, value) => {
  expect(headerOf("部门整体支出绩效自评表", [[label, null, value]]).name).toBe(value);
});

test("专项资金名称, 县级主管部门 and 实施单位 beside each other on two lines", () => {
  const h = headerOf("2020年度县级专项资金绩效目标自评表", [
    ["专项资金名称", "县级储备粮", "负责人及电话", "旷建成"],
    ["县级主管部门", "衡山县商务和粮食局", "实施单位", "粮食调控储备与产业发展股"],
  ]);
  expect(h).toEqual({ name: "县级储备粮", department: "衡山县商务和粮食局", unit: "粮食调控储备与产业发展股" });
});

test("a label and its value in one cell; 项目名称 is preferred to 单位名称 on a project form", () => {
  const h = headerOf("项目支出绩效自评表", [
    ["单位名称：广水市交通运输局"],
    ["项目名称：乡村道路建设养护项目", null, "项目主管单位", "广水市交通运输局"],
    ["填报单位（盖章）：广水市公路管理局"],
  ]);
  expect(h).toEqual({ name: "乡村道路建设养护项目", department: "广水市交通运输局", unit: "广水市公路管理局" });
});

test("a note on the unit of money is not a label, nor is a label without a value", () => {
  const h = headerOf("项目支出绩效自评表", [["单位：万元"], ["主管部门", null], ["实施单位", "主管部门"]]);
  expect(h).toEqual({ name: undefined, department: undefined, unit: undefined });
});
