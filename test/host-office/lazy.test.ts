/**
 * The Office adapter as the pane's first scripts carry it (src/host/office/lazy.ts): nothing of the
 * adapter loads until the pane first reaches the workbook; every call then goes to the real
 * adapter, once loaded; what the pane asks while rendering (language, API sets, saving) needs no load.
 */
import * as adapter from "../../src/host/office";
import { lazyOfficeHost } from "../../src/host/office/lazy";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

function setup(options: { displayLanguage?: string; platform?: string } = {}) {
  const wb = new FakeWorkbook({
    sheets: {
      表1: [
        ["项目", "得分"],
        ["甲", 16],
      ],
      表2: [],
    },
    ...options,
  });
  wb.activeSheetName = "表1";
  fake = installFakeOffice(globalThis, wb);
  const load = jest.fn(() => Promise.resolve(adapter));
  return { wb, load, host: lazyOfficeHost(load) };
}

test("rendering asks language, API sets and saving without loading the adapter", () => {
  const { wb, load, host } = setup({ displayLanguage: "en-US", platform: "Mac" });
  wb.unsupportedSets.add("ExcelApi 1.18");
  expect(host.locale).toBe("en");
  expect(host.port.supportsNotes?.()).toBe(false);
  expect(host.port.canCopySheet?.()).toBe(true);
  expect(host.saveFile).toBeUndefined(); // Excel on Mac: no downloads
  expect(load).not.toHaveBeenCalled();
});

test("the first workbook call loads the adapter once; reads, writes and settings reach the workbook", async () => {
  const { wb, load, host } = setup({ platform: "OfficeOnline" });
  expect(host.saveFile).toBeDefined();
  const [snapshot, sheets] = await Promise.all([host.port.readSheet(null), host.port.listSheets()]);
  expect(snapshot.name).toBe("表1");
  expect(snapshot.values[1]).toEqual(["甲", 16]);
  expect(sheets).toEqual(["表1", "表2"]);
  await host.port.setSetting("k", "v");
  expect(await host.port.getSetting("k")).toBe("v");
  await host.port.apply({ sheet: "表2", ops: [{ kind: "values", range: "B2", values: [[7]] }] });
  expect(wb.value("表2", "B2")).toBe(7);
  await host.selectCell("表2", "B2");
  expect(wb.activeSheetName).toBe("表2");
  await host.recalculate();
  expect(wb.calculations).toEqual(["Full"]);
  expect(load).toHaveBeenCalledTimes(1);
});

test("an adapter that cannot load fails the call that needed it, not the pane", async () => {
  fake = installFakeOffice(globalThis, new FakeWorkbook({ sheets: { 表1: [] } }));
  const host = lazyOfficeHost(() => Promise.reject(new Error("chunk failed")));
  expect(host.locale).toBe("zh-CN");
  await expect(host.port.readSheet(null)).rejects.toThrow("chunk failed");
});
