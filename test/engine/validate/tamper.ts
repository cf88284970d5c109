/**
 * Seed forms to tamper with: a deep copy of a seed snapshot and setters by absolute 0-based
 * coordinates (the layout of test/fixtures/seed001.ts tells where every cell is).
 */
import type { CellValue, SheetSnapshot } from "../../../src/engine/sheet/snapshot";
import {
  seedDepartmentFormWithLayout,
  seedProjectFormsWithLayout,
  type DepartmentLayout,
  type ProjectLayout,
} from "../../fixtures/seed001";

export interface Tamperable<L> {
  sheet: SheetSnapshot;
  layout: L;
  /** Set a cell's value (and optionally its number format, and its formula). */
  set(row: number, col: number, value: CellValue, format?: string | null, formula?: string | null): void;
  get(row: number, col: number): CellValue;
}

export function tamperable<L>(source: SheetSnapshot, layout: L): Tamperable<L> {
  const sheet: SheetSnapshot = structuredClone(source);
  const { row: r0, col: c0 } = sheet.origin;
  const rows = sheet.values.length;
  const cols = sheet.values[0]?.length ?? 0;
  sheet.numberFormats ??= sheet.values.map((r) => r.map(() => null));
  sheet.formulas ??= sheet.values.map((r) => r.map(() => null));
  return {
    sheet,
    layout,
    set(row, col, value, format, formula) {
      const r = row - r0;
      const c = col - c0;
      if (r < 0 || c < 0 || r >= rows || c >= cols) throw new Error(`tamper: (${row},${col}) outside the sheet`);
      sheet.values[r][c] = value;
      if (format !== undefined) sheet.numberFormats![r][c] = format;
      if (formula !== undefined) sheet.formulas![r][c] = formula;
    },
    get(row, col) {
      return sheet.values[row - r0][col - c0];
    },
  };
}

/** Seed project form n (0, 1, 2), ready to tamper with. */
export function projectSeed(n = 0): Tamperable<ProjectLayout> {
  const { sheet, layout } = seedProjectFormsWithLayout()[n];
  return tamperable(sheet, layout);
}

export function departmentSeed(): Tamperable<DepartmentLayout> {
  const { sheet, layout } = seedDepartmentFormWithLayout();
  return tamperable(sheet, layout);
}
