/** @jest-environment jsdom */
/**
 * The first step on a form suggests the rule set whose 一级指标 fit it, and only then: a 部门管理/
 * 履职效果/能力建设 form opened under the 财政部 rules is offered the 部门整体 rules, one click stores
 * them in the workbook; a project form under rules that fit it gets no suggestion.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { findRuleSet, type CellValue, type RuleSet } from "../../src/engine";
import { RULE_SET_SETTING } from "../../src/host/settings";
import { renderTemplateGrid, type TemplateKind } from "../../src/templates";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";

function blankForm(kind: TemplateKind, ruleSet: RuleSet): CellValue[][] {
  const { grid } = renderTemplateGrid(kind, ruleSet, { formulaStyle: "native" });
  return Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: 12 }, (_, c) => grid.get(r, c)));
}

test("a 部门管理/履职效果 form under the 财政部 rules: the 部门整体 rules are suggested and stored on one click", async () => {
  const deptGs = findRuleSet("dept-gs")!;
  const port = new MemoryPort({
    sheets: { 部门自评: blankForm("department-gs", deptGs) },
    settings: { [RULE_SET_SETTING]: "mof-2020" },
  });
  renderPane({ port });
  await screen.findByText("工作表“部门自评”是一张部门整体支出绩效自评表：点 校验 检查它。");
  await screen.findByText(`建议评分规则：${deptGs.label}`);
  expect(port.settingWrites).toEqual([]); // a suggestion writes nothing by itself
  fireEvent.click(screen.getByRole("button", { name: "使用建议的规则" }));
  await waitFor(() => expect(port.settingWrites).toEqual([[RULE_SET_SETTING, "dept-gs"]]));
  await waitFor(() => expect(screen.queryByText(/建议评分规则/)).toBeNull());
  expect((screen.getByRole("combobox", { name: /评分规则/ }) as HTMLSelectElement).value).toBe("dept-gs");
});

test("a project form under rules that fit it: the kind is named and nothing is suggested", async () => {
  const port = new MemoryPort({
    sheets: { 自评表: blankForm("project", findRuleSet("mof-2020")!) },
    settings: { [RULE_SET_SETTING]: "mof-2020" },
  });
  renderPane({ port });
  await screen.findByText("工作表“自评表”是一张项目支出绩效自评表：点 校验 检查它。");
  expect(screen.queryByText(/建议评分规则/)).toBeNull();
  expect(screen.queryByRole("button", { name: "使用建议的规则" })).toBeNull();
});
