/**
 * Past Office's limits the adapter splits, and only then: a write plan over the request budget
 * goes out in several syncs; a read whose answer is too big is re-read in row bands. Either way
 * the result equals the unsplit one.
 */
import { createOfficePort } from "../../src/host/office";
import type { CellValue } from "../../src/host/port";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

const grid = (rows: number): CellValue[][] =>
  Array.from({ length: rows }, (_, i) => [`指标${i}：较长的说明文字用于撑大数据量`, i, i % 3 === 0 ? "=B1" : i / 7]);

test("a write over the request limit is split into bands that each pass, and all lands", async () => {
  const wb = new FakeWorkbook({ sheets: { S: [] } });
  wb.limits.requestPayloadBytes = 20_000;
  fake = installFakeOffice(globalThis, wb);
  const values = grid(1000);
  await createOfficePort({ requestBudgetBytes: 15_000 }).apply({
    sheet: "S",
    ops: [{ kind: "formulas", range: "A1:C1000", formulas: values as string[][] }],
  });
  expect(wb.syncCount).toBeGreaterThan(2);
  expect(wb.values("S", "A1:B1000").map((r) => r[1])).toEqual(values.map((r) => r[1]));
  expect(wb.formula("S", "C1000")).toBe("=B1");
});

test("when the size estimate was too low, the refused batch is re-sent in halves and all lands once", async () => {
  const wb = new FakeWorkbook({ sheets: { Sheet1: [] } });
  wb.limits.requestPayloadBytes = 60_000;
  fake = installFakeOffice(globalThis, wb);
  const values = grid(1000);
  await createOfficePort({ requestBudgetBytes: 10_000_000 }).apply({
    sheet: "新表",
    createSheet: true,
    activate: true,
    ops: [
      { kind: "values", range: "A1:C1000", values },
      { kind: "addMarks", marks: [{ cell: "A1", severity: "error" }] },
    ],
  });
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "新表"]);
  expect(wb.activeSheetName).toBe("新表");
  expect(wb.values("新表", "A1:A1000").map((r) => r[0])).toEqual(values.map((r) => r[0]));
  expect(wb.mustSheet("新表").conditionalFormats).toHaveLength(1);
});

test("a single row bigger than Office's limit fails with a Chinese message and writes nothing", async () => {
  const wb = new FakeWorkbook({ sheets: { S: [] } });
  wb.limits.requestPayloadBytes = 20_000;
  fake = installFakeOffice(globalThis, wb);
  const err = await createOfficePort()
    .apply({ sheet: "S", ops: [{ kind: "values", range: "A1", values: [["很长".repeat(20_000)]] }] })
    .catch((e: unknown) => e);
  expect((err as Error).message).toContain("超过 Excel 单次传输上限");
  expect(wb.value("S", "A1")).toBeNull();
});

test.each([
  // Default band size: the first band is still too big, so the adapter halves until it fits.
  ["response payload limit", { responsePayloadBytes: 30_000 }, {}],
  ["cells-per-read limit", { cellsPerRead: 600 }, { cellsPerReadBand: 600 }],
])("a read over the %s comes back whole, read in bands", async (_label, limits, options) => {
  const wb = new FakeWorkbook({ sheets: { S: grid(800) } });
  wb.mustSheet("S").merges.push({ r1: 0, c1: 0, r2: 1, c2: 0 });
  fake = installFakeOffice(globalThis, wb);
  const whole = await createOfficePort().readSheet("S");
  wb.limits = limits;
  const before = wb.syncCount;
  const banded = await createOfficePort(options).readSheet("S");
  expect(wb.syncCount - before).toBeGreaterThan(2);
  expect(banded).toEqual(whole);
  expect(banded.values).toHaveLength(800);
});

test("more than 512 merged areas (Excel's limit per call): merges read in bands, all of them", async () => {
  const wb = new FakeWorkbook({ sheets: { S: grid(700) } });
  const merges = Array.from({ length: 600 }, (_, i) => ({ r1: i, c1: 0, r2: i, c2: 1 }));
  // One long vertical merge crossing band boundaries (rows 650–699, column C).
  merges.push({ r1: 650, c1: 2, r2: 699, c2: 2 });
  wb.mustSheet("S").merges = merges;
  fake = installFakeOffice(globalThis, wb);
  const before = wb.syncCount;
  const port = createOfficePort();
  const snap = await port.readSheet("S");
  // The refused one-call read, then the used range with its merges in bands: 2 syncs.
  expect(wb.syncCount - before).toBe(2);
  expect(snap.merges).toHaveLength(601);
  expect(snap.merges).toEqual(
    expect.arrayContaining([
      { r1: 650, c1: 2, r2: 699, c2: 2 },
      { r1: 599, c1: 0, r2: 599, c2: 1 },
    ]),
  );
  expect(snap.values).toHaveLength(700);
  // The port remembers the sheet: the next read goes straight to the banded read, in one sync.
  const again = wb.syncCount;
  expect(await port.readSheet("S")).toEqual(snap);
  expect(wb.syncCount - again).toBe(1);
});

test("a sheet longer than the first banded guess reads its remaining merges in one more sync", async () => {
  const wb = new FakeWorkbook({ sheets: { S: grid(10_150) } });
  wb.mustSheet("S").merges = Array.from({ length: 600 }, (_, i) => ({ r1: i * 16, c1: 0, r2: i * 16, c2: 1 }));
  wb.mustSheet("S").merges.push({ r1: 10_120, c1: 2, r2: 10_140, c2: 2 });
  fake = installFakeOffice(globalThis, wb);
  const before = wb.syncCount;
  const snap = await createOfficePort().readSheet("S");
  expect(wb.syncCount - before).toBe(3);
  expect(snap.merges).toHaveLength(601);
  expect(snap.merges).toContainEqual({ r1: 10_120, c1: 2, r2: 10_140, c2: 2 });
});

test("the active sheet is read in the same sync, its name in the snapshot", async () => {
  const wb = new FakeWorkbook({ sheets: { 封面: [["x"]], 表1: grid(5) } });
  wb.activeSheetName = "表1";
  fake = installFakeOffice(globalThis, wb);
  const before = wb.syncCount;
  const snap = await createOfficePort().readSheet(null);
  expect(wb.syncCount - before).toBe(1);
  expect(snap.name).toBe("表1");
  expect(snap.values).toHaveLength(5);
});
