/**
 * 先复制工作表 through the Office adapter (Worksheet.copy, ExcelApi 1.7): the copy holds everything
 * the sheet held and sits right after it, the clerk stays on the original, and 撤销 after a write
 * restores the original exactly while the copy stays as it was. Without ExcelApi 1.7 nothing changes.
 */
import { createOfficePort } from "../../src/host/office";
import { copySheets, OperationError } from "../../src/ops";
import { undoLast, withUndo } from "../../src/taskpane/undo";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

function setup(unsupported: string[] = []): FakeWorkbook {
  const wb = new FakeWorkbook({
    sheets: {
      封面: [["2024 年度"]],
      表1: [
        ["项目", "得分"],
        ["甲", 16],
        ["乙", "=B2*2"],
      ],
    },
  });
  for (const s of unsupported) wb.unsupportedSets.add(s);
  const s = wb.mustSheet("表1");
  s.cell(1, 1)!.numberFormat = "0.00";
  s.notes.push({ cell: "A1", text: "填表说明", kind: "note" });
  wb.activeSheetName = "表1";
  fake = installFakeOffice(globalThis, wb);
  return wb;
}

const stateOf = (wb: FakeWorkbook, name: string) => {
  const s = wb.mustSheet(name);
  return { cells: [...s.cells], notes: s.notes, merges: s.merges };
};

test("the copy holds what the sheet held, right after it; the active sheet stays", async () => {
  const wb = setup();
  const names = await copySheets(createOfficePort(), ["表1"]);
  expect(names).toEqual(["表1 副本"]);
  expect(wb.sheets.map((s) => s.name)).toEqual(["封面", "表1", "表1 副本"]);
  expect(stateOf(wb, "表1 副本")).toEqual(stateOf(wb, "表1"));
  expect(wb.activeSheetName).toBe("表1");
  // A second copy gets a free name.
  expect(await copySheets(createOfficePort(), ["表1"], "副本")).toEqual(["表1 副本 (2)"]);
});

test("撤销 after 替换 restores the original exactly and leaves the copy as it was", async () => {
  const wb = setup();
  const port = createOfficePort();
  const before = stateOf(wb, "表1");
  await copySheets(port, ["表1"]);
  const { record } = await withUndo(port, "replace", ["表1"], () =>
    port.apply({ sheet: "表1", ops: [{ kind: "values", range: "B2", values: [[15]] }] }),
  );
  expect(wb.values("表1", "B2")).toEqual([[15]]);
  await undoLast(port, record!);
  expect(stateOf(wb, "表1")).toEqual(before);
  expect(stateOf(wb, "表1 副本")).toEqual(before);
});

test("without ExcelApi 1.7 the copy is refused in words and nothing changes", async () => {
  const wb = setup(["ExcelApi 1.7"]);
  const port = createOfficePort();
  expect(port.canCopySheet?.()).toBe(false);
  await expect(copySheets(port, ["表1"])).rejects.toThrow(OperationError);
  await expect(copySheets(port, ["表1"])).rejects.toThrow(/ExcelApi 1\.7/);
  expect(wb.sheets.map((s) => s.name)).toEqual(["封面", "表1"]);
});
