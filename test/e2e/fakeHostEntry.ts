/**
 * Browser entry for the end-to-end page, answered in place of office.js from Microsoft's CDN:
 * installs the strict Excel fake with the workbook the test prepared (window.__E2E_INIT__) and
 * exposes the workbook state as window.__fakeWorkbook so the test can read cells.
 *
 * A pane reload keeps the workbook, as Excel does: window.__keepWorkbookForReload() puts the
 * workbook (cells, marks, notes, saved document settings) in sessionStorage, and the reloaded page
 * opens that workbook instead of the prepared one.
 */
import type { SheetSnapshot } from "../../src/engine/sheet/snapshot";
import { installFakeCustomFunctions } from "../fakes/customFunctions";
import { FakeWorkbook, installFakeOffice } from "../fakes/excel";
import { dumpWorkbook, reopenWorkbook } from "../fakes/excel/persist";

export interface E2EInit {
  sheets: SheetSnapshot[];
  displayLanguage: string;
  settings?: Record<string, string>;
  /** Office.context.diagnostics.platform (default "OfficeOnline"). */
  platform?: string;
}

const KEPT = "jx.e2e.keptWorkbook";
const g = globalThis as unknown as Record<string, unknown>;
const init = g.__E2E_INIT__ as E2EInit;

function preparedWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook({
    sheets: {},
    displayLanguage: init.displayLanguage,
    settings: init.settings,
    platform: init.platform,
  });
  for (const s of init.sheets) wb.putSnapshot(s);
  wb.activeSheetName = init.sheets[0]?.name ?? "";
  return wb;
}

const kept = sessionStorage.getItem(KEPT);
sessionStorage.removeItem(KEPT);
const workbook = kept
  ? reopenWorkbook(kept, { displayLanguage: init.displayLanguage, platform: init.platform })
  : preparedWorkbook();
installFakeOffice(globalThis, workbook);

// The page registers the custom functions (shared runtime) with the strict fake, which throws on
// an id associated twice: record each id, and the function now associated with it, so a test can
// call it as Excel would.
const customFunctions = installFakeCustomFunctions(globalThis);
g.__associated = customFunctions.associated;
g.__duplicatedNames = customFunctions.duplicates;
g.__customFunctions = customFunctions.functions;
g.__fakeWorkbook = workbook;
g.__reopenedWorkbook = kept !== null;
g.__keepWorkbookForReload = () => sessionStorage.setItem(KEPT, dumpWorkbook(workbook));
