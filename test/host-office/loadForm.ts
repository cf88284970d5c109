/**
 * A generated 项目支出 form loaded into the strict fake with Excel on the web's 5 MB limits on,
 * for the sync-budget tests and benchmarks. `emptyScores` clears every stated indicator 得分 so
 * calculate has something to fill (the generated form is otherwise complete).
 */
import { FakeWorkbook, MAX_COLS_FOR_TESTS } from "../fakes/excel";
import { generateProjectSheet } from "../fixtures/generate";

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const FORM_SHEET = "自评表";

export function loadGeneratedForm(rows: number): FakeWorkbook {
  const wb = new FakeWorkbook({ sheets: { Sheet1: [] } });
  wb.limits = { requestPayloadBytes: WEB_PAYLOAD_LIMIT, responsePayloadBytes: WEB_PAYLOAD_LIMIT };
  wb.putSnapshot(generateProjectSheet(rows), FORM_SHEET);
  return wb;
}

/** Empty the numbers under the indicator block's "得分" header; returns their rows (0-based). */
export function emptyScores(wb: FakeWorkbook): { col: number; rows: number[] } {
  const sheet = wb.mustSheet(FORM_SHEET);
  const headers = [...sheet.cells.entries()].filter(([, c]) => c.value === "得分").map(([k]) => k);
  // The indicator block's 得分 header is the last one (the funds block comes first).
  const key = Math.max(...headers);
  const col = key % MAX_COLS_FOR_TESTS;
  const headerRow = Math.floor(key / MAX_COLS_FOR_TESTS);
  const rows: number[] = [];
  for (const [k, c] of sheet.cells) {
    const r = Math.floor(k / MAX_COLS_FOR_TESTS);
    if (k % MAX_COLS_FOR_TESTS === col && r > headerRow && typeof c.value === "number") {
      c.value = null;
      rows.push(r);
    }
  }
  return { col, rows };
}
