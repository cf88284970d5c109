/** @jest-environment jsdom */
/**
 * 生成自评报告 in the pane, over the Office adapter and the strict fake Excel (it throws on
 * unloaded reads and counts syncs): on a host that saves files the pane hands over a real .docx
 * and leaves the workbook alone; on Excel for Mac the report lands on a new print-ready sheet.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import JSZip from "jszip";
import { canSaveFiles, createOfficePort } from "../../src/host/office";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/host";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";
import { seedProjectForms, SEED001_PROJECTS } from "../fixtures/seed001";
import { TextDecoder, TextEncoder } from "util";

// jsdom lacks TextEncoder, which every browser the pane runs in has (docx needs it).

Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? TextEncoder,
  TextDecoder: globalThis.TextDecoder ?? TextDecoder,
});

let fake: InstalledFake | undefined;
afterEach(() => {
  cleanup();
  fake?.uninstall();
  fake = undefined;
});

const FORM = "项目表";

function workbookWithForm(platform: string): FakeWorkbook {
  const wb = new FakeWorkbook({ sheets: { [FORM]: [] }, platform });
  wb.putSnapshot(seedProjectForms()[0], FORM);
  return wb;
}

/** The pane as index.tsx builds it: saveFile only where the platform can save. */
function renderOver(wb: FakeWorkbook, saveFile: PaneHost["saveFile"]) {
  fake = installFakeOffice(globalThis, wb);
  const host: PaneHost = {
    port: createOfficePort(),
    selectCell: async () => undefined,
    locale: "zh-CN",
    ...(canSaveFiles() ? { saveFile } : {}),
  };
  render(<App host={host} />);
}

async function openReportTab() {
  fireEvent.click(await screen.findByRole("tab", { name: "汇总与报告" }));
  // The first screen's own reads are done once it names the form it found.
  await screen.findByText(/点 校验 检查它/);
  // The panel's code loads when its tab is first shown.
  await screen.findByRole("button", { name: "生成自评报告" }, { timeout: 10_000 });
}

async function blobText(blob: Blob): Promise<string> {
  const bytes = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob);
  });
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("word/document.xml")!.async("string");
}

it("canSaveFiles: Excel on the web and on Windows save downloads; Mac, iPad and unknown hosts do not", () => {
  expect(canSaveFiles("OfficeOnline")).toBe(true);
  expect(canSaveFiles("PC")).toBe(true);
  expect(canSaveFiles("Mac")).toBe(false);
  expect(canSaveFiles("iOS")).toBe(false);
  expect(canSaveFiles(undefined)).toBe(false);
});

it("Excel on the web: one read, then a real .docx handed to saveFile; the workbook is not touched", async () => {
  const wb = workbookWithForm("OfficeOnline");
  const saved: { name: string; data: Blob }[] = [];
  renderOver(wb, async (name, data) => void saved.push({ name, data }));
  await openReportTab();
  const syncs = wb.syncCount;
  fireEvent.click(screen.getByRole("button", { name: "生成自评报告" }));
  await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });
  expect(wb.syncCount - syncs).toBe(1);
  expect(saved[0].name).toMatch(/绩效自评报告\.docx$/);
  expect(saved[0].data.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const xml = await blobText(saved[0].data);
  expect(xml).toContain(SEED001_PROJECTS[0].name);
  expect(xml).toContain("【请填写：项目背景】");
  expect(await screen.findByText(/请在下载栏或保存对话框中查看/)).toBeTruthy();
  expect(wb.sheets.map((s) => s.name)).toEqual([FORM]);
});

it("Excel for Mac: no file; the report goes on a new A4 sheet with a print area, fonts and yellow placeholders", async () => {
  const wb = workbookWithForm("Mac");
  const saveFile = jest.fn();
  renderOver(wb, saveFile);
  await openReportTab();
  expect(screen.queryByRole("button", { name: "放到新工作表（可打印）" })).toBeNull();
  const before = JSON.stringify([...wb.mustSheet(FORM).cells]);
  fireEvent.click(screen.getByRole("button", { name: "生成自评报告" }));
  expect(await screen.findByText(/此版本的 Excel（如 Mac 版）不能从加载项保存文件/)).toBeTruthy();
  expect(saveFile).not.toHaveBeenCalled();
  expect(wb.sheets.map((s) => s.name)).toEqual([FORM, "自评报告"]);
  expect(wb.activeSheetName).toBe("自评报告");
  const sheet = wb.mustSheet("自评报告");
  expect(String(sheet.cell(0, 0)?.value)).toContain(SEED001_PROJECTS[0].name);
  expect(sheet.cell(0, 0)?.format.fontName).toBe("宋体");
  expect(sheet.pageLayout.paperSize).toBe("A4");
  expect(sheet.pageLayout.orientation).toBe("Portrait");
  expect(sheet.pageLayout.printArea).toMatch(/^A1:[A-Z]+\d+$/);
  const cells = [...sheet.cells.values()];
  const placeholder = cells.find((c) => String(c.value).includes("【请填写：项目背景】"));
  expect(placeholder?.format.fill).toBe("#FFFF00");
  expect(placeholder?.format.fontName).toBe("仿宋");
  // The form's own numbers are on the sheet as the form table (text, never formulas).
  expect(cells.some((c) => c.formula !== undefined)).toBe(false);
  expect(JSON.stringify([...wb.mustSheet(FORM).cells])).toBe(before);
});

it("a sheet without a form: says so and writes nothing", async () => {
  const wb = new FakeWorkbook({ sheets: { 空表: [["备注"]] }, platform: "Mac" });
  renderOver(wb, undefined);
  fireEvent.click(await screen.findByRole("tab", { name: "汇总与报告" }));
  fireEvent.click(await screen.findByRole("button", { name: "生成自评报告" }, { timeout: 10_000 }));
  expect(await screen.findByText("工作表“空表”上没有找到绩效自评表，未生成报告。")).toBeTruthy();
  expect(wb.sheets.map((s) => s.name)).toEqual(["空表"]);
});
