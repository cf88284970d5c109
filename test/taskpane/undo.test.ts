/** What 撤销 keeps and puts back: every changed cell as it was — value, formula and number format. */
import type { SheetSnapshot } from "../../src/engine";
import { changedCells, parseUndo, restorePlan, undoLast, withUndo } from "../../src/taskpane/undo";
import { MemoryPort } from "./memoryPort";

const snap = (
  values: SheetSnapshot["values"],
  formulas?: SheetSnapshot["formulas"],
  numberFormats?: SheetSnapshot["numberFormats"],
): SheetSnapshot => ({
  name: "表1",
  origin: { row: 1, col: 1 },
  values,
  formulas,
  numberFormats,
  merges: [],
});

test("only changed cells, as they were: a typed value, a formula, a format, a cell that was empty", () => {
  const before = snap([[19, 0.5, null]], [[null, "=JX.EXECRATE(A1,A2)", null]], [["0.00", "0.00%", null]]);
  const after = snap(
    [
      [20, 0.5, 99],
      [null, null, null],
    ],
    [
      [null, null, null],
      [null, null, null],
    ],
    [
      ["0.00", "0.00%", "0.00"],
      [null, null, null],
    ],
  );
  const changed = changedCells(before, after);
  expect(changed).toEqual([
    { cell: "B2", value: 19, formula: null, format: "0.00", after: { value: 20, formula: null } },
    { cell: "C2", value: 0.5, formula: "=JX.EXECRATE(A1,A2)", format: "0.00%", after: { value: 0.5, formula: null } },
    { cell: "D2", value: null, formula: null, format: null, after: { value: 99, formula: null } },
  ]);
  const plan = restorePlan("表1", changed);
  expect(plan.ops).toEqual([
    { kind: "values", range: "B2", values: [[19]] },
    { kind: "numberFormat", range: "B2", format: "0.00" },
    { kind: "formulas", range: "C2", formulas: [["=JX.EXECRATE(A1,A2)"]] },
    { kind: "numberFormat", range: "C2", format: "0.00%" },
    { kind: "values", range: "D2", values: [[null]] },
    { kind: "numberFormat", range: "D2", format: "General" },
  ]);
});

test("a damaged or empty record is no record", () => {
  expect(parseUndo(undefined)).toBeNull();
  expect(parseUndo("")).toBeNull();
  expect(parseUndo("{not json")).toBeNull();
  expect(parseUndo(JSON.stringify({ action: "freeze", sheets: [] }))).toBeNull();
  expect(parseUndo(JSON.stringify({ action: "freeze", sheets: [{ sheet: "表1", cells: [] }] }))?.action).toBe("freeze");
});

test("undo never overwrites what was typed after the write: those cells are named and kept", async () => {
  const port = new MemoryPort({ sheets: { 表1: [["得分", 19, null, null]] } });
  const { record } = await withUndo(port, "calculate", ["表1"], () =>
    port.apply({
      sheet: "表1",
      ops: [
        { kind: "values", range: "B1", values: [[20]] },
        { kind: "values", range: "C1", values: [[40]] },
        { kind: "formulas", range: "D1", formulas: [["=B1+C1"]] },
      ],
    }),
  );
  expect(record!.sheets[0].cells.map((c) => c.cell)).toEqual(["B1", "C1", "D1"]);
  // Later the clerk types 35 over the 40 the pane wrote; the formula's value is Excel's to change.
  port.sheets.get("表1")![0][2] = 35;
  port.sheets.get("表1")![0][3] = 55;
  const result = await undoLast(port, record!);
  expect(result).toEqual({ restored: 2, kept: ["表1!C1"] });
  expect(port.sheets.get("表1")![0].slice(0, 3)).toEqual(["得分", 19, 35]);
  expect(port.formulas.has("表1!D1")).toBe(false);
  expect(port.settings["jx.undo"]).toBe("");
});

test("a record written before the write's own state was kept restores every cell, as it always did", async () => {
  const port = new MemoryPort({ sheets: { 表1: [["得分", 20]] } });
  const record = {
    action: "calculate" as const,
    sheets: [{ sheet: "表1", cells: [{ cell: "B1", value: 19, formula: null, format: null }] }],
  };
  port.sheets.get("表1")![0][1] = 21;
  expect(await undoLast(port, record)).toEqual({ restored: 1, kept: [] });
  expect(port.sheets.get("表1")![0][1]).toBe(19);
});
