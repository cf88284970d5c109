/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CalcPlan, Finding, SheetCheck } from "../../src/engine";
import { formatFinding } from "../../src/engine";
import { RULE_SET_SETTING } from "../../src/host/settings";
import * as ops from "../../src/ops";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";
import { TEST_RULE_SETS } from "./ruleSets";

// The pane is under test, not the operations: they are replaced by controllable fakes here
// (the end-to-end test runs the real ones). The rule-set catalog is fixed so the picker has a choice.
jest.mock("../../src/ops", () => ({
  insertTemplate: jest.fn(),
  checkSheet: jest.fn(),
  calculateSheet: jest.fn(),
  freezeWorkbook: jest.fn(),
  markFindings: jest.fn(),
  clearMarks: jest.fn(),
}));
jest.mock("../../src/engine", () => {
  const actual = jest.requireActual("../../src/engine");
  return { ...actual, listRuleSets: () => jest.requireActual("./ruleSets").TEST_RULE_SETS };
});

const mocked = ops as jest.Mocked<typeof ops>;

function finding(code: string, severity: Finding["severity"], cell: string | null, data = {}): Finding {
  const row = cell ? Number(/\d+/.exec(cell)![0]) : null;
  return { code, severity, sheet: "表1", cell, row, data };
}

beforeEach(() => {
  jest.resetAllMocks();
});

function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

describe("rule set", () => {
  it("restores the rule set stored in the workbook and does not write on open", async () => {
    const port = new MemoryPort({ settings: { [RULE_SET_SETTING]: "other-20" } });
    renderPane({ port });
    const select = screen.getByRole("combobox", { name: /评分规则/ }) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe("other-20"));
    expect(port.settingWrites).toEqual([]);
  });

  it("falls back to the default for an unknown stored id", async () => {
    const port = new MemoryPort({ settings: { [RULE_SET_SETTING]: "no-such-rules" } });
    const getSetting = jest.spyOn(port, "getSetting");
    renderPane({ port });
    await waitFor(() => expect(getSetting).toHaveBeenCalledWith(RULE_SET_SETTING));
    expect((screen.getByRole("combobox", { name: /评分规则/ }) as HTMLSelectElement).value).toBe("mof-2020");
  });

  it("stores a chosen rule set in the workbook and uses it for the next operation", async () => {
    const { port } = renderPane();
    fireEvent.change(screen.getByRole("combobox", { name: /评分规则/ }), { target: { value: "other-20" } });
    await waitFor(() => expect(port.settingWrites).toEqual([[RULE_SET_SETTING, "other-20"]]));
    mocked.checkSheet.mockResolvedValue({ sheet: "Sheet1", forms: [], findings: [] });
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() => expect(mocked.checkSheet).toHaveBeenCalled());
    expect(mocked.checkSheet.mock.calls[0][2].id).toBe("other-20");
  });
  it("recalculates the workbook after saving a new rule set, so JX.* cells follow it", async () => {
    const events: string[] = [];
    const port = new MemoryPort();
    jest.spyOn(port, "setSetting").mockImplementation(async (k, v) => void events.push(`set ${k}=${v}`));
    const recalculate = jest.fn(async () => void events.push("recalculate"));
    renderPane({ port, recalculate });
    fireEvent.change(screen.getByRole("combobox", { name: /评分规则/ }), { target: { value: "other-20" } });
    await waitFor(() => expect(events).toEqual([`set ${RULE_SET_SETTING}=other-20`, "recalculate"]));
  });

  it("saving the rules is an operation like the others: progress shows and nothing else starts meanwhile", async () => {
    let release: () => void = () => undefined;
    const port = new MemoryPort();
    jest.spyOn(port, "setSetting").mockImplementation(() => new Promise<void>((r) => (release = r)));
    renderPane({ port, recalculate: jest.fn(async () => undefined) });
    fireEvent.change(screen.getByRole("combobox", { name: /评分规则/ }), { target: { value: "other-20" } });
    expect(await screen.findByText("正在把评分规则保存到工作簿")).toBeTruthy();
    tab("校验");
    expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(false),
    );
  });

  it("says so when the rules were saved but the recalculation failed; nothing when the save failed", async () => {
    const recalculate = jest.fn().mockRejectedValue(new Error("Excel 正在编辑单元格"));
    renderPane({ recalculate });
    fireEvent.change(screen.getByRole("combobox", { name: /评分规则/ }), { target: { value: "other-20" } });
    expect(await screen.findByText(/评分规则已保存，但 JX 函数未能重新计算/)).toBeTruthy();

    cleanup();
    const port = new MemoryPort();
    jest.spyOn(port, "setSetting").mockRejectedValue(new Error("只读"));
    const recalc2 = jest.fn();
    renderPane({ port, recalculate: recalc2 });
    fireEvent.change(screen.getByRole("combobox", { name: /评分规则/ }), { target: { value: "other-20" } });
    expect(await screen.findByText(/评分规则未能保存到工作簿/)).toBeTruthy();
    expect(recalc2).not.toHaveBeenCalled();
  });
});

describe("插入模板", () => {
  it("inserts the chosen form kind and formula style and names the new sheet", async () => {
    mocked.insertTemplate.mockResolvedValue({ sheet: "项目支出绩效自评表 (2)" });
    const { port } = renderPane();
    fireEvent.click(screen.getByRole("radio", { name: "部门整体支出绩效自评表" }));
    fireEvent.click(screen.getByRole("radio", { name: /JX 自定义函数/ }));
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText(/已插入新工作表“项目支出绩效自评表 \(2\)”/)).toBeTruthy();
    expect(mocked.insertTemplate).toHaveBeenCalledTimes(1);
    const [passedPort, options] = mocked.insertTemplate.mock.calls[0];
    expect(passedPort).toBe(port);
    expect(options).toMatchObject({ kind: "department", formulaStyle: "custom", ruleSetId: "mof-2020" });
  });
});

describe("校验", () => {
  const findings = [
    finding("score-mismatch", "error", "I12", { stated: 5, expected: 4 }),
    finding("weights-not-100", "error", null),
    finding("missing-reason", "warning", "J13"),
  ];
  const check: SheetCheck & { sheet: string } = {
    sheet: "表1",
    forms: [{ kind: "project", range: { r1: 0, c1: 0, r2: 20, c2: 9 }, sums: [] }],
    findings,
  };

  it("groups findings by severity with the engine's messages; a click selects the cell", async () => {
    mocked.checkSheet.mockResolvedValue(check);
    const port = new MemoryPort({ sheets: { 表1: [] } });
    const { selected } = renderPane({ port });
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    const errors = await screen.findByRole("region", { name: "错误" });
    expect(within(errors).getByText("错误 (2)")).toBeTruthy();
    expect(screen.getByText(/工作表“表1”的校验结果/)).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "警告" })).getByText("警告 (1)")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "提示" })).toBeNull();
    const item = within(errors).getByText(formatFinding(findings[0], "zh-CN")).closest("button")!;
    expect(item.textContent).toContain("I12");
    fireEvent.click(item);
    await waitFor(() => expect(selected).toEqual([["表1", "I12"]]));
    // A form-level finding has no cell to select.
    expect(within(errors).getByText("表级").closest("button")!.disabled).toBe(true);
  });

  it("marks the checked findings and clears marks on the active sheet", async () => {
    mocked.checkSheet.mockResolvedValue(check);
    mocked.markFindings.mockResolvedValue({ marked: 2 });
    mocked.clearMarks.mockResolvedValue(undefined);
    const port = new MemoryPort({ sheets: { 表1: [], 表2: [] } });
    renderPane({ port });
    tab("校验");
    const mark = screen.getByRole("button", { name: "标记" }) as HTMLButtonElement;
    expect(mark.disabled).toBe(true); // nothing checked yet
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("错误 (2)");
    await waitFor(() => expect(mark.disabled).toBe(false));
    fireEvent.click(mark);
    expect(await screen.findByText(/已在工作表中标记 2 个单元格/)).toBeTruthy();
    expect(mocked.markFindings).toHaveBeenCalledWith(port, "表1", findings);
    port.active = "表2";
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText("已清除本加载项所做的标记。")).toBeTruthy();
    expect(mocked.clearMarks).toHaveBeenCalledWith(port, "表2");
  });

  it("says which headers it expected when no form is on the sheet", async () => {
    mocked.checkSheet.mockResolvedValue({ sheet: "封面", forms: [], findings: [finding("no-form", "info", null)] });
    renderPane({ port: new MemoryPort({ sheets: { 封面: [["2023 年度"]] } }) });
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("工作表“封面”上没有找到绩效自评表。")).toBeTruthy();
    expect(screen.getByText(/应有的表头——绩效指标表：一级指标.*实际完成值.*得分.*项目资金：.*全年预算数/)).toBeTruthy();
    // Said once: no second, sheet-level "no form" finding below the warning.
    expect(screen.queryByRole("region", { name: "提示" })).toBeNull();
  });
});

describe("计算", () => {
  const conflictA = finding("score-mismatch", "error", "I12", { stated: 5, expected: 4 });
  const conflictB = finding("total-mismatch", "error", "I30", { stated: 95, expected: 93.5 });
  const writes: CalcPlan["writes"] = [
    { row: 11, col: 8, target: "indicatorScore", value: 4, explanation: "实际 80 ÷ 目标 100 × 分值 5 = 4" },
    { row: 5, col: 5, target: "execRate", value: 0.9512, numberFormat: "0.00%", explanation: "执行数 ÷ 预算数" },
  ];
  const plan: CalcPlan = {
    writes,
    conflicts: [conflictA, conflictB],
    problems: [],
    // A score the user typed and the rules agree with is explained too, though nothing was written.
    explained: [...writes, { row: 12, col: 8, target: "indicatorScore", value: 10, explanation: "达到目标，得 10" }],
  };

  it("shows each score's explanation and replaces only the typed values the user ticked", async () => {
    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan,
      written: 2,
      replaced: [],
      filled: [],
      remaining: [],
    });
    const port = new MemoryPort({ sheets: { 表1: [] } });
    renderPane({ port });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByText("已写入 2 个单元格。")).toBeTruthy();
    const why = screen.getByRole("region", { name: "得分说明" });
    expect(within(why).getByText(/实际 80 ÷ 目标 100 × 分值 5 = 4.*（本次填入）/)).toBeTruthy();
    expect(within(why).getByText("F6 = 95.12%")).toBeTruthy();
    expect(within(why).getByText("I13 = 10")).toBeTruthy();
    expect(within(why).getByText(/达到目标，得 10/).textContent).not.toContain("本次填入");
    // The first run never replaces anything typed.
    expect(mocked.calculateSheet.mock.calls[0][3]?.replace).toBeUndefined();

    const conflicts = screen.getByRole("region", { name: /未作改动/ });
    expect(within(conflicts).getByText(/填写值 5 → 计算值 4/)).toBeTruthy();
    const replaceButton = screen.getByRole("button", { name: "用计算值替换所选单元格" }) as HTMLButtonElement;
    expect(replaceButton.disabled).toBe(true);
    const boxes = within(conflicts).getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, false]);
    fireEvent.click(boxes[1]);
    expect(replaceButton.disabled).toBe(false);

    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan: { ...plan, conflicts: [conflictA] },
      written: 1,
      replaced: ["I30"],
      filled: [],
      remaining: [],
    });
    fireEvent.click(replaceButton);
    expect(await screen.findByText("已按您的确认替换 1 个单元格。")).toBeTruthy();
    expect(mocked.calculateSheet).toHaveBeenCalledTimes(2);
    const [, sheet, , options] = mocked.calculateSheet.mock.calls[1];
    expect(sheet).toBe("表1");
    expect(options?.replace).toEqual(["I30"]);
    // I30 was replaced; the conflict left is I12 and it is not ticked.
    const left = within(screen.getByRole("region", { name: /未作改动/ })).getAllByRole("checkbox");
    expect(left).toHaveLength(1);
    expect((left[0] as HTMLInputElement).checked).toBe(false);
  });

  it("shows progress while a long calculation runs", async () => {
    let finish: (v: ops.CalculateResult) => void = () => undefined;
    mocked.calculateSheet.mockImplementation((_port, _sheet, _rules, options) => {
      options?.onProgress?.(1, 4, "正在读取工作表");
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    renderPane();
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    // Determinate: the operation said it is 1 of 4 steps in.
    expect((await screen.findByRole("progressbar")).getAttribute("aria-valuenow")).toBe("0.25");
    expect(screen.getByText("正在读取工作表")).toBeTruthy();
    expect((screen.getByRole("button", { name: "计算" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () =>
      finish({
        sheet: "Sheet1",
        plan: { writes: [], conflicts: [], problems: [], explained: [] },
        written: 0,
        replaced: [],
        filled: [],
        remaining: [],
      }),
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("已写入 0 个单元格。")).toBeTruthy();
  });
});

describe("固化", () => {
  it("freezes the active sheet, or the whole workbook when chosen", async () => {
    mocked.freezeWorkbook.mockResolvedValue({ frozen: 7 });
    const port = new MemoryPort({ sheets: { 表1: [], 表2: [] } });
    renderPane({ port });
    tab("固化");
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    expect(await screen.findByText("已固化 7 个公式。")).toBeTruthy();
    expect(mocked.freezeWorkbook.mock.calls[0][1]).toMatchObject({ sheets: ["表1"], preferNative: false });
    fireEvent.click(screen.getByRole("radio", { name: "整个工作簿" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /原生公式/ }));
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    await waitFor(() => expect(mocked.freezeWorkbook).toHaveBeenCalledTimes(2));
    expect(mocked.freezeWorkbook.mock.calls[1][1]).toMatchObject({ sheets: undefined, preferNative: true });
  });

  it("warns, naming the cells, when some JX formulas could not be frozen", async () => {
    mocked.freezeWorkbook.mockResolvedValue({ frozen: 5, unresolved: ["表1!I13", "表1!J23"] });
    renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("固化");
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    expect(await screen.findByText("已固化 5 个公式。")).toBeTruthy();
    expect(screen.getByText(/2 个 JX 公式还没有计算结果，未能固化.*表1!I13、表1!J23/)).toBeTruthy();
  });
});

describe("errors", () => {
  it("shows a Chinese message and no stack trace when an operation throws", async () => {
    mocked.checkSheet.mockRejectedValue(new Error("Cannot read properties of undefined\n    at foo (ops.ts:12:3)"));
    renderPane();
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("操作未完成")).toBeTruthy();
    expect(screen.getByText(/Excel 未能完成此操作，工作簿中的数据未被改动/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/at foo|ops\.ts:12/);
    // The pane is usable again afterwards.
    expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("explains Office's cell-edit-mode error and passes Chinese messages through", async () => {
    mocked.calculateSheet.mockRejectedValue(
      Object.assign(new Error("The operation is not available in cell edit mode"), {
        code: "InvalidOperationInCellEditMode",
      }),
    );
    mocked.insertTemplate.mockRejectedValue(new Error("模板规则集 xyz 不存在"));
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText("模板规则集 xyz 不存在")).toBeTruthy();
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByText(/请先按 Enter 或 Esc 退出编辑/)).toBeTruthy();
  });
});

describe("language", () => {
  it("speaks English when Office's display language is not Chinese", async () => {
    mocked.checkSheet.mockResolvedValue({ sheet: "Cover", forms: [], findings: [] });
    renderPane({ locale: "en", port: new MemoryPort({ sheets: { Cover: [] } }) });
    expect(screen.getByRole("combobox", { name: /Scoring rules/ })).toBeTruthy();
    expect(screen.getByRole("option", { name: "Execution 20" })).toBeTruthy();
    tab("Check");
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByText('No self-evaluation form found on "Cover".')).toBeTruthy();
    expect(TEST_RULE_SETS).toHaveLength(2);
  });
});

describe("tabs", () => {
  it("shows one section at a time and moves with the arrow keys", () => {
    renderPane();
    const insertTab = screen.getByRole("tab", { name: "模板" });
    expect(insertTab.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: "插入模板" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "固化" })).toBeNull(); // hidden panel
    fireEvent.keyDown(insertTab, { key: "ArrowLeft" });
    expect(screen.getByRole("tab", { name: "固化" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: "固化" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "插入模板" })).toBeNull();
    fireEvent.keyDown(screen.getByRole("tab", { name: "固化" }), { key: "ArrowRight" });
    expect(screen.getByRole("tab", { name: "模板" }).getAttribute("aria-selected")).toBe("true");
  });
});
