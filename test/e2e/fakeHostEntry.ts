/**
 * Browser entry for the end-to-end page, answered in place of office.js from Microsoft's CDN:
 * installs the strict Excel fake with the workbook the test prepared (window.__E2E_INIT__) and
 * exposes the workbook state as window.__fakeWorkbook so the test can read cells.
 */
import type { SheetSnapshot } from "../../src/engine/sheet/snapshot";
import { FakeWorkbook, installFakeOffice } from "../fakes/excel";

export interface E2EInit {
  sheets: SheetSnapshot[];
  displayLanguage: string;
  settings?: Record<string, string>;
  /** Office.context.diagnostics.platform (default "OfficeOnline"). */
  platform?: string;
}

const g = globalThis as unknown as Record<string, unknown>;
const init = g.__E2E_INIT__ as E2EInit;
const workbook = new FakeWorkbook({
  sheets: {},
  displayLanguage: init.displayLanguage,
  settings: init.settings,
  platform: init.platform,
});
for (const s of init.sheets) workbook.putSnapshot(s);
workbook.activeSheetName = init.sheets[0]?.name ?? "";
installFakeOffice(globalThis, workbook);

// The page registers the custom functions (shared runtime): record each id, and the function now
// associated with it, so a test can call it as Excel would.
const associated: string[] = [];
const customFunctions: Record<string, (...args: unknown[]) => unknown> = {};
g.CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => {
    associated.push(id);
    customFunctions[id.toUpperCase()] = fn;
  },
  Error: class extends Error {},
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};
g.__associated = associated;
g.__customFunctions = customFunctions;
g.__fakeWorkbook = workbook;
