/** @jest-environment jsdom */
/**
 * 先复制工作表 beside 固化 and 替换: when ticked, the sheets about to change are copied first —
 * before the undo record is taken, so 撤销 restores only the original — and the notice names the
 * copies. Where the host cannot copy sheets the option is off and says why.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Finding } from "../../src/engine";
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
  copySheets: jest.fn(),
  OperationError: jest.requireActual("../../src/ops/errors").OperationError,
}));
// The pane reads and checks a sheet through ops/check.ts (without loading the other operations):
// the same mocks stand for it.
jest.mock("../../src/ops/check", () => {
  const ops = jest.requireMock("../../src/ops");
  return { checkSheet: ops.checkSheet, checkWorkbook: ops.checkWorkbook };
});

const mocked = ops as jest.Mocked<typeof ops>;

/** A MemoryPort that can copy sheets (as Excel with ExcelApi 1.7 can). */
class CopyingPort extends MemoryPort {
  async copySheet(sheet: string, name: string): Promise<void> {
    this.sheets.set(
      name,
      this.sheets.get(sheet)!.map((r) => r.slice()),
    );
  }
}

function jxPort(Port: typeof MemoryPort, ...sheets: string[]): MemoryPort {
  const port = new Port({ sheets: Object.fromEntries([...sheets, "封面"].map((s) => [s, [["优"]]])) });
  for (const s of sheets) port.formulas.set(`${s}!A1`, "=JX.GRADE(95)");
  return port;
}

beforeEach(() => jest.resetAllMocks());

it("固化 with the option ticked copies each sheet that will change, before the undo record is taken", async () => {
  const port = jxPort(CopyingPort, "表1", "表2");
  const events: string[] = [];
  const read = port.readSheet.bind(port);
  jest.spyOn(port, "readSheet").mockImplementation(async (s) => (events.push(`read ${s}`), read(s)));
  mocked.copySheets.mockImplementation(
    async (_p, sheets) => (events.push(`copy ${sheets}`), sheets.map((s) => `${s} 副本`)),
  );
  mocked.freezeWorkbook.mockImplementation(async () => (events.push("freeze"), { frozen: 2 }));
  renderPane({ port });
  fireEvent.click(screen.getByRole("tab", { name: "固化" }));
  fireEvent.click(screen.getByRole("radio", { name: "整个工作簿" }));
  fireEvent.click(screen.getByRole("checkbox", { name: /先复制工作表/ }));
  fireEvent.click(screen.getByRole("button", { name: "固化" }));
  fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "确认固化" }));
  expect(
    await screen.findByText(/已先把原样复制到“表1 副本”、“表2 副本”；撤销只恢复原工作表，副本保留。/),
  ).toBeTruthy();
  // Only the sheets holding JX formulas are copied (not 封面), and before the undo reads start.
  expect(mocked.copySheets).toHaveBeenCalledWith(port, ["表1", "表2"], "副本");
  const copyAt = events.indexOf("copy 表1,表2");
  expect(copyAt).toBeGreaterThanOrEqual(0);
  expect(events.slice(copyAt + 1, copyAt + 4)).toEqual(["read 表1", "read 表2", "read 封面"]);
  expect(events.indexOf("freeze")).toBeGreaterThan(copyAt);
});

it("unticked, nothing is copied; the notice says nothing about copies", async () => {
  mocked.freezeWorkbook.mockResolvedValue({ frozen: 1 });
  renderPane({ port: jxPort(CopyingPort, "表1") });
  fireEvent.click(screen.getByRole("tab", { name: "固化" }));
  fireEvent.click(screen.getByRole("button", { name: "固化" }));
  fireEvent.click(await screen.findByRole("button", { name: "确认固化" }));
  expect(await screen.findByText("已固化工作表“表1”上的 1 个 JX 公式。")).toBeTruthy();
  expect(mocked.copySheets).not.toHaveBeenCalled();
});

it("where sheets cannot be copied the option is off and says why", async () => {
  renderPane({ port: jxPort(MemoryPort, "表1") });
  fireEvent.click(screen.getByRole("tab", { name: "固化" }));
  const box = screen.getByRole("checkbox", { name: /先复制工作表/ }) as HTMLInputElement;
  expect(box.disabled).toBe(true);
  expect(document.getElementById(box.getAttribute("aria-describedby")!)!.textContent).toMatch(/ExcelApi 1\.7/);
  await screen.findByText(/没有绩效自评表：插入模板/); // the first look at the sheet has finished
});

it("a failed copy stops before anything is written", async () => {
  mocked.copySheets.mockRejectedValue(new ops.OperationError("copy-unsupported", {}));
  renderPane({ port: jxPort(CopyingPort, "表1") });
  fireEvent.click(screen.getByRole("tab", { name: "固化" }));
  fireEvent.click(screen.getByRole("checkbox", { name: /先复制工作表/ }));
  fireEvent.click(screen.getByRole("button", { name: "固化" }));
  fireEvent.click(await screen.findByRole("button", { name: "确认固化" }));
  await waitFor(() => expect(mocked.copySheets).toHaveBeenCalled());
  expect(await screen.findByText(/不能复制工作表/)).toBeTruthy();
  expect(mocked.freezeWorkbook).not.toHaveBeenCalled();
});

it("替换 with the option ticked copies the sheet first and names the copy", async () => {
  const conflict = {
    code: "total-mismatch",
    severity: "error",
    sheet: "表1",
    cell: "I30",
    row: 30,
    data: { stated: 95, expected: 93.5 },
  } as unknown as Finding;
  const plan = { writes: [], conflicts: [conflict], problems: [], explained: [] };
  const result = { sheet: "表1", plan, written: 0, replaced: [], filled: [], remaining: [] };
  mocked.calculateSheet.mockResolvedValue(result);
  mocked.checkSheet.mockResolvedValue({ sheet: "表1", forms: [], findings: [] });
  mocked.copySheets.mockResolvedValue(["表1 副本"]);
  renderPane({ port: new CopyingPort({ sheets: { 表1: [] } }) });
  fireEvent.click(screen.getByRole("tab", { name: "计算" }));
  fireEvent.click(screen.getByRole("button", { name: "计算" }));
  fireEvent.click(await screen.findByRole("checkbox", { name: /I30/ }));
  fireEvent.click(screen.getByRole("checkbox", { name: /先复制工作表/ }));
  mocked.calculateSheet.mockResolvedValue({ ...result, replaced: ["I30"] });
  fireEvent.click(screen.getByRole("button", { name: "用计算值替换勾选的单元格" }));
  fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "确认替换" }));
  expect(await screen.findByText(/已先把原样复制到“表1 副本”/)).toBeTruthy();
  expect(mocked.copySheets).toHaveBeenCalledWith(expect.anything(), ["表1"], "副本");
  expect(mocked.copySheets.mock.invocationCallOrder[0]).toBeLessThan(mocked.calculateSheet.mock.invocationCallOrder[1]);
});
