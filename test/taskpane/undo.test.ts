/** What 撤销 keeps and puts back: every changed cell as it was — value, formula and number format. */
import type { SheetSnapshot } from "../../src/engine";
import { changedCells, parseUndo, restorePlan } from "../../src/taskpane/undo";

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
    { cell: "B2", value: 19, formula: null, format: "0.00" },
    { cell: "C2", value: 0.5, formula: "=JX.EXECRATE(A1,A2)", format: "0.00%" },
    { cell: "D2", value: null, formula: null, format: null },
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
