/**
 * A tiny in-memory WorkbookPort for component tests: sheets as value grids, document settings,
 * formulas by cell, and a log of what the pane asked for. Writes are recorded; single-cell values and
 * formulas ops are also applied (enough for undo), the rest is not interpreted (the operations'
 * own tests cover what a plan does to cells).
 */
import { parseA1 } from "../../src/engine";
import type { CellValue, SheetSnapshot, WorkbookPort, WritePlan } from "../../src/host/port";

export class MemoryPort implements WorkbookPort {
  sheets: Map<string, CellValue[][]>;
  active: string;
  settings: Record<string, string>;
  applied: WritePlan[] = [];
  settingWrites: [string, string][] = [];
  /** "Sheet!A1" → formula text. */
  formulas = new Map<string, string>();

  constructor(init: { sheets?: Record<string, CellValue[][]>; settings?: Record<string, string> } = {}) {
    this.sheets = new Map(Object.entries(init.sheets ?? { Sheet1: [] }));
    this.active = [...this.sheets.keys()][0];
    this.settings = { ...(init.settings ?? {}) };
  }

  async listSheets(): Promise<string[]> {
    return [...this.sheets.keys()];
  }
  async activeSheet(): Promise<string> {
    return this.active;
  }
  async readSheet(wanted: string | null): Promise<SheetSnapshot> {
    const name = wanted ?? this.active;
    const values = this.sheets.get(name);
    if (!values) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    const formulas = values.map((row, r) => row.map((_, c) => this.formulaAt(name, r, c)));
    // A copy, as a real read is: later writes must not change a snapshot already taken.
    return { name, origin: { row: 0, col: 0 }, values: values.map((r) => r.slice()), formulas, merges: [] };
  }
  private formulaAt(sheet: string, row: number, col: number): string | null {
    for (const [key, f] of this.formulas) {
      const [s, ref] = key.split("!");
      const at = parseA1(ref);
      if (s === sheet && at && at.row === row && at.col === col) return f;
    }
    return null;
  }
  async apply(plan: WritePlan): Promise<void> {
    this.applied.push(plan);
    const grid = this.sheets.get(plan.sheet);
    if (!grid) return;
    for (const op of plan.ops) {
      const at = "range" in op ? parseA1(op.range) : null;
      if (!at) continue;
      while (grid.length <= at.row) grid.push([]);
      const row = grid[at.row];
      while (row.length <= at.col) row.push(null);
      if (op.kind === "values") {
        row[at.col] = op.values[0][0];
        this.formulas.delete(`${plan.sheet}!${op.range}`);
      }
      if (op.kind === "formulas" && op.formulas[0][0] !== null)
        this.formulas.set(`${plan.sheet}!${op.range}`, op.formulas[0][0]);
    }
    // Every row as wide as the widest, as a used range is.
    const width = Math.max(...grid.map((r) => r.length));
    for (const r of grid) while (r.length < width) r.push(null);
  }
  async getSetting(key: string): Promise<string | undefined> {
    return this.settings[key];
  }
  async setSetting(key: string, value: string): Promise<void> {
    this.settingWrites.push([key, value]);
    this.settings[key] = value;
  }
}
