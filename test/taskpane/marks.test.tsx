/** @jest-environment jsdom */
/**
 * Marks that explain themselves and follow the results: 标记 says the cells carry notes (or, on an
 * Excel without notes, that they do not); once marked, a re-check after a change the pane made
 * marks the sheet again from the new findings — a fixed cell is no longer listed or marked.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { Finding, SheetCheck } from "../../src/engine";
import * as ops from "../../src/ops";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";

jest.mock("../../src/ops", () => ({
  insertTemplate: jest.fn(),
  checkSheet: jest.fn(),
  checkWorkbook: jest.fn(),
  crossCheckWorkbook: jest.fn(),
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
const FORM = { kind: "project" as const, range: { r1: 0, c1: 0, r2: 20, c2: 9 }, sums: [] };

function finding(code: string, severity: Finding["severity"], cell: string, data = {}): Finding {
  // Any code and data: the pane must show whatever the engine hands it.
  return { code, severity, sheet: "表1", cell, row: Number(/\d+/.exec(cell)![0]), data } as unknown as Finding;
}

const scoreSlip = finding("score-mismatch", "error", "I12", { stated: 16, expected: 15 });
const reasonMissing = finding("missing-reason", "warning", "J13");
const checkOf = (findings: Finding[]): SheetCheck & { sheet: string } => ({
  sheet: "表1",
  forms: [FORM],
  findings,
  verdicts: [{ kind: "project" }],
});

beforeEach(() => jest.resetAllMocks());

async function checkAndMark(notes: boolean) {
  mocked.checkSheet.mockResolvedValue(checkOf([scoreSlip, reasonMissing]));
  mocked.markFindings.mockResolvedValue({ marked: 2, notes });
  const view = renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
  fireEvent.click(screen.getByRole("tab", { name: "校验" }));
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  const mark = screen.getByRole("button", { name: "标记" }) as HTMLButtonElement;
  await waitFor(() => expect(mark.disabled).toBe(false));
  fireEvent.click(mark);
  return view;
}

it("标记 says each marked cell carries a note, and the legend says 清除标记 removes only ours", async () => {
  await checkAndMark(true);
  const notice = await screen.findByText(/已在工作表“表1”标记 2 个单元格.*每个标记的单元格附有说明/);
  expect(notice.closest("[data-intent]")!.getAttribute("data-intent")).toBe("success");
  expect(screen.getByText(/清除标记会一并删除，您自己的批注不受影响/)).toBeTruthy();
  expect(screen.getByRole("group", { name: "标记底色：" }).textContent).toBe("标记底色：错误警告提示");
});

it("on an Excel without notes, 标记 still marks and says the notes are missing (not green)", async () => {
  await checkAndMark(false);
  const notice = await screen.findByText(/不支持在单元格上添加批注（需要 ExcelApi 1\.18）/);
  expect(notice.closest("[data-intent]")!.getAttribute("data-intent")).toBe("warning");
});

it("a rule change re-checks a marked sheet and marks it again: the fixed cell is no longer listed or marked", async () => {
  const { port } = await checkAndMark(true);
  await screen.findByText(/每个标记的单元格附有说明/);
  // Under the other rules only the missing reason remains.
  mocked.checkSheet.mockResolvedValue(checkOf([reasonMissing]));
  mocked.markFindings.mockResolvedValue({ marked: 1, notes: true });
  fireEvent.change(screen.getByRole("combobox", { name: /评分规则/ }), { target: { value: "other-20" } });
  expect(await screen.findByText("已按新结果重新标记工作表“表1”：1 个单元格。")).toBeTruthy();
  expect(mocked.markFindings).toHaveBeenLastCalledWith(port, "表1", [reasonMissing], { locale: "zh-CN" });
  expect(document.querySelector('[data-cell="I12"]')).toBeNull();
  expect(document.querySelector('[data-cell="J13"]')).not.toBeNull();
});

it("after 清除标记 a re-check no longer marks the sheet", async () => {
  await checkAndMark(true);
  await screen.findByText(/每个标记的单元格附有说明/);
  fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await screen.findByText(/已清除工作表“表1”上本加载项所做的标记/);
  mocked.checkSheet.mockResolvedValue(checkOf([reasonMissing]));
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  await waitFor(() => expect(mocked.checkSheet).toHaveBeenCalledTimes(2));
  await waitFor(() => expect(document.querySelector('[data-cell="I12"]')).toBeNull());
  expect(mocked.markFindings).toHaveBeenCalledTimes(1);
  expect(screen.queryByTestId("remarked")).toBeNull();
});

it("a marked sheet whose findings are all fixed has its marks cleared, and the pane says so", async () => {
  await checkAndMark(true);
  await screen.findByText(/每个标记的单元格附有说明/);
  mocked.checkSheet.mockResolvedValue(checkOf([]));
  mocked.markFindings.mockResolvedValue({ marked: 0, notes: true });
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  expect(await screen.findByText("工作表“表1”已没有需要标记的单元格，原有标记已清除。")).toBeTruthy();
  expect(mocked.markFindings).toHaveBeenLastCalledWith(expect.anything(), "表1", [], { locale: "zh-CN" });
});
