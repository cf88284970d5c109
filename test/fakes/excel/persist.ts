/**
 * The workbook outlives the pane: when the task pane reloads (closed and opened again, or the
 * page refreshed) Excel still holds every cell, format, note and conditional format, and the
 * document settings as last saved with saveAsync — settings set() but never saved are lost, as
 * in Office. These two functions carry a fake workbook across a browser page reload (the
 * end-to-end page keeps the text in sessionStorage). No Node APIs: bundled into a browser page.
 */
import { FakeSheet, FakeWorkbook, type FakeWorkbookInit } from "./state";

interface SheetDump {
  name: string;
  id: string;
  fields: Record<string, unknown>;
}

interface WorkbookDump {
  sheets: SheetDump[];
  activeSheetName: string;
  savedSettings: Record<string, string>;
  nextId: number;
}

// Maps (cells, column widths, row heights) go as their entries, tagged so they come back as Maps.
const MAP_TAG = "__fakeMapEntries";

function replacer(_key: string, v: unknown): unknown {
  return v instanceof Map ? { [MAP_TAG]: [...v] } : v;
}

function isMapDump(v: unknown): v is { [MAP_TAG]: [unknown, unknown][] } {
  return typeof v === "object" && v !== null && MAP_TAG in v;
}

/** Everything the workbook keeps while the pane reloads, as text. */
export function dumpWorkbook(wb: FakeWorkbook): string {
  const dump: WorkbookDump = {
    sheets: wb.sheets.map((s) => {
      const { name, id, ...fields } = s;
      return { name, id, fields: fields as Record<string, unknown> };
    }),
    activeSheetName: wb.activeSheetName,
    savedSettings: wb.savedSettings,
    nextId: wb.nextId,
  };
  return JSON.stringify(dump, replacer);
}

function restoreSheet(d: SheetDump): FakeSheet {
  const s = new FakeSheet(d.name, d.id);
  const target = s as unknown as Record<string, unknown>;
  for (const [field, v] of Object.entries(d.fields)) {
    if (!(field in target)) throw new Error(`fake workbook dump: FakeSheet has no field "${field}"`);
    const current = target[field];
    if (current instanceof Map && isMapDump(v)) {
      current.clear();
      for (const [k, x] of v[MAP_TAG]) current.set(k, x);
    } else target[field] = v;
  }
  return s;
}

/**
 * The workbook as the reloaded pane finds it: the dumped sheets and saved settings, with the host's
 * own properties (display language, platform) from `host`. Document settings start as saved.
 */
export function reopenWorkbook(text: string, host: Omit<FakeWorkbookInit, "sheets" | "settings">): FakeWorkbook {
  const dump = JSON.parse(text) as WorkbookDump;
  const wb = new FakeWorkbook({ sheets: {}, ...host, settings: dump.savedSettings });
  wb.sheets = dump.sheets.map(restoreSheet);
  wb.activeSheetName = dump.activeSheetName;
  wb.nextId = dump.nextId;
  return wb;
}
