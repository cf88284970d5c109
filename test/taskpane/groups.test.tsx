/** @jest-environment jsdom */
/**
 * Findings under 错误 / 警告 / 提示 headings with their counts, per sheet; 上一条 / 下一条 follow
 * the order they are listed in (errors first), and the severity filter hides a whole group.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { formatFinding, type Finding, type SheetCheck } from "../../src/engine";
import * as ops from "../../src/ops";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";

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

const mocked = ops as jest.Mocked<typeof ops>;
const FORM = { kind: "project" as const, range: { r1: 0, c1: 0, r2: 20, c2: 9 }, sums: [] };

function finding(code: string, severity: Finding["severity"], cell: string, sheet = "表1"): Finding {
  const data = { stated: 1, expected: 2 };
  // Any code: the pane must list whatever the engine hands it.
  return { code, severity, sheet, cell, row: Number(/\d+/.exec(cell)![0]), data } as unknown as Finding;
}

// The engine's order mixes severities; the pane lists them grouped.
const findings = [
  finding("missing-reason", "warning", "J13"),
  finding("score-mismatch", "error", "I12"),
  finding("exec-reason-required", "info", "B5"),
  finding("rate-mismatch", "error", "H9"),
];
const check = (sheet: string, list: Finding[]): SheetCheck & { sheet: string } => ({
  sheet,
  forms: [FORM],
  findings: list,
  verdicts: [{ kind: "project" }],
});

beforeEach(() => jest.resetAllMocks());

function headings(): string[] {
  return [...document.querySelectorAll("[data-severity] > h2, [data-severity] > h3")].map((h) => h.textContent ?? "");
}

it("lists errors, then warnings, then notes under headings with counts; next/previous follow that order", async () => {
  mocked.checkSheet.mockResolvedValue(check("表1", findings));
  const { selected } = renderPane({ port: new MemoryPort({ sheets: { 表1: [] } }) });
  fireEvent.click(screen.getByRole("tab", { name: "校验" }));
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  await screen.findByText(formatFinding(findings[0], "zh-CN"));
  expect(headings()).toEqual(["错误（2）", "警告（1）", "提示（1）"]);
  const errors = screen.getByRole("region", { name: "错误（2）" });
  expect(
    within(errors)
      .getAllByRole("button")
      .map((b) => b.dataset.cell),
  ).toEqual(["I12", "H9"]);
  for (const cell of ["I12", "H9", "J13", "B5", "I12"]) {
    fireEvent.click(screen.getByRole("button", { name: "下一条" }));
    await waitFor(() => expect(selected.at(-1)).toEqual(["表1", cell]));
  }
  fireEvent.click(screen.getByRole("button", { name: "上一条" }));
  await waitFor(() => expect(selected.at(-1)).toEqual(["表1", "B5"]));
  // Hiding errors hides their group and its heading; the others keep their counts.
  fireEvent.click(screen.getByRole("button", { name: "错误 2" }));
  expect(headings()).toEqual(["警告（1）", "提示（1）"]);
});

it("in a whole-workbook check each sheet has its own severity groups", async () => {
  mocked.checkWorkbook.mockResolvedValue([
    check("表1", [findings[0], findings[1]]),
    check("表2", [finding("score-mismatch", "error", "C3", "表2")]),
  ]);
  renderPane({ port: new MemoryPort({ sheets: { 表1: [], 表2: [] } }), locale: "en" });
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  fireEvent.click(screen.getByRole("button", { name: /whole workbook/i }));
  await waitFor(() => expect(headings()).toEqual(["Errors (1)", "Warnings (1)", "Errors (1)"]));
});
