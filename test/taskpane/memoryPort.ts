/**
 * A tiny in-memory WorkbookPort for component tests: sheets as value grids, document settings,
 * and a log of what the pane asked for. Writes are recorded, not interpreted (the operations'
 * own tests cover what a plan does to cells).
 */
import type { CellValue, SheetSnapshot, WorkbookPort, WritePlan } from "../../src/host/port";

export class MemoryPort implements WorkbookPort {
  sheets: Map<string, CellValue[][]>;
  active: string;
  settings: Record<string, string>;
  applied: WritePlan[] = [];
  settingWrites: [string, string][] = [];

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
    return { name, origin: { row: 0, col: 0 }, values, merges: [] };
  }
  async apply(plan: WritePlan): Promise<void> {
    this.applied.push(plan);
  }
  async getSetting(key: string): Promise<string | undefined> {
    return this.settings[key];
  }
  async setSetting(key: string, value: string): Promise<void> {
    this.settingWrites.push([key, value]);
    this.settings[key] = value;
  }
}
