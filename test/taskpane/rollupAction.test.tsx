/** @jest-environment jsdom */
/**
 * 汇总到部门整体表 in the pane, over the Office adapter and the strict fake Excel: choose the
 * project sheets, preview (nothing written), confirm (blank cells only; a typed row that
 * disagrees is listed and left alone), undo; and a sheet changed after the preview is not
 * written blindly.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createOfficePort } from "../../src/host/office";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/host";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";
import { seedDepartmentForm, seedProjectForms } from "../fixtures/seed001";

let fake: InstalledFake | undefined;
afterEach(() => {
  cleanup();
  fake?.uninstall();
  fake = undefined;
});

const DEPT = "部门整体";
const COLS = { approvedTotal: 3, approvedFiscal: 4, spent: 6, rate: 7 };

/**
 * Seed 001: three project sheets and the 部门整体 form. Row 14 (项目1) has a wrong 批复金额 typed
 * and no 实际支出; row 15 (项目2) is empty; row 16 (项目3, matched by its amounts) lacks 财政拨款.
 */
function seedWorkbook(): FakeWorkbook {
  const dept = seedDepartmentForm(); // title in A1: rows and columns are the sheet's own
  dept.values[13][COLS.approvedTotal] = 11; // 10.56 on its project form
  dept.values[13][COLS.spent] = null;
  dept.values[13][COLS.rate] = null;
  for (const c of Object.values(COLS)) dept.values[14][c] = null;
  dept.values[15][COLS.approvedFiscal] = null;
  const wb = new FakeWorkbook({ sheets: { [DEPT]: [] } });
  for (const s of seedProjectForms()) wb.putSnapshot(s, s.name);
  wb.putSnapshot(dept, DEPT);
  return wb;
}

function renderOver(wb: FakeWorkbook) {
  fake = installFakeOffice(globalThis, wb);
  const host: PaneHost = { port: createOfficePort(), selectCell: async () => undefined, locale: "zh-CN" };
  render(<App host={host} />);
}

const at = (wb: FakeWorkbook, row: number, col: number) => wb.mustSheet(DEPT).cell(row, col)?.value ?? null;

async function previewWithout(unchecked: string) {
  fireEvent.click(await screen.findByRole("tab", { name: "汇总与报告" }));
  // The panel's code loads when its tab is first shown (slow on a busy machine).
  fireEvent.click(await screen.findByRole("button", { name: "列出工作表" }, { timeout: 10_000 }));
  fireEvent.click(await screen.findByRole("checkbox", { name: unchecked }));
  fireEvent.click(screen.getByRole("button", { name: "预览汇总" }));
  return screen.findByRole("alertdialog");
}

it("preview writes nothing; confirm fills the blank cells of the chosen projects only, keeps the typed row, and undoes", async () => {
  const wb = seedWorkbook();
  renderOver(wb);
  const dialog = await previewWithout("项目3");
  expect(within(dialog).getByText(/将向工作表“部门整体”的空白单元格写入 \d+ 个数值/)).toBeTruthy();
  expect(within(dialog).getByText(/第 14 行中的数值与项目表不一致，未作改动/)).toBeTruthy();
  expect(within(dialog).getByText(/专项工作经费（项目2）→ 第 15 行/)).toBeTruthy();
  expect(await screen.findByText("汇总发现的问题（未作改动）：")).toBeTruthy();
  expect(at(wb, 14, COLS.spent)).toBeNull();

  fireEvent.click(within(dialog).getByRole("button", { name: "写入部门整体表" }));
  expect(await screen.findByText(/已向工作表“部门整体”写入 \d+ 个数值；您填写的数值均未改动。/)).toBeTruthy();
  expect(at(wb, 14, COLS.approvedTotal)).toBeCloseTo(29.77, 6);
  expect(at(wb, 14, COLS.spent)).toBeCloseTo(29.77, 6);
  expect(at(wb, 14, COLS.rate)).toBeCloseTo(1, 6);
  expect(at(wb, 13, COLS.approvedTotal)).toBe(11); // typed, disagrees: the row is left as it is
  expect(at(wb, 13, COLS.spent)).toBeNull();
  expect(at(wb, 15, COLS.approvedFiscal)).toBeNull(); // 项目3 was not chosen

  expect(await screen.findByText(/上一次汇总/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "撤销上一次操作" }));
  await waitFor(() => expect(at(wb, 14, COLS.spent)).toBeNull());
  expect(at(wb, 14, COLS.approvedTotal)).toBeNull();
  expect(at(wb, 13, COLS.approvedTotal)).toBe(11);
});

it("a value typed after the preview: confirm plans again and writes nothing over it", async () => {
  const wb = seedWorkbook();
  renderOver(wb);
  const dialog = await previewWithout("项目3");
  wb.mustSheet(DEPT).cellForWrite(14, COLS.spent).value = 9.99; // the clerk types meanwhile
  fireEvent.click(within(dialog).getByRole("button", { name: "写入部门整体表" }));
  // Row 15 now disagrees with 项目2 (9.99 typed, 29.77 spent): nothing is left to fill, and it is reported.
  expect(await screen.findByText(/中没有需要由项目表填写的空白单元格，未作改动/)).toBeTruthy();
  expect(screen.getByText("汇总发现的问题（未作改动）：")).toBeTruthy();
  expect(screen.queryByRole("alertdialog")).toBeNull();
  expect(at(wb, 14, COLS.spent)).toBe(9.99);
  expect(at(wb, 14, COLS.approvedTotal)).toBeNull();
});
