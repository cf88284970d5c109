/**
 * 标记 / 清除标记 through the Office adapter: marks change no value and no existing format,
 * and clearing removes exactly ours — also from a later session (save + reopen keeps only what
 * is in the file: the conditional formats and their formulas, nothing in memory).
 */
import { createOfficePort, MARK_MARKER } from "../../src/host/office";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

function setup(): FakeWorkbook {
  const wb = new FakeWorkbook({
    sheets: {
      S: [
        ["a", 1],
        ["b", 2],
        ["c", 3],
        ["d", 4],
      ],
    },
  });
  wb.mustSheet("S").cell(0, 0)!.format.fill = "#00FF00";
  // The user's own conditional format, which must survive clearMarks.
  wb.mustSheet("S").conditionalFormats.push({
    id: "user",
    type: "Custom",
    range: { r1: 0, c1: 1, r2: 3, c2: 1 },
    formula: "=B1>2",
    fill: "#FF0000",
  });
  fake = installFakeOffice(globalThis, wb);
  return wb;
}

test("addMarks: one tagged conditional format per run of cells, values and formats untouched", async () => {
  const wb = setup();
  const before = wb.syncCount;
  await createOfficePort().apply({
    sheet: "S",
    ops: [
      {
        kind: "addMarks",
        marks: [
          { cell: "A1", severity: "error" },
          { cell: "A2", severity: "error" },
          { cell: "A4", severity: "error" },
          { cell: "B2", severity: "warning" },
        ],
      },
    ],
  });
  expect(wb.syncCount - before).toBe(1);
  const ours = wb.conditionalFormatsWith("S", MARK_MARKER);
  expect(ours.map((cf) => [cf.range, cf.fill, cf.formula])).toEqual([
    [{ r1: 0, c1: 0, r2: 1, c2: 0 }, "#FFC7CE", `=ISTEXT("${MARK_MARKER}")`],
    [{ r1: 3, c1: 0, r2: 3, c2: 0 }, "#FFC7CE", `=ISTEXT("${MARK_MARKER}")`],
    [{ r1: 1, c1: 1, r2: 1, c2: 1 }, "#FFEB9C", `=ISTEXT("${MARK_MARKER}")`],
  ]);
  expect(wb.values("S", "A1:B4")).toEqual([
    ["a", 1],
    ["b", 2],
    ["c", 3],
    ["d", 4],
  ]);
  expect(wb.cell("S", "A1")?.format).toEqual({ fill: "#00FF00" });
});

test("clearMarks from a fresh session removes exactly ours in 2 syncs", async () => {
  const wb = setup();
  await createOfficePort().apply({
    sheet: "S",
    ops: [{ kind: "addMarks", marks: [{ cell: "B3", severity: "info" }] }],
  });
  // Marks written by the CLI (exceljs adapter) carry the same tag without the leading "=".
  wb.mustSheet("S").conditionalFormats.push({
    id: "cli",
    type: "Custom",
    range: { r1: 2, c1: 0, r2: 2, c2: 0 },
    formula: `ISTEXT("${MARK_MARKER}")`,
    fill: "#DDEBF7",
  });
  fake.uninstall();
  fake = installFakeOffice(globalThis, wb); // "reopen": new globals, only the workbook state survives
  const before = wb.syncCount;
  await createOfficePort().apply({ sheet: "S", ops: [{ kind: "clearMarks" }] });
  expect(wb.syncCount - before).toBe(2);
  expect(wb.mustSheet("S").conditionalFormats.map((cf) => cf.id)).toEqual(["user"]);
});

test("clear then mark again in one plan: old marks gone, new ones present", async () => {
  const wb = setup();
  const port = createOfficePort();
  await port.apply({ sheet: "S", ops: [{ kind: "addMarks", marks: [{ cell: "A1", severity: "error" }] }] });
  await port.apply({
    sheet: "S",
    ops: [{ kind: "addMarks", marks: [{ cell: "B4", severity: "warning" }] }, { kind: "clearMarks" }],
  });
  expect(wb.conditionalFormatsWith("S", MARK_MARKER).map((cf) => cf.range)).toEqual([{ r1: 3, c1: 1, r2: 3, c2: 1 }]);
  expect(wb.mustSheet("S").conditionalFormats).toHaveLength(2);
});
