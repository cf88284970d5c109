/** @jest-environment jsdom */
/**
 * A disabled button says why, next to it and as its description (issue 12: "disabled buttons
 * say why"): 替换 until a cell is ticked, 上一条/下一条 when the filter hides every finding,
 * 预览汇总 until a project sheet is ticked. The real operations and engine, over a published form.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/engine";
import { seedProjectFormsWithLayout } from "../fixtures/seed001";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";

/** The seed's first form with one 得分 typed wrong: a finding to filter and a conflict to replace. */
function seedPort(): MemoryPort {
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  const values = sheet.values.map((r) => r.slice());
  values[layout.indicators.rows[0]][layout.indicators.columns.score!] = 1;
  return new MemoryPort({ sheets: { [sheet.name]: values as CellValue[][] } });
}

/** The button is disabled and described by the visible reason. */
function expectSaysWhy(name: string | RegExp, why: string): void {
  const button = screen.getByRole("button", { name }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  const described = button.getAttribute("aria-describedby");
  expect(described).toBeTruthy();
  expect(document.getElementById(described!)?.textContent).toBe(why);
}

test("替换 says to tick a cell first, and stops saying it once one is ticked", async () => {
  renderPane({ port: seedPort() });
  fireEvent.click(screen.getByRole("tab", { name: "计算" }));
  fireEvent.click(screen.getByRole("button", { name: "计算" }));
  await screen.findByText(/填写值 1 → 计算值/);
  expectSaysWhy("用计算值替换勾选的单元格", "先勾选要替换的单元格。");
  fireEvent.click(screen.getByRole("checkbox", { name: /填写值 1 →/ }));
  await waitFor(() =>
    expect((screen.getByRole("button", { name: "用计算值替换勾选的单元格" }) as HTMLButtonElement).disabled).toBe(
      false,
    ),
  );
  expect(screen.queryByText("先勾选要替换的单元格。")).toBeNull();
});

test("上一条 / 下一条 say why when the filter hides every finding", async () => {
  renderPane({ port: seedPort() });
  fireEvent.click(screen.getByRole("tab", { name: "校验" }));
  fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
  await screen.findByRole("button", { name: /^错误 \d+$/ });
  expect(screen.queryByText("没有可逐条查看的问题：筛选隐藏了全部问题。")).toBeNull();
  for (const sev of ["错误", "警告", "提示"])
    fireEvent.click(screen.getByRole("button", { name: new RegExp(`^${sev} \\d+$`) }));
  const why = "没有可逐条查看的问题：筛选隐藏了全部问题。";
  expectSaysWhy("上一条", why);
  expectSaysWhy("下一条", why);
});

test("预览汇总 says to tick a project sheet first", async () => {
  const sheets: Record<string, CellValue[][]> = {};
  for (const { sheet } of seedProjectFormsWithLayout()) sheets[sheet.name] = sheet.values as CellValue[][];
  renderPane({ port: new MemoryPort({ sheets }) });
  fireEvent.click(screen.getByRole("tab", { name: "汇总与报告" }));
  fireEvent.click(await screen.findByRole("button", { name: "列出工作表" }));
  const boxes = await screen.findAllByRole("checkbox");
  for (const b of boxes) if ((b as HTMLInputElement).checked) fireEvent.click(b);
  expectSaysWhy("预览汇总", "先勾选至少一个项目表。");
});
