/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CalcPlan, Finding, SheetCheck } from "../../src/engine";
import { formatFinding } from "../../src/engine";
import { RULE_SET_SETTING } from "../../src/host/settings";
import * as ops from "../../src/ops";
import { OperationError } from "../../src/ops/errors";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";
import { stringsFor } from "../../src/taskpane/strings";

// The pane is under test, not the operations: they are replaced by controllable fakes here
// (the end-to-end test runs the real ones). The rule-set catalog is fixed so the picker has a choice.
jest.mock("../../src/ops", () => ({
  insertTemplate: jest.fn(),
  checkSheet: jest.fn(),
  checkWorkbook: jest.fn(),
  calculateSheet: jest.fn(),
  freezeWorkbook: jest.fn(),
  markFindings: jest.fn(),
  clearMarks: jest.fn(),
}));
// The pane reads and checks a sheet through ops/check.ts (without loading the other operations):
// the same mocks stand for it.
jest.mock("../../src/ops/check", () => {
  const ops = jest.requireMock("../../src/ops");
  return { checkSheet: ops.checkSheet, checkWorkbook: ops.checkWorkbook };
});
jest.mock("../../src/engine", () => {
  const actual = jest.requireActual("../../src/engine");
  return { ...actual, listRuleSets: () => jest.requireActual("./ruleSets").TEST_RULE_SETS };
});

const mocked = ops as jest.Mocked<typeof ops>;

function finding(code: string, severity: Finding["severity"], cell: string | null, data = {}): Finding {
  const row = cell ? Number(/\d+/.exec(cell)![0]) : null;
  // Any code and data: the pane must render whatever the engine hands it.
  return { code, severity, sheet: "表1", cell, row, data } as unknown as Finding;
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
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
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
    expect((screen.getByRole("button", { name: "校验当前工作表" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "校验当前工作表" }) as HTMLButtonElement).disabled).toBe(false),
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
    // The first panel shows once the pane has looked at the active sheet.
    fireEvent.click(await screen.findByRole("radio", { name: "部门整体支出绩效自评表" }));
    fireEvent.click(screen.getByRole("radio", { name: /JX 自定义函数/ }));
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText(/已插入新工作表“项目支出绩效自评表 \(2\)”/)).toBeTruthy();
    expect(mocked.insertTemplate).toHaveBeenCalledTimes(1);
    const [passedPort, options] = mocked.insertTemplate.mock.calls[0];
    expect(passedPort).toBe(port);
    expect(options).toMatchObject({ kind: "department", formulaStyle: "custom", ruleSetId: "mof-2020" });
  });
});

describe("插入模板 under rules made for another kind", () => {
  it("says which rules drew the form, and that the chosen ones are not this kind's; the kind stays the clerk's", async () => {
    const { findRuleSet } = jest.requireActual("../../src/engine");
    mocked.insertTemplate.mockResolvedValue({ sheet: "部门整体支出绩效自评表", ruleSetId: "dept-gs" });
    renderPane();
    fireEvent.click(await screen.findByRole("radio", { name: /部门管理\/履职效果\/能力建设/ }));
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/已插入新工作表“部门整体支出绩效自评表”/);
    expect(
      screen.getByText(
        `部门整体支出绩效自评表（部门管理/履职效果/能力建设）按“${findRuleSet("dept-gs").label}”规则绘制：所选的“财政部 2020 规则”不是这类表格的指标体系。`,
      ),
    ).toBeTruthy();
    expect(mocked.insertTemplate.mock.calls[0][1]).toMatchObject({ kind: "department-gs", ruleSetId: "mof-2020" });
  });

  it("rules that fit the kind: no such line", async () => {
    mocked.insertTemplate.mockResolvedValue({ sheet: "项目支出绩效自评表", ruleSetId: "mof-2020" });
    renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "插入模板" }));
    await screen.findByText(/已插入新工作表“项目支出绩效自评表”/);
    expect(screen.queryByText(/规则绘制/)).toBeNull();
  });
});

const FORM = { kind: "project" as const, range: { r1: 0, c1: 0, r2: 20, c2: 9 }, sums: [] };

describe("校验", () => {
  const findings = [
    finding("score-mismatch", "error", "I12", { stated: 5, expected: 4 }),
    finding("weights-not-100", "error", null),
    finding("missing-reason", "warning", "J13"),
  ];
  const check: SheetCheck & { sheet: string } = {
    sheet: "表1",
    forms: [FORM],
    findings,
    verdicts: [{ kind: "project", totalScore: 99, grade: "优" }],
  };
  const checkButton = () => screen.getByRole("button", { name: "校验当前工作表" });

  it("says the verdict per sheet, lists findings with their severity in words; a click selects the cell", async () => {
    mocked.checkSheet.mockResolvedValue(check);
    const { selected } = renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("校验");
    fireEvent.click(checkButton());
    expect(await screen.findByText("工作表“表1”：应得总分 99.00，等级 优；错误 2 个，警告 1 个")).toBeTruthy();
    const item = screen.getByText(formatFinding(findings[0], "zh-CN")).closest("button")!;
    expect(item.textContent).toMatch(/^错误I12/);
    fireEvent.click(item);
    await waitFor(() => expect(selected).toEqual([["表1", "I12"]]));
    // A form-level finding has no cell to select.
    expect(screen.getByText("表级").closest("button")!.disabled).toBe(true);
    // The verdict is in a live region, so a screen reader hears it.
    expect(screen.getByText(/应得总分 99.00/).closest("[aria-live]")).toBeTruthy();
  });

  it("filters by severity and steps through findings with 上一条 / 下一条", async () => {
    mocked.checkSheet.mockResolvedValue(check);
    const { selected } = renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("校验");
    fireEvent.click(checkButton());
    const errorsToggle = await screen.findByRole("button", { name: "错误 2" });
    fireEvent.click(screen.getByRole("button", { name: "下一条" }));
    await waitFor(() => expect(selected).toEqual([["表1", "I12"]]));
    expect(screen.getByText("第 1 / 2 条")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "下一条" }));
    await waitFor(() => expect(selected.at(-1)).toEqual(["表1", "J13"]));
    fireEvent.click(screen.getByRole("button", { name: "上一条" }));
    await waitFor(() => expect(selected.at(-1)).toEqual(["表1", "I12"]));
    fireEvent.click(errorsToggle);
    expect(errorsToggle.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByText(formatFinding(findings[0], "zh-CN"))).toBeNull();
    expect(screen.getByText(formatFinding(findings[2], "zh-CN"))).toBeTruthy();
  });

  it("checks the whole workbook with a line per sheet", async () => {
    mocked.checkWorkbook.mockResolvedValue([
      check,
      { sheet: "封面", forms: [], findings: [finding("no-form", "info", null)], verdicts: [] },
    ]);
    renderPane({ port: new MemoryPort({ sheets: { 表1: [], 封面: [] } }) });
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验整个工作簿" }));
    expect(await screen.findByText("已校验 2 个工作表，其中 1 个有绩效自评表：")).toBeTruthy();
    expect(screen.getByText("工作表“表1”：应得总分 99.00，等级 优；错误 2 个，警告 1 个")).toBeTruthy();
    expect(screen.getByText("工作表“封面”：没有绩效自评表")).toBeTruthy();
  });

  it("marks and clears marks on the checked sheet it names, not on whatever sheet is active", async () => {
    mocked.checkSheet.mockResolvedValue(check);
    mocked.markFindings.mockResolvedValue({ marked: 2, notes: true });
    mocked.clearMarks.mockResolvedValue(undefined);
    const port = new MemoryPort({ sheets: { 表1: [], 表2: [] } });
    renderPane({ port });
    tab("校验");
    const mark = screen.getByRole("button", { name: "标记" }) as HTMLButtonElement;
    expect(mark.disabled).toBe(true); // nothing checked yet, and it says why
    expect(document.getElementById(mark.getAttribute("aria-describedby")!)!.textContent).toMatch(/先校验/);
    fireEvent.click(checkButton());
    await waitFor(() => expect(mark.disabled).toBe(false));
    expect(screen.getByText("标记作用于：“表1”")).toBeTruthy();
    fireEvent.click(mark);
    expect(await screen.findByText(/已在工作表“表1”标记 2 个单元格/)).toBeTruthy();
    // The findings a mark can show (with a cell), notes in the pane's language.
    expect(mocked.markFindings).toHaveBeenCalledWith(port, "表1", [findings[0], findings[2]], { locale: "zh-CN" });
    port.active = "表2";
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText(/已清除工作表“表1”上本加载项所做的标记/)).toBeTruthy();
    expect(mocked.clearMarks).toHaveBeenCalledWith(port, "表1");
    expect(mocked.clearMarks).not.toHaveBeenCalledWith(port, "表2");
  });

  it("no form: a warning naming the sheet and the minimum headers, nothing green", async () => {
    mocked.checkSheet.mockResolvedValue({ sheet: "封面", forms: [], findings: [finding("no-form", "info", null)] });
    renderPane({ port: new MemoryPort({ sheets: { 封面: [["2023 年度"]] } }) });
    tab("校验");
    fireEvent.click(checkButton());
    const title = await screen.findByText("工作表“封面”上没有找到绩效自评表。");
    expect(title.closest("[data-intent]")!.getAttribute("data-intent")).toBe("warning");
    expect(screen.getByText(/最少需要：① 指标表表头“三级指标”.*② 项目资金表头“全年预算数”“全年执行数”/)).toBeTruthy();
    expect(screen.queryByText("表级")).toBeNull(); // said once, not again as a finding
  });

  it("a blank template is not '未发现问题': it says there is nothing to score yet", async () => {
    mocked.checkSheet.mockResolvedValue({
      sheet: "模板",
      forms: [FORM],
      findings: [],
      verdicts: [{ kind: "project" }],
    });
    renderPane({ port: new MemoryPort({ sheets: { 模板: [] } }) });
    tab("校验");
    fireEvent.click(checkButton());
    const text = await screen.findByText(/工作表“模板”上的表格还没有可评分的内容/);
    expect(text.closest("[data-intent]")!.getAttribute("data-intent")).toBe("info");
    expect(screen.queryByText(/未发现问题/)).toBeNull();
  });

  it("all clear is green and names the sheet", async () => {
    mocked.checkSheet.mockResolvedValue({ ...check, findings: [] });
    renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("校验");
    fireEvent.click(checkButton());
    const ok = await screen.findByText("工作表“表1”未发现问题。");
    expect(ok.closest("[data-intent]")!.getAttribute("data-intent")).toBe("success");
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
  const checked = (sheet: string, fs: Finding[] = []): SheetCheck & { sheet: string } => ({
    sheet,
    forms: [FORM],
    findings: fs,
    verdicts: [{ kind: "project", totalScore: 93.5, grade: "优" }],
  });

  it("explains each score, re-checks the sheet it changed, and replaces only the ticked typed values", async () => {
    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan,
      written: 2,
      replaced: [],
      filled: [],
      remaining: [],
    });
    mocked.checkSheet.mockResolvedValue(checked("表1", [conflictA, conflictB]));
    renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByText("已在工作表“表1”写入 2 个单元格。")).toBeTruthy();
    // The check ran again on the changed sheet.
    expect(mocked.checkSheet.mock.calls.some((call) => call[1] === "表1")).toBe(true);
    const why = screen.getByRole("region", { name: "得分说明" });
    expect(within(why).getByText(/实际 80 ÷ 目标 100 × 分值 5 = 4.*（本次填入）/)).toBeTruthy();
    expect(within(why).getByText("F6 = 95.12%")).toBeTruthy();
    expect(within(why).getByText(/达到目标，得 10/).textContent).not.toContain("本次填入");
    expect(mocked.calculateSheet.mock.calls[0][3]?.replace).toBeUndefined();

    const conflicts = screen.getByRole("region", { name: /未作改动/ });
    expect(within(conflicts).getByText(/填写值 5 → 计算值 4/)).toBeTruthy();
    const replaceButton = screen.getByRole("button", { name: "用计算值替换勾选的单元格" }) as HTMLButtonElement;
    expect(replaceButton.disabled).toBe(true);
    const boxes = within(conflicts).getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, false]);
    fireEvent.click(boxes[1]);
    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan: { ...plan, conflicts: [conflictA] },
      written: 1,
      replaced: ["I30"],
      filled: [],
      remaining: [],
    });
    mocked.checkSheet.mockResolvedValue(checked("表1", [conflictA]));
    fireEvent.click(replaceButton);
    fireEvent.click(screen.getByRole("button", { name: "确认替换" }));
    expect(await screen.findByText("已按您的确认替换工作表“表1”上的 1 个单元格。")).toBeTruthy();
    expect(mocked.calculateSheet.mock.calls[1][3]?.replace).toEqual(["I30"]);
    tab("校验");
    expect(screen.getByText("工作表“表1”已改动，校验结果已更新。")).toBeTruthy();
    expect(screen.queryByText(formatFinding(conflictB, "zh-CN"))).toBeNull(); // fixed: no longer listed
  });

  it("a finding the pane's own write brought is tagged 新 in the refreshed results; the ones already listed are not", async () => {
    const stale = finding("missing-reason", "warning", "J13");
    const brought = finding("total-mismatch", "error", "I30", { stated: 95, expected: 93.5 });
    mocked.checkSheet.mockResolvedValue(checked("表1", [stale]));
    renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
    const before = await screen.findByText(formatFinding(stale, "zh-CN"), { exact: false });
    expect(before.closest("button")!.textContent).not.toMatch(/新$/);
    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan,
      written: 2,
      replaced: [],
      filled: [],
      remaining: [],
    });
    mocked.checkSheet.mockResolvedValue(checked("表1", [brought, stale]));
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    await screen.findByText("已在工作表“表1”写入 2 个单元格。");
    tab("校验");
    expect(screen.getByText("工作表“表1”已改动，校验结果已更新。")).toBeTruthy();
    const cellButton = (cell: string) => document.querySelector(`button[data-cell="${cell}"]`)!;
    expect(cellButton("I30").textContent).toMatch(/新$/);
    expect(cellButton("J13").textContent).not.toMatch(/新$/);
  });

  it("no form: a warning with the minimum headers, not a green 'wrote 0 cells'", async () => {
    mocked.calculateSheet.mockResolvedValue({
      sheet: "封面",
      plan: { writes: [], conflicts: [], problems: [], explained: [] },
      written: 0,
      replaced: [],
      filled: [],
      remaining: [],
    });
    mocked.checkSheet.mockResolvedValue({ sheet: "封面", forms: [], findings: [] });
    renderPane({ port: new MemoryPort({ sheets: { 封面: [] } }) });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    const title = await screen.findByText("工作表“封面”上没有找到绩效自评表，未写入任何单元格。");
    expect(title.closest("[data-intent]")!.getAttribute("data-intent")).toBe("warning");
    expect(screen.queryByText(/写入 0 个/)).toBeNull();
  });

  it("nothing to fill is said as such, not green", async () => {
    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan: { writes: [], conflicts: [], problems: [], explained: [] },
      written: 0,
      replaced: [],
      filled: [],
      remaining: [],
    });
    mocked.checkSheet.mockResolvedValue(checked("表1"));
    renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    const text = await screen.findByText("工作表“表1”没有需要填写的单元格，未作改动。");
    expect(text.closest("[data-intent]")!.getAttribute("data-intent")).toBe("info");
  });

  it("shows progress in the pane's words while a long calculation runs", async () => {
    let finish: (v: ops.CalculateResult) => void = () => undefined;
    mocked.calculateSheet.mockImplementation((_port, _sheet, _rules, options) => {
      options?.onProgress?.(1, 4, ops.progressStep("calculate-planned", { sheet: "Sheet1" }));
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    mocked.checkSheet.mockResolvedValue(checked("Sheet1"));
    renderPane();
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("正在计算")).toBeTruthy();
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
    // The re-check after the write runs on (worker, operations) before the operation ends.
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });
});

/** A port whose sheets hold one JX formula each (A1), so 固化 has something to freeze. */
function portWithJx(...sheets: string[]): MemoryPort {
  const port = new MemoryPort({ sheets: Object.fromEntries(sheets.map((s) => [s, [["优"]]])) });
  for (const s of sheets) port.formulas.set(`${s}!A1`, "=JX.GRADE(95)");
  return port;
}

describe("固化", () => {
  it("says what it will freeze and asks; then freezes the active sheet, or the whole workbook, naming where", async () => {
    mocked.freezeWorkbook.mockResolvedValue({ frozen: 1 });
    renderPane({ port: portWithJx("表1", "表2") });
    tab("固化");
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    const ask = await screen.findByRole("alertdialog", { name: /将把工作表“表1”上的 1 个 JX 公式换成数值/ });
    expect(within(ask).getByText("表1!A1")).toBeTruthy();
    expect(mocked.freezeWorkbook).not.toHaveBeenCalled();
    fireEvent.click(within(ask).getByRole("button", { name: "确认固化" }));
    expect(await screen.findByText("已固化工作表“表1”上的 1 个 JX 公式。")).toBeTruthy();
    expect(mocked.freezeWorkbook.mock.calls[0][1]).toMatchObject({ sheets: ["表1"], preferNative: false });
    fireEvent.click(screen.getByRole("radio", { name: "整个工作簿" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /原生公式/ }));
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    fireEvent.click(await screen.findByRole("button", { name: "确认固化" }));
    await waitFor(() => expect(mocked.freezeWorkbook).toHaveBeenCalledTimes(2));
    expect(mocked.freezeWorkbook.mock.calls[1][1]).toMatchObject({ sheets: undefined, preferNative: true });
  });

  it("cancel freezes nothing; nothing to freeze is said without asking and is not green", async () => {
    renderPane({ port: portWithJx("表1") });
    tab("固化");
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    fireEvent.click(await screen.findByRole("button", { name: "取消" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(mocked.freezeWorkbook).not.toHaveBeenCalled();

    cleanup();
    renderPane({ port: new MemoryPort({ sheets: { 表1: [[1]] } }) });
    tab("固化");
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    const text = await screen.findByText("工作表“表1”没有 JX 公式需要固化，未作改动。");
    expect(text.closest("[data-intent]")!.getAttribute("data-intent")).toBe("info");
    expect(mocked.freezeWorkbook).not.toHaveBeenCalled();
  });

  it("warns, naming the cells, when some JX formulas could not be frozen", async () => {
    mocked.freezeWorkbook.mockResolvedValue({ frozen: 5, unresolved: ["表1!I13", "表1!J23"] });
    renderPane({ port: portWithJx("表1") });
    tab("固化");
    fireEvent.click(screen.getByRole("button", { name: "固化" }));
    fireEvent.click(await screen.findByRole("button", { name: "确认固化" }));
    expect(await screen.findByText(/已固化工作表“表1”上的 5 个 JX 公式/)).toBeTruthy();
    expect(screen.getByText(/2 个 JX 公式还没有计算结果，未能固化.*表1!I13、表1!J23/)).toBeTruthy();
  });
});

describe("撤销上一次操作", () => {
  const empty: CalcPlan = { writes: [], conflicts: [], problems: [], explained: [] };

  /** 计算 writes 20 into B1 and 优 into C1 of 表1; the re-check after it finds nothing. */
  function calculationWritesB1andC1(): void {
    mocked.calculateSheet.mockImplementation(async (p) => {
      await p.apply({
        sheet: "表1",
        ops: [
          { kind: "values", range: "B1", values: [[20]] },
          { kind: "values", range: "C1", values: [["优"]] },
        ],
      });
      return { sheet: "表1", plan: empty, written: 2, replaced: [], filled: [], remaining: [] };
    });
    mocked.checkSheet.mockResolvedValue({ sheet: "表1", forms: [FORM], findings: [] });
  }

  it("puts back exactly what the pane overwrote, also after the pane is reopened", async () => {
    const port = new MemoryPort({ sheets: { 表1: [["得分", 19, null]] } });
    port.formulas.set("表1!C1", "=JX.GRADE(B1)");
    calculationWritesB1andC1(); // replaces the typed 19 and overwrites the formula cell
    renderPane({ port });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByText(/可撤销：上一次计算改动了工作表“表1”上的 2 个单元格/)).toBeTruthy();
    expect(port.sheets.get("表1")![0]).toEqual(["得分", 20, "优"]);
    expect(JSON.parse(port.settings["jx.undo"]).sheets[0].cells).toHaveLength(2);

    cleanup(); // the pane is closed and opened again: the record is in the workbook
    renderPane({ port });
    fireEvent.click(await screen.findByRole("button", { name: "撤销上一次操作" }));
    expect(await screen.findByText("已把工作表“表1”上的 2 个单元格恢复为操作前的内容。")).toBeTruthy();
    expect(port.sheets.get("表1")![0]).toEqual(["得分", 19, "优"]);
    expect(port.formulas.get("表1!C1")).toBe("=JX.GRADE(B1)");
    expect(port.settings["jx.undo"]).toBe("");
    expect(screen.queryByRole("button", { name: "撤销上一次操作" })).toBeNull();
  });

  it("undo keeps a cell the clerk typed over after the write, and says which", async () => {
    const port = new MemoryPort({ sheets: { 表1: [["得分", 19, null]] } });
    calculationWritesB1andC1();
    renderPane({ port });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    await screen.findByText(/可撤销：上一次计算改动了工作表“表1”上的 2 个单元格/);
    port.sheets.get("表1")![0][2] = "良"; // typed by the clerk afterwards
    const undoButton = screen.getByRole("button", { name: "撤销上一次操作" }) as HTMLButtonElement;
    await waitFor(() => expect(undoButton.disabled).toBe(false)); // the re-check after 计算 has finished
    fireEvent.click(undoButton);
    expect(
      await screen.findByText(
        "已把工作表“表1”上的 1 个单元格恢复为操作前的内容。另有 1 个单元格在那次操作之后被改动过，保留现在的内容，未恢复：表1!C1。",
      ),
    ).toBeTruthy();
    expect(port.sheets.get("表1")![0]).toEqual(["得分", 19, "良"]);
  });

  it("a write whose undo record the workbook refuses is reported as done, with no undo offered for it", async () => {
    const older = {
      action: "freeze",
      sheets: [{ sheet: "表1", cells: [{ cell: "B1", value: 1, formula: null, format: null }] }],
    };
    const port = new MemoryPort({ sheets: { 表1: [["得分", 19]] }, settings: { "jx.undo": JSON.stringify(older) } });
    const save = port.setSetting.bind(port);
    port.setSetting = async (key, value) => {
      if (key === "jx.undo" && value !== "") throw new Error("settings too large");
      return save(key, value);
    };
    mocked.calculateSheet.mockImplementation(async (p) => {
      await p.apply({ sheet: "表1", ops: [{ kind: "values", range: "B1", values: [[20]] }] });
      return { sheet: "表1", plan: empty, written: 1, replaced: [], filled: [], remaining: [] };
    });
    mocked.checkSheet.mockResolvedValue({ sheet: "表1", forms: [FORM], findings: [] });
    renderPane({ port });
    expect(await screen.findByText(/可撤销：上一次固化/)).toBeTruthy();
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByText("已在工作表“表1”写入 1 个单元格。")).toBeTruthy();
    expect(screen.getByText(/改动已完成，但撤销记录未能保存到工作簿/)).toBeTruthy();
    expect(screen.queryByText(/操作未完成|数据未被改动/)).toBeNull();
    // The older record would now put back a cell this write changed: it is gone, from the pane and the workbook.
    expect(screen.queryByRole("button", { name: "撤销上一次操作" })).toBeNull();
    expect(port.settings["jx.undo"]).toBe("");
    expect(port.sheets.get("表1")![0]).toEqual(["得分", 20]);
  });

  it("替换 says what it will change and asks first", async () => {
    const conflict = finding("total-mismatch", "error", "I30", { stated: 95, expected: 93.5 });
    mocked.calculateSheet.mockResolvedValue({
      sheet: "表1",
      plan: { ...empty, conflicts: [conflict] },
      written: 0,
      replaced: [],
      filled: [],
      remaining: [],
    });
    mocked.checkSheet.mockResolvedValue({ sheet: "表1", forms: [FORM], findings: [conflict] });
    renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: /I30/ }));
    fireEvent.click(screen.getByRole("button", { name: "用计算值替换勾选的单元格" }));
    const ask = screen.getByRole("alertdialog", { name: "将改动工作表“表1”上的 1 个单元格：" });
    expect(within(ask).getByText("I30：填写值 95 → 93.5")).toBeTruthy();
    expect(mocked.calculateSheet).toHaveBeenCalledTimes(1);
    fireEvent.click(within(ask).getByRole("button", { name: "确认替换" }));
    await waitFor(() => expect(mocked.calculateSheet).toHaveBeenCalledTimes(2));
    expect(mocked.calculateSheet.mock.calls[1][3]?.replace).toEqual(["I30"]);
  });
});

describe("errors", () => {
  it("shows a Chinese message and no stack trace when an operation throws", async () => {
    mocked.checkSheet.mockRejectedValue(new Error("Cannot read properties of undefined\n    at foo (ops.ts:12:3)"));
    renderPane();
    tab("校验");
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
    expect(await screen.findByText("操作未完成")).toBeTruthy();
    expect(screen.getByText(/Excel 未能完成此操作，工作簿中的数据未被改动/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/at foo|ops\.ts:12/);
    expect((screen.getByRole("button", { name: "校验当前工作表" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("explains Office's cell-edit-mode error and an operation's error by its code, in the pane's language", async () => {
    mocked.calculateSheet.mockRejectedValue(
      Object.assign(new Error("The operation is not available in cell edit mode"), {
        code: "InvalidOperationInCellEditMode",
      }),
    );
    mocked.insertTemplate.mockRejectedValue(new OperationError("unknown-rules", { ruleSetId: "xyz" }));
    renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "插入模板" }));
    expect(await screen.findByText("未知的评分规则：xyz")).toBeTruthy();
    tab("计算");
    fireEvent.click(screen.getByRole("button", { name: "计算" }));
    expect(await screen.findByText(/请先按 Enter 或 Esc 退出编辑/)).toBeTruthy();
  });

  it("never shows an error's own Chinese text in English: it is recognised by its code", async () => {
    mocked.insertTemplate.mockRejectedValue(new OperationError("unknown-rules", { ruleSetId: "xyz" }));
    mocked.calculateSheet.mockRejectedValue(
      Object.assign(new Error("未检测到 Excel"), { name: "OfficeHostError", code: "NoHost" }),
    );
    renderPane({ locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Insert template" }));
    expect(await screen.findByText("Unknown rule set: xyz")).toBeTruthy();
    tab("Calculate");
    fireEvent.click(screen.getByRole("button", { name: "Calculate" }));
    expect(await screen.findByText(/Excel was not found/)).toBeTruthy();
    expect(document.body.textContent).not.toContain("未检测到");
  });
});

describe("language", () => {
  it("speaks English when Office's display language is not Chinese", async () => {
    mocked.checkSheet.mockResolvedValue({ sheet: "Cover", forms: [], findings: [] });
    renderPane({ locale: "en", port: new MemoryPort({ sheets: { Cover: [] } }) });
    expect(screen.getByRole("combobox", { name: /Scoring rules/ })).toBeTruthy();
    expect(screen.getByRole("option", { name: "Execution 20" })).toBeTruthy();
    expect(await screen.findByText(/"Cover" holds no self-evaluation form/)).toBeTruthy();
    tab("Check");
    fireEvent.click(screen.getByRole("button", { name: "Check this sheet" }));
    expect(await screen.findByText('No self-evaluation form found on "Cover".')).toBeTruthy();
    // Chinese only where the clerk must type Chinese: the header words a form needs.
    const minimum = stringsFor("en").noFormMinimum;
    expect(document.body.textContent!.split(minimum).join("")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("first step and tabs", () => {
  it("opens on 模板 with one line saying what to do when the active sheet holds no form", async () => {
    renderPane({ port: new MemoryPort({ sheets: { 封面: [["2023 年度"]] } }) });
    expect(
      await screen.findByText("工作表“封面”上没有绩效自评表：插入模板，或切换到填好的表格后点 校验。"),
    ).toBeTruthy();
    expect(screen.getByRole("tab", { name: "模板" }).getAttribute("aria-selected")).toBe("true");
  });

  it("tabs are tabs: wired to their panels, arrows wrap, Home and End jump", async () => {
    renderPane();
    await screen.findByText(/上没有绩效自评表/); // the first step has looked at the sheet
    const insertTab = screen.getByRole("tab", { name: "模板" });
    expect(screen.getByRole("tablist")).toBeTruthy();
    expect(document.getElementById(insertTab.getAttribute("aria-controls")!)!.getAttribute("role")).toBe("tabpanel");
    expect(screen.queryByRole("button", { name: "固化" })).toBeNull(); // hidden panel
    const tabs = screen.getAllByRole("tab");
    const last = tabs[tabs.length - 1];
    fireEvent.keyDown(insertTab, { key: "ArrowLeft" });
    expect(last.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: "Home" });
    expect(screen.getByRole("tab", { name: "模板" }).getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(screen.getByRole("tab", { name: "模板" }), { key: "End" });
    expect(last.getAttribute("aria-selected")).toBe("true");
  });

  it("the rule picker commits on a choice, not on every arrow key", async () => {
    const { port } = renderPane();
    const select = screen.getByRole("combobox", { name: /评分规则/ });
    fireEvent.keyDown(select, { key: "ArrowDown" });
    fireEvent.change(select, { target: { value: "other-20" } });
    await act(async () => undefined);
    expect(port.settingWrites).toEqual([]);
    fireEvent.keyDown(select, { key: "Enter" });
    await waitFor(() => expect(port.settingWrites).toEqual([[RULE_SET_SETTING, "other-20"]]));
  });
});

describe("first step on a form", () => {
  it("opens on 校验 naming the detected kind when the active sheet holds a form", async () => {
    const { renderTemplateGrid } = jest.requireActual("../../src/templates");
    const { findRuleSet } = jest.requireActual("../../src/engine");
    const { grid } = renderTemplateGrid("project", findRuleSet("mof-2020"), { formulaStyle: "native" });
    const values = Array.from({ length: grid.rowCount }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => grid.get(r, c)),
    );
    renderPane({ port: new MemoryPort({ sheets: { 自评表: values } }) });
    expect(await screen.findByText("工作表“自评表”是一张项目支出绩效自评表：点 校验 检查它。")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
  });
});
