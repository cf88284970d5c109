/**
 * The strict in-memory Excel fake: `installFakeOffice(globalThis, new FakeWorkbook({...}))`
 * replaces Office for the adapter's tests, the benchmarks and the browser end-to-end page.
 * See docs/taskpane-dev.md ("The Excel fake").
 */
export { installFakeOffice, createExcelGlobal, createOfficeGlobal, type InstalledFake } from "./install";
export {
  FakeWorkbook,
  FakeSheet,
  parseAddress,
  addressOf,
  type FakeValue,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeLimits,
  type FakeWorkbookInit,
  type FakeEvaluator,
} from "./state";
export { FakeOfficeError, FakeRequestContext } from "./core";
export { CELLS_PER_READ } from "./range";
/** Cells are keyed row * MAX_COLS + col in FakeSheet.cells. */
export { MAX_COLS as MAX_COLS_FOR_TESTS } from "./state";
